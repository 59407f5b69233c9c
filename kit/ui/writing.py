"""Text boxes for the notebooks' "write a few sentences" prompts (``kit.show_writing``). The writing is kept by
:mod:`kit.writing` and saved and downloaded with the quiz of the notebook, or, in a notebook without a quiz, by the
"Keep your answers" component under the boxes (:class:`kit.ui.keep.KeepAnswers`: same opt-in, same file format,
read by ``kit results``).
"""

from __future__ import annotations

from pathlib import Path

from .. import writing
from ..content.writing import WritingSet
from ..i18n import t
from . import html as h
from . import widgets as w
from .keep import KeepAnswers
from .static import Static

__all__ = ["WritingView"]


def key(set_id: str, n: int) -> str:
    return f"writing:{set_id}:{n}"


class WritingView(Static, w.VBox):
    """One box per prompt; what is written is handed in with the notebook's answers, as it is written."""

    def __init__(self, wset: WritingSet, prompts: tuple[str, ...], answers_file: Path | None = None):
        self.wset = wset
        self.boxes: list[w.Textarea] = []
        self.prompts = prompts
        rows: list[w.Widget] = [w.HTML(h.heading(wset.title, level=3))]
        for n, prompt in enumerate(prompts, 1):
            box = w.Textarea(value=writing.get(key(wset.id, n)) or "", description=t("writing.answer", n=n),
                             placeholder=t("writing.placeholder"), continuous_update=False,
                             style={"description_width": "initial"},
                             layout={"width": "min(100%, 46em)", "height": "6em"})
            box.tooltip = t("writing.tooltip", n=n)
            box.observe(lambda c, n=n: writing.put(key(wset.id, n), c["new"]), names="value")
            self.boxes.append(box)
            rows += [w.HTML(f"<p><strong>{n}.</strong> {h.esc(prompt)}</p>"), box]
        self.note = w.HTML()
        rows.append(self.note)
        writing.subscribe(f"writing:{wset.id}", on_restore=self._refill)
        self.keep: KeepAnswers | None = None
        if wset.save_with == "own":  # a notebook without a quiz: the writing (and the checklist) keep their own file
            self.keep = KeepAnswers(wset.id, path=answers_file)
            rows.append(self.keep)
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
            box.value = writing.get(key(self.wset.id, n)) or ""
