"""The arithmetic of ranking one message against the index (`bot.matching.matcher`).

- `Explains`: how well each document explains one term of the message (similarity of the
  term's best candidate × the field weight the document has it in);
- `explained`: the specific mass of the message one document explains;
- `phrase_score`: how close the message is to one of a document's own phrasings (soft F1
  of the shared stems and rapidfuzz's ratio of the sorted stems);
- `mixed`, `bm25_share`: the ranking score with a little exact-word BM25, more for long
  messages;
- `decided_by_words`: a long message's undecided ranking left to BM25's clear favourite.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.matching.decision import Ranked
from bot.matching.documents import SUMMARY_WEIGHT, Phrase
from bot.matching.terms import Term

BM25_SHARE = 0.1  # share of exact-word BM25 (`bot.matching.bm25`) in the ranking score
BM25_LONG_SHARE = 0.3  # ... for a long message (LONG_WORDS content words or more)
SHORT_WORDS = 6
LONG_WORDS = 14


@dataclass(frozen=True, slots=True)
class Query:
    """What phrase scoring needs of the query: its sorted stems as text, the terms' weights,
    for each stem a term may be found as the (term, similarity) pairs, and the total weight."""

    text: str
    weights: tuple[float, ...]
    by_stem: dict[str, list[tuple[int, float]]]
    total: float
    stems: frozenset[str]


def query_of(terms: Sequence[Term], total: float) -> Query:
    """What phrase scoring needs of the message's terms."""
    weights: list[float] = []
    by_stem: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for term in terms:
        if term.candidates:
            for found, similarity in dict(term.candidates).items():
                by_stem[found].append((len(weights), similarity))
            weights.append(term.weight)
    text = " ".join(sorted(term.token for term in terms))
    return Query(text, tuple(weights), dict(by_stem), total, frozenset(by_stem))


def phrase_score(phrases: Sequence[Phrase], query: Query, idf: Mapping[str, float]) -> float:
    """How close the question is to the document's best phrasing (0–1)."""
    best = 0.0
    by_stem, stems, weights = query.by_stem, query.stems, query.weights
    for phrase in phrases:
        matched = phrase.stems & stems
        if not matched:
            continue
        pairs = by_stem[next(iter(matched))] if len(matched) == 1 else ()
        if len(pairs) == 1:  # the common case: one stem in common, found by one term
            position, similarity = pairs[0]
            hit = weights[position] * similarity
        else:
            hit = _hit(matched, by_stem, weights)
        recall = hit / query.total
        precision = math.fsum(idf.get(s, 1.0) for s in matched) / phrase.weight
        f1 = 2 * recall * precision / (recall + precision)
        # Both texts are sorted stems, so this is rapidfuzz's token_sort_ratio.
        ratio = fuzz.ratio(query.text, phrase.text) / 100.0
        best = max(best, 0.8 * f1 + 0.2 * ratio)
    return best


def _hit(
    matched: frozenset[str],
    by_stem: dict[str, list[tuple[int, float]]],
    weights: tuple[float, ...],
) -> float:
    """The weight of the query terms a phrase contains, each term once with its best stem."""
    per_term: dict[int, float] = {}
    for found in matched:
        for position, similarity in by_stem[found]:
            if similarity > per_term.get(position, -1.0):
                per_term[position] = similarity
    hit = 0.0
    for position in sorted(per_term):  # in the terms' order: the same sum every time
        hit += weights[position] * per_term[position]
    return hit


class Explains:
    """How well each document explains one term: similarity × field weight per document.

    `values` maps a document to its field weight (one candidate: the posting list itself,
    times `similarity`) or to the value itself (several candidates: `similarity` 1)."""

    __slots__ = ("most", "similarity", "values")

    def __init__(self, values: dict[int, float], similarity: float = 1.0) -> None:
        self.values = values
        self.similarity = similarity
        self.most = similarity * max(values.values()) if values else 0.0

    def add_coverage(self, coverage: dict[int, float], share: float) -> None:
        """Add this term's share of every document's coverage."""
        similarity = self.similarity
        if similarity == 1.0:
            for index, value in self.values.items():
                coverage[index] += share * value
            return
        for index, weight in self.values.items():
            value = similarity * weight
            if value > 0.0:
                coverage[index] += share * value

    def names(self, index: int) -> bool:
        """True when document `index` has the term where it says what it is about (title,
        questions, keywords, or a synonym there), not only in its summary or steps."""
        value = self.value(index)
        return value is not None and value > SUMMARY_WEIGHT

    def value(self, index: int) -> float | None:
        """How well document `index` explains the term; None if not at all."""
        weight = self.values.get(index)
        if weight is None:
            return None
        value = self.similarity * weight
        return value if value > 0.0 else None


def explained(found_by: Sequence[tuple[Term, bool, Explains]], index: int
               ) -> tuple[float, float]:
    """The specific mass of the message one document explains, and of its practical part."""
    explained = practical = 0.0
    for term, is_practical, explains in found_by:
        value = explains.value(index)
        if value is not None:
            explained += term.info * value
            if is_practical:
                practical += term.info * value
    return explained, practical


def mixed(own: float, exact: float, share: float = BM25_SHARE) -> float:
    """The ranking score (0–1): the matcher's own score with a little exact-word BM25."""
    return (1 - share) * own + share * exact


def bm25_share(words_count: int) -> float:
    """BM25's share of the ranking score: it grows with the message, whose word counts
    then say more (a long message), from BM25_SHARE up to BM25_LONG_SHARE."""
    ramp = (words_count - SHORT_WORDS) / (LONG_WORDS - SHORT_WORDS)
    return BM25_SHARE + (BM25_LONG_SHARE - BM25_SHARE) * min(1.0, max(0.0, ramp))


# A long message whose own ranking is undecided while its exact words decide: the best few
# are ranked by coverage, phrasing and a little BM25 (`mixed`); when the first of them leads
# the second by at most OWN_UNDECIDED of its score, and BM25 alone, over the message's stems
# counted alike (no specificity or sentence weights: an opinion of its own), puts one of
# them ahead of all others by at least EXACT_DECIDED of its score, that one comes first.
# Chosen on the tune data (realistic tune half, long.yaml): a plateau from 0.2 to 0.25
# (EXACT_DECIDED) and 0.1 to 0.3 (OWN_UNDECIDED), every other set unchanged.
OWN_UNDECIDED = 0.2
EXACT_DECIDED = 0.2


def decided_by_words(ranked: Sequence[Ranked], exact: Mapping[int, float]) -> list[Ranked]:
    """`ranked` (best first) with BM25's clear favourite first when the ranking itself is
    undecided (OWN_UNDECIDED, EXACT_DECIDED; `exact`: BM25 shares by index).

    Only the order changes: the favourite takes the first place with its score and its fit
    (how much of the message the best entry explains, its lead), so whether the message is
    answered at all is judged as before."""
    if len(ranked) < 2 or ranked[0].score <= 0:
        return list(ranked)
    if ranked[0].score - ranked[1].score > OWN_UNDECIDED * ranked[0].score:
        return list(ranked)
    ordered = sorted(((exact.get(r.index, 0.0), -r.index) for r in ranked), reverse=True)
    (best, negative), (second, _) = ordered[0], ordered[1]
    if best <= 0 or best - second < EXACT_DECIDED * best or -negative == ranked[0].index:
        return list(ranked)
    first = ranked[0]
    favourite = Ranked(-negative, first.score, first.fit)
    return [favourite, *(r for r in ranked if r.index != favourite.index)]
