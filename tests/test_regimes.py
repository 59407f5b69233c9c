"""Three regimes, one dataset (issue 24): the comparison's logic without a kernel, the content checks as an
instructor reads them, and the view driven from Python and read as a person sees it."""

from __future__ import annotations

import pytest

import kit
from kit import i18n
from kit.content.errors import NotFound
from kit.content.law import load_law
from kit.content.regimes import QUESTIONS, load_regimes
from kit.content.registry import check_all
from kit.regimes import comparison, contrast, outcome, short_title
from tests.conftest import visible_text


@pytest.fixture(scope="module")
def shipped():
    return load_regimes(), load_law()


@pytest.fixture
def french():
    i18n._state["language"] = "fr"
    yield
    i18n._state["language"] = "en"


# ------------------------------------------------------------------------------------------------------ logic
def test_every_kind_of_content_answers_every_question_under_every_regime_on_legal_texts(shipped):
    regimes, law = shipped
    assert [c.id for c in regimes.contents] == ["public-posts", "workplace-messages", "photographer-images"]
    assert [r.id for r in regimes.regimes] == ["consent", "legitimate-interest", "mining"]
    for content in regimes.contents:
        comp = comparison(regimes, law, content.id)
        assert [c.regime.id for c in comp.columns] == ["consent", "legitimate-interest", "mining"]
        for column in comp.columns:
            assert len(column.cells) == len(QUESTIONS) == 4
            for q in QUESTIONS:
                cell = column.cell(q)
                assert cell.text.strip() and cell.law, (content.id, column.regime.id, q)
                assert all(text.url.startswith("https://") for text in cell.law)


def test_the_copyright_column_rests_on_the_mining_exception_and_the_data_columns_on_the_gdpr(shipped):
    regimes, law = shipped
    comp = comparison(regimes, law, "public-posts")
    mining = {t.id for q in QUESTIONS for t in comp.column("mining").cell(q).law}
    assert {"dsm-art-4-3", "dsm-recital-18"} <= mining and not any(i.startswith("gdpr") for i in mining)
    consent = {t.id for q in QUESTIONS for t in comp.column("consent").cell(q).law}
    assert "gdpr-recital-32" in consent and not any(i.startswith("dsm") for i in consent)


def test_same_content_opposite_defaults(shipped):
    regimes, law = shipped
    for content in regimes.contents:
        comp = comparison(regimes, law, content.id)
        assert comp.defaults() == {"consent": "out", "legitimate-interest": "in", "mining": "in"}
        assert comp.split
    sentence = contrast(comparison(regimes, law, "public-posts"))
    assert sentence == ("Same content, opposite defaults: under consent it stays out until someone agrees; under "
                        "legitimate interest and the mining exception it is used until someone acts.")


def test_who_must_act_follows_the_content_not_only_the_regime(shipped):
    regimes, law = shipped
    photos = comparison(regimes, law, "photographer-images")
    assert outcome(photos.column("consent")) == (
        "GDPR: consent — out by default: not used unless someone agrees (opt-in); who must act: each person "
        "pictured, by saying yes.")
    assert "the photographer" in outcome(photos.column("mining"))
    posts = comparison(regimes, law, "public-posts")
    assert "each person who posted, by objecting" in outcome(posts.column("legitimate-interest"))
    work = comparison(regimes, law, "workplace-messages")
    assert "owners" in work.column("legitimate-interest").cell("who_acts").text  # Slack's owners, not each person


def test_a_regime_that_agreed_would_say_so(shipped):
    regimes, law = shipped
    comp = comparison(regimes, law, "public-posts")
    same = type(comp)(comp.content, comp.questions, tuple(c for c in comp.columns if c.default == "in"))
    assert not same.split
    assert contrast(same) == "Here the regimes agree: in by default: used unless someone acts (opt-out)."


def test_unknown_kind_of_content_names_the_known_ones(shipped):
    regimes, law = shipped
    with pytest.raises(NotFound, match=r"no kind of content 'chats' in data/regimes.yaml \(there are: "
                                       r"public-posts, workplace-messages, photographer-images\)"):
        comparison(regimes, law, "chats")
    with pytest.raises(NotFound, match="no question 'why'"):
        comparison(regimes, law, "public-posts").column("consent").cell("why")


def test_short_title_stops_at_the_colon(shipped):
    _, law = shipped
    assert short_title(law["dsm-art-4-3"]) == "EU copyright (DSM Directive) Article 4(3)"
    assert short_title(law["gdpr-art-7-3"]) == "GDPR Article 7(3)"


def test_the_outcomes_in_french(shipped, french):
    regimes, law = load_regimes(), load_law()
    photos = comparison(regimes, law, "photographer-images")

    def plain(text: str) -> str:  # French typography's no-break spaces, read as the spaces they are
        return text.replace("\u00a0", " ").replace("\u202f", " ")

    assert plain(outcome(photos.column("mining"))) == (
        "Droit d'auteur : l'exception de fouille, sauf réservation de droits — inclus par défaut : utilisé sauf si "
        "quelqu'un agit (opt-out) ; qui doit agir : le photographe, en réservant ses droits sur ses photos.")
    assert plain(contrast(photos)).startswith("Même contenu, options par défaut opposées : avec le consentement")


# ------------------------------------------------------------------------------------------------ content checks
def _drop_workplace_mining(text: str) -> str:
    start = text.index("      - id: mining\n", text.index("  - id: workplace-messages"))
    return text[:start] + text[text.index("    examples:", start):]


@pytest.mark.parametrize("edit, said", [
    (_drop_workplace_mining,
     ["(kind of content 'workplace-messages'), field 'regimes': no answers for the regime(s) mining"]),
    (lambda text: text.replace("law: [gdpr-art-21-4]", "law: [gdpr-art-21-5]", 1),
     ["(kind of content 'public-posts', answers 'legitimate-interest'), field 'publish.law[1]': unknown legal text "
      "'gdpr-art-21-5'", "Did you mean 'gdpr-art-21-4'?"]),
    (lambda text: text.replace("        case: slack-2024\n", "", 1),
     ["(kind of content 'workplace-messages', example 'slack'), field 'sources': an example needs a case"]),
], ids=["missing-regime", "unknown-legal-text", "example-without-source"])
def test_a_mistake_in_the_regimes_file_is_named_by_file_line_entry_and_field(data_copy, edit, said):
    path = data_copy / "regimes.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    _counts, problems = check_all(data_copy)
    lines = [str(p) for p in problems]
    assert any(f"{path}, line" in line and all(s in line for s in said) for line in lines), lines


def test_a_missing_regimes_file_is_a_message_in_the_notebook(data_copy):
    (data_copy / "regimes.yaml").unlink()
    view = kit.show_regimes()
    assert "kit-error" in view._dom_classes
    assert "regimes.yaml" in view.value and "file missing" in view.value


# ------------------------------------------------------------------------------------------------------- view
def test_changing_the_content_kind_changes_the_three_outcomes_a_person_reads():
    view = kit.show_regimes()
    shown = visible_text(view)
    assert "Public posts under three regimes" in shown
    for words in ("GDPR: consent — out by default: not used unless someone agrees (opt-in); who must act: each "
                  "person who posted, by saying yes.",
                  "GDPR: legitimate interest, with a right to object — in by default: used unless someone acts "
                  "(opt-out); who must act: each person who posted, by objecting.",
                  "Copyright: the mining exception, with an opt-out — in by default: used unless someone acts "
                  "(opt-out); who must act: the rightholder, usually the author, by reserving the use."):
        assert words in shown
    view.picker.value = "photographer-images"
    shown = visible_text(view)
    assert "A photographer's images under three regimes" in shown and "Public posts under" not in shown
    assert "who must act: each person pictured, by saying yes." in shown
    assert "who must act: the photographer, by reserving the use." in shown
    assert "Kneschke v LAION (Hamburg, 2024–2025)" in shown  # where the regime was tested
    view.picker.value = "workplace-messages"
    shown = visible_text(view)
    assert "who must act: each person who wrote the messages, by objecting." in shown
    assert "The case “Slack and AI training on customer data, May 2024” is in notebook 05." in shown


def test_the_picker_and_table_are_accessible():
    view = kit.show_regimes("workplace-messages")
    assert view.picker.value == "workplace-messages"
    assert view.picker.description == "Content" and view.picker.tooltip and all(view.picker.tooltips)
    html = view.body.value
    assert html.count("<th scope='col'") == 4 and html.count("<th scope='row'") == 4
    assert "<caption" in html and "role='status'" in html
    # meaning in words, the mark beside them hidden from screen readers
    assert "<span aria-hidden='true'>○</span>" in html and "out by default" in html


def test_the_static_form_shows_every_kind_of_content():
    view = kit.show_regimes()
    bundle = view._repr_mimebundle_()
    body = bundle["text/html"]
    for name in ("Public posts", "Workplace messages", "A photographer&#x27;s images"):
        assert f"{name} under three regimes" in body
    assert bundle["text/plain"] == "Three regimes, one dataset: 3 kinds of content, each under 3 regimes."


def test_an_unknown_kind_is_a_message_not_a_traceback():
    view = kit.show_regimes("chats")
    assert "kit-error" in view._dom_classes and "chats" in view.value
