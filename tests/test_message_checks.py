"""messages.yaml texts: Telegram's HTML rules and the placeholders the code fills in."""

from __future__ import annotations

import ast
import dataclasses
import string
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.content import (
    PLACEHOLDERS,
    REQUIRED_MESSAGES,
    ContentDiff,
    ContentError,
    Finding,
    HTMLParseError,
    load_content,
    parse_html,
)
from bot.content.message_checks import message_problems
from bot.snapshot import Snapshot
from tests.conftest import CONTENT_DIR, write_content

GERMAN = (CONTENT_DIR / "messages.yaml").read_text(encoding="utf-8")
GREETING = "Guten Tag! Ich bin der <b>Beteiligungslotse</b>."
FINDINGS_MORE = 'findings_more: "… und {count} weitere Fehler"'


def findings_for(tmp_path: Path, messages: str) -> list[Finding]:
    root = write_content(tmp_path / "c", messages=messages)
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return caught.value.findings


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


# (shipped text, broken text, key, words the finding must contain)
BROKEN = {
    "unknown-tag": (GREETING, "Guten Tag, <Name>! Ich bin der Lotse.", "greeting", "<Name>"),
    "bare-less-than": (GREETING, "Guten Tag! 3 < 4 <b>Lotse</b>.", "greeting", "&lt;"),
    "bare-ampersand": (GREETING, "Guten Tag! Ehrenamt & Verwaltung.", "greeting", "&amp;"),
    "bare-greater-than": (GREETING, "Guten Tag! 4 > 3.", "greeting", "&gt;"),
    "unclosed": (GREETING, "Guten Tag! Ich bin der <b>Lotse.", "greeting", "</b>"),
    "crossed": (GREETING, "Guten <b>Tag <i>und</b></i>.", "greeting", "</i>"),
    "stray-end": (GREETING, "Guten Tag!</b>", "greeting", "schließt nichts"),
    "span-without-class": (GREETING, "<span>Hallo</span>", "greeting", "tg-spoiler"),
    "attribute": (FINDINGS_MORE, 'findings_more: "… {given.upper}"', "findings_more", "Punkt"),
    "conversion": (FINDINGS_MORE, 'findings_more: "… {count!r}"', "findings_more", "{count}"),
    "format-spec": (FINDINGS_MORE, 'findings_more: "{count:09999}"', "findings_more", "{count}"),
    "positional": (FINDINGS_MORE, 'findings_more: "… {} mehr"', "findings_more", "{count}"),
    "unknown-name": (FINDINGS_MORE, 'findings_more: "{anzahl} mehr"', "findings_more", "{anzahl}"),
    "lone-brace": (FINDINGS_MORE, 'findings_more: "{count} mehr }"', "findings_more", "allein"),
    "none-expected": (GREETING, "Guten Tag, {name}!", "greeting", "ohne Platzhalter"),
}


@pytest.mark.parametrize(("old", "new", "key", "says"), BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_message_is_refused_with_file_line_and_key(
    tmp_path: Path, old: str, new: str, key: str, says: str
) -> None:
    assert old in GERMAN
    broken = GERMAN.replace(old, new, 1)
    found = findings_for(tmp_path, broken)
    assert [(f.file, f.field) for f in found] == [("messages.yaml", key)]
    assert found[0].line == line_of(broken, new)
    assert says in found[0].message


def test_a_broken_english_message_is_refused_too(content_copy: Path) -> None:
    path = content_copy / "en" / "messages.yaml"
    text = path.read_text(encoding="utf-8")
    old = 'text: "… and {count} more errors"'
    new = 'text: "… and {count.real} more <errors>"'
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    found = caught.value.findings
    assert {(f.file, f.field, f.line) for f in found} == {
        ("en/messages.yaml", "findings_more", line_of(text, old))
    }
    assert len(found) == 2  # the placeholder and the tag
    assert any("{count.real}" in f.message for f in found)
    assert any("<errors>" in f.message for f in found)


def test_braces_in_a_text_without_placeholders_are_shown_as_written() -> None:
    assert message_problems("greeting", "Mengen wie {1, 2} oder ein } allein") == []


def sample_values(key: str) -> dict[str, str]:
    return {name: f"Wert-{name}" for name in PLACEHOLDERS.get(key, ())}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_message_renders_to_html_telegram_accepts(
    shipped_snapshot: Snapshot, lang: str
) -> None:
    content = shipped_snapshot.content.in_language(lang)
    assert content.lang == lang
    for key, template in content.messages.items():
        values = sample_values(key)
        rendered = content.text(key, **values)
        try:
            shown, _ = parse_html(rendered, strict=True, strict_gt=True)
        except HTMLParseError as error:
            pytest.fail(f"{lang} {key}: Telegram would refuse it: {error}")
        used = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        for name in used:
            assert f"Wert-{name}" in shown, f"{lang} {key}: {{{name}}} not filled in"
        if not values:
            assert rendered == template


def test_placeholder_table_names_only_required_keys() -> None:
    assert set(PLACEHOLDERS) <= set(REQUIRED_MESSAGES)
    assert all(PLACEHOLDERS.values())


def keyword_calls() -> list[tuple[str, str, set[str]]]:
    """(where, key, keyword names) of `.text("key", name=…)` and `ChangeRejected("key", …)`."""
    calls = []
    paths = [*(PROJECT_ROOT / "bot").rglob("*.py"), *(PROJECT_ROOT / "handlers").rglob("*.py")]
    for path in sorted(paths):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            first = node.args[0]
            if name in ("text", "ChangeRejected", "change_text") and isinstance(
                first, ast.Constant
            ):
                names = {k.arg for k in node.keywords if k.arg}
                calls.append((f"{path.name}:{node.lineno}", str(first.value), names))
    return calls


def test_the_code_passes_only_declared_placeholders() -> None:
    calls = keyword_calls()
    assert len(calls) > 50  # the scan finds the calls at all
    for where, key, names in calls:
        if key in REQUIRED_MESSAGES:
            names -= {"version"} if key.endswith("_ok") else set()  # change_text adds it
            assert names <= PLACEHOLDERS.get(key, frozenset()), f"{where}: {key} {names}"


def test_keys_filled_in_indirectly_are_declared() -> None:
    for field in dataclasses.fields(ContentDiff):
        assert PLACEHOLDERS[f"diff_{field.name}"] == {"count", "ids"}
    for key in ("did_you_mean", "button_related", "button_tension", "button_principle"):
        assert PLACEHOLDERS[key] == {"title"}  # entry_button(content, entry, key)
    for key in ("reload_ok", "upload_ok", "rollback_ok"):
        assert "version" in PLACEHOLDERS[key]  # change_text
    for key in ("contact_email", "contact_phone", "contact_web", "contact_hours"):
        assert PLACEHOLDERS[key] == {"value"}
