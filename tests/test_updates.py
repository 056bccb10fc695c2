"""Upload targets and change rules of the core (the Telegram side is in test_content_admin)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.admin.backups import Backups
from bot.admin.updates import (
    ChangeRejected,
    apply_upload,
    reload_if_changed,
    rollback,
    upload_target,
)
from bot.snapshot import ContentStore
from tests.conftest import MINI_TIPS


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("tips.yaml", "tips.yaml"),
        ("Topics.yml", "topics.yaml"),
        ("messages.yaml", "messages.yaml"),
        ("glossary.yaml", "glossary.yaml"),
        ("synonyms.yaml", "synonyms.yaml"),
        ("smalltalk.yaml", "smalltalk.yaml"),
        ("contacts.yml", "contacts.yaml"),
        ("dialog.yaml", "entries/dialog.yaml"),
        ("neues-thema.yml", "entries/neues-thema.yaml"),
    ],
)
def test_upload_target(name: str, target: str) -> None:
    assert upload_target(name) == target


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("statements.yaml", "upload_protected"),
        ("../tips.yaml", "upload_not_yaml"),
        ("bild.png", "upload_not_yaml"),
        ("", "upload_not_yaml"),
    ],
)
def test_upload_target_refuses(name: str, key: str) -> None:
    with pytest.raises(ChangeRejected) as caught:
        upload_target(name)
    assert caught.value.key == key


def test_upload_then_rollback_then_nothing_left(mini_content_dir: Path, tmp_path: Path) -> None:
    store = ContentStore(mini_content_dir)
    backups = Backups(tmp_path / "backups")
    change = apply_upload(
        store, backups, "tips.yaml", MINI_TIPS.replace("tipp-2", "tipp-9").encode()
    )
    assert change.diff.tips_added == ("tipp-9",)
    assert reload_if_changed(store) is None  # the upload itself is not seen as a disk change
    undone = rollback(store, backups)
    assert undone is not None and undone.diff.tips_added == ("tipp-2",)
    assert rollback(store, backups) is None


def test_invalid_backup_is_not_restored(mini_content_dir: Path, tmp_path: Path) -> None:
    store = ContentStore(mini_content_dir)
    backups = Backups(tmp_path / "backups")
    apply_upload(store, backups, "tips.yaml", MINI_TIPS.replace("tipp-2", "tipp-9").encode())
    (backup,) = backups.restorable()
    (backup / "tips.yaml").write_text("tips: [\n", encoding="utf-8")
    served = store.current
    with pytest.raises(ChangeRejected) as caught:
        rollback(store, backups)
    assert caught.value.key == "rollback_invalid"
    assert "tips.yaml" in str(caught.value.findings[0])
    assert store.current is served
