"""Timestamped copies of the content files, and atomic file replacement.

Before any change to the content directory the whole content set (it is small) is copied to
`<backup dir>/<YYYYmmdd-HHMMSS-ffffff>/`. `/rollback` restores from these folders.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bot.content import content_files

logger = logging.getLogger(__name__)

TIMESTAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
# A change backup; a copy taken before a rollback gets the suffix below and is kept for
# people, but never restored by /rollback (that would undo the rollback).
BACKUP_NAME = re.compile(r"^\d{8}-\d{6}-\d{6}$")
BEFORE_ROLLBACK_SUFFIX = "-vor-rollback"
MAX_BACKUPS = 50


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so readers see the old or the new file, never a partial one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


class Backups:
    """The backup folder: create, list (newest first), restore, prune."""

    def __init__(self, directory: Path, keep: int = MAX_BACKUPS) -> None:
        self.directory = Path(directory)
        self.keep = keep

    def create(self, content_dir: Path, before_rollback: bool = False) -> Path:
        """Copy every content file into a new timestamped folder; returns the folder."""
        stamp = datetime.now(UTC).strftime(TIMESTAMP_FORMAT)
        target = self.directory / (stamp + (BEFORE_ROLLBACK_SUFFIX if before_rollback else ""))
        target.mkdir(parents=True, exist_ok=False)
        for path in content_files(content_dir):
            relative = path.relative_to(content_dir)
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target / relative)
        logger.info("Content backup written to %s", target)
        self.prune()
        return target

    def restorable(self) -> list[Path]:
        """Change backups, newest first."""
        if not self.directory.is_dir():
            return []
        found = [p for p in self.directory.iterdir() if p.is_dir() and BACKUP_NAME.match(p.name)]
        return sorted(found, key=lambda p: p.name, reverse=True)

    def restore(self, backup: Path, content_dir: Path) -> None:
        """Make the content files equal to the backup, file by file, each one atomically."""
        wanted = {p.relative_to(backup) for p in content_files(backup)}
        for relative in sorted(wanted):
            write_atomic(content_dir / relative, (backup / relative).read_bytes())
        for path in content_files(content_dir):
            if path.relative_to(content_dir) not in wanted:
                path.unlink()
        logger.info("Content restored from backup %s", backup)

    def prune(self) -> None:
        """Keep the newest `keep` backups of each kind."""
        if not self.directory.is_dir():
            return
        folders = sorted((p for p in self.directory.iterdir() if p.is_dir()), reverse=True)
        changes = [p for p in folders if BACKUP_NAME.match(p.name)]
        others = [p for p in folders if not BACKUP_NAME.match(p.name)]
        for old in changes[self.keep :] + others[self.keep :]:
            shutil.rmtree(old, ignore_errors=True)
