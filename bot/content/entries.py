"""Entries: read each entry of content/entries/*.yaml and check its links, coverage, language."""

from __future__ import annotations

from collections.abc import Iterable

from bot.content.attribution import attribution_problems
from bot.content.checks import Checker
from bot.content.extras import (
    EXTRA_FIELDS,
    read_checked,
    read_legal_note,
    read_plain,
    read_roles,
)
from bot.content.files import ENTRIES_DIR, STATEMENTS_FILE, TOPICS_FILE
from bot.content.model import KIND_ABOUT, KIND_TENSION, KINDS, Entry, Statement, Topic
from bot.content.readability import readability_problems, release_hyphenation
from bot.content.yamlsource import LineDict, LineList

MAX_ENTRY_ID = 30
MAX_TOPIC_ID = 20
MAX_TITLE = 80
MAX_SUMMARY = 600
MAX_STEP = 300
MAX_QUESTION = 200
MAX_POLE = 120
MAX_ANSWER_CHARS = 3500  # leaves room for headers and the source line in a 4096-char message
MIN_QUESTIONS = 4
STEPS_RANGE = (2, 5)
SOURCES_RANGE = (1, 3)

ENTRY_FIELDS_REQUIRED = (
    "id",
    "kind",
    "topic",
    "title",
    "summary",
    "steps",
    "questions",
    "sources",
)
ENTRY_FIELDS_OPTIONAL = ("poles", "tensions", "related", "keywords", *EXTRA_FIELDS)


def _entry_files(check: Checker) -> list[str]:
    folder = check.root / ENTRIES_DIR
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        check.add(f"{ENTRIES_DIR}/", 0, "Es gibt keine Eintragsdateien (*.yaml).")
    return [f"{ENTRIES_DIR}/{path.name}" for path in files]


def _read_entry(check: Checker, item: LineDict, relative: str) -> Entry:
    entry_id = check.ident(item, relative, MAX_ENTRY_ID)
    _check_known_fields(check, item, relative, entry_id)
    kind = _read_kind(check, item, relative, entry_id)
    steps_range = (0, STEPS_RANGE[1]) if kind == KIND_ABOUT else STEPS_RANGE
    steps = check.texts(
        item, "steps", relative, MAX_STEP, steps_range, required=kind != KIND_ABOUT
    )
    entry = Entry(
        id=entry_id,
        kind=kind,
        topic=check.text(item, "topic", relative, MAX_TOPIC_ID),
        title=check.text(item, "title", relative, MAX_TITLE),
        summary=check.text(item, "summary", relative, MAX_SUMMARY),
        steps=steps,
        questions=check.texts(
            item, "questions", relative, MAX_QUESTION, (MIN_QUESTIONS, 1000), required=True
        ),
        sources=check.texts(item, "sources", relative, 10, SOURCES_RANGE, required=True),
        poles=check.texts(item, "poles", relative, MAX_POLE),
        tensions=check.texts(item, "tensions", relative, MAX_ENTRY_ID),
        related=check.texts(item, "related", relative, MAX_ENTRY_ID),
        keywords=check.texts(item, "keywords", relative, MAX_QUESTION),
        plain=read_plain(check, item, relative, entry_id, kind, _count(item.get("steps"))),
        roles=read_roles(check, item, relative, entry_id),
        legal_note=read_legal_note(check, item, relative),
        checked=read_checked(check, item, relative),
    )
    _check_shape(check, item, relative, entry)
    return entry


def _check_known_fields(check: Checker, item: LineDict, relative: str, entry_id: str) -> None:
    """A finding for every field an entry does not have (usually a typo)."""
    for key in item:
        if key not in ENTRY_FIELDS_REQUIRED and key not in ENTRY_FIELDS_OPTIONAL:
            known = ", ".join(ENTRY_FIELDS_REQUIRED + ENTRY_FIELDS_OPTIONAL)
            check.add(
                relative,
                item.key_lines[key],
                f"Unbekanntes Feld (Tippfehler?). Erlaubt sind: {known}.",
                entry_id,
                str(key),
            )


def _read_kind(check: Checker, item: LineDict, relative: str, entry_id: str) -> str:
    """The entry's kind (principle, tension, …); a finding if it is not one of KINDS."""
    kind = check.text(item, "kind", relative, 20)
    if kind and kind not in KINDS:
        check.add(
            relative,
            item.key_lines["kind"],
            f"Unbekannte Art „{kind}“; erlaubt: {', '.join(KINDS)}.",
            entry_id,
            "kind",
        )
    return kind


def _check_shape(check: Checker, item: LineDict, relative: str, entry: Entry) -> None:
    """Poles only on tensions (exactly two), and an answer that fits one Telegram message."""
    line = item.key_lines.get("poles", item.line)
    if entry.kind == KIND_TENSION and len(entry.poles) != 2:
        check.add(relative, line, "Ein Spannungsfeld braucht genau zwei Pole.", entry.id, "poles")
    if entry.kind != KIND_TENSION and "poles" in item:
        check.add(
            relative,
            line,
            "Pole gibt es nur bei Spannungsfeldern (kind: tension).",
            entry.id,
            "poles",
        )
    size = max(_answer_sizes(entry))
    if size > MAX_ANSWER_CHARS:
        check.add(
            relative,
            item.line,
            f"Die Antwort wäre {size} Zeichen lang, zu lang für eine "
            f"Telegram-Nachricht (höchstens {MAX_ANSWER_CHARS}).",
            entry.id,
        )


def _count(value: object) -> int:
    """Items of a YAML list as written (also invalid ones), 0 for anything else."""
    return len(value) if isinstance(value, LineList) else 0


def _answer_sizes(entry: Entry) -> Iterable[int]:
    """Characters of the texts one answer may show: the full version (with the steps of both
    perspectives, bot.ui.answer shows both) and the plain version (without role steps)."""
    roles = entry.roles
    role_steps = sum(map(len, (*roles.verwaltung, *roles.engagierte))) if roles else 0
    legal = len(entry.legal_note)
    full = (entry.title, entry.summary, *entry.steps, *entry.poles)
    yield sum(map(len, full)) + role_steps + legal
    if entry.plain is not None:
        yield sum(map(len, (entry.title, entry.plain.summary, *entry.plain.steps))) + legal


def field_line(item: LineDict, field: str) -> int:
    """Line of a field, also of a nested one like plain.summary; else the entry's line."""
    owner, line = item, item.line
    for part in field.split("."):
        if not isinstance(owner, LineDict) or part not in owner:
            break
        line = owner.key_lines[part]
        owner = owner[part]
    return line


def _check_language(
    check: Checker,
    entries: list[tuple[Entry, LineDict, str]],
    statements: dict[str, Statement],
) -> None:
    """Readability limits and honest attribution, for every entry."""
    for entry, item, relative in entries:
        problems = [*readability_problems(entry), *attribution_problems(entry, statements)]
        for field, message in problems:
            check.add(relative, field_line(item, field), message, entry.id, field)
    release_hyphenation()  # about 15 MB, not needed until a new text is checked


def _link_problems(
    entry: Entry, by_id: dict[str, Entry], topic_ids: set[str], statements: dict[str, Statement]
) -> Iterable[tuple[str, str]]:
    """(field, message) for every reference of the entry that points nowhere or wrongly."""
    if entry.topic and entry.topic not in topic_ids:
        yield "topic", f"Das Thema „{entry.topic}“ gibt es nicht in {TOPICS_FILE}."
    for target in entry.tensions:
        if target not in by_id:
            yield "tensions", f"Verweis auf „{target}“ – diesen Eintrag gibt es nicht."
        elif by_id[target].kind != KIND_TENSION:
            yield "tensions", f"„{target}“ ist kein Spannungsfeld (kind: tension)."
    for target in entry.related:
        if target not in by_id or target == entry.id:
            yield (
                "related",
                (
                    f"Verweis auf „{target}“ – diesen Eintrag gibt es nicht "
                    "(oder er verweist auf sich selbst)."
                ),
            )
    for source in entry.sources:
        if source not in statements:
            yield "sources", f"Die Aussage „{source}“ gibt es nicht in {STATEMENTS_FILE}."


def _check_entry_links(
    check: Checker,
    entries: list[tuple[Entry, LineDict, str]],
    topics: Iterable[Topic],
    statements: dict[str, Statement],
) -> None:
    by_id = {entry.id: entry for entry, _, _ in entries}
    topic_ids = {topic.id for topic in topics}
    for entry, item, relative in entries:
        for field, message in _link_problems(entry, by_id, topic_ids, statements):
            line = item.key_lines.get(field, item.line)
            check.add(relative, line, message, entry.id, field)


EMPTY_ENTRIES_FILE = (
    "Die Datei ist leer (nur Kommentare). Bitte „entries:“ mit mindestens einem Eintrag "
    "eintragen oder die Datei löschen."
)


def load_entries(
    check: Checker, topics: list[Topic], statements: dict[str, Statement]
) -> tuple[list[Entry], bool]:
    """All entries, and whether every entry file could be read (else links are not judged)."""
    located: list[tuple[Entry, LineDict, str]] = []
    seen: dict[str, str] = {}
    readable = True
    for relative in _entry_files(check):
        known = len(check.findings)
        data = check.read(relative)
        if data is None and len(check.findings) == known:  # read fine, but empty: refused,
            check.add(relative, 1, EMPTY_ENTRIES_FILE)  # and the links are still judged
        else:
            readable = readable and data is not None
        for item in check.top_list(data, relative, "entries"):
            entry = _read_entry(check, item, relative)
            if entry.id in seen:
                check.add(
                    relative,
                    item.line,
                    f"Die id gibt es schon ({seen[entry.id]}).",
                    entry.id,
                    "id",
                )
            seen[entry.id] = f"{relative}, Zeile {item.line}"
            located.append((entry, item, relative))
    _check_entry_links(check, located, topics, statements)
    _check_language(check, located, statements)
    entries = [entry for entry, _, _ in located]
    cited = {source for entry in entries for source in entry.sources}
    for statement in statements.values() if readable else ():
        if statement.required and statement.id not in cited:
            check.add(
                ENTRIES_DIR + "/",
                0,
                f"Die Aussage {statement.id} („{statement.text}“) "
                "wird von keinem Eintrag zitiert (Feld „sources“).",
            )
    return entries, readable
