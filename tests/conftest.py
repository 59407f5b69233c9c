"""Shared fixtures: a copy of the small fictional case, and a copy of the whole content folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def mini_case(tmp_path, monkeypatch) -> Path:
    """A writable copy of tests/fixtures/mini-case, with the working directory at its parent (short paths)."""
    dest = tmp_path / "mini-case"
    shutil.copytree(FIXTURES / "mini-case", dest)
    monkeypatch.chdir(tmp_path)
    return dest


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A writable copy of data/, made the kit's content folder through KIT_DATA."""
    dest = tmp_path / "data"
    shutil.copytree(ROOT / "data", dest)
    monkeypatch.setenv("KIT_DATA", str(dest))
    return dest


@pytest.fixture(scope="session")
def executed_notebooks(tmp_path_factory):
    """Every notebook (every language) run once per session, as ``make book`` runs them: ``{lang: [(path, nb)]}``.

    The static-form tests and the reading-edition tests share this one run.
    """
    from kit.book import execute_all, notebook_sets

    return execute_all(notebook_sets(ROOT / "notebooks"))
