"""Okapi BM25 over the documents' stems: a second, exact-word opinion for the ranking.

The matcher's own coverage score asks how much of the message a document explains, with
synonyms, compound parts and typos, but counts each word of a document once. BM25 counts
how often a document uses the message's exact stems, relative to its length. The two err
differently (BM25 wins on long messages, coverage on paraphrases), so the matcher mixes a
little of BM25 into its score (`bot.matching.scoring.BM25_SHARE`).

Each posting holds its finished BM25 weight (IDF × saturated term frequency), so a query
costs one sum per posting of its stems, also at 10,000 documents.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping

K1 = 1.5
B = 0.75


class Bm25:
    """BM25 weights of stems in documents (Lucene's IDF, k1 1.5, b 0.75).

    Fill with `add` (one call per document, in index order), then `finish` once."""

    def __init__(self) -> None:
        self._postings: dict[str, dict[int, float]] = defaultdict(dict)
        self._lengths: list[int] = []
        self._best: dict[str, float] = {}
        self._unknown = 1.0

    def add(self, tokens: Iterable[str]) -> None:
        """The stems of the next document, repeated as often as it uses them."""
        index = len(self._lengths)
        length = 0
        for token in tokens:
            posting = self._postings[token]
            posting[index] = posting.get(index, 0.0) + 1.0
            length += 1
        self._lengths.append(length)

    def finish(self) -> None:
        """Turn term counts into BM25 weights."""
        total = len(self._lengths)
        average = (sum(self._lengths) / total) if total else 1.0
        norms = [K1 * (1 - B + B * length / (average or 1.0)) for length in self._lengths]
        for token, posting in self._postings.items():
            idf = math.log(1 + (total - len(posting) + 0.5) / (len(posting) + 0.5))
            for index, tf in posting.items():
                posting[index] = idf * tf * (K1 + 1) / (tf + norms[index])
            self._best[token] = max(posting.values())
        ordered = sorted(self._best.values())
        self._unknown = ordered[len(ordered) // 2] if ordered else 1.0

    def share(self, weighted: Mapping[str, float], indexes: Iterable[int]) -> dict[int, float]:
        """For each given document, the share (0–1) of the query's attainable BM25 mass.

        Each query stem counts times its weight; a stem no document uses counts in the
        attainable mass like a median stem, so a message of unknown words reaches little.
        Only the given documents are scored (the matcher's best few): one dictionary look-up
        per document and stem, however large the index.
        """
        attainable = math.fsum(
            f * self._best.get(t, self._unknown) for t, f in sorted(weighted.items())
        )
        if attainable <= 0:
            return {}
        # (fsum is exact: the order of the terms and those adding 0.0 do not matter)
        postings = [(p, f) for t, f in weighted.items() if (p := self._postings.get(t))]
        result = {}
        for index in indexes:
            found = math.fsum([f * w for p, f in postings if (w := p.get(index)) is not None])
            result[index] = found / attainable
        return result
