"""The interactive timeline: pick or step through events; each shows what happened, who, the source, how sure."""

from __future__ import annotations

from ..content.case import Case, Event
from ..i18n import t
from ..timeline import TimelineCursor
from . import html as h
from . import widgets as w
from .static import Static, StaticHTML

__all__ = ["TimelineView", "event_html", "timeline_plot_view"]


def event_html(case: Case, event: Event, position: int, total: int) -> str:
    parts = [
        f"<div style='color:{h.MUTED}'>{h.esc(t('timeline.position', n=position, total=total))}"
        f" · {h.esc(event.date.human())}</div>",
        h.heading(event.title),
        h.para(event.what),
    ]
    if event.who:
        parts.append(h.labelled(t("common.who"), h.esc(event.who)))
    if event.quote:
        parts.append(h.labelled(t("common.quote"), h.quote_of(event, "quote")))  # i13: with the kit's rendering
    if event.date_note:
        parts.append(h.labelled(t("common.date_note"), h.esc(event.date_note)))
    parts.append(h.provenance(case, event))
    return h.card("".join(parts), label=event.title)


class TimelineView(Static, w.VBox):
    """A dropdown of events, four step buttons and the chosen event in full."""

    def __init__(self, case: Case):
        self.case = case
        self.cursor = TimelineCursor.of(case)
        events = self.cursor.events
        self.picker = w.Dropdown(
            options=[(f"{e.date.human()} — {e.title}", i) for i, e in enumerate(events)],
            value=0,
            description=t("timeline.pick"),
            description_allow_html=False,
            layout={"width": "min(100%, 46em)"},
        )
        self.picker.tooltip = t("timeline.pick_description")
        self.first_button = self._button("first", lambda: 0)
        self.previous_button = self._button("previous", lambda: self.cursor.index - 1)
        self.next_button = self._button("next", lambda: self.cursor.index + 1)
        self.last_button = self._button("last", lambda: len(events) - 1)
        self.detail = w.HTML()
        self.picker.observe(self._picked, names="value")
        super().__init__(
            [
                w.HTML(h.heading(t("timeline.title", title=case.title), level=3)),
                self.picker,
                w.HBox([self.first_button, self.previous_button, self.next_button, self.last_button]),
                self.detail,
            ]
        )
        self._render()

    def _button(self, name: str, target) -> w.Button:
        b = w.Button(description=t(f"timeline.{name}"), tooltip=t(f"timeline.{name}_tooltip"))
        b.on_click(lambda button: self._step(button, target()))
        return b

    def _step(self, button: w.Button, index: int) -> None:
        """Go to an event; if that disables the pressed button, focus moves to the one that still works."""
        self.go(index)
        if button.disabled:  # a disabled button drops the keyboard focus to the page
            (self.previous_button if self.cursor.at_end else self.next_button).focus()

    def go(self, index: int) -> None:
        self.cursor.go(index)
        if self.picker.value != self.cursor.index:
            self.picker.value = self.cursor.index  # triggers _picked, which renders
        else:
            self._render()

    def _picked(self, change) -> None:
        self.cursor.go(change["new"])
        self._render()

    def static_html(self) -> str:
        """Every event in order, each with its sources and how sure we are."""
        events = self.cursor.events
        items = "".join(f"<li>{event_html(self.case, e, i, len(events))}</li>" for i, e in enumerate(events, 1))
        return (h.heading(t("timeline.title", title=self.case.title), level=3)
                + f"<ol style='list-style:none;padding-left:0'>{items}</ol>")

    def static_text(self) -> str:
        events = self.cursor.events
        return t("static.timeline", title=t("timeline.title", title=self.case.title), n=len(events),
                 start=events[0].date.human(), end=events[-1].date.human())

    def _render(self) -> None:
        c = self.cursor
        self.detail.value = event_html(self.case, c.current, c.index + 1, len(c.events))
        self.first_button.disabled = self.previous_button.disabled = c.at_start
        self.next_button.disabled = self.last_button.disabled = c.at_end


def timeline_plot_view(case: Case) -> w.HTML:
    """The case's events on a time axis, as an image with alt text and a caption."""
    from ..plots import figure_html
    from ..plots.timeline import timeline_alt, timeline_figure

    alt = timeline_alt(case)
    return StaticHTML(figure_html(timeline_figure(case), alt, t("timeline.plot_caption")), summary=alt)
