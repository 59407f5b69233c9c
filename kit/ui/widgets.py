"""The ipywidgets the views are built from, sharing their layouts and styles (issue 15: speed).

Every ipywidgets control makes two more widgets of its own: a ``Layout`` and, for most, a style (``HTMLStyle``,
``ButtonStyle``…). Each is a model the kernel sends to the page, one message apiece, that the page builds and keeps.
The final quiz made 611 widgets, 316 of them layouts and styles, nearly all empty or alike. Here the controls share
them: one per kind and values. What a student sees and does is the same.

Views import this module as ``w``, in place of ``ipywidgets``: ``from . import widgets as w``. Anything else
(``w.Layout``, ``w.Widget``, ``w.FileUpload``…) is ipywidgets' own.

- A layout or style left out, or given as a dict (``layout={"width": "20em"}``), is shared.
- A ``w.Layout()`` given to a control is its own.
- A shared layout or style cannot be changed: changing it would change every control at once, so it raises. A view
  that shows, hides or restyles a control gives it its own: ``w.Button(..., layout=w.Layout())``.

A view is also sent to the page once, whole. A control is normally sent when it is made, and every change made
while the view is being put together (a tooltip, a CSS class, a first value, the chart drawn by the view's first
update) is one more message: 96 of them for the final quiz. Inside :func:`building` (every ``kit.show_...`` runs in
it, :func:`kit.ui.friendly`), the controls are sent when the view is complete, each with its final state, the
controls a control holds before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import ipywidgets

__all__ = ["building", "CHOICE_CLASS", "one_choice", "put_in", "Box", "Button", "Checkbox", "Dropdown", "HBox", "HTML",
           "RadioButtons", "SelectMultiple", "Text", "Textarea", "ToggleButtons", "VBox", "shared"]

_SHARED: dict[tuple, ipywidgets.Widget] = {}
_SEALED: dict[type, type] = {}
_pending: list[ipywidgets.Widget] = []  # made inside building(), not yet sent
_depth = 0


@contextmanager
def building() -> Iterator[None]:
    """Send the controls made inside to the page when the outermost ``building()`` ends, not one by one."""
    global _depth
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            pending = _pending[:]
            _pending.clear()
            for widget in pending:
                _open(widget)


def _open(widget: ipywidgets.Widget) -> None:
    """Send ``widget``, after every control its state names (a child, a layout): the page needs them first."""
    if widget.comm is not None:
        return
    for key in widget.keys:
        value = getattr(widget, key, None)
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(item, ipywidgets.Widget) and item.comm is None and item is not widget:
                _open(item)
    ipywidgets.Widget.open(widget)


def put_in(box: ipywidgets.Box, children) -> None:
    """Make ``children`` the controls of ``box``. A box already on the page gets them sent first, even while another
    view is being built (a view that rebuilds its rows when a file is read during another view's ``building()``):
    the page must know a control before a box can hold it."""
    children = tuple(children)
    if box.comm is not None:
        for child in children:
            _open(child)
    box.children = children


def _sealed(klass: type) -> type:
    """``klass`` whose synced traits cannot change once it is built."""
    if klass not in _SEALED:
        class Sealed(klass):
            def __setattr__(self, name, value):
                if self.__dict__.get("_kit_sealed") and not name.startswith("_") and name in self.keys:
                    raise AttributeError(f"this {klass.__name__} is shared by many of the kit's controls; give the "
                                         f"control its own (layout=w.Layout(), style={{...}}) before changing {name}")
                super().__setattr__(name, value)

        Sealed.__name__ = Sealed.__qualname__ = klass.__name__
        _SEALED[klass] = Sealed
    return _SEALED[klass]


def shared(klass: type, **values) -> ipywidgets.Widget:
    """The one unchangeable ``klass(**values)`` (a ``Layout`` or a style) this kernel's controls share.

    Made again when it was closed (``Widget.close_all()``): a closed widget has no model on the page to point to.
    """
    key = (klass, tuple(sorted(values.items(), key=lambda kv: kv[0])))
    inst = _SHARED.get(key)
    if inst is None or inst.comm is None:
        inst = _sealed(klass)(**values)
        inst.__dict__["_kit_sealed"] = True
        _SHARED[key] = inst
    return inst


def _lean(base: type) -> type:
    """``base`` whose layout and style are :func:`shared` when left out or given as a dict; a ``w.Layout()`` or a
    style instance given to it is its own."""
    kinds = {"layout": ipywidgets.Layout}
    style = base.class_traits().get("style")
    if style is not None:
        kinds["style"] = style.klass

    def __init__(self, *args, **kw):
        for name, klass in kinds.items():
            given = kw.get(name, {})
            if isinstance(given, dict):
                kw[name] = shared(klass, **given)
        base.__init__(self, *args, **kw)

    def open(self):
        if _depth and self.comm is None:
            _pending.append(self)  # sent, whole, when building() ends
            return
        base.open(self)

    return type(base.__name__, (base,), {"__doc__": base.__doc__, "__module__": __name__, "__init__": __init__,
                                        "open": open})


Box = _lean(ipywidgets.Box)
Button = _lean(ipywidgets.Button)
Checkbox = _lean(ipywidgets.Checkbox)
Dropdown = _lean(ipywidgets.Dropdown)
HBox = _lean(ipywidgets.HBox)
HTML = _lean(ipywidgets.HTML)
RadioButtons = _lean(ipywidgets.RadioButtons)
Select = _lean(ipywidgets.Select)
SelectMultiple = _lean(ipywidgets.SelectMultiple)
Text = _lean(ipywidgets.Text)
Textarea = _lean(ipywidgets.Textarea)
ToggleButtons = _lean(ipywidgets.ToggleButtons)
VBox = _lean(ipywidgets.VBox)


#: The class of a :func:`one_choice` list; the kit's style sheet (kit/ui/style.py) draws it as a list of options.
CHOICE_CLASS = "kit-choice"


def one_choice(options, description: str, value=None, **kw) -> ipywidgets.Select:
    """One answer out of several, as the radio-group pattern wants it (issue 27 item 3): a single Tab stop, the
    arrow keys choose, Tab goes on to the next control (Check), Enter there presses it. ``options`` are (label,
    value) pairs, as for ``RadioButtons``; nothing is chosen until the student chooses (``value=None``).

    ipywidgets 8's ``RadioButtons`` cannot do this: its view (RadioButtonsView, jupyterlab_widgets 3.0, and
    ipywidgets' main branch) draws each option as an ``<input type=radio>`` with no ``name``, so a browser takes
    each for a group of its own, one Tab stop per option; no style sheet or setting can join them, and the kit adds
    no JavaScript. The standard widget with one Tab stop that shows every option is ``Select``, a native list box.
    The style sheet makes it read as a list of options: long options wrap, a ○ or ● before each (the choice is not
    shown by colour alone), the box as tall as its options. ipywidgets writes a label's spaces as no-break spaces;
    tabs, which the page shows as spaces, keep the lines breakable. The description is as wide as its words
    (« Votre réponse » was cut at ipywidgets' fixed label width).
    """
    kw.setdefault("style", {"description_width": "initial"})
    box = Select(options=[(str(label).replace(" ", "\t"), v) for label, v in options], value=value,
                 rows=max(len(options), 2), description=description, **kw)
    box.add_class(CHOICE_CLASS)
    return box


def __getattr__(name: str):
    return getattr(ipywidgets, name)
