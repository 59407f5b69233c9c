"""One small stylesheet every kit view carries, scoped to ``.kit-view`` (the class :func:`kit.ui.friendly` adds).

It fixes what ipywidgets' own styles get wrong for teaching text, using only CSS (no JavaScript):

* a radio or checkbox option whose label wraps grows to fit it, instead of being drawn over the next option, and
  its focus ring is not cut off on the left;
* a one-of-several choice (:func:`kit.ui.widgets.one_choice`, a list box: one Tab stop) reads as a list of options:
  each wraps, is marked ○ or ● (not by colour alone), and the box is as tall as its options;
* focus rings are drawn in the text colour with a gap, so they show on the blue (primary) buttons and on both themes;
* links look like links (underlined, in JupyterLab's link colour);
* wide tables scroll inside their own box and never push the view past its output area, and their cells break lines
  only between words (a column is as wide as its longest word: "2023", not "202/3");
* a file-upload button is as wide as its words ("Charger des réponses (0)" was cut at ipywidgets' fixed width), and
  toggle buttons, status labels and the checklist's verdict row wrap rather than run past a narrow output area
  (French words are longer);
* figures (PNG on white) are turned down in JupyterLab's dark theme instead of glaring white.

A ``<style>`` element applies wherever it sits in the page, so the views carry it in a hidden HTML widget (or at the
start of an HTML view); several copies of the same rules do no harm.
"""

from __future__ import annotations

__all__ = ["CSS", "VIEW_CLASS", "dress", "style_tag"]

VIEW_CLASS = "kit-view"

CSS = """
.kit-view .widget-radio-box label, .kit-view .widget-checkbox label {
  display: flex; flex-direction: row; flex-wrap: nowrap; align-items: flex-start; gap: 0.45em;
  height: auto; min-height: var(--jp-widgets-radio-item-height, 20px); line-height: 1.35;
  white-space: normal; overflow: visible; margin: 0.15em 0; padding: 0;
}
.kit-view .widget-radio-box label input, .kit-view .widget-checkbox label input {
  order: -1; flex: none; margin: 0.2em 0 0 0;
}
.kit-view .widget-checkbox label span { white-space: normal; overflow: visible; text-overflow: clip; }
.kit-view .widget-checkbox { height: auto; min-height: var(--jp-widgets-inline-height, 28px); }
.kit-view .widget-radio-box { height: auto; margin-bottom: 0 !important; padding-left: 6px; }
.kit-view .widget-checkbox label { padding-left: 6px; }
.kit-view .kit-choice { width: auto; max-width: 100%; height: auto; }
.kit-view .kit-choice select { field-sizing: content; flex: 0 1 auto; width: auto; min-width: 12em;
  max-width: min(100%, 46em); height: auto; overflow-y: auto; padding: 0.15em 0; }
.kit-view .kit-choice option { white-space: normal; line-height: 1.35; padding: 0.2em 0.6em 0.2em 1.75em;
  text-indent: -1.2em; }
.kit-view .kit-choice option::before { content: "○" / ""; margin-right: 0.4em; }
.kit-view .kit-choice option:checked::before { content: "●" / ""; }
.kit-view .kit-choice option:checked { background: var(--jp-brand-color1, #1565c0);
  color: var(--jp-ui-inverse-font-color0, #fff); }
.kit-view .widget-radio { height: auto; align-items: flex-start; }
.kit-view .jupyter-button:focus-visible, .kit-view .widget-toggle-button:focus-visible,
.kit-view select:focus-visible, .kit-view input:focus-visible, .kit-view textarea:focus-visible,
.kit-view summary:focus-visible, .kit-view a:focus-visible, .kit-view .noUi-handle:focus-visible {
  outline: 3px solid var(--jp-content-font-color0, currentColor) !important; outline-offset: 2px;
  box-shadow: 0 0 0 2px var(--jp-layout-color0, transparent);
}
.kit-view a { color: var(--jp-content-link-color, #1a5fb4); text-decoration: underline; }
.kit-view summary { cursor: pointer; }
.kit-view .kit-scroll { max-width: 100%; overflow-x: auto; }
.kit-view table { max-width: 100%; }
.kit-view td, .kit-view th { overflow-wrap: normal; word-break: normal; }
.kit-view td .kit-status, .kit-view li .kit-status { white-space: normal !important; }
.kit-view .widget-html-content { max-width: 100%; overflow-wrap: anywhere; }
.kit-view .widget-inline-hbox, .kit-view .widget-box, .kit-view .widget-html {
  max-width: calc(100% - 2 * var(--jp-widgets-margin, 2px)); box-sizing: border-box;
}
.kit-view .widget-inline-hbox select, .kit-view .widget-inline-hbox input[type='text'] { min-width: 0; }
.kit-view .widget-button { max-width: 100%; height: auto; min-height: var(--jp-widgets-inline-height, 28px);
  white-space: normal; }
.kit-view .widget-upload { width: auto; max-width: 100%; }
.kit-view .widget-toggle-buttons { flex-wrap: wrap; max-width: 100%; }
.kit-view .widget-toggle-button { white-space: normal; height: auto; max-width: 100%;
  min-height: var(--jp-widgets-inline-height, 28px); }
.kit-view.kit-checklist .widget-hbox { flex-wrap: wrap; }
[data-jp-theme-light='false'] .kit-view figure img {
  filter: invert(0.86) hue-rotate(180deg); background: white;
}
"""


def style_tag() -> str:
    return f"<style>{CSS}</style>"


def dress(widget):
    """Mark a view with ``kit-view`` and make it carry the stylesheet; returns the same widget."""
    import ipywidgets as w

    if not isinstance(widget, w.DOMWidget) or VIEW_CLASS in widget._dom_classes:
        return widget
    widget.add_class(VIEW_CLASS)
    if isinstance(widget, w.HTML):
        widget.value = style_tag() + widget.value
    elif isinstance(widget, w.Box):
        widget.children = (*widget.children, w.HTML(style_tag(), layout={"display": "none"}))
    return widget
