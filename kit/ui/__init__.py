"""ipywidgets views over the logic. Thin: they hold no rules of their own.

Every ``show_*`` function is wrapped by :func:`friendly`: a typo in a case id or a mistake in a content file shows a
readable message in the notebook instead of a traceback.
"""

from __future__ import annotations

import functools

__all__ = ["friendly"]


def friendly(fn):
    """Turn content and input errors into a readable message widget instead of a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from ..content.errors import ContentError

        try:
            return fn(*args, **kwargs)
        except ContentError as e:
            return message_widget(str(e))
        except (KeyError, ValueError) as e:
            text = e.args[0] if e.args else str(e)
            return message_widget(str(text))

    return wrapper


def message_widget(message: str):
    from .html import error_html
    from .static import StaticHTML

    widget = StaticHTML(error_html(message), summary=message)
    widget.add_class("kit-error")
    return widget
