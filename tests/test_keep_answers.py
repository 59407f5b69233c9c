"""Keep your answers (kit/ui/keep.py, kit/handin.py): every view that takes a student's input saves it as it is
entered, shows it again after a restart, and never replaces saved work with less without asking (issue 27 item 1:
notebook 04's checklist, notebook 02's claim checker)."""

from __future__ import annotations

import json

import pytest
from conftest import visible_text

import kit
from kit import handin, progress


@pytest.fixture(autouse=True)
def answers_dir(tmp_path, monkeypatch):
    """Answers are saved in this test's own folder."""
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path / "saved"))
    return tmp_path / "saved"


def saved(answers_dir, name):
    return json.loads((answers_dir / f"answers-{name}.json").read_text(encoding="utf-8"))["answers"]


def notebook_04():
    """Notebook 04's kit calls, in its order: the checklists, then the writing set that holds the save box."""
    return kit.show_checklist("slack-2024"), kit.show_checklist("anthropic-2025"), kit.show_writing("law-discussion")


def restart():
    """What a kernel restart does to the kit: every entry and listener in memory is gone."""
    handin.clear()


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
    assert claims.feedback.value == "" and handin.get(f"claim:{claims.item.claim.id}")["verdict"] == "supported"


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
