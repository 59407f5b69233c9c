"""The "Share my answers with my instructor" part of a quiz: a checkbox, a plain-words notice, Stop sharing.

The notice says exactly what is shared: the shared copy is the quiz's answers file (the same as the download), which
holds the quiz's own answers and every entry the notebook's other views hand in (:mod:`kit.writing`); the notice's
"what" lists the quiz's answers, then one phrase per kind of entry the store holds (``share.what_<kind>``, built
from :data:`kit.writing.PREFIXES`), so a new kind of hand-in cannot be shared without the notice naming it.

Shown only when a class folder is configured (``$KIT_CLASS_DIR``). Off by default; the rules are in
:mod:`kit.classroom`. The quiz calls :meth:`ShareView.update` after every change, so the shared copy follows the
student's answers while the box is ticked; "Stop sharing" (or unticking) deletes it and says so.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path

from .. import classroom, writing
from ..i18n import t
from ..locale import series
from . import html as h
from . import widgets as w

__all__ = ["SHARED_KINDS", "ShareView", "share_view", "what_is_shared"]

#: What a shared copy holds, in the notice's order: the quiz's own answers, then each kind of entry the notebook's
#: other views hand in (the kinds of :data:`kit.writing.PREFIXES`).
SHARED_KINDS: tuple[str, ...] = ("own", *(p.rstrip(":") for p in writing.PREFIXES))


def what_is_shared() -> str:
    """The notice's first line: every kind of entry the shared copy can hold, in words."""
    return t("share.notice_what", items=series(t(f"share.what_{kind}") for kind in SHARED_KINDS))


class ShareView(w.VBox):
    def __init__(self, quiz_id: str, folder: Path, payload: Callable[[], tuple[dict, str | None]]):
        self.quiz_id, self.folder, self._payload = quiz_id, Path(folder), payload
        self.ident = classroom.student_id()
        # The notice promises other students cannot read the copy only where the folder really keeps them out.
        who = "who" if classroom.keeps_students_apart(self.folder) else "who_open"
        self.notice = w.HTML(h.card(h.heading(t("share.heading"), 4) + h.bullets(
            [h.esc(what_is_shared())] + [h.esc(t(f"share.notice_{k}", folder=str(self.folder)))
                                         for k in (who, "where", "how_long", "stop")]), label=t("share.heading")))
        self.box = w.Checkbox(value=classroom.is_shared(quiz_id, self.folder, self.ident), description=t("share.box"),
                              indent=False)
        self.box.tooltip = t("share.box_tooltip")
        self.stop_button = w.Button(description=t("share.stop"), tooltip=t("share.stop_tooltip"),
                                    layout=w.Layout())  # its own: shown only while sharing
        self.stop_button.on_click(lambda _b: self.stop())
        self.status = w.HTML()
        self.status.add_class("kit-share-status")
        super().__init__([self.notice, self.box, self.stop_button, self.status])
        self.add_class("kit-share")
        self.box.observe(self._toggled, names="value")
        self._show()

    def _show(self, message: str | None = None) -> None:
        self.stop_button.layout.display = None if self.box.value else "none"
        if message is None:
            message = t("share.shared_before") if self.box.value else t("share.not_sharing")
        self.status.value = f"<p role='status'>{h.esc(message)}</p>"

    def _toggled(self, change) -> None:
        if change["new"]:
            self.update()
        else:
            self._withdraw()

    def update(self, save: bool = True) -> None:
        """Write the current answers to the class folder if the student opted in (atomic; replaces the old copy)."""
        if not self.box.value or not save:
            return
        answers, student = self._payload()
        try:
            classroom.share(self.quiz_id, answers, student, self.folder, self.ident)
        except OSError as e:
            self._show(t("share.failed", error=e.strerror or str(e)))
            return
        self._show(t("share.shared", n=len(answers), time=_dt.datetime.now().strftime("%H:%M:%S")))

    def stop(self) -> None:
        if self.box.value:
            self.box.value = False  # observed: deletes the copy
        else:
            self._withdraw()

    def _withdraw(self) -> None:
        try:
            classroom.withdraw(self.quiz_id, self.folder, self.ident)
        except OSError as e:
            self._show(t("share.stop_failed", error=e.strerror or str(e)))
            return
        self._show(t("share.stopped", folder=str(self.folder)))


def share_view(quiz_id: str, payload) -> ShareView | None:
    """The sharing view when a class folder is configured, else None (the option does not appear)."""
    folder = classroom.class_dir()
    return ShareView(quiz_id, folder, payload) if folder is not None else None
