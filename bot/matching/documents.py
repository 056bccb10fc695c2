"""What each document (entry or Wegweiser pointer) is found by, and how much each text counts.

The matcher indexes these texts; the phrasings (title and questions) are also kept whole
for phrase similarity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.content import Entry, Pointer
from bot.matching.normalize import stem, words

# Where a word sits in an entry says how much it tells about the entry:
TITLE_WEIGHT = 1.0  # the title names what the entry is about
PRIMARY_WEIGHT = 1.0  # questions, keywords, poles: written the way people ask
SUMMARY_WEIGHT = 0.5  # the summary explains, so it holds many incidental words
STEP_WEIGHT = 0.3  # steps are concrete how-tos; their words rarely name the topic
# a pointer's topic vocabulary (content/lexicon.yaml): words public pages on its topic use,
# one at a time; each says less than a word the pointer was written with
LEXICON_WEIGHT = 0.3


@dataclass(slots=True)
class Phrase:
    """One phrasing of a document: its distinct stems sorted, as text, their idf sum, and
    the stems as a bit mask (`StemBits`)."""

    text: str
    weight: float = 0.0
    bits: int = 0

    @property
    def stems(self) -> list[str]:
        """The distinct stems, sorted, read from the text: only building the index needs
        them, so no set is kept (one per distinct phrasing: up to 60,000 at 10,000 entries)."""
        return self.text.split()


class StemBits:
    """One bit per stem of an index's phrasings, the most frequent stems lowest (small
    masks). A message's stems as a mask tell in one AND which stems a phrasing shares with
    it, and the mask of those is a cheap key to remember what they are worth."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        unique = list({id(phrase): phrase for phrase in phrases}.values())
        counts = Counter(token for phrase in unique for token in phrase.stems)
        self._stems = sorted(counts, key=lambda token: (-counts[token], token))
        self._bits = {token: 1 << place for place, token in enumerate(self._stems)}
        for phrase in unique:
            phrase.bits = self.mask(phrase.stems)

    def mask(self, stems: Iterable[str]) -> int:
        """The bits of these stems (stems of no phrasing have none)."""
        mask = 0
        for token in stems:
            mask |= self._bits.get(token, 0)
        return mask

    def stem(self, bit: int) -> str:
        """The stem of a single bit."""
        return self._stems[bit.bit_length() - 1]

    def stems(self, mask: int) -> frozenset[str]:
        """The stems of a mask."""
        found = []
        while mask:
            lowest = mask & -mask
            found.append(self._stems[lowest.bit_length() - 1])
            mask ^= lowest
        return frozenset(found)


def phrase_of(
    text: str, cache: dict[str, Phrase], lang: str, found: Sequence[str] | None = None
) -> Phrase:
    """The stems of one phrasing; equal texts share one object (same stems, same weight).
    `found`: the text's `words`, if already read."""
    phrase = cache.get(text)
    if phrase is None:
        stems = [stem(w, lang) for w in (words(text, lang) if found is None else found)]
        phrase = cache[text] = Phrase(" ".join(sorted(set(stems))))
    return phrase


def entry_texts(entry: Entry) -> Iterable[tuple[str, float]]:
    """The texts an entry is found by, with how much each counts."""
    yield entry.title, TITLE_WEIGHT
    for text in (*entry.questions, *entry.keywords, *entry.poles):
        yield text, PRIMARY_WEIGHT
    yield entry.summary, SUMMARY_WEIGHT
    for step in entry.steps:
        yield step, STEP_WEIGHT


def pointer_texts(pointer: Pointer, lexicon: Sequence[str] = ()) -> Iterable[tuple[str, float]]:
    """The texts a Wegweiser pointer is found by, with how much each counts; `lexicon`: its
    topic vocabulary (`Content.lexicon`)."""
    yield pointer.title, TITLE_WEIGHT
    for text in (*pointer.questions, *pointer.keywords):
        yield text, PRIMARY_WEIGHT
    yield pointer.orientation, SUMMARY_WEIGHT
    for word in lexicon:
        yield word, LEXICON_WEIGHT


def document_texts(
    document: Entry | Pointer, lexicon: Mapping[str, Sequence[str]]
) -> Iterable[tuple[str, float]]:
    """The texts an entry or pointer is found by (`lexicon`: `Content.lexicon`)."""
    if isinstance(document, Entry):
        return entry_texts(document)
    return pointer_texts(document, lexicon.get(document.id, ()))


def pointer_name_stems(pointers: Iterable[Pointer], lang: str) -> set[str]:
    """The stems of the words pointers are named by (titles, keywords), whole words only: a
    compound part ("Jugendleiter" of "Jugendleitercard") names a person or thing that many
    topics concern, not the pointer's topic."""
    return text_stems((text for p in pointers for text in (p.title, *p.keywords)), lang)


def lexicon_stems(lexicon: Mapping[str, Sequence[str]], lang: str) -> set[str]:
    """The stems of the pointers' topic vocabulary (`Content.lexicon`): by how it is built
    no workshop entry uses them, so a message's word found only there is a practical one
    (`bot.matching.practical.PracticalWords`), like a word of a pointer's title or keywords."""
    return text_stems((text for found in lexicon.values() for text in found), lang)


def text_stems(texts: Iterable[str], lang: str) -> set[str]:
    """The stems of the words of some texts."""
    return {stem(word, lang) for text in texts for word in words(text, lang)}


def pointer_only(token: str, postings: Mapping[str, Mapping[int, float]], count: int) -> bool:
    """True when only pointers use the stem: an index's documents are its `count` entries
    first, then its pointers."""
    return token in postings and min(postings[token]) >= count
