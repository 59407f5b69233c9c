"""kit new-case: scaffold a case, read what `kit check` says is missing, fill a fictional case, run the views on it."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import ipywidgets as w
import pytest
import yaml

import kit
from kit.content.cases import CASE_FILES, load_case
from kit.content.schema import record_fields
from kit.instructor.cli import main
from kit.instructor.scaffold import ScaffoldError, new_case

ROOT = Path(__file__).resolve().parent.parent
CASE = "acme-notes-2030"


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """A content folder with no case yet, made the kit's content folder via KIT_DATA.

    Everything else in data/ (UI strings, vocabulary, quizzes …) is copied: views may use shared content. The
    translations of the shipped cases go with the cases (they would translate files that are not there).
    """
    root = tmp_path / "data"
    cases = (ROOT / "data", ROOT / "data" / "translations" / "fr")
    shutil.copytree(ROOT / "data", root, ignore=lambda d, names: ["cases"] if Path(d) in cases else [])
    (root / "cases").mkdir()
    monkeypatch.setenv("KIT_DATA", str(root))
    monkeypatch.chdir(tmp_path)
    return root


def case_problems(capsys) -> tuple[int, list[str]]:
    code = main(["check"])
    err = capsys.readouterr().err.splitlines()
    # a case not yet translated is listed per language (missing: it shows in English), which is not a problem
    return code, [line for line in err if f"cases/{CASE}/" in line and ": missing: no " not in line]


def required_fields(cls) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]


# ---------------------------------------------------------------------------------------------- scaffold
def test_scaffold_writes_every_case_file_and_every_field_with_its_description(data, capsys):
    assert main(["new-case", CASE]) == 0
    assert f"created cases/{CASE}" in capsys.readouterr().out.replace("data/", "")
    folder = data / "cases" / CASE
    assert sorted(p.name for p in folder.iterdir()) == sorted(CASE_FILES)
    for name, (cls, _required) in CASE_FILES.items():
        text = (folder / name).read_text(encoding="utf-8")
        yaml.safe_load(text)  # valid YAML as written
        for f in record_fields(cls):
            assert f"# {f.name} (" in text, f"{name} does not describe '{f.name}'"
            assert f.metadata["doc"].split()[0] in text
    case_yaml = (folder / "case.yaml").read_text(encoding="utf-8")
    assert f"\nid: {CASE}\n" in case_yaml
    assert "# region: A short text on one line" in case_yaml  # optional fields: a commented example


def test_check_names_every_empty_required_value_of_the_scaffold(data, capsys):
    new_case(CASE)
    code, problems = case_problems(capsys)
    assert code == 1
    assert problems and all("is empty: expected" in p for p in problems)
    case_lines = [p for p in problems if "case.yaml" in p]
    from kit.content.case import CaseFile, Period, Source

    for field in required_fields(CaseFile):
        if field not in ("id", "period"):
            assert any(f"field '{field}': is empty" in p for p in case_lines), field
    assert any("field 'period.start': is empty: expected a date" in p for p in case_lines)
    for field in required_fields(Source):
        assert any("sources.yaml, line" in p and f"(source 1), field '{field}': is empty" in p
                   for p in problems), field
    assert required_fields(Period) == ["start"]
    # every message names the line, so an instructor can jump to it
    assert all(", line " in p for p in problems)


@pytest.mark.parametrize("bad", ["Acme", "acme notes", "-acme", "acme_", "../x", ""])
def test_a_bad_case_id_is_refused(data, bad):
    with pytest.raises(ScaffoldError, match="is not a valid case id"):
        new_case(bad)
    assert list((data / "cases").iterdir()) == []


def test_an_existing_folder_is_refused_and_left_alone(data):
    folder = new_case(CASE)
    (folder / "case.yaml").write_text("mine\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="already exists"):
        new_case(CASE)
    assert (folder / "case.yaml").read_text(encoding="utf-8") == "mine\n"


# ------------------------------------------------------------------------------------- a fictional case
# A made-up company and made-up events: nothing here is about a real company. The URLs are example.org.
FILLED = {
    "case.yaml": f"""
id: {CASE}
company: Acme Notes (fictional)
title: Acme Notes trains on shared notebooks
period:
  start: 2030-03
  end: 2030-04-02
summary: >-
  A fictional note-taking service says it uses shared notebooks to train its suggestion model. Only team
  administrators can opt out, by filling a form.
actors:
  - id: team-admin
    name: Team administrator
    description: The person who manages a team's account.
    can: [Fill the opt-out form for the whole team.]
  - id: member
    name: Team member
    description: Anyone who writes notes in a team.
    cannot: [Opt out alone.]
choice:
  applies_to: The suggestion model.
  default: in
  data_concerned: Shared notes.
  method: A web form
  who_can_act: [team-admin]
  steps:
    - actor: member
      text: Ask the administrator.
    - actor: team-admin
      text: Fill the form.
  status: inferred
  sources: [acme-help]
questions:
  - Is an administrator's choice the members' consent?
""",
    "sources.yaml": """
sources:
  - id: acme-help
    title: Acme help centre (fictional)
    publisher: Acme Notes
    url: https://example.org/acme/help
    kind: company
    date: 2030-03-01
  - id: acme-blog
    title: Acme blog (fictional)
    publisher: Acme Notes
    url: https://example.org/acme/blog
    kind: company
    date: 2030-04-01
""",
    "timeline.yaml": """
events:
  - id: terms-published
    date: 2030-03-01
    title: The help centre describes the training
    what: The fictional help page says shared notes train the suggestion model.
    sources: [acme-help]
    status: inferred
  - id: blog-reply
    date: 2030-04-01
    title: Acme replies on its blog
    what: The fictional blog says notes are never read by people.
    who: Acme Notes
    quote: Notes are never read by people.
    sources: [acme-blog]
    status: inferred
""",
    "documents.yaml": """
documents:
  - id: help-page
    title: Acme help page on suggestions
    owner: Acme Notes
    url: https://example.org/acme/help
    versions:
      - id: before
        label: Before April
        date: 2030-03-01
        text: We use shared notes to improve suggestions. Administrators can opt out.
        sources: [acme-help]
        status: inferred
      - id: after
        label: After April
        date: 2030-04-02
        text: We use shared notes, never read by people, to improve suggestions. Administrators can opt out.
        sources: [acme-help]
        status: inferred
""",
    "statements.yaml": """
statements:
  - id: blog-never-read
    speaker: Acme Notes
    channel: Acme blog
    date: 2030-04-01
    text: Notes are never read by people.
    sources: [acme-blog]
    status: inferred
""",
    "claims.yaml": """
claims:
  - id: blog-never-read
    statement: blog-never-read
    document: help-page
    version: before
    verdict: not-addressed
    evidence: [before.p1.s1]
    feedback: The old help page says notes are used, and says nothing about who reads them.
""",
}


def html_of(widget) -> str:
    """Every piece of HTML a view shows, depth first."""
    parts = [widget.value] if isinstance(widget, w.HTML) else []
    for child in getattr(widget, "children", ()):
        parts.append(html_of(child))
    return "\n".join(parts)


def fill(folder: Path) -> None:
    for name in CASE_FILES:
        if name in FILLED:
            (folder / name).write_text(FILLED[name].lstrip(), encoding="utf-8")
        else:  # a kind of case file added after this test was written: optional ones may simply go
            assert not CASE_FILES[name][1], f"fill the new required file {name} in this test"
            (folder / name).unlink()


def test_a_filled_fictional_case_passes_check_and_every_view_shows_it(data, capsys):
    assert main(["new-case", CASE]) == 0
    fill(data / "cases" / CASE)
    _code, problems = case_problems(capsys)  # other kinds of content are absent here: only the case matters
    assert problems == []
    case = load_case(CASE)
    assert case.company == "Acme Notes (fictional)" and len(case.timeline) == 2

    timeline = kit.show_case_timeline(CASE)
    assert "kit-error" not in timeline._dom_classes
    assert "The help centre describes the training" in html_of(timeline)
    timeline.next_button.click()
    assert "Notes are never read by people." in html_of(timeline)

    optout = kit.show_opt_out(CASE)
    assert "kit-error" not in optout._dom_classes
    shown = html_of(optout)
    assert "Team administrator" in shown and "A web form" in shown

    plot = kit.show_timeline_plot(CASE)
    assert "kit-error" not in plot._dom_classes and "<img" in plot.value

    # The same folder by path works too.
    assert "kit-error" not in kit.show_case_timeline(str(data / "cases" / CASE))._dom_classes

    # The comparer, the claim checker and the vocabulary view take a case id the same way.
    comparer = kit.show_version_comparer(CASE)
    assert "kit-error" not in comparer._dom_classes, html_of(comparer)
    assert "never read by people" in html_of(comparer)
    checker = kit.show_claim_checker(CASE)
    assert "kit-error" not in checker._dom_classes, html_of(checker)
    assert "Notes are never read by people." in html_of(checker)
    vocabulary = kit.show_vocabulary(CASE)
    assert "kit-error" not in vocabulary._dom_classes, html_of(vocabulary)
