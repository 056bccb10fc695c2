"""What each document (entry or Wegweiser pointer) is found by, and how much each text counts.

The matcher indexes these texts; the phrasings (title and questions) are also kept whole
for phrase similarity.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from bot.content import Entry, Pointer
from bot.matching.normalize import stem, words

# Where a word sits in an entry says how much it tells about the entry:
TITLE_WEIGHT = 1.0  # the title names what the entry is about
PRIMARY_WEIGHT = 1.0  # questions, keywords, poles: written the way people ask
SUMMARY_WEIGHT = 0.5  # the summary explains, so it holds many incidental words
STEP_WEIGHT = 0.3  # steps are concrete how-tos; their words rarely name the topic


@dataclass(slots=True)
class Phrase:
    """One phrasing of a document: its stems, the sorted stems as text, their idf sum, and
    `buckets`, the stems' `stem_buckets` (a phrase whose buckets share none with a
    message's shares no stem with it either: most phrasings are passed over that way)."""

    stems: frozenset[str]
    text: str
    weight: float = 0.0
    buckets: int = 0


def stem_buckets(stems: Iterable[str]) -> int:
    """A 64-bit mask with one bit set per stem, at a fixed place derived from the stem."""
    mask = 0
    for token in stems:
        mask |= 1 << (zlib.crc32(token.encode()) & 63)
    return mask


def phrase_of(text: str, cache: dict[str, Phrase], lang: str) -> Phrase:
    """The stems of one phrasing; equal texts share one object (same stems, same weight)."""
    phrase = cache.get(text)
    if phrase is None:
        stems = [stem(w, lang) for w in words(text, lang)]
        phrase = cache[text] = Phrase(
            frozenset(stems), " ".join(sorted(set(stems))), buckets=stem_buckets(stems)
        )
    return phrase


def entry_texts(entry: Entry) -> Iterable[tuple[str, float]]:
    """The texts an entry is found by, with how much each counts."""
    yield entry.title, TITLE_WEIGHT
    for text in (*entry.questions, *entry.keywords, *entry.poles):
        yield text, PRIMARY_WEIGHT
    yield entry.summary, SUMMARY_WEIGHT
    for step in entry.steps:
        yield step, STEP_WEIGHT


def pointer_texts(pointer: Pointer) -> Iterable[tuple[str, float]]:
    """The texts a Wegweiser pointer is found by, with how much each counts."""
    yield pointer.title, TITLE_WEIGHT
    for text in (*pointer.questions, *pointer.keywords):
        yield text, PRIMARY_WEIGHT
    yield pointer.orientation, SUMMARY_WEIGHT
