"""German compounds: the known stems a compound is made of.

A compound is split into parts the content knows, or stems that are a synonym of one
("Mitwirkungsprozess" → Beteiligung + Prozess); when only its start is known it stands
for that ("Bürgerbüro"), when only its last part is, for that if it is more than an
everyday word ("Handlungsspielraum" → Spielraum; German puts what a compound is last);
a verb with a separable particle stands for its verb or, with an everyday verb, its
particle ("losplanen" → plan, "klarmachen" → klar).
"""

from __future__ import annotations

from collections.abc import Set

from bot.matching.background import GERMAN, informativeness
from bot.matching.morphology import particle_verb
from bot.matching.normalize import STOP_WORDS, light_stems, stem

MIN_PART = 4
LINKING = ("", "s", "n", "en", "es", "e")
# A compound stands for its last part only when that part is more than an everyday word
# ("Handlungsspielraum" ~ Spielraum, "Tarifspielraum" ~ Spielraum; "Schlüsselperson" is no
# "Person", "Inklusionsprojekt" no "Projekt": Person, Projekt, Team, Arbeit lie below).
TAIL_SPECIFIC = 0.35


class Compounds:
    """Splits words into the `known` stems (the index's stems and their synonyms)."""

    def __init__(self, known: Set[str], lang: str = GERMAN) -> None:
        self._part_stems = known
        self.lang = lang

    def particle_verb(self, word: str) -> list[str]:
        """The known stem a verb with a separable particle means ("losplanen" → plan,
        "klarmachen" → klar: with an everyday verb, the particle carries the meaning)."""
        for particle, verb, forms in particle_verb(word):
            for form in (stem(verb), *forms):
                if form in self._part_stems:
                    return [form]
            if (stem(verb) in light_stems(self.lang) or verb in STOP_WORDS) and (
                stem(particle) in self._part_stems
            ):
                return [stem(particle)]
        return []

    def split(self, word: str) -> list[str]:
        """Known stems (or synonyms of them) a compound consists of; empty if none.

        German only: English writes its compounds apart ("password" is no "pass" + "word")."""
        if self.lang != GERMAN:
            return []
        best: list[str] = []
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head, rest = word[:cut], word[cut:]
            head_stem = stem(head, self.lang)
            if head_stem not in self._part_stems or len(head_stem) < MIN_PART:
                continue
            for link in LINKING:
                if not rest.startswith(link) or len(rest) - len(link) < MIN_PART:
                    continue
                tail = rest[len(link) :]
                tail_stem = stem(tail, self.lang)
                if tail_stem in self._part_stems:
                    return [head_stem, tail_stem]
                deeper = self.split(tail) if len(tail) >= 2 * MIN_PART else []
                if deeper and not best:
                    best = [head_stem, *deeper]
        return best

    def known_tail(self, word: str, specific: float = 0.0) -> str | None:
        """The longest known stem a compound ends with when its start is unknown
        ("Handlungsspielraum" → Spielraum): in German the last part names what it is.
        `specific`: the least informativeness the last part must have as a word."""
        if self.lang != GERMAN:
            return None
        for cut in range(MIN_PART, len(word) - MIN_PART):
            tail_stem = stem(word[cut:], self.lang)
            if len(tail_stem) > MIN_PART and tail_stem in self._part_stems:
                return tail_stem if informativeness(word[cut:]) >= specific else None
        return None

    def known_head(self, word: str) -> str | None:
        """A known stem a compound starts with when the rest is unknown ("Bürgerbüro")."""
        for cut in range(len(word) - MIN_PART - 1, MIN_PART + 1, -1):
            head_stem = stem(word[:cut], self.lang)
            if len(head_stem) > MIN_PART and head_stem in self._part_stems:
                return head_stem
        return None
