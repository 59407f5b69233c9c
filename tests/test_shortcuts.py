"""The JupyterLab setting that keeps notebook shortcuts out of kit views: complete, current and installed."""

from __future__ import annotations

import json
from pathlib import Path

from kit import shortcuts

ROOT = Path(__file__).resolve().parent.parent


def test_shipped_setting_covers_every_notebook_shortcut_of_this_jupyterlab():
    shipped = json.loads(shortcuts.SETTINGS_FILE.read_text())
    assert shipped == shortcuts.overrides(), (
        "jupyterlab-settings/consent-kit.json is out of date for this JupyterLab: run "
        "`python -m kit.shortcuts > jupyterlab-settings/consent-kit.json`")
    keys = {tuple(b["keys"]) for b in shipped[shortcuts.PLUGIN]["shortcuts"]}
    for k in [("A",), ("B",), ("M",), ("ArrowDown",), ("ArrowUp",), ("D", "D"), ("Shift Enter",), ("Accel Z",)]:
        assert k in keys, f"{k} would still reach the notebook"
    assert all(".kit-view" in b["selector"] for b in shipped[shortcuts.PLUGIN]["shortcuts"])
    # Keys keep their meaning for the control, except undo/redo, whose browser default reaches other questions.
    prevented = {tuple(b["keys"]) for b in shipped[shortcuts.PLUGIN]["shortcuts"] if b["preventDefault"]}
    assert prevented == {("Accel Z",), ("Accel Shift Z",), ("Accel Y",)}


def test_every_environment_installs_the_setting():
    target = "share/jupyter/lab/settings/overrides.d/consent-kit.json"
    assert "jupyterlab-settings/consent-kit.json" in (ROOT / "Makefile").read_text()
    assert target.rsplit("/", 1)[0] in (ROOT / "Makefile").read_text()
    post = (ROOT / "binder" / "postBuild").read_text()
    assert "overrides.d" in post and "jupyterlab-settings/consent-kit.json" in post


def test_another_extensions_shortcuts_leave_the_shipped_setting_alone(tmp_path):
    """The setting covers JupyterLab's and Notebook 7's own shortcuts: an extension a tester or a hub has installed
    beside them (here one binding Q in a notebook) neither fails the check above nor gets into the shipped file."""
    for frontend in shortcuts.FRONTENDS:
        (tmp_path / frontend).symlink_to(shortcuts.schemas_dir() / frontend)
    other = tmp_path / "@someone" / "notebook-extra" / "plugin.json"
    other.parent.mkdir(parents=True)
    other.write_text(json.dumps({"jupyter.lab.shortcuts": [
        {"command": "extra:do", "keys": ["Q"], "selector": shortcuts.KEPT_SELECTORS[0]}]}))
    assert shortcuts.overrides(tmp_path) == json.loads(shortcuts.SETTINGS_FILE.read_text())
