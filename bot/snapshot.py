"""The content currently served: one immutable snapshot (content + its index), swapped whole.

A handler takes `store.current` once and uses only that snapshot, so a reload in the
middle of an answer can never mix old and new content.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from bot.content import Content, content_files, load_content
from bot.matching import Matcher

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A validated content set and the matcher built for it, plus the same per language.

    The served snapshot is German; `localized(lang)` gives its translated sibling (German
    texts wherever a translation is missing), with a matcher over that language's phrasings.
    """

    content: Content
    matcher: Matcher
    translations: Mapping[str, Snapshot] = field(default_factory=dict, compare=False)

    @property
    def lang(self) -> str:
        """The language of this snapshot's texts."""
        return self.content.lang

    def localized(self, lang: str) -> Snapshot:
        """The snapshot in `lang`; this one for its own or an unknown language."""
        if lang == self.lang:
            return self
        return self.translations.get(lang, self)


# (relative path, modification time in ns, size) of every content file.
DiskSignature = tuple[tuple[str, int, int], ...]


def disk_signature(directory: Path) -> DiskSignature:
    """What the content files look like on disk; changes when any file is edited or added."""
    signature = []
    for path in content_files(directory):
        try:
            stat = path.stat()
        except OSError:
            continue
        signature.append((path.relative_to(directory).as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(signature)


def build_snapshot(directory: Path) -> Snapshot:
    """Load, validate and index a content directory; raises ContentError."""
    content = load_content(directory)
    return snapshot_of(content)


def snapshot_of(content: Content) -> Snapshot:
    """Index a loaded content set and each of its translations."""
    translations = {
        lang: Snapshot(translated, Matcher(translated))
        for lang, translated in content.translations.items()
    }
    english = translations.get("en")
    matcher = Matcher(content, english.matcher if english else None)
    return Snapshot(content, matcher, MappingProxyType(translations))


class ContentStore:
    """Holds the snapshot being served; `reload` keeps the old one if the new is invalid."""

    def __init__(self, directory: Path, snapshot: Snapshot | None = None) -> None:
        self.directory = Path(directory)
        # The signature seen by the last load attempt (good or bad): the watcher compares it.
        self.checked_signature = disk_signature(self.directory)
        self._snapshot = snapshot or build_snapshot(self.directory)
        # False while the files on disk failed their last load (the old content is served).
        self.disk_ok = True

    @property
    def current(self) -> Snapshot:
        return self._snapshot

    def reload(self) -> Snapshot:
        """Load the directory again and swap it in; on ContentError the old one stays."""
        self.checked_signature = disk_signature(self.directory)
        self.disk_ok = False
        snapshot = build_snapshot(self.directory)
        self.disk_ok = True
        self._snapshot = snapshot
        logger.info(
            "Content %s loaded (%d entries)",
            snapshot.content.version,
            len(snapshot.content.entries),
        )
        return snapshot

    def changed_on_disk(self) -> bool:
        """True if the files differ from what the last load attempt saw."""
        return disk_signature(self.directory) != self.checked_signature
