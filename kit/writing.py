"""What a student writes and decides outside the quiz questions, handed in with the notebook's answers: text written
for the notebook's prompts (``kit.show_writing``), the checklist's verdicts and reasons, the claim checker's verdicts
and an audit's texts and findings (notebook 07, :mod:`kit.audit`).

No widgets here. One store per kernel (a notebook is one kernel): views put entries in with :func:`put` as the
student enters them, keyed ``writing:<set>:<n>``, ``checklist:<assessment>:<condition>``, ``claim:<item>`` or
``audit:…`` (:func:`kit.audit.key`); the
notebook's "Keep your answers" (:class:`kit.ui.keep.KeepAnswers`: the quiz's, or a writing set's own) adds every
entry to its answers, so they are saved at once with the same opt-in, put in the same download and read by
``kit results`` as rows of their own. Entries read back from a saved or loaded file are put back here and the views
that subscribed (:func:`subscribe`) refill themselves, so a view shown before or after the file was read shows them,
and a save never drops them. A new kind of entry is a new prefix in :data:`PREFIXES`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .quiz import Entry

__all__ = ["PREFIXES", "clear", "entries", "get", "is_extra", "put", "restore", "subscribe", "text_entry"]

#: The keys of entries this module holds, by the kind of view that wrote them.
PREFIXES = ("writing:", "checklist:", "claim:", "audit:")

_entries: dict[str, dict[str, Any]] = {}
# One listener per owner (a quiz, a writing set): a cell run again replaces its old view's listener.
_listeners: dict[str, Callable[[], None]] = {}
_restored: dict[str, Callable[[], None]] = {}


def is_extra(key: str) -> bool:
    return isinstance(key, str) and key.startswith(PREFIXES)


def text_entry(response: Any) -> dict[str, Any] | None:
    """The saved entry of something written (not graded): None when nothing was written."""
    if response is None or (isinstance(response, str) and not response.strip()):
        return None
    if isinstance(response, Mapping) and not any(v not in (None, "") for v in response.values()):
        return None
    return Entry(response=dict(response) if isinstance(response, Mapping) else response).to_json()


def put(key: str, response: Any) -> None:
    """Keep ``response`` under ``key`` (blank: forget it) and tell every listener (a quiz then saves)."""
    if not is_extra(key):
        raise ValueError(f"not a hand-in key: {key!r} (expected one of {', '.join(PREFIXES)})")
    e = text_entry(response)
    if e is None:
        if _entries.pop(key, None) is None:
            return
    elif _entries.get(key) == e:
        return
    else:
        _entries[key] = e
    for listener in list(_listeners.values()):
        listener()


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
        if is_extra(key) and isinstance(raw, Mapping) and text_entry(raw.get("response")) is not None:
            _entries[key] = Entry.from_json(raw).to_json()
    for listener in list(_restored.values()):
        listener()


def subscribe(owner: str, on_change: Callable[[], None] | None = None,
              on_restore: Callable[[], None] | None = None) -> None:
    """``on_change`` runs after a view puts an entry (a quiz saves); ``on_restore`` after a file's entries are
    put back (a writing view refills its boxes). One of each per ``owner``: a newer view replaces an older one."""
    if on_change is not None:
        _listeners[owner] = on_change
    if on_restore is not None:
        _restored[owner] = on_restore


def clear() -> None:
    """Forget every entry and listener (tests; a fresh kernel starts this way)."""
    _entries.clear()
    _listeners.clear()
    _restored.clear()
