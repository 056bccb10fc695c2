"""Which language to answer in: the user's choice, Telegram's language_code, the question.

German is the content's own language; everyone whose Telegram is not set to German gets
English (the only translation). A question written in English gets an English answer even
from a German user. Detection uses py3langid (a maintained fork of langid.py that ships its
model) restricted to German and English, and only decides on three words or more with a
clear probability: "Team", "Hallo" or "How-to" alone never switch the language.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any

logger = logging.getLogger(__name__)

GERMAN = "de"
ENGLISH = "en"
LANGUAGES = (GERMAN, ENGLISH)
MIN_WORDS = 3
MIN_PROBABILITY = 0.95
_WORD = re.compile(r"[^\W\d_]{2,}")


def language_for_code(language_code: str | None) -> str:
    """German for de* (and for an unknown code), English for every other Telegram language."""
    if not language_code:
        return GERMAN
    return GERMAN if language_code.lower().startswith(GERMAN) else ENGLISH


@functools.cache
def _identifier() -> Any:
    """The py3langid model (loaded once, about 3 s), limited to German and English."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def load_detector() -> None:
    """Load the model now (at start-up) instead of at the first question."""
    _identifier()


def detect(text: str) -> str | None:
    """ "de" or "en" if the text clearly is in that language, else None (too short, unclear)."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    lang, probability = _identifier().classify(text)
    if probability < MIN_PROBABILITY:
        return None
    return str(lang)


def reply_language(text: str, user_language: str) -> str:
    """The language to answer `text` in: the question's own if it is clear, else the user's."""
    return detect(text) or user_language
