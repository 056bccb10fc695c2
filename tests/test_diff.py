"""What a content change does, and `python -m bot validate --diff OTHER_DIR`."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.content.diff import ContentDiff, describe_diff, diff_content
from bot.content.loader import load_content
from tests.conftest import MINI_ENTRIES, MINI_TIPS, write_content
from tests.test_pointers import MINI_WEGWEISER

CHANGED_ENTRIES = MINI_ENTRIES.replace("Zeitplan offenlegen", "Zeitplan zeigen").replace(
    "    related: [zeitplan]\n", ""
)
CHANGED_TIPS = MINI_TIPS.replace("tipp-2", "tipp-3")


def test_diff_names_added_changed_and_removed(tmp_path: Path, mini_content_dir: Path) -> None:
    other = write_content(tmp_path / "other", entries=CHANGED_ENTRIES, tips=CHANGED_TIPS)
    diff = diff_content(load_content(mini_content_dir), load_content(other))
    assert diff == ContentDiff(
        entries_changed=("augenhoehe", "zeitplan"),
        tips_added=("tipp-3",),
        tips_removed=("tipp-2",),
    )
    lines = describe_diff(diff, load_content(other))
    assert lines == [
        "Geänderte Einträge (2): augenhoehe, zeitplan",
        "Neue Tipps (1): tipp-3",
        "Entfernte Tipps (1): tipp-2",
    ]


def test_identical_content_has_an_empty_diff(mini_content_dir: Path) -> None:
    content = load_content(mini_content_dir)
    diff = diff_content(content, content)
    assert diff.empty
    assert describe_diff(diff, content) == [content.text("diff_none")]


def test_cli_validate_diff(
    tmp_path: Path, mini_content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = write_content(tmp_path / "other", tips=CHANGED_TIPS)
    assert main(["validate", str(mini_content_dir), "--diff", str(other)]) == 0
    out = capsys.readouterr().out
    assert "- Neue Tipps (1): tipp-3" in out
    assert "- Entfernte Tipps (1): tipp-2" in out


def test_cli_validate_diff_with_invalid_other_dir(
    tmp_path: Path, mini_content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = write_content(tmp_path / "other", tips="tips:\n  - id: x\n    entry: fehlt\n")
    assert main(["validate", str(mini_content_dir), "--diff", str(other)]) == 1
    assert "tips.yaml, Zeile 3" in capsys.readouterr().out


def test_diff_names_wegweiser_pointers(tmp_path: Path) -> None:
    old = load_content(write_content(tmp_path / "old", **{"wegweiser.yaml": MINI_WEGWEISER}))
    changed = MINI_WEGWEISER.replace("Versichert im Ehrenamt", "Versichert, wenn Sie helfen")
    gone = changed[: changed.index("  - id: versicherung")].replace(
        "id: foerdermittel", "id: foerdergeld"
    )
    new = load_content(write_content(tmp_path / "new", **{"wegweiser.yaml": gone}))
    assert describe_diff(diff_content(old, new), new) == [
        "Neue Wegweiser (1): foerdergeld",
        "Entfernte Wegweiser (2): foerdermittel, versicherung",
    ]
    edited = load_content(write_content(tmp_path / "edit", **{"wegweiser.yaml": changed}))
    assert diff_content(old, edited) == ContentDiff(pointers_changed=("versicherung",))
