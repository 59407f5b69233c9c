"""The command line: ``python -m kit COMMAND``. Errors are one clear line and a non-zero exit, never a traceback."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as argparse does, without the usage block
        self.exit(2, f"kit: {message} (see 'python -m kit --help')\n")


def cmd_check(args) -> int:
    from .content import check_all
    from .content.errors import display_path

    root = Path(args.data) if args.data else None
    if root is not None and not root.is_dir():
        print(f"kit check: no content folder at {display_path(root)}", file=sys.stderr)
        return 2
    counts, problems = check_all(root)
    for p in problems:
        print(p, file=sys.stderr)
    summary = ", ".join(f"{n} {what}" for what, n in counts.items())
    if problems:
        print(f"kit check: {len(problems)} problem(s) found; checked {summary}", file=sys.stderr)
        return 1
    print(f"kit check: all content is valid ({summary})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m kit", description="The consent teaching kit's tools for instructors.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    check = sub.add_parser("check", help="validate every content file under data/ and name each problem")
    check.add_argument("--data", metavar="DIR", help="the content folder to check (default: the kit's data/)")
    check.set_defaults(func=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
