"""Scoring audits against the rubric (kit/instructor/grades.py, kit/ui/grades.py, ``kit results``): the class view
lists every audit handed in, shows its report, keeps a level per criterion and a comment as they are chosen (in the
instructor's folder, never the class folder), flags an audit changed since it was scored, and exports a grade sheet
that a CSV reader reads back; ``kit results`` writes a report per audit and the same sheet."""

from __future__ import annotations

import csv
import json

import pytest
from conftest import visible_text
from test_audit import entries

import kit
from kit import progress
from kit.content.audit import load_audit
from kit.content.language import speaking
from kit.instructor.cli import main
from kit.instructor.grades import handed_in, load_grades

IDENT = "0123456789abcdef0123456789abcdef"


@pytest.fixture(autouse=True)
def instructor(tmp_path, monkeypatch):
    """The instructor's own folder (where scores are kept), apart from the folder of audits."""
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / "instructor"))
    monkeypatch.delenv("KIT_CLASS_DIR", raising=False)
    return tmp_path / "instructor"


def hand_in(folder, name: str | None, **extra):
    """An audit as a student downloads it (``name``) or shares it (no name: a random id in the file's name)."""
    folder.mkdir(parents=True, exist_ok=True)
    answers = {k: {"response": v} for k, v in entries(**extra).items() if v is not None}
    file = folder / (progress.download_name("audit", name) if name else f"answers-audit-{IDENT}.json")
    file.write_text(progress.dump("audit", answers, name), encoding="utf-8")
    return file


def test_the_class_view_lists_scores_and_exports_a_grade_sheet_a_csv_reader_reads(tmp_path, instructor):
    folder = tmp_path / "class"
    hand_in(folder, "Ada Lovelace", **{"audit:self:evidence": 3, "audit:self:law": 3, "audit:self:fairness": 2,
                                       "audit:self:redesign": 4})
    hand_in(folder, None)
    (folder / "notes.json").write_text("{not json", encoding="utf-8")
    view = kit.show_class_results(folder, quiz="audit")
    assert "2 audit(s)" in visible_text(view.count) and "skipped" in visible_text(view.count)
    table = visible_text(view.table)
    assert "Ada Lovelace 5/5 12 of 16 Not scored yet." in table
    assert f"no name (answers-audit-{IDENT}.json) 5/5 – Not scored yet." in table
    assert [label for label, _f in view.picker.options] == ["1. Ada Lovelace",
                                                            f"2. no name (answers-audit-{IDENT}.json)"]
    assert "By Ada Lovelace" in visible_text(view.report) and "Quillnote" in visible_text(view.report)

    view.levels["evidence"].value = 4
    view.levels["law"].value = 3
    assert "Scored 7 of 16" in visible_text(view.score_status) and "not every criterion" in visible_text(
        view.score_status)
    view.levels["fairness"].value = 3
    view.levels["redesign"].value = 2
    view.comment.value = "Precise evidence; weigh the company's reading."
    kept = json.loads((instructor / "grades-audit.json").read_text(encoding="utf-8"))
    assert kept["grades"]["answers-audit-Ada-Lovelace.json"]["levels"] == {"evidence": 4, "law": 3, "fairness": 3,
                                                                           "redesign": 2}
    assert not (folder / "grades-audit.json").exists()  # never in the class folder

    path = view.export()
    assert path == instructor / "grade-sheet-audit.csv" and "2 audit(s)" in visible_text(view.export_status)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    ada = next(r for r in rows if r["student"] == "Ada Lovelace")
    assert ada["Evidence from the text (1-4)"] == "4" and ada["Quality of the redesign (1-4)"] == "2"
    assert (ada["total"], ada["out of"], ada["every criterion scored"]) == ("12", "16", "yes")
    assert ada["comment"] == "Precise evidence; weigh the company's reading." and ada["self-assessment"] == "12"
    assert ada["changed since scored"] == "no" and ada["steps complete"] == "5/5"
    other = next(r for r in rows if r["file"] == f"answers-audit-{IDENT}.json")
    assert other["student"] == "" and other["total"] == "" and other["Evidence from the text (1-4)"] == ""


def test_an_audit_changed_after_it_was_scored_is_flagged(tmp_path, instructor):
    folder = tmp_path / "class"
    hand_in(folder, "Ada")
    view = kit.show_class_results(folder, quiz="audit")
    view.score("answers-audit-Ada.json", {"evidence": 4, "law": 4, "fairness": 4, "redesign": 4}, "Fine.")
    assert "as scored" in visible_text(view.table)
    hand_in(folder, "Ada", **{"audit:redesign:cost": "A new cost."})
    view.refresh_button.click()
    assert "changed since scored" in visible_text(view.table)
    assert "The student changed the audit after you scored it" in visible_text(view.score_status)
    assert view.levels["law"].value == 4 and view.comment.value == "Fine."  # the scores stay


def test_a_grades_file_edited_by_hand_keeps_what_fits_and_a_damaged_one_is_set_aside(tmp_path, instructor):
    rubric = load_audit().rubric
    instructor.mkdir(parents=True)
    path = instructor / "grades-audit.json"
    path.write_text(json.dumps({"format": "consent-kit-grades", "version": 1, "grades": {
        "a.json": {"levels": {"evidence": 4, "law": 9, "style": 3}, "comment": 7},
        "b.json": "four"}}), encoding="utf-8")
    grades = load_grades(path, rubric)
    assert grades.get("a.json").levels == {"evidence": 4} and grades.get("a.json").comment == ""
    assert any("on law (9) is not a level of the rubric" in p for p in grades.problems)
    assert any("a criterion the rubric does not have (style)" in p for p in grades.problems)
    assert any("The scores kept for b.json" in p for p in grades.problems)
    path.write_text("{damaged", encoding="utf-8")
    grades = load_grades(path, rubric)
    assert grades.grades == {} and grades.kept_aside is not None and grades.kept_aside.exists()
    assert "could not be read as your scores" in grades.problems[0] and not path.exists()
    view = kit.show_class_results(tmp_path, quiz="audit")  # the view says it too, and opens
    assert "No audit here yet." in visible_text(view)


def test_kit_results_writes_a_report_per_audit_and_the_grade_sheet(tmp_path, instructor, capsys):
    folder = tmp_path / "class"
    ada = hand_in(folder, "Ada")
    other = hand_in(folder, None)
    view = kit.show_class_results(folder, quiz="audit")
    view.score(ada.name, {"evidence": 3, "law": 3, "fairness": 3, "redesign": 3})
    out = tmp_path / "results"
    assert main(["results", str(ada), str(other), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "2 audit(s)" in said and "grade-sheet.csv" in said
    assert (out / "audits" / "answers-audit-Ada.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (out / "audits" / f"{other.stem}.md").read_text(encoding="utf-8").startswith("# Audit: Quillnote")
    with open(out / "grade-sheet.csv", newline="", encoding="utf-8") as f:
        rows = {r["file"]: r for r in csv.DictReader(f)}
    assert rows[ada.name]["total"] == "12" and rows[other.name]["total"] == ""
    # a report and its row of the grade sheet name the same audit
    assert f"Audit fingerprint: {rows[ada.name]['fingerprint']}" in (out / "audits" / "answers-audit-Ada.md").read_text(
        encoding="utf-8")
    with open(out / "answers.csv", newline="", encoding="utf-8") as f:  # the entries are rows too, as written
        answers = list(csv.DictReader(f))
    assert any(r["question"] == "audit:redesign:cost" and r["response"] == "Less data." for r in answers)


def test_the_audits_are_read_as_kit_results_reads_files(tmp_path):
    folder = tmp_path / "class"
    hand_in(folder, "Ada")
    hand_in(folder, "ada ")  # the same student's second file: counted once
    (folder / "other.json").write_text(progress.dump("final", {}, "Bob"), encoding="utf-8")
    audits, notes = handed_in(sorted(folder.glob("*.json")))
    assert len(audits) == 1 and audits[0].student.strip().casefold() == "ada"  # the quiz's file is not an audit
    assert any("counted once" in n for n in notes)


def test_the_french_grade_sheet_is_in_french(tmp_path, instructor):
    folder = tmp_path / "class"
    hand_in(folder, "Ada")
    with speaking("fr"):
        view = kit.show_class_results(folder, quiz="audit")
        view.score("answers-audit-Ada.json", {"evidence": 2})
        path = view.export()
    header = next(csv.reader(path.open(encoding="utf-8")))
    assert header[:3] == ["étudiant", "fichier", "Des preuves tirées du texte (1–4)"]
    assert "Les audits rendus" in visible_text(view)
