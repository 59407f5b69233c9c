"""axe-core over what every notebook shows, in JupyterLab's light and dark themes and in Notebook 7.

Zero serious or critical violations, colour contrast included. The scan covers the cells' outputs (the kit's views),
not the frontends' own toolbars and menus, which the kit does not control.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import axe_scan, describe

NOTEBOOKS = sorted(p.name for p in (Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
OUTPUTS = ".jp-Notebook .jp-OutputArea-output"
pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", NOTEBOOKS)
@pytest.mark.parametrize("where", ["lab-light", "lab-dark", "notebook7"])
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
