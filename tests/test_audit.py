"""The audit (issue 21), without a kernel: its content (data/audit.yaml: steps, questions, rubric, worked example, in
both languages), what a student's entries make (kit/audit.py: pastes and their problems, numbered sentences,
evidence, how far each step has got, a file edited by hand), and the report (kit/audit_report.py: HTML and Markdown
that show every pasted character as text, never as markup, and tell a report edited since it was made)."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import mistune
import pytest
from conftest import FIXTURES, ROOT

from kit import audit as A
from kit.audit_report import ReportContext, read_report, report_document, report_name
from kit.content import ContentError
from kit.content.audit import load_audit
from kit.content.cases import load_case
from kit.content.claims import load_claims
from kit.content.dates import PartialDate
from kit.content.language import speaking
from kit.content.law import load_checklist
from kit.content.registry import check_all, kind

POLICY = (FIXTURES / "audit" / "policy.txt").read_text(encoding="utf-8")
STATEMENTS = (FIXTURES / "audit" / "statements.txt").read_text(encoding="utf-8").split("\n---\n")
DAY = PartialDate(2025, 3, 14)


def entries(**extra) -> dict:
    """A complete audit of the fixture's fictional service, as kit.writing holds it ({key: response})."""
    content, checklist = load_audit(), load_checklist()
    sentences = A.policy_sentences(POLICY)
    out = {A.key("service"): "Quillnote's “Help improve Quillnote” setting", A.key("policy"): POLICY,
           A.key("policy", "where"): "https://quillnote.example/privacy", A.key("policy", "read_on"): "2025-03-14"}
    for n, text in enumerate(STATEMENTS[:2], 1):
        out |= {A.key("statement", n): text, A.key("statement", n, "where"): "Quillnote help centre",
                A.key("statement", n, "read_on"): "2025-03-14",
                A.key("claim", n): f"Claim {n}.", A.key("claim", n, "verdict"): "contradicted",
                A.key("claim", n, "evidence"): [sentences[2].text], A.key("claim", n, "why"): "Because."}
    for q in content.reading:
        out[A.key("reading", q.id)] = f"About {q.id}: sentence 3."
    out[A.key("basis")] = "legitimate-interest"
    out[A.key("basis", "why")] = "Sentence 9 names it."
    for c in checklist.conditions_for("legitimate-interest"):
        out[A.key("condition", c.id, "verdict")] = "unclear"
        out[A.key("condition", c.id, "reason")] = "A paragraph of reasons."
    out[A.key("redesign", "mechanism")] = "Off by default."
    out[A.key("redesign", "cost")] = "Less data."
    return out | extra


def context(**kw) -> ReportContext:
    return ReportContext(load_audit(), load_checklist(), made_on=DAY, **kw)


# --------------------------------------------------------------------------------------------------- content
def test_the_shipped_rubric_has_four_criteria_of_four_levels_in_both_languages():
    content = load_audit()
    r = content.rubric
    assert [c.id for c in r.criteria] == ["evidence", "law", "fairness", "redesign"]
    assert [lv.score for lv in r.levels] == [4, 3, 2, 1]
    assert all(len(c.levels) == 4 for c in r.criteria)
    with speaking("fr"):
        fr = load_audit().rubric
    assert [lv.label for lv in fr.levels] == ["Excellent", "Satisfaisant", "À approfondir", "Insuffisant"]
    assert fr.criteria[0].name == "Des preuves tirées du texte"
    for en, french in zip(r.criteria, fr.criteria, strict=True):
        assert all(a != b for a, b in zip(en.levels, french.levels, strict=True)), en.id
    counts, problems = check_all(kinds=(kind("cases"), kind("law"), kind("audit")))
    assert problems == [] and counts["audit steps, questions and rubric criteria"] == 6 + 6 + 4 + 4


@pytest.mark.parametrize("lang, name", [("en", "02_policy_vs_statements.ipynb"),
                                        ("fr", "fr/02_politique_et_declarations.ipynb")])
def test_the_six_reading_questions_are_notebook_02s(lang, name):
    cell = next(c for c in json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))["cells"]
                if c.get("id") == "c01")
    def plain(text: str) -> str:
        return " ".join(text.replace("*", "").replace("\u202f", " ").replace("\u00a0", " ").split())

    asked = [plain(q) for q in re.findall(r"^\d\. \*\*(.+?)\*\*", "".join(cell["source"]), re.M)]
    with speaking(lang):
        questions = [q.question for q in load_audit().reading]
    assert len(questions) == 6
    assert [plain(q) for q in questions] == asked


@pytest.mark.parametrize("old, new, field, words", [
    ("  - id: redesign\n    title: Redesign\n", "  - id: redesgn\n    title: Redesign\n", "id",
     "expected one of"),
    ("      - id: cost\n", "      - id: price\n", "id", "the step 'redesign' has no box 'price'"),
    ("      - id: why\n        prompt: Why", "      - id: how\n        prompt: Why", "boxes",
     "no prompt for the box 'why'"),
    ("    - id: good\n      score: 3\n", "    - id: good\n      score: 5\n", "score", "is not less than"),
    ("          A workable mechanism that meets most", "          - Two in one.\n        - >-\n          A workable",
     "levels", "5 description(s) for 4 levels"),
    ("    - claim: x-reply\n", "    - claim: x-replyy\n", "example.claims[2]", "Did you mean 'x-reply'?"),
    ("      level: 3\n", "      level: 7\n", "level", "7 is not a level of the rubric"),
    ("  assessment: slack-2024-li\n", "  assessment: slack-2024\n", "example.assessment", "under consent"),
    ("    cases: [zoom-2023]\n", "    cases: [zoom-2024]\n", "cases[1]", "unknown case 'zoom-2024'"),
])
def test_kit_check_names_the_file_the_entry_and_the_field(data_copy, old, new, field, words):
    path = data_copy / "audit.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    _counts, problems = check_all(data_copy, (kind("cases"), kind("law"), kind("audit")))
    hits = [p for p in problems if p.field == field and words in p.message]
    assert hits and hits[0].file.endswith("audit.yaml") and hits[0].line, [str(p) for p in problems]
    with pytest.raises(ContentError):
        load_audit(data_copy)


# ------------------------------------------------------------------------------------------ sentences, evidence
def test_the_policy_is_numbered_through_and_a_line_break_ends_a_sentence():
    sentences = A.policy_sentences(POLICY)
    assert [s.number for s in sentences] == list(range(1, 10))
    assert sentences[4].text == "Training is on by default for personal accounts."  # the line ends it
    assert sentences[5].text.startswith("You can turn off")
    assert {s.paragraph for s in sentences} == {1, 2, 3}
    assert A.policy_sentences("") == () and A.policy_sentences(" \u200b\n\n ") == ()


def test_the_worked_example_cites_sentences_the_policy_has():
    content, checklist = load_audit(), load_checklist()
    case = load_case(content.example.case)
    example = A.example_audit(content, case, {c.id: c for c in load_claims(case)}, checklist)
    sentences = example.sentences()
    assert len(sentences) == 6 and sentences[4].text.startswith("To opt out, please have your Org")
    cited = {int(n) for text in example.reading.values() for n in re.findall(r"sentences? (\d)", text)}
    assert cited and cited <= set(range(1, 7))
    assert A.evidence_numbers(example.claim(2).evidence, sentences) == ((4, 5), ())  # x-reply: before.p2.s2, s3
    assert [A.progress(example, content, checklist)[i].state for i in range(1, 6)] == ["done"] * 5


@pytest.mark.parametrize("typed, numbers, problem", [
    ("3", (3,), None), ("3, 5-6", (3, 5, 6), None), ("6-5, 3, 3", (5, 6, 3), None),
    ("sentences 2 and 4", (2, 4), None), ("phrases 2 et 4", (2, 4), None), ("", (), None),
    ("11", (), "there is no sentence 11"), ("0", (), "there is no sentence 0"),
    ("the second one", (), "write the numbers of the sentences"), ("1-99999999", (), "spans more sentences"),
])
def test_evidence_is_typed_as_sentence_numbers(typed, numbers, problem):
    got, why = A.parse_numbers(typed, 10)
    assert got == numbers
    assert (why is None) if problem is None else (problem in why)


def test_evidence_follows_its_sentences_when_the_policy_changes_and_nothing_is_lost():
    old = A.policy_sentences(POLICY)
    chosen = [old[2].text, old[7].text]
    edited = "A new first sentence.\n\n" + POLICY.replace(old[7].text, "")
    assert A.evidence_numbers(chosen, A.policy_sentences(edited)) == ((4,), (old[7].text,))


# ------------------------------------------------------------------------------------------------- bad input
LANGS = load_audit().languages


@pytest.mark.parametrize("text, what, kind, words", [
    ("x" * 1_048_576, "policy", "refused", "1,048,576 characters long; the audit takes at most 20,000"),
    ("y" * 3_001, "statement", "refused", "at most 3,000"),
    ("<script>alert('x')</script><p>We use data.</p>", "policy", "note", "holds HTML or script (<script>"),
    ("   \u200b\u00a0", "policy", "warning", "Only spaces or invisible characters"),
    ("we use your data " * 40, "policy", "warning", "Sentence 1 runs to 160 words"),
    (STATEMENTS[2], "statement", "note", "seems to be in German, the policy in English"),
    ("Nous utilisons vos messages pour entraîner nos modèles et vous pouvez refuser à tout moment dans les "
     "réglages de votre compte.", "policy", "note", "seems to be written in French"),
])
def test_a_bad_paste_gets_a_clear_message(text, what, kind, words):
    notices = A.paste_notices(text, what, LANGS, policy=POLICY, known=("en",))
    assert [n.kind for n in notices] == [kind], notices
    assert words in notices[0].text, notices[0].text


def test_a_good_paste_gets_no_message():
    assert A.paste_notices(POLICY, "policy", LANGS, known=("en",)) == []
    assert A.paste_notices(STATEMENTS[0], "statement", LANGS, policy=POLICY) == []
    assert A.paste_notices("", "policy", LANGS) == []


@pytest.mark.parametrize("typed, ok, words", [
    ("2025-03-14", True, None), ("2025-03", True, None), ("yesterday", False, "is not a date the kit reads"),
    ("14/03/2025", False, "year-month-day"), ("2999-01-01", False, "in the future"), ("", False, None),
])
def test_the_date_a_text_was_read(typed, ok, words):
    date, why = A.read_date(typed)
    assert (date is not None and why is None) == ok
    assert (why is None) if words is None else (words in why)


# ------------------------------------------------------------------------------------------ entries and steps
def test_a_file_edited_by_hand_keeps_what_fits_and_names_the_rest():
    audit = A.from_responses(entries(**{
        A.key("claim", 1, "verdict"): "maybe", A.key("claim", 2, "evidence"): "3", A.key("self", "law"): "high",
        A.key("basis"): "contract", A.key("statement", 9): "a ninth", A.key("policy"): 42,
        A.key("condition", "li-necessity", "verdict"): "met", "audit:secret": "x"}))
    said = {m.key: m.message() for m in audit.misfits}
    assert set(said) == {"audit:claim:1:verdict", "audit:claim:2:evidence", "audit:self:law", "audit:basis",
                         "audit:statement:9", "audit:policy", "audit:secret"}
    assert "'maybe', which is not one of: Supported by the policy; Contradicted" in said["audit:claim:1:verdict"]
    assert "42, which is not text" in said["audit:policy"]
    assert "enter it again" in said["audit:basis"]
    assert audit.claim(1).verdict is None and audit.claim(1).claim == "Claim 1."  # the rest of the claim is kept
    assert audit.condition("li-necessity").verdict == "met" and audit.policy.text == ""


def test_each_steps_state_says_what_is_missing():
    content, checklist = load_audit(), load_checklist()
    empty = A.progress(A.from_responses({}), content, checklist)
    assert [s.state for s in empty] == ["empty"] * 6
    full = A.progress(A.from_responses(entries()), content, checklist)
    assert [s.state for s in full] == ["done"] * 6
    part = A.progress(A.from_responses(entries(**{A.key("statement", 2, "read_on"): "soon",
                                                  A.key("claim", 1, "verdict"): None})), content, checklist)
    assert part[0].state == "started" and any("“soon” is not a date" in m for m in part[0].missing)
    assert part[2].missing == ("give a verdict on statement 1",)
    assert part[5].missing == ("Paste the texts", "Check the claims")


def test_the_fingerprint_follows_the_audit_and_not_the_self_assessment():
    e = {k: {"response": v} for k, v in entries().items()}
    fp = A.answers_fingerprint(e)
    assert fp == A.answers_fingerprint(dict(reversed(e.items())))
    assert A.answers_fingerprint({**e, A.key("self", "law"): {"response": 3}}) == fp
    assert A.answers_fingerprint({**e, A.key("cost"): {"response": "More."}}) != fp


# ------------------------------------------------------------------------------------------------ the report
class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> *bold* [link](javascript:x) & &amp; # no\n1. list"


def test_the_html_report_shows_every_pasted_character_as_text_and_loads_nothing():
    audit = A.from_responses(entries(**{A.key("statement", 1): HOSTILE, A.key("reading", "who"): HOSTILE}))
    page = report_document(audit, context(student="Ada <b>"), "html")
    parser = _Tags()
    parser.feed(page)
    tags = {t for t, _a in parser.tags}
    assert tags <= {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "strong", "br",
                    "ul", "ol", "li", "blockquote", "div"}, tags
    assert not any(k.startswith("on") or v and "javascript" in v for _t, a in parser.tags for k, v in a.items())
    assert "default-src 'none'" in page
    assert re.findall(r"https?://[^\s<'\"]+", page) == ["https://quillnote.example/privacy"]  # as typed, as text
    text = html.unescape(re.sub(r"<[^>]+>", "", page.replace("<br>", "\n")))
    assert "<script>alert(1)</script><img src=x onerror=alert(2)>" in text and "By Ada <b>" in text
    assert "Made on 14 March 2025" in text and "✘ Contradicted by the policy" in text
    assert read_report(page) == read_report(page.replace("\n", "\r\n")) and not read_report(page).edited


def test_the_markdown_report_reads_as_text_and_renders_no_markup():
    audit = A.from_responses(entries(**{A.key("statement", 1): HOSTILE, A.key("reading", "who"): HOSTILE}))
    md = report_document(audit, context(), "md")
    assert md.startswith("# Audit: Quillnote")
    rendered = mistune.html(md)
    parser = _Tags()
    parser.feed(rendered)
    assert {t for t, _a in parser.tags} <= {"h1", "h2", "h3", "p", "strong", "br", "ul", "ol", "li", "blockquote"}
    assert "<script>" not in rendered and "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "*bold*" in html.unescape(re.sub(r"<[^>]+>", "", rendered))  # asterisks shown, not bold
    for n, s in enumerate(A.policy_sentences(POLICY), 1):  # the numbered sentences, each as written
        assert f"{n}. " in md and s.text.split()[0] in md


def test_a_report_edited_by_hand_is_told_from_one_the_kit_wrote():
    page = report_document(A.from_responses(entries()), context(), "md")
    assert read_report(page).edited is False
    assert read_report(page.replace("Less data.", "Much less data.")).edited is True
    assert read_report("# My own notes\n") is None and read_report(b"\xff\xfe") is None
    assert read_report(page.replace("Less", "More")).message("r.md").startswith(
        "r.md is an audit report that was changed after the kit made it.")
    assert read_report(page).message("r.md").startswith("r.md is an audit report, for reading and handing in")
    assert report_name("Zoë O'Brien", "html") == "audit-report-Zoe-O-Brien.html"
    assert report_name(None, "md") == "audit-report.md"


def test_the_report_is_written_in_the_language_of_the_edition():
    with speaking("fr"):
        page = report_document(A.from_responses(entries()), context(), "html")
    assert "<html lang='fr'>" in page and "Établi le 14 mars 2025" in page
    assert "Coller les textes" in page and "Lire de près" in page and "Qui agit" in page
    assert "Made on" not in page and "Check the claims" not in page
