"""The arithmetic of ranking one message against the index (`bot.matching.matcher`).

- `explained_by`: the specific mass of the message one document explains; `Fitting`: the
  fit of a candidate from it; `fitted`: the best few of one kind with their fits;
- `phrase_score`: how close the message is to one of a document's own phrasings (soft F1
  of the shared stems and rapidfuzz's ratio of the sorted stems);
- `mixed`, `bm25_share`: the ranking score with a little exact-word BM25, more for long
  messages;
- `decided_by_words`: a long message's undecided ranking left to BM25's clear favourite.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.matching.decision import Fit, Ranked
from bot.matching.documents import Phrase, StemBits
from bot.matching.postings import Explains
from bot.matching.terms import Term

BM25_SHARE = 0.1  # share of exact-word BM25 (`bot.matching.bm25`) in the ranking score
BM25_LONG_SHARE = 0.3  # ... for a long message (LONG_WORDS content words or more)
SHORT_WORDS = 6
LONG_WORDS = 14


@dataclass(frozen=True, slots=True)
class Query:
    """What phrase scoring needs of the query: its sorted stems as text, the terms' weights,
    for each stem a term may be found as the (term, similarity) pairs, the total weight,
    and the stems as phrasing bits (`bot.matching.documents.StemBits`). `shared`
    remembers, per set of stems a phrase has in common with it (as bits), the recall and
    the idf sum of that set: many phrasings of many documents share the same few stems."""

    text: str
    weights: tuple[float, ...]
    by_stem: dict[str, list[tuple[int, float]]]
    total: float
    stem_bits: StemBits
    bits: int
    shared: dict[int, tuple[float, float]] = field(default_factory=dict)


def query_of(terms: Sequence[Term], total: float, stem_bits: StemBits) -> Query:
    """What phrase scoring needs of the message's terms."""
    weights: list[float] = []
    by_stem: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for term in terms:
        if term.candidates:
            for found, similarity in dict(term.candidates).items():
                by_stem[found].append((len(weights), similarity))
            weights.append(term.weight)
    text = " ".join(sorted(term.token for term in terms))
    return Query(
        text, tuple(weights), dict(by_stem), total, stem_bits, stem_bits.mask(by_stem)
    )


def phrase_score(phrases: Sequence[Phrase], query: Query, idf: Mapping[str, float]) -> float:
    """How close the question is to the document's best phrasing (0–1): 0.8 × the soft F1
    of the stems in common plus 0.2 × the similarity of the sorted stems as text."""
    f1s = []
    bits, shared = query.bits, query.shared
    for phrase in phrases:
        common = phrase.bits & bits
        if not common:
            continue
        recall, idf_sum = shared.get(common) or _shared(common, query, idf)
        precision = idf_sum / phrase.weight
        f1s.append((2 * recall * precision / (recall + precision), phrase.text))
    f1s.sort(reverse=True)
    best = 0.0
    for f1, text in f1s:
        if 0.8 * f1 + 0.2 <= best:
            break  # not even the same text could beat the best: nor could any later one
        # Both texts are sorted stems, so this is rapidfuzz's token_sort_ratio.
        ratio = fuzz.ratio(query.text, text) / 100.0
        best = max(best, 0.8 * f1 + 0.2 * ratio)
    return best


def _shared(common: int, query: Query, idf: Mapping[str, float]) -> tuple[float, float]:
    """Recall of the query by a set of stems (as bits), and the idf sum of the set
    (remembered)."""
    if common & (common - 1) == 0:  # the common case: one stem in common
        token = query.stem_bits.stem(common)
        pairs = query.by_stem[token]
        if len(pairs) == 1:  # ... found by one term
            position, similarity = pairs[0]
            hit = query.weights[position] * similarity
        else:
            hit = _hit((token,), query.by_stem, query.weights)
        idf_sum = idf.get(token, 1.0)  # the sum of one
    else:
        matched = query.stem_bits.stems(common)
        hit = _hit(matched, query.by_stem, query.weights)
        idf_sum = math.fsum(idf.get(s, 1.0) for s in matched)
    result = query.shared[common] = (hit / query.total, idf_sum)
    return result


def _hit(
    matched: Iterable[str],
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


@dataclass(slots=True)
class Fitting:
    """What the fit of a candidate (`bot.matching.decision.Fit`) needs of the message: per
    term whether it is practical and how well each document explains it; the message's
    specific mass (`total`), the part no document knows, the everyday-service part, the
    practical part (with a practical frame's); `fact_below`: a fact question is one for a
    document that explains less than this (-inf: no fact question); `personal`: asked for
    the writer alone."""

    found_by: Sequence[tuple[Term, bool, Explains]]
    total: float
    unexplained: float
    foreign: float
    practical: float
    fact_below: float
    personal: bool

    def fit(
        self,
        index: int,
        score: float,
        lead: float,
        named: bool,
        rival: float = 0.0,
        introduced: bool = False,
    ) -> Fit:
        """The fit of document `index`; `named`: a ranked document names what a fact
        question asks about (then it is none)."""
        explained, practical_explained = explained_by(self.found_by, index)
        total = self.total
        return Fit(
            explained / total,
            explained,
            self.unexplained,
            1.0 - self.unexplained / total,
            self.foreign,
            score,
            lead,
            rival=rival,
            practical=min(1.0, self.practical / total),
            practical_left=min(1.0, (self.practical - practical_explained) / total),
            introduced=introduced,
            fact=float(not named and explained < self.fact_below),
            personal=float(self.personal) * self.unexplained / total,
        )


def best_score(scored: list[tuple[float, int, float]]) -> float:
    """The best score of one kind (0–1), 0.0 when there is none."""
    return scored[0][0] / 100 if scored else 0.0


def fitted(
    scored: list[tuple[float, int, float]],
    fitting: Fitting,
    about: Explains | None,
    keep: int | None,
    rival: float,
    introduced: bool = False,
) -> list[Ranked]:
    """The best `keep` of one kind with their fits; the best one with its lead over the
    runner-up, the other kind's best score (`rival`) and whether the message introduces
    itself (`introduced`)."""
    named = about is not None and any(about.names(i) for _, i, _ in scored)
    results = []
    for rank, (score, index, own) in enumerate(scored[:keep]):
        if rank == 0:
            runner_up = scored[1][0] if len(scored) > 1 else 0.0
            fit = fitting.fit(index, own, (score - runner_up) / 100, named, rival, introduced)
        else:
            fit = fitting.fit(index, own, 0.0, named)
        results.append(Ranked(index, score, fit))
    return results


def explained_by(found_by: Sequence[tuple[Term, bool, Explains]], index: int
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
