"""Readability of entry texts: sentence length in words and the Wiener Sachtextformel.

The Wiener Sachtextformel (WSTF, variant 1) rates German non-fiction from about 4 (very
easy) to 15 (very hard); it grows with long sentences and long words. It is computed here
as textstat 0.7 computes it for German (the same word, sentence and syllable counts, the
same arithmetic), with syllables from pyphen's German hyphenation. textstat itself was
dropped: importing it imports nltk, and the two took about 40 MB of the bot's memory and
half a second of every start for four counts and a formula. The hyphenation patterns
(about 15 MB) are read only for a text not scored before and let go after each load of
the content (`release_hyphenation`), so they do not stay in a running bot.

The limits below are for admins and editors, so the findings are plain German.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from bot.content.model import Entry

# Longest sentence (in words) of an entry's summary. Guides for administrative German name
# 20-25 words as the upper end of readable; a longer sentence is better split.
MAX_SENTENCE_WORDS = 25
# Plain version (Einfache Sprache): sentences of at most 12 words in the summary and one
# short instruction of at most 15 words per step.
MAX_PLAIN_SENTENCE_WORDS = 12
MAX_PLAIN_STEP_WORDS = 15
MAX_PLAIN_SUMMARY = 300  # characters
# WSTF1 of the plain summary and steps together: 8 leaves a margin over the editorial
# target of 7 (the shipped plain texts reach at most 7). Over 8 the text is no longer plain.
MAX_PLAIN_WSTF = 8.0
# WSTF1 of the normal summary and steps together: 13 keeps even the detailed version below
# "very hard" (14-15), the range of legal and scientific texts.
MAX_WSTF = 13.0

# Dots that do not end a sentence: abbreviations ("z. B.", "vs.") and ordinals ("14. Juni").
_ABBREVIATIONS = re.compile(
    r"\b(?:z\. ?B|d\. ?h|u\. ?a|o\. ?ä|bzw|vs|etc|usw|ca|ggf|evtl|inkl|Nr|Dr|Abs|\d{1,2})\.",
    re.IGNORECASE,
)
_PLACEHOLDER = "\x00"
_BREAK = "\x01"
# End of a sentence: . ! ? … (and closing quotes or brackets), space, then a new sentence.
_SENTENCE_END = re.compile(r"([.!?…][“\"')]*)\s+(?=[„\"(A-ZÄÖÜ0-9])")
# textstat's patterns (textstat/backend): punctuation, apostrophes, sentences.
_NON_CONTRACTION_APOSTROPHE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s\']")
_PUNCTUATION = re.compile(r"[^\w\s]")
_TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def sentences(text: str) -> list[str]:
    """The sentences of a text, split after . ! ? (not after common abbreviations)."""
    text = " ".join(text.split())
    guarded = _ABBREVIATIONS.sub(lambda match: match.group(0).replace(".", _PLACEHOLDER), text)
    marked = _SENTENCE_END.sub(lambda match: match.group(1) + _BREAK, guarded)
    return [
        part.replace(_PLACEHOLDER, ".").strip() for part in marked.split(_BREAK) if part.strip()
    ]


def word_count(text: str) -> int:
    """Words of a text: whitespace-separated pieces with at least one letter or digit."""
    return sum(1 for piece in text.split() if any(char.isalnum() for char in piece))


@lru_cache(maxsize=1)
def _hyphenation() -> Any:
    import pyphen  # type: ignore[import-untyped]

    return pyphen.Pyphen(lang="de")


def release_hyphenation() -> None:
    """Let go of the German hyphenation patterns (read again when a new text is scored)."""
    if _hyphenation.cache_info().currsize:
        import pyphen

        patterns = _hyphenation().hd
        for path in [path for path, cached in pyphen.hdcache.items() if cached is patterns]:
            del pyphen.hdcache[path]  # pyphen's own cache holds them too
        _hyphenation.cache_clear()


@lru_cache(maxsize=16384)
def _syllables(word: str) -> int:
    """Syllables of one word: its hyphenation points plus one (textstat's count). Kept
    when the patterns are let go: a known word needs no patterns."""
    lower = word.lower()
    return sum(len(_hyphenation().positions(part)) + 1 for part in lower.split())


def _words(text: str, apostrophes: bool = True) -> list[str]:
    """textstat's words: punctuation removed (apostrophes of English contractions kept
    unless `apostrophes` is False), split at white space."""
    if apostrophes:
        text = _NON_CONTRACTION_APOSTROPHE.sub("", text)
        return _PUNCTUATION_BUT_APOSTROPHE.sub("", text).split()
    return _PUNCTUATION.sub("", text).split()


def _sentence_count(text: str) -> int:
    """textstat's sentences: runs up to . ! ?, not counting those of at most two words."""
    if not text:
        return 0
    found = _TEXTSTAT_SENTENCE.findall(text)
    return max(1, len(found) - sum(1 for sentence in found if len(_words(sentence)) <= 2))


@lru_cache(maxsize=4096)
def wiener_sachtextformel(text: str) -> float:
    """WSTF variant 1 of a German text (about 4 = very easy … 15 = very hard)."""
    found = _words(text)
    if not found:
        return 0.0
    count = len(found)
    syllables = [_syllables(word) for word in found]
    ms = 100 * sum(1 for s in syllables if s >= 3) / count
    sl = count / _sentence_count(text)
    iw = 100 * sum(1 for word in _words(text, apostrophes=False) if len(word) > 6) / count
    es = 100 * sum(1 for s in syllables if s == 1) / count
    return (0.1935 * ms) + (0.1672 * sl) + (0.1297 * iw) - (0.0327 * es) - 0.875


def joined(summary: str, steps: Iterable[str]) -> str:
    """Summary and steps as one text, every step ending a sentence."""
    parts = [summary.strip()]
    for step in steps:
        step = step.strip()
        parts.append(step if step.endswith((".", "!", "?")) else step + ".")
    return " ".join(part for part in parts if part)


def _too_long(sentence: str, limit: int) -> str:
    start = " ".join(sentence.split()[:6])
    return (
        f"Der Satz „{start} …“ hat {word_count(sentence)} Wörter, "
        f"erlaubt sind höchstens {limit}. Bitte teilen."
    )


def readability_problems(entry: Entry) -> Iterable[tuple[str, str]]:
    """(field, message) for every sentence or text of the entry that is too hard to read."""
    for sentence in sentences(entry.summary):
        if word_count(sentence) > MAX_SENTENCE_WORDS:
            yield "summary", _too_long(sentence, MAX_SENTENCE_WORDS)
    if entry.summary and entry.steps:
        score = wiener_sachtextformel(joined(entry.summary, entry.steps))
        if score > MAX_WSTF:
            yield (
                "summary",
                f"Zusammenfassung und Schritte sind schwer zu lesen (Wiener Sachtextformel "
                f"{score:.1f}, erlaubt sind höchstens {MAX_WSTF:.0f}). Kürzere Sätze und "
                "kürzere Wörter helfen.",
            )
    plain = entry.plain
    if plain is None:
        return
    for sentence in sentences(plain.summary):
        if word_count(sentence) > MAX_PLAIN_SENTENCE_WORDS:
            yield "plain.summary", _too_long(sentence, MAX_PLAIN_SENTENCE_WORDS)
    for step in plain.steps:
        if word_count(step) > MAX_PLAIN_STEP_WORDS:
            yield "plain.steps", _too_long(step, MAX_PLAIN_STEP_WORDS)
    if plain.summary:
        score = wiener_sachtextformel(joined(plain.summary, plain.steps))
        if score > MAX_PLAIN_WSTF:
            yield (
                "plain",
                f"Die Fassung in Einfacher Sprache ist zu schwer (Wiener Sachtextformel "
                f"{score:.1f}, erlaubt sind höchstens {MAX_PLAIN_WSTF:.0f}). Kürzere Sätze "
                "und Alltagswörter helfen.",
            )
