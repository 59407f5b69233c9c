"""What a view shows when something is wrong: the kit's own errors become a message; a bug keeps its traceback."""

from __future__ import annotations

import pytest
from conftest import visible_text

import kit
from kit.ui import friendly


def test_a_typo_in_an_id_is_a_message_not_a_traceback():
    out = kit.show_law("gdpr-article-99")
    shown = visible_text(out)
    assert "no legal text 'gdpr-article-99'" in shown and "kit-error" in out._dom_classes
    assert "no case 'no-such-case' (there are: " in visible_text(kit.show_case_timeline("no-such-case"))
    assert "no simulation preset 'nope'" in visible_text(kit.show_simulation("nope"))


def test_a_bug_in_the_kit_is_not_hidden_behind_a_message():
    @friendly
    def broken():
        return {}["a key the kit forgot"]

    with pytest.raises(KeyError):
        broken()


def test_kit_debug_re_raises_the_kits_own_errors_too(monkeypatch):
    monkeypatch.setenv("KIT_DEBUG", "1")
    with pytest.raises(kit.NotFound, match="no case 'no-such-case'"):
        kit.show_case_timeline("no-such-case")
