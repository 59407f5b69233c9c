"""Whether a text meant for another language's reader shows English (issue 25).

One detector for ``kit check`` (the content a French student sees) and for the test that walks every rendered French
view (``tests/french_views.py``). A text shows English when, once its quotations (in « » or “ ”), its addresses and
the English its language keeps on purpose (proper names, titles of works, terms such as *opt-out*: declared in
``data/terminology/<lang>.yaml``) are taken out, it still holds

* a date with an English month ("21 November 2003", "May 2000"),
* one of the kit's own status codes ("seen-secondary"),
* a sentence id as the kit stores it ("after.p2.s1"; the views name the sentence in the reader's words, from the
  UI string ``sentence.label``: « version réécrite, § 2, phrase 1 »), or
* two or more common English words making at least a fifth of its words ("read in a proxy copy"); in a text known
  to be in English (``english=True``: a name or title of the English content, shown as it is), one is enough
  ("Summary of Slack's privacy principles page").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["ENGLISH_WORDS", "english_in", "without_quotations"]

_WORDS = """
the and of to is are was were with for this that which what how from by has have not it its their they you your
our we can could would should there been be will who when where these those than into about only each does did
because no yes any all but if so after before said says data users choose show next previous read owned
"""
ENGLISH_WORDS = frozenset(_WORDS.split())
_MONTHS = "January|February|March|April|June|July|August|September|October|November|December|May"
_DATE = re.compile(rf"\b\d{{1,2}} (?:{_MONTHS}) \d{{4}}\b|\b(?:{_MONTHS}) \d{{4}}\b")
_STATUS = re.compile(r"\b(?:seen-primary|seen-secondary)\b")
_SENTENCE_ID = re.compile(r"\b[\w-]+\.p\d+\.s\d+\b")  # kit.text.sentences: {version}.p{paragraph}.s{sentence}
_URL = re.compile(r"https?://\S+|\b[\w.-]+\.(?:com|org|fr|eu|net|io)\b\S*")
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def without_quotations(text: str) -> str:
    """``text`` with what it quotes (« … » and “ … ”) and its web addresses blanked out."""
    return _QUOTED.sub(" ", _URL.sub(" ", text))


def english_in(text: str, kept: Iterable[str] = (), english: bool = False) -> str | None:
    """Why ``text`` shows English ("an English date", "English words ['by', 'the']"), or None.

    ``kept``: English a reader of the language may see (proper names, titles of works, terms), taken out first.
    """
    cleaned = without_quotations(" ".join(str(text).split()))
    for k in sorted(kept, key=len, reverse=True):
        if k and k in cleaned:
            cleaned = cleaned.replace(k, " ")
    if _DATE.search(cleaned):
        return f"an English date ({_DATE.search(cleaned).group(0)!r})"
    if _STATUS.search(cleaned):
        return f"the kit's status code {_STATUS.search(cleaned).group(0)!r} (students read its words, as in the UI)"
    if _SENTENCE_ID.search(cleaned):
        return (f"the kit's sentence id {_SENTENCE_ID.search(cleaned).group(0)!r} (name the sentence in words, as "
                f"the views do with the UI string 'sentence.label')")
    words = _WORD.findall(cleaned)
    english_words = [w for w in words if w.lower() in ENGLISH_WORDS]
    if english and english_words or len(english_words) >= 2 and len(english_words) * 5 >= len(words):
        return f"English words {sorted({w.lower() for w in english_words})}"
    return None
