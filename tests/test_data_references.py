"""Issue 27 item 10: a file of data/ that names another file names one a reader of the repository can open.

Comments and working notes once cited the project's research notes (``../shared/research/facts.md``,
``policy_tools.md §13``), which are not in the repository. Every path-like name in a data file (outside a web
address, and but for templates like ``cases/<id>/case.yaml``) must be a file of the repository, found from the data
file's folder, from data/ or from the root.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

DATA = ROOT / "data"
FILES = sorted(p for p in DATA.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*")  # web addresses, with or without scheme
_PATH = re.compile(r"(?<![\w/.>-])((?:\.\.?/|/)?(?:[\w.-]+/)*[\w-][\w.-]*\.(?:md|ipynb|py|ya?ml|json|csv))\b")


def dead_references(path) -> list[str]:
    """'line N: name' for each file named in ``path`` that is not in the repository."""
    found = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for name in _PATH.findall(_URL.sub(" ", line)):
            places = (path.parent / name, DATA / name, ROOT / name)  # an absolute path is never in the repository
            if name.startswith("/") or not any(p.is_file() and p.resolve().is_relative_to(ROOT) for p in places):
                found.append(f"line {n}: {name}")
    return found


def test_the_finder_sees_what_a_reader_would_try_to_open(tmp_path):
    sample = tmp_path / "quiz.yaml"
    sample.write_text("# Facts and sources: ../shared/research/facts.md §1 and policy_tools.md §13.\n"
                      "# Legal wording: data/law/01-gdpr.yaml; see README.md and cases/<id>/case.yaml.\n"
                      "# Notes: /work/shared/research/facts_addendum.md §4.\n"
                      "url: https://example.org/notes/facts.md\n"
                      "note: read on github.com/someone/blog/posts/a-post.md\n", encoding="utf-8")
    assert dead_references(sample) == ["line 1: ../shared/research/facts.md", "line 1: policy_tools.md",
                                    "line 3: /work/shared/research/facts_addendum.md"]


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(DATA)) for p in FILES])
def test_every_file_a_data_file_names_is_in_the_repository(path):
    dead = dead_references(path)
    assert not dead, f"data/{path.relative_to(DATA)} names files a reader of the repository cannot open:\n" + \
        "\n".join(dead)
