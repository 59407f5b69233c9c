"""Keep your answers (kit/ui/keep.py, kit/writing.py): every view that takes a student's input saves it as it is
entered, shows it again after a restart, and never replaces saved work with less without asking (issue 27 item 1:
notebook 04's checklist, notebook 02's claim checker)."""

from __future__ import annotations

import csv
import json
import re

import pytest
from conftest import ROOT, downloaded, visible_text

import kit
from kit import progress
from kit import writing as handed_in
from kit.content.language import speaking
from kit.content.quiz import load_quiz
from kit.instructor.cli import main
from kit.ui.quiz import QuizView


@pytest.fixture(autouse=True)
def answers_dir(tmp_path, monkeypatch):
    """Answers are saved in this test's own folder."""
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / "saved"))
    return tmp_path / "saved"


def view(quiz, qid):
    return next(v for v in quiz.questions if v.question.id == qid)


def answer(quiz, qid="slack-default", value="included"):
    v = view(quiz, qid)
    v.input.radio.value = value
    v.check()


def saved(answers_dir, name):
    return json.loads((answers_dir / f"answers-{name}.json").read_text(encoding="utf-8"))["answers"]


def notebook_04():
    """Notebook 04's kit calls, in its order: the checklists, then the writing set that holds the save box."""
    return kit.show_checklist("slack-2024"), kit.show_checklist("anthropic-2025"), kit.show_writing("law-discussion")


def restart():
    """What a kernel restart does to the kit: every entry and listener in memory is gone."""
    handed_in.clear()


def test_checklist_verdicts_and_reasons_are_saved_as_entered_and_come_back_after_a_restart(answers_dir):
    slack, _anthropic, writing = notebook_04()
    writing.keep.save_box.value = True
    for row, verdict in zip(slack.rows, ["not-met", "not-met", "unclear", "met", "not-met", "not-met", "unclear"],
                            strict=False):
        row.verdict.value = verdict
        row.reason.value = f"Because of {row.condition.id}.\nA second paragraph."
    # no Compare pressed: every verdict and reason is already in the file
    file = saved(answers_dir, "law-discussion")
    keys = [f"checklist:slack-2024:{r.condition.id}" for r in slack.rows]
    assert all(file[k]["response"]["reason"].startswith("Because of") for k in keys)

    restart()
    slack, _anthropic, writing = notebook_04()  # Run All
    assert "✔ Restored" in visible_text(writing.keep.status)
    assert [r.verdict.value for r in slack.rows][:3] == ["not-met", "not-met", "unclear"]
    assert all(r.reason.value.endswith("A second paragraph.") for r in slack.rows)
    assert saved(answers_dir, "law-discussion") == file  # reading the file changed nothing in it

    slack.rows[0].verdict.value = "met"  # one more, then Compare: nothing else is lost
    slack.compare_button.click()
    file = saved(answers_dir, "law-discussion")
    assert file[keys[0]]["response"]["verdict"] == "met"
    assert all(file[k]["response"]["reason"].startswith("Because of") for k in keys)
    assert sum(1 for k in file if k.startswith("checklist:slack-2024:")) == len(keys)


def test_the_reason_is_a_box_for_paragraphs_and_a_difference_is_not_marked_wrong():
    slack = kit.show_checklist("slack-2024")
    row = next(r for r in slack.rows if r.condition.id == "affirmative-act")
    assert type(row.reason).__name__ == "Textarea"
    row.verdict.value = "met"
    slack.compare_button.click()
    assert "↔ A different reading" in row.feedback.value and "✘" not in row.feedback.value


def test_what_was_entered_before_the_file_is_read_is_kept_and_saved(answers_dir):
    progress.save("law-discussion", {"checklist:slack-2024:specific": {"response": {"verdict": "met",
                                                                                    "reason": "Old."}},
                                     "checklist:slack-2024:informed": {"response": {"verdict": "unclear",
                                                                                    "reason": "Kept."}}})
    slack = kit.show_checklist("slack-2024")  # filled from nothing yet: the save box comes later in the notebook
    row = next(r for r in slack.rows if r.condition.id == "specific")
    row.verdict.value = "not-met"
    row.reason.value = "New."
    writing = kit.show_writing("law-discussion")  # reads the file: the newer entry stays, the others come back
    assert row.verdict.value == "not-met" and row.reason.value == "New."
    assert next(r for r in slack.rows if r.condition.id == "informed").reason.value == "Kept."
    file = saved(answers_dir, "law-discussion")
    assert file["checklist:slack-2024:specific"]["response"] == {"verdict": "not-met", "reason": "New."}
    assert file["checklist:slack-2024:informed"]["response"]["reason"] == "Kept."
    assert writing.keep.save_box.value


def test_claim_verdicts_are_saved_when_chosen_and_come_back_with_their_feedback(answers_dir):
    claims = kit.show_claim_checker("slack-2024")
    quiz = kit.show_quiz("02-policy")
    quiz.keep.save_box.value = True
    claims.picker.value = 1
    claims.verdict.value = "supported"  # chosen, not checked: saved at once
    first = claims.item.claim.id
    assert saved(answers_dir, "02-policy")[f"claim:{first}"]["response"]["verdict"] == "supported"
    claims.picker.value = 0
    claims.verdict.value = "contradicted"
    claims.evidence.value = claims.evidence.options[1][1]
    claims.check_button.click()
    checked = visible_text(claims.feedback)

    restart()
    claims = kit.show_claim_checker("slack-2024")
    kit.show_quiz("02-policy")
    assert claims.verdict.value == "contradicted" and visible_text(claims.feedback) == checked
    claims.picker.value = 1
    assert claims.verdict.value == "supported" and claims.evidence.value is None and claims.feedback.value == ""


def test_a_changed_choice_clears_feedback_that_no_longer_fits():
    claims = kit.show_claim_checker("slack-2024")
    claims.verdict.value = "contradicted"
    claims.evidence.value = claims.evidence.options[1][1]
    claims.check_button.click()
    assert claims.feedback.value
    claims.verdict.value = "supported"
    assert claims.feedback.value == "" and handed_in.get(f"claim:{claims.item.claim.id}")["verdict"] == "supported"


def test_a_writing_set_with_its_own_box_loads_a_file_only_after_asking_and_keeps_a_copy(answers_dir):
    writing = kit.show_writing("law-discussion")
    writing.keep.save_box.value = True
    writing.boxes[0].value = "Mine."
    other = progress.dump("law-discussion", {"writing:law-discussion:1": {"response": "Someone else's."}})
    assert writing.keep.load_text(other.encode(), "other.json") is False  # asks first
    assert writing.boxes[0].value == "Mine." and writing.keep.load_confirm.visible
    writing.keep.load_confirm.yes.click()
    assert writing.boxes[0].value == "Someone else's."
    backups = list(answers_dir.glob("answers-law-discussion.json.backup-*"))
    assert len(backups) == 1 and "Mine." in backups[0].read_text(encoding="utf-8")
    assert str(backups[0]) in visible_text(writing.keep.status)


# --------------------------------------------------------------- Try again and Load answers ask before discarding


def test_try_again_asks_first_and_keeps_the_saved_file_until_confirmed(answers_dir):
    quiz = QuizView(load_quiz("final"))
    quiz.keep.save_box.value = True
    answer(quiz)
    path = answers_dir / "answers-final.json"
    before = path.read_text(encoding="utf-8")
    assert "slack-default" in json.loads(before)["answers"]

    quiz.retry_button.click()
    assert "Clear every answer and start again?" in visible_text(quiz)
    assert path.read_text(encoding="utf-8") == before  # nothing lost yet
    assert view(quiz, "slack-default").input.radio.value == "included"
    quiz.keep.discard_confirm.no.click()
    assert "Nothing changed" in visible_text(quiz.keep.status) and not quiz.keep.discard_confirm.visible
    assert path.read_text(encoding="utf-8") == before

    quiz.retry_button.click()
    quiz.keep.discard_confirm.yes.click()
    assert view(quiz, "slack-default").input.radio.value is None
    assert json.loads(path.read_text(encoding="utf-8"))["answers"] == {}
    backups = sorted(answers_dir.glob("answers-final.json.backup-*"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == before
    assert str(backups[0]) in visible_text(quiz.keep.status)


def test_load_answers_asks_before_replacing_work_and_keeps_a_copy(answers_dir):
    quiz = QuizView(load_quiz("final"))
    quiz.keep.save_box.value = True
    quiz.keep.student.value = "Ada"
    answer(quiz)
    path = answers_dir / "answers-final.json"
    before = path.read_text(encoding="utf-8")
    other = progress.dump("final", {"withdraw": {"response": True, "attempts": 1, "hints": 0}}, "Ben")
    assert quiz.load_text(other.encode(), "ben.json") is False
    assert "Replace the answers on this page with those in ben.json?" in visible_text(quiz)
    assert quiz.keep.student.value == "Ada" and path.read_text(encoding="utf-8") == before
    quiz.keep.load_confirm.yes.click()
    assert quiz.keep.student.value == "Ben" and view(quiz, "withdraw").input.radio.value is True
    assert view(quiz, "slack-default").input.radio.value is None
    assert [p.read_text(encoding="utf-8") for p in answers_dir.glob("answers-final.json.backup-*")] == [before]
    assert "✔ Loaded answers from ben.json" in visible_text(quiz.keep.status)


# ------------------------------------------------------------------------- writing and verdicts, handed in


def test_writing_is_saved_downloaded_and_listed_by_results(answers_dir, tmp_path):
    writing = kit.show_writing("policy-reflection")
    assert len(writing.boxes) == 2 and all(b.description for b in writing.boxes)
    claims = kit.show_claim_checker("slack-2024")
    quiz = QuizView(load_quiz("02-policy"))
    quiz.keep.save_box.value = True
    writing.boxes[0].value = "A change of practice: before.p1.s2 still allows it."
    claims.verdict.value = "contradicted"
    claims.evidence.value = claims.evidence.options[1][1]
    claims.check_button.click()
    saved = json.loads((answers_dir / "answers-02-policy.json").read_text(encoding="utf-8"))["answers"]
    assert saved["writing:policy-reflection:1"]["response"].startswith("A change of practice")
    assert any(k.startswith("claim:") and v["response"]["verdict"] == "contradicted" for k, v in saved.items())
    _name, doc = downloaded(quiz)
    assert doc["answers"]["writing:policy-reflection:1"] == saved["writing:policy-reflection:1"]

    handed_in.clear()  # a new kernel: the box is filled again from the saved file
    again = kit.show_writing("policy-reflection")
    QuizView(load_quiz("02-policy"))
    assert again.boxes[0].value.startswith("A change of practice")

    out = tmp_path / "results"
    assert main(["results", str(answers_dir / "answers-02-policy.json"), "--out", str(out)]) == 0
    with open(out / "answers.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    row = next(r for r in rows if r["question"] == "writing:policy-reflection:1")
    assert row["response"].startswith("A change of practice") and row["score"] == ""
    chart = out / "summary.txt"  # the chart is of quiz questions only: this file has none
    assert not chart.exists() or "writing:" not in chart.read_text(encoding="utf-8")


def test_a_notebook_without_a_quiz_saves_writing_and_checklist_reasons(answers_dir):
    checklist = kit.show_checklist("slack-2024")
    row = checklist.rows[0]
    row.verdict.value = "not-met"
    row.reason.value = "Only owners could act."
    checklist.compare_button.click()
    writing = kit.show_writing("law-discussion")
    assert "Save my answers" in visible_text(writing) and "Download my answers" in visible_text(writing)
    writing.keep.student.value = "Zoë O'Brien"
    writing.boxes[2].value = "A right to say yes."
    name, doc = downloaded(writing)
    assert name == "answers-law-discussion-Zoe-O-Brien.json"
    assert doc["answers"]["writing:law-discussion:3"]["response"] == "A right to say yes."
    key = f"checklist:slack-2024:{row.condition.id}"
    assert doc["answers"][key]["response"] == {"verdict": "not-met", "reason": "Only owners could act."}
    assert not answers_dir.exists()  # nothing saved without the opt-in
    writing.keep.save_box.value = True
    assert key in json.loads((answers_dir / "answers-law-discussion.json").read_text(encoding="utf-8"))["answers"]


def test_every_write_a_few_sentences_prompt_has_a_box():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for i, cell in enumerate(cells):
            text = "".join(cell["source"])
            if cell["cell_type"] == "markdown" and re.search(r"write (a few|one) sentences?", text, re.I) \
                    and "checklist" not in text:
                nxt = "".join(cells[i + 1]["source"])
                assert "kit.show_writing(" in nxt, f"{path.name}, cell {i + 1}: a writing prompt without a box"


# ------------------------------------------------------------- where the answers go when their place is taken
def test_a_folder_where_the_answers_file_should_be_is_said_and_worked_around(answers_dir):
    (answers_dir / "answers-final.json").mkdir(parents=True)
    quiz = QuizView(load_quiz("final"))
    said = visible_text(quiz.keep.status)
    assert f"⚠ Your answers cannot be saved in their usual place: {answers_dir / 'answers-final.json'} is a folder. " \
           f"They are saved in {answers_dir / 'answers-final-2.json'} instead" in said
    quiz.keep.save_box.value = True
    answer(quiz)
    assert saved(answers_dir, "final-2")["slack-default"]["response"] == "included"
    assert (answers_dir / "answers-final.json").is_dir()  # left as it was
    again = QuizView(load_quiz("final"))  # after a restart: found again where they went
    assert view(again, "slack-default").input.radio.value == "included"


def test_an_answers_folder_that_is_a_file_sends_the_answers_home(tmp_path, monkeypatch):
    (tmp_path / "not-a-folder").write_text("mine", encoding="utf-8")
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / "not-a-folder"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    quiz = QuizView(load_quiz("final"))
    home = tmp_path / "home" / ".consent-kit" / "answers-final.json"
    assert f"{tmp_path / 'not-a-folder'} is a file, not a folder. They are saved in {home} instead" in \
        visible_text(quiz.keep.status)
    quiz.keep.save_box.value = True
    assert home.is_file() and (tmp_path / "not-a-folder").read_text(encoding="utf-8") == "mine"


def test_an_answers_file_the_kit_cannot_read_is_said_and_set_aside(answers_dir, monkeypatch):
    progress.save("final", {"slack-default": {"response": "included", "attempts": 1}})
    real = type(answers_dir).read_bytes

    def unreadable(path):
        if path.name == "answers-final.json":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(type(answers_dir), "read_bytes", unreadable)
    quiz = QuizView(load_quiz("final"))
    said = visible_text(quiz.keep.status)
    assert "⚠ answers-final.json cannot be read (Permission denied). It was kept aside as" in said
    monkeypatch.setattr(type(answers_dir), "read_bytes", real)
    quiz.keep.save_box.value = True
    answer(quiz, value="excluded")
    assert saved(answers_dir, "final")["slack-default"]["response"] == "excluded"
    assert len(list(answers_dir.glob("answers-final.json.corrupt-*"))) == 1  # the unreadable one, kept


# ------------------------------------------------ one box per notebook: a quiz that saves with another view (save_with)
SAVING_CALLS = re.compile(r"kit\.(show_quiz|show_writing|show_checklist|show_claim_checker)\(.*\)")


def boxes(widget) -> int:
    """How many "Keep your answers" boxes a person sees in a view."""
    own = int("kit-keep" in getattr(widget, "_dom_classes", ()))
    return own + sum(boxes(c) for c in getattr(widget, "children", ()))


def run_saving_views(path):
    """A notebook's views that take a student's input, made in its order (its language first)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    views = []
    with speaking("fr" if path.parent.name == "fr" else "en"):
        for cell in cells:
            for call in SAVING_CALLS.finditer("".join(cell["source"]) if cell["cell_type"] == "code" else ""):
                views.append(eval(call.group(0), {"kit": kit}))  # noqa: S307 - the notebook's own one-line call
    return views


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("0*.ipynb"))
                         + sorted((ROOT / "notebooks" / "fr").glob("0*.ipynb")), ids=lambda p: p.name)
def test_every_notebook_shows_one_keep_your_answers_box(path):
    views = run_saving_views(path)
    shown = sum(boxes(v) for v in views)
    assert shown == (1 if views else 0), f"{path.name}: {shown} 'Keep your answers' boxes"
    for v in views:  # a quiz kept elsewhere says where
        if getattr(getattr(v, "quiz", None), "save_with", None):
            assert "Keep your answers" in visible_text(v) or "Garder vos réponses" in visible_text(v)


def notebook_04_with_quizzes():
    """Notebook 04's saving views in its order: a check quiz after each group of texts, the checklist, the writing."""
    quizzes = [kit.show_quiz(q) for q in ("04-consent", "04-at-work", "04-legitimate-interest", "04-us")]
    return quizzes, kit.show_checklist("slack-2024"), kit.show_writing("law-discussion")


def test_notebook_04s_check_quizzes_are_kept_in_the_writing_sets_box_and_come_back(answers_dir, tmp_path):
    quizzes, checklist, writing = notebook_04_with_quizzes()
    consent = quizzes[0]
    assert boxes(consent) == 0  # no box of its own
    assert "use “Keep your answers” under “Questions to discuss”" in visible_text(consent)
    writing.keep.save_box.value = True
    answer(consent, "continue-only", "not-free")
    view(consent, "default-on").hint()
    checklist.rows[0].verdict.value = "not-met"
    writing.boxes[0].value = "It shows the opt-out is not consent."
    file = saved(answers_dir, "law-discussion")
    assert file["quiz:04-consent:continue-only"]["correct"] is True
    assert file["quiz:04-consent:default-on"]["hints"] == 1 and file["quiz:04-consent:default-on"]["response"] is None
    assert file["writing:law-discussion:1"]["response"].startswith("It shows")
    assert not list(answers_dir.glob("answers-04-*.json"))  # one answers file for the notebook
    _name, doc = downloaded(writing)
    assert doc["answers"] == file

    restart()
    quizzes, checklist, writing = notebook_04_with_quizzes()  # Run All: the box, last, reads the file
    consent = quizzes[0]
    assert view(consent, "continue-only").input.radio.value == "not-free"
    assert "✔ Correct" in visible_text(view(consent, "continue-only").feedback)
    assert "Hint 1" in visible_text(view(consent, "default-on").hints)
    assert "1 of 3 answered" in visible_text(consent.progress)
    assert saved(answers_dir, "law-discussion") == file

    out = tmp_path / "results"
    assert main(["results", str(answers_dir / "answers-law-discussion.json"), "--out", str(out)]) == 0
    with open(out / "answers.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    row = next(r for r in rows if r["question"] == "continue-only")
    assert row["quiz"] == "04-consent" and row["score"] == "1.000" and row["graded_by"] == "key"
    assert "A photo-editing app opens" in (out / "summary.txt").read_text(encoding="utf-8")  # graded: in the chart


def test_a_box_shown_before_the_quiz_it_keeps_fills_it_too(answers_dir):
    progress.save("law-discussion", {"quiz:04-us:" + load_quiz("04-us").questions[0].id:
                                     {"response": load_quiz("04-us").questions[0].answer, "attempts": 1}})
    kit.show_writing("law-discussion")  # reads the file first
    us = kit.show_quiz("04-us")
    first = us.questions[0]
    assert first.state.grade is not None and first.state.grade.correct


def test_load_answers_in_the_box_refills_every_view_of_the_notebook(answers_dir):
    quizzes, checklist, writing = notebook_04_with_quizzes()
    answer(quizzes[0], "continue-only", "yes-act")
    other = progress.dump("law-discussion", {"quiz:04-consent:withdraw-by-email": {"response": "art-7-3",
                                                                                    "attempts": 1},
                                             "writing:law-discussion:2": {"response": "Theirs."}}, "Ben")
    assert writing.keep.load_text(other.encode(), "ben.json") is False  # asks first: there is work on the page
    writing.keep.load_confirm.yes.click()
    consent = quizzes[0]
    assert view(consent, "continue-only").input.radio.value is None  # not in the file: cleared
    assert view(consent, "withdraw-by-email").input.radio.value == "art-7-3"
    assert writing.boxes[1].value == "Theirs." and writing.keep.student.value == "Ben"
    assert consent.load_text(other.encode(), "ben.json") is False
    assert "use “Load answers” under “Questions to discuss”" in visible_text(consent.keep.status)


def test_try_again_on_a_quiz_kept_elsewhere_asks_beside_it_and_keeps_a_copy(answers_dir):
    quizzes, _checklist, writing = notebook_04_with_quizzes()
    consent = quizzes[0]
    writing.keep.save_box.value = True
    writing.boxes[0].value = "Mine."
    answer(consent, "continue-only", "not-free")
    path = answers_dir / "answers-law-discussion.json"
    before = path.read_text(encoding="utf-8")

    consent.retry_button.click()
    assert "Clear every answer and start again?" in visible_text(consent)  # asked beside the quiz
    assert not writing.keep.discard_confirm.visible and path.read_text(encoding="utf-8") == before
    consent.keep.discard_confirm.no.click()
    assert "Nothing changed" in visible_text(consent.keep.status)

    consent.retry_button.click()
    consent.keep.discard_confirm.yes.click()
    assert view(consent, "continue-only").input.radio.value is None
    file = saved(answers_dir, "law-discussion")
    assert not any(k.startswith("quiz:04-consent:") for k in file)
    assert file["writing:law-discussion:1"]["response"] == "Mine."  # the rest of the notebook's work stays
    backups = list(answers_dir.glob("answers-law-discussion.json.backup-*"))
    assert [b.read_text(encoding="utf-8") for b in backups] == [before]
    assert str(backups[0]) in visible_text(consent.keep.status)


def test_a_file_whose_answer_no_longer_fits_a_quiz_kept_elsewhere_is_set_aside(answers_dir):
    progress.save("law-discussion", {"quiz:04-consent:default-on": {"response": "affirmative-act"},  # a list now
                                     "writing:law-discussion:1": {"response": "Mine."}})
    quizzes, _checklist, writing = notebook_04_with_quizzes()
    said = visible_text(writing.keep.status)
    assert ("⚠ answers-law-discussion.json does not fit the quiz as it is now: in the quiz '04-consent', the answer "
            "to 'default-on' (multiple question): expected a list of option ids. It was kept aside as") in said
    assert len(list(answers_dir.glob("answers-law-discussion.json.corrupt-*"))) == 1
    assert view(quizzes[0], "default-on").input.response() in (None, (), [])


@pytest.mark.parametrize(("save_with", "message"), [
    ("law-discusion", "unknown quiz or writing set 'law-discusion': no quiz or writing set with this id in "
                      "data/quizzes (a quiz without save_with) or data/writing.yaml (a set with save_with: own). "
                      "Did you mean 'law-discussion'?"),
    ("04-consent", "a quiz cannot save with itself: leave save_with out to give it its own box"),
    ("04-us", "'04-us' does not keep its own answers (it saves with another view): name the quiz or writing set "
              "whose box keeps the notebook's answers"),
    ("policy-reflection", "'policy-reflection' does not keep its own answers (it saves with another view): name the "
                          "quiz or writing set whose box keeps the notebook's answers"),
])
def test_save_with_must_name_a_view_that_keeps_its_own_answers(data_copy, save_with, message):
    path = data_copy / "quizzes" / "04-consent.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("save_with: law-discussion", f"save_with: {save_with}"), encoding="utf-8")
    _counts, problems = kit.check_all(data_copy)
    line = text.splitlines().index("save_with: law-discussion") + 1
    found = [p for p in problems if p.field == "save_with"]
    assert [(p.file.endswith("quizzes/04-consent.yaml"), p.line, p.message) for p in found] == [(True, line, message)]
