"""Further reading (content/reading.yaml): public resources with checked https links.

The file is optional. Each item names the topics it fits; the bot shows it under those
topics and in /lesetipps.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from bot.content.checks import Checker
from bot.content.files import READING_FILE
from bot.content.model import Reading
from bot.content.pointers import url_problem as link_problem
from bot.content.yamlsource import LineDict

MAX_READING_ID = 30
MAX_READING_TITLE = 100
MAX_READING_ABOUT = 300
MAX_URL = 300


def url_problem(url: str) -> str | None:
    """Why a link is not a well-formed https address, or None if it is."""
    if len(url) > MAX_URL:
        return f"Die Adresse ist zu lang (höchstens {MAX_URL} Zeichen)."
    try:
        problem = link_problem(url)
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "Die Adresse ist keine gültige Web-Adresse."
    if problem:
        return problem
    if parts.username or parts.password or port is not None:
        return "Die Adresse darf keinen Benutzernamen und keinen Port enthalten."
    return None


def _read_item(check: Checker, item: LineDict, topic_ids: set[str]) -> Reading:
    reading_id = check.ident(item, READING_FILE, MAX_READING_ID)
    url = check.text(item, "url", READING_FILE, MAX_URL)
    problem = url_problem(url) if url else None
    if problem:
        check.add(READING_FILE, item.key_lines.get("url", item.line), problem, reading_id, "url")
    topics = check.texts(item, "topics", READING_FILE, 40, (1, 20), required=True)
    for topic in topics:
        if topic not in topic_ids:
            line = item.key_lines.get("topics", item.line)
            check.add(
                READING_FILE, line, f"Das Thema „{topic}“ gibt es nicht.", reading_id, "topics"
            )
    return Reading(
        id=reading_id,
        title=check.text(item, "title", READING_FILE, MAX_READING_TITLE),
        url=url,
        about=check.text(item, "about", READING_FILE, MAX_READING_ABOUT),
        topics=topics,
    )


def load_reading(check: Checker, topic_ids: set[str]) -> list[Reading]:
    """The reading list, or nothing when the file does not exist."""
    if not (check.root / READING_FILE).is_file():
        return []
    readings: list[Reading] = []
    seen: dict[str, int] = {}
    for item in check.top_list(check.read(READING_FILE), READING_FILE, "reading"):
        reading = _read_item(check, item, topic_ids)
        check.unique_id(seen, reading.id, READING_FILE, item.line)
        readings.append(reading)
    return readings
