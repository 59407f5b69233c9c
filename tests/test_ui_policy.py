"""The policy-reading views of notebook 02 (the comparer, the highlighter, the claim checker), driven from Python as a
student would use them."""

from __future__ import annotations

import re
from html import unescape

import pytest

import kit
from kit import writing
from kit.claims import items
from kit.content import load_case
from kit.ui.claims import ClaimView
from kit.ui.diff import CompareView, sentence_label
from kit.ui.vocabulary import VocabView
from kit.vocabulary import load_vocabulary

EVIL = "<script>alert(1)</script> We do not use <img src=x onerror=alert(2)> messages."


@pytest.fixture(scope="module")
def slack():
    return load_case("slack-2024")


# ------------------------------------------------------------------------------------------------- comparer
def test_comparer_shows_the_before_after_diff_with_words_and_symbols(slack):
    view = CompareView(slack)
    assert (view.old.value, view.new.value) == ("before", "after")
    assert "sentences changed" in view.summary.value and "words added" in view.summary.value
    body = view.body.value
    assert "<ins" in body and "<del" in body
    assert "[+" in body and "+]" in body and "[−" in body
    assert "inserted:" in body and "deleted:" in body  # screen-reader words
    assert "We do not develop LLMs or other generative models using customer data." in body
    assert "before.p1.s2" in body  # sentence ids for the claim checker


def test_comparer_side_by_side_and_same_version(slack):
    view = CompareView(slack)
    view.mode.value = "side"
    assert view.body.value.count("class='kit-diff'") == 2
    assert "<ins" in view.body.value and "<del" in view.body.value
    view.new.value = "before"
    assert "identical" in view.summary.value
    assert "<ins" not in view.body.value and "<del" not in view.body.value
    view.old.value, view.new.value = "after", "before"
    assert "sentences changed" in view.summary.value


def test_comparer_through_the_public_function():
    view = kit.show_version_comparer("slack-2024", "privacy-principles")
    assert isinstance(view, CompareView)
    message = kit.show_version_comparer("slack-2024", "no-such-doc")
    assert "no-such-doc" in message.value
    assert "no-such-case" in kit.show_version_comparer("no-such-case").value


# ---------------------------------------------------------------------------------------------- highlighter
def test_highlighter_marks_terms_in_policy_and_statements(slack):
    view = VocabView(slack, load_vocabulary())
    assert set(view.terms.value) >= {"opt-out", "opt-in"}  # the first group is chosen at the start
    view.group.value = "models"
    assert "llm" in view.terms.value and "opt-out" not in view.terms.value
    texts = view.texts.value
    assert "data-term='llm'" in texts and ">LLMs<" in texts
    assert "(term: LLM)" in texts  # screen-reader words
    assert "In the public statements" in texts
    assert "LLM" in view.counts.value and "Public statements (all)" in view.counts.value


def test_highlighter_terms_definitions_and_empty_selection(slack):
    view = VocabView(slack, load_vocabulary())
    view.terms.value = ("opt-out",)
    assert view.texts.value.count("data-term='opt-out'") >= 5
    assert view.defs.value == ""
    view.definitions.value = True
    assert "Silence counts as" in view.defs.value
    view.terms.value = ()
    assert "Choose at least one term" in view.counts.value and view.texts.value == ""
    view.group.value = "*"
    assert len(view.terms.value) == len(load_vocabulary().terms)


def test_the_group_picker_names_the_group_whose_terms_are_marked(slack):
    """Issue 27 item 8: the picker read "— choose a group —" while the first group's terms were marked."""
    vocab = load_vocabulary()
    view = VocabView(slack, vocab)
    first = vocab.groups[0]
    assert view.terms.value == vocab.group_terms(first.id)
    assert view.group.label == first.label  # what the page shows in the picker
    view.terms.value = vocab.group_terms(first.id)[:1]  # one term of it: a choice of one's own
    assert view.group.label == "(your own choice of terms)"
    view.terms.value = vocab.group_terms("promises")
    assert view.group.label == next(g.label for g in vocab.groups if g.id == "promises")
    view.terms.value = ()
    assert view.group.label == "— choose a group —"
    view.group.value = "models"
    assert view.terms.value == vocab.group_terms("models") and view.group.value == "models"
    view.group.value = "+"  # choosing "your own choice" keeps the terms
    assert view.terms.value == vocab.group_terms("models") and view.group.value == "models"


def test_counts_per_document(slack):
    view = VocabView(slack, load_vocabulary())
    view.terms.value = ("generative",)
    row = view.counts.value.split("<tbody>")[1]
    cells = [c.split("<")[0] for c in row.split("'>")[1:]]
    assert "0" in cells and "1" in cells  # before: 0, after: 1


# ----------------------------------------------------------------------------------------------- claim checker
def _claims(case):
    return ClaimView(case, items(case, load_vocabulary()))


def test_claim_checker_right_answer(slack):
    view = _claims(slack)
    view.picker.value = next(i for i, it in enumerate(view.items) if it.id == "blog-traditional-ml")
    assert "do not access message content" in view.statement.value
    assert view.evidence.options[1][1] == "before.p1.s2"  # the best candidate first
    view.verdict.value = "contradicted"
    view.evidence.value = "before.p1.s2"
    view.check_button.click()
    fb = view.feedback.value
    assert "✔ Right verdict" in fb and "✔ Good evidence" in fb
    assert "Model answer" in fb and "Why" in fb


def test_claim_checker_wrong_answer_shows_model_answer(slack):
    view = _claims(slack)
    view.picker.value = next(i for i, it in enumerate(view.items) if it.id == "blog-no-llm-training")
    view.verdict.value = "contradicted"
    view.evidence.value = "before.p2.s1"
    view.check_button.click()
    fb = view.feedback.value
    assert "✘ Not the model verdict" in fb and "Not addressed by the policy" in fb
    assert "✘ That sentence (before.p2.s1)" in fb
    assert "before.p1.s2" in fb


def test_claim_checker_asks_for_both_choices_and_resets(slack):
    view = _claims(slack)
    view.check_button.click()
    assert "Choose a verdict" in view.feedback.value
    view.verdict.value = "supported"
    view.check_button.click()
    assert "Choose a verdict" in view.feedback.value
    view.evidence.value = view.evidence.options[1][1]
    view.check_button.click()
    assert "verdict" in view.feedback.value
    view.picker.value = 1
    assert view.verdict.value is None and view.evidence.value is None and view.feedback.value == ""


#: A sentence id as the kit stores it (issue 25): what a French screen must never show.
SENTENCE_ID = re.compile(r"\b(?:before|after)\.p\d+\.s\d+\b")


@pytest.fixture
def in_french():
    kit.set_language("fr")
    yield
    kit.set_language("en")


def _everything_shown(slack) -> list[str]:
    """Every item of the claim checker as a student goes through it (each evidence label, the statement with its
    sentence list, the feedback after a check with a wrong sentence and with the right one, the static page), and
    the comparer inline and side by side: the texts a reader sees, unescaped."""
    view = _claims(slack)
    shown = [view.static_html()]
    for i, item in enumerate(view.items):
        view.picker.value = i
        shown += [label for label, _ in view.evidence.options] + [view.statement.value]
        wrong = next(v for _, v in view.evidence.options[1:] if v not in item.claim.evidence)
        for evidence in (wrong, item.claim.evidence[0]):
            view.verdict.value, view.evidence.value = item.claim.verdict, evidence
            view.check_button.click()
            shown.append(view.feedback.value)
            assert writing.get(f"claim:{item.claim.id}")["evidence"] == evidence  # saved: the id itself
    comparer = CompareView(slack)
    shown.append(comparer.body.value)
    comparer.mode.value = "side"
    shown.append(comparer.body.value)
    return [unescape(x) for x in shown]


def test_a_french_screen_names_a_sentence_in_french_words_and_keeps_the_id_as_the_value(in_french):
    """Issue 25: « Étayée par after.p2.s1 » read as English on a French screen."""
    slack = load_case("slack-2024")  # in French: the module's case was read in English
    view = _claims(slack)
    view.picker.value = next(i for i, it in enumerate(view.items) if it.id == "blog-traditional-ml")
    label, value = view.evidence.options[1]
    assert label.startswith("version d'origine, §\u00a01, phrase 2 — To develop AI/ML models")
    assert value == "before.p1.s2"
    view.verdict.value, view.evidence.value = "contradicted", "before.p1.s2"
    view.check_button.click()
    assert writing.get("claim:blog-traditional-ml") == {"verdict": "contradicted", "evidence": "before.p1.s2",
                                                         "checked": True}
    feedback = unescape(view.feedback.value)
    assert "✔ Bonne preuve\u00a0: version d'origine, §\u00a01, phrase 2." in feedback
    assert "<code>version d'origine, §\u00a01, phrase 2</code>" in feedback  # the model answer's evidence
    assert "<li><code>version réécrite, §\u00a02, phrase 1</code>" in unescape(CompareView(slack).body.value)
    found = [(m.group(0), x[max(0, m.start() - 60):m.end() + 20]) for x in _everything_shown(slack)
             for m in SENTENCE_ID.finditer(x)]
    assert found == []


def test_an_english_screen_keeps_the_ids(slack):
    shown = "\n".join(_everything_shown(slack))
    assert "before.p1.s2 — To develop AI/ML models" in shown and "✔ Good evidence: before.p1.s2." in shown
    assert "<code>before.p1.s2</code>" in shown and "<li><code>after.p2.s1</code>" in shown
    assert "avant" not in shown and "§" not in shown


def test_a_version_the_strings_do_not_name_is_named_by_its_id(in_french):
    assert sentence_label("after.p3.s2") == "version réécrite, §\u00a03, phrase 2"
    assert sentence_label("new.p1.s1") == "new, §\u00a01, phrase 1"  # a case's own version id
    assert sentence_label("not an id") == "not an id"  # shown as it is, never a traceback
    kit.set_language("en")
    assert [sentence_label(x) for x in ("after.p3.s2", "new.p1.s1")] == ["after.p3.s2", "new.p1.s1"]


def test_public_claim_checker_works_for_a_fictional_case(mini_case):
    (mini_case / "claims.yaml").write_text(
        "claims:\n  - id: ceo\n    statement: ceo\n    document: policy\n    version: new\n"
        "    verdict: not-addressed\n    evidence: [new.p1.s1]\n    feedback: Nothing about respect.\n")
    view = kit.show_claim_checker(str(mini_case))
    assert isinstance(view, ClaimView)
    assert isinstance(kit.show_vocabulary(str(mini_case)), VocabView)
    assert isinstance(kit.show_version_comparer(str(mini_case)), CompareView)


def test_case_without_claims_gives_a_message(mini_case):
    assert "no claim items" in kit.show_claim_checker(str(mini_case)).value


# ------------------------------------------------------------------------------------------------- escaping
def test_script_and_img_show_as_text_everywhere(mini_case):
    for name in ("statements.yaml", "documents.yaml"):
        path = mini_case / name
        text = path.read_text()
        text = text.replace("text: We respect your data.", f"text: '{EVIL}'")
        text = text.replace("text: We may use your messages.", f"text: '{EVIL}'")
        path.write_text(text)
    (mini_case / "claims.yaml").write_text(
        "claims:\n  - id: ceo\n    statement: ceo\n    document: policy\n    version: new\n"
        "    verdict: contradicted\n    evidence: [new.p1.s1]\n"
        "    feedback: '<script>bad()</script> is text'\n    nuance: '<img src=y onerror=bad()>'\n")
    case = load_case(mini_case)
    compare = CompareView(case)
    vocab = VocabView(case, load_vocabulary())
    vocab.group.value = "*"
    claims = _claims(case)
    claims.verdict.value = "contradicted"
    claims.evidence.value = "new.p1.s1"
    claims.check()
    for html in (compare.body.value, compare.summary.value, vocab.texts.value, claims.statement.value,
                 claims.feedback.value):
        assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in compare.body.value and "&lt;img" in compare.body.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in claims.statement.value
    assert "&lt;img src=x onerror=alert(2)&gt;" in vocab.texts.value
    assert "&lt;script&gt;bad()&lt;/script&gt; is text" in claims.feedback.value
    assert "&lt;img src=y onerror=bad()&gt;" in claims.feedback.value


def test_comparer_sets_spelling_apart_and_shows_the_copy_note():
    """The 'after' text is a UK copy: analyse for analyze is not a change of policy (issue 16, item 7)."""
    import kit

    view = kit.show_version_comparer("slack-2024", "privacy-principles")
    assert view.set_apart.value
    assert "only spelling, case or punctuation" in view.summary.value
    assert "kit-form" in view.body.value and "UK English" in view.body.value  # the data's note beside the diff
    apart = view.summary.value
    view.set_apart.value = False
    assert view.summary.value != apart and "kit-form" not in view.body.value
