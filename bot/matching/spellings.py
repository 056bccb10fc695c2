"""The index's words by how they are spelled: what a query word may be another spelling of.

A word typed without umlauts ("grundsatze") is read as the index word it stands for, a
typo of an index word ("verwaltng") as that word, when it is no frequent German word
itself: one edit for 5–7 letters, two from 8. Stems sharing a long start are one family
("Schulung" ~ "schulen"). `bot.matching.terms` turns what is found here into candidates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.matching.background import GERMAN, is_common
from bot.matching.normalize import deumlaut, stem

PLAIN_VOWEL_SIMILARITY = 0.95
TYPO_SIMILARITY = (0.9, 0.8)  # one edit, two edits
PREFIX = 5
PREFIX_SHARE = 0.6
# English stems already join a word's inflections; a shorter stem inside a longer one is
# mostly another word there ("parti" of party in "particip" of participation).
ENGLISH_PREFIX_SHARE = 0.75
MIN_TYPO_LENGTH = 5
LONG_TYPO_LENGTH = 8


class Spellings:
    """Index stems by their first letters; index words by initial and without umlauts.

    `stems`: the index's stems; `known`: the stems a surface word must have to count (the
    index's and their synonyms'); `surface`: the index's words as written.
    """

    def __init__(
        self, stems: Iterable[str], known: Collection[str], surface: Iterable[str], lang: str
    ) -> None:
        self.lang = lang
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        for token in sorted(stems):
            self._by_prefix[token[:PREFIX]].append(token)
        self._plain: dict[str, str] = {}
        self._by_initial: dict[str, list[str]] = defaultdict(list)
        for word in sorted(set(surface)):
            if stem(word, lang) not in known:
                continue
            plain = deumlaut(word)
            if plain != word:
                self._plain.setdefault(plain, word)
            if len(word) >= MIN_TYPO_LENGTH - 1:
                self._by_initial[word[0]].append(word)

    def variants(self, word: str) -> list[tuple[str, float]]:
        """Index words this one may be a spelling of: without umlauts, or with a typo."""
        plain = self._plain.get(word)
        if plain:
            return [(plain, PLAIN_VOWEL_SIMILARITY)]
        if len(word) < MIN_TYPO_LENGTH or is_common(word, self.lang):
            return []
        edits = 1 if len(word) < LONG_TYPO_LENGTH else 2
        found = process.extract(
            word,
            self._by_initial.get(word[0], ()),
            scorer=OSA.distance,
            score_cutoff=edits,
            limit=3,
        )
        return [
            (other, TYPO_SIMILARITY[int(distance) - 1])
            for other, distance, _ in found
            if distance > 0
        ]

    def prefix_family(self, token: str) -> Iterator[tuple[str, float]]:
        """Stems sharing a long prefix with the token ("schul" ~ "schulung"), with their
        similarity."""
        if len(token) < PREFIX:
            return
        share = PREFIX_SHARE if self.lang == GERMAN else ENGLISH_PREFIX_SHARE
        for other in self._by_prefix.get(token[:PREFIX], ()):
            if other == token:
                continue
            shorter, longer = (token, other) if len(token) <= len(other) else (other, token)
            if longer.startswith(shorter) and len(shorter) / len(longer) >= share:
                yield other, 0.55 + 0.4 * len(shorter) / len(longer)
