"""Choosing the reply language: Telegram's language_code and the question's own language."""

from __future__ import annotations

import pytest

from bot.language import ENGLISH, GERMAN, detect, language_for_code, reply_language


@pytest.mark.parametrize(
    ("code", "lang"),
    [
        *[("de", GERMAN), ("de-AT", GERMAN), ("DE", GERMAN), (None, GERMAN), ("", GERMAN)],
        *[("en", ENGLISH), ("en-GB", ENGLISH), ("fr", ENGLISH), ("tr", ENGLISH), ("uk", ENGLISH)],
    ],
)
def test_language_from_telegram_code(code: str | None, lang: str) -> None:
    assert language_for_code(code) == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("How do we get the city council on board?", ENGLISH),
        ("Who can help us find volunteers for the festival", ENGLISH),
        ("Wie kriegen wir die Stadt ins Boot?", GERMAN),
        ("wie finden wir ehrenamtliche für unser fest", GERMAN),
    ],
)
def test_clear_sentences_are_detected(text: str, lang: str) -> None:
    assert detect(text) == lang


@pytest.mark.parametrize("text", ["Team", "Know-how", "hello", "Hallo", "IT Firma", "how to"])
def test_single_words_never_decide(text: str) -> None:
    assert detect(text) is None
    assert reply_language(text, GERMAN) == GERMAN
    assert reply_language(text, ENGLISH) == ENGLISH


def test_an_english_question_gets_english_even_for_a_german_reader() -> None:
    assert reply_language("How can we involve local businesses?", GERMAN) == ENGLISH
    assert reply_language("Wie binden wir Unternehmen ein?", ENGLISH) == GERMAN
