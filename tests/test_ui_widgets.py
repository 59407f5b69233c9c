"""The views' controls share their layouts and styles (kit/ui/widgets.py): fewer models for the page to build, the
same page. What could go wrong: one control's change showing on every control, or a closed shared model."""

from __future__ import annotations

import ipywidgets
import ipywidgets.widgets.widget as registry
import pytest

import kit
from kit.ui import widgets as w


def _new_widgets(make) -> list:
    before = set(registry._instances)
    made = make()
    return made, [x for k, x in registry._instances.items() if k not in before]


def test_controls_left_with_defaults_share_one_layout_and_one_style():
    (a, b, c), _ = _new_widgets(lambda: (w.HTML("a"), w.HTML("b"), w.Button(description="c")))
    assert a.layout is b.layout is c.layout
    assert a.style is b.style
    assert isinstance(a, ipywidgets.HTML) and type(a).__name__ == "HTML"


def test_equal_dicts_share_and_a_layout_instance_stays_its_own():
    x = w.Dropdown(layout={"width": "20em"})
    y = w.Dropdown(layout={"width": "20em"})
    z = w.Dropdown(layout={"width": "30em"})
    own = w.Button(layout=w.Layout())
    assert x.layout is y.layout and x.layout.width == "20em"
    assert z.layout is not x.layout and z.layout.width == "30em"
    own.layout.display = "none"  # its own: hiding it hides nothing else
    assert w.Button().layout.display is None


def test_changing_a_shared_layout_or_style_raises_instead_of_changing_every_control():
    a, b = w.HTML("a"), w.HTML("b")
    with pytest.raises(AttributeError, match="shared"):
        a.layout.display = "none"
    with pytest.raises(AttributeError, match="shared"):
        a.style.font_size = "30px"
    assert b.layout.display is None and b.style.font_size is None


def test_a_closed_shared_layout_is_made_again():
    a = w.HTML("a")
    ipywidgets.Widget.close_all()
    b = w.HTML("b")
    assert b.layout is not a.layout and b.layout.comm is not None
    assert b.get_state()["layout"].startswith("IPY_MODEL_")


def test_the_final_quiz_sends_less_than_half_the_models_it_used_to():
    """611 models before the layouts and styles were shared (issue 15); each is a message and a model on the page."""
    _, made = _new_widgets(lambda: kit.show_quiz("final"))
    assert len(made) < 611 / 2
    layouts = [x for x in made if isinstance(x, ipywidgets.Layout)]
    assert len(layouts) <= 12


def _tree(widget) -> list:
    out = [widget]
    for child in getattr(widget, "children", ()):
        out += _tree(child)
    return out


def test_a_view_reaches_the_page_once_complete_and_changes_after_that_are_sent(monkeypatch):
    """Inside kit.show_... a view is sent whole: no update message for a tooltip, a class or a first value. Every
    control is then open, each one's state names controls already sent, and a later change is sent as usual."""
    sent = []
    monkeypatch.setattr(ipywidgets.Widget, "send_state", lambda self, key=None: sent.append((self, key)))
    opened = []
    real_open = ipywidgets.Widget.open

    def open_(self):
        was = self.comm
        real_open(self)
        if was is None and self.comm is not None:
            opened.append(self)

    monkeypatch.setattr(ipywidgets.Widget, "open", open_)
    view = kit.show_quiz("final")
    sim = kit.show_simulation()
    assert sent == []
    order = {id(x): i for i, x in enumerate(opened)}
    for top in (view, sim):
        for x in _tree(top):
            assert x.comm is not None, f"{type(x).__name__} was never sent to the page"
            for child in getattr(x, "children", ()):
                assert order.get(id(child), -1) < order.get(id(x), -1), "a control was sent before its children"
        assert top.get_state()["children"]  # every child has a model id
    sim.want.value = "37"  # after the view is shown: the change reaches the page
    assert any(w is sim.want and k == "value" for w, k in sent)


def test_a_view_that_fails_still_shows_its_message():
    view = kit.show_quiz("no-such-quiz")
    assert view.comm is not None and "no-such-quiz" in view.value
