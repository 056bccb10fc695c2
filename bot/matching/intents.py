"""Single words that mean a command rather than a question ("hilfe", "themen")."""

from __future__ import annotations

from bot.matching.normalize import fold

HELP = "help"
TOPICS = "topics"
START = "start"

# Compared folded, with or without a leading slash.
_WORDS = {
    "hilfe": HELP,
    "help": HELP,
    "themen": TOPICS,
    "thema": TOPICS,
    "topics": TOPICS,
    "topic": TOPICS,
    "start": START,
}


def command_word(text: str) -> str | None:
    """HELP, TOPICS or START when the whole message is such a word, else None."""
    word = fold(text.strip()).removeprefix("/").rstrip("!?.")
    return _WORDS.get(word)
