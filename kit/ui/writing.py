"""Text boxes for the notebooks' "write a few sentences" prompts (``kit.show_writing``), each with "Compare with a model
answer": once a student has written something, the model answer appears beside their own text (stacked when the page
is narrow), then the discussion points.

The writing is kept by :mod:`kit.writing` and saved and downloaded with the quiz of the notebook, or, for a set with
``save_with: own``, by the notebook's "Keep your answers" box under the boxes (:class:`kit.ui.keep.KeepAnswers`:
same opt-in, same file format, read by ``kit results``). A student copy released ``--without-model-answers`` has no
model answers: the button is not there and a line says the answers are discussed in class. Facilitation notes are for
instructors: no view shows them.
"""

from __future__ import annotations

from pathlib import Path

from .. import writing
from ..content.writing import WritingPrompt, WritingSet
from ..i18n import t
from . import html as h
from . import widgets as w
from .keep import KeepAnswers
from .static import Static, details

__all__ = ["PromptView", "WritingView", "comparison_html"]


def key(set_id: str, n: int) -> str:
    return f"writing:{set_id}:{n}"


def _text_html(text: str) -> str:
    """What a student wrote, as they wrote it: paragraphs and line breaks kept, nothing read as markup."""
    return f"<div style='white-space:pre-wrap;overflow-wrap:anywhere'>{h.esc(text)}</div>"


def comparison_html(written: str, prompt: WritingPrompt) -> str:
    """The student's text and the model answer side by side (each column at least 18em wide, so they stack on a
    narrow page), then the discussion points."""
    column = "flex:1 1 18em;min-width:0;margin:0"
    mine = (f"<section class='kit-compare-mine' style='{column}' aria-label='{h.esc(t('writing.yours'))}'>"
            f"{h.heading(t('writing.yours'), 5)}{_text_html(written)}</section>")
    model = (f"<section class='kit-compare-model' style='{column}' aria-label='{h.esc(t('writing.model'))}'>"
             f"{h.heading(t('writing.model'), 5)}{h.para(prompt.model_answer or '')}</section>")
    body = f"<div class='kit-compare' style='display:flex;flex-wrap:wrap;gap:0.6em 1.5em'>{mine}{model}</div>"
    if prompt.discussion:
        body += h.labelled(t("writing.discussion"), h.bullets(h.esc(d) for d in prompt.discussion))
    return h.card(body, label=t("writing.compare"))


class PromptView(w.VBox):
    """One prompt: its words, a box, and (when the prompt has a model answer) "Compare with a model answer"."""

    def __init__(self, set_id: str, n: int, text: str, prompt: WritingPrompt):
        self.set_id, self.n, self.text, self.prompt = set_id, n, text, prompt
        self.box = w.Textarea(value=writing.get(key(set_id, n)) or "", description=t("writing.answer", n=n),
                              placeholder=t("writing.placeholder"), continuous_update=False,
                              style={"description_width": "initial"},
                              layout={"width": "min(100%, 46em)", "height": "6em"})
        self.box.tooltip = t("writing.tooltip", n=n)
        self.box.observe(self._written, names="value")
        self.comparison = w.HTML()
        self.comparison.add_class("kit-writing-compare")
        rows: list[w.Widget] = [w.HTML(f"<p><strong>{n}.</strong> {h.esc(text)}</p>"), self.box]
        self.compare_button: w.Button | None = None
        if prompt.model_answer:
            self.compare_button = w.Button(description=t("writing.compare"),
                                           tooltip=t("writing.compare_tooltip", n=n))
            self.compare_button.on_click(lambda _b: self.compare())
            rows.append(self.compare_button)
        rows.append(self.comparison)
        self.shown = False
        super().__init__(rows, layout={"margin": "0 0 0.8em 0"})

    def compare(self) -> None:
        """Show the model answer beside what was written; with nothing written yet, ask for an answer first."""
        written = self.box.value.strip()
        if not written:
            self.shown = False
            message = t("writing.write_first")
            self.comparison.value = f"<p role='status'><strong>{h.esc(message)}</strong></p>"
            return
        self.shown = True
        self.comparison.value = comparison_html(self.box.value, self.prompt)

    def _written(self, change) -> None:
        writing.put(key(self.set_id, self.n), change["new"])
        self._follow()

    def _follow(self) -> None:
        """A comparison on show follows the text (a blank box takes it away)."""
        if self.shown and self.box.value.strip():
            self.comparison.value = comparison_html(self.box.value, self.prompt)
        elif self.comparison.value:
            self.shown = False
            self.comparison.value = ""

    def refill(self) -> None:
        self.box.value = writing.get(key(self.set_id, self.n)) or ""
        self._follow()


class WritingView(Static, w.VBox):
    """One box per prompt, each with its model answer on request; what is written is handed in with the notebook's
    answers, as it is written."""

    def __init__(self, wset: WritingSet, prompts: tuple[str, ...], answers_file: Path | None = None):
        self.wset = wset
        self.prompts = prompts
        self.items = [PromptView(wset.id, n, text, p)
                      for n, (text, p) in enumerate(zip(prompts, wset.prompts, strict=True), 1)]
        self.boxes: list[w.Textarea] = [p.box for p in self.items]
        rows: list[w.Widget] = [w.HTML(h.heading(wset.title, level=3)), *self.items]
        self.note = w.HTML()
        notes = []
        if not any(p.model_answer for p in wset.prompts):
            notes.append(t("writing.no_model_answers"))
        if wset.save_with != "own":
            notes.append(t("writing.saved_with_quiz"))
        self.note.value = "".join(f"<p><small>{h.esc(n)}</small></p>" for n in notes)
        rows.append(self.note)
        writing.subscribe(f"writing:{wset.id}", on_restore=self._refill)
        self.keep: KeepAnswers | None = None
        if wset.save_with == "own":  # the notebook's box: its quizzes, checklists and writing are kept here
            self.keep = KeepAnswers(wset.id, path=answers_file)
            rows.append(self.keep)
        super().__init__(rows, layout={"margin": "0 0 1em 0"})
        self.add_class("kit-writing")

    def static_html(self) -> str:
        """The prompts, numbered, each with what has been written so far (a reader writes on paper) and, folded, its
        model answer and discussion points."""
        items = []
        for p in self.items:
            body = h.esc(p.text)
            if p.box.value.strip():
                body += f"<blockquote>{_text_html(p.box.value)}</blockquote>"
            if p.prompt.model_answer:
                answer = h.labelled(t("writing.model"), h.para(p.prompt.model_answer))
                if p.prompt.discussion:
                    answer += h.labelled(t("writing.discussion"), h.bullets(h.esc(d) for d in p.prompt.discussion))
                body += details(t("writing.show_model"), answer)
            items.append(f"<li style='margin:0.4em 0'>{body}</li>")
        note = "" if any(p.prompt.model_answer for p in self.items) else h.para(t("writing.no_model_answers"))
        return h.heading(self.wset.title, level=3) + f"<ol>{''.join(items)}</ol>" + note

    def static_text(self) -> str:
        return f"{self.wset.title}: " + " ".join(f"{n}. {p}" for n, p in enumerate(self.prompts, 1))

    def _refill(self) -> None:
        for p in self.items:
            p.refill()
