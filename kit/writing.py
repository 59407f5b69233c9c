"""What a student writes and decides outside the quiz questions, handed in with the notebook's answers: text written
for the notebook's prompts (``kit.show_writing``), the checklist's verdicts and reasons, the claim checker's verdicts,
the answers of a quiz that saves with another view of its notebook (``save_with``: notebook 04's check quizzes), and
an audit's texts and findings (notebook 07, :mod:`kit.audit`).

No widgets here. One store per kernel (a notebook is one kernel): views put entries in with :func:`put` as the
student enters them, keyed ``writing:<set>:<n>``, ``checklist:<assessment>:<condition>``, ``claim:<item>`` or
``quiz:<quiz>:<question>`` (a quiz's whole entries, :func:`put_group`) or ``audit:…`` (:func:`kit.audit.key`); the notebook's one "Keep your answers"
(:class:`kit.ui.keep.KeepAnswers`: the quiz's, or a writing set's own) adds every entry to its answers, so they are
saved at once with the same opt-in, put in the same download and read by ``kit results`` as rows of their own.
Entries read back from a saved or loaded file are put back here and the views that subscribed (:func:`subscribe`)
refill themselves, so a view shown before or after the file was read shows them, and a save never drops them. A view
may also give a ``check`` (why a file's entries do not fit it: the file is then set aside, as a quiz's own answers
are) and the box a ``keep_copy`` (copy the saved file aside before a view throws its entries away). A new kind of
entry is a new prefix in :data:`PREFIXES`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .quiz import Entry

__all__ = ["PREFIXES", "QUIZ", "clear", "entries", "get", "group", "is_extra", "keep_copies", "put", "put_group",
           "quiz_key", "restore", "split_quiz_key", "subscribe", "text_entry", "unusable"]

#: The entries of a quiz kept by another view's box: ``quiz:<quiz>:<question>``, each a whole quiz entry.
QUIZ = "quiz:"
#: The keys of entries this module holds, by the kind of view that wrote them.
PREFIXES = ("writing:", "checklist:", "claim:", "audit:", QUIZ)

_entries: dict[str, dict[str, Any]] = {}
# One listener per owner (a quiz, a writing set): a cell run again replaces its old view's listener.
_listeners: dict[str, Callable[[], None]] = {}
_restored: dict[str, Callable[[], None]] = {}
_checks: dict[str, Callable[[Mapping[str, Any]], str | None]] = {}
_copies: dict[str, Callable[[], str]] = {}


def is_extra(key: str) -> bool:
    return isinstance(key, str) and key.startswith(PREFIXES)


def quiz_key(quiz_id: str, question_id: str) -> str:
    """The key of a question's answer kept by another view's box."""
    return f"{QUIZ}{quiz_id}:{question_id}"


def split_quiz_key(key: str) -> tuple[str, str] | None:
    """(quiz, question) of a ``quiz:<quiz>:<question>`` key; None for any other key."""
    if not isinstance(key, str) or not key.startswith(QUIZ):
        return None
    quiz, sep, question = key[len(QUIZ):].partition(":")
    return (quiz, question) if sep and quiz and question else None


def _whole_entry(raw: Any) -> dict[str, Any] | None:
    """A quiz entry as kept (answered, or a hint seen): None for one with nothing in it."""
    if not isinstance(raw, Mapping):
        return None
    e = Entry.from_json(raw)
    return e.to_json() if e.response is not None or e.hints or e.attempts else None


def text_entry(response: Any) -> dict[str, Any] | None:
    """The saved entry of something written (not graded): None when nothing was written."""
    if response is None or (isinstance(response, str) and not response.strip()):
        return None
    if isinstance(response, Mapping) and not any(v not in (None, "") for v in response.values()):
        return None
    return Entry(response=dict(response) if isinstance(response, Mapping) else response).to_json()


def put(key: str, response: Any) -> None:
    """Keep ``response`` under ``key`` (blank: forget it) and tell every listener (a quiz then saves)."""
    if not is_extra(key) or key.startswith(QUIZ):
        raise ValueError(f"not a hand-in key: {key!r} (expected one of {', '.join(PREFIXES[:-1])}; a quiz's "
                         "entries go in with put_group)")
    e = text_entry(response)
    if e is None:
        if _entries.pop(key, None) is None:
            return
    elif _entries.get(key) == e:
        return
    else:
        _entries[key] = e
    _changed()


def _changed() -> None:
    for listener in list(_listeners.values()):
        listener()


def put_group(prefix: str, group_entries: Mapping[str, Mapping[str, Any]]) -> None:
    """Make the entries under ``prefix`` exactly ``group_entries`` (whole quiz entries, keyed with the prefix), and tell
    the listeners once if anything changed: a quiz kept by another view's box hands in all its answers at once."""
    if not prefix.startswith(QUIZ):
        raise ValueError(f"not a group prefix: {prefix!r} (expected {QUIZ}<quiz>:)")
    new = {}
    for key, raw in group_entries.items():
        if not key.startswith(prefix):
            raise ValueError(f"the key {key!r} is not under {prefix!r}")
        e = _whole_entry(raw)
        if e is not None:
            new[key] = e
    if group(prefix) == new:
        return
    for key in [k for k in _entries if k.startswith(prefix)]:
        del _entries[key]
    _entries.update(new)
    _changed()


def group(prefix: str) -> dict[str, dict[str, Any]]:
    """The entries whose keys start with ``prefix``."""
    return {k: v for k, v in _entries.items() if k.startswith(prefix)}


def get(key: str) -> Any:
    e = _entries.get(key)
    return None if e is None else e.get("response")


def entries() -> dict[str, dict[str, Any]]:
    """Every entry, as an answers file holds them."""
    return dict(_entries)


def restore(answers: Mapping[str, Any], replace: bool = False, keep: bool = False) -> None:
    """Put back the entries of a saved or loaded answers file (``replace``: forget those not in it; ``keep``: an
    entry already here, entered in this kernel before the file was read, is newer and stays)."""
    if replace:
        _entries.clear()
    for key, raw in answers.items():
        if keep and key in _entries:
            continue
        if split_quiz_key(key) is not None:
            e = _whole_entry(raw)
            if e is not None:
                _entries[key] = e
        elif is_extra(key) and isinstance(raw, Mapping) and text_entry(raw.get("response")) is not None:
            _entries[key] = Entry.from_json(raw).to_json()
    for listener in list(_restored.values()):
        listener()


def subscribe(owner: str, on_change: Callable[[], None] | None = None,
              on_restore: Callable[[], None] | None = None,
              check: Callable[[Mapping[str, Any]], str | None] | None = None,
              keep_copy: Callable[[], str] | None = None) -> None:
    """``on_change`` runs after a view puts an entry (a quiz saves); ``on_restore`` after a file's entries are
    put back (a writing view refills its boxes); ``check(answers)`` says why a file's answers do not fit the view
    (None: they fit); ``keep_copy()`` copies the saved file aside and returns the words that say where. One of each
    per ``owner``: a newer view replaces an older one."""
    for table, value in ((_listeners, on_change), (_restored, on_restore), (_checks, check), (_copies, keep_copy)):
        if value is not None:
            table[owner] = value


def unusable(answers: Mapping[str, Any]) -> str | None:
    """Why a file's ``answers`` do not fit a view that subscribed a ``check`` (the first reason), or None."""
    for check in list(_checks.values()):
        why = check(answers)
        if why:
            return why
    return None


def keep_copies() -> str:
    """Before a view throws its entries away: every box copies its saved file aside; the words that say where."""
    return "".join(copy() for copy in list(_copies.values()))


def clear() -> None:
    """Forget every entry and listener (tests; a fresh kernel starts this way)."""
    _entries.clear()
    _listeners.clear()
    _restored.clear()
    _checks.clear()
    _copies.clear()
