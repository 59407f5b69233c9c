"""Static forms of the views: what a reader sees where widgets cannot run.

A live view is an ipywidget: JupyterLab, Notebook 7 and VS Code draw it from the kernel. Everywhere else (GitHub's
or nbviewer's preview, ``nbconvert --to html`` or ``--to markdown``, the reading edition of ``make book``) only the
other entries of the output's mime bundle are shown, and an ipywidget's is its Python repr
(``CompareView(children=(HTML(value=…``). :class:`Static` puts two more entries beside the widget's:

* ``text/html``: the view's current state as plain HTML (no script; collapsed parts are ``<details>``), from the
  view's :meth:`Static.static_html`;
* ``text/plain``: one sentence saying what the view holds, from :meth:`Static.static_text`.

A frontend that runs widgets still shows the live widget: it prefers the widget's mime type.
"""

from __future__ import annotations

from ..i18n import t
from . import html as h
from . import widgets as w

__all__ = ["Static", "StaticHTML", "details", "show_answer"]

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def details(summary: str, body_html: str, css_class: str = "kit-answer") -> str:
    """A collapsed block that needs no script: ``summary`` (text) opens ``body_html``."""
    return (f"<details class='{css_class}' style='margin:0.3em 0'><summary style='cursor:pointer'>"
            f"<strong>{h.esc(summary)}</strong></summary><div style='padding:0.2em 0 0.2em 1em'>{body_html}</div>"
            f"</details>")


def show_answer(body_html: str) -> str:
    """The model answer, behind "Show the answer"."""
    return details(t("static.show_answer"), body_html)


class Static:
    """Mixin for a view (put it before the widget class): adds its static HTML and a one-line text to its output."""

    def static_html(self) -> str:  # pragma: no cover - every view overrides it
        raise NotImplementedError

    def static_text(self) -> str:  # pragma: no cover - every view overrides it
        raise NotImplementedError

    #: True while ipywidgets makes the view's bundle (see :meth:`__repr__`).
    _kit_bundling = False

    def __repr__(self) -> str:
        # ipywidgets puts ``repr(self)`` in the bundle's text/plain, which the static text replaces; that repr walks
        # every control of the view and was about 10 ms of a notebook's views (fr/04, fr/03). Not needed there, it is
        # not made; ``repr(view)`` itself is ipywidgets' as before.
        if self._kit_bundling:
            return type(self).__name__
        return super().__repr__()

    def _repr_mimebundle_(self, **kwargs):
        self._kit_bundling = True
        try:
            bundle = super()._repr_mimebundle_(**kwargs)
        finally:
            self._kit_bundling = False
        if bundle is None:  # a closed widget shows nothing, as ipywidgets does
            return None
        data = dict(bundle)
        data["text/plain"] = self.static_text()
        data["text/html"] = f"<div class='kit-static'>{self.static_html()}</div>"
        return data


class StaticHTML(Static, w.HTML):
    """An HTML widget whose static form is its own HTML; ``summary`` is the one-line text."""

    def __init__(self, value: str = "", summary: str = "", **kwargs):
        super().__init__(value=value, **kwargs)
        self._summary = summary

    def static_html(self) -> str:
        return self.value

    def static_text(self) -> str:
        return self._summary or t("static.view")
