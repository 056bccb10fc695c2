"""Ranking a message's terms against the index: the best principles and pointers.

score = 100 x (COVERAGE_SHARE x coverage + the rest x phrase similarity), mixed with a
little exact-word BM25 (`bot.matching.scoring`); the best few of each kind are fitted
(`Fitting`: how much of the message each explains, and of what kind) and put in their
final order (practical words, an asked predicate, exact words for a long message).
`bot.matching.matcher` decides from this ranking what kind of answer a message gets.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from bot.matching.decision import Ranked, confidence_of
from bot.matching.index import Index
from bot.matching.pointer_order import NAMES_HEAD, head_first
from bot.matching.postings import Explains
from bot.matching.practical import (
    FRAME_SHARE,
    NAMES,
    SPECIFIC,
    TRUSTED,
    PracticalWords,
    practical_first,
    predicate_first,
)
from bot.matching.scoring import (
    Fitting,
    Query,
    best_score,
    bm25_share,
    decided_by_words,
    fitted,
    mixed,
    phrase_score,
    query_of,
)
from bot.matching.terms import FOREIGN_INFO, Term

__all__ = ["FULL_FIT", "INTRODUCTION_WORDS", "Ranker"]

RERANK_CANDIDATES = 12  # phrase similarity is costly; it only reorders the top coverage hits
RERANK_POINTERS = 5  # the same for pointers, of which there are few
RERANK_ASKED = 12  # ... and those of this many that name a predicate asked (`_with_asked`)
COVERAGE_SHARE = 0.6  # coverage finds the topic; phrase (the rest) picks among close entries
FULL_FIT = 0.9  # nearly all the message says ("Wer macht was?"): a document's own question
# A message with sentences besides its request counts as introduced (INTRODUCED_LOGIT) only
# with at least this many content words: "Mein Nachbar ist laut. Was kann ich tun?" is two
# short sentences, not an introduction and a request.
INTRODUCTION_WORDS = 10
PREDICATE_PART = 6  # the shortest word an asked predicate may be read as ("versichert")


class Ranker:
    """Ranks terms against one index; `practical` tells the practical terms."""

    def __init__(self, index: Index, practical: PracticalWords) -> None:
        self._index = index
        self.practical = practical

    def rank(
        self,
        terms: Sequence[Term],
        practical_frame: bool = False,
        introduced: bool = False,
        fact: bool = False,
        asked: str | None = None,
        personal: bool = False,
        *,
        keep: int | None = None,
        predicate: str | None = None,
        head: str | None = None,
    ) -> tuple[list[Ranked], list[Ranked]]:
        """Best principles and best pointers, each ranked by score; `practical_frame`: the
        question asks the way practical questions ask (`asks_practically`); `introduced`:
        the message has sentences besides its request (`INTRODUCED_LOGIT`; only with
        INTRODUCTION_WORDS content words or more); `fact`, `asked`: the request asks for a
        fact, about the noun with this stem (`fact_asked`); `keep`: only the best so many
        of each kind (a fit costs more than a score; `search` reads no more); `predicate`:
        the stem of the predicate a practical yes/no question asks (`asked_predicate`);
        `head`: the stem of the noun the question asks about (`asked_head`)."""
        total = sum(term.weight for term in terms)
        total_info = sum(term.info for term in terms)
        if not terms or total <= 0 or total_info <= 0:
            return [], []
        found_by, unexplained = self._found_by(terms)
        # the practical mass of the message, and how much each candidate explains of it
        practical = math.fsum(term.info for term, is_practical, _ in found_by if is_practical)
        framed = FRAME_SHARE * total_info if practical_frame else 0.0  # never explained
        fitting = Fitting(
            found_by,
            total_info,
            unexplained,
            sum(term.info for term in terms if term.foreign),
            practical + framed,
            # ... nor one the document explains all of: its own question ("Wie lange
            # dauert das Verfahren noch?" of the entry on timelines)
            FULL_FIT * total_info if fact else -math.inf,
            # A writer who introduces themselves first asks in a role ("Ich bin
            # Quartiersmanager …"), not for themselves.
            personal and not introduced,
        )
        # A fact question about what one of the ranked documents is about is none ("Welchen
        # Nutzen hat …?" when an entry names "Nutzen" in its title, questions or keywords).
        about = next((e for t, _, e in found_by if t.token == asked), None) if fact else None
        exact_query = {term.token: term.info for term in terms if not term.foreign}
        asked_of = _asked_of(found_by, predicate) if predicate else None
        scored = self._candidates(found_by, total, exact_query, asked_of)
        head_of = self._head_of(found_by, head) if head and asked_of is None else None
        order = (asked_of, head_of, about, exact_query, introduced, keep)
        return self._ordered(scored, fitting, *order)

    def names_topic(self, terms: Sequence[Term], index: int) -> bool:
        """True when a term stands for one of pointer `index`'s topic words (`Index.topics`:
        its title and keywords), not only for everyday words of its example questions."""
        topic = self._index.topics[index - self._index.count]
        return any(found in topic for term in terms for found, _ in term.candidates)

    def names_own(self, terms: Sequence[Term], index: int) -> bool:
        """True when a term of the message, no service or private word and at least as specific
        as one (FOREIGN_INFO), stands only for words no workshop entry uses, one of them among
        pointer `index`'s topic words (`names_topic`): the message names the pointer by its
        own word ("Unfallkasse", "Führungszeugnis"; not "Gebühren", "Miete"), whatever
        everyday service it also mentions."""
        topic = self._index.topics[index - self._index.count]
        return any(
            term.info >= FOREIGN_INFO
            and not term.foreign
            and self.practical.only_pointers(term)
            and any(found in topic for found, sure in term.candidates if sure >= TRUSTED)
            for term in terms
        )

    def pointer_confidence(
        self, terms: Sequence[Term], pointer: Ranked, weights: Mapping[str, float]
    ) -> float:
        """The confidence of a ranked pointer (`confidence_of`); a service or private word
        (`Fit.foreign`) says nothing against a pointer the message names by its own word
        (`names_own`: "Was deckt die Unfallkasse ab, wenn ich für die Gemeinde Schnee
        räume?" asks about the insurer, not about the winter service)."""
        fit = pointer.fit
        if fit.foreign and self.names_own(terms, pointer.index):
            fit = replace(fit, foreign=0.0)
        return confidence_of(fit, weights)

    def _head_of(
        self, found_by: Sequence[tuple[Term, bool, Explains]], head: str
    ) -> Callable[[int], float] | None:
        """How well each pointer names the asked head among its topic words (`Index.topics`),
        when the head is a specific word (SPECIFIC: "Geld", "Hilfe" name no topic)."""
        term = next((t for t, _, _ in found_by if t.token == head and t.info >= SPECIFIC), None)
        if term is None:
            return None
        topics, count = self._index.topics, self._index.count
        candidates = term.candidates
        return lambda i: max((s for c, s in candidates if c in topics[i - count]), default=0.0)

    def _found_by(self, terms: Sequence[Term]) -> tuple[list[tuple[Term, bool, Explains]], float]:
        """Per term: whether it is practical and how well each document explains it (only
        coverage is summed for every document; the other masses only for the few
        candidates that are ranked); and the message's mass no document explains."""
        unexplained = 0.0
        found_by: list[tuple[Term, bool, Explains]] = []
        for term in terms:
            explains = self._index.postings.explains(term.candidates)
            unexplained += term.info * (1.0 - explains.most)
            found_by.append((term, self.practical.is_practical(term), explains))
        return found_by, unexplained

    def _candidates(
        self,
        found_by: Sequence[tuple[Term, bool, Explains]],
        total: float,
        exact_query: dict[str, float],
        asked_of: Explains | None = None,
    ) -> list[list[tuple[float, int, float]]]:
        """The best principles and pointers by coverage, each kind scored (`_scored`); the
        pointers that name an asked predicate (`asked_of`) are among them however little
        else of the message they explain (`_with_asked`)."""
        terms = [term for term, _, _ in found_by]
        index = self._index
        coverage = index.postings.coverage(
            [explains for _, _, explains in found_by], [term.weight / total for term in terms]
        )
        candidates = (
            coverage.best(0, index.count, RERANK_CANDIDATES),
            _with_asked(coverage.best, index.count, index.postings.size, asked_of),
        )
        exact = index.bm25.share(exact_query, (i for best in candidates for i, _ in best))
        share = bm25_share(len(exact_query))
        query = query_of(terms, total, index.stem_bits)
        return [self._scored(best, query, exact, share) for best in candidates]

    def _ordered(
        self,
        scored: list[list[tuple[float, int, float]]],
        fitting: Fitting,
        asked_of: Explains | None,
        head_of: Callable[[int], float] | None,
        about: Explains | None,
        exact_query: dict[str, float],
        introduced: bool,
        keep: int | None,
    ) -> tuple[list[Ranked], list[Ranked]]:
        """The scored principles and pointers fitted, in their final order: a practical
        question's pointers by the practical words they leave open (`practical_first`) and
        the asked predicate (`asked_of`, `predicate_first`), a
        long message's principles by exact words when undecided (`decided_by_words`);
        each kind's best judged against the other kind's best ("margin")."""
        principles_scored, pointers_scored = scored
        every = fitting.practical > 0  # practical_first compares the pointers' fits
        pointers = practical_first(
            fitted(pointers_scored, fitting, about, None if every else keep, 0.0)
        )
        if asked_of is not None:  # a framed question: every pointer is fitted
            pointers = predicate_first(pointers, lambda i: (asked_of.value(i) or 0.0) >= NAMES)
        elif head_of is not None:
            pointers = head_first(pointers, head_of)
        if pointers:
            best = pointers[0]
            rival = best_score(principles_scored)  # decided_by_words keeps the first score
            core = _names_core(best.index, asked_of, head_of)
            pointers[0] = Ranked(best.index, best.score, replace(best.fit, rival=rival, core=core))
        long = len(exact_query) >= INTRODUCTION_WORDS
        rival = pointers[0].score / 100 if pointers else 0.0
        principles = fitted(
            principles_scored, fitting, about, None if long else keep, rival, introduced and long
        )
        if long:  # a long message: exact words may decide
            plain = dict.fromkeys(exact_query, 1.0)
            exact = self._index.bm25.share(plain, (r.index for r in principles))
            principles = decided_by_words(principles, exact)
        return principles[:keep], pointers[:keep]

    def _scored(
        self,
        best_ones: list[tuple[int, float]],
        query: Query,
        exact: dict[int, float],
        share: float,
    ) -> list[tuple[float, int, float]]:
        """(score, document, own score) of the best few of one kind, best first: coverage
        and phrase similarity (own), mixed with their exact-word BM25 share (`exact`)."""
        own = {
            i: COVERAGE_SHARE * cov
            + (1 - COVERAGE_SHARE) * phrase_score(self._index.phrases[i], query, self._index.idf)
            for i, cov in best_ones
        }
        return sorted(
            ((round(100 * mixed(own[i], exact.get(i, 0.0), share), 1), i, own[i]) for i in own),
            reverse=True,
        )


def _names_core(
    index: int, asked_of: Explains | None, head_of: Callable[[int], float] | None
) -> bool:
    """True when document `index` names what the question asks about: the predicate of a
    practical yes/no question (`asked_of`, NAMES) or the noun it asks to be explained
    (`head_of`, NAMES_HEAD)."""
    if asked_of is not None:
        return (asked_of.value(index) or 0.0) >= NAMES
    return head_of is not None and head_of(index) >= NAMES_HEAD


def _with_asked(
    best: Callable[[int, int, int], list[tuple[int, float]]],
    start: int,
    end: int,
    asked_of: Explains | None,
) -> list[tuple[int, float]]:
    """The RERANK_POINTERS pointers of highest coverage (`best(start, end, wanted)`), and,
    for a question that asks a predicate ("Sind Kinder versichert, die bei unserer
    Müllsammelaktion im Park mitmachen?"), every pointer naming it (NAMES) among the
    RERANK_ASKED best: everyday words of the subject ("Kinder", "Park") may cover other
    pointers more, while the asked predicate says what the question is about."""
    if asked_of is None:
        return best(start, end, RERANK_POINTERS)
    wider = best(start, end, RERANK_ASKED)
    return [
        (i, c)
        for rank, (i, c) in enumerate(wider)
        if rank < RERANK_POINTERS or (asked_of.value(i) or 0.0) >= NAMES
    ]


def _asked_of(found_by: Sequence[tuple[Term, bool, Explains]], predicate: str) -> Explains | None:
    """What explains the asked predicate: its own term, else the longest term it ends in
    ("mitversichert" is read as the verb "versichert" with its particle)."""
    ending = [(len(t.token), e) for t, _, e in found_by if predicate.endswith(t.token)]
    longest = max(ending, key=lambda pair: pair[0], default=None)
    return longest[1] if longest and longest[0] >= PREDICATE_PART else None
