"""Student and instructor versions of the notebooks, from one source (``python -m kit release``).

The source notebooks mark what students must not see with cell tags, as nbgrader and otter-grader do:

* a cell tagged ``solution`` (answer notes, a worked answer) is removed from the student version;
* a cell tagged ``instructor`` (teaching notes, timing) is removed from the student version;
* inside a code cell, the lines from ``# BEGIN SOLUTION`` to ``# END SOLUTION`` are replaced by a stub line.

Each of these, and clearing outputs, is a small pure function on an nbformat notebook (it returns a new notebook
and leaves its argument alone), tested on its own; :func:`student_version` and :func:`instructor_version` chain
them. Everything else is kept as it is: an untagged, output-free notebook is written back byte for byte.

:func:`release` applies them to a folder of notebooks; :func:`strip_answer_keys` writes a copy of the content
folder whose quiz files have their answer keys removed.
"""

from __future__ import annotations

import copy
import re
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from ..content.errors import ContentError, display_path
from ..content.quiz import Quiz
from ..content.registry import withheld
from ..content.schema import answer_key_fields, record_fields
from ..content.yamlio import dump_yaml, load_yaml
from .translations import removed_note, strip_translated

__all__ = [
    "ANSWER_KEY_FIELDS",
    "INSTRUCTOR_TAG",
    "SOLUTION_TAG",
    "STUB",
    "ReleaseError",
    "clear_outputs",
    "clear_solution_regions",
    "instructor_version",
    "read_notebook",
    "release",
    "remove_instructor_cells",
    "remove_solution_cells",
    "remove_tagged",
    "strip_answer_keys",
    "strip_keys",
    "strip_withheld",
    "student_version",
    "tagged_cells",
    "write_notebook",
]

SOLUTION_TAG = "solution"
INSTRUCTOR_TAG = "instructor"
INSTRUCTOR_FOLDER = "instructor"  # notebooks/instructor/ (the class view) is left out of student releases
#: The tags a student version must not contain.
HIDDEN_TAGS = (SOLUTION_TAG, INSTRUCTOR_TAG)
#: What replaces a ``# BEGIN SOLUTION`` … ``# END SOLUTION`` region (indented like the BEGIN line); ``...`` keeps
#: a function body that held only the solution valid Python.
STUB = "...  # Your answer here"
_BEGIN = re.compile(r"^(\s*)#+\s*BEGIN SOLUTION\s*$")
_END = re.compile(r"^\s*#+\s*END SOLUTION\s*$")

#: Fields removed from every mapping in a quiz file by ``--without-answer-keys``: those the quiz schema marks
#: ``answer_key`` (the right answer, and everything that gives it away: the explanation of the answer, per-option
#: feedback, a reflection's model answer and discussion points).
ANSWER_KEY_FIELDS = answer_key_fields(Quiz)


class ReleaseError(Exception):
    """A release that cannot be made (a bad folder, an unbalanced solution region). The message is one line.

    ``code`` is the exit status: 2 when the command was given a folder it cannot use, 1 for a problem in a notebook
    or a quiz file.
    """

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


# ------------------------------------------------------------------------------------------ transformations
def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def remove_tagged(nb, tag: str):
    """A copy of ``nb`` without the cells tagged ``tag``."""
    out = copy.deepcopy(nb)
    out.cells = [c for c in out.cells if tag not in _tags(c)]
    return out


def remove_solution_cells(nb):
    """A copy of ``nb`` without the cells tagged ``solution``."""
    return remove_tagged(nb, SOLUTION_TAG)


def remove_instructor_cells(nb):
    """A copy of ``nb`` without the cells tagged ``instructor``."""
    return remove_tagged(nb, INSTRUCTOR_TAG)


def _clear_region(source: str, stub: str, where: str) -> str:
    lines = source.split("\n")
    out: list[str] = []
    inside = False
    for n, line in enumerate(lines, 1):
        begin, end = _BEGIN.match(line), _END.match(line)
        if begin:
            if inside:
                raise ReleaseError(f"{where}, line {n}: '# BEGIN SOLUTION' inside another solution region")
            inside = True
            out.append(begin.group(1) + stub)
        elif end:
            if not inside:
                raise ReleaseError(f"{where}, line {n}: '# END SOLUTION' without a '# BEGIN SOLUTION' before it")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise ReleaseError(f"{where}: '# BEGIN SOLUTION' without a matching '# END SOLUTION'")
    return "\n".join(out)


def clear_solution_regions(nb, stub: str = STUB, name: str = "notebook"):
    """A copy of ``nb`` where each ``# BEGIN SOLUTION`` … ``# END SOLUTION`` region of a code cell is one stub line.

    An unbalanced region raises :class:`ReleaseError` naming ``name``, the cell and the line.
    """
    out = copy.deepcopy(nb)
    for i, cell in enumerate(out.cells, 1):
        if cell.cell_type == "code" and "SOLUTION" in cell.source:
            where = f"{name}, cell {i}" + (f" (id '{cell['id']}')" if cell.get("id") else "")
            cell.source = _clear_region(cell.source, stub, where)
    return out


def clear_outputs(nb):
    """A copy of ``nb`` with no outputs and no execution counts."""
    out = copy.deepcopy(nb)
    for cell in out.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return out


def tagged_cells(nb, tags: Iterable[str] = HIDDEN_TAGS) -> list[int]:
    """Positions (from 1) of the cells carrying any of ``tags``."""
    tags = set(tags)
    return [i for i, c in enumerate(nb.cells, 1) if tags & set(_tags(c))]


def student_version(nb, name: str = "notebook"):
    """Solutions and instructor notes removed, solution regions stubbed, outputs cleared."""
    steps: list[Callable] = [remove_solution_cells, remove_instructor_cells, clear_outputs]
    for step in steps:
        nb = step(nb)
    return clear_solution_regions(nb, name=name)


def instructor_version(nb, name: str = "notebook"):
    """Everything kept (tags included), outputs cleared."""
    return clear_outputs(nb)


# ------------------------------------------------------------------------------------------------ files
def read_notebook(path: Path):
    import nbformat

    try:
        return nbformat.read(str(path), as_version=4)
    except (OSError, ValueError) as e:  # ValueError covers JSON and nbformat's own reading errors
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise ReleaseError(f"cannot read {display_path(path)}: {reason}") from None


def write_notebook(nb, path: Path) -> None:
    """Write as the source notebooks are written (``nbformat.write``), so unchanged notebooks keep their bytes."""
    import nbformat

    nbformat.write(nb, str(path))


def release(source: Path, out: Path, instructor: bool = False, package: Path | None = None,
            data: Path | None = None, skip: Iterable[str] = ()) -> list[Path]:
    """Write the student (or instructor) version of every notebook in ``source`` to ``out/notebooks``.

    Other files in ``source`` (images, for example) are copied unchanged; checkpoints are skipped. ``out`` must
    not exist yet, or be empty. Returns the notebooks written.

    With ``package`` (the ``kit`` package folder) and ``data`` (the content folder), ``out/notebooks`` becomes a
    folder a student opens and runs as it is: the package goes to ``out/notebooks/kit`` (a notebook's kernel starts
    in its own folder, so ``import kit`` finds it there first) and the content to ``out/notebooks/data`` (the
    kit reads ``data/`` beside its package).
    """
    source, out = Path(source), Path(out)
    if not source.is_dir():
        raise ReleaseError(f"no notebooks folder at {display_path(source)}", 2)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ReleaseError(f"the output folder {display_path(out)} already exists and is not empty: choose a new one",
                           2)
    make = instructor_version if instructor else student_version
    # Build everything first, so that a mistake in one notebook leaves no half-written release behind.
    built: list[tuple[Path, object]] = []
    others: list[Path] = []
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if any(part.startswith(".") or part == "__pycache__" for part in rel.parts) or path.is_dir():
            continue
        if rel.parts[0] in skip:  # i13: another edition's folder (notebooks/fr) is released on its own
            continue
        if not instructor and rel.parts[0] == INSTRUCTOR_FOLDER:  # notebooks/instructor/: never in student copies
            continue
        if path.suffix == ".ipynb":
            nb = make(read_notebook(path), name=str(rel))
            if not instructor and tagged_cells(nb):  # pragma: no cover - a guard on the steps above
                raise ReleaseError(f"{rel}: tagged cells survived the release")
            built.append((rel, nb))
        else:
            others.append(rel)
    if not built:
        raise ReleaseError(f"no notebooks (.ipynb files) in {display_path(source)}", 2)
    target = out / "notebooks"
    written = []
    for rel, nb in built:
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        write_notebook(nb, target / rel)
        written.append(target / rel)
    for rel in others:
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / rel, target / rel)
    skip = shutil.ignore_patterns("__pycache__", ".*", "*.pyc")
    if package is not None:
        shutil.copytree(package, target / "kit", ignore=skip)
    if data is not None:
        shutil.copytree(data, target / "data", ignore=skip)
    return written


# ------------------------------------------------------------------------------------------- answer keys
def strip_keys(node, fields: Iterable[str] = ANSWER_KEY_FIELDS):
    """A copy of a YAML tree (dicts and lists) without the ``fields`` keys, at any depth."""
    fields = tuple(fields)
    if isinstance(node, dict):
        return {k: strip_keys(v, fields) for k, v in node.items() if k not in fields}
    if isinstance(node, list):
        return [strip_keys(v, fields) for v in node]
    return node


def strip_answer_keys(data: Path, out: Path) -> list[Path]:
    """Copy the content folder ``data`` to ``out`` with the answer keys removed from every file that holds them (the
    registry says which: :func:`kit.content.registry.withheld`; today the quizzes). Returns the files rewritten."""
    return strip_withheld(data, out, ("answer_key",))


#: What each thing release can withhold sets in the file it strips: the field and the word that says so.
_MARKERS = {"answer_key": "answer_keys", "model_answer": "model_answers"}


def strip_withheld(data: Path, out: Path, flags: tuple[str, ...]) -> list[Path]:
    """Copy the content folder ``data`` to ``out`` with the fields marked ``flags`` removed from every file that holds
    them: ``answer_key`` (quiz answers, explanations, feedback: ``--without-answer-keys``) and ``model_answer`` (model
    answers, discussion points, facilitation notes: ``--without-model-answers``). A file whose record has the field
    ``answer_keys`` or ``model_answers`` says ``withheld`` there, so its views know.

    Other files are copied unchanged. A file to strip that is not valid YAML is refused (run ``kit check`` first).
    Returns the files something was removed from.
    """
    data, out = Path(data), Path(out)
    if not data.is_dir():
        raise ReleaseError(f"no content folder at {display_path(data)}", 2)
    if out.exists():
        raise ReleaseError(f"the output folder {display_path(out)} already exists: choose a new folder", 2)
    stripped: dict[Path, str] = {}
    removed: list[Path] = []
    for path in sorted(data.rglob("*.yaml")):
        rel = path.relative_to(data)
        found = withheld(rel.as_posix(), flags) if rel.parts[0] not in ("translations", "ui") else None
        if found is None:
            continue
        cls, fields = found
        try:
            tree = load_yaml(path)
        except ContentError as e:
            line = f", line {e.first.line}" if e.first.line else ""
            raise ReleaseError(f"{display_path(path)}{line}: not valid YAML; run 'python -m kit check' first") from None
        kept = strip_keys(tree, fields)
        if kept != tree:
            removed.append(rel)
        tree = kept
        names = {f.name for f in record_fields(cls)}
        for flag in flags:
            if isinstance(tree, dict) and _MARKERS[flag] in names:
                tree[_MARKERS[flag]] = "withheld"  # e.g. a quiz then records answers for grading instead of checking
        stripped[rel] = f"# {removed_note(flags)}\n" + dump_yaml(tree)
    shutil.copytree(data, out, ignore=shutil.ignore_patterns("__pycache__", ".*"))
    for rel, text in stripped.items():
        (out / rel).write_text(text, encoding="utf-8")
    # i13: the translations of what was removed go too (they would give the answers away, and be unknown paths).
    strip_translated(out, flags)
    return [out / rel for rel in removed]
