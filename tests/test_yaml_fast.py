"""Content read with libyaml's parser (issue 15) gives the same values and lines as the pure-Python loader."""

from __future__ import annotations

from pathlib import Path

import yaml

from kit.content import yamlio

DATA = Path(__file__).resolve().parent.parent / "data"


def _same(a, b, where: str) -> None:
    assert type(a) is type(b) and a == b, where
    if isinstance(a, dict):
        assert (a.line, a.key_lines) == (b.line, b.key_lines), f"{where}: lines differ"
        for k in a:
            _same(a[k], b[k], f"{where}/{k}")
    elif isinstance(a, list):
        assert (a.line, a.item_lines) == (b.line, b.item_lines), f"{where}: lines differ"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{i}]")


def test_the_pinned_pyyaml_has_libyaml_and_the_kit_uses_it():
    assert yaml.__with_libyaml__ and yamlio._FastLoader is not None


def test_every_content_file_reads_the_same_with_either_parser():
    files = sorted(DATA.rglob("*.yaml"))
    assert len(files) > 50
    for path in files:
        text = path.read_text(encoding="utf-8")
        _same(yaml.load(text, Loader=yamlio._Loader), yamlio.parse_yaml(text, str(path)), str(path))  # noqa: S506


def test_a_syntax_error_reads_as_the_pure_python_parser_words_it():
    import pytest

    from kit.content.errors import ContentError

    with pytest.raises(ContentError) as e:
        yamlio.parse_yaml("a: 1\n\tb: 2\n", "x.yaml")
    assert "line 2" in str(e.value) and "tab characters" in str(e.value)
