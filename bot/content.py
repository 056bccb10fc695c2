"""Load the content directory (YAML) into a validated, immutable `Content`.

Every problem becomes a `Finding` that names file, line, entry and field in plain German,
because the people who fix them are admins in a town hall, not programmers. All findings
are collected; loading fails only after the whole directory was checked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType

from bot.checks import Checker, ContentError, Finding
from bot.model import KIND_ABOUT, KIND_TENSION, KINDS, Content, Entry, Statement, Tip, Topic
from bot.yamlsource import LineDict, LineList

__all__ = ["ContentError", "Finding", "load_content", "summary_line"]

STATEMENTS_FILE = "statements.yaml"
TOPICS_FILE = "topics.yaml"
TIPS_FILE = "tips.yaml"
MESSAGES_FILE = "messages.yaml"
SYNONYMS_FILE = "synonyms.yaml"
ENTRIES_DIR = "entries"

MAX_ENTRY_ID = 30
MAX_TOPIC_ID = 20
MAX_TIP_ID = 40
MAX_TITLE = 80
MAX_SUMMARY = 600
MAX_STEP = 300
MAX_QUESTION = 200
MAX_POLE = 120
MAX_TIP = 500
MAX_MESSAGE = 3500
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
ENTRY_FIELDS_OPTIONAL = ("poles", "tensions", "related", "keywords")

# Keys the code looks up in messages.yaml; tests check that code and this list agree.
REQUIRED_MESSAGES = (
    "greeting",
    "help",
    "refused",
    "suggest_header",
    "did_you_mean",
    "button_related",
    "button_tension",
    "button_topics",
    "button_back",
    "steps_header",
    "poles_header",
    "tensions_header",
    "source",
    "kind_guideline",
    "kind_tension",
    "kind_tool",
    "kind_practice",
    "kind_about",
    "topics_header",
    "topic_header",
    "stale_button",
    "non_text",
    "error",
    "inline_empty",
    "inline_hint",
    "command_start",
    "command_help",
    "command_themen",
    "command_tipp",
    "command_abo",
    "command_stopp",
    "tip",
    "button_more",
    "no_tips",
    "abo_confirm",
    "abo_status",
    "abo_start_today",
    "abo_start_tomorrow",
    "abo_start_on",
    "weekday_names",
    "abo_every_day",
    "abo_workdays",
    "abo_words_workdays",
    "abo_words_every_day",
    "abo_choose_time",
    "abo_invalid",
    "abo_stopped",
    "abo_none",
    "button_change_time",
    "button_workdays",
    "button_every_day",
    "button_stop",
    "button_resubscribe",
    "chat_intro",
    "chat_prompt",
    "chat_choices",
    "chat_bye",
    "chat_invalid_choice",
    "unknown_command",
    "admin_only",
    "admin_help",
    "command_admin",
    "command_reload",
    "command_rollback",
    "command_export",
    "command_stats",
    "reload_ok",
    "reload_invalid",
    "watch_invalid",
    "upload_ok",
    "upload_invalid",
    "upload_not_yaml",
    "upload_protected",
    "upload_too_big",
    "upload_not_utf8",
    "upload_download_failed",
    "rollback_ok",
    "rollback_none",
    "rollback_invalid",
    "export_intro",
    "findings_more",
    "diff_header",
    "diff_none",
    "diff_entries_added",
    "diff_entries_changed",
    "diff_entries_removed",
    "diff_tips_added",
    "diff_tips_removed",
    "diff_topics_added",
    "diff_topics_removed",
    "diff_messages_changed",
    "stats_header",
    "stats_total",
    "stats_share",
    "stats_decisions",
    "stats_none",
    "stats_top_header",
    "stats_top_line",
    "stats_unanswered_header",
    "stats_unanswered_line",
    "stats_feedback_header",
    "stats_feedback_line",
    "button_helpful",
    "button_unhelpful",
    "feedback_thanks",
    "command_datenschutz",
    "command_vergessen",
    "privacy",
    "forget_confirm",
    "forget_yes",
    "forget_no",
    "forget_done",
    "forget_cancelled",
)


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
        if topic_id in seen:
            check.add(
                TOPICS_FILE,
                item.line,
                f"Die id gibt es schon (Zeile {seen[topic_id]}).",
                topic_id,
                "id",
            )
        seen[topic_id] = item.line
        title = check.text(item, "title", TOPICS_FILE, MAX_TITLE)
        description = check.text(item, "description", TOPICS_FILE, MAX_SUMMARY, required=False)
        topics.append(Topic(topic_id, title, description))
    return topics


def _entry_files(check: Checker) -> list[str]:
    folder = check.root / ENTRIES_DIR
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        check.add(f"{ENTRIES_DIR}/", 0, "Es gibt keine Eintragsdateien (*.yaml).")
    return [f"{ENTRIES_DIR}/{path.name}" for path in files]


def _read_entry(check: Checker, item: LineDict, relative: str) -> Entry:
    entry_id = check.ident(item, relative, MAX_ENTRY_ID)
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
    kind = check.text(item, "kind", relative, 20)
    if kind and kind not in KINDS:
        check.add(
            relative,
            item.key_lines["kind"],
            f"Unbekannte Art „{kind}“; erlaubt: {', '.join(KINDS)}.",
            entry_id,
            "kind",
        )
    steps_range = (0, STEPS_RANGE[1]) if kind == KIND_ABOUT else STEPS_RANGE
    entry = Entry(
        id=entry_id,
        kind=kind,
        topic=check.text(item, "topic", relative, MAX_TOPIC_ID),
        title=check.text(item, "title", relative, MAX_TITLE),
        summary=check.text(item, "summary", relative, MAX_SUMMARY),
        steps=check.texts(
            item, "steps", relative, MAX_STEP, steps_range, required=kind != KIND_ABOUT
        ),
        questions=check.texts(
            item, "questions", relative, MAX_QUESTION, (MIN_QUESTIONS, 1000), required=True
        ),
        sources=check.texts(item, "sources", relative, 10, SOURCES_RANGE, required=True),
        poles=check.texts(item, "poles", relative, MAX_POLE),
        tensions=check.texts(item, "tensions", relative, MAX_ENTRY_ID),
        related=check.texts(item, "related", relative, MAX_ENTRY_ID),
        keywords=check.texts(item, "keywords", relative, MAX_QUESTION),
    )
    line = item.key_lines.get("poles", item.line)
    if kind == KIND_TENSION and len(entry.poles) != 2:
        check.add(relative, line, "Ein Spannungsfeld braucht genau zwei Pole.", entry_id, "poles")
    if kind != KIND_TENSION and "poles" in item:
        check.add(
            relative,
            line,
            "Pole gibt es nur bei Spannungsfeldern (kind: tension).",
            entry_id,
            "poles",
        )
    size = sum(map(len, (entry.title, entry.summary, *entry.steps, *entry.poles)))
    if size > MAX_ANSWER_CHARS:
        check.add(
            relative,
            item.line,
            f"Die Antwort wäre {size} Zeichen lang, zu lang für eine "
            f"Telegram-Nachricht (höchstens {MAX_ANSWER_CHARS}).",
            entry_id,
        )
    return entry


def _check_entry_links(
    check: Checker,
    entries: list[tuple[Entry, LineDict, str]],
    topics: Iterable[Topic],
    statements: dict[str, Statement],
) -> None:
    by_id = {entry.id: entry for entry, _, _ in entries}
    topic_ids = {topic.id for topic in topics}
    for entry, item, relative in entries:

        def line(key: str, item: LineDict = item) -> int:
            return item.key_lines.get(key, item.line)

        if entry.topic and entry.topic not in topic_ids:
            check.add(
                relative,
                line("topic"),
                f"Das Thema „{entry.topic}“ gibt es nicht in {TOPICS_FILE}.",
                entry.id,
                "topic",
            )
        for target in entry.tensions:
            if target not in by_id:
                check.add(
                    relative,
                    line("tensions"),
                    f"Verweis auf „{target}“ – diesen Eintrag gibt es nicht.",
                    entry.id,
                    "tensions",
                )
            elif by_id[target].kind != KIND_TENSION:
                check.add(
                    relative,
                    line("tensions"),
                    f"„{target}“ ist kein Spannungsfeld (kind: tension).",
                    entry.id,
                    "tensions",
                )
        for target in entry.related:
            if target not in by_id or target == entry.id:
                check.add(
                    relative,
                    line("related"),
                    f"Verweis auf „{target}“ – diesen Eintrag "
                    "gibt es nicht (oder er verweist auf sich selbst).",
                    entry.id,
                    "related",
                )
        for source in entry.sources:
            if source not in statements:
                check.add(
                    relative,
                    line("sources"),
                    f"Die Aussage „{source}“ gibt es nicht in {STATEMENTS_FILE}.",
                    entry.id,
                    "sources",
                )


def _load_entries(
    check: Checker, topics: list[Topic], statements: dict[str, Statement]
) -> tuple[list[Entry], bool]:
    """All entries, and whether every entry file could be read (else links are not judged)."""
    located: list[tuple[Entry, LineDict, str]] = []
    seen: dict[str, str] = {}
    readable = True
    for relative in _entry_files(check):
        data = check.read(relative)
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


def _load_tips(check: Checker, entry_ids: set[str] | None) -> list[Tip]:
    """Tips; links to entries are checked unless entry_ids is None (entries unreadable)."""
    tips: list[Tip] = []
    seen: dict[str, int] = {}
    for item in check.top_list(check.read(TIPS_FILE), TIPS_FILE, "tips"):
        tip_id = check.ident(item, TIPS_FILE, MAX_TIP_ID)
        if tip_id in seen:
            check.add(
                TIPS_FILE, item.line, f"Die id gibt es schon (Zeile {seen[tip_id]}).", tip_id, "id"
            )
        seen[tip_id] = item.line
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
            messages[str(key)] = value.strip()
    for key, line in data.duplicate_keys:
        check.add(MESSAGES_FILE, line, "Der Schlüssel steht doppelt.", field_name=str(key))
    for key in REQUIRED_MESSAGES:
        if key not in data:
            check.add(MESSAGES_FILE, 0, "Dieser Text fehlt, der Bot braucht ihn.", field_name=key)
    return messages


def _load_synonyms(check: Checker) -> list[tuple[str, ...]]:
    """Optional groups of words that mean the same; single words only."""
    if not (check.root / SYNONYMS_FILE).is_file():
        return []
    data = check.read(SYNONYMS_FILE)
    if data is None:
        return []
    groups = data.get("synonyms") if isinstance(data, LineDict) else None
    if not isinstance(groups, LineList):
        check.add(
            SYNONYMS_FILE,
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
                SYNONYMS_FILE,
                line,
                "Eine Gruppe ist eine Liste aus mindestens zwei "
                "Wörtern, z. B. [Unternehmen, Firma].",
            )
        elif any(len(w.split()) > 1 for w in group):
            check.add(SYNONYMS_FILE, line, "Bitte nur einzelne Wörter, keine Wortgruppen.")
        else:
            result.append(tuple(w.strip() for w in group))
    return result


def content_files(root: Path) -> list[Path]:
    """Every file that makes up the content set, in a stable order."""
    names = [STATEMENTS_FILE, TOPICS_FILE, TIPS_FILE, MESSAGES_FILE, SYNONYMS_FILE]
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


def load_content(root: Path | str) -> Content:
    """Load and validate a content directory; raise ContentError listing every finding."""
    check = Checker(Path(root))
    if not check.root.is_dir():
        raise ContentError([Finding(str(root), 0, "Das Inhaltsverzeichnis gibt es nicht.")])
    statements = _load_statements(check)
    topics = _load_topics(check)
    entries, readable = _load_entries(check, topics, statements)
    tips = _load_tips(check, {entry.id for entry in entries} if readable else None)
    messages = _load_messages(check)
    synonyms = _load_synonyms(check)
    if check.findings:
        raise ContentError(check.findings)
    return Content(
        topics=tuple(topics),
        entries=tuple(entries),
        tips=tuple(tips),
        statements=MappingProxyType(statements),
        messages=MappingProxyType(messages),
        version=content_version(check.root),
        synonyms=tuple(synonyms),
    )


def summary_line(content: Content) -> str:
    """One line: entries, tips and how many required statements are covered."""
    required = {s.id for s in content.statements.values() if s.required}
    cited = {source for entry in content.entries for source in entry.sources}
    return (
        f"{len(content.entries)} Einträge, {len(content.tips)} Tipps, "
        f"{len(required & cited)}/{len(required)} Pflicht-Aussagen abgedeckt"
    )
