"""Benchmark: a slider change in the simulation view to a redrawn plot, N = 100,000 (budget 150 ms), beside the time
writing the same figure alone takes (SVG, kit/plots/svg.py)."""

from __future__ import annotations

from tests.bench.timing import median_ms

BUDGET_MS = 150.0


def run() -> list[tuple[str, float, float]]:
    from kit.content.research import load_simulation
    from kit.plots.research import simulation_figure
    from kit.research import simulate_all
    from kit.ui.research import SimulationView

    view = SimulationView(load_simulation(), "one-click-opt-out")
    view.n.value = "100000"
    values = iter(range(10_000))

    def slider_change():
        view.want.value = str(20 + next(values) % 60)  # a new value each time: the observer recomputes and redraws

    outcomes = simulate_all(view.params())
    current = (view.default.value, view.who.value)

    def figure_only():
        simulation_figure(outcomes, current)

    return [
        ("slider change → redrawn plot (N=100,000)", median_ms(slider_change, repeat=9), BUDGET_MS),
        ("same figure alone (SVG)", median_ms(figure_only, repeat=9), BUDGET_MS),
    ]


if __name__ == "__main__":
    for what, ms, budget in run():
        print(f"{what:60s} {ms:8.1f} ms  (budget {budget:.0f} ms)")
