""""Keep your answers": the one component every notebook shows once, under the view that keeps its answers (a quiz, or a
writing set with its own save box); every other view of the notebook hands its work in to it (writing boxes, the
checklist, the claim checker, and a quiz that saves with another view, ``save_with``: :class:`KeptElsewhere`).

It holds the student's name, the opt-in "Save my answers" box, a status line, the download link, "Load answers"
and the questions asked before anything is discarded; the rules are in :mod:`kit.progress` (the file, atomic saves,
backups, damaged files set aside) and :mod:`kit.writing` (what a student writes or chooses outside a quiz question).

How a view uses it::

    self.keep = KeepAnswers(
        "law-audit",                      # the answers file's id: ~/.consent-kit/answers-law-audit.json
        answers=lambda: {...},            # the view's own entries {key: Entry.to_json()}, or None if it has none
        restore=self._restore,            # restore(answers, replace): put a file's entries back into the controls
        clear=self._clear,                # clear(): empty the controls (before Load answers puts a file's back)
        check=lambda doc: None,           # why a file's answers do not fit the view as it is now (None: they fit)
        on_change=self._saved,            # after each save: on_change(save) (the quiz's sharing follows)
    )
    children = [..., self.keep]

* what the view's controls hold is saved **as it is entered**: the view calls ``keep.changed()`` after a change
  (entries put in :mod:`kit.writing` by any view of the notebook call it themselves);
* on opening, a file saved before is read (the box comes back ticked) and put back: the view's own entries through
  ``restore``, the hand-in entries into :mod:`kit.writing`, whose views refill themselves (``writing.subscribe(...,
  on_restore=...)``); what was entered in this kernel before the file was read is kept, never replaced by it;
* ``keep.discard(action, question, yes, done)`` asks before ``action`` throws work away (Try again), copies the saved
  file aside first, and says where the copy is; "Load answers" does the same before it replaces anything.

A damaged file, or one whose answers no longer fit (``check``, or the ``check`` a view of the notebook gave
:func:`kit.writing.subscribe`), is set aside and named, never overwritten; a folder the kit cannot write to is said in
the status line.

A quiz whose ``save_with`` names another quiz or writing set of its notebook shows :class:`KeptElsewhere` in place of
the box: a line saying where its answers are kept, and the question asked before Try again, next to the quiz. Its
entries go into :mod:`kit.writing` (``quiz:<quiz>:<question>``) as they change, so the one box saves, downloads,
shares and restores them with everything else, and ``kit results`` reads them as rows of that quiz.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .. import progress, writing
from ..i18n import t
from . import html as h
from . import widgets as w

__all__ = ["Confirm", "KeepAnswers", "KeptElsewhere"]


class Confirm(w.VBox):
    """A question before something is discarded: the words, a button to go ahead and one to keep things as they are.
    Hidden until shown. Its words and buttons are made the first time they are needed: most are never shown, and
    each would be four more controls for the page to build (issue 26: a Run All's time goes into its controls)."""

    def __init__(self, yes: str, on_yes: Callable[[], None], on_no: Callable[[], None]):
        self._made: tuple[w.HTML, w.Button, w.Button] | None = None
        self._yes_words, self._on_yes, self._on_no = yes, on_yes, on_no
        super().__init__([], layout=w.Layout(display="none"))
        self.add_class("kit-confirm")

    def _parts(self) -> tuple[w.HTML, w.Button, w.Button]:
        if self._made is None:
            yes = w.Button(description=self._yes_words, button_style="warning", tooltip=self._yes_words)
            no = w.Button(description=t("quiz.confirm_cancel"), tooltip=t("quiz.confirm_cancel"))
            yes.on_click(lambda _b: self._on_yes())
            no.on_click(lambda _b: self._on_no())
            self._made = (w.HTML(), yes, no)
            w.put_in(self, [self._made[0], w.HBox([yes, no])])
        return self._made

    @property
    def text(self) -> w.HTML:
        return self._parts()[0]

    @property
    def yes(self) -> w.Button:
        return self._parts()[1]

    @property
    def no(self) -> w.Button:
        return self._parts()[2]

    def show(self, text: str, yes: str | None = None) -> None:
        self.text.value = f"<p role='alert'><strong>{h.esc(text)}</strong></p>"
        if yes is not None:
            self.yes.description = self.yes.tooltip = yes
        self.layout.display = None

    def hide(self) -> None:
        if self._made is not None:
            self.text.value = ""
        self.layout.display = "none"

    @property
    def visible(self) -> bool:
        return self.layout.display != "none"


class _AsksFirst(w.VBox):
    """Throwing answers away only after asking (when there is anything to lose), with the saved file copied aside
    first; the subclass gives ``discard_confirm``, ``status``, ``has_work()``, ``changed()`` and ``_copy_aside()``."""

    _pending: tuple[Callable[[], None], str] | None = None
    _loading = False
    discard_confirm: Confirm
    status: w.HTML

    def say(self, text: str) -> None:
        """Put ``text`` (plain words) in the status line."""
        self.status.value = h.esc(text)

    def _confirms(self) -> tuple[Confirm, ...]:
        return (self.discard_confirm,)

    def discard(self, action: Callable[[], None], question: str, yes: str, done: str) -> bool:
        """Run ``action`` (which throws the answers away), asking first when there is anything to lose; the saved
        file is copied aside before it is replaced and ``done`` says what happened. Returns whether it ran now."""
        self._pending = (action, done)
        if self.has_work():
            for c in self._confirms():
                c.hide()
            self.discard_confirm.show(question, yes)
            return False
        self._confirmed()
        return True

    def _confirmed(self) -> None:
        for c in self._confirms():
            c.hide()
        if self._pending is None:
            return
        action, done = self._pending
        self._pending = None
        kept = self._copy_aside()
        self._loading = True
        try:
            action()
        finally:
            self._loading = False
        self.changed()
        self.say(done + kept)

    def _cancelled(self) -> None:
        for c in self._confirms():
            c.hide()
        self._pending = None
        self.say(t("quiz.nothing_changed"))

    def has_work(self) -> bool:  # pragma: no cover - every subclass says
        raise NotImplementedError

    def changed(self, save: bool = True) -> None:  # pragma: no cover - every subclass says
        raise NotImplementedError

    def _copy_aside(self) -> str:  # pragma: no cover - every subclass says
        raise NotImplementedError


class KeepAnswers(_AsksFirst):
    """Name, "Save my answers", status, download, "Load answers" and the questions before a discard (see above)."""

    def __init__(self, answers_id: str, answers: Callable[[], Mapping[str, dict]] | None = None,
                 restore: Callable[[Mapping[str, Any], bool], None] | None = None,
                 clear: Callable[[], None] | None = None,
                 check: Callable[[dict], str | None] | None = None, path: Path | None = None,
                 on_change: Callable[[bool], None] | None = None):
        self.answers_id = answers_id
        wanted = Path(path) if path else progress.answers_path(answers_id)
        self.path, moved = progress.usable_path(wanted)  # a folder in the file's place: the answers go beside it
        self._own = answers or dict
        self._restore_own = restore or (lambda _answers, _replace: None)
        self._clear_own = clear or (lambda: None)
        self._check = check
        self._on_change = on_change
        self._pending: tuple[Callable[[], None], str] | None = None  # what the discard question waits to do
        self._loading = True
        # continuous_update=False: the name is taken (and saved) when the student presses Enter or leaves the box,
        # not rewritten to disk on every keystroke.
        self.student = w.Text(value="", description=t("quiz.student"), placeholder=t("quiz.student_placeholder"),
                              continuous_update=False)
        self.student.tooltip = t("quiz.student_tooltip")
        self.save_box = w.Checkbox(value=False, description=t("quiz.save"), indent=False)
        self.save_box.tooltip = t("quiz.save_tooltip")
        self.status = w.HTML()
        self.download = w.HTML()
        self.upload = w.FileUpload(accept=".json,application/json", multiple=False, description=t("quiz.load"),
                                   tooltip=t("quiz.load_tooltip"))
        self.discard_confirm = Confirm(t("quiz.confirm_retry_yes"), self._confirmed, self._cancelled)
        self.load_confirm = Confirm(t("quiz.confirm_load_yes"), self._confirmed, self._cancelled)
        super().__init__([self.discard_confirm, w.HTML(h.heading(t("quiz.keep_heading"), level=4)), self.student,
                          self.save_box, self.status, self.download, self.upload, self.load_confirm])
        self.add_class("kit-keep")
        self._open_saved()
        if moved:
            self.status.value = h.card(h.esc(t("keep.moved", why=moved, path=str(self.path))),
                                       label=t("quiz.save")) + self.status.value
        self.student.observe(lambda _c: self.changed(), names="value")
        self.save_box.observe(lambda _c: self.changed(), names="value")
        self.upload.observe(self._uploaded, names="value")
        # What the student writes or chooses elsewhere in the notebook is saved with these answers, as it is entered;
        # a view that throws its part away asks this box to copy the saved file aside first.
        writing.subscribe(f"keep:{answers_id}", on_change=self.changed, keep_copy=self._copy_aside)

    # ------------------------------------------------------------------------------------------- what is kept
    @property
    def student_name(self) -> str | None:
        return self.student.value.strip() or None

    def answers(self) -> dict[str, dict]:
        """Every entry saved and downloaded: the view's own, then what was handed in (:mod:`kit.writing`)."""
        return {**self._own(), **writing.entries()}

    def has_work(self) -> bool:
        """Whether clearing or replacing the answers would lose anything the student did."""
        return progress.would_discard(self.answers(), self.student.value)

    def _fits(self, doc: Mapping[str, Any]) -> str | None:
        """Why a file's answers do not fit the views of the notebook as they are now (None: they fit)."""
        why = self._check(doc) if self._check is not None else None
        answers = doc.get("answers")
        return why or (writing.unusable(answers) if isinstance(answers, Mapping) else None)

    # ------------------------------------------------------------------------------------------- opening
    def _open_saved(self) -> None:
        loaded = progress.load(self.answers_id, self.path, check=self._fits)
        if loaded.problem and loaded.kept_aside is None:  # unreadable, or it could not be moved (read-only folder)
            self.status.value = h.card(h.esc(t("quiz.load_failed", problem=loaded.problem)), label=t("quiz.save"))
        elif loaded.problem:
            self.status.value = h.card(h.esc(t("quiz.corrupt", problem=loaded.problem.rstrip("."),
                                                aside=str(loaded.kept_aside))), label=t("quiz.save"))
        elif loaded.doc is not None:
            before = writing.entries()
            self._put_back(loaded.doc, replace=False)
            self.save_box.value = True  # they opted in before
            self.say(t("quiz.restored", path=str(self.path)))
            newer = any(loaded.answers.get(k) != v for k, v in before.items())  # entered before the file was read
            self._loading = False
            self.changed(save=newer)
            return
        self._loading = False
        self.changed(save=False)

    def _put_back(self, doc: Mapping[str, Any], replace: bool) -> None:
        """A file's answers back into the controls: what was handed in into :mod:`kit.writing` (entered in this
        kernel and not yet in a file wins, unless ``replace``), the rest through the view's ``restore``."""
        before, self._loading = self._loading, True
        try:
            answers = doc.get("answers", {})
            writing.restore(answers, replace=replace, keep=not replace)
            self._restore_own(answers, replace)
            if isinstance(doc.get("student"), str):
                self.student.value = doc["student"]
        finally:
            self._loading = before

    # ------------------------------------------------------------------------------------------- saving
    def changed(self, save: bool = True) -> None:
        """After any change: the download link follows the answers, and with the box ticked the file does too."""
        if self._loading:  # while answers are being put back
            return
        student = self.student_name
        text = progress.dump(self.answers_id, self.answers(), student)
        self.download.value = (
            f"<p><a download='{h.esc(progress.download_name(self.answers_id, student))}' "
            f"href='{progress.data_uri(text)}' class='kit-download'>{h.esc(t('quiz.download'))}</a><br>"
            f"<small>{h.esc(t('quiz.download_help'))}</small></p>")
        if self.save_box.value:
            if save or not self.path.exists():
                self._save(student)
        elif not self.status.value:
            self.status.value = f"<small>{h.esc(t('quiz.not_saving', path=str(self.path)))}</small>"
        if self._on_change is not None:
            self._on_change(save)

    def _save(self, student: str | None) -> None:
        try:
            progress.save(self.answers_id, self.answers(), student, self.path)
        except OSError as e:
            if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                self.say(t("quiz.read_only", folder=str(self.path.parent)))
            else:
                self.say(t("quiz.save_failed", path=str(self.path), error=e.strerror or str(e)))
            return
        self.say(t("quiz.saved_to", path=str(self.path)))

    def _copy_aside(self) -> str:
        """Copy the saved file aside before it is replaced; the words that say where it went."""
        if not self.save_box.value:
            return ""
        try:
            kept = progress.backup(self.path)
        except OSError as e:
            return " " + t("quiz.save_failed", path=str(self.path), error=e.strerror or str(e))
        return " " + t("quiz.backup_kept", path=str(kept)) if kept else ""

    def _confirms(self) -> tuple[Confirm, ...]:
        return (self.discard_confirm, self.load_confirm)

    # ------------------------------------------------------------------------------------------- loading a file
    def load_text(self, content: bytes | str, name: str = "the file") -> bool:
        """Restore answers from a downloaded file's content; returns whether they were put in place now (the
        status says why not: a bad file, or answers on the page that the student must first agree to replace)."""
        try:
            doc = progress.parse(content, self.answers_id, name)
            why = self._fits(doc)
            if why:
                raise progress.AnswersError(f"{name} does not fit the quiz as it is now: {why}")
        except progress.AnswersError as e:
            self.say(t("quiz.load_failed", problem=str(e)))
            return False

        def replace() -> None:
            self._clear_own()
            self._put_back(doc, replace=True)

        self._pending = (replace, t("quiz.loaded", name=name))
        if self.has_work():
            self.discard_confirm.hide()
            self.load_confirm.show(t("quiz.confirm_load", name=name))
            return False
        self._confirmed()
        return True

    def _uploaded(self, change) -> None:
        files = change["new"]
        if not files:
            return
        f = files[0]
        content = f["content"] if isinstance(f, dict) else f.content
        name = f["name"] if isinstance(f, dict) else f.name
        self.load_text(bytes(content), name)


class KeptElsewhere(_AsksFirst):
    """In place of "Keep your answers", for a quiz whose answers another view's box keeps (``save_with``): a line
    saying where that box is, a status line, and the question asked before Try again (see the module's docstring).

    It takes the same callables as :class:`KeepAnswers` (``answers``: the quiz's entries by question id; ``restore``,
    ``clear``, ``check``) and offers the same methods a quiz calls (``changed``, ``discard``, ``answers``,
    ``has_work``, ``load_text``)."""

    student_name = None

    def __init__(self, owner: str, host: str, answers: Callable[[], Mapping[str, dict]],
                 restore: Callable[[Mapping[str, Any], bool], None], clear: Callable[[], None],
                 check: Callable[[dict], str | None] | None = None):
        self.answers_id = owner
        self.host = host
        self.prefix = writing.quiz_key(owner, "")
        self._own, self._restore_own, self._clear_own = answers, restore, clear
        self._loading = True
        self.status = w.HTML()
        self.discard_confirm = Confirm(t("quiz.confirm_retry_yes"), self._confirmed, self._cancelled)
        note = w.HTML(f"<p><small>{h.esc(t('keep.kept_with', host=host))}</small></p>")
        super().__init__([self.discard_confirm, note, self.status])
        self.add_class("kit-kept-elsewhere")
        writing.subscribe(f"kept:{owner}", on_restore=self._refill, check=self._checker(check))
        self._refill()  # a box shown earlier in the notebook may have read them from its file already
        self._loading = False

    def _checker(self, check: Callable[[dict], str | None] | None):
        if check is None:
            return None

        def fits(answers: Mapping[str, Any]) -> str | None:
            why = check({"answers": self._mine(answers)})
            return f"in the quiz '{self.answers_id}', {why}" if why else None

        return fits

    def _mine(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """This quiz's entries among a file's (or the store's) answers, by question id."""
        n = len(self.prefix)
        return {k[n:]: v for k, v in answers.items() if isinstance(k, str) and k.startswith(self.prefix)}

    def answers(self) -> dict[str, dict]:
        return dict(self._own())

    def has_work(self) -> bool:
        return bool(self._own())

    def changed(self, save: bool = True) -> None:
        """The quiz's entries, as they are now, handed in to the notebook's box (which saves them if ticked)."""
        if self._loading:
            return
        writing.put_group(self.prefix, {self.prefix + qid: e for qid, e in self._own().items()})

    def _refill(self) -> None:
        """Put back what the notebook's box read from a file (or what it holds after Load answers)."""
        stored = self._mine(writing.group(self.prefix))
        if stored == self.answers():
            return
        before, self._loading = self._loading, True
        try:
            self._clear_own()
            self._restore_own(stored, True)
        finally:
            self._loading = before

    def _copy_aside(self) -> str:
        return writing.keep_copies()

    def load_text(self, content: bytes | str, name: str = "the file") -> bool:
        """A file is loaded in the notebook's box, which puts this quiz's answers back too."""
        self.say(t("keep.load_there", host=self.host))
        return False
