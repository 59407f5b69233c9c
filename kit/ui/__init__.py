"""ipywidgets views over the logic. Thin: they hold no rules of their own.

Every ``show_*`` function is wrapped by :func:`friendly`: a typo in a case id or a mistake in a content file shows a
readable message in the notebook instead of a traceback. Only the kit's own errors
(:class:`~kit.content.errors.KitError`) become messages: anything else is a bug and keeps its traceback, and
``KIT_DEBUG=1`` re-raises the kit's own too.
"""

from __future__ import annotations

import functools

from ..content.errors import KitError, debug
from ..i18n import t_or
from .args import bind

__all__ = ["friendly", "message_widget"]


def friendly(fn):
    """Turn content errors and bad arguments (the kit's own errors) into a readable message widget.

    Every view it returns carries the class ``kit-view`` and the kit's stylesheet (:mod:`kit.ui.style`); the
    JupyterLab setting in ``jupyterlab-settings/`` keeps notebook shortcuts out of elements with that class.
    """

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from .style import dress
        from .widgets import building

        with building():  # the view reaches the page once, complete (kit/ui/widgets.py)
            try:
                bind(fn, args, kwargs)
                return dress(fn(*args, **kwargs))
            except KitError as e:
                if debug():
                    raise
                return dress(message_widget(str(e)))

    return wrapper


def message_widget(message: str):
    from .html import error_html
    from .static import StaticHTML

    # The one-line text form uses the built-in words too: it must not need the UI strings that may have failed.
    widget = StaticHTML(error_html(message), summary=t_or("common.error", message=message))
    widget.add_class("kit-error")
    return widget
