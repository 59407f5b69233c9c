"""The JupyterLab setting that keeps notebook shortcuts out of the kit's views (no JavaScript, only settings).

JupyterLab runs its command-mode shortcuts ("a"/"b" insert a cell, "m" makes it Markdown, arrow keys move to
another cell, "d d" deletes it, Shift+Enter runs it again) whenever the focused element is not editable text, and
ipywidgets' radio buttons, dropdowns, lists and buttons are not: pressed on a quiz option they edit the notebook.
Lumino picks, for a key, the binding whose selector matches closest to the focused element and is most specific.
This module writes, for every such key, one more binding that matches only inside ``.kit-view`` (the class every
kit view carries) and is more specific than JupyterLab's, with ``preventDefault: false``: the key keeps its normal
meaning for the control (arrow keys move between options, Space ticks) and no notebook command runs. Its command
is not registered, so Lumino only logs "Cannot execute key binding" to the browser console.

Undo and redo (:data:`NO_DEFAULT`) are the exception: on a control that holds no text, the browser's own undo acts on
whichever text box was last edited anywhere on the page, so Ctrl+Z on a quiz option would erase a number typed in
another question and move the focus there. Those bindings prevent the browser's default inside kit views.

``pip install`` puts the file in ``<prefix>/share/jupyter/lab/settings/overrides.d/`` (pyproject.toml,
``data-files``), where JupyterLab reads default settings. ``python -m kit.shortcuts`` prints it again from the
installed JupyterLab's own shortcut list (a test checks the shipped file is up to date).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

__all__ = ["FRONTENDS", "KEPT_SELECTORS", "NO_DEFAULT", "SELECTOR", "SETTINGS_FILE", "kept_keys", "overrides"]

PLUGIN = "@jupyterlab/shortcuts-extension:shortcuts"
COMMAND = "kit:keep-key-in-view"
#: More specific than every selector below, and matching the focused control itself (distance 0).
SELECTOR = ".jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) .kit-view :focus:not(:read-write)"
#: JupyterLab's selectors that match a focused widget control inside a notebook.
KEPT_SELECTORS = (
    ".jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus",
    "[data-jp-kernel-user]:not(.jp-mod-readWrite) :focus:not(:read-write)",
    "[data-jp-code-runner]",
    "[data-jp-undoer]",
)
#: Keys whose browser default reaches outside the focused control (undo, redo): prevented inside kit views.
NO_DEFAULT = (("Accel Z",), ("Accel Shift Z",), ("Accel Y",))
SETTINGS_FILE = Path(__file__).resolve().parent.parent / "jupyterlab-settings" / "consent-kit.json"
#: The packages whose shortcuts the shipped setting covers: JupyterLab's and Jupyter Notebook 7's own, at the versions
#: tests/constraints.txt pins (another extension a tester or a hub has installed is not the kit's to cover).
FRONTENDS = ("@jupyterlab", "@jupyter-notebook")


def schemas_dir() -> Path:
    return Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas"


def kept_keys(schemas: Path | None = None) -> list[list[str]]:
    """Every key sequence JupyterLab or Notebook 7 binds to a command that a focused control in a notebook would run
    (their own packages' schemas, :data:`FRONTENDS`: not those of whatever other extension is installed)."""
    keys = set()
    root = schemas or schemas_dir()
    for path in sorted(p for frontend in FRONTENDS for p in (root / frontend).rglob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for s in doc.get("jupyter.lab.shortcuts", []) if isinstance(doc, dict) else []:
            if s.get("selector") in KEPT_SELECTORS and any(s.get("keys", [])) and not s.get("disabled"):
                keys.add(tuple(s["keys"]))
    return [list(k) for k in sorted(keys)]


def overrides(schemas: Path | None = None) -> dict:
    keys = sorted({tuple(k) for k in kept_keys(schemas)} | set(NO_DEFAULT))
    bindings = [{"command": COMMAND, "keys": list(k), "selector": SELECTOR, "preventDefault": k in NO_DEFAULT}
                for k in keys]
    return {PLUGIN: {"shortcuts": bindings}}


def render(schemas: Path | None = None) -> str:
    return json.dumps(overrides(schemas), indent=1) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
