"""The nouns Wegweiser pointers are titled by that no workshop entry uses: a one-sentence
question that names one ("Kann ich mit meinem Geschäft Akzeptanzpartner der Ehrenamtskarte
werden?") is about that pointer's topic, however many of its other words a principle
explains ("Geschäft", "Partner"; `bot.matching.matcher.Matcher.search` then judges the
pointer without the principles).

A title says what a pointer is about ("Ehrenamtskarte und andere Anerkennung", "Bürgerrat
und Losverfahren", "Erweitertes Führungszeugnis im Ehrenamt"); of its words only nouns (a
capital in the title) that are specific (TITLE_INFO: "Musik" of "Feste und
Veranstaltungen: Genehmigung, Musik, Ausschank" names a party's music more often than the
topic) and that only pointers use count, and only when the message has the word itself
(TITLE_SIMILARITY: a compound part, "Ehrenamt" of "Ehrenamtskarte", names no topic).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.content import Content
from bot.matching.background import informativeness
from bot.matching.documents import pointer_only
from bot.matching.normalize import stem, words
from bot.matching.terms import Term

__all__ = ["TITLE_INFO", "TITLE_SIMILARITY", "TitleNouns"]

TITLE_INFO = 0.5  # a title noun at least this specific in general German names its topic
TITLE_SIMILARITY = 0.99  # ... when the message has it itself (exact or an inflected form)


class TitleNouns:
    """Stem → the documents (index numbers) of the pointers titled by it; `postings` and
    `count` (the number of entries: pointers come after them) tell which stems only
    pointers use."""

    def __init__(
        self, content: Content, postings: Mapping[str, Mapping[int, float]], count: int
    ) -> None:
        lang = content.lang
        titled: dict[str, set[int]] = {}
        for number, pointer in enumerate(content.pointers, start=count):
            for found in _title_nouns(pointer.title, pointer.keywords, lang):
                titled.setdefault(found, set()).add(number)
        self._titled = {
            found: frozenset(numbers)
            for found, numbers in titled.items()
            if pointer_only(found, postings, count)
        }

    def __contains__(self, found: object) -> bool:
        return found in self._titled

    def names(self, terms: Sequence[Term], index: int) -> bool:
        """True when a term is, itself, a title noun of pointer `index`."""
        return any(
            similarity >= TITLE_SIMILARITY and index in self._titled.get(found, ())
            for term in terms
            for found, similarity in term.candidates
        )


def _title_nouns(title: str, keywords: Sequence[str], lang: str) -> set[str]:
    """The stems of a title's specific words (TITLE_INFO) that its keywords write with a
    capital: nouns ("Ehrenamtskarte", "Führungszeugnis"), not the adjective or participle
    a title opens with ("Versichert im Ehrenamt": the keyword is "versichert")."""
    capitalised = {
        stem(plain, lang)
        for keyword in keywords
        for word in keyword.replace("-", " ").split()
        if word[:1].isupper()
        for plain in words(word, lang)
    }
    return {
        stem(plain, lang)
        for plain in words(title, lang)
        if informativeness(plain, lang) >= TITLE_INFO and stem(plain, lang) in capitalised
    }
