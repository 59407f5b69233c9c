"""Issue 12 and issue 16 item 6: copies are not originals, figures and quotations exist once, notes stay private.

Each malformed-content case edits one line of a copy of the shipped data and asserts the one problem `kit check`
reports: its file, line, entry, field and message. The last tests walk what the views show students.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from kit.content import ContentError, case_ids, load_case
from kit.content.consistency import check_consistency, copy_kind, internal_phrase
from kit.content.law import load_law
from kit.content.quiz import load_quiz, quiz_ids
from kit.content.research import load_research
from kit.content.schema import ParseContext

SD = "https://speakerdeck.com/player/f50e3060a3e1439b92a2694b0db9495d"


def _problems(root):
    ctx = ParseContext()
    check_consistency(root, ctx)
    return ctx.problems


def test_shipped_content_has_no_consistency_problem():
    from tests.conftest import ROOT

    assert [str(p) for p in _problems(ROOT / "data")] == []


@pytest.mark.parametrize("url, kind", [
    ("https://remove-js.com/https://techcrunch.com/2024/05/17/x", "a proxy"),
    ("http://proxy.tfdracing.nl/index.php?q=abc", "a proxy"),
    ("https://vuink.com/post/grpupehapu-d-dpbz/2024/09/18/x", "a proxy"),
    ("https://promo-sale.live/team-messaging/152381/x", "a content-farm copy"),
    ("https://roadies.info/?p=10735", "a content-farm copy"),
    ("https://narwhal.city/comments/876564", "a mirror"),
    ("https://web.archive.org/web/2024/https://slack.com/", "an archive"),
    ("https://speakerdeck.com/player/abc", "a slide or document host"),
    ("https://text.123docz.net/document/1.htm", "a slide or document host"),
    ("https://gdprhub.eu/index.php?title=Article_7_GDPR", "a copy of the legal text"),
    ("https://slack.com/blog/news/x", None),
    ("https://www.science.org/doi/10.1126/science.1091721", None),
    ("https://notproxy.example.com/", None),
])
def test_copy_kind(url, kind):
    assert copy_kind(url) == kind


SCI = "https://www.science.org/doi/10.1126/science.1091721"
TC = "https://techcrunch.com/2024/05/17/slack-under-attack-over-sneaky-ai-training-policy"

#: A numeric question whose answer is not the value of the research figure it names (appended to a quiz).
GERMANY_RATE = """
  - id: germany-rate
    type: numeric
    text: In the country chart, what was Germany's effective consent?
    answer: 13
    tolerance: 0.5
    unit: "%"
    explanation: As the chart shows.
    figures: [jg-germany]
"""

# Batches of edits to one copy of data/ (one load each, to keep the tests fast). Each edit is (file under data/, old
# text, new text); each expected problem is (file under data/, entry, field, words of the message). A batch must
# produce exactly its expected problems.
BATCHES = {
    "copies and status": (
        [("research/defaults.yaml", f'value: 12, unit: percent, source: "{SCI}", read_at: "{SD}",',
          f'value: 12, unit: percent, source: "{SD}",'),
         ("research/defaults.yaml", f"    read_at: {SD}\n    status: seen-secondary\n    note: >-\n      One",
          f"    read_at: {SD}\n    status: seen-primary\n    note: >-\n      One"),
         ("cases/slack-2024/sources.yaml", f"    url: {TC}\n    read_at: https://remove-js",
          "    url: https://vuink.com/post/grpupehapu-d-dpbz/2024/05/17/slack\n    read_at: https://remove-js"),
         ("cases/slack-2024/sources.yaml", "    read_at: https://promo-sale.live/team-messaging/152381/slack-trains-some-"
          "of-its-ai-powered-features-on-user-messages-files\n", ""),
         ("cases/slack-2024/timeline.yaml", "    sources: [techcrunch-2024-05-17, webpronews-2024-05-17, pcmag-irwin, "
          "ars-belanger, engadget-yahoo, begeek-slack]\n    status: seen-secondary",
          "    sources: [techcrunch-2024-05-17, pcmag-irwin, ars-belanger]\n    status: seen-primary"),
         ("law/03-us.yaml", "    url: https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&"
          "sectionNum=1798.135", "    url: https://lexace.ai/us/statute/california/civ-1798.135"),
         ("law/03-us.yaml", "      1 January 2023. Whether training AI",
          "      1 January 2023 (fact sheet §3). Whether training AI"),
         ("quizzes/03-research.yaml", "    figures: [jg-online-opt-out, jg-online-neutral, jg-online-opt-in]\n",
          "    figures: [jg-online-opt-out, jg-online-neutral, jg-online-opt-in]\n" + GERMANY_RATE),
         ("quizzes/03-defaults.yaml", "about 60% agreed whatever the default", "about 70% agreed whatever the default"),
         ("quizzes/03-research.yaml", "    figures: [jg-germany, jg-austria]\n",
          "    figures: [jg-germany, jg-austria]\n    sources:\n"
          f"      - url: {SCI}\n        status: seen-secondary\n"),
         ("quizzes/02-policy.yaml", "traditional ML models \"do not access message",
          "traditional ML models \"do not read message"),
         # a working note in checked_note is fine: no student sees it
         ("law/03-us.yaml", "    status: seen-primary\n    checked: >-\n",
          "    status: seen-primary\n    checked_note: The kit's helper re-read it (fact sheet §5).\n"
          "    checked: >-\n")],
        [("research/defaults.yaml", "figure 'jg-germany'", "source",
          "is a slide or document host, not the original page"),
         ("research/defaults.yaml", "figure 'jg-hungary'", "status",
          "seen-primary means read on the original page, but it was read in a copy (read_at: speakerdeck.com)"),
         ("cases/slack-2024/sources.yaml", "source 'techcrunch-2024-05-17'", "url", "'vuink.com' is a proxy"),
         ("cases/slack-2024/sources.yaml", "source 'pcmag-irwin'", "url",
          "missing: give the original page's address, or read_at"),
         ("cases/slack-2024/timeline.yaml", "event 'press-coverage'", "status",
          "every source it cites was read in a copy (techcrunch-2024-05-17, pcmag-irwin, ars-belanger)"),
         ("law/03-us.yaml", "legal text 'ccpa-1798-135'", "url", "'lexace.ai' is a copy of the legal text"),
         ("law/03-us.yaml", "legal text 'ccpa-1798-120-a'", "note", "internal working note (\"fact sheet\")"),
         ("quizzes/03-research.yaml", "quiz '03-research', question 'germany-rate'", "answer",
          "13 is not the value of the figure it refers to"),
         ("quizzes/03-defaults.yaml", "quiz '03-defaults', question 'wording-matters'", "text",
          "'70%', but no figure it refers to is within 2 points of 70 (rep-opt-out = 60.5"),
         ("quizzes/03-research.yaml", "quiz '03-research', question 'country-chart'", "sources[1]",
          "this is the page of the research figure(s) jg-denmark"),
         ("quizzes/02-policy.yaml", "quiz '02-policy', question 'blog-vs-policy'", "text",
          "is not the exact wording of a quotation it refers to: quote the record exactly")],
    ),
    "figures and quotations by id": (
        [("quizzes/03-research.yaml", "    figures: [jg-germany, jg-austria]\n",
          "    figures: [jg-germany, jg-austria, jg-austrai]\n"),
         ("quizzes/03-defaults.yaml", "    figures: [ob-skipped]\n", ""),
         ("quizzes/01-slack-case.yaml", "    quotes: [slack-2024/before]\n\n  - id: who-could-act",
          "\n  - id: who-could-act"),
         ("quizzes/02-policy.yaml", "    quotes: [slack-2024/marketing-line]\n",
          "    quotes: [slack-2024/marketing-lines]\n"),
         ("quizzes/final.yaml", "        title: GDPR Article 7(3)\n",
          "        title: GDPR Article 7(3) (EUR-Lex itself was not opened)\n")],
        [("quizzes/03-research.yaml", "quiz '03-research', question 'country-chart'", "figures[3]",
          "unknown research figure 'jg-austrai': no figure with this id in data/research. Did you mean 'jg-austria'?"),
         ("quizzes/03-defaults.yaml", "quiz '03-defaults', question 'company-ninety-six'", "options[3].feedback",
          "'74%', and 74 is the value of the research figure ob-skipped: name it in 'figures'"),
         ("quizzes/01-slack-case.yaml", "quiz '01-slack-case', question 'member-included'", "explanation",
          "from slack-2024/before: name it in 'quotes'"),
         ("quizzes/02-policy.yaml", "quiz '02-policy', question 'marketing-wording'", "quotes[1]",
          "unknown quotation 'slack-2024/marketing-lines': expected 'case-id/record-id'"),
         ("quizzes/final.yaml", "quiz 'final', question 'withdrawal-open'", "sources[1].title",
          "internal working note (\"not opened\")")],
    ),
}


@pytest.mark.parametrize("batch", list(BATCHES))
def test_malformed_content_is_named_by_file_line_entry_and_field(data_copy, batch):
    edits, expected = BATCHES[batch]
    for rel, old, new in edits:
        path = data_copy / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"the test's anchor is not unique in {rel}: {old[:60]!r}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    problems = list(_problems(data_copy))
    unmatched = []
    for rel, entry, field, words in expected:
        hit = next((p for p in problems if p.file.endswith(rel) and p.entry == entry and p.field == field
                    and words in p.message), None)
        if hit is None:
            unmatched.append((rel, entry, field, words))
            continue
        problems.remove(hit)
        # the line named lies inside the edited entry (at the entry or at the field)
        lines = (data_copy / rel).read_text(encoding="utf-8").splitlines()
        name = entry.rsplit("'", 2)[-2]
        start = next(i for i, line in enumerate(lines, 1) if re.search(rf"id: {re.escape(name)}\b", line))
        nxt = next((i for i, line in enumerate(lines, 1) if i > start and re.match(r"\s*- \{?id: ", line)
                    and len(line) - len(line.lstrip()) <= len(lines[start - 1]) - len(lines[start - 1].lstrip())),
                   len(lines) + 1)
        assert hit.line is not None and start <= hit.line < nxt, f"{hit}: not within lines {start}–{nxt - 1}"
    assert unmatched == [], "expected but not reported: " + "\n".join(map(str, unmatched)) + \
        "\nreported: " + "\n".join(map(str, problems))
    assert problems == [], "reported but not expected:\n" + "\n".join(map(str, problems))


SIMULATION_QUIZ = """id: sim
title: Simulation
language: en
questions:
  - id: model
    simulation: true
    type: single
    text: With Want in 70% and Aware 60%, the model gives 42.1% under Out. The experiment found 42%.
    options:
      - {id: a, text: "A model fits the experiment"}
      - {id: b, text: "Nothing fits it"}
    answer: a
    explanation: The model's 42.1% is near the experiment's 42%, and 82% is near 82.1%.
    figures: [jg-online-opt-in]
  - id: study
    type: single
    text: With Want in 70% and Aware 60%, the model gives 42.1% under Out. The experiment found 42%.
    options:
      - {id: a, text: "A model fits the experiment"}
      - {id: b, text: "Nothing fits it"}
    answer: a
    explanation: Because.
    figures: [jg-online-opt-in]
"""


def test_the_simulations_numbers_are_not_asked_to_be_figures_but_a_figure_still_names_its_record(data_copy):
    """A question marked simulation: true states the model's output (tests/test_quiz_simulation.py recomputes it);
    the numbers of any other question that names figures must be those figures, and a figure's value is named."""
    (data_copy / "quizzes" / "sim.yaml").write_text(SIMULATION_QUIZ, encoding="utf-8")
    found = [(p.entry, p.field, p.message) for p in _problems(data_copy) if p.file.endswith("quizzes/sim.yaml")]
    assert [(e, f) for e, f, _m in found] == [
        ("quiz 'sim', question 'model'", "explanation"),  # 82% is a figure (jg-online-opt-out) it does not name
        ("quiz 'sim', question 'study'", "text"), ("quiz 'sim', question 'study'", "text"),
        ("quiz 'sim', question 'study'", "text")], found
    assert all("but no figure it refers to has the value" in m and "name the figure in 'figures'" in m
               for _e, _f, m in found)
    assert [m.split("'")[1] for _e, _f, m in found] == ["82%", "70%", "60%", "42.1%"]


def test_kit_check_runs_these_checks(data_copy):
    """The checks are part of `kit check` (one of its registered kinds), reported with the other kinds' problems."""
    from kit.content import check_all

    path = data_copy / "research" / "consent_ui.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    source: https://doi.org/10.1145/3313831.3376321\n", "    source: https://web.archive.org/web/2020/x\n", 1),
        encoding="utf-8")
    counts, problems = check_all(data_copy)
    assert any("links, figures and quotations" in name for name in counts)
    shown = [str(p) for p in problems]
    assert len(shown) == 1 and "consent_ui.yaml, line" in shown[0], shown
    assert "(figure 'nouwens-no-reject-first-page'), field 'source': 'web.archive.org' is an archive" in shown[0]


# ------------------------------------------------------------------------------ what students see (issue 16/6)
class _Page(HTMLParser):
    """The links (href) and the visible text of a piece of HTML."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [v for k, v in attrs if k == "href" and v]

    def handle_data(self, data):
        self.text.append(data)


def _student_pages() -> list[tuple[str, str]]:
    """(where, html) for every view that shows sources: timelines, opt-out choices, claims, law, figures, quizzes."""
    from kit.plots.research import chart_caption
    from kit.ui import html as h
    from kit.ui.law import law_html
    from kit.ui.optout import choice_html
    from kit.ui.quiz import question_sources_html
    from kit.ui.research import figures_table_html
    from kit.ui.timeline import event_html

    pages = []
    for cid in case_ids():
        case = load_case(cid)
        for i, e in enumerate(case.timeline, 1):
            pages.append((f"{cid} event {e.id}", event_html(case, e, i, len(case.timeline))))
        for s in case.statements:
            pages.append((f"{cid} statement {s.id}", h.quote(s.text) + h.para(s.context or "")
                          + h.sources_html(case, s.sources)))
        pages.append((f"{cid} all sources", h.sources_html(case, [s.id for s in case.sources])))
        if case.meta.choice is not None:
            pages.append((f"{cid} choice", choice_html(case)))
    for text in load_law().values():
        pages.append((f"law {text.id}", law_html(text)))
    research = load_research()
    pages.append(("figures table", figures_table_html(research)))
    pages += [(f"chart {c}", h.esc(chart_caption(research, c))) for c in research.charts]
    from kit.quiz import citations

    for qid in quiz_ids():
        quiz = load_quiz(qid)
        cited = citations(quiz, research, load_case)
        for q in quiz.questions:
            body = " ".join([q.text, *(o.text + " " + (o.feedback or "") for o in q.options), q.explanation or "",
                             *q.hints, q.model_answer or "", *q.discussion])
            pages.append((f"quiz {qid} {q.id}", h.esc(body) + question_sources_html(q, cited.get(q.id, ()))))
    return pages


def test_every_link_students_follow_is_an_original_page_and_no_working_note_shows():
    pages = _student_pages()
    assert len(pages) > 100
    bad_links, notes = [], []
    for where, html in pages:
        page = _Page()
        page.feed(html)
        bad_links += [f"{where}: {u}" for u in page.hrefs if copy_kind(u)]
        phrase = internal_phrase(" ".join(page.text))
        if phrase:
            notes.append(f"{where}: {phrase!r}")
    assert bad_links == []
    assert notes == []


def test_a_copy_is_said_in_words_and_not_linked():
    from kit.ui import html as h

    slack = load_case("slack-2024")
    shown = h.sources_html(slack, ["pcmag-irwin", "techcrunch-2024-05-17", "webpronews-2024-05-17"])
    page = _Page()
    page.feed(shown)
    assert not any("promo-sale" in u or "remove-js" in u for u in page.hrefs)
    assert "https://techcrunch.com/2024/05/17/slack-under-attack-over-sneaky-ai-training-policy" in page.hrefs
    text = " ".join(page.text)
    assert text.count("(read in a copy)") == 2  # PCMag (no original address known) and TechCrunch; not WebProNews
    assert "Slack Trains Some of Its AI-Powered Features" in text  # the title stays, without a link


def test_a_quiz_shows_a_figure_from_its_one_record():
    from kit.ui.quiz import question_sources_html

    quiz = load_quiz("03-research")
    q = quiz.question("country-chart")
    f = load_research().figure("jg-germany")
    page = _Page()
    from kit.quiz import citations

    cited = citations(quiz, load_research(), load_case)[q.id]
    page.feed(question_sources_html(q, cited))
    text = " ".join(page.text)
    assert "Germany: 12%" in text and "read in a copy" in text
    assert f.source in page.hrefs and SD not in page.hrefs
    assert text.count("Seen only in a copy") == len(q.figures)  # the status of each record, not the quiz's own


# ------------------------------------------------------------------------------------ the hosts are data
def test_a_host_an_instructor_adds_to_hosts_yaml_is_a_copy_for_kit_check(data_copy):
    from kit.content.registry import check_all

    path = data_copy / "hosts.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("hosts: [hndistilled.com,",
                                                             "hosts: [techcrunch.com, hndistilled.com,"),
                    encoding="utf-8")
    _counts, problems = check_all(data_copy)
    assert any("'techcrunch.com' is a mirror, not the original page" in p.message for p in problems)


def test_a_host_written_as_an_address_is_named_with_its_file_and_field(data_copy):
    from kit.content.hosts import load_hosts

    path = data_copy / "hosts.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("[remove-js.com,", "[https://remove-js.com/,"),
                    encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_hosts(data_copy)
    p = info.value.first
    assert p.file.endswith("hosts.yaml") and p.entry == "group of hosts 2" and p.field == "hosts[1]" and p.line == 9
    assert "'https://remove-js.com/' is not a host name: write it without 'https://'" in p.message
