"""Atomic file replacement and timestamped content backups."""

from __future__ import annotations

from pathlib import Path

from bot.admin.backups import Backups, write_atomic
from bot.content import content_version


def test_write_atomic_replaces_the_file_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "tips.yaml"
    target.write_text("alt", encoding="utf-8")
    write_atomic(target, b"neu")
    assert target.read_text(encoding="utf-8") == "neu"
    assert [p.name for p in tmp_path.iterdir()] == ["tips.yaml"]


def test_backup_and_restore_bring_back_every_file(mini_content_dir: Path, tmp_path: Path) -> None:
    backups = Backups(tmp_path / "backups")
    version = content_version(mini_content_dir)
    backup = backups.create(mini_content_dir)
    (mini_content_dir / "tips.yaml").write_text("tips: []\n", encoding="utf-8")
    (mini_content_dir / "entries" / "neu.yaml").write_text("entries: []\n", encoding="utf-8")
    backups.restore(backup, mini_content_dir)
    assert content_version(mini_content_dir) == version
    assert not (mini_content_dir / "entries" / "neu.yaml").exists()


def test_only_change_backups_are_restorable_and_old_ones_are_pruned(
    mini_content_dir: Path, tmp_path: Path
) -> None:
    backups = Backups(tmp_path / "backups", keep=2)
    made = [backups.create(mini_content_dir) for _ in range(3)]
    before_rollback = backups.create(mini_content_dir, before_rollback=True)
    assert backups.restorable() == [made[2], made[1]]
    assert before_rollback.is_dir()
