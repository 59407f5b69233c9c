"""UI strings are data: a translation is a file, checked against the English one."""

from __future__ import annotations

import pytest

from kit import i18n
from kit.content import check_all


def test_strings_are_read_from_data_and_filled():
    assert i18n.t("timeline.position", n=2, total=15) == "Event 2 of 15"


def test_a_french_file_switches_the_views_without_code(data_copy):
    import yaml

    en = yaml.safe_load((data_copy / "ui" / "en.yaml").read_text())
    en["timeline"]["next"] = "Suivant ▶"
    en["timeline"]["position"] = "Événement {n} sur {total}"
    (data_copy / "ui" / "fr.yaml").write_text(yaml.safe_dump(en, allow_unicode=True))
    import kit

    try:
        kit.set_language("fr")
        view = kit.show_case_timeline("slack-2024")
        assert view.next_button.description == "Suivant ▶"
        assert "Événement 1 sur 15" in view.detail.value
    finally:
        kit.set_language("en")


def test_translation_missing_a_key_or_placeholder_is_reported(data_copy):
    (data_copy / "ui" / "fr.yaml").write_text("timeline:\n  position: \"Événement {n}\"\n")
    counts, problems = check_all(data_copy)
    fields = {p.field: p.message for p in problems if p.file.endswith("fr.yaml")}
    assert "placeholders" in fields["timeline.position"]
    assert "missing" in fields["timeline.next"]


def test_unknown_language_is_a_clear_error():
    with pytest.raises(Exception, match="no UI strings for the language 'xx'"):
        i18n.set_language("xx")
    assert i18n.language() == "en"


@pytest.mark.parametrize("lang, old, new", [
    ("en", '  title: "Quiz: {title}"', '  title: "Quiz: {title"'),
    ("fr", '  title: "Quiz\u00a0: {title}"', '  title: "Quiz\u00a0: {title"'),
    ("fr", '  position: "Position {n}"', '  position: "Position {n}}"'),
])
def test_malformed_placeholder_braces_are_named_with_file_line_and_key(data_copy, lang, old, new):
    """Issue 26 item 7: kit check raised a Python error on them; now each is one problem a translator can act on."""
    path = data_copy / "ui" / f"{lang}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    _counts, problems = check_all(data_copy)
    bad = [p for p in problems if "malformed placeholder braces" in p.message]
    assert len(bad) == 1, [str(p) for p in problems]
    p = bad[0]
    key = "quiz.position" if "position" in old else "quiz.title"
    assert p.file.endswith(f"ui/{lang}.yaml") and p.field == key
    assert p.line == text[: text.index(old)].count("\n") + 1
    assert "write {name} where the kit fills in a value, and {{ or }} for a brace shown as it is" in p.message
