"""Wegweiser pointers: read and check the optional content/wegweiser.yaml.

The file has one top-level key, `pointers:`, with a list of mappings (fields: see
`bot.content.model.Pointer`). Every problem becomes a finding naming file, line, pointer
and field, exactly like entries. Without the file the content simply has no pointers.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from bot.content.checks import Checker
from bot.content.files import ENTRIES_DIR, WEGWEISER_FILE
from bot.content.model import Link, Pointer
from bot.content.yamlsource import LineDict, LineList

MAX_POINTER_ID = 30
MAX_POINTER_TITLE = 60
MAX_ORIENTATION = 600
MAX_WHO_HELPS = 200
MAX_LINK_TITLE = 100
MAX_URL = 300
MAX_NOTE = 400
MAX_QUESTION = 200
MAX_ENTRY_ID = 30
LINKS_RANGE = (1, 2)
QUESTIONS_RANGE = (6, 14)
# The note must say the pointer is orientation, not legal or tax advice.
NO_ADVICE_MARKERS = ("keine rechts", "rechtsberatung", "steuerberatung")

POINTER_FIELDS_REQUIRED = (
    "id",
    "title",
    "orientation",
    "who_helps",
    "links",
    "note",
    "questions",
    "keywords",
)
POINTER_FIELDS_OPTIONAL = ("related",)


def url_problem(url: str) -> str | None:
    """Why a link address is not a well-formed https URL, or None if it is."""
    if any(ch.isspace() for ch in url):
        return "Die Adresse enthält Leerzeichen."
    parts = urlsplit(url)
    if parts.scheme != "https":
        return "Die Adresse muss mit https:// beginnen."
    host = parts.hostname or ""
    if "." not in host or host.startswith(".") or host.endswith("."):
        return "Nach https:// muss ein Rechnername stehen, z. B. www.beispiel.de."
    return None


def _read_link(check: Checker, raw: object, line: int, pointer_id: str) -> Link | None:
    def add(message: str, key: str = "") -> None:
        at = raw.key_lines.get(key, line) if isinstance(raw, LineDict) else line
        check.add(WEGWEISER_FILE, at, message, pointer_id, "links")

    if not isinstance(raw, LineDict):
        add("Jeder Link besteht aus „title:“ und „url:“.")
        return None
    title, url = raw.get("title"), raw.get("url")
    if not isinstance(title, str) or not title.strip():
        add("Der Link braucht einen Titel („title:“).")
        return None
    if len(title) > MAX_LINK_TITLE:
        add(
            f"Der Linktitel ist {len(title)} Zeichen lang, erlaubt sind {MAX_LINK_TITLE}.", "title"
        )
        return None
    if not isinstance(url, str) or not url.strip():
        add("Der Link braucht eine Adresse („url:“).")
        return None
    problem = url_problem(url.strip()) or (
        f"Die Adresse ist zu lang (höchstens {MAX_URL} Zeichen)." if len(url) > MAX_URL else None
    )
    if problem:
        add(f"{problem} ({url.strip()})", "url")
        return None
    unknown = sorted(str(key) for key in raw if key not in ("title", "url"))
    if unknown:
        add(f"Unbekanntes Feld im Link: {', '.join(unknown)}. Erlaubt sind: title, url.")
    return Link(title.strip(), url.strip())


def _read_links(check: Checker, item: LineDict, pointer_id: str) -> tuple[Link, ...]:
    value = item.get("links")
    line = item.key_lines.get("links", item.line)
    if value is None:
        check.add(WEGWEISER_FILE, line, "Das Feld fehlt oder ist leer.", pointer_id, "links")
        return ()
    if not isinstance(value, LineList):
        check.add(
            WEGWEISER_FILE, line, "Hier muss eine Liste von Links stehen.", pointer_id, "links"
        )
        return ()
    low, high = LINKS_RANGE
    if not low <= len(value) <= high:
        check.add(
            WEGWEISER_FILE,
            line,
            f"Es sind {len(value)} Links, erwartet werden {low} bis {high}.",
            pointer_id,
            "links",
        )
    links = (
        _read_link(check, raw, raw_line, pointer_id)
        for raw, raw_line in zip(value, value.item_lines, strict=True)
    )
    return tuple(link for link in links if link is not None)


def _check_fields(check: Checker, item: LineDict, pointer_id: str) -> None:
    known = POINTER_FIELDS_REQUIRED + POINTER_FIELDS_OPTIONAL
    for key in item:
        if key not in known:
            check.add(
                WEGWEISER_FILE,
                item.key_lines[key],
                f"Unbekanntes Feld (Tippfehler?). Erlaubt sind: {', '.join(known)}.",
                pointer_id,
                str(key),
            )


def _read_pointer(check: Checker, item: LineDict) -> Pointer:
    pointer_id = check.ident(item, WEGWEISER_FILE, MAX_POINTER_ID)
    _check_fields(check, item, pointer_id)
    pointer = Pointer(
        id=pointer_id,
        title=check.text(item, "title", WEGWEISER_FILE, MAX_POINTER_TITLE),
        orientation=check.text(item, "orientation", WEGWEISER_FILE, MAX_ORIENTATION),
        who_helps=check.texts(
            item, "who_helps", WEGWEISER_FILE, MAX_WHO_HELPS, (1, 1000), required=True
        ),
        links=_read_links(check, item, pointer_id),
        note=check.text(item, "note", WEGWEISER_FILE, MAX_NOTE),
        related=check.texts(item, "related", WEGWEISER_FILE, MAX_ENTRY_ID),
        questions=check.texts(
            item, "questions", WEGWEISER_FILE, MAX_QUESTION, QUESTIONS_RANGE, required=True
        ),
        keywords=check.texts(
            item, "keywords", WEGWEISER_FILE, MAX_QUESTION, (1, 1000), required=True
        ),
    )
    if pointer.note and not any(m in pointer.note.lower() for m in NO_ADVICE_MARKERS):
        check.add(
            WEGWEISER_FILE,
            item.key_lines["note"],
            "Der Hinweis muss sagen, dass dies keine Rechts- oder Steuerberatung ist "
            "(z. B. „Orientierung, keine Rechts- oder Steuerberatung.“).",
            pointer_id,
            "note",
        )
    return pointer


def _check_ids(
    check: Checker, located: list[tuple[Pointer, LineDict]], entry_ids: set[str] | None
) -> None:
    """Pointer ids are unique and differ from entry ids; `related` names existing entries."""
    seen: dict[str, int] = {}
    for pointer, item in located:
        if pointer.id in seen:
            message = f"Die id gibt es schon (Zeile {seen[pointer.id]})."
            check.add(WEGWEISER_FILE, item.line, message, pointer.id, "id")
        seen.setdefault(pointer.id, item.line)
        if entry_ids is None:
            continue
        if pointer.id in entry_ids:
            message = f"Die id ist schon die id eines Eintrags in {ENTRIES_DIR}/ – bitte ändern."
            check.add(
                WEGWEISER_FILE, item.key_lines.get("id", item.line), message, pointer.id, "id"
            )
        for target in pointer.related:
            if target not in entry_ids:
                check.add(
                    WEGWEISER_FILE,
                    item.key_lines.get("related", item.line),
                    f"Verweis auf „{target}“ – diesen Eintrag gibt es nicht in {ENTRIES_DIR}/.",
                    pointer.id,
                    "related",
                )


def load_pointers(check: Checker, entry_ids: set[str] | None) -> list[Pointer]:
    """All pointers of wegweiser.yaml (none if the file is absent).

    Links to entries are only judged when entry_ids is given (all entry files readable).
    """
    if not (check.root / WEGWEISER_FILE).is_file():
        return []
    data = check.read(WEGWEISER_FILE)
    located = [
        (_read_pointer(check, item), item)
        for item in check.top_list(data, WEGWEISER_FILE, "pointers")
    ]
    _check_ids(check, located, entry_ids)
    return [pointer for pointer, _ in located]
