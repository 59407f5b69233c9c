"""Repository hygiene a user would notice: clean notebooks, short cells, Binder and the README in step."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import ROOT

NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
NOTEBOOK_IDS = [str(p.relative_to(ROOT / "notebooks")) for p in NOTEBOOKS]


def _pins(path):
    pins = {}
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            name, version = line.split("==")
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_notebooks_are_stored_without_outputs(path):
    nb = json.loads(path.read_text())
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, f"{path.name}: strip outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_code_cells_are_short_calls_into_kit(path):
    nb = json.loads(path.read_text())
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            lines = [ln for ln in "".join(cell["source"]).splitlines() if ln.strip() and not ln.startswith("#")]
            assert len(lines) <= 6, f"{path.name}: a code cell of {len(lines)} lines; move the code into kit"


def test_binder_pins_agree_with_the_tested_environment():
    binder, tested = _pins(ROOT / "binder" / "requirements.txt"), _pins(ROOT / "tests" / "constraints.txt")
    assert binder, "binder/requirements.txt pins nothing"
    for name, version in binder.items():
        assert tested.get(name) == version, f"{name}: Binder pins {version}, the tests ran {tested.get(name)}"


def test_binder_installs_the_kit_without_local_references():
    req = (ROOT / "binder" / "requirements.txt").read_text()
    assert not re.search(r"^\s*-e|^\s*\.\s*$", req, re.M)
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"
    post = (ROOT / "binder" / "postBuild").read_text()
    assert "pip install --no-deps -e ." in post and "set -euo pipefail" in post


def test_readme_binder_link_opens_the_first_notebook():
    readme = (ROOT / "README.md").read_text()
    links = re.findall(r"https://mybinder\.org/v2/gh/[^)\s]+", readme)
    assert links, "README has no Binder link"
    for link in links:
        target = re.search(r"urlpath=lab%2Ftree%2F([^&)]+)", link).group(1).replace("%2F", "/")
        assert (ROOT / target).exists(), f"Binder link opens {target}, which does not exist"
    assert "make lab" in readme and "make test" in readme


def test_notebook_text_does_not_count_what_the_data_decides():
    counts = r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(quick\s+|short\s+)?" \
             r"(questions|reflections)\b"
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        if not any("show_quiz(" in "".join(c["source"]) for c in cells):
            continue
        for i, cell in enumerate(cells, 1):
            if cell["cell_type"] == "markdown" and "instructor" not in cell["metadata"].get("tags", []):
                m = re.search(counts, "".join(cell["source"]), re.I)
                assert not m, f"{path.name}, cell {i}: '{m.group(0)}' will be wrong when the quiz data changes"


def test_nbval_formats_a_kernel_message_only_when_its_debug_line_is_written(monkeypatch, caplog):
    """tests/nbval_lazy.py: nbval pprinted every kernel message (0.7 ms each) for a debug line nothing wrote, which
    made `make bench` charge the kit's widgets a cost no student pays; the line, when written, is the same text."""
    import logging
    from pprint import pformat

    from nbval.kernel import RunningKernel

    from tests import nbval_lazy

    made = []
    monkeypatch.setattr(nbval_lazy, "pformat", lambda v: made.append(v) or pformat(v))
    msg = {"header": {"msg_type": "comm_open"}, "content": {"data": {"state": {"value": "x" * 50}}}}
    kernel = object.__new__(RunningKernel)  # get_message reads only the client
    kernel.kc = type("Client", (), {"get_iopub_msg": lambda self, timeout=None: msg})()
    with caplog.at_level(logging.INFO, logger="nbval"):
        assert kernel.get_message("iopub") is msg
    assert made == [] and not caplog.records
    with caplog.at_level(logging.DEBUG, logger="nbval"):
        kernel.get_message("iopub")
    assert made and caplog.records[-1].getMessage() == f"Kernel message (iopub):\n{pformat(msg)}"
