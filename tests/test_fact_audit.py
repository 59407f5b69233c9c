"""The fact audit of December 2026 (reviews/facts.md, issue 23): each finding, fixed, and where a rule can catch a
recurrence, the rule over all the content rather than the one place it was found."""

from __future__ import annotations

import re

import pytest

import kit
from kit.content import case_ids, load_case
from kit.content.quiz import load_quiz
from kit.content.research import load_research

_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def _quotations_of(case) -> str:
    """Every exact wording a case holds (event quotes, statements, policy versions), and the notes and source
    titles in which it cites wording inline, joined: a quoted passage in the kit's own text must come from these."""
    parts = [e.quote or "" for e in case.events] + [e.note or "" for e in case.events]
    parts += [s.text for s in case.statements] + [v.text for d in case.documents for v in d.versions]
    parts += [s.title for s in case.sources] + [s.note or "" for s in case.sources]
    choice = case.meta.choice
    parts += [st.text for st in choice.steps] + [choice.note or "", choice.after or "", choice.method or ""]
    return " ".join(" ".join(p.split()) for p in parts)


@pytest.mark.parametrize("case_id", case_ids())
def test_quotation_marks_in_a_case_title_or_summary_hold_words_the_case_records(case_id):
    """Audit D (Adobe's title put quotation marks round words the pop-up does not use): words in quotation marks in
    a case's title, summary or outcome must be words the case records somewhere, with their source."""
    case = load_case(case_id)
    known = _quotations_of(case)
    for field in ("title", "summary", "outcome"):
        for quoted in _QUOTED.findall(getattr(case.meta, field) or ""):
            words = " ".join(quoted.split()).rstrip(".,;…")
            if len(words.split()) < 2:
                continue  # a single word in quotation marks is a term, like "on"
            assert words in known, f"{case_id} {field}: {words!r} is quoted, but no record of the case has these words"


def test_zoom_participants_get_a_notice_not_the_consent_form():
    """Audit B-Z5 (misleading): the consent form went to whoever switched the features on, not to participants."""
    case = load_case("zoom-2023")
    participant = case.actor("participant")
    assert not any("consent form" in c for c in participant.can)
    assert "consent form" in case.actor("account-admin").can[0]
    steps = {s.actor: s.text for s in case.meta.choice.steps}
    assert "consent form" in steps["account-admin"] and "not theirs" in steps["participant"]
    assert "citylife-zoom" in case.meta.choice.sources and "telecomreview-zoom" in case.meta.choice.sources


def test_linkedin_november_2025_regions_include_the_uk():
    """Audit A1: LinkedIn's European notice of 3 November 2025 covers EU, EEA, Switzerland and UK members."""
    case = load_case("linkedin-2024")
    for text in (case.meta.region, case.meta.legal_basis, case.meta.outcome):
        after = text[text.index("3 November 2025"):]
        assert "UK" in after, text
    event = next(e for e in case.events if e.id == "linkedin-europe-2025")
    assert "UK" in event.what and "United States privacy-policy page" in event.note  # audit L2: which page


def test_replication_explanation_counts_the_people_of_that_part():
    """Audit A2/Rs7: the organ-donation part rests on 476 + 482 + 488 = 1,446 people, not the paper's 1,920."""
    research = load_research()
    n = sum(int(re.search(r"n = ([\d,]+)", f.note or "").group(1).replace(",", ""))
            for f in research.figures if f.id in ("rep-organ-opt-out", "rep-organ-no-default", "rep-organ-opt-in"))
    q = next(q for q in load_quiz("03-defaults").questions if q.id == "replication-size")
    assert f"{n:,}" in q.explanation and "1,920" not in q.explanation


def test_hungary_is_read_as_the_figure_says():
    """Audit Rs9 (Hungary 99.97 or 99.997): the figure holds the value the chart's label shows."""
    figures = [f for f in load_research().figures if f.chart == "jg-countries" and f.group == "opt-out"]
    assert next(f for f in figures if f.condition == "Hungary").value == 99.97


def test_one_source_one_status_for_the_slack_blog_post():
    """Audit A10: the blog post's date was read in a copy, so the event is seen-secondary; a quiz that cites the post
    gives it that status, and the timeline quiz, which quotes the event, calls it seen only in a copy."""
    from kit.content.quiz import quiz_ids

    event = next(e for e in load_case("slack-2024").events if e.id == "slack-blog-post")
    assert event.status == "seen-secondary"
    for quiz_id in quiz_ids():
        for q in load_quiz(quiz_id).questions:
            for src in q.sources:
                if "how-slack-protects-your-data" in src.url:
                    assert src.status == event.status, (quiz_id, q.id)
    (q,) = [q for q in load_quiz("01-timeline").questions if "slack-2024/slack-blog-post" in q.quotes]
    assert "seen only in a copy" in q.text and "seen only in a copy" in q.explanation


def test_small_wording_findings_stay_fixed():
    """Audit S25, Rs22, R4, A4: wording that said more than the sources."""
    claim = next(c for c in load_case("slack-2024").claims if c.id == "blog-traditional-ml")
    assert "the opposite" not in claim.feedback
    obar = next(s for s in load_research().studies if s.id == "obar-oeldorf-hirsch")
    assert "all US university students" in obar.caveat and "mostly" not in obar.caveat
    assert "Data API Terms" in load_case("reddit-2024").meta.outcome
    adobe = load_case("adobe-2024").meta
    assert '"' not in adobe.title and "only in limited ways" in adobe.summary


def test_the_final_quiz_rests_on_no_forum_comment():
    """Issue 23: the ICO's "no such thing as 'opt-out consent'" was read only in a forum comment on a mirror: gone."""
    quiz = load_quiz("final")
    for q in quiz.questions:
        assert "no such thing as" not in f"{q.text} {q.explanation or ''}", q.id
    assert not any("ICO" in (s.title or "") for q in quiz.questions for s in q.sources if "ico.org.uk" not in s.url)


def test_french_views_read_the_same_fixes():
    kit.set_language("fr")
    try:
        case = load_case("zoom-2023")
        assert not any("formulaire de consentement" in c for c in case.actor("participant").can)
        assert "Royaume-Uni" in load_case("linkedin-2024").meta.region.split("3 novembre 2025")[1]
        q = next(q for q in load_quiz("03-defaults").questions if q.id == "replication-size")
        assert "1\u202f446" in q.explanation and "1 920" not in q.explanation and "1\u202f920" not in q.explanation
    finally:
        kit.set_language("en")


def test_planet49_has_one_french_wording_everywhere():
    """French review T8/§4: the final quiz glossed the ruling in the kit's own French, unlike the official operative
    part shown in notebook 04. Every French passage that quotes the ruling now quotes the curia wording."""
    from kit.content.law import load_law

    official = " ".join(load_law()["planet49"].translations[0].text.split())
    kit.set_language("fr")
    try:
        q = next(q for q in load_quiz("final").questions if q.id == "planet49-setting")
        explanation = " ".join(q.explanation.split())
    finally:
        kit.set_language("en")
    quoted = [" ".join(m.split()) for m in re.findall(r"«(.+?)»", explanation)]
    ruling = [m for m in quoted if "case cochée" in m or "valablement" in m]
    assert len(ruling) >= 2, quoted  # split() above also turned the non-breaking spaces into spaces
    for passage in ruling:
        assert passage.replace("’", "'") in official.replace("’", "'"), passage
    assert "l'utilisateur doit décocher pour refuser son consentement" not in explanation
