"""For instructors and translators: what a language lacks (``kit check``'s per-language lines, ``kit translate``)
and what a student copy without answer keys must not carry in its translations (``kit release``).

The comparison itself is the content layer's, made in one walk of the English files the registry lists
(:func:`kit.content.registry.language_reports`); these tools only put it into lines, skeleton entries and copies.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..content.registry import language_reports, withheld
from ..content.translations import DIR, Translatable, fingerprint

__all__ = ["removed_note", "report_lines", "skeleton", "skeleton_text", "strip_translated"]


def report_lines(root: Path) -> tuple[list[str], list[str]]:
    """What ``kit check`` says about the languages: each missing or stale text (one line each, naming the file, line,
    entry and field), and one summary line per language."""
    reports = language_reports(root)
    return [str(p) for r in reports for p in [*r.missing, *r.stale]], [r.summary() for r in reports]


def skeleton(root: Path, lang: str) -> dict[Path, list[tuple[Translatable, str | tuple | None]]]:
    """What a translator has to do: per translation file, each missing or stale text (with the old translation)."""
    for r in language_reports(root):
        if r.lang == lang:
            return r.todo
    return {}


def _yaml_scalar(text: str, indent: int) -> str:
    dumped = yaml.safe_dump(text, allow_unicode=True, width=100, default_style=None).rstrip("\n")
    if dumped.endswith("\n..."):
        dumped = dumped[:-4]
    if "\n" in dumped:
        pad = " " * indent
        return "|-\n" + "\n".join(pad + line for line in text.splitlines())
    return dumped


def skeleton_text(items: list[tuple[Translatable, str | tuple | None]], lang: str) -> str:
    """YAML to append to a translation file.

    A missing text becomes an entry holding the English text (to replace) and the current fingerprint. A stale one
    already has an entry (a second one would be a duplicate key), so it is appended as a comment: the English text
    as it is now and the fingerprint to put in that entry's ``source`` once its ``text`` is brought up to date.
    """
    out = []
    for t, old in items:
        where = f"{t.entry + ', ' if t.entry else ''}field '{t.field}'"
        if old is not None:
            out.append(f"# stale ({where}): update the entry '{t.path}' above to this English text, then set its")
            out.append(f"# source to {fingerprint(t.english)}. The English now reads:")
            english = "\n".join(t.english) if isinstance(t.english, tuple) else t.english
            out += [f"#   {line}" for line in english.splitlines()]
            continue
        out.append(f"# missing ({where}): replace the English text with the translation")
        out.append(f"{t.path}:")
        if t.kind == "list":
            out.append("  text:")
            out += [f"    - {_yaml_scalar(v, 6)}" for v in t.english]
        else:
            out.append(f"  text: {_yaml_scalar(t.english, 4)}")
        out.append(f'  source: "{fingerprint(t.english)}"')
    return "\n".join(out) + "\n"


def _segments(path: str) -> list[str]:
    return [re.sub(r"\[\d+\]$", "", part) for part in path.split(".")]


def removed_note(flags: tuple[str, ...]) -> str:
    """The header line of a file release stripped: what it removed, and with which option."""
    said = {"answer_key": ("Answer keys", "--without-answer-keys"),
            "model_answer": ("Model answers and facilitation notes", "--without-model-answers")}
    what = " and ".join(said[f][0] for f in flags).capitalize()
    return f"{what} removed by 'python -m kit release {' '.join(said[f][1] for f in flags)}'."


def strip_translated(root: Path, flags: tuple[str, ...] = ("answer_key",)) -> list[Path]:
    """Remove from every translation under ``root/translations`` the entries of the fields marked with ``flags``
    (answer keys: answers, feedback, explanations …; model answers: model answers, discussion points, facilitation
    notes) of the files that hold them (:func:`kit.content.registry.withheld`), as ``kit release
    --without-answer-keys`` and ``--without-model-answers`` remove them from the English files."""
    changed = []
    base = Path(root) / DIR
    for lang_dir in sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []:
        for path in sorted(lang_dir.rglob("*.yaml")):
            found = withheld(path.relative_to(lang_dir).as_posix(), flags)
            if found is None:
                continue
            fields = set(found[1])
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except yaml.YAMLError:
                continue
            if not isinstance(data, dict):
                continue
            kept = {k: v for k, v in data.items() if not set(_segments(str(k))) & fields}
            if len(kept) != len(data):
                header = f"# {removed_note(flags)}\n"
                path.write_text(header + yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=110),
                                encoding="utf-8")
                changed.append(path)
    return changed
