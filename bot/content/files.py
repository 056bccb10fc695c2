"""The content directory's layout: which files make up a content set, and its version."""

from __future__ import annotations

import hashlib
from pathlib import Path

STATEMENTS_FILE = "statements.yaml"
TOPICS_FILE = "topics.yaml"
TIPS_FILE = "tips.yaml"
MESSAGES_FILE = "messages.yaml"
SYNONYMS_FILE = "synonyms.yaml"
WEGWEISER_FILE = "wegweiser.yaml"
READING_FILE = "reading.yaml"
CONTACTS_FILE = "contacts.yaml"
GLOSSARY_FILE = "glossary.yaml"
ENTRIES_DIR = "entries"


def content_files(root: Path) -> list[Path]:
    """Every file that makes up the content set, in a stable order."""
    names = [
        STATEMENTS_FILE,
        TOPICS_FILE,
        TIPS_FILE,
        MESSAGES_FILE,
        SYNONYMS_FILE,
        WEGWEISER_FILE,
        READING_FILE,
        CONTACTS_FILE,
        GLOSSARY_FILE,
    ]
    files = [root / name for name in names if (root / name).is_file()]
    entries_dir = root / ENTRIES_DIR
    if entries_dir.is_dir():
        files.extend(sorted(entries_dir.glob("*.yaml")))
    return files


def content_version(root: Path) -> str:
    """A short hash of all content files; changes whenever any file changes."""
    digest = hashlib.sha256()
    for path in content_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
