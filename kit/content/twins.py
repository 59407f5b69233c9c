"""Each text of a language edition tied to the English it was translated from (issue 25): ``data/twins/<lang>.yaml``.

Content translations carry the fingerprint of their English (``source:``, :mod:`kit.content.translations`). The
edition's other texts do too, here: every UI string of ``data/ui/<lang>.yaml`` and every markdown cell of the
edition's notebooks, each beside the fingerprint of its English twin (the same key in ``data/ui/en.yaml``; the
cell with the same id in the English notebook the file pairs it with)::

    ui:
      cases.not_individual: "1f2e3d4c"
    notebooks:
      - french: notebooks/fr/03_opt_in_ou_opt_out.ipynb
        english: notebooks/03_opt_in_vs_opt_out.ipynb
        cells:
          c01: "9a8b7c6d"

``kit check`` then lists, per language, without failing (the text still shows, as a stale translation does):

* **stale**: the English changed since the text was translated (the message gives the new fingerprint to write
  once the text is brought up to date);
* **untied**: a UI string or a markdown cell with no fingerprint here, or an English markdown cell with no twin.

A key, a file or a cell named here that does not exist is a problem like any other. ``python -m kit translate
LANG --write`` ties the untied texts to their English as it is now (a new string or cell written in both
languages at once); it never touches a stale tie, which only a translator can vouch for.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .base import ContentKind, check_stray_files, data_root
from .errors import ContentError, Problem, display_path
from .prose import notebook_cells, ui_passages
from .schema import ParseContext
from .terminology import load_terminology
from .translations import fingerprint
from .yamlio import LineDict, LineList, load_mapping, load_yaml, parses

__all__ = ["TWINS", "Ties", "TwinReport", "check_twins", "tie_untied", "twin_report", "twins_languages"]

FOLDER = "twins"


def twins_path(lang: str, root: Path | None = None) -> Path:
    return (Path(root) if root else data_root()) / FOLDER / f"{lang}.yaml"


def twins_languages(root: Path | None = None) -> list[str]:
    folder = (Path(root) if root else data_root()) / FOLDER
    return sorted(p.stem for p in folder.glob("*.yaml") if not p.name.startswith(("_", "."))) \
        if folder.is_dir() else []


# ------------------------------------------------------------------------------------------------ the file
@dataclass
class Pair:
    french: str  # under the repository
    english: str
    line: int | None
    cells: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # cell id -> (fingerprint, line)


@dataclass
class Ties:
    """``data/twins/<lang>.yaml`` as read: the UI keys' and the cells' fingerprints, with their lines."""

    file: str
    ui: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    pairs: list[Pair] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    parsed: bool = True  # False: the file is not YAML that can be read (its problem says why)


def _fp(value) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # YAML reads an all-digit fingerprint as a number
    return value if isinstance(value, str) and len(value) == 8 and all(c in "0123456789abcdef" for c in value) \
        else None


def read_ties(path: Path) -> Ties:
    shown = display_path(path)
    ties = Ties(shown)
    data, ties.problems[:], ties.parsed = load_mapping(path, "a mapping with 'ui' and 'notebooks'")
    if data is None:
        return ties
    for key in sorted(set(data) - {"ui", "notebooks"}):
        ties.problems.append(Problem(shown, data.key_lines.get(key), None, key,
                                     "unknown key: a twins file has 'ui' and 'notebooks'"))
    bad_fp = ("must be the 8-character fingerprint of the English text, in quotes (kit check gives it in the "
              "message of each stale or untied text)")
    ui = data.get("ui")
    if isinstance(ui, LineDict):
        for key, value in ui.items():
            line = ui.key_lines.get(key)
            if _fp(value) is None:
                ties.problems.append(Problem(shown, line, None, f"ui.{key}", bad_fp))
            else:
                ties.ui[str(key)] = (_fp(value), line)
    elif ui is not None:
        ties.problems.append(Problem(shown, data.key_lines.get("ui"), None, "ui",
                                     "expected a mapping of UI keys to fingerprints"))
    notebooks = data.get("notebooks")
    if isinstance(notebooks, LineList):
        for i, item in enumerate(notebooks, 1):
            line = notebooks.item_lines[i - 1]
            if not isinstance(item, LineDict) or not isinstance(item.get("french"), str) \
                    or not isinstance(item.get("english"), str):
                ties.problems.append(Problem(shown, line, None, f"notebooks[{i}]",
                                             "expected 'french' and 'english' (paths under the repository) and "
                                             "'cells' (cell id: fingerprint)"))
                continue
            pair = Pair(item["french"], item["english"], line)
            cells = item.get("cells") or {}
            if not isinstance(cells, LineDict):
                ties.problems.append(Problem(shown, line, None, f"notebooks[{i}].cells",
                                             "expected a mapping of cell ids to fingerprints"))
                cells = {}
            for cid, value in cells.items():
                cline = cells.key_lines.get(cid) if isinstance(cells, LineDict) else None
                if _fp(value) is None:
                    ties.problems.append(Problem(shown, cline, None, f"notebooks[{i}].cells.{cid}", bad_fp))
                else:
                    pair.cells[str(cid)] = (_fp(value), cline)
            ties.pairs.append(pair)
    elif notebooks is not None:
        ties.problems.append(Problem(shown, data.key_lines.get("notebooks"), None, "notebooks",
                                     "expected a list of notebook pairs"))
    return ties


# ------------------------------------------------------------------------------------------------ checking
@dataclass
class TwinReport:
    """What ``kit check`` says about one language's ties."""

    lang: str
    tied: int = 0
    untied: list[Problem] = field(default_factory=list)
    stale: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: stale or untied, in a place the language's terminology file says other work is changing (``pending``)
    pending: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.lang}: {self.tied} UI strings and notebook cells tied to their English, {len(self.untied)} "
                f"untied, {len(self.stale)} stale" + (f", {len(self.pending)} pending" if self.pending else "")
                + (f", {len(self.problems)} problem(s)" if self.problems else ""))

    def listed(self) -> list[Problem]:
        """What ``kit check`` lists without failing."""
        return [*self.untied, *self.stale, *(Problem(p.file, p.line, p.entry, p.field, f"pending: {p.message}")
                                             for p in self.pending)]


def _markdown(cells: list[dict]) -> dict[str, str]:
    out = {}
    for i, c in enumerate(cells):
        if c.get("cell_type") == "markdown":
            source = c.get("source", "")
            out[c.get("id") or f"#{i + 1}"] = "".join(source) if isinstance(source, list) else str(source)
    return out


def _ui(root: Path, lang: str) -> dict[str, tuple[str, int | None]]:
    return {p.field: (p.text, p.line) for p in ui_passages(root, lang)}


def twin_report(root: Path, lang: str) -> TwinReport:
    """Compare the edition's UI strings and notebook cells with their English twins."""
    root = Path(root)
    report = TwinReport(lang)
    path = twins_path(lang, root)
    ties = read_ties(path) if path.is_file() else Ties(display_path(path))
    report.problems.extend(ties.problems)
    if not ties.parsed:
        return report  # nothing is tied until the file can be read: its problem is reported, once
    english, own = _ui(root, "en"), _ui(root, lang)
    en_file, own_file = display_path(root / "ui" / "en.yaml"), display_path(root / "ui" / f"{lang}.yaml")
    ui_read = parses(root / "ui" / "en.yaml") and parses(root / "ui" / f"{lang}.yaml")
    if not ui_read:
        english = own = {}  # the UI strings are compared once both files can be read (the strings kind says why)
    for key, (_text, line) in own.items():
        if key not in english:
            continue  # the strings kind reports a key English does not have
        now = fingerprint(english[key][0])
        tie = ties.ui.get(key)
        if tie is None:
            report.untied.append(Problem(own_file, line, None, key,
                                         f"untied: no fingerprint of its English in {ties.file} (English at "
                                         f"{en_file}, line {english[key][1]}; fingerprint {now})"))
        elif tie[0] != now:
            report.stale.append(Problem(own_file, line, None, key,
                                        f"stale: the English changed since it was translated (English at {en_file}, "
                                        f"line {english[key][1]}; fingerprint now {now}, {ties.file}, line {tie[1]} "
                                        f"says {tie[0]})"))
        else:
            report.tied += 1
    unknown = [(key, line) for key, (_fp_value, line) in ties.ui.items()
               if ui_read and (key not in own or key not in english)]
    # A hint is for a few slips in the ties (a key misspelt): hundreds of unknown keys come from a strings file
    # emptied or replaced, which kit check reports itself, and matching each against all (15 s for 898) helps no one.
    candidates = sorted(own) if len(unknown) <= 25 else []
    for key, line in unknown:
        close = difflib.get_close_matches(key, candidates, n=1) if key not in own else []
        hint = f" Did you mean '{close[0]}'?" if close else ""
        report.problems.append(Problem(ties.file, line, None, f"ui.{key}",
                                       f"unknown UI key: {own_file} and {en_file} have no such key.{hint}"))
    pending = _pending(root, lang)
    repo = root.parent
    edition = repo / "notebooks" / lang  # absent beside a content folder without its notebooks (a release)
    for pair in ties.pairs:
        fr_path, en_path = repo / pair.french, repo / pair.english
        if not fr_path.is_file() and not en_path.is_file() and not edition.is_dir():
            continue  # a content folder without its notebooks (a release, a test's copy)
        for p, name in ((fr_path, pair.french), (en_path, pair.english)):
            if not p.is_file():
                report.problems.append(Problem(ties.file, pair.line, None, "notebooks",
                                               f"no notebook {name} beside the content folder"))
        if not (fr_path.is_file() and en_path.is_file()):
            continue
        fr_cells, en_cells = _markdown(notebook_cells(fr_path)), _markdown(notebook_cells(en_path))
        fr_shown, en_shown = display_path(fr_path), display_path(en_path)
        start = (len(report.untied), len(report.stale))
        for cid in fr_cells:
            tie = pair.cells.get(cid)
            if cid not in en_cells:
                report.untied.append(Problem(fr_shown, None, f"cell '{cid}'", None,
                                             f"untied: {en_shown} has no markdown cell '{cid}' to be its English "
                                             "twin (give the two cells the same id)"))
                continue
            now = fingerprint(en_cells[cid])
            if tie is None:
                report.untied.append(Problem(fr_shown, None, f"cell '{cid}'", None,
                                             f"untied: no fingerprint of its English twin ({en_shown}, cell "
                                             f"'{cid}') in {ties.file}; fingerprint {now}"))
            elif tie[0] != now:
                report.stale.append(Problem(fr_shown, None, f"cell '{cid}'", None,
                                            f"stale: its English twin ({en_shown}, cell '{cid}') changed since it "
                                            f"was translated (fingerprint now {now}, {ties.file}, line {tie[1]} "
                                            f"says {tie[0]})"))
            else:
                report.tied += 1
        for cid in en_cells:
            if cid not in fr_cells:
                report.untied.append(Problem(fr_shown, None, None, None,
                                             f"untied: no French twin of the markdown cell '{cid}' of {en_shown}"))
        for cid, (_value, line) in pair.cells.items():
            if cid not in fr_cells:
                report.problems.append(Problem(ties.file, line, None, f"cells.{cid}",
                                               f"unknown cell: {fr_shown} has no markdown cell '{cid}'"))
        if pending(pair.french):  # other work is changing this notebook: listed apart, not counted
            report.pending += report.untied[start[0]:] + report.stale[start[1]:]
            del report.untied[start[0]:], report.stale[start[1]:]
    paired = {pair.french for pair in ties.pairs}
    for path in _edition_notebooks(edition):
        name = path.relative_to(repo).as_posix()
        if name not in paired:
            report.untied.append(Problem(display_path(path), None, None, None,
                                         f"untied: no pair in {ties.file} names this notebook: add one with its "
                                         "English twin ('french:', 'english:', 'cells: {}'), then kit translate "
                                         f"{lang} --write ties the cells written in both languages at once"))
    return report


def _edition_notebooks(folder: Path) -> list[Path]:
    """The notebooks of a language edition's folder and its sub-folders (none when there is no such folder)."""
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.rglob("*.ipynb")) if ".ipynb_checkpoints" not in p.parts]


def _pending(root: Path, lang: str):
    """Whether a place is one the language's terminology file says other work is changing (``pending``): the
    edition has one list of such places."""
    try:
        terminology = load_terminology(lang, root)
    except ContentError:
        return lambda _place: False
    return terminology.is_pending


def _untied(root: Path, lang: str) -> Iterator[tuple[str, str | None, str, str]]:
    """(section, notebook pair's French path or None, key or cell id, fingerprint now) of every untied text."""
    root = Path(root)
    path = twins_path(lang, root)
    ties = read_ties(path) if path.is_file() else Ties(display_path(path))
    english, own = _ui(root, "en"), _ui(root, lang)
    for key in own:
        if key in english and key not in ties.ui:
            yield "ui", None, key, fingerprint(english[key][0])
    for pair in ties.pairs:
        fr_path, en_path = root.parent / pair.french, root.parent / pair.english
        if fr_path.is_file() and en_path.is_file():
            en_cells = _markdown(notebook_cells(en_path))
            for cid in _markdown(notebook_cells(fr_path)):
                if cid in en_cells and cid not in pair.cells:
                    yield "notebooks", pair.french, cid, fingerprint(en_cells[cid])


def tie_untied(root: Path, lang: str) -> int:
    """Tie every untied UI string and cell to its English as it is now (``kit translate LANG --write``); returns
    how many. Stale ties are left for a translator."""
    root = Path(root)
    path = twins_path(lang, root)
    todo = list(_untied(root, lang))
    if not todo:
        return 0
    data = load_yaml(path) if path.is_file() else None
    data = data if isinstance(data, dict) else {}
    ui = {str(k): str(v) for k, v in (data.get("ui") or {}).items()}
    pairs = [p for p in data.get("notebooks") or [] if isinstance(p, dict)]
    by_french = {p["french"]: p for p in pairs}
    for section, french, key, fp in todo:
        if section == "ui":
            ui[key] = fp
        else:
            by_french[french].setdefault("cells", {})[key] = fp
    lines = [f"# The {lang} edition's UI strings and notebook markdown, each tied to the fingerprint of the English it",
             "# was translated from (kit/content/twins.py). When kit check says a text is stale, bring the text up to",
             "# date, then write here the fingerprint its message gives.", "ui:"]
    lines += [f'  {k}: "{v}"' for k, v in ui.items()]
    lines.append("notebooks:")
    for p in pairs:
        lines += [f"  - french: {p['french']}", f"    english: {p['english']}", "    cells:"]
        lines += [f'      {k}: "{v}"' for k, v in (p.get("cells") or {}).items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(todo)


# ------------------------------------------------------------------------------------------------ the kind
def check_twins(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: each language's ties, their problems (stale and untied texts are listed by the command,
    :func:`twin_report`); returns how many texts are tied."""
    root = Path(root)
    if (root / FOLDER).is_dir():
        check_stray_files(root / FOLDER, ctx)
    total = 0
    for lang in twins_languages(root):
        report = twin_report(root, lang)
        ctx.problems.extend(report.problems)
        total += report.tied
    return total


TWINS = ContentKind("twins", "texts tied to their English", f"{FOLDER}/<language>.yaml", (), check_twins, None)
