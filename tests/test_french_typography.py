"""What a French student sees is typeset in French (issue 25): every view of the French notebooks, built from Python.

Each ``kit.show_*`` call of ``notebooks/fr/`` is made as the notebook makes it, with the language set to French, and
its text (every HTML value, the static copy, labels, tooltips, option labels, alt text) is read with its no-break
spaces kept. It must show no « &#x » (an escaped character escaped again), no « ' ; » (typography put into an HTML
entity: « Page d' ;origine »), no ":" without the space French puts before it, no ordinary space where a no-break
one belongs, and no English quotation marks “ ” around French words. English quoted as it was written, the English
the content declares (``data/terminology/fr.yaml``) and the places other work is changing are left out.
"""

from __future__ import annotations

import html as html_lib
import re

import pytest
from french_views import declared_english, html_texts, visible_texts

import kit
from kit.content.language import speaking
from tests.conftest import ROOT
from tests.test_editions import FR, kit_calls

_QUOTED_EN = re.compile(r"“[^”]*”")
_URL = re.compile(r"https?://\S+|\b[\w.-]+\.(?:com|org|fr|eu|net|io)\b\S*")
_FRENCH = frozenset(["le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "sont", "que", "qui", "pour",
                     "dans", "pas", "sur", "au", "aux", "ce", "cette", "il", "elle", "ne", "se", "ont", "a", "été",
                     "avec", "par", "leurs", "leur", "vos", "votre", "nous", "vous"])


def french_calls() -> list[str]:
    """Every view call of the French notebooks, in order, once each."""
    calls = [c for nb in FR.values() for c in kit_calls(nb) if c.startswith("kit.show_")]
    return list(dict.fromkeys(calls))


def _htmls(widget) -> list[str]:
    import ipywidgets as w

    found = [widget.value] if isinstance(widget, (w.HTML, w.HTMLMath)) else []
    for child in getattr(widget, "children", ()) or ():
        found += _htmls(child)
    return found


def _looks_french(text: str) -> bool:
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ']+", text.lower())
    french = [w for w in words if w in _FRENCH or w.endswith("'")]
    return len(french) >= 2 and len(french) * 5 >= len(words)


def typography_faults(texts: list[str], markup: list[str], declared: list[str]) -> list[str]:
    """What breaks French typography in a view: its texts (no-break spaces kept) and its raw HTML."""
    faults = []
    for text in texts:
        if "&#x" in text or "&amp;" in text or re.search(r"&[a-z]+;", text):
            faults.append(f"an escaped character escaped again: {text!r}")
        if re.search(r"['’][ \u00a0\u202f]+;", text):
            faults.append(f"typography inside an HTML entity (« ' ; »): {text!r}")
        bare = text
        for k in declared:
            bare = bare.replace(k, " ")
        bare = _URL.sub(" ", _QUOTED_EN.sub(" ", bare))
        if m := re.search(r"[^\s\u00a0\u202f\d]:(?=\s|$)", bare):
            faults.append(f"a colon without its space ({m.group(0)!r}): {text!r}")
        if m := re.search(r"(?<=\S) (?=[;:!?»])|« ", bare):
            faults.append(f"an ordinary space where French puts a no-break one ({bare[m.start()-3:m.end()+2]!r}): "
                          f"{text!r}")
    for html in markup:
        for m in _QUOTED_EN.finditer(html_lib.unescape(re.sub(r"<[^>]+>", " ", html))):
            if _looks_french(m.group(0)):
                faults.append(f"French words in English quotation marks: {m.group(0)!r}")
    return faults


def _view_faults(call: str, declared: list[str]) -> list[str]:
    widget = eval(call, {"kit": kit})  # noqa: S307 - the notebooks' own one-line calls
    assert "kit-error" not in getattr(widget, "_dom_classes", ()), (call, getattr(widget, "value", ""))
    markup = _htmls(widget) + ([widget.static_html()] if hasattr(widget, "static_html") else [])
    texts = visible_texts(widget, exact=True) + [t for h in markup for t in html_texts(h, exact=True)]
    return [f"{call}: {f}" for f in dict.fromkeys(typography_faults(texts, markup, declared))]


def test_the_walk_sees_every_view_of_the_french_notebooks():
    calls = french_calls()
    assert len(calls) >= 25, calls
    assert {c.split("(")[0] for c in calls} >= {"kit.show_law", "kit.show_checklist", "kit.show_default_effects",
                                                 "kit.show_opt_out", "kit.show_quiz", "kit.show_cases_table"}


@pytest.mark.parametrize("call", french_calls())
def test_every_french_view_is_typeset_in_french(call, tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path))
    with speaking("fr"):
        faults = _view_faults(call, declared_english(ROOT / "data"))
    assert faults == [], "\n".join(faults[:20])


# ------------------------------------------------------------------------------------------------ the rule itself
def test_the_rule_sees_each_defect_it_was_made_for():
    """Issue 25's defects, each as a view showed it: the rule names every one."""
    cases = {
        "Page d\u2019&#x27;origine": "escaped",  # an entity escaped twice
        "Page d' ;origine\u00a0:": "HTML entity",  # typography put into &#x27;
        "Repose sur: RGPD, article 4.11": "colon without its space",  # a hard-coded ": "
        "Ce qui s'est passé ensuite :": "ordinary space",
    }
    for text, expected in cases.items():
        faults = typography_faults([text], [], [])
        assert any(expected in f for f in faults), (text, faults)
    # an official French text in English quotation marks
    assert typography_faults([], ["<blockquote>“11) «consentement» de la personne concernée, toute manifestation de "
                                  "volonté”</blockquote>"], [])
    # and the right ones pass: French spacing, English quoted in “ ”, a declared English title with its own colon
    assert typography_faults(["Repose sur\u00a0: RGPD", "“Your data is your data.”", "Source\u00a0: Defaults versus "
                              "framing: Revisiting", "https://doi.org/10.1126/x"], ["<p>“We do not train”</p>"],
                             ["Defaults versus framing: Revisiting"]) == []


def test_labels_get_the_french_colon_and_quotations_their_language_s_marks():
    """The helpers the views share: typography on plain text before escaping, never on markup or titles."""
    from kit.locale import colon, quoted, typo
    from kit.ui import html as h

    with speaking("fr"):
        assert h.labelled("Page d'origine", "x").count("&#x27;") == 1 and "&#x27;\u202f;" not in h.labelled(
            "Page d'origine", "x")
        assert "Page d&#x27;origine\u00a0:" in h.labelled("Page d'origine", "x")
        assert colon("Repose sur", "RGPD, article 4.11 : …") == "Repose sur\u00a0: RGPD, article 4.11 : …"
        assert quoted("texte") == "«\u00a0texte\u00a0»" and quoted("text", "en") == "“text”"
        assert "«\u00a011) «consentement»" in h.quote("11) «consentement»", "fr")
        assert typo("d&#x27;origine ; x") == "d&#x27;origine\u202f; x"  # an entity's ';' is not punctuation
        assert kit.t("defaults.cite", authors="A", year=2003, title="Do Defaults Save Lives?", venue="V",
                     link="L").count("Lives?,") == 1  # an English title keeps its own typography
    with speaking("en"):
        assert colon("Rests on", "x") == "Rests on: x" and h.quote("x").endswith("“x”</blockquote>")


def test_a_version_option_gives_its_date_once():
    """Review R9: « Avant la modification (telle que citée les 16 et 17 mai 2024) (16 mai 2024) »."""
    import re as _re

    with speaking("fr"):
        view = kit.show_version_comparer("slack-2024")
        labels = [label.replace("\t", " ") for label, _ in view.old.options]  # a one-choice list's breakable spaces
    assert len(labels) == 2 and labels[1].startswith("Après la modification (17")
    assert all(len(_re.findall(r"\b20\d\d\b", x)) == 1 for x in labels), labels


@pytest.mark.parametrize("code", ["en", "fr"])
def test_the_kits_separators_are_babels(code):
    """kit.locale writes numbers with its own table of separators (faster than asking babel each time): the table
    must say what babel says."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    from kit.locale import SEPARATORS

    assert SEPARATORS[code] == (get_decimal_symbol(code), get_group_symbol(code))


@pytest.mark.parametrize("value", [0, 7, 12.5, 99.97, 100000, 1234567.25, -20, -8.5, 0.1, 2.3, 97.66, 1e6])
@pytest.mark.parametrize("digits", [None, 0, 1, 2])
def test_a_french_number_reads_as_babel_writes_it(value, digits):
    from babel.numbers import format_decimal

    from kit.locale import MINUS, number

    if digits is None:
        expected = format_decimal(value, locale="fr", decimal_quantization=False)
    else:
        expected = format_decimal(round(value, digits), format=f"#,##0.{'0' * digits}" if digits else "#,##0",
                                  locale="fr")
    assert number(value, digits, "fr") == expected.replace("-", MINUS)


@pytest.mark.parametrize("month", range(1, 13))
def test_a_french_date_reads_as_babel_writes_it(month):
    """kit.content.dates writes French dates with its own month names (faster than asking babel): they must read as
    babel's long date, with « 1er » for the first of the month, and babel's month and year."""
    import datetime as dt

    from babel.dates import format_date

    from kit.content.dates import PartialDate

    for day in (1, 2, 17, 28):
        expected = format_date(dt.date(2024, month, day), "long", locale="fr")
        expected = expected.replace("1 ", "1er ", 1) if day == 1 else expected
        assert PartialDate(2024, month, day).human("fr") == expected
    assert PartialDate(2024, month).human("fr") == format_date(dt.date(2024, month, 1), "LLLL y", locale="fr")
    assert PartialDate(2024).human("fr") == "2024"


@pytest.mark.parametrize("short", [False, True])
def test_a_french_months_name_on_its_own_is_babels(short):
    """A timeline's axis names months on their own (« mai 2024 », « 17 mai »): the kit's table says what babel says."""
    from babel.dates import get_month_names

    from kit.locale import month_text

    names = get_month_names("abbreviated" if short else "wide", context="stand-alone", locale="fr")
    assert [month_text(m, "fr", short) for m in range(1, 13)] == [names[m] for m in range(1, 13)]
