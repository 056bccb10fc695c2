"""Translations (content/en/): per-text German fallback, missing and stale notes, errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.content import ContentError, load_content
from bot.content.translation_sources import MESSAGES, source_hash
from tests.conftest import CONTENT_DIR


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the shipped content (German and English) to break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_shipped_content_is_translated() -> None:
    """Nearly everything has a current English version (new German texts may wait a little)."""
    content = load_content(CONTENT_DIR)
    english = content.in_language("en")
    assert english.lang == "en"
    assert english.text("greeting").startswith("Hello!")
    translatable = len(content.messages) + len(content.entries) + len(content.pointers)
    assert len(content.translation_notes) <= translatable // 20, content.translation_notes
    german = {e.id: e for e in content.entries}
    changed = [e for e in english.entries if e.title != german[e.id].title]
    assert len(changed) >= len(german) - 2


def test_german_content_is_itself_in_german() -> None:
    content = load_content(CONTENT_DIR)
    assert content.in_language("de") is content
    assert content.in_language("fr") is content


def test_a_missing_translation_falls_back_to_german_and_is_reported(copy: Path) -> None:
    english = copy / "en" / "messages.yaml"
    replace_in(english, "  chat_bye:\n", "  chat_bye_removed:\n")
    content = load_content(copy)
    assert content.in_language("en").text("chat_bye") == content.text("chat_bye")
    notes = {(n.file, n.entry, n.message) for n in content.translation_notes}
    assert ("en/messages.yaml", "chat_bye", "Die englische Übersetzung fehlt.") in notes
    assert any(n.entry == "chat_bye_removed" for n in content.translation_notes)


def test_a_stale_translation_shows_german_and_names_the_new_checksum(copy: Path) -> None:
    replace_in(copy / "messages.yaml", 'chat_bye: "Auf Wiedersehen!"', 'chat_bye: "Tschüss!"')
    content = load_content(copy)
    assert content.in_language("en").text("chat_bye") == "Tschüss!"
    (note,) = [n for n in content.translation_notes if n.entry == "chat_bye"]
    current = source_hash(type("M", (), {"text": "Tschüss!"})(), MESSAGES)
    assert note.file == "en/messages.yaml" and note.field == "de_hash"
    assert current in note.message and "veraltet" in note.message
    lines = (copy / "en" / "messages.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[note.line - 1].strip().startswith("de_hash:")


def test_validate_reports_missing_and_stale_translations(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace_in(copy / "en" / "messages.yaml", "  error:\n", "  error_gone:\n")
    replace_in(copy / "messages.yaml", 'chat_prompt: "Ihre Frage"', 'chat_prompt: "Frage"')
    assert main(["validate", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "en/messages.yaml, Eintrag „error“: Die englische Übersetzung fehlt." in out
    assert "Eintrag „chat_prompt“, Feld „de_hash“: Die Übersetzung ist veraltet" in out
    assert main(["validate", "--strict", str(copy)]) == 1


def test_broken_translation_yaml_is_an_error_with_file_and_line(copy: Path) -> None:
    replace_in(copy / "en" / "messages.yaml", "  greeting:\n", "  greeting: [\n")
    with pytest.raises(ContentError) as caught:
        load_content(copy)
    (finding,) = caught.value.findings
    assert finding.file == "en/messages.yaml" and finding.line > 0


def test_unknown_field_in_a_translation_is_an_error(copy: Path) -> None:
    replace_in(copy / "en" / "messages.yaml", '    text: "Goodbye!"', '    txt: "Goodbye!"')
    with pytest.raises(ContentError) as caught:
        load_content(copy)
    assert [(f.file, f.entry, f.field) for f in caught.value.findings] == [
        ("en/messages.yaml", "chat_bye", "txt")
    ]


def test_an_entry_translation_with_other_steps_keeps_the_german_steps(copy: Path) -> None:
    german = load_content(copy).entry("zeitplan")
    assert german is not None
    (copy / "en" / "entries").mkdir(parents=True, exist_ok=True)
    from bot.content.translation_sources import ENTRIES

    (copy / "en" / "entries" / "test.yaml").write_text(
        "entries:\n"
        "  zeitplan:\n"
        f"    de_hash: {source_hash(german, ENTRIES)}\n"
        "    title: Present a timeline\n"
        "    steps: [Only one step]\n",
        encoding="utf-8",
    )
    content = load_content(copy)
    english = content.in_language("en").entry("zeitplan")
    assert english is not None
    assert english.title == "Present a timeline"
    assert english.steps == german.steps and english.summary == german.summary
    fields = {n.field for n in content.translation_notes if n.entry == "zeitplan"}
    assert {"steps", "summary"} <= fields


def test_a_broken_english_small_talk_file_is_an_error_with_file_and_line(copy: Path) -> None:
    replace_in(copy / "en" / "smalltalk.yaml", "reply: smalltalk_praise", "reply: no_such_key")
    with pytest.raises(ContentError) as raised:
        load_content(copy)
    report = raised.value.report()
    assert "en/smalltalk.yaml" in report and "no_such_key" in report
