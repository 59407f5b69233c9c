"""Research figures on defaults, and the simulation's presets: the schema, the loader and the cross-checks.

``data/research/`` holds:

* any number of figure files (``*.yaml``, e.g. ``defaults.yaml``): ``studies`` (who, when, where published) and
  ``figures`` (one published number each: the study it comes from, the table or figure, the condition, the value
  and unit, the page it was read on and how well it was checked);
* ``simulation.yaml``: the simulation's seed, its assumptions in the kit's own words and its presets.

Every figure cites a study by id (from any figure file), and every problem names the file, the line, the entry
and the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .base import ContentKind, check_duplicates, check_refs, check_stray_files, data_root, load_checked, load_file
from .case import CHECKED_NOTE_DOC, STATUS_DOC, Status
from .errors import ContentError, NotFound, display_path, safe_resolve
from .schema import Id, Line, ParseContext, Record, Text, Url, doc

__all__ = [
    "Figure",
    "Preset",
    "Research",
    "SimulationFile",
    "Study",
    "check_research",
    "load_research",
    "load_simulation",
]

Unit = Literal["percent", "percentage-points", "hours-per-year", "usd-billions-per-year", "minutes", "seconds",
               "people"]
Group = Literal["opt-in", "opt-out", "neutral", "other"]
SIMULATION_FILE = "simulation.yaml"


@dataclass(frozen=True, kw_only=True)
class Study(Record):
    entry_name = "study"
    id: Id = doc("a short id figures use to cite this study, like 'johnson-goldstein-2003'")
    authors: Line = doc("the authors, as cited (e.g. 'Johnson, E. J. & Goldstein, D.')", translate="name")
    year: int = doc("the year of the version cited")
    title: Line | None = doc("the title; leave it out only if it was not seen, and say so in the note", None,
                             translate="name")
    venue: Line = doc("where it was published: journal, volume and pages, or 'working paper'", translate="name")
    doi: Line | None = doc("the DOI, like 10.1126/science.1091721, if it has one", None)
    url: Url = doc("the address of the study's page (publisher, DOI resolver or repository)")
    caveat: Text | None = doc("what a reader must keep in mind when using its figures, in the kit's own words", None,
                              translate=True)
    note: Text | None = doc("anything else about the study or how it was checked", None, translate=True)
    status: Status | None = doc("how well the study itself was seen, for a study the kit cites without a figure of "
                                "its own (its caveat is then the fact students read): " + STATUS_DOC, None)
    read_at: Url | None = doc("where the study was read, when that was a copy (shown only as the words 'read in a "
                              "copy')", None)
    checked_note: Text | None = doc(CHECKED_NOTE_DOC, None)


@dataclass(frozen=True, kw_only=True)
class Figure(Record):
    entry_name = "figure"
    id: Id = doc("a short id, like 'jg-denmark'")
    study: Id = doc("the id of the study it comes from")
    chart: Id = doc("which chart or table of the kit shows it, like 'jg-countries'")
    where: Line = doc("the table or figure of the study it is read from, like 'Figure 1'", translate=True)
    condition: Line = doc("the country, condition or quantity this number is for", translate=True)
    group: Group = doc("opt-in, opt-out, neutral or other: how the chart groups it", "other")
    value: float = doc("the number, as published")
    value_high: float | None = doc("the upper end when the study gives a range (value is then the lower end)", None)
    unit: Unit = doc("percent, percentage-points, hours-per-year, usd-billions-per-year, minutes, seconds or people")
    source: Url = doc("the original page the number is published on (students follow this link)")
    read_at: Url | None = doc("where the number was actually read, when that was a copy (an image on a slide host, "
                              "a mirror, a repost)", None)
    status: Status = doc(STATUS_DOC)
    note: Text = doc("caveats for students, in the kit's own words", translate=True)
    checked_note: Text | None = doc(CHECKED_NOTE_DOC, None)

    @property
    def shown(self) -> str:
        """The value as text: 42, 99.97, 22–23."""
        def fmt(x: float) -> str:
            return f"{x:g}" if abs(x) < 1e6 else f"{x:,.0f}"

        if self.value_high is None:
            return fmt(self.value)
        sep = " to " if min(self.value, self.value_high) < 0 else "–"
        return f"{fmt(self.value)}{sep}{fmt(self.value_high)}"


@dataclass(frozen=True, kw_only=True)
class FiguresFile(Record):
    entry_name = "research file"
    studies: tuple[Study, ...] = doc("the studies the figures come from", ())
    figures: tuple[Figure, ...] = doc("the published figures", ())
    charts: tuple[Id, ...] = doc("the charts notebook 03 draws (kit.show_default_effects()), in order: each shows the "
                                 "figures whose 'chart' is its id, under the UI string defaults.chart.<id>", ())


@dataclass(frozen=True, kw_only=True)
class Preset(Record):
    entry_name = "preset"
    id: Id = doc("a short id, like 'slack-as-it-was'")
    label: Line = doc("the name students see in the preset list", translate=True)
    description: Text = doc("what this preset stands for, in the kit's own words", translate=True)
    default: Literal["in", "out"] = doc("in (included unless someone acts) or out (excluded unless someone acts)")
    who_acts: Literal["each", "owner"] = doc("each (every person decides for themselves) or owner (one owner "
                                             "decides for a whole workspace)")
    workspace_size: int = doc("people per workspace (used when only an owner may act)", 50, bounds=(1, 500))
    want: float = doc("share of people who would want their data used, from 0 to 1")
    awareness: float = doc("share of people who know the setting exists, from 0 to 1")
    cost_minutes: float = doc("minutes it takes to act (find the setting, write the email …)", bounds=(0, 60))
    patience_minutes: float = doc("average minutes a person who cares is ready to spend on acting",
                                  bounds=(0.5, 60))
    note: Text | None = doc("where the numbers come from: illustrative, or from which figure", None, translate=True)


@dataclass(frozen=True, kw_only=True)
class SimulationFile(Record):
    entry_name = "simulation file"
    seed: int = doc("the seed of the random draws, so every run gives the same numbers")
    population: int = doc("the number of people simulated by default", bounds=(1000, 1_000_000))
    assumptions: tuple[Text, ...] = doc("the model's assumptions, in the kit's own words", nonempty=True,
                                        translate=True)
    presets: tuple[Preset, ...] = doc("the presets students can pick", nonempty=True)

    def preset(self, preset_id: str) -> Preset:
        for p in self.presets:
            if p.id == preset_id:
                return p
        known = ", ".join(p.id for p in self.presets)
        raise NotFound(f"no simulation preset '{preset_id}' (presets: {known})")


@dataclass(frozen=True)
class Research:
    """Every study and figure under ``data/research``, checked."""

    studies: tuple[Study, ...]
    figures: tuple[Figure, ...]
    charts: tuple[str, ...] = ()  # the charts notebook 03 draws, in order

    def study(self, study_id: str) -> Study:
        for s in self.studies:
            if s.id == study_id:
                return s
        raise NotFound(study_id)

    def chart(self, chart_id: str) -> tuple[Figure, ...]:
        """The figures of one chart, in file order. KeyError if there are none."""
        found = tuple(f for f in self.figures if f.chart == chart_id)
        if not found:
            raise NotFound(f"no research figures for the chart '{chart_id}'")
        return found

    def figure(self, figure_id: str) -> Figure:
        for f in self.figures:
            if f.id == figure_id:
                return f
        raise NotFound(figure_id)


def _folder(root: Path | None) -> Path:
    return (root or data_root()) / "research"


def _figure_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if p.name != SIMULATION_FILE)


def _check_figure(ctx: ParseContext, f: Figure) -> None:
    if f.value_high is not None and f.value_high < f.value:
        ctx.at(f, "value_high", f"the upper end ({f.value_high:g}) is below the value ({f.value:g})")
    if f.unit == "percent" and not (0 <= f.value <= 100 and (f.value_high is None or f.value_high <= 100)):
        ctx.at(f, "value", f"a percentage must be between 0 and 100, got {f.shown}")


def _parse_research(folder: Path, ctx: ParseContext) -> Research:
    before = len(ctx.problems)
    studies: list[Study] = []
    figures: list[Figure] = []
    charts: list[tuple[FiguresFile, int, str]] = []  # where each chart is declared
    files = _figure_files(folder)
    if not files:
        ctx.add(display_path(folder), None, None, None, "no research files: expected at least one *.yaml with figures")
    unparsed = False
    for path in files:
        parsed = load_file(path, FiguresFile, ctx)
        if parsed is not None:
            studies.extend(parsed.studies)
            figures.extend(parsed.figures)
            charts += [(parsed, i, c) for i, c in enumerate(parsed.charts, 1)]
        unparsed = unparsed or parsed is None
    check_duplicates(ctx, studies, "study")
    check_duplicates(ctx, figures, "figure")
    known = None if unparsed else [s.id for s in studies]  # a study in a file that did not parse is not "unknown"
    shown = f"the studies of {display_path(folder)}"
    for f in figures:
        check_refs(ctx, f, "study", f.study, known, "study", shown)
        _check_figure(ctx, f)
    cited = {f.study for f in figures}
    for s in studies:  # a study without figures is cited for its caveat: say how sure we are of it
        if s.id not in cited and s.status is None:
            ctx.at(s, "status", "missing: no figure cites this study, so its caveat is what students read; give its "
                                "status (seen-primary, seen-secondary, inferred or unverified), and read_at if it was "
                                "read in a copy")
        if s.caveat is None and s.id not in cited:
            ctx.at(s, "caveat", "missing: a study no figure cites is shown only through its caveat")
    if files and len(ctx.problems) == before:  # a figure that failed to parse would look like a missing one
        if not charts:
            ctx.add(display_path(folder), None, None, None, "no charts: list the charts notebook 03 draws in 'charts' "
                                                            "(a list of chart ids) in one of these files")
        drawn = {f.chart for f in figures}
        seen: set[str] = set()
        for parsed, i, chart in charts:
            if chart in seen:
                ctx.at(parsed, f"charts[{i}]", f"the chart '{chart}' is listed twice")
            elif chart not in drawn:
                ctx.at(parsed, f"charts[{i}]", f"no figures for the chart '{chart}' that notebook 03 shows: give at "
                                               f"least one figure 'chart: {chart}'")
            seen.add(chart)
    return Research(tuple(studies), tuple(figures), tuple(dict.fromkeys(c for _, _, c in charts)))


def load_research(root: Path | None = None) -> Research:
    """Every figure file under ``data/research`` (cached until a file changes). Raises ContentError."""
    folder = _folder(root)
    if not folder.is_dir():
        raise ContentError.at_file(folder, "no research folder")
    return load_checked(f"research:{safe_resolve(folder)}", [folder], lambda ctx: _parse_research(folder, ctx))


def _parse_simulation(path: Path, ctx: ParseContext) -> SimulationFile | None:
    if not path.exists():
        ctx.add(display_path(path), None, None, None, "file missing: the simulation's presets and assumptions")
        return None
    sim = load_file(path, SimulationFile, ctx)
    if sim is None:
        return None
    if sim.population < 1:
        ctx.at(sim, "population", "must be at least 1")
    check_duplicates(ctx, sim.presets, "preset")
    for p in sim.presets:
        for name in ("want", "awareness"):
            if not 0 <= getattr(p, name) <= 1:
                ctx.at(p, name, f"a share must be between 0 and 1, got {getattr(p, name):g}")
        for name in ("cost_minutes", "patience_minutes"):
            if getattr(p, name) < 0:
                ctx.at(p, name, "minutes cannot be negative")
        if p.patience_minutes <= 0:
            ctx.at(p, "patience_minutes", "must be more than 0 minutes")
        if p.workspace_size < 1:
            ctx.at(p, "workspace_size", "a workspace has at least 1 person")
    return sim


def load_simulation(root: Path | None = None) -> SimulationFile:
    """``data/research/simulation.yaml``, checked (cached until it changes). Raises ContentError."""
    path = _folder(root) / SIMULATION_FILE
    return load_checked(f"simulation:{safe_resolve(path)}", [path], lambda ctx: _parse_simulation(path, ctx))


def check_research(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: every figure file and the simulation file; returns the number of figures and presets."""
    folder = Path(root) / "research"
    if not folder.is_dir():
        ctx.add(display_path(folder), None, None, None,
                "no research folder: notebook 03 shows its figures and its simulation")
        return 0
    check_stray_files(folder, ctx)
    research = _parse_research(folder, ctx)
    sim = _parse_simulation(folder / SIMULATION_FILE, ctx)
    return len(research.figures) + (len(sim.presets) if sim else 0)



RESEARCH = ContentKind("research", "research figures and simulation presets", "research/*.yaml",
                       (FiguresFile, SimulationFile), check_research, load_research,
                       translated=((f"research/{SIMULATION_FILE}", SimulationFile), ("research/*.yaml", FiguresFile)))
