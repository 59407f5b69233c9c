"""Sentence ids and the word-level diff: the diff rebuilds the new text exactly and never loses or adds a word."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.content import load_case
from kit.content.errors import BadArgument
from kit.diff import apply, diff, new_side, old_side, summarize
from kit.text import sentences, split_id, split_sentences, tokenize, words

# ------------------------------------------------------------------------------------------------------ text


def test_tokens_rebuild_the_text_exactly():
    text = 'We "do not" use it.\n\nOpt-out: e.g. messages, content, and files… (AI/ML)  '
    assert "".join(tokenize(text)) == text
    assert words(text) == ["We", "do", "not", "use", "it", "Opt-out", "e", "g", "messages", "content", "and",
                           "files", "AI", "ML"]


def test_sentence_ids_name_version_paragraph_and_sentence():
    text = "First one. Second one, e.g. this.\n\nNew paragraph. … And after a cut."
    got = [(s.id, s.text) for s in sentences(text, "before")]
    assert got == [("before.p1.s1", "First one."), ("before.p1.s2", "Second one, e.g. this."),
                   ("before.p2.s1", "New paragraph."), ("before.p2.s2", "… And after a cut.")]
    for s in sentences(text, "before"):
        assert text[s.start:s.end] == s.text


def test_slack_sentence_ids_are_stable():
    doc = load_case("slack-2024").document("privacy-principles")
    before = {s.id: s.text for s in sentences(doc.version("before").text, "before")}
    after = {s.id: s.text for s in sentences(doc.version("after").text, "after")}
    assert before["before.p1.s2"].startswith("To develop AI/ML models, our systems analyze Customer Data")
    assert before["before.p2.s3"].endswith('"Slack Global model opt-out request."')
    assert after["after.p1.s2"] == "We do not develop LLMs or other generative models using customer data."
    assert after["after.p2.s1"] == "Data will not leak across workspaces."


def test_a_sentence_id_splits_into_version_paragraph_and_sentence():
    text = "One. Two.\n\nThree."
    assert [split_id(s.id) for s in sentences(text, "after")] == [("after", 1, 1), ("after", 1, 2), ("after", 2, 1)]
    assert split_id("v.2024.p10.s3") == ("v.2024", 10, 3)  # a version id may hold a dot
    for bad in ("after", "after.p2", "after.p0.s1", "after.p2.s1 ", ".p2.s1", ""):
        with pytest.raises(BadArgument, match=f"'{bad}' is not a sentence id: expected the version, the paragraph "
                                              f"and the sentence, like 'after.p2.s1'"):
            split_id(bad)


@given(st.text())
def test_sentence_chunks_rebuild_any_text(text):
    assert "".join(split_sentences(text)) == text
    assert "".join(tokenize(text)) == text


# ------------------------------------------------------------------------------------------------------ diff


def test_the_change_that_matters_is_two_words():
    old = "We do not use Customer Data to train our models."
    new = "We may use Customer Data to train our models."
    ops = diff(old, new)
    assert [(op.kind, op.text) for op in ops] == [("equal", "We "), ("delete", "do not"), ("insert", "may"),
                                                  ("equal", " use Customer Data to train our models.")]
    s = summarize(old, new, ops)
    assert (s.sentences_changed, s.words_added, s.words_removed) == (1, 1, 2)


def test_identical_texts_have_one_equal_run():
    assert [op.kind for op in diff("Same text. Twice.", "Same text. Twice.")] == ["equal"]
    assert summarize("Same.", "Same.").identical


def test_slack_before_after():
    doc = load_case("slack-2024").document("privacy-principles")
    old, new = doc.version("before").text, doc.version("after").text
    ops = diff(old, new)
    assert apply(old, ops) == new
    inserted = " ".join(op.text for op in ops if op.kind == "insert")
    assert "We do not develop LLMs or other generative models using customer data." in inserted
    assert "non-generative" in inserted
    s = summarize(old, new, ops)
    assert s.words_added > s.words_removed > 0
    assert s.words_old == len(words(old)) and s.words_new == len(words(new))


def test_apply_refuses_a_diff_for_another_text():
    ops = diff("one two three", "one four three")
    with pytest.raises(ValueError):
        apply("five two three", ops)


VOCAB = ["we", "do", "not", "may", "use", "data", "train", "models", "opt", "out", "the", "customer", ".", ",",
         "Slack", "AI"]
word_lists = st.lists(st.sampled_from(VOCAB) | st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True), max_size=60)
separators = st.sampled_from([" ", "  ", "\n", "\n\n", ". ", ", "])


def _join(items: list[str], seps: list[str]) -> str:
    return "".join(w + seps[i % len(seps)] for i, w in enumerate(items)).rstrip(" ")


@settings(max_examples=300, deadline=None)
@given(word_lists, word_lists, st.lists(separators, min_size=1, max_size=5), st.lists(separators, min_size=1,
                                                                                      max_size=5))
def test_diff_rebuilds_new_from_old(a, b, sa, sb):
    old, new = _join(a, sa), _join(b, sb)
    ops = diff(old, new)
    assert apply(old, ops) == new
    # never loses or duplicates a word: the old side is exactly the old text, the new side exactly the new text
    assert "".join(op.text for op in old_side(ops)) == old
    assert "".join(op.text for op in new_side(ops)) == new
    assert sum(len(op.words) for op in old_side(ops)) == len(words(old))
    assert sum(len(op.words) for op in new_side(ops)) == len(words(new))
    # runs are merged: no two neighbours of the same kind, no empty run
    assert all(op.text for op in ops)
    assert all(x.kind != y.kind for x, y in zip(ops, ops[1:], strict=False))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_diff_rebuilds_any_text(old, new):
    assert apply(old, diff(old, new)) == new


@settings(max_examples=100, deadline=None)
@given(word_lists)
def test_diff_with_itself_changes_nothing(a):
    text = " ".join(a)
    assert all(op.kind == "equal" for op in diff(text, text))
    assert summarize(text, text).words_added == 0


# ------------------------------------------------------------------ spelling, case and punctuation set apart (#16.7)
from kit.diff import FormSplit, form_key, set_apart_form, split_form  # noqa: E402


@pytest.mark.parametrize("a, b", [
    ("our systems analyze Customer Data", "our systems analyse customer data"),
    ("Machine Learning (ML)", "Machine learning (ML)"),
    ("they could learn, memorize, or reproduce", "they could learn, memorise or reproduce"),
    ("the behavior of models", "the behaviour of models"),
    ("Privacy Policy.", "privacy policy"),
])
def test_spelling_case_and_punctuation_are_form_not_wording(a, b):
    assert form_key(a) == form_key(b)


@pytest.mark.parametrize("a, b", [
    ("we do not train models", "we may train models"),
    ("our data", "your data"),
    ("four steps", "for steps"),
    ("opt out", "opt in"),
])
def test_changes_of_wording_stay_wording(a, b):
    assert form_key(a) != form_key(b)


def test_set_apart_keeps_the_new_text_and_only_wording_marked():
    old = "Our systems analyze Customer Data. You can opt out by email."
    new = "Our systems analyse customer data. You can opt out in settings."
    ops = set_apart_form(diff(old, new))
    assert [op.text for op in ops if op.kind == "form"] == ["analyse customer data"]
    assert "".join(op.text for op in ops if op.kind != "delete") == new
    changed = {op.kind for op in ops if "email" in op.text or "settings" in op.text}
    assert changed <= {"delete", "insert"} and changed
    assert split_form(old, new) == FormSplit(wording=1, form_only=1)


def test_slack_headline_counts_only_sentences_whose_wording_changed():
    from kit.content import load_case

    doc = load_case("slack-2024").document("privacy-principles")
    old, new = doc.versions[0].text, doc.versions[-1].text
    apart = set_apart_form(diff(old, new))
    forms = {op.text.strip() for op in apart if op.kind == "form"}
    assert {"learning", "analyse", "privacy policy"} <= forms
    split = split_form(old, new)
    assert split.wording + split.form_only == summarize(old, new).sentences_changed
