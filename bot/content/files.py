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
GLOSSARY_FILE = "glossary.yaml"
CONTACTS_FILE = "contacts.yaml"
SMALLTALK_FILE = "smalltalk.yaml"
# derived OpenThesaurus subset (bot.content.thesaurus); built, not edited
THESAURUS_FILE = "thesaurus.txt"
# per-pointer topic vocabulary mined from public pages (bot.content.lexicon); built, not edited
LEXICON_FILE = "lexicon.yaml"
ENTRIES_DIR = "entries"
# Folders with translations of the German content, keyed by id (bot.content.translations).
TRANSLATED_LANGUAGES = ("en",)


# The files at the top of a content directory, in a stable order; every other YAML file of
# a content set lives in ENTRIES_DIR (or a translation folder).
TOP_LEVEL_FILES = (
    STATEMENTS_FILE,
    TOPICS_FILE,
    TIPS_FILE,
    MESSAGES_FILE,
    SYNONYMS_FILE,
    WEGWEISER_FILE,
    READING_FILE,
    GLOSSARY_FILE,
    CONTACTS_FILE,
    SMALLTALK_FILE,
    THESAURUS_FILE,
    LEXICON_FILE,
)


def content_files(root: Path) -> list[Path]:
    """Every file that makes up the content set, in a stable order."""
    files = [root / name for name in TOP_LEVEL_FILES if (root / name).is_file()]
    entries_dir = root / ENTRIES_DIR
    if entries_dir.is_dir():
        files.extend(sorted(entries_dir.glob("*.yaml")))
    for lang in TRANSLATED_LANGUAGES:
        translated = root / lang
        if translated.is_dir():
            files.extend(sorted(translated.glob("*.yaml")))
            files.extend(sorted((translated / ENTRIES_DIR).glob("*.yaml")))
    return files


def content_version(root: Path) -> str:
    """A short hash of all content files; changes whenever any file changes."""
    digest = hashlib.sha256()
    for path in content_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def export_name(root: Path, path: Path) -> str:
    """A flat file name for sending one content file: translations get a language prefix."""
    parts = path.relative_to(root).parts
    return f"{parts[0]}-{path.name}" if parts[0] in TRANSLATED_LANGUAGES else path.name
