"""Issue 27 item 5: students see a source's name and, once, in plain words, that it was read in a copy; nothing else
of how the kit read it ("LinkedIn (read in a proxy copy) (read in a copy)", "TechCrunch (read in a mirror)", a
figure's value linked to a personal repository or an aggregator site).

The rule: `kit check` rejects a source name carrying a working note; the views then show only the name. Each
problem is asserted as the instructor reads it (file, line, entry, field, message).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from kit.content import case_ids, load_case
from kit.content.consistency import check_consistency, internal_phrase, working_note_in_name
from kit.content.research import load_research
from kit.content.schema import ParseContext
from kit.i18n import set_language, t
from tests.conftest import visible_text


def _problems(root) -> list[str]:
    ctx = ParseContext()
    check_consistency(root, ctx)
    return [str(p) for p in ctx.problems]


@pytest.mark.parametrize("name, note", [
    ("LinkedIn (read in a proxy copy)", "read in"),
    ("TechCrunch (read in a mirror)", "read in"),
    ("Eleven Forum (copy)", "copy"),
    ("Slack under attack over sneaky AI training policy (TechCrunch, second copy)", "copy"),
    ("The judgment (operative part, point 1), read in a quotation", "read in"),
    ("Proxy of LinkedIn's help page", "Proxy"),
    ("A mirrored page", "mirrored"),
    ("LinkedIn", None),
    ("Slack under attack over sneaky AI training policy", None),
    ("Copyright and AI training: a reader's guide", None),
    ("GDPR Article 7", None),
])
def test_a_working_note_in_a_source_name_is_found(name, note):
    assert working_note_in_name(name) == note


@pytest.mark.parametrize("text, phrase", [
    ("LinkedIn's help page, read in a proxy copy, says the setting is on by default.", "proxy copy"),
    ("The original address is decoded from the proxy's; the title is descriptive.", "proxy's"),
    ("The original address is inferred from the mirror's (ROT13-encoded domain).", "mirror's"),
    ("Silence is no proxy for a yes; the law mirrors this.", None),
])
def test_a_note_students_see_does_not_say_how_a_copy_was_reached(text, phrase):
    assert internal_phrase(text) == phrase


# (file under data/, old text, new text, the problem kit check reports: entry and field, then words of the message)
EDITS = [
    ("cases/linkedin-2024/sources.yaml", "    publisher: LinkedIn\n    url: https://www.linkedin.com/help/",
     "    publisher: LinkedIn (read in a proxy copy)\n    url: https://www.linkedin.com/help/",
     "(source 'linkedin-help-copy'), field 'publisher': students see this name, and \"read in\" is a note on how "
     "the kit read the source: name the source as it names itself; put the address of the copy read in 'read_at' "
     "(students then see \"read in a copy\", once) and any other note in 'checked_note'"),
    ("cases/slack-2024/sources.yaml", '    title: "Slack under attack over sneaky AI training policy"\n',
     '    title: "Slack under attack over sneaky AI training policy (TechCrunch, second copy)"\n',
     "(source 'techcrunch-2024-05-17'), field 'title': students see this name, and \"copy\" is a note on how the "
     "kit read the source"),
    ("quizzes/final.yaml", "        title: Planet49, C-673/17, operative part, point 1\n",
     "        title: Planet49, C-673/17, operative part, point 1, read in a quotation\n",
     "(quiz 'final', question 'planet49-setting'), field 'sources[1].title': students see this name, and \"read in\" "
     "is a note on how the kit read the source"),
]


def test_kit_check_names_a_source_name_that_carries_a_working_note(data_copy):
    for rel, old, new, _ in EDITS:
        path = data_copy / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"the test's anchor is not unique in {rel}: {old[:60]!r}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    problems = _problems(data_copy)
    for rel, _old, _new, words in EDITS:
        hits = [p for p in problems if p.startswith(f"{data_copy / rel}, line ") and words in p]
        assert len(hits) == 1, f"{rel}: expected one problem with {words!r}; reported:\n" + "\n".join(problems)
    assert len(problems) == len(EDITS), "\n".join(problems)


def test_the_shipped_sources_are_named_without_working_notes():
    from tests.conftest import ROOT

    assert [p for p in _problems(ROOT / "data") if "is a note on how the kit read" in p] == []


# ----------------------------------------------------------------------------------------- what students see
_COPY = {"en": "read in a copy", "fr": None}


@pytest.fixture(params=["en", "fr"])
def lang(request):
    set_language(request.param)
    yield request.param
    set_language("en")


def test_each_source_says_once_and_in_plain_words_that_it_was_read_in_a_copy(lang):
    from kit.ui import html as h

    said = t("common.read_at")
    for cid in case_ids():
        case = load_case(cid)
        for s in case.sources:
            line = re.sub(r"<[^>]+>", "", h.sources_html(case, [s.id]))
            assert line.count(said) == (1 if s.read_at or not s.url else 0), f"{cid}/{s.id}: {line}"
            for word in ("proxy", "mirror", "miroir", "copy)", "copie)"):
                assert word not in line.replace(f"({said})", "").lower(), f"{cid}/{s.id}: {line}"


def test_the_linkedin_opt_out_card_shows_no_working_note(lang):
    import kit

    view = kit.show_opt_out("linkedin-2024")
    text = visible_text(view).lower()
    for word in ("proxy", "mirror", "miroir"):
        assert word not in text, text


def test_every_figure_value_links_the_page_of_its_study():
    research = load_research()
    off = [f"{f.id}: {urlsplit(f.source).hostname} (its study: {urlsplit(research.study(f.study).url).hostname})"
           for f in research.figures if f.source != research.study(f.study).url]
    assert off == [], "figure values link pages other than their study's:\n" + "\n".join(off)
