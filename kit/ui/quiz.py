"""Quiz views: a question (its text, its type's input from :mod:`kit.ui.questions`, Check, Hint, feedback) and a quiz
container with progress, score, retry, save and download.

The rules (grading, attempts, hints, shuffling, saving) live in :mod:`kit.quiz` and :mod:`kit.progress`; these
views only show them. Right and wrong are said in words with a symbol (✔ / ◐ / ✘), never by colour alone; every
control is a standard widget with a description, so it works with the keyboard and a screen reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..content.quiz import Question, Quiz
from ..i18n import t
from ..locale import typo
from ..plots.research import value_with_unit
from ..questions import question_type
from ..quiz import (
    Citation,
    Entry,
    QuestionState,
    entry,
    feedback,
    response_problem,
    restored_state,
    saved_response,
    shuffled_options,
    summarise,
    unusable_answers,
)
from . import html as h
from . import widgets as w
from .keep import KeepAnswers, KeptElsewhere
from .questions.base import input_view
from .share import share_view
from .static import Static, show_answer

__all__ = ["QuestionView", "QuizView", "question_sources_html", "question_view"]

def _citation_line(c: Citation) -> str:
    """A figure or quotation the question uses, shown from its one record (see :func:`kit.quiz.citations`)."""
    if c.error is not None:  # kit check names it; never a traceback here
        return h.esc(t("common.error", message=c.error))
    if c.figure is not None:
        f, s = c.figure, c.study
        text = typo(f"{s.authors} ({s.year}), {f.where}: {f.condition}: {value_with_unit(f)}")  # in the language
        return f"{h.link(f.source, text)}{h.read_in_copy(f.read_at)} {h.status_badge(f.status)}"
    links = ", ".join((h.link(src.url, src.title) if src.url else h.esc(src.title))
                      + h.read_in_copy(src.read_at, src.url) for src in c.sources)
    return (f"“{h.esc(c.words)}” — {h.esc(c.who)}, {h.esc(c.record.date.human())}: {links} "
            f"{h.status_badge(c.record.status)}")


def question_sources_html(question: Question, cited: tuple[Citation, ...] = ()) -> str:
    """The question's sources; the figures and quotations it uses are shown from their own records."""
    items = [_citation_line(c) for c in cited]
    items += [f"{h.link(s.url, s.title or s.url)}{h.read_in_copy(s.read_at)} {h.status_badge(s.status)}"
              for s in question.sources]
    if not items:
        return ""
    return h.labelled(t("quiz.sources"), h.bullets(items))


class QuestionView(w.VBox):
    """One question: its text, an input for its type, Check and Hint buttons, feedback in words and symbols."""

    def __init__(self, question: Question, n: int = 1, total: int = 1, seed: int | str = 0, on_change=None,
                 cited: tuple[Citation, ...] = ()):
        self.question = question
        self.cited = cited
        self.state = QuestionState()
        self._on_change = on_change
        self.options = shuffled_options(question, seed)
        self.heading = w.HTML(
            f"<div style='color:{h.MUTED}'>{h.esc(t('quiz.question_heading', n=n, total=total))}</div>"
            + h.heading(question.text, level=4)
        )
        self.input = input_view(question, self.options)  # the controls of the question's type
        graded = question.graded
        self.check_button = w.Button(
            description=t("quiz.check" if graded else "quiz.submit"),
            tooltip=t("quiz.check_tooltip" if graded else "quiz.submit_tooltip"),
            button_style="primary",
        )
        self.check_button.on_click(lambda _b: self.check())
        # Only a question with hints has the Hint button, the box holding both buttons and the place for its hints:
        # three controls fewer for the page to build for each question without (issue 26).
        self.hint_button = self.hints = None
        actions: list = [self.check_button]
        if question.hints:
            self.hint_button = w.Button(description=t("quiz.hint"), tooltip=t("quiz.hint_tooltip"))
            self.hint_button.on_click(lambda _b: self.hint())
            self.hints = w.HTML()
            actions = [w.HBox([self.check_button, self.hint_button]), self.hints]
        self.feedback = w.HTML()
        self.feedback.add_class("kit-quiz-feedback")
        super().__init__([self.heading, self.input.widget, *actions, self.feedback], layout={"margin": "0 0 1.2em 0"})
        self.add_class("kit-quiz-question")

    # ------------------------------------------------------------------------------------------- actions
    def response(self) -> Any:
        return self.input.response()

    def check(self) -> None:
        response = self.response()
        new = self.state.submit(self.question, response)
        if new is self.state:
            problem = response_problem(self.question, response)
            if self.state.can_submit(self.question) and problem:
                message = self.input.problem_text(problem, response)
                self.feedback.value = h.card(f"<strong role='status'>{h.esc(message)}</strong>", label=message)
            return
        self.state = new
        self._render()
        if self._on_change:
            self._on_change()

    def hint(self) -> None:
        self.state = self.state.next_hint(self.question)
        self._render_hints()
        if self._on_change:
            self._on_change()

    def restore(self, saved: dict | Entry) -> None:
        """Put back a saved answer: response, attempts and hints; the feedback is worked out again."""
        saved = saved if isinstance(saved, Entry) else Entry.from_json(saved)
        response = saved_response(self.question, saved.response)
        if response is not None:
            self.input.set_response(response)
        self.state = restored_state(self.question, self.response(), saved)
        self._render()

    def reset(self) -> None:
        self.state = QuestionState()
        self.input.reset()
        self._render()

    def entry(self) -> dict | None:
        """The answer as saved in an answers file (None if not answered)."""
        e = entry(self.question, self.state)
        return None if e is None else e.to_json()

    def static_html(self, n: int, total: int) -> str:
        """The question as text: the question, its options, and collapsed, the answer, explanation and sources."""
        q = self.question
        parts = [f"<div style='color:{h.MUTED}'>{h.esc(t('quiz.question_heading', n=n, total=total))}</div>",
                 h.heading(q.text, level=4), self.input.static_html()]
        answer = _answer_html(q)
        if q.explanation:
            answer += h.labelled(t("quiz.explanation"), h.para(q.explanation))
        if q.model_answer:
            answer += h.labelled(t("quiz.model_answer"), h.para(q.model_answer))
        if q.discussion:
            answer += h.labelled(t("quiz.discussion"), h.bullets(h.esc(d) for d in q.discussion))
        answer += question_sources_html(q, self.cited)
        if answer:
            parts.append(show_answer(answer))
        return f"<div class='kit-quiz-question' style='margin:0 0 1em 0'>{''.join(parts)}</div>"

    # ------------------------------------------------------------------------------------------- rendering
    def _render_hints(self) -> None:
        if self.hints is None:  # a question without hints
            return
        q, st = self.question, self.state
        shown = st.shown_hints(q)
        parts = [f"<strong>{h.esc(t('quiz.hint_n', n=i))}:</strong> {h.esc(x)}" for i, x in enumerate(shown, 1)]
        if shown and st.hints >= len(q.hints):
            parts.append(f"<em>{h.esc(t('quiz.no_more_hints'))}</em>")
        self.hints.value = h.bullets(parts) if parts else ""
        # The Hint and Check buttons stay enabled once used up: disabling the focused button would drop the keyboard
        # focus to the page. Pressed again, they change nothing and the feedback says why.

    def _render(self) -> None:
        q, st = self.question, self.state
        self._render_hints()
        fb = feedback(q, st)
        if fb.outcome is None:
            self.feedback.value = ""
            return
        parts = []
        if fb.outcome == "recorded":
            parts.append(f"<p style='font-size:1.05em' role='status'><strong>{h.esc(t('quiz.recorded'))}</strong></p>")
        elif fb.outcome == "submitted":
            parts.append(f"<p style='font-size:1.05em'><strong>{h.esc(t('quiz.submitted'))}</strong></p>")
            parts.append(h.labelled(t("quiz.model_answer"), h.para(fb.model_answer)))
            if fb.discussion:
                parts.append(h.labelled(t("quiz.discussion"), h.bullets(h.esc(d) for d in fb.discussion)))
        else:
            verdict = {"correct": t("quiz.correct"), "wrong": t("quiz.wrong")}.get(fb.outcome) or \
                t("quiz.partly", percent=fb.percent)  # one signal: ◐ alone, never "✘ Not quite. ◐ Partly right"
            parts.append(f"<p style='font-size:1.05em' role='status'><strong>{h.esc(verdict)}</strong></p>")
            if fb.picked:
                about = t("quiz.your_figure") if q.type == "numeric" else t("quiz.you_picked")
                parts.append(h.labelled(about, h.bullets(h.esc(f) for f in fb.picked)))
            if fb.attempts_left is not None:
                left = fb.attempts_left
                parts.append(f"<p>{h.esc(t('quiz.attempts_left', n=left) if left else t('quiz.no_attempts'))}</p>")
            if fb.explanation:
                parts.append(h.labelled(t("quiz.explanation"), h.para(fb.explanation)))
        if fb.sources:
            parts.append(question_sources_html(q, self.cited))
        self.feedback.value = h.card("".join(parts), label=t("quiz.explanation"))


def question_view(question: Question, **kw) -> QuestionView:
    return QuestionView(question, **kw)


def _answer_html(question: Question) -> str:
    """The right answer in words (nothing when the answer keys are withheld)."""
    words = question_type(question).answer_words(question)
    if words is None:
        return ""
    lines = [h.esc(line) for line in words.lines]
    if words.ordered:
        shown = "<ol>" + "".join(f"<li>{line}</li>" for line in lines) + "</ol>"
    else:
        shown = lines[0] if len(lines) == 1 else h.bullets(lines)
    return h.labelled(t("static.answer"), shown)


class QuizView(Static, w.VBox):
    """A whole quiz: the questions, "3 of 12 answered", the score at the end, Try again, and "Keep your answers"
    (:class:`kit.ui.keep.KeepAnswers`: name, save, download, load), or, for a quiz that saves with another view of
    its notebook (``save_with``), a line saying where its answers are kept (:class:`kit.ui.keep.KeptElsewhere`)."""

    def __init__(self, quiz: Quiz, seed: int | str = 0, answers_file: Path | None = None,
                 citations: Mapping[str, tuple[Citation, ...]] | None = None, kept_with: str | None = None):
        """``citations``: the figures and quotations each question names, from :func:`kit.quiz.citations`;
        ``kept_with``: the title of the view whose box keeps this quiz's answers (its ``save_with``)."""
        self.quiz = quiz
        self._seed = seed
        self._loading = True
        total = len(quiz.questions)
        cited = citations or {}
        self.questions = [QuestionView(q, i, total, seed, on_change=self._changed, cited=cited.get(q.id, ()))
                          for i, q in enumerate(quiz.questions, 1)]
        self.progress = w.HTML()
        self.score = w.HTML()
        self.score.add_class("kit-quiz-score")
        self.retry_button = w.Button(description=t("quiz.retry"), tooltip=t("quiz.retry_tooltip"))
        self.retry_button.on_click(lambda _b: self.retry())
        self.share = None
        check = lambda doc: unusable_answers(self.quiz, doc)  # noqa: E731
        self.keep: KeepAnswers | KeptElsewhere
        if quiz.save_with:  # another view's box keeps these answers: one box per notebook
            self.keep = KeptElsewhere(quiz.id, kept_with or quiz.save_with, answers=self._own_answers,
                                      restore=self._restore, clear=self._reset_all, check=check)
        else:
            # What the student writes elsewhere in the notebook (kit.show_writing, the checklist, the claim checker,
            # a quiz that saves with this one) is saved and downloaded with these answers.
            self.keep = KeepAnswers(quiz.id, answers=self._own_answers, restore=self._restore, clear=self._reset_all,
                                    check=check, path=answers_file, on_change=self._shared)
            self.share = share_view(quiz.id, lambda: (self.answers(), self.keep.student_name))
        header = h.heading(t("quiz.title", title=quiz.title), level=3) + (h.para(quiz.intro) if quiz.intro else "")
        super().__init__([
            w.HTML(header),
            self.progress,
            *self.questions,
            self.score,
            self.retry_button,
            self.keep,
            *([self.share] if self.share else []),
        ])
        self.add_class("kit-quiz")
        self._loading = False
        self._changed(save=False)

    # ------------------------------------------------------------------------------------------- state
    def _own_answers(self) -> dict[str, dict]:
        out = {}
        for v in self.questions:
            e = v.entry()
            if e is not None:
                out[v.question.id] = e
        return out

    def answers(self) -> dict[str, dict]:
        """Every entry the answers file holds: the questions', then what was handed in from other views."""
        return self.keep.answers()

    def static_html(self) -> str:
        total = len(self.quiz.questions)
        header = h.heading(t("quiz.title", title=self.quiz.title), level=3)
        header += h.para(self.quiz.intro) if self.quiz.intro else ""
        return header + "".join(v.static_html(i, total) for i, v in enumerate(self.questions, 1))

    def static_text(self) -> str:
        return t("static.quiz", title=t("quiz.title", title=self.quiz.title), n=len(self.quiz.questions))

    def summary(self):
        return summarise(self.quiz, {v.question.id: v.state for v in self.questions})

    def _restore(self, answers: Mapping[str, Any], replace: bool = False) -> None:
        """Put a file's answers back into the questions (the keep component calls it)."""
        before, self._loading = self._loading, True
        try:
            for v in self.questions:
                if v.question.id in answers:
                    v.restore(answers[v.question.id])
        finally:
            self._loading = before
        if not before:
            self._show_progress()

    def _changed(self, save: bool = True) -> None:
        if self._loading:  # during construction or while answers are being restored
            return
        self._show_progress()
        self.keep.changed(save)

    def _show_progress(self) -> None:
        s = self.summary()
        done = t("quiz.progress", answered=s.answered, total=s.total)
        self.progress.value = f"<p role='status'><strong>{h.esc(done)}</strong></p>"
        if s.complete and s.max_score:
            score = t("quiz.score", score=f"{s.score:.3g}", max=s.max_score, percent=round(s.percent),
                      correct=s.correct)
            self.score.value = h.card(f"<strong role='status'>{h.esc(score)}</strong>", label=score)
        elif s.complete and s.recorded:
            self.score.value = h.card(f"<strong role='status'>{h.esc(t('quiz.all_recorded'))}</strong>",
                                      label=t("quiz.all_recorded"))
        else:
            self.score.value = f"<p><em>{h.esc(t('quiz.score_pending'))}</em></p>"

    def _shared(self, save: bool) -> None:
        """After the answers were saved (or not): the shared copy in the class folder follows them."""
        if self.share is not None:
            self.share.update(save)

    def retry(self) -> None:
        """Clear every answer, after the student confirms when there is anything to lose."""
        self.keep.discard(self._reset_all, t("quiz.confirm_retry"), t("quiz.confirm_retry_yes"), t("quiz.cleared"))

    def _reset_all(self) -> None:
        """Clear every question at once, without saving or sharing after each one."""
        before, self._loading = self._loading, True
        try:
            for v in self.questions:
                v.reset()
        finally:
            self._loading = before
        self._show_progress()

    def load_text(self, content: bytes | str, name: str = "the file") -> bool:
        """Restore answers from a downloaded file's content (see :meth:`kit.ui.keep.KeepAnswers.load_text`)."""
        return self.keep.load_text(content, name)
