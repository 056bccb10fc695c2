"""Reading all documents at once (bot.matching.reader): the same words as text by text."""

from __future__ import annotations

import random

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content import load_content
from bot.matching import reader
from bot.matching.documents import entry_texts
from bot.matching.normalize import ENGLISH, GERMAN, words
from bot.matching.reader import read_documents, text_words

# Texts where `words` does more than cut: senses (tax, räumen, fest, Zahlen), hyphens.
SPECIAL = [
    "Muss ich Steuern zahlen?",
    "Wie steuern wir das Projekt?",
    "Wenn ich Schnee räume, wer haftet?",
    "Wir brauchen eine feste Anlaufstelle.",
    "Wir feiern ein Fest im Hof.",
    "Sie kann gut mit Zahlen umgehen.",
    "Online-Beteiligung und Bürger-Haushalt",
    "sooo viele Fragen zur E-Mail-Adresse!!!",
]
PLAIN = [
    "Wie gründe ich einen Verein?",
    "Straße, Grünfläche, Spielplatz: wer ist zuständig?",
    "",
    "…",
    "Ärger über die Öffnungszeiten",
    "Crème brûlée für das Straßenfest",
]


def per_text(texts: list[str], lang: str = GERMAN) -> list[list[str]]:
    read = text_words(texts, lang)
    found: list[list[str]] = [[] for _ in texts]
    for number, word in zip(read.texts.tolist(), read.ids.tolist(), strict=True):
        found[number].append(read.words[word])
    return found


@pytest.mark.parametrize("at_once", [1, 3, 4096])
def test_text_words_equal_the_words_of_each_text(
    monkeypatch: pytest.MonkeyPatch, at_once: int
) -> None:
    monkeypatch.setattr(reader, "TEXTS_AT_ONCE", at_once)
    rng = random.Random(at_once)
    texts = [*SPECIAL, *PLAIN]
    texts += [" ".join(rng.sample(texts, 3)) for _ in range(30)]
    assert per_text(texts) == [words(text) for text in texts]


def test_the_words_are_numbered_in_the_order_they_first_occur() -> None:
    texts = ["Online-Beteiligung im Rathaus", "Rathaus und Beteiligung", "Steuern im Rathaus"]
    read = text_words(texts)
    flat = [word for text in texts for word in words(text)]
    assert read.words == list(dict.fromkeys(flat))


def test_a_text_with_the_joining_mark_is_read_on_its_own() -> None:
    texts = ["Rathaus \x02 Verein", "Verein"]
    assert per_text(texts) == [words(text) for text in texts]


def test_english_texts_are_read_one_by_one() -> None:
    texts = ["How do I found a club?", "ppl organize stuff", "reach out to the town hall"]
    assert per_text(texts, ENGLISH) == [words(text, ENGLISH) for text in texts]


def test_reading_the_shipped_content_in_small_parts_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    content = load_content(DEFAULT_CONTENT_DIR)
    documents = [*content.entries, *content.pointers]
    whole = read_documents(documents, GERMAN)
    monkeypatch.setattr(reader, "TEXTS_AT_ONCE", 7)
    parts = read_documents(documents, GERMAN)
    assert list(parts.table.words) == list(whole.table.words)
    assert parts.protected == whole.protected
    assert [[p.text for p in ps] for ps in parts.phrases] == [
        [p.text for p in ps] for ps in whole.phrases
    ]
    assert parts.bm25._best == whole.bm25._best


def test_primary_words_are_protected_and_summary_words_are_not() -> None:
    content = load_content(DEFAULT_CONTENT_DIR)
    entry = content.entries[0]
    read = read_documents([entry], GERMAN)
    primary = {w for text, weight in entry_texts(entry) if weight >= 1.0 for w in words(text)}
    assert read.protected == primary
    assert [p.text for p in read.phrases[0]]
