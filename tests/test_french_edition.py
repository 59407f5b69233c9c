"""The French edition's mechanism (issue 13): translation files, overlay, staleness, kit check/translate, dates and
numbers, quotations, and a walk through every French view's visible text looking for English."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from french_views import declared_english, english_leaks, quotations, ui_strings, visible_texts

import kit
from kit import i18n
from kit.content.lessons import load_lessons
from kit.content.registry import language_reports as check_translations
from kit.content.translations import fingerprint, translatables
from kit.content.writing import load_writing
from kit.instructor.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FR = FIXTURES / "translations-fr"


@pytest.fixture
def french():
    """The language set to French for one test, and back to English after it."""
    yield lambda: i18n._state.__setitem__("language", "fr")
    i18n._state["language"] = "en"


@pytest.fixture
def fixture_root(tmp_path, monkeypatch) -> Path:
    """A content folder holding the fixture case, its French translation and the UI strings its views use."""
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "mini-case", root / "cases" / "mini-case")
    shutil.copytree(FR / "cases", root / "translations" / "fr" / "cases")
    (root / "ui").mkdir()
    shutil.copy(ROOT / "data" / "ui" / "en.yaml", root / "ui" / "en.yaml")
    shutil.copy(ROOT / "data" / "ui" / "fr.yaml", root / "ui" / "fr.yaml")  # the shipped French UI strings
    monkeypatch.setenv("KIT_DATA", str(root))
    monkeypatch.chdir(tmp_path)
    return root


# ------------------------------------------------------------------------------------------------ the spec
def test_fingerprint_is_the_specs():
    assert fingerprint("  Opt  out\n by email ") == hashlib.sha1(b"Opt out by email").hexdigest()[:8]
    assert fingerprint(["consent ", "opt\nin"]) == hashlib.sha1(b"consent\nopt in").hexdigest()[:8]


def test_paths_follow_the_spec_and_leave_facts_out():
    from kit.content.case import CaseFile, TimelineFile
    from kit.content.law import ChecklistFile
    from kit.content.quiz import Quiz
    from kit.content.vocabulary import VocabularyFile
    from kit.content.yamlio import load_yaml

    def paths(cls, rel):
        return {t.path: t for t in translatables(cls, load_yaml(ROOT / "data" / rel))}

    case = paths(CaseFile, "cases/slack-2024/case.yaml")
    assert {"title", "summary", "questions[2]", "choice.steps[1].text"} <= set(case)
    assert any(p.startswith("actors.") and p.endswith(".description") for p in case)
    assert not [p for p in case if p.endswith((".id", "date", "url", "status", "contact"))]
    # i25: names and titles are translated only where the kit wrote them ("Slack (owned by Salesforce)")
    assert case["company"].optional and not case["summary"].optional
    timeline = paths(TimelineFile, "cases/slack-2024/timeline.yaml")
    assert "events.slack-ai-launch.what" in timeline and "events.quinn-post.title" in timeline
    assert timeline["events.quinn-post.quote.kit_translation"].kind == "quote"
    assert not [p for p in timeline if p.endswith((".date", ".sources", ".quote"))]
    assert all(t.optional for p, t in timeline.items() if p.endswith(".who"))
    checklist = paths(ChecklistFile, "checklist.yaml")
    assert "conditions.freely-given.question" in checklist
    quiz = paths(Quiz, "quizzes/01-slack-case.yaml")
    assert "title" in quiz and any(".options." in p and p.endswith(".feedback") for p in quiz)
    vocab = paths(VocabularyFile, "vocabulary.yaml")
    assert vocab["terms.opt-out.variants"].kind == "list" and "terms.opt-out.definition" in vocab


# ------------------------------------------------------------------------------------------------ overlay
def test_french_overlays_the_kits_words_and_keeps_the_facts(fixture_root, french):
    english = kit.load_case("mini-case")
    french()
    fr = kit.load_case("mini-case")
    assert fr.meta.title == "Un petit cas fictif pour les tests"
    assert fr.meta.questions == ("Est-ce un consentement ?",)
    assert fr.meta.choice.steps[0].text == "Envoyer un courriel."
    assert fr.events[0].what == "Example Co a modifié sa politique."
    # facts once: ids, dates, URLs, statuses, sources and quotations are the English records' own
    assert [e.id for e in fr.events] == [e.id for e in english.events]
    assert [e.date for e in fr.events] == [e.date for e in english.events]
    assert [(s.url, s.title) for s in fr.sources] == [(s.url, s.title) for s in english.sources]
    assert fr.statements[0].text == english.statements[0].text == "We respect your data."
    assert fr.documents[0].versions[0].text == "We do not use your messages."
    assert fr.meta.choice.contact == english.meta.choice.contact


def test_missing_falls_back_to_english_and_stale_still_shows(fixture_root, french):
    tfile = fixture_root / "translations" / "fr" / "cases" / "mini-case" / "timeline.yaml"
    text = tfile.read_text(encoding="utf-8")
    text = text.replace("events.second.what:\n  text: Un journal en a parlé.\n  source: \"2f36c020\"\n", "")
    tfile.write_text(text, encoding="utf-8")
    english = fixture_root / "cases" / "mini-case" / "timeline.yaml"
    english.write_text(english.read_text().replace("changed its policy.", "changed its policy again."))
    french()
    case = kit.load_case("mini-case")
    assert case.events[1].what == "A newspaper wrote about it."  # missing: English
    assert case.events[0].what == "Example Co a modifié sa politique."  # stale: the old translation still shows
    (report,) = check_translations(fixture_root)
    assert len(report.missing) == 1 and report.missing[0].field == "events.second.what"
    assert len(report.stale) == 1 and report.stale[0].field == "events.first.what"


def test_a_translation_edit_shows_on_the_next_call_and_english_is_cached_apart(fixture_root, french):
    french()
    assert kit.load_case("mini-case").meta.summary == "Example Co a modifié un réglage."
    tfile = fixture_root / "translations" / "fr" / "cases" / "mini-case" / "case.yaml"
    tfile.write_text(tfile.read_text(encoding="utf-8").replace("a modifié un réglage", "a changé un réglage"),
                     encoding="utf-8")
    assert kit.load_case("mini-case").meta.summary == "Example Co a changé un réglage."
    i18n._state["language"] = "en"
    assert kit.load_case("mini-case").meta.summary == "Example Co changed a setting."


# ------------------------------------------------------------------------------------------------ kit check
def test_check_names_a_stale_translation_after_an_english_edit(fixture_root, capsys):
    assert main(["check", "--data", str(fixture_root)]) in (0, 1)
    out = capsys.readouterr()
    assert "fr: 23 translated, 0 missing, 0 stale" in out.out
    case_yaml = fixture_root / "cases" / "mini-case" / "case.yaml"
    case_yaml.write_text(case_yaml.read_text().replace("Example Co changed a setting.", "Example Co changed two."))
    main(["check", "--data", str(fixture_root)])
    out = capsys.readouterr()
    assert "fr: 23 translated, 0 missing, 1 stale" in out.out
    (line,) = [x for x in out.err.splitlines() if "stale" in x]
    assert "translations/fr/cases/mini-case/case.yaml, line 5 (case 'mini-case'), field 'summary'" in line
    assert "English at data/cases/mini-case/case.yaml, line 7, case 'mini-case', field 'summary'" in line


def test_check_reports_unknown_paths_and_malformed_entries(fixture_root, capsys):
    tfile = fixture_root / "translations" / "fr" / "cases" / "mini-case" / "timeline.yaml"
    text = tfile.read_text(encoding="utf-8").replace('aperçoit\n  source: "f5223142"\n', "aperçoit\n")
    tfile.write_text(text + 'events.frist.what:\n  text: x\n  source: "2f36c020"\n', encoding="utf-8")
    assert main(["check", "--data", str(fixture_root)]) == 1
    err = capsys.readouterr().err
    assert "field 'events.frist.what': unknown path" in err and "Did you mean 'events.first.what'?" in err
    assert "field 'events.second.title': malformed entry" in err


def test_translate_lists_and_writes_skeletons_an_instructor_fills_in(fixture_root, capsys):
    tfile = fixture_root / "translations" / "fr" / "cases" / "mini-case" / "statements.yaml"
    tfile.unlink()
    assert main(["translate", "fr", "--data", str(fixture_root)]) == 0
    out = capsys.readouterr().out
    assert "statements.ceo.channel:\n  text: A blog\n  source: \"0880af05\"" in out
    assert "fr: 2 missing and 0 stale" in out
    assert main(["translate", "fr", "--write", "--data", str(fixture_root)]) == 0
    capsys.readouterr()
    (report,) = check_translations(fixture_root)
    assert (len(report.missing), len(report.stale), report.problems) == (0, 0, [])


# ------------------------------------------------------------------------------------------------ locale
def test_dates_numbers_and_typography_follow_the_language(french):
    from kit.content.schema import PartialDate
    from kit.locale import number, percent, typo

    assert PartialDate(2024, 5, 17).human() == "17 May 2024"
    assert number(100000) == "100,000"
    french()
    assert PartialDate(2024, 5, 17).human() == "17 mai 2024"
    assert PartialDate(2024, 5).human() == "mai 2024"
    assert PartialDate(2019, 10, 1).human() == "1er octobre 2019"
    assert number(100000).replace("\u202f", " ").replace("\u00a0", " ") == "100 000"
    assert number(99.97) == "99,97"
    assert percent(42) == "42\u00a0%"
    assert typo("Qui peut agir ? « oui »: voir https://x.org/a?b") == \
        "Qui peut agir\u202f? «\u00a0oui\u00a0»\u00a0: voir https://x.org/a?b"


# ------------------------------------------------------------------------------------------------ views
def _buttons(widget) -> list:
    import ipywidgets as w

    found = [widget] if isinstance(widget, w.Button) else []
    for child in getattr(widget, "children", ()) or ():
        found += _buttons(child)
    return found


def _all_texts(widget, cycle: bool | str = True) -> list[str]:
    """The texts of a view, and (``cycle``) of every option of each of its dropdowns and toggles chosen in turn."""
    import ipywidgets as w

    texts = visible_texts(widget)
    if cycle == "write":  # a writing set: Compare with nothing written, then with an answer in every box
        for _ in range(2):
            for b in _buttons(widget):
                b.click()
            texts += visible_texts(widget)
            for box in getattr(widget, "boxes", ()):
                box.value = "Ma réponse."
        return texts
    if cycle == "press":  # a quiz: check each question unanswered and ask for every hint, then read it again
        retry = kit.t("quiz.retry")
        for _ in range(2):
            for b in _buttons(widget):
                if not b.disabled and b.description != retry:
                    b.click()
            texts += visible_texts(widget)
        return texts
    if not cycle:
        return texts
    pickers = []

    def find(x):
        if isinstance(x, (w.Dropdown, w.ToggleButtons, w.RadioButtons, w.Select)):
            pickers.append(x)
        for c in getattr(x, "children", ()) or ():
            find(c)

    find(widget)
    for p in pickers:
        original = p.value
        for value in [v for _, v in p.options][:40]:
            p.value = value
            texts += visible_texts(widget)
        p.value = original
    return texts


FIXTURE_VIEWS = [
    ("show_case_summary", ("mini-case",)), ("show_questions", ("mini-case",)),
    ("show_case_timeline", ("mini-case",)), ("show_timeline_plot", ("mini-case",)),
    ("show_opt_out", ("mini-case",)), ("show_version_comparer", ("mini-case",)), ("show_status_key", ()),
]


def test_french_views_of_the_fixture_case_show_no_english(fixture_root, french):
    french()
    facts = declared_english(fixture_root)
    en, fr = ui_strings(fixture_root / "ui" / "en.yaml"), ui_strings(fixture_root / "ui" / "fr.yaml")
    leaks = []
    for name, args in FIXTURE_VIEWS:
        widget = getattr(kit, name)(*args)
        assert "kit-error" not in getattr(widget, "_dom_classes", ()), (name, getattr(widget, "value", ""))
        leaks += [f"{name}: {x}" for x in english_leaks(_all_texts(widget), facts, en, fr)]
    assert leaks == []


def test_the_walk_catches_english_that_leaks_in(fixture_root, french):
    """The same walk fails when a translation is missing (English falls back) and on an English UI string."""
    (fixture_root / "translations" / "fr" / "cases" / "mini-case" / "timeline.yaml").unlink()
    french()
    facts = declared_english(fixture_root)
    en, fr = ui_strings(fixture_root / "ui" / "en.yaml"), ui_strings(fixture_root / "ui" / "fr.yaml")
    leaks = english_leaks(_all_texts(kit.show_case_timeline("mini-case")), facts, en, fr)
    assert any("A newspaper wrote about it." in x for x in leaks)
    assert english_leaks(["Who could opt out, and how"], facts, en, fr)
    assert english_leaks(["Lu le 17 May 2024"], facts, en, fr)
    assert english_leaks(["Étayée par after.p2.s1, qui dit que les données ne fuiront pas."], facts, en, fr)  # i25
    assert not english_leaks(["Étayée par la phrase (version réécrite, §\u00a02, phrase 1)."], facts, en, fr)
    assert not english_leaks(["Slack a publié « Privacy principles » le 17 mai 2024."], ["Privacy principles"], en, fr)


def test_quotations_stay_exact_and_the_kits_rendering_is_labelled(fixture_root, french):
    french()
    html = kit.show_case_timeline("mini-case").detail.value
    assert "Example Co a modifié sa politique." in html
    from kit.ui.claims import statement_html  # noqa: F401  (the claim checker uses the same helper)
    from kit.ui.html import quote_of

    case = kit.load_case("mini-case")
    shown = quote_of(case.statements[0], "text")
    assert "<blockquote class='kit-quote' lang='en'" in shown and "“We respect your data.”" in shown
    assert "class='kit-translation'" in shown and "Traduction du kit" in shown
    assert "Nous respectons vos données." in shown
    assert shown.index("We respect") < shown.index("Nous respectons")


def test_law_in_french_shows_the_official_text_first(data_copy, french):
    from kit.content.law import load_law
    from kit.ui.law import law_html

    french()
    text = load_law()["gdpr-art-4-11"]
    html = law_html(text)
    fr_at = html.index("toute manifestation de volonté, libre, spécifique")
    en_at = html.index("freely given, specific, informed")
    assert fr_at < en_at
    # the official text links its original page (EUR-Lex in French) and says in words that a copy was read (i12)
    assert "<blockquote class='kit-quote' lang='fr'" in html and "legal-content/FR/TXT" in html
    assert "lu dans une copie" in html and "qualitionnaire.eu" not in html


# ------------------------------------------------------------------------------------------------ shipped content
def test_shipped_french_edition_has_no_missing_or_stale_translations():
    """Passes once part C's data/translations/fr is merged."""
    (report,) = [r for r in check_translations(ROOT / "data") if r.lang == "fr"] or [None]
    assert report is not None, "no French translations or UI strings under data/"
    assert (report.missing, report.stale, report.problems) == ([], [], []), report.summary()


#: Every view, and whether to choose each option of its pickers in turn (off where each choice redraws figures,
#: to keep the test's time down); a quiz's buttons are pressed instead, so its feedback, hints and explanations show.
SHIPPED_VIEWS = [
    ("show_case_summary", (), True), ("show_questions", (), True), ("show_case_timeline", (), True),
    ("show_timeline_plot", (), True), ("show_opt_out", (), True), ("show_version_comparer", (), True),
    ("show_vocabulary", (), True), ("show_claim_checker", (), True), ("show_status_key", (), True),
    ("show_default_effects", (), False), ("show_simulation", (), False), ("show_law", (), True),
    ("show_checklist", (), True), ("show_cases_table", (), True), ("show_case_plots", (), False),
    ("show_coding", (), True),
    ("show_glossary", (), True), ("show_regimes", (), True),
    *[("show_quiz", (q,), "press") for q in ("01-timeline", "01-slack-case", "02-vocabulary", "02-policy",
                                             "03-research", "03-exercise-3", "03-exercise-4", "03-defaults",
                                             "06-regimes", "06-ai-act", "06-design", "06-children-models", "final")],
    ("show_class_results", ("CLASS",), True),  # a class folder with two students' shared answers (made below)
    ("show_class_results", ("CLASS", "audit"), True),  # its audits (none: the view says so)
    *[("show_audit", (s,), True) for s in ("paste", "reading", "claims", "checklist", "redesign")],
    ("show_audit", ("report",), "press"), ("show_audit_rubric", (), True),
    *[("show_writing", (w.id,), "write") for w in load_writing().sets],
    *[("show_lesson", (n.id,), False) for n in load_lessons().notebooks],
    *[("show_key_points", (n.id,), False) for n in load_lessons().notebooks if n.key_points],
    ("show_unit_summary", (), False),
]


def _class_folder(folder: Path) -> Path:
    """Two students' answers to the final quiz's first choice question, as the class folder holds them."""
    from kit import progress
    from kit.content.quiz import load_quiz

    folder.mkdir()
    q = next(q for q in load_quiz("final").questions if q.options)
    for i, option in enumerate(q.options[:2]):
        (folder / f"answers-final-{i}.json").write_text(progress.dump("final", {q.id: {"response": option.id,
                                                                                    "attempts": 1, "hints": 0}}),
                                                       encoding="utf-8")
    return folder


def test_every_shipped_french_view_shows_no_english(french, tmp_path, monkeypatch):
    """Every kit.show_* view on the shipped content, in French. Passes once parts A and C are merged."""
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path))  # pressing a quiz's buttons never writes elsewhere
    assert {n for n in dir(kit) if n.startswith("show_")} == {n for n, *_ in SHIPPED_VIEWS}, "a view is not walked"
    assert (ROOT / "data" / "ui" / "fr.yaml").exists(), "data/ui/fr.yaml (part A) is missing"
    french()
    facts = declared_english(ROOT / "data")  # i25: what the content declares, nothing more
    en, fr = ui_strings(ROOT / "data" / "ui" / "en.yaml"), ui_strings(ROOT / "data" / "ui" / "fr.yaml")
    quotes = quotations(ROOT / "data")
    leaks = []
    class_folder = _class_folder(tmp_path / "class")
    for name, args, cycle in SHIPPED_VIEWS:
        widget = getattr(kit, name)(*[class_folder if a == "CLASS" else a for a in args])
        assert "kit-error" not in getattr(widget, "_dom_classes", ()), (name, getattr(widget, "value", ""))
        leaks += [f"{name}: {x}" for x in english_leaks(_all_texts(widget, cycle), facts, en, fr, quotes)]
    assert leaks == [], f"{len(leaks)} English texts in French views, first: " + "\n".join(leaks[:30])


# ------------------------------------------------------------------------------------------------ instructors
def test_results_headers_and_chart_follow_the_language_of_the_answers(data_copy, tmp_path, french, capsys):
    import csv
    import json

    from kit import progress

    if not (data_copy / "ui" / "fr.yaml").exists():  # before part A's UI strings are merged
        (data_copy / "ui" / "fr.yaml").write_text(
            'results:\n  answer_yes: "oui"\n  answer_no: "non"\n  col:\n    student: "étudiant"\n'
            'quiz:\n  results_title: "Les réponses de la classe"\n', encoding="utf-8")
    french()
    answers = tmp_path / "answers-fr.json"
    answers.write_text(progress.dump("01-slack-case", {"member-included": {"response": "included", "attempts": 1,
                                                                           "hints": 0, "score": 1.0, "correct": True}},
                                     "Zoé"), encoding="utf-8")
    assert json.loads(answers.read_text(encoding="utf-8"))["language"] == "fr"
    i18n._state["language"] = "en"  # the instructor's own session is in English: the files decide
    assert main(["results", str(answers), "--out", str(tmp_path / "out")]) == 0
    with open(tmp_path / "out" / "answers.csv", encoding="utf-8") as f:
        header, row = list(csv.reader(f))
    assert header[0] == "étudiant" and "oui" in row and "corrigé" in row  # i25: a student, and the French values
    assert i18n.language() == "en"
    assert main(["results", str(answers), "--out", str(tmp_path / "out-en"), "--lang", "en"]) == 0
    with open(tmp_path / "out-en" / "answers.csv", encoding="utf-8") as f:
        header, row = list(csv.reader(f))
    assert header[0] == "student" and "yes" in row


def test_release_lang_fr_writes_the_french_notebooks_and_the_content(tmp_path, capsys):
    notebooks = tmp_path / "nb"
    shutil.copytree(FIXTURES / "release", notebooks / "fr", ignore=shutil.ignore_patterns("golden"))
    shutil.copy(FIXTURES / "release" / "lesson.ipynb", notebooks / "en-lesson.ipynb")
    out = tmp_path / "handout"
    assert main(["release", "--lang", "fr", "--notebooks", str(notebooks / "fr"), "--out", str(out)]) == 0
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == ["lesson.ipynb", "untagged.ipynb"]
    # a runnable student copy: the content (translations included) beside the notebooks
    assert (out / "notebooks" / "data" / "law" / "01-gdpr.yaml").exists()
    assert (out / "notebooks" / "data" / "translations" / "fr").is_dir()
    assert "wrote the fr student version" in capsys.readouterr().out
    out_en = tmp_path / "handout-en"
    from kit.instructor.release import release

    written = release(notebooks, out_en, skip=("fr",))
    assert [p.name for p in written] == ["en-lesson.ipynb"]


def test_release_without_keys_removes_the_translated_feedback_too(data_copy, tmp_path):
    from kit.instructor.release import strip_answer_keys

    tdir = data_copy / "translations" / "fr" / "quizzes"
    tdir.mkdir(parents=True, exist_ok=True)  # the shipped French quizzes are there since i13c
    (tdir / "01-slack-case.yaml").write_text(
        'title:\n  text: L\'affaire Slack\n  source: "00000000"\n'
        'questions.slack-default.explanation:\n  text: Parce que …\n  source: "00000000"\n'
        'questions.slack-default.options.included.feedback:\n  text: Oui.\n  source: "00000000"\n', encoding="utf-8")
    strip_answer_keys(data_copy, tmp_path / "student-data")
    text = (tmp_path / "student-data" / "translations" / "fr" / "quizzes" / "01-slack-case.yaml").read_text()
    assert "title" in text and "explanation" not in text and "feedback" not in text


def test_new_case_in_french_has_french_placeholders_and_says_so(data_copy, capsys):
    assert main(["new-case", "acme-2025", "--lang", "fr"]) == 0
    text = (data_copy / "cases" / "acme-2025" / "case.yaml").read_text(encoding="utf-8")
    assert "language: fr" in text and "(obligatoire)\u00a0:" in text and "Attendu\u00a0:" in text
    assert "Remplissez chaque valeur vide" in text and "Un texte avec vos propres mots" in text
    english = (data_copy / "cases" / "acme-2025" / "timeline.yaml").read_text(encoding="utf-8")
    assert "Fill in every" not in english


def test_french_highlighter_finds_french_variants_and_the_english_ones(data_copy, french):
    from kit.vocabulary import load_vocabulary

    tdir = data_copy / "translations" / "fr"
    tdir.mkdir(parents=True, exist_ok=True)
    source = fingerprint(["opt-out", "opted out", "opting out"])
    (tdir / "vocabulary.yaml").write_text(
        f'terms.opt-out.variants:\n  text: [désinscription, se désinscrire, désinscrit]\n  source: "{source}"\n',
        encoding="utf-8")
    french()
    found = [h.text for h in load_vocabulary().find("Sa désinscription : he opted out.", ["opt-out"])]
    assert found == ["désinscription", "opted out"]
