"""The command line: ``python -m kit COMMAND``. The kit's own errors (a content mistake, a bad argument, a file the
system will not let it read or write) are one clear line and a non-zero exit; anything else is a bug in the kit and
keeps its traceback (``KIT_DEBUG=1`` keeps it for the kit's own errors too).

Commands: ``check`` (validate content), ``release`` (student or instructor copies of the notebooks), ``new-case``
(scaffold a case folder), ``results`` (a class's exported quiz answers), ``translate`` (what a language lacks),
``prepare`` (parse the content once into the parse cache; ``figures``, its old name, still works).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..checks import check_all
from ..content.audit import load_audit
from ..content.base import data_root
from ..content.errors import ContentError, KitError, debug, display_path
from ..content.law import load_checklist
from ..content.registry import english_reports
from ..content.strings import DEFAULT, languages
from ..content.twins import tie_untied, twin_report, twins_languages
from ..lessons import report_lines as lesson_lines
from .grades import write_audits
from .guide import out_of_date as stale_guides
from .guide import write as write_guides
from .handouts import HandoutsError
from .handouts import build as build_handouts
from .prepare import keep_parsed
from .release import ReleaseError, release, strip_withheld
from .results import write_results
from .scaffold import ScaffoldError, new_case
from .slides import SlidesError
from .slides import build as build_slides
from .translations import report_lines, skeleton, skeleton_text

__all__ = ["main"]


ROOT = Path(__file__).resolve().parent.parent.parent  # the repository: kit/instructor/cli.py -> ../../..


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as argparse does, without the usage block
        if message.startswith("argument COMMAND: invalid choice:"):
            wrong = message.split("invalid choice:", 1)[1].split("(", 1)[0].strip()
            message = f"unknown command {wrong}: the commands are {', '.join(COMMANDS)}"
        name = self.prog.removeprefix("python -m ")
        self.exit(2, f"{name}: {message} (see 'python -m {name} --help')\n")


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.HelpFormatter(prog, max_help_position=28, width=120)


#: The commands, in the order ``--help`` lists them (filled by :func:`build_parser`).
COMMANDS: list[str] = []
#: The old name ``prepare`` still answers to (it drew the cases' timelines too), not a command of its own.
PREPARE_OLD_NAMES = ("figures",)


def _fail(command: str, message: str, code: int = 1) -> int:
    print(f"kit {command}: {message}", file=sys.stderr)
    return code


class _NoContent(Exception):
    """``--data`` names no folder."""


@contextmanager
def _content(args) -> Iterator[None]:
    """For the commands that read the content through the kit's loaders (results, prepare): ``--data DIR`` is the
    content folder, as ``KIT_DATA`` names it for the notebooks (without ``--data``: ``KIT_DATA``, else data/)."""
    if not args.data:
        yield
        return
    if not Path(args.data).is_dir():
        raise _NoContent(f"no content folder at {display_path(args.data)}")
    before = os.environ.get("KIT_DATA")
    os.environ["KIT_DATA"] = str(Path(args.data).absolute())
    try:
        yield
    finally:
        if before is None:
            del os.environ["KIT_DATA"]
        else:
            os.environ["KIT_DATA"] = before


#: How many of a content error's problems a command other than check lists before saying how many more there are.
SHOWN_PROBLEMS = 10


def _error_lines(args, e: Exception) -> list[str]:
    """What the kit's own error says, for the command that met it: one line; several problems in the content are
    listed as ``kit check`` lists them (the first :data:`SHOWN_PROBLEMS`, and how many more)."""
    if isinstance(e, ContentError) and len(e.problems) > 1:
        lines = [f"kit {args.command}: {len(e.problems)} problems in the content:"]
        lines += [str(p) for p in e.problems[:SHOWN_PROBLEMS]]
        if len(e.problems) > SHOWN_PROBLEMS:
            data = getattr(args, "data", None)
            check = "python -m kit check" + (f" --data {data}" if data else "")
            lines.append(f"kit {args.command}: and {len(e.problems) - SHOWN_PROBLEMS} more: '{check}' lists them all")
        return lines
    return [f"kit {args.command}: {str(e).splitlines()[0] if str(e) else type(e).__name__}"]


def cmd_check(args) -> int:

    root = Path(args.data) if args.data else None
    if root is not None and not root.is_dir():
        print(f"kit check: no content folder at {display_path(root)}", file=sys.stderr)
        return 2
    counts, problems = check_all(root)
    # i13: per language, missing and stale translations are listed (they fall back to English or still show);
    # unknown paths and malformed entries are problems like any other (the 'translations' kind reports them).
    todo, summaries = report_lines(root or data_root())
    # The UI strings and notebook cells whose English changed (or that have no tie), and English a reader of another
    # language would see (issue 25): listed as missing translations are, without failing.
    ties = [twin_report(root or data_root(), lang) for lang in twins_languages(root)]
    english = english_reports(root or data_root())
    for line in [*todo, *(p for r in ties for p in r.listed()), *(p for r in english for p in r.english)]:
        print(line, file=sys.stderr)
    for p in problems:
        print(p, file=sys.stderr)
    for line in [*summaries, *(r.summary() for r in [*ties, *english])]:
        print(f"kit check: {line}")
    # Issue 20: per notebook, its estimated time, longest stretch without a check, items per level, unassessed
    # objectives (a report; the problems above say what fails).
    for line in lesson_lines(root):
        print(f"kit check: {line}")
    summary = ", ".join(f"{n} {what}" for what, n in counts.items())
    if problems:
        print(f"kit check: {len(problems)} problem(s) found; checked {summary}", file=sys.stderr)
        return 1
    print(f"kit check: all content is valid ({summary})")
    return 0


def cmd_release(args) -> int:

    # i13: --lang fr releases notebooks/fr with a copy of the content (translations included); the English
    # release leaves the other editions' folders out.
    lang = args.lang
    editions = tuple(other for other in languages() if other != DEFAULT)  # notebooks/<language>: not English
    source = Path(args.notebooks) if args.notebooks else ROOT / "notebooks" / ("" if lang == DEFAULT else lang)
    out = Path(args.out)
    data = Path(args.data) if args.data else data_root()
    withhold = tuple(flag for flag, wanted in (("answer_key", args.without_answer_keys),
                                               ("model_answer", args.without_model_answers)) if wanted)
    if (withhold or lang != DEFAULT) and not data.is_dir():
        return _fail("release", f"no content folder at {display_path(data)}", 2)
    try:
        skip = editions if lang == DEFAULT and not args.notebooks else ()
        kind = "instructor" if args.instructor else "student"
        where = display_path(out / "notebooks")
        edition = "" if lang == DEFAULT else f" {lang}"
        if args.instructor:
            written = release(source, out, instructor=True, skip=skip)
        else:  # a folder a student opens and runs as it is: notebooks, the kit package and its content
            written = release(source, out, package=ROOT / "kit", data=None if withhold else data,
                              skip=skip)
        print(f"kit release: wrote the{edition} {kind} version of {len(written)} notebook(s) to {where}")
        if not args.instructor:
            print(f"kit release: {where} is ready to run: it holds the kit package (kit/) and the content (data/) "
                  "the notebooks import")
        if withhold:
            keys_out = out / "data" if args.instructor else out / "notebooks" / "data"
            files = strip_withheld(data, keys_out, withhold)
            what = " and ".join({"answer_key": "the answer keys",
                                 "model_answer": "the model answers and facilitation notes"}[f] for f in withhold)
            print(f"kit release: wrote {display_path(keys_out)} with {what} removed from "
                  f"{len(files)} file(s): {', '.join(p.relative_to(keys_out).as_posix() for p in files)}")
        elif lang != DEFAULT and args.instructor:  # a student copy already holds the content, translations included
            shutil.copytree(data, out / "data", ignore=shutil.ignore_patterns("__pycache__", ".*"))
            print(f"kit release: wrote {display_path(out / 'data')} (the content, with its translations)")
    except ReleaseError as e:
        return _fail("release", str(e), e.code)
    return 0


def cmd_new_case(args) -> int:

    try:
        folder = new_case(args.id, Path(args.data) if args.data else None, lang=args.lang)
    except ScaffoldError as e:
        return _fail("new-case", str(e), 2)

    print(f"kit new-case: created {display_path(folder)} with {len(list(folder.iterdir()))} files to fill in;"
          " run 'python -m kit check' to see what is still missing")
    return 0


def cmd_results(args) -> int:

    missing = [f for f in args.files if not Path(f).is_file()]
    for f in missing:
        print(f"kit results: skipped {f}: no such file", file=sys.stderr)
    files = [Path(f) for f in args.files if Path(f).is_file()]
    with _content(args):  # graded from the keys of the content folder --data names
        students, rows, skipped = write_results(files, Path(args.out), lang=args.lang)
    for line in skipped:
        print(f"kit results: {line}", file=sys.stderr)
    if not rows:
        print("kit results: no answers could be read from the files given", file=sys.stderr)
        return 1
    print(f"kit results: {students} student(s), {rows} answer(s) -> {Path(args.out) / 'answers.csv'}, "
          f"{Path(args.out) / 'summary.png'} (alt text in summary.txt)")
    # The audits (notebook 07) among the files: each as a report, and the grade sheet with the scores kept so far.
    with _content(args):
        audits, written = write_audits(files, Path(args.out), load_audit(), load_checklist(),
                                       Path(args.grades) if args.grades else None, lang=args.lang)
    if audits:
        print(f"kit results: {audits} audit(s) -> {Path(args.out) / 'audits'} (a report each, .html and .md), "
              f"{written[-1]} (the grade sheet)")
    return 0


def cmd_translate(args) -> int:
    """i13: what is missing or stale in a language, as skeleton entries an instructor fills in (data only)."""
    root = Path(args.data) if args.data else data_root()
    if not root.is_dir():
        return _fail("translate", f"no content folder at {display_path(root)}", 2)
    if args.lang == DEFAULT or not args.lang.isalpha():
        return _fail("translate", f"'{args.lang}' is not a language to translate into (English is the source)", 2)
    todo = skeleton(root, args.lang)
    total = sum(len(v) for v in todo.values())
    stale = sum(1 for v in todo.values() for _, old in v if old is not None)
    for path, items in todo.items():
        text = skeleton_text(items, args.lang)
        if args.write:
            path.parent.mkdir(parents=True, exist_ok=True)
            existing = path.read_text(encoding="utf-8") if path.exists() else ""
            rel = path.relative_to(root / "translations" / args.lang).as_posix()
            head = "" if existing else f"# {args.lang} translation of data/{rel}\n"
            sep = "" if not existing or existing.endswith("\n") else "\n"
            path.write_text(existing + sep + head + text, encoding="utf-8")
            print(f"kit translate: {display_path(path)}: {len(items)} entr{'y' if len(items) == 1 else 'ies'} added")
        else:
            print(f"# --- {display_path(path)}")
            print(text, end="")
    verb = "added to the files above" if args.write else "to do (add --write to append them as skeletons)"
    print(f"kit translate: {args.lang}: {total - stale} missing and {stale} stale text(s) {verb}")
    # i25: the UI strings and notebook cells: an untied one is tied to its English as it is now; a stale one is
    # listed, for a translator to bring up to date.
    report = twin_report(root, args.lang)
    for p in report.stale if args.write else [*report.untied, *report.stale]:
        print(f"kit translate: {p}")
    if args.write:
        tied = tie_untied(root, args.lang)
        print(f"kit translate: {args.lang}: {tied} UI string(s) and notebook cell(s) tied to their English in "
              f"{display_path(root / 'twins' / f'{args.lang}.yaml')}; {len(report.stale)} stale")
    return 0


def cmd_prepare(args) -> int:
    """Issue 26: a first Run All reads the content back instead of parsing it."""
    with _content(args):
        kept, files, left_out = keep_parsed()
    for d in left_out:
        print(f"kit {args.command}: left out the case {d.id}: it is not complete yet ({d.problems} problem(s); "
              "'python -m kit check' lists them)", file=sys.stderr)
    if kept is None:
        print(f"kit {args.command}: the parse cache is off (KIT_PARSE_CACHE=off): {files} content files read, none "
              "kept")
    else:
        print(f"kit {args.command}: {files} content files parsed, kept in {display_path(kept)} for the notebooks to "
              "read back")
    return 0


def cmd_guide(args) -> int:
    """Issue 22: the guides' generated parts (plans, notebooks, rubric) follow the data."""
    if args.check:
        stale = stale_guides()
        for path in stale:
            print(f"kit guide: {path} is out of date: run 'python -m kit guide'", file=sys.stderr)
        return 1 if stale else 0
    changed = write_guides()
    print(f"kit guide: {', '.join(changed) if changed else 'the guides were already up to date'}"
          + (" rewritten from the data" if changed else ""))
    return 0


def cmd_slides(args) -> int:
    """Issue 22: a deck per class session of the plans, offline."""
    try:
        written = build_slides(Path(args.out), tuple(args.lang))
    except SlidesError as e:
        return _fail("slides", str(e))
    print(f"kit slides: {len(written)} decks in {display_path(args.out)} (open {display_path(args.out)}/<language>/"
          "index.html)")
    return 0


def cmd_handouts(args) -> int:
    """Issue 22: a printable handout per class session of the plans."""
    try:
        written = build_handouts(Path(args.out), tuple(args.lang))
    except HandoutsError as e:
        return _fail("handouts", str(e))
    print(f"kit handouts: {len(written)} PDF handouts in {display_path(args.out)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    langs = tuple(languages())  # the languages the kit has: those with data/ui/<language>.yaml
    parser = _Parser(prog="python -m kit", description="The consent teaching kit's tools for instructors.",
                     formatter_class=_formatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    check = sub.add_parser("check", help="validate every content file under data/ and name each problem")
    check.add_argument("--data", metavar="DIR", help="the content folder to check (default: the kit's data/)")
    check.set_defaults(func=cmd_check)
    results = sub.add_parser("results", help="gather students' answer files into a CSV and a per-question chart")
    results.add_argument("files", nargs="+", metavar="FILE", help="answer files (answers-<quiz>.json) to read")
    results.add_argument("--out", metavar="DIR", default="results", help="where to write (default: ./results)")
    results.add_argument("--lang", choices=langs, default=None,
                         help="the language of the headers and chart (default: the one most answers were given in)")
    results.add_argument("--data", metavar="DIR",
                         help="the content folder whose answer keys grade the answers (default: KIT_DATA, else the "
                              "kit's data/)")
    results.add_argument("--grades", metavar="FILE", default=None,
                         help="the scores of the audits, as the class view keeps them (default: "
                              "~/.consent-kit/grades-audit.json)")
    results.set_defaults(func=cmd_results)

    rel = sub.add_parser("release", help="write the student (or instructor) version of the notebooks",
                         formatter_class=_formatter,
                         description="Write the student version of notebooks/ to DIR/notebooks: cells tagged "
                                     "'solution' or 'instructor' removed, solution regions stubbed, outputs cleared, "
                                     "with the kit package and its content beside them, so the folder runs as it "
                                     "is.")
    rel.add_argument("--out", metavar="DIR", required=True, help="a new folder to write the release to")
    rel.add_argument("--instructor", action="store_true", help="keep every cell and tag; only clear outputs")
    rel.add_argument("--without-answer-keys", action="store_true",
                     help="copy the content with the quiz answer keys removed (DIR/notebooks/data; "
                          "DIR/data with --instructor)")
    rel.add_argument("--without-model-answers", action="store_true",
                     help="copy the content with the writing prompts' model answers, discussion points and "
                          "facilitation notes removed, and the quizzes' reflection model answers (for graded "
                          "homework; keep them for self-study)")
    rel.add_argument("--notebooks", metavar="DIR", help="the notebooks to release (default: the kit's notebooks/)")
    rel.add_argument("--data", metavar="DIR", help="the content folder to copy (default: the kit's data/)")
    rel.add_argument("--lang", choices=langs, default=DEFAULT,
                     help="the edition: en (notebooks/) or another language (notebooks/<language>, with a copy of "
                          "data/)")
    rel.set_defaults(func=cmd_release)

    new = sub.add_parser("new-case", help="create data/cases/ID/ with every file a case needs, to fill in",
                         formatter_class=_formatter,
                         description="Scaffold a new case folder; 'python -m kit check' then names what is missing.")
    new.add_argument("id", metavar="ID", help="the new case's id: lower-case letters, digits and hyphens")
    new.add_argument("--data", metavar="DIR", help="the content folder (default: the kit's data/)")
    new.add_argument("--lang", choices=langs, default=DEFAULT,
                     help="the language the case is written in: fr writes French placeholders and 'language: fr'")
    new.set_defaults(func=cmd_new_case)

    tr = sub.add_parser("translate", help="list (or --write as skeletons) the texts a language lacks or has stale",
                        formatter_class=_formatter,
                        description="List the kit's own texts that have no translation in LANG, or whose English "
                                    "changed since they were translated; --write appends skeleton entries (the "
                                    "English text and its current fingerprint) to data/translations/LANG/.")
    tr.add_argument("lang", metavar="LANG", help="the language, like fr")
    tr.add_argument("--write", action="store_true", help="append the skeleton entries to the translation files")
    tr.add_argument("--data", metavar="DIR", help="the content folder (default: the kit's data/)")
    tr.set_defaults(func=cmd_translate)

    prep = sub.add_parser("prepare", aliases=list(PREPARE_OLD_NAMES), formatter_class=_formatter,
                          help="parse the content once, so each notebook's kernel reads it back",
                          description="Parse every content file once into the parse cache (KIT_PARSE_CACHE, else "
                                      "~/.cache/consent-kit/parsed), so each notebook's kernel reads the files back "
                                      "instead of parsing them, and name the draft cases the notebooks leave out. "
                                      "'figures' is its old name, from when it also drew the cases' timelines.")
    prep.add_argument("--data", metavar="DIR",
                      help="the content folder the notebooks will read (default: KIT_DATA, else the kit's data/)")
    prep.set_defaults(func=cmd_prepare)

    guide = sub.add_parser("guide", help="write the instructor guides' plans, notes and rubric from the data",
                           formatter_class=_formatter,
                           description="Rewrite the generated parts of docs/instructor_guide.md and "
                                       "docs/guide_enseignant.md (the lesson plans, each notebook's activities with "
                                       "their facilitation notes, the audit's rubric) from the data; --check only "
                                       "says which guide is out of date.")
    guide.add_argument("--check", action="store_true", help="change nothing; fail if a guide is out of date")
    guide.set_defaults(func=cmd_guide)
    for name, func, where, what in (("slides", cmd_slides, "build/slides", "a slide deck (reveal.js, offline)"),
                                    ("handouts", cmd_handouts, "build/handouts", "a printable PDF handout")):
        p = sub.add_parser(name, help=f"write {what} for every class session of the lesson plans",
                           formatter_class=_formatter,
                           description=f"Write {what} for every class session of data/plans.yaml, in each language, "
                                       f"into DIR/<language>/, from the data.")
        p.add_argument("--out", metavar="DIR", default=where, help=f"where to write (default: {where})")
        p.add_argument("--lang", choices=langs, nargs="+", default=list(langs),
                       help=f"the editions (default: {' '.join(langs)})")
        p.set_defaults(func=func)

    COMMANDS[:] = [c for c in sub.choices if c not in PREPARE_OLD_NAMES]
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # named after the command they were given to, not the whole kit
        command = getattr(args, "command", None)
        if not command:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        return _fail(command, f"unrecognized arguments: {' '.join(extra)} (see 'python -m kit {command} --help')", 2)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except _NoContent as e:
        return _fail(args.command, str(e), 2)
    except (KitError, OSError) as e:  # the kit's own errors, and the file system's: one line (unless KIT_DEBUG=1)
        if debug():
            raise
        for line in _error_lines(args, e):
            print(line, file=sys.stderr)
        return 1
