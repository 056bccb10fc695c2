"""Changing the served content safely: reload from disk, upload one file, roll back.

Every change is validated as a whole content set before anything on disk is touched; only a
valid set is written (after a backup) and swapped in. The functions block (file I/O and
indexing), so the bot runs them in a worker thread, one at a time.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bot.admin.backups import Backups, write_atomic
from bot.content import (
    ENTRIES_DIR,
    STATEMENTS_FILE,
    TOP_LEVEL_FILES,
    ContentDiff,
    ContentError,
    Finding,
    content_version,
    diff_content,
)
from bot.snapshot import ContentStore, Snapshot, build_snapshot

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 1_000_000
PROTECTED_FILES = (STATEMENTS_FILE,)
UPLOAD_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,60}\.ya?ml$")


class ChangeRejected(Exception):
    """A change was refused; `key` names the message, `findings` the content problems."""

    def __init__(self, key: str, findings: list[Finding] | None = None, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.findings = findings or []
        self.values = values


@dataclass(frozen=True, slots=True)
class Change:
    """A change that was applied: the new snapshot, what changed, the backup taken."""

    snapshot: Snapshot
    diff: ContentDiff
    backup: Path | None = None
    source: str = field(default="")


def upload_target(file_name: str) -> str:
    """The content file (relative path) an uploaded file replaces or adds."""
    name = file_name.strip().lower()
    if not UPLOAD_NAME.match(name):
        raise ChangeRejected("upload_not_yaml", name=file_name)
    name = name.removesuffix(".yml").removesuffix(".yaml") + ".yaml"
    if name in PROTECTED_FILES:
        raise ChangeRejected("upload_protected", name=name)
    return name if name in TOP_LEVEL_FILES else f"{ENTRIES_DIR}/{name}"


def check_upload(directory: Path, file_name: str, data: bytes) -> tuple[str, Snapshot]:
    """Validate an uploaded file together with the other files; nothing on disk changes."""
    target = upload_target(file_name)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ChangeRejected("upload_too_big", limit=MAX_UPLOAD_BYTES // 1000)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ChangeRejected("upload_not_utf8", position=error.start) from None
    return target, check_file(directory, target, data, file_name)


def check_file(directory: Path, target: str, data: bytes, name: str) -> Snapshot:
    """Validate a new version of one content file (relative path) together with the rest."""
    with tempfile.TemporaryDirectory(prefix="content-check-") as temporary:
        candidate = Path(temporary) / "content"
        shutil.copytree(directory, candidate)
        (candidate / target).parent.mkdir(parents=True, exist_ok=True)
        (candidate / target).write_bytes(data)
        try:
            return build_snapshot(candidate)
        except ContentError as error:
            raise ChangeRejected("upload_invalid", error.findings, name=name) from None


def apply_upload(store: ContentStore, backups: Backups, file_name: str, data: bytes) -> Change:
    """Validate, back up, replace the file atomically and serve the new content."""
    target, _ = check_upload(store.directory, file_name, data)
    return _write_and_reload(store, backups, target, data)


def apply_file(store: ContentStore, backups: Backups, target: str, data: bytes) -> Change:
    """The upload path for a change made by the bot itself (e.g. an added question)."""
    check_file(store.directory, target, data, target)
    return _write_and_reload(store, backups, target, data)


def _write_and_reload(store: ContentStore, backups: Backups, target: str, data: bytes) -> Change:
    old = store.current
    backup = backups.create(store.directory)
    write_atomic(store.directory / target, data)
    snapshot = _reload(store)
    logger.info("Change of %s applied; content %s", target, snapshot.content.version)
    return Change(snapshot, diff_content(old.content, snapshot.content), backup, target)


def rollback(store: ContentStore, backups: Backups) -> Change | None:
    """Restore the newest backup that differs from the served content; None if there is none."""
    old = store.current
    for backup in backups.restorable():
        if content_version(backup) == old.content.version:
            continue
        try:
            build_snapshot(backup)
        except ContentError as error:
            raise ChangeRejected("rollback_invalid", error.findings, name=backup.name) from None
        backups.create(store.directory, before_rollback=True)
        backups.restore(backup, store.directory)
        snapshot = _reload(store)
        return Change(snapshot, diff_content(old.content, snapshot.content), backup, backup.name)
    return None


def reload_from_disk(store: ContentStore) -> Change:
    """Load the files on disk and swap them in; raises ChangeRejected with the findings."""
    old = store.current
    snapshot = _reload(store)
    return Change(snapshot, diff_content(old.content, snapshot.content))


def reload_if_changed(store: ContentStore) -> Change | None:
    """The watcher's check: reload when the files changed since the last attempt."""
    if not store.changed_on_disk():
        return None
    return reload_from_disk(store)


def _reload(store: ContentStore) -> Snapshot:
    try:
        return store.reload()
    except ContentError as error:
        logger.error("Content on disk is invalid, keeping the old one:\n%s", error.report())
        raise ChangeRejected("reload_invalid", error.findings) from None
