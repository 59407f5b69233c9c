"""Notebook 03 views: the published default-effect figures, and the opt-in / opt-out simulation with sliders.

Thin views: the model is :mod:`kit.research`, the figures are :mod:`kit.plots.research`, the words are
``data/ui/en.yaml`` (section ``defaults``) and the presets and assumptions are ``data/research/simulation.yaml``.
"""

from __future__ import annotations

from ..content.research import Research, SimulationFile
from ..i18n import language, t
from ..locale import colon, number
from ..plots import figure_html
from ..plots.research import (
    chart_alt,
    chart_caption,
    chart_figure,
    shown_value,
    simulation_alt,
    simulation_figure,
)
from ..research import SETTINGS, Params, Setting, read_setting, simulate, simulate_all
from . import html as h
from . import widgets as w
from .static import Static

__all__ = ["DefaultEffectsView", "SimulationView", "figures_table_html"]

CUSTOM = "custom"
#: i25: wide enough for every setting's name in either language (« Membres par espace » was cut at 9em)
_LABEL_WIDTH = "11em"


def figures_table_html(research: Research) -> str:
    """Every figure with its study, place in the study, value, source link and status; then each study's caveat."""
    rows = []
    td = "<td style='vertical-align:top;padding:0.15em 0.4em'>"
    for f in research.figures:
        s = research.study(f.study)
        more = h.labelled(t("defaults.col_where"), h.esc(f.where)) + (
            h.labelled(t("common.note"), h.esc(f.note)) if f.note else "")
        rows.append(
            "<tr>"
            f"{td}{h.esc(s.authors)} ({s.year})</td>"
            f"{td}<details><summary>{h.esc(f.condition)}</summary>{more}</details></td>"
            f"{td}<span style='white-space:nowrap'>{h.link(f.source, shown_value(f))} "
            f"{h.esc(t('defaults.unit_short.' + f.unit))}</span>{h.read_in_copy(f.read_at)}</td>"
            f"{td}{h.status_badge(f.status)}</td></tr>"
        )
    head = "".join(f"<th scope='col' style='text-align:left;padding:0.15em 0.4em'>{h.esc(x)}</th>" for x in (
        t("defaults.col_study"), t("defaults.col_condition"), t("defaults.col_value"), t("status.heading")))
    # Four columns fit 800 px; where in the study and the note open under the condition, on demand.
    table = h.scroll_box(f"<table style='border-collapse:collapse;font-size:0.9em;width:100%'><thead><tr>{head}</tr>"
                         f"</thead><tbody>{''.join(rows)}</tbody></table>", t("defaults.figures_title"))
    caveats = "".join(
        f"<li><strong>{h.esc(colon(f'{s.authors} ({s.year})'))}</strong> {h.esc(s.caveat)}"
        + (f" {h.link(s.url, s.title or s.url)}{h.read_in_copy(s.read_at)} {h.status_badge(s.status)}"
           if s.status else "") + "</li>"
        for s in research.studies if s.caveat
    )
    return h.card(h.heading(t("defaults.figures_title")) + table + h.heading(t("defaults.caveat"), 5)
                  + f"<ul>{caveats}</ul>", label=t("defaults.figures_title"))


class DefaultEffectsView(Static, w.VBox):
    """The research charts, each with alt text and a caption, then the table of every figure and the caveats."""

    def __init__(self, research: Research, charts: tuple[str, ...] | None = None):
        """``charts``: the charts to draw (default: those the research files list, ``research.charts``)."""
        charts = research.charts if charts is None else charts
        self.research = research
        #: Each chart's HTML (its PNG, alt text and caption), by chart id, and the table's: nothing here changes once
        #: shown, so the page gets them as one control, not eleven (issue 26).
        self.charts = {c: figure_html(chart_figure(research, c), chart_alt(research, c),
                                      chart_caption(research, c)) for c in charts}
        self.table = figures_table_html(research)
        super().__init__([w.HTML(self.static_html())])

    def static_html(self) -> str:
        """The charts (with alt text and captions), then the table of figures and the caveats."""
        return h.heading(t("defaults.title"), 3) + "".join(self.charts.values()) + self.table

    def static_text(self) -> str:
        return t("static.defaults", title=t("defaults.title"), n=len(self.research.figures),
                 studies=len(self.research.studies))


def _number(name: str):
    """A labelled text box for a number: screen readers read its name, and the kernel reads what was typed.

    ipywidgets' number boxes (``BoundedFloatText``) read and clamp the text in the browser: "12,5" reached the kernel
    as 100, "150" as 100 and "abc" as nothing at all, so the view could not say what it had done (issue 27 item 2).
    A text box hands over the text as typed; :func:`kit.research.read_setting` reads it and the view says what it
    did. (Sliders cannot be named for screen readers: ipywidgets#2650.)
    """
    box = w.Text(description=t(f"defaults.sim.{name}"), continuous_update=False,
                 style={"description_width": _LABEL_WIDTH}, layout={"width": "min(100%, 18em)"})
    box.tooltip = t(f"defaults.sim.{name}_tooltip")
    return box


def _shown_number(value: float) -> str:
    """A setting's value as the box shows it, in the language's way (100,000 / 100 000; 12.5 / 12,5)."""
    return number(round(value, 4))


class SimulationView(Static, w.VBox):
    """Number boxes and a preset list over :func:`kit.research.simulate_all`; the chart and the numbers follow them."""

    def __init__(self, sim: SimulationFile, preset: str | None = None):
        self.sim = sim
        first = sim.preset(preset) if preset else sim.presets[0]
        self._quiet = False
        self.preset = w.Dropdown(
            options=[(p.label, p.id) for p in sim.presets] + [(t("defaults.sim.preset_custom"), CUSTOM)],
            value=first.id, description=t("defaults.sim.preset"), style={"description_width": _LABEL_WIDTH},
            layout={"width": "min(100%, 30em)"},
        )
        self.preset.tooltip = t("defaults.sim.preset_tooltip")
        #: the range of each box, and the value the simulation uses (what was typed, once read)
        self.settings: dict[str, Setting] = dict(SETTINGS)
        self.settings["n"] = Setting(SETTINGS["n"].low, max(SETTINGS["n"].high, sim.population), whole=True)
        self.values: dict[str, float] = {"n": sim.population, "want": 50, "awareness": 50, "cost": 1, "patience": 10,
                                         "workspace": 50}
        self.boxes: dict[str, w.Text] = {name: _number(name) for name in self.settings}
        self.n, self.want, self.awareness, self.cost, self.patience, self.workspace = (
            self.boxes[k] for k in ("n", "want", "awareness", "cost", "patience", "workspace"))
        self.default = w.ToggleButtons(options=[(t("defaults.sim.default_in"), "in"),
                                                (t("defaults.sim.default_out"), "out")],
                                       description=t("defaults.sim.default"), style={"description_width": _LABEL_WIDTH},
                                       tooltips=[t("defaults.sim.default_tooltip")] * 2)
        self.default.tooltip = t("defaults.sim.default_tooltip")
        self.who = w.ToggleButtons(options=[(t("defaults.sim.who_each"), "each"),
                                            (t("defaults.sim.who_owner"), "owner")],
                                   description=t("defaults.sim.who"), style={"description_width": _LABEL_WIDTH},
                                   tooltips=[t("defaults.sim.who_tooltip")] * 2)
        self.who.tooltip = t("defaults.sim.who_tooltip")
        self.controls = (self.n, self.want, self.awareness, self.cost, self.patience, self.default, self.who,
                         self.workspace)
        self.preset_note = w.HTML()
        #: what was done with a value typed out of range or unreadable, said in words (empty when read as typed)
        self.typed_note = w.HTML()
        self.typed_note.add_class("kit-typed-note")
        self.plot = w.HTML(layout={"min_height": "360px"})
        self.numbers = w.HTML()
        items = "".join(f"<li>{h.esc(a)}</li>" for a in sim.assumptions)
        self.assumptions = w.HTML(
            f"<details><summary>{h.esc(t('defaults.sim.assumptions'))}</summary><ol>{items}</ol></details>")
        self.apply_preset(first.id)
        self.preset.observe(self._preset_picked, names="value")
        for name, box in self.boxes.items():
            box.observe(lambda change, name=name: self._typed(name, change["new"]), names="value")
        for c in (self.default, self.who):
            c.observe(self._changed, names="value")
        super().__init__([
            w.HTML(h.heading(t("defaults.sim.title"), 3) + h.para(t("defaults.sim.intro"))),
            self.preset, self.preset_note, *self.controls, self.typed_note, self.plot, self.numbers,
            self.assumptions,
        ])

    # ------------------------------------------------------------------ state
    def params(self) -> Params:
        v = self.values
        return Params(n=int(v["n"]), want=v["want"] / 100, awareness=v["awareness"] / 100,
                      cost_minutes=float(v["cost"]), patience_minutes=float(v["patience"]),
                      default=self.default.value, who_acts=self.who.value, workspace_size=int(v["workspace"]),
                      seed=self.sim.seed)

    def _set(self, name: str, value: float) -> None:
        """Keep ``value`` for the box ``name`` and show it there, without reading it back as typed."""
        self.values[name] = value
        quiet, self._quiet = self._quiet, True
        try:
            self.boxes[name].value = _shown_number(value)
        finally:
            self._quiet = quiet

    def _typed(self, name: str, text: str) -> None:
        """A student typed ``text`` in the box ``name``: use what :func:`read_setting` makes of it, and say why
        when that is not what was typed."""
        if self._quiet:
            return
        setting, before = self.settings[name], self.values[name]
        r = read_setting(text, setting, before, language())
        self._set(name, r.value)
        said = "" if r.key is None else t(r.key, name=self.boxes[name].description, typed=r.typed,
                                          value=_shown_number(r.value), low=_shown_number(setting.low),
                                          high=_shown_number(setting.high))
        self.typed_note.value = f"<p role='status'><strong>{h.esc(said)}</strong></p>" if said else ""
        if r.value != before:
            self._changed(None)

    def apply_preset(self, preset_id: str) -> None:
        """Move every control to the preset's values, then redraw once."""
        p = self.sim.preset(preset_id)
        self._quiet = True
        try:
            for name, value in (("n", self.values["n"]), ("want", round(p.want * 100)),
                                ("awareness", round(p.awareness * 100)), ("cost", p.cost_minutes),
                                ("patience", p.patience_minutes), ("workspace", p.workspace_size)):
                self._set(name, value)
            self.default.value, self.who.value = p.default, p.who_acts
            if self.preset.value != preset_id:
                self.preset.value = preset_id
        finally:
            self._quiet = False
        self.typed_note.value = ""
        note = h.para(p.description) + (h.labelled(t("defaults.sim.preset_note"), h.esc(p.note)) if p.note else "")
        self.preset_note.value = h.card(note, label=p.label)
        self.update()

    def _preset_picked(self, change) -> None:
        if self._quiet:
            return
        if change["new"] == CUSTOM:
            self.preset_note.value = ""
            return
        self.apply_preset(change["new"])

    def _changed(self, _change) -> None:
        if self._quiet:
            return
        if self.preset.value != CUSTOM:
            self._quiet = True
            self.preset.value = CUSTOM
            self._quiet = False
            self.preset_note.value = ""
        self.update()

    def _settings_html(self) -> str:
        """Every control's name and value, as text."""
        items = []
        for c in (self.preset, *self.controls):
            value = c.label if isinstance(c, (w.Dropdown, w.ToggleButtons)) else c.value
            items.append(f"{h.esc(colon(c.description))} <strong>{h.esc(value)}</strong>")
        return h.labelled(t("static.settings"), h.bullets(items))

    def static_html(self) -> str:
        """The settings, the preset's note, the chart and the numbers at the current settings; the assumptions."""
        return (h.heading(t("defaults.sim.title"), 3) + self._settings_html() + self.preset_note.value
                + self.plot.value + self.numbers.value + self.assumptions.value)

    def static_text(self) -> str:
        o = simulate(self.params())
        return t("static.simulation", title=t("defaults.sim.title"), preset=self.preset.label,
                 included=f"{100 * o.share_included:.1f}", mismatch=f"{100 * o.share_mismatch:.1f}")

    # ----------------------------------------------------------------- render
    def update(self) -> None:
        p = self.params()
        outcomes = simulate_all(p)
        current = (p.default, p.who_acts)
        self.plot.value = figure_html(simulation_figure(outcomes, current), simulation_alt(outcomes, current),
                                      t("defaults.sim.caption"))
        self.numbers.value = self.numbers_html(p)

    def numbers_html(self, p: Params) -> str:
        o = simulate(p)
        other = simulate(p, default="out" if p.default == "in" else "in")
        # i13: numbers follow the language (100,000 / 100 000; 42.5 / 42,5)
        pct = lambda x: number(100 * x, 1)  # noqa: E731
        regime = t(f"defaults.sim.regime.{p.default}_{p.who_acts}").replace("\n", ", ")
        lines = [
            t("defaults.sim.included", share=pct(o.share_included), count=number(o.included), n=number(o.n)),
            t("defaults.sim.wanted", share=pct(o.share_wanted)),
            t("defaults.sim.mismatch", share=pct(o.share_mismatch), count=number(o.mismatch), n=number(o.n)),
            t("defaults.sim.included_unwanted", count=number(o.included_unwanted)),
            t("defaults.sim.excluded_wanted", count=number(o.excluded_wanted)),
            t("defaults.sim.acted", count=number(o.acted)),
            t("defaults.sim.could_act", count=number(o.could_act), n=number(o.n)),
            t("defaults.sim.other_default", share=pct(other.share_included), mismatch=pct(other.share_mismatch)),
        ]
        items = "".join(f"<li class='kit-sim-{i}'>{h.esc(x)}</li>" for i, x in enumerate(lines))
        return h.card(h.heading(t("defaults.sim.numbers_title", regime=regime), 4) + f"<ul>{items}</ul>",
                      label=t("defaults.sim.numbers_title", regime=regime))
