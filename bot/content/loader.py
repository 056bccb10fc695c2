"""Load the content directory (YAML) into a validated, immutable `Content`.

Every problem becomes a `Finding` that names file, line, entry and field in plain German,
because the people who fix them are admins in a town hall, not programmers. All findings
are collected; loading fails only after the whole directory was checked.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from bot.content.checks import Checker, ContentError, Finding
from bot.content.contacts import load_contacts
from bot.content.entries import MAX_ENTRY_ID, MAX_SUMMARY, MAX_TITLE, MAX_TOPIC_ID, load_entries
from bot.content.files import (
    MESSAGES_FILE,
    SMALLTALK_FILE,
    STATEMENTS_FILE,
    SYNONYMS_FILE,
    TIPS_FILE,
    TOPICS_FILE,
    content_version,
)
from bot.content.glossary import load_glossary
from bot.content.lexicon import load_lexicon
from bot.content.message_checks import check_message
from bot.content.message_keys import REQUIRED_MESSAGES
from bot.content.model import Content, Statement, Tip, Topic
from bot.content.pointers import load_pointers
from bot.content.reading import load_reading
from bot.content.smalltalk import load_smalltalk, translated_smalltalk
from bot.content.thesaurus import load_thesaurus
from bot.content.translation_sources import LANGUAGES
from bot.content.translations import translate
from bot.content.yamlsource import LineDict, LineList

MAX_TIP_ID = 40
MAX_TIP = 500
MAX_MESSAGE = 3500


def _load_statements(check: Checker) -> dict[str, Statement]:
    data = check.read(STATEMENTS_FILE)
    statements: dict[str, Statement] = {}
    for section in check.top_list(data, STATEMENTS_FILE, "sections"):
        title = str(section.get("title", section.get("id", "")))
        required = section.get("required", True) is not False
        items = section.get("statements") or {}
        if not isinstance(items, dict):
            check.add(STATEMENTS_FILE, section.line, "„statements“ muss eine Zuordnung sein.")
            continue
        for statement_id, text in items.items():
            statements[str(statement_id)] = Statement(
                str(statement_id), str(text), str(section.get("id", "")), title, required
            )
    return statements


def _load_topics(check: Checker) -> list[Topic]:
    topics: list[Topic] = []
    seen: dict[str, int] = {}
    for item in check.top_list(check.read(TOPICS_FILE), TOPICS_FILE, "topics"):
        topic_id = check.ident(item, TOPICS_FILE, MAX_TOPIC_ID)
        check.unique_id(seen, topic_id, TOPICS_FILE, item.line)
        title = check.text(item, "title", TOPICS_FILE, MAX_TITLE)
        description = check.text(item, "description", TOPICS_FILE, MAX_SUMMARY, required=False)
        topics.append(Topic(topic_id, title, description))
    return topics


def _load_tips(check: Checker, entry_ids: set[str] | None) -> list[Tip]:
    """Tips; links to entries are checked unless entry_ids is None (entries unreadable)."""
    tips: list[Tip] = []
    seen: dict[str, int] = {}
    for item in check.top_list(check.read(TIPS_FILE), TIPS_FILE, "tips"):
        tip_id = check.ident(item, TIPS_FILE, MAX_TIP_ID)
        check.unique_id(seen, tip_id, TIPS_FILE, item.line)
        entry = check.text(item, "entry", TIPS_FILE, MAX_ENTRY_ID)
        if entry and entry_ids is not None and entry not in entry_ids:
            check.add(
                TIPS_FILE,
                item.key_lines["entry"],
                f"Verweis auf „{entry}“ – diesen Eintrag gibt es nicht.",
                tip_id,
                "entry",
            )
        tips.append(Tip(tip_id, entry, check.text(item, "text", TIPS_FILE, MAX_TIP)))
    return tips


def _load_messages(check: Checker) -> dict[str, str]:
    data = check.read(MESSAGES_FILE)
    if data is None:
        return {}
    if not isinstance(data, LineDict):
        check.add(MESSAGES_FILE, 1, "Die Datei muss aus „schlüssel: text“-Zeilen bestehen.")
        return {}
    messages: dict[str, str] = {}
    for key, value in data.items():
        line = data.key_lines[key]
        if not isinstance(value, str) or not value.strip():
            check.add(MESSAGES_FILE, line, "Hier muss ein Text stehen.", field_name=str(key))
        elif len(value) > MAX_MESSAGE:
            check.add(
                MESSAGES_FILE,
                line,
                f"Der Text ist zu lang ({len(value)} Zeichen).",
                field_name=str(key),
            )
        else:
            check_message(check, MESSAGES_FILE, line, str(key), value)
            messages[str(key)] = value.strip()
    for key, line in data.duplicate_keys:
        check.add(MESSAGES_FILE, line, "Der Schlüssel steht doppelt.", field_name=str(key))
    for key in REQUIRED_MESSAGES:
        if key not in data:
            check.add(MESSAGES_FILE, 0, "Dieser Text fehlt, der Bot braucht ihn.", field_name=key)
    return messages


def _load_synonyms(check: Checker, name: str = SYNONYMS_FILE) -> list[tuple[str, ...]]:
    """Optional groups of words that mean the same; single words only."""
    if not (check.root / name).is_file():
        return []
    data = check.read(name)
    if data is None:
        return []
    groups = data.get("synonyms") if isinstance(data, LineDict) else None
    if not isinstance(groups, LineList):
        check.add(
            name,
            getattr(data, "line", 1),
            "Oben in der Datei muss „synonyms:“ stehen, darunter die Gruppen.",
        )
        return []
    result = []
    for group, line in zip(groups, groups.item_lines, strict=True):
        if (
            not isinstance(group, list)
            or len(group) < 2
            or not all(isinstance(w, str) and w.strip() for w in group)
        ):
            check.add(
                name,
                line,
                "Eine Gruppe ist eine Liste aus mindestens zwei "
                "Wörtern, z. B. [Unternehmen, Firma].",
            )
        elif any(len(w.split()) > 1 for w in group):
            check.add(name, line, "Bitte nur einzelne Wörter, keine Wortgruppen.")
        else:
            result.append(tuple(w.strip() for w in group))
    return result


def load_content(root: Path | str) -> Content:
    """Load and validate a content directory; raise ContentError listing every finding."""
    check = Checker(Path(root))
    if not check.root.is_dir():
        raise ContentError([Finding(str(root), 0, "Das Inhaltsverzeichnis gibt es nicht.")])
    statements = _load_statements(check)
    topics = _load_topics(check)
    entries, readable = load_entries(check, topics, statements)
    entry_ids = {entry.id for entry in entries} if readable else None
    tips = _load_tips(check, entry_ids)
    pointers = load_pointers(check, entry_ids)
    glossary = load_glossary(check, entry_ids)
    messages = _load_messages(check)
    synonyms = _load_synonyms(check)
    reading = load_reading(check, {topic.id for topic in topics})
    contacts, contacts_are_example = load_contacts(check)
    smalltalk = load_smalltalk(check, set(messages))
    thesaurus = load_thesaurus(check)
    lexicon = load_lexicon(check, {pointer.id for pointer in pointers})
    if check.findings:
        raise ContentError(check.findings)
    german = Content(
        topics=tuple(topics),
        entries=tuple(entries),
        tips=tuple(tips),
        statements=MappingProxyType(statements),
        messages=MappingProxyType(messages),
        version=content_version(check.root),
        synonyms=tuple(synonyms),
        pointers=tuple(pointers),
        reading=tuple(reading),
        glossary=tuple(glossary),
        contacts=contacts,
        contacts_are_example=contacts_are_example,
        smalltalk=smalltalk,
        thesaurus=tuple(thesaurus),
        lexicon=lexicon,
    )
    return with_translations(check, german)


def with_translations(check: Checker, german: Content) -> Content:
    """The German content carrying its translations and the notes about missing/stale ones."""
    translated: dict[str, Content] = {}
    notes = []
    for lang in LANGUAGES:
        if lang != german.lang and (check.root / lang).is_dir():
            translated[lang], found = translate(check, german, lang)
            own = load_smalltalk(check, set(german.messages), f"{lang}/{SMALLTALK_FILE}")
            smalltalk = translated_smalltalk(german.smalltalk, own)
            # The language's own synonym groups (en/synonyms.yaml) after the shared ones.
            synonyms = (*german.synonyms, *_load_synonyms(check, f"{lang}/{SYNONYMS_FILE}"))
            translated[lang] = replace(translated[lang], smalltalk=smalltalk, synonyms=synonyms)
            notes.extend(found)
    if check.findings:
        raise ContentError(check.findings)
    return replace(
        german, translations=MappingProxyType(translated), translation_notes=tuple(notes)
    )


def summary_line(content: Content) -> str:
    """One line: entries, tips and how many required statements are covered."""
    required = {s.id for s in content.statements.values() if s.required}
    cited = {source for entry in content.entries for source in entry.sources}
    pointers = f"{len(content.pointers)} Wegweiser, " if content.pointers else ""
    return (
        f"{len(content.entries)} Einträge, {pointers}{len(content.tips)} Tipps, "
        f"{len(required & cited)}/{len(required)} Pflicht-Aussagen abgedeckt"
    )
