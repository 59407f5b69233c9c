"""nbval's debug log, formatted only when it is written.

nbval 0.11 (the newest) formats every kernel message it receives with ``pprint.pformat`` for a ``logger.debug`` line
(``nbval/kernel.py``, ``NbvalKernelspecManager.get_message``), whether or not anything logs at debug level: about
0.7 ms a message. A notebook's widgets are one message each, so nbval charged a notebook of 300 widgets some 250 ms
that a student's Run All in JupyterLab never pays, and ``make bench`` counted it against the kit (a notebook of 16
cells each showing 20 HTML widgets: 1.24 × the floor with it, measured beside the floor in the same run). Loaded in
every pytest that runs nbval (``tests/conftest.py`` imports it; the bench passes ``-p tests.nbval_lazy``), it hands
nbval an object the logging module turns into that same text only if the line is written: what the kernel sends
and what nbval checks are unchanged.
"""

from __future__ import annotations

from pprint import pformat

import nbval.kernel

__all__ = ["LazyFormat"]


class LazyFormat:
    """``pformat(value)``, made when the log line is written (``str``), not when it is asked for."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __str__(self) -> str:
        return pformat(self.value)


nbval.kernel.pformat = LazyFormat
