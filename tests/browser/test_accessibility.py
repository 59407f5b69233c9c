"""axe-core over what every notebook shows, in JupyterLab's light and dark themes, and over every kind of view in
Notebook 7.

Zero serious or critical violations, colour contrast included. The scan covers the cells' outputs (the kit's views),
not the frontends' own toolbars and menus, which the kit does not control.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import VIEWS, axe_scan, describe

NOTEBOOKS = sorted(p.name for p in (Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
OUTPUTS = ".jp-Notebook .jp-OutputArea-output"
pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("where", "name"), [(where, name) for where in ("lab-light", "lab-dark") for name in NOTEBOOKS]
                         + [("notebook7", VIEWS)])  # Notebook 7: every kind of view once (tests/browser/conftest.py)
def test_outputs_have_no_serious_accessibility_violations(request, where, name):
    frontend = request.getfixturevalue("notebook7" if where == "notebook7" else "lab")
    page = frontend.notebook(name)
    dark = where == "lab-dark"
    if dark:
        frontend.set_theme(page, dark=True)
    try:
        violations = axe_scan(page, OUTPUTS)
    finally:
        if dark:
            frontend.set_theme(page, dark=False)
    assert not violations, f"{where} {name}:\n{describe(violations)}"
