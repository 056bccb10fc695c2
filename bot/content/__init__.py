"""The content: YAML files on disk → a validated, immutable `Content` (no I/O after loading).

`load_content(directory)` reads and checks every file; broken files raise `ContentError`
whose `Finding`s name file, line and field. `model` holds the dataclasses, `files` the
file layout, `checks`/`entries`/`yamlsource` the validation (with `extras`, `readability`,
`attribution` for the plain version, role steps, legal notes and honest attribution, and
`glossary` for content/glossary.yaml), `diff` what changed.
"""

# The model first: the checks loaded below import bot.matching, whose modules import model
# names back from this package while it is still initialising.
from bot.content.model import (
    KIND_TENSION,
    KINDS,
    ROLE_ENGAGIERTE,
    ROLE_VERWALTUNG,
    ROLES,
    Contact,
    Content,
    Entry,
    GlossaryTerm,
    Link,
    Plain,
    Pointer,
    Reading,
    Roles,
    SmallTalk,
    SocialClass,
    Statement,
    Tip,
    Topic,
)

# isort: split
from bot.content.checks import ContentError, Finding
from bot.content.diff import ContentDiff, describe_diff, diff_content
from bot.content.entries import MAX_QUESTION
from bot.content.files import (
    CONTACTS_FILE,
    ENTRIES_DIR,
    GLOSSARY_FILE,
    LEXICON_FILE,
    MESSAGES_FILE,
    READING_FILE,
    SMALLTALK_FILE,
    STATEMENTS_FILE,
    THESAURUS_FILE,
    TIPS_FILE,
    TOP_LEVEL_FILES,
    TOPICS_FILE,
    WEGWEISER_FILE,
    content_files,
    content_version,
    export_name,
)
from bot.content.lexicon import HEADER as LEXICON_HEADER
from bot.content.loader import load_content, summary_line
from bot.content.message_keys import PLACEHOLDERS, REQUIRED_MESSAGES
from bot.content.telegram_html import HTMLParseError, parse_html, u16len
from bot.content.thesaurus import HEADER as THESAURUS_HEADER
from bot.content.thesaurus import LICENSE_FILE as THESAURUS_LICENSE
from bot.content.thesaurus import SEPARATOR as THESAURUS_SEPARATOR
from bot.content.thesaurus import WORD as THESAURUS_WORD
from bot.content.translations import translation_report

__all__ = [
    "CONTACTS_FILE",
    "ENTRIES_DIR",
    "GLOSSARY_FILE",
    "KINDS",
    "KIND_TENSION",
    "LEXICON_FILE",
    "LEXICON_HEADER",
    "MAX_QUESTION",
    "MESSAGES_FILE",
    "PLACEHOLDERS",
    "READING_FILE",
    "REQUIRED_MESSAGES",
    "ROLES",
    "ROLE_ENGAGIERTE",
    "ROLE_VERWALTUNG",
    "SMALLTALK_FILE",
    "STATEMENTS_FILE",
    "THESAURUS_FILE",
    "THESAURUS_HEADER",
    "THESAURUS_LICENSE",
    "THESAURUS_SEPARATOR",
    "THESAURUS_WORD",
    "TIPS_FILE",
    "TOPICS_FILE",
    "TOP_LEVEL_FILES",
    "WEGWEISER_FILE",
    "Contact",
    "Content",
    "ContentDiff",
    "ContentError",
    "Entry",
    "Finding",
    "GlossaryTerm",
    "HTMLParseError",
    "Link",
    "Plain",
    "Pointer",
    "Reading",
    "Roles",
    "SmallTalk",
    "SocialClass",
    "Statement",
    "Tip",
    "Topic",
    "content_files",
    "content_version",
    "describe_diff",
    "diff_content",
    "export_name",
    "load_content",
    "parse_html",
    "summary_line",
    "translation_report",
    "u16len",
]
