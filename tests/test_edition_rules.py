"""The French edition's rules in ``kit check`` (issue 25), each asserted as the instructor reads it, on a copy of the
shipped content in which one defect of the review is put back:

* terminology (``data/terminology/fr.yaml``): a refused variant is named with the term to use and why, in a
  translation, a UI string, a notebook cell or the guide; quotations, allowed phrases and allowed places are left
  alone;
* typography of the kit's own French texts: an ordinary space where a no-break one belongs;
* English on a French screen: a name or title shown as written, or a French text that kept English, unless declared;
* stale twins (``data/twins/fr.yaml``): a UI string or a notebook cell whose English changed since it was translated.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kit.content.registry import english_reports
from kit.content.terminology import load_terminology
from kit.content.twins import twin_report
from kit.instructor.cli import main
from tests.conftest import ROOT


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A copy of the content with the notebooks and the guide beside it, as in the repository."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(ROOT / "docs", tmp_path / "docs")  # the guide and the documents the terminology covers
    monkeypatch.setenv("KIT_DATA", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(repo: Path, capsys) -> tuple[int, str, str]:
    code = main(["check", "--data", str(repo / "data")])
    out = capsys.readouterr()
    return code, out.out, out.err


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _set_cell(path: Path, cell_id: str, change) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell.get("id") == cell_id:
            cell["source"] = change("".join(cell["source"]))
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")


# ------------------------------------------------------------------------------------------------ shipped content
def test_the_shipped_french_edition_breaks_no_rule(capsys):
    code, out, err = _check(ROOT, capsys)
    assert code == 0, err
    assert "terminology '" not in err and "an ordinary space" not in err
    assert "UI strings and notebook cells tied to their English, 0 untied, 0 stale" in out
    assert ", 0 in English (not declared)" in out
    report = twin_report(ROOT / "data", "fr")
    assert report.tied > 500 and report.stale == report.untied == []
    assert english_reports(ROOT / "data")[0].english == []


def test_the_terminology_file_says_why_for_every_term():
    terms = load_terminology("fr", ROOT / "data").terms
    assert {"opt-out", "right-to-object", "default", "email", "customer-data", "pre-ticked-box", "student",
            "licence", "de-identified", "data-subject", "supervisory-authority"} <= {t.id for t in terms}
    assert all(len(t.why.split()) >= 8 for t in terms)


# ------------------------------------------------------------------------------------------------ terminology
def test_a_refused_variant_in_a_translation_is_named_with_the_term_and_the_reason(repo, capsys):
    tfile = repo / "data" / "translations" / "fr" / "cases" / "slack-2024" / "case.yaml"
    _replace(tfile, "Pour refuser, un propriétaire", "Pour se désinscrire, un propriétaire")
    code, _out, err = _check(repo, capsys)
    assert code == 1
    (line,) = [x for x in err.splitlines() if "désinscrire" in x]
    assert line.startswith("data/translations/fr/cases/slack-2024/case.yaml, line 10, field 'summary': "
                           "« se désinscrire »: the edition says « refuser, le refus (opt-out)")
    assert "(terminology 'opt-out': Se désinscrire, c'est quitter une liste ou un service." in line


@pytest.mark.parametrize(("where", "old", "new", "expected"), [
    # the GDPR Art. 21 word used for Slack's contractual opt-out (review N8)
    ("notebooks/fr/00_commencer_ici.ipynb#c00", "peut en exclure les données", "peut s'y opposer",
     "notebooks/fr/00_commencer_ici.ipynb (cell 'c00', line 7 of the cell): « s'y opposer »"),
    # a cession is not a licence (review T6, N7)
    ("data/translations/fr/cases/reddit-2024/case.yaml", "Reddit concède à Google une licence sur les publications",
     "Reddit cède sous licence les publications", "field 'title': « cède sous licence »"),
    # the pupil of a school (review U9)
    ("data/ui/fr.yaml", 'student: "étudiant"', 'student: "élève"', "field 'results.col.student': « élève »"),
    # the three spellings of the pre-ticked box (review N11, T11)
    ("docs/guide_enseignant.md", "- **04 et 08, Planet49**", "- **04 et 08, Planet49, la case pré-cochée**",
     "docs/guide_enseignant.md, line {line}: « pré-cochée »: the edition says « case cochée par défaut »"),
    # de-identified is not anonymised (review T2)
    ("data/translations/fr/vocabulary.yaml", "Désidentifié ne veut pas dire anonyme.",
     "On dit aussi désidentifié / anonymisé.", "« désidentifié / anonymisé »"),
    # the Art. 21 word in the checklist's consent assessment of Slack (only its Art. 21 places may say it)
    ("data/translations/fr/checklist.yaml", "les membres ne pouvaient pas refuser.",
     "les membres ne pouvaient pas s'y opposer.", "field 'assessments.slack-2024.mechanism': « s'y opposer »"),
    # data subject, not owner (review T7)
    ("data/translations/fr/quizzes/final.yaml", "acte clair de la personne concernée,", "acte clair de la personne à "
     "qui appartiennent les données,", "« à qui appartiennent les données »"),
    # an EU data-protection authority called a « régulateur » (fr3 review, seven places)
    ("data/translations/fr/cases/meta-ai-2025/case.yaml", "L'examen de l'autorité de contrôle irlandaise (DPC)",
     "L'examen du régulateur irlandais", "field 'outcome': « régulateur »: the edition says « autorité de contrôle"),
    # Slack's defined « Customer Data » (fr3 review)
    ("data/translations/fr/regimes.yaml", "Slack analysait les données client, messages compris",
     "Slack analysait les données des clients, messages compris", "« données des clients »"),
    # "agreement" as a rate rendered « les accords » (fr4 review, seven places)
    ("data/translations/fr/quizzes/03-defaults.yaml", "qu'est-ce qui a le plus fait varier le taux d'accord",
     "qu'est-ce qui a le plus changé les accords",
     "field 'questions.wording-matters.hints[1]': « changé les accords »: the edition says « le taux d'accord"),
])
def test_each_kind_of_text_is_read_and_named_in_the_usual_form(repo, capsys, where, old, new, expected):
    path = repo / where.split("#")[0]
    if "{line}" in expected:  # the guide's generated parts move its lines: the line where the text is now
        text = path.read_text(encoding="utf-8")
        expected = expected.format(line=text[:text.index(old)].count("\n") + 1)
    if path.suffix == ".ipynb":
        _set_cell(path, where.split("#")[1], lambda s: s.replace(old, new))
    else:
        _replace(path, old, new)
    code, _out, err = _check(repo, capsys)
    assert code == 1 and expected in err, err[-2000:]


def test_quotations_allowed_phrases_and_allowed_places_are_left_alone(repo, capsys):
    tfile = repo / "data" / "translations" / "fr" / "cases" / "slack-2024" / "case.yaml"
    # a mention in guillemets, the name of the Art. 21 right, and the right itself in the Meta case
    _replace(tfile, "Pour refuser, un propriétaire", "Pour refuser (et non «\u00a0se désinscrire\u00a0»), sans droit "
                                                       "d'opposition, un propriétaire")
    _replace(repo / "data" / "translations" / "fr" / "cases" / "meta-2024" / "case.yaml", "formulaire d'opposition",
             "formulaire pour s'opposer")
    code, _out, err = _check(repo, capsys)
    assert code == 0, err[-2000:]


def test_a_malformed_terminology_file_is_a_problem_naming_the_place(repo, capsys):
    _replace(repo / "data" / "terminology" / "fr.yaml", "      - phrase: droit d'opposition\n",
             "      - phrase: droit d'opposition\n        where: data/ui/fr.yaml\n")
    code, _out, err = _check(repo, capsys)
    assert code == 1
    assert "data/terminology/fr.yaml, line" in err and "(term 'right-to-object'), field 'allowed[1]': an allowance " \
                                                        "gives either a 'phrase' or a 'where', not both" in err


# ------------------------------------------------------------------------------------------------ typography
def test_an_ordinary_space_before_a_colon_in_a_translation_is_named(repo, capsys):
    tfile = repo / "data" / "translations" / "fr" / "cases" / "slack-2024" / "sources.yaml"
    text = tfile.read_text(encoding="utf-8")
    tfile.write_text(text.replace("Tl;dr", "Tl;dr (résumé) :", 1), encoding="utf-8")
    code, _out, err = _check(repo, capsys)
    assert code == 1
    assert "field 'sources.begeek-slack.note': an ordinary space before « : » (French typography" in err
    assert "Tl;dr" not in err.split("an ordinary space before « ; »")[0][-40:]  # 'Tl;dr' has no space: left alone


def test_an_ordinary_space_after_a_section_sign_is_named(repo, capsys):
    tfile = repo / "data" / "translations" / "fr" / "quizzes" / "04-us.yaml"
    text = tfile.read_text(encoding="utf-8")
    tfile.write_text(text.replace("le §\u00a01798.120(c) en fixe", "le § 1798.120(c) en fixe", 1), encoding="utf-8")
    code, _out, err = _check(repo, capsys)
    assert code == 1
    assert "an ordinary space after « § »" in err and "04-us.yaml" in err and "le § 1798.120(c" in err


# ------------------------------------------------------------------------------------------------ English
def test_english_a_french_student_would_see_is_listed_with_what_to_do(repo, capsys):
    # a kit-written publisher note (review §3.1 item 5: "Slack (owned by Salesforce)"), and a French translation that
    # kept an English date
    _replace(repo / "data" / "cases" / "linkedin-2024" / "sources.yaml", "    publisher: LinkedIn\n",
             "    publisher: LinkedIn (owned by Microsoft)\n")
    _replace(repo / "data" / "translations" / "fr" / "research" / "defaults.yaml", "21 novembre 2003",
             "21 November 2003")
    code, out, err = _check(repo, capsys)
    assert code == 0  # listed, like a missing translation: the English still shows
    assert ", 2 in English (not declared)" in out
    (publisher,) = [x for x in err.splitlines() if "owned by Microsoft" in x]
    assert publisher.startswith("data/cases/linkedin-2024/sources.yaml, line 4 (source 'linkedin-help-copy'), "
                                "field 'publisher': English on a fr screen, English words ['by', 'owned']: ")
    assert "translate it ('sources.linkedin-help-copy.publisher' in data/translations/fr/cases/linkedin-2024/" \
           "sources.yaml) or, if it is a proper name or the title of an English work, declare it" in publisher
    (venue,) = [x for x in err.splitlines() if "November" in x]
    assert "field 'studies.johnson-goldstein-2003.venue': English on a fr screen, an English date " \
           "('21 November 2003')" in venue


def test_a_sentence_id_left_in_a_french_text_is_listed_with_what_to_do(repo, capsys):
    """Issue 25: « Étayée par after.p2.s1 » read as English; the views name the sentence « version réécrite, § 2,
    phrase 1 »."""
    _replace(repo / "data" / "translations" / "fr" / "quizzes" / "02-policy.yaml",
             "l'autre (version\n    réécrite, §\u00a02, phrase 1).", "l'autre (after.p2.s1).")
    code, out, err = _check(repo, capsys)
    assert code == 0  # listed, like a missing translation
    assert ", 1 in English (not declared)" in out
    (line,) = [x for x in err.splitlines() if "after.p2.s1" in x]
    assert line.startswith("data/translations/fr/quizzes/02-policy.yaml, line ")
    assert "field 'questions.user-can-see.options.supported-leak.text': English on a fr screen, the kit's sentence " \
           "id 'after.p2.s1' (name the sentence in words, as the views do with the UI string 'sentence.label')" in line


def test_declared_english_is_not_listed_and_an_undeclared_title_is(repo):
    root = repo / "data"
    assert english_reports(root)[0].english == []
    _replace(root / "terminology" / "fr.yaml", '  - {text: "The Cost of Reading Privacy Policies", kind: title}\n', "")
    (found,) = english_reports(root)[0].english
    assert found.field == "title" and "The Cost of Reading Privacy Policies" in found.message


# ------------------------------------------------------------------------------------------------ twins
def test_an_english_ui_string_corrected_after_translation_makes_its_french_stale(repo, capsys):
    """Review U1/R7: the English chart label for Slack's steps was corrected, the French kept the old meaning."""
    _replace(repo / "data" / "ui" / "en.yaml", "  not_individual: \"not each person's own choice\"",
             "  not_individual: \"only the owners, not each person\"")
    code, out, err = _check(repo, capsys)
    assert code == 0
    (line,) = [x for x in err.splitlines() if "not_individual" in x]
    assert line.startswith("data/ui/fr.yaml, line")
    assert "field 'cases.not_individual': stale: the English changed since it was translated (English at " \
           "data/ui/en.yaml, line" in line and "data/twins/fr.yaml, line" in line
    assert "UI strings and notebook cells tied to their English, 0 untied, 1 stale" in out


def test_an_english_notebook_cell_rewritten_makes_its_french_twin_stale(repo, capsys):
    """Review N1–N3: the English notebook 03 was corrected and the French told the old story."""
    _set_cell(repo / "notebooks" / "03_opt_in_vs_opt_out.ipynb", "c01",
              lambda s: s.replace("Four cautions", "Five cautions"))
    code, out, err = _check(repo, capsys)
    assert code == 0
    (line,) = [x for x in err.splitlines() if "03_opt_in_ou_opt_out" in x]
    assert line.startswith("notebooks/fr/03_opt_in_ou_opt_out.ipynb (cell 'c01'): stale: its English twin "
                           "(notebooks/03_opt_in_vs_opt_out.ipynb, cell 'c01') changed since it was translated")


def test_a_new_string_is_untied_until_translate_ties_it_and_a_stale_one_is_never_tied(repo, capsys):
    for lang, text in (("en", "Shared with the class"), ("fr", "Partagé avec la classe")):
        path = repo / "data" / "ui" / f"{lang}.yaml"
        _replace(path, "\n  graded_file:", f"\n  shared_note: \"{text}\"\n  graded_file:")
    _replace(repo / "data" / "ui" / "en.yaml", "  not_individual: \"not each person's own choice\"",
             "  not_individual: \"only the owners, not each person\"")
    report = twin_report(repo / "data", "fr")
    assert [p.field for p in report.untied] == ["results.shared_note"]
    assert [p.field for p in report.stale] == ["cases.not_individual"]
    assert main(["translate", "fr", "--write", "--data", str(repo / "data")]) == 0
    assert "1 UI string(s) and notebook cell(s) tied to their English" in capsys.readouterr().out
    report = twin_report(repo / "data", "fr")
    assert report.untied == [] and [p.field for p in report.stale] == ["cases.not_individual"]


def test_a_renamed_notebook_pair_is_a_problem_and_the_notebook_under_its_new_name_is_untied(repo, capsys):
    """Issue 24 renamed the final quiz 06 -> 08: the pair naming two notebooks gone was skipped in silence, and the
    edition's new notebook, named by no pair, was never read, while kit check said 0 untied."""
    for old, new in (("fr/08_quiz_final", "fr/09_quiz_final"), ("08_final_quiz", "09_final_quiz")):
        (repo / "notebooks" / f"{old}.ipynb").rename(repo / "notebooks" / f"{new}.ipynb")
    code, out, err = _check(repo, capsys)
    assert code == 1
    assert "field 'notebooks': no notebook notebooks/fr/08_quiz_final.ipynb beside the content folder" in err
    assert "field 'notebooks': no notebook notebooks/08_final_quiz.ipynb beside the content folder" in err
    (line,) = [x for x in err.splitlines() if x.startswith("notebooks/fr/09_quiz_final.ipynb")]
    assert line == ("notebooks/fr/09_quiz_final.ipynb: untied: no pair in data/twins/fr.yaml names this notebook: "
                    "add one with its English twin ('french:', 'english:', 'cells: {}'), then kit translate fr --write "
                    "ties the cells written in both languages at once")
    assert "UI strings and notebook cells tied to their English, 1 untied, 0 stale, 2 problem(s)" in out


def test_a_tie_naming_a_key_or_cell_that_does_not_exist_is_a_problem(repo, capsys):
    twins = repo / "data" / "twins" / "fr.yaml"
    _replace(twins, "  cases.not_individual:", "  cases.not_individal:")
    code, _out, err = _check(repo, capsys)
    assert code == 1
    assert "data/twins/fr.yaml, line" in err and "field 'ui.cases.not_individal': unknown UI key" in err
    assert "Did you mean 'cases.not_individual'?" in err


# ------------------------------------------------------------------------------------------------ the view walk
def test_the_view_walk_takes_what_may_stay_english_from_the_data(repo):
    """The walk over every rendered French view (tests/test_french_edition.py) declares nothing itself: a title
    leaves the declared English when its entry leaves data/terminology/fr.yaml, and an English legal card's header
    is exempt only while its file is listed as pending (the French edition now translates them all)."""
    from french_views import declared_english, english_leaks

    def leaks(texts):
        return english_leaks(texts, declared_english(repo / "data"), set(), set())

    title = "The Cost of Reading Privacy Policies"
    header = "Court of Justice of the EU, Grand Chamber, Planet49"
    assert leaks([title]) == []
    assert leaks([header]) and leaks(["Slack (owned by Salesforce) · février 2024"])  # never declared
    with (repo / "data" / "terminology" / "fr.yaml").open("a", encoding="utf-8") as f:
        f.write("pending:\n  - where: data/law/*\n    why: another branch writes the headers in French\n")
    assert leaks([title, header]) == []
    _replace(repo / "data" / "terminology" / "fr.yaml",
             '  - {text: "The Cost of Reading Privacy Policies", kind: title}\n', "")
    _replace(repo / "data" / "terminology" / "fr.yaml", "  - where: data/law/*\n", "  - where: data/law/nothing\n")
    after = leaks([title, header])
    assert [x for x in after if "Cost of Reading" in x] and [x for x in after if "Grand Chamber" in x], after
