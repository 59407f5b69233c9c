"""How the kit's modules import each other: ``import kit`` stays cheap, no import circle is held together by imports
inside functions, and no module reaches into another's private names."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parent.parent / "kit"
HEAVY = ("ipywidgets", "matplotlib", "pandas", "numpy", "babel")
#: What a function may import lazily: heavy optional libraries (playwright, which prints the handouts, comes only
#: with the test tools), and the views and plots that import them.
LAZY_OK = (*HEAVY, "nbformat", "nbclient", "nbconvert", "playwright", "kit.ui", "kit.plots")


def _module_name(path: Path) -> str:
    parts = path.relative_to(KIT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = sorted(_module_name(p) for p in KIT.rglob("*.py") if p.name != "__main__.py")
LOGIC = [m for m in MODULES if not m.startswith(("kit.ui", "kit.plots"))]


def _absolute(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(path: Path):
    module = _module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name, [alias.name]
        elif isinstance(node, ast.ImportFrom):
            yield node, _absolute(module, node, path.name == "__init__.py"), [a.name for a in node.names]


def test_import_kit_and_every_logic_module_leave_the_heavy_libraries_out():
    code = ("import json, sys\n" + "".join(f"import {m}\n" for m in LOGIC)
            + f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [], f"importing the logic modules loaded {out.strip()}"


def test_every_figure_of_the_student_notebooks_is_written_without_matplotlib():
    """Importing matplotlib took 300 ms and drawing a case's timeline 100 more, longer than the rest of notebook 01
    (issue 26, `make bench`): the timelines (01, 05) and the charts (03, 05) are SVG the kit writes."""
    code = ("import json, sys, kit\n"
            "views = [kit.show_timeline_plot('slack-2024'), kit.show_default_effects(), kit.show_simulation(),"
            " kit.show_case_plots()]\n"
            "kit.set_language('fr'); views.append(kit.show_timeline_plot('slack-2024'))\n"
            "html = ''.join(v.static_html() for v in views)\n"
            "print(json.dumps(['matplotlib' in sys.modules,"
            " html.count('data:image/svg+xml'), html.count('<img ')]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded, svg, images = json.loads(out)
    assert not loaded and svg == images and images >= 2 + 5 + 1 + 3


@pytest.mark.parametrize("path", sorted(KIT.rglob("*.py")), ids=lambda p: str(p.relative_to(KIT)))
def test_no_private_names_across_modules_and_no_lazy_imports_of_the_kit(path):
    text = path.read_text(encoding="utf-8")
    assert "noqa: E402" not in text
    module = _module_name(path)
    for node, target, names in _imports(path):
        if target.startswith("kit") and target != module:
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            assert not private, f"{module} imports private {private} from {target} (line {node.lineno})"
    lazy = {id(n): n for f in ast.walk(ast.parse(text)) if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
            for n in ast.walk(f) if isinstance(n, ast.Import | ast.ImportFrom)}
    for node, target, _names in _imports(path):
        if any(node.lineno == n.lineno for n in lazy.values()):
            assert target.startswith(LAZY_OK), (
                f"{module}, line {node.lineno}: imports {target} inside a function; only heavy optional libraries "
                "and the views that load them may be imported lazily")
