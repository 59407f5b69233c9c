"""The consent vocabulary: found case- and inflection-tolerantly, counted per document, checked as content;
and the evidence ranking that offers policy sentences for a statement."""

from __future__ import annotations

import pytest

from kit.claims import items
from kit.content import ContentError, load_case
from kit.content.schema import ParseContext
from kit.content.vocabulary import check_vocabulary
from kit.text import sentences
from kit.vocabulary import Vocabulary, content_words, load_vocabulary, rank_evidence


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return load_vocabulary()


@pytest.mark.parametrize("text, term, found", [
    ("You can opt out.", "opt-out", "opt out"),
    ("Opted out last week", "opt-out", "Opted out"),
    ("an OPT-OUT request", "opt-out", "OPT-OUT"),
    ("it is opt-in only", "opt-in", "opt-in"),
    ("We do not train LLMs", "llm", "LLMs"),
    ("large language models", "llm", "large language models"),
    ("data is analysed", "analyse", "analysed"),
    ("systems analyze data", "analyse", "analyze"),
    ("de-identified, aggregate data", "de-identified", "de-identified"),
    ("pseudonymised records", "pseudonymised", "pseudonymised"),
    ("fully anonymised data", "anonymous", "anonymised"),
    ("Training the models", "train", "Training"),
    ("Slack can’t access it", "negation", "can’t"),
    ("Slack can't access it", "negation", "can't"),
    ("messages, content, and files", "content", "messages"),
    ("Slack global models", "global-model", "global models"),
])
def test_terms_are_found_whatever_the_case_or_inflection(vocab, text, term, found):
    hits = [h for h in vocab.find(text) if h.term == term]
    assert hits and hits[0].text == found
    assert vocab.find_term(text, term)


def test_longer_variants_win_over_the_words_inside_them(vocab):
    hits = vocab.find("non-generative AI/ML models and generative models")
    assert [(h.term, h.text) for h in hits if "generative" in h.text] == [
        ("non-generative", "non-generative"), ("generative", "generative")]
    assert [h.term for h in vocab.find("Slack global models")] == ["global-model"]


def test_de_identified_pseudonymised_and_anonymous_are_three_terms(vocab):
    """Issue 23: pseudonymised or de-identified data is still personal data under the GDPR (Recital 26, Art. 4(5));
    only anonymous data falls outside. The highlighter must not mark "anonymised" as a kind of "de-identified"."""
    found = {h.text: h.term for h in vocab.find("de-identified, pseudonymised and anonymised data; anonymous logs")}
    assert found == {"de-identified": "de-identified", "pseudonymised": "pseudonymised", "anonymised": "anonymous",
                     "anonymous": "anonymous"}
    assert "personal data" in vocab.term("pseudonymised").definition
    assert "anonymous" not in vocab.term("de-identified").variants


def test_words_inside_other_words_are_not_found(vocab):
    assert vocab.find("a contentious trainer, nothing, agreement, mail", ["content", "train", "negation"]) == []


def test_counts_per_document_in_the_slack_policy(vocab):
    doc = load_case("slack-2024").document("privacy-principles")
    counts = vocab.counts({v.id: v.text for v in doc.versions}, ["opt-out", "llm", "generative", "customer-data"])
    assert counts["before"]["llm"] == 0 and counts["after"]["llm"] == 1
    assert counts["before"]["generative"] == 0 and counts["after"]["generative"] == 1
    assert counts["before"]["opt-out"] >= 4
    assert counts["after"]["customer-data"] > counts["before"]["customer-data"]


def test_groups_pick_their_terms(vocab):
    assert {"opt-in", "opt-out", "default", "consent"} <= set(vocab.group_terms("choice"))
    assert {"llm", "generative", "train", "global-model", "machine-learning"} <= set(vocab.group_terms("models"))
    with pytest.raises(KeyError):
        vocab.group_terms("nope")
    with pytest.raises(KeyError):
        vocab.find("x", ["nope"])


def test_every_term_has_a_definition_and_every_group_a_term(vocab):
    for term in vocab.terms:
        assert len(term.definition.split()) >= 5, term.id
    for group in vocab.groups:
        assert vocab.group_terms(group.id), group.id


def test_content_words_share_stems(vocab):
    assert content_words("Models trained on messages", vocab.stopwords) >= {"model", "train", "messag"}
    assert "the" not in content_words("the data", vocab.stopwords)


def test_ranking_puts_the_policy_sentence_on_llms_first(vocab):
    doc = load_case("slack-2024").document("privacy-principles")
    after = doc.version("after")
    ranked = rank_evidence("We do not train large language models (LLMs) on customer data.",
                           sentences(after.text, after.id), vocab)
    assert ranked[0].sentence.id == "after.p1.s2"
    assert "llm" in ranked[0].shared_terms
    assert len(ranked) == len(sentences(after.text, after.id))
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)


def test_model_evidence_is_among_the_first_candidates_of_every_item(vocab):
    for item in items(load_case("slack-2024"), vocab):
        top = [r.sentence.id for r in item.candidates[:5]]
        assert item.claim.evidence[0] in top, item.id


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize("old, new, field, words", [
    ("    groups: [choice]\n    definition: >-\n      Nothing happens", "    groups: [choise]\n    definition: >-\n"
     "      Nothing happens", "groups[1]", "unknown group 'choise'"),
    ("variants: [default]", "variants: [default, opt in]", "variants[2]", "already a variant of the term 'opt-in'"),
    ("variants: [default]", "variants: default", "variants", "expected a list"),
    ("  - id: default\n", "  - id: opt-in\n", "id", "duplicate id"),
])
def test_vocabulary_mistakes_name_file_entry_and_field(data_copy, old, new, field, words):
    path = data_copy / "vocabulary.yaml"
    _edit(path, old, new)
    ctx = ParseContext()
    check_vocabulary(data_copy, ctx)
    assert ctx.problems, "no problem reported"
    p = ctx.problems[0]
    assert p.file.endswith("vocabulary.yaml") and p.line and p.entry.startswith("term ")
    assert p.field == field and words in p.message
    with pytest.raises(ContentError):
        load_vocabulary(data_copy)
