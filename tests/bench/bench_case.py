"""Notebook 01: loading the case and updating its widgets."""

from __future__ import annotations

from tests.bench.timing import median_ms


def run():
    import kit
    from kit.content import cache

    rows = []

    def cold_load():
        cache.clear()
        kit.load_case("slack-2024")

    rows.append(("load and validate the Slack case (cold)", median_ms(cold_load, repeat=10), 100))
    rows.append(("load the Slack case (cached)", median_ms(lambda: kit.load_case("slack-2024")), 5))
    view = kit.show_case_timeline("slack-2024")
    n = len(view.cursor.events)
    state = {"i": 0}

    def step():
        state["i"] = (state["i"] + 1) % n
        view.picker.value = state["i"]  # value change -> new HTML in the detail pane

    rows.append(("timeline: pick an event -> new detail shown", median_ms(step, repeat=30), 100))
    opt = kit.show_opt_out("slack-2024")
    roles = [a.id for a in kit.load_case("slack-2024").meta.actors]

    def switch():
        opt.role.value = roles[(roles.index(opt.role.value) + 1) % len(roles)]

    rows.append(("opt-out: switch role -> both panes redrawn", median_ms(switch, repeat=30), 100))
    rows.append(("timeline plot: write the SVG figure with alt text",
                 median_ms(lambda: kit.show_timeline_plot("slack-2024"), repeat=9), 100))
    return rows
