"""Text boxes for the notebooks' "write a few sentences" prompts (``kit.show_writing``). The writing is kept by
:mod:`kit.handin` and saved and downloaded with the quiz of the notebook, or, in a notebook without a quiz, by the
save box and download link under the boxes (same opt-in, same file format, read by ``kit results``).
"""

from __future__ import annotations

from pathlib import Path

from .. import handin, progress
from ..content.writing import WritingSet
from ..i18n import t
from . import html as h
from . import widgets as w
from .static import Static

__all__ = ["WritingView"]


def key(set_id: str, n: int) -> str:
    return f"writing:{set_id}:{n}"


class WritingView(Static, w.VBox):
    """One box per prompt; what is written is handed in with the notebook's answers."""

    def __init__(self, wset: WritingSet, prompts: tuple[str, ...], answers_file: Path | None = None):
        self.wset = wset
        self.boxes: list[w.Textarea] = []
        self.prompts = prompts
        rows: list[w.Widget] = [w.HTML(h.heading(wset.title, level=3))]
        for n, prompt in enumerate(prompts, 1):
            box = w.Textarea(value=handin.get(key(wset.id, n)) or "", description=t("writing.answer", n=n),
                             placeholder=t("writing.placeholder"), continuous_update=False,
                             style={"description_width": "initial"},
                             layout={"width": "min(100%, 46em)", "height": "6em"})
            box.tooltip = t("writing.tooltip", n=n)
            box.observe(lambda c, n=n: handin.put(key(wset.id, n), c["new"]), names="value")
            self.boxes.append(box)
            rows += [w.HTML(f"<p><strong>{n}.</strong> {h.esc(prompt)}</p>"), box]
        self.note = w.HTML()
        rows.append(self.note)
        handin.subscribe(f"writing:{wset.id}", on_restore=self._refill)
        self.own = wset.save_with == "own"
        if self.own:
            self.path = Path(answers_file) if answers_file else progress.answers_path(wset.id)
            self.student = w.Text(value="", description=t("quiz.student"), placeholder=t("quiz.student_placeholder"),
                                  continuous_update=False)
            self.student.tooltip = t("quiz.student_tooltip")
            self.save_box = w.Checkbox(value=False, description=t("quiz.save"), indent=False)
            self.save_box.tooltip = t("quiz.save_tooltip")
            self.save_status = w.HTML()
            self.download = w.HTML()
            rows += [w.HTML(h.heading(t("quiz.keep_heading"), level=4)), self.student, self.save_box,
                     self.save_status, self.download]
            loaded = progress.load(wset.id, self.path)
            if loaded.problem:
                self.save_status.value = h.esc(t("quiz.corrupt", problem=loaded.problem.rstrip("."),
                                                 aside=str(loaded.kept_aside)))
            elif loaded.doc is not None:
                handin.restore(loaded.answers)
                if isinstance(loaded.doc.get("student"), str):
                    self.student.value = loaded.doc["student"]
                self.save_box.value = True
                self.save_status.value = h.esc(t("quiz.restored", path=str(self.path)))
            self.student.observe(lambda _c: self._changed(), names="value")
            self.save_box.observe(lambda _c: self._changed(), names="value")
            handin.subscribe(f"handin:{wset.id}", on_change=self._changed)
            self._changed(save=False)
        else:
            self.note.value = f"<p><small>{h.esc(t('writing.saved_with_quiz'))}</small></p>"
        super().__init__(rows, layout={"margin": "0 0 1em 0"})
        self.add_class("kit-writing")

    def static_html(self) -> str:
        """The prompts, numbered, each with what has been written so far (a reader writes on paper)."""
        items = "".join(f"<li style='margin:0.4em 0'>{h.esc(p)}"
                        + (f"<blockquote>{h.esc(b.value)}</blockquote>" if b.value.strip() else "") + "</li>"
                        for p, b in zip(self.prompts, self.boxes, strict=True))
        return h.heading(self.wset.title, level=3) + f"<ol>{items}</ol>"

    def static_text(self) -> str:
        return f"{self.wset.title}: " + " ".join(f"{n}. {p}" for n, p in enumerate(self.prompts, 1))

    def _refill(self) -> None:
        for n, box in enumerate(self.boxes, 1):
            box.value = handin.get(key(self.wset.id, n)) or ""

    def answers(self) -> dict[str, dict]:
        return handin.entries()

    def _changed(self, save: bool = True) -> None:
        student = self.student.value.strip() or None
        text = progress.dump(self.wset.id, self.answers(), student)
        self.download.value = (
            f"<p><a download='{h.esc(progress.download_name(self.wset.id, student))}' "
            f"href='{progress.data_uri(text)}' class='kit-download'>{h.esc(t('quiz.download'))}</a><br>"
            f"<small>{h.esc(t('quiz.download_help'))}</small></p>")
        if self.save_box.value:
            if save or not self.path.exists():
                try:
                    progress.save(self.wset.id, self.answers(), student, self.path)
                    self.save_status.value = h.esc(t("quiz.saved_to", path=str(self.path)))
                except OSError as e:
                    self.save_status.value = h.esc(t("quiz.save_failed", path=str(self.path), error=e.strerror))
        elif not self.save_status.value:
            self.save_status.value = f"<small>{h.esc(t('quiz.not_saving', path=str(self.path)))}</small>"
