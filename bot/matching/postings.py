"""The matcher's inverted index: per stem, the documents that have it and the field weight
they have it in; per message, how well each document explains each term, and every
document's coverage of the message (the sum, over its terms, of the term's share of the
message times how well the document explains it).

Two forms with the same figures (the same IEEE operations in the same order per document):
- `DictPostings`, a dictionary per stem: for a small index (the shipped content) the
  cheapest, as only the few documents that have a stem are touched;
- `ArrayPostings`, numpy arrays per stem and an array over all documents per term: from
  ARRAY_FROM documents. A common stem ("verwaltung") is in thousands of documents of a
  10,000-entry index, and a loop per document in Python was most of a question's time.
`postings_for` picks the form by the size of the index.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice

import numpy as np
import numpy.typing as npt

from bot.matching.documents import SUMMARY_WEIGHT

# From about this many documents the arrays are faster: below it, numpy's cost per call is
# more than the Python loops it saves (synthetic corpora of 58-1,000 entries, 26 Nov 2026).
ARRAY_FROM = 250

Candidates = Iterable[tuple[str, float]]
Floats = npt.NDArray[np.float64]
Indexes = npt.NDArray[np.intp]


class Explains(ABC):
    """How well each document explains one term: its best candidate's similarity times the
    field weight the document has that candidate in; `most`: the best of them."""

    most: float

    @abstractmethod
    def value(self, index: int) -> float | None:
        """How well document `index` explains the term; None if not at all."""

    def names(self, index: int) -> bool:
        """True when document `index` has the term where it says what it is about (title,
        questions, keywords, or a synonym there), not only in its summary or steps."""
        value = self.value(index)
        return value is not None and value > SUMMARY_WEIGHT


class Coverage(ABC):
    """Every document's coverage of one message."""

    @abstractmethod
    def best(self, start: int, end: int, wanted: int) -> list[tuple[int, float]]:
        """The `wanted` documents start ≤ i < end of highest coverage (ties: lower index
        first) that explain any term, with their coverage."""


class Postings(Mapping[str, Mapping[int, float]], ABC):
    """Stem → {document: field weight}, built once per content version; read as a mapping
    (a posting of the array form is a new dictionary each time: not for questions)."""

    def __init__(self, size: int, table: Mapping[str, object]) -> None:
        self.size = size
        self._table = table  # the form's own per-stem store, keyed by stem

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def __contains__(self, token: object) -> bool:
        return token in self._table

    @abstractmethod
    def update(self, postings: Mapping[str, Mapping[int, float]]) -> None:
        """Add (or replace) the postings of these stems."""

    @abstractmethod
    def explains(self, candidates: Candidates) -> Explains:
        """How well each document explains a term with these (stem, similarity) candidates."""

    @abstractmethod
    def coverage(self, explains: Sequence[Explains], shares: Sequence[float]) -> Coverage:
        """Every document's coverage: each term's share times how well it is explained."""


def postings_for(postings: Mapping[str, Mapping[int, float]], size: int) -> Postings:
    """The faster form for an index of `size` documents."""
    return ArrayPostings(postings, size) if size >= ARRAY_FROM else DictPostings(postings, size)


def postings_from(
    tokens: Sequence[str], starts: Indexes, documents: Indexes, weights: Floats, size: int
) -> Postings:
    """`postings_for` from flat arrays: the postings of all stems one after the other
    (`bot.matching.table`), each stem's starting at `starts`, its documents ascending."""
    ends = [*starts.tolist()[1:], len(documents)]
    if size < ARRAY_FROM:
        return DictPostings(
            {
                token: dict(zip(documents[a:b].tolist(), weights[a:b].tolist(), strict=True))
                for token, a, b in zip(tokens, starts.tolist(), ends, strict=True)
            },
            size,
        )
    postings = ArrayPostings({}, size)
    most = np.maximum.reduceat(weights, starts).tolist() if len(documents) else []
    for token, a, b, best in zip(tokens, starts.tolist(), ends, most, strict=True):
        postings.put(token, documents[a:b], weights[a:b], best)
    return postings


class _DictExplains(Explains):
    """`values` maps a document to its field weight (one candidate: the posting itself,
    times `similarity`) or to the value itself (several candidates: `similarity` 1)."""

    __slots__ = ("most", "similarity", "values")

    def __init__(self, values: Mapping[int, float], similarity: float = 1.0) -> None:
        self.values = values
        self.similarity = similarity
        self.most = similarity * max(values.values()) if values else 0.0

    def value(self, index: int) -> float | None:
        weight = self.values.get(index)
        if weight is None:
            return None
        value = self.similarity * weight
        return value if value > 0.0 else None


class _DictCoverage(Coverage):
    def __init__(self, values: dict[int, float]) -> None:
        self.values = values
        self._ordered: list[tuple[float, int]] | None = None

    def best(self, start: int, end: int, wanted: int) -> list[tuple[int, float]]:
        if self._ordered is None:  # sorted once for both kinds
            self._ordered = sorted((-c, i) for i, c in self.values.items())
        pool = (item for item in self._ordered if start <= item[1] < end)
        return [(index, -negative) for negative, index in islice(pool, wanted)]


class DictPostings(Postings):
    """A dictionary per stem; coverage summed per document in Python."""

    def __init__(self, postings: Mapping[str, Mapping[int, float]], size: int) -> None:
        self._postings = dict(postings)
        super().__init__(size, self._postings)

    def __getitem__(self, token: str) -> Mapping[int, float]:
        return self._postings[token]

    def update(self, postings: Mapping[str, Mapping[int, float]]) -> None:
        self._postings.update(postings)

    def explains(self, candidates: Candidates) -> Explains:
        present = [
            (self._postings[found], similarity)
            for found, similarity in candidates
            if found in self._postings
        ]
        if len(present) == 1:  # most terms: read the posting, build nothing
            ((posting, similarity),) = present
            return _DictExplains(posting if similarity > 0.0 else {}, similarity)
        best: dict[int, float] = {}
        # The largest posting first, in one comprehension; the others only raise values.
        present.sort(key=lambda pair: -len(pair[0]))
        for posting, similarity in present:
            if not best:
                best = {i: v for i, w in posting.items() if (v := similarity * w) > 0.0}
                continue
            for index, field_weight in posting.items():
                value = similarity * field_weight
                if value > best.get(index, 0.0):
                    best[index] = value
        return _DictExplains(best)

    def coverage(self, explains: Sequence[Explains], shares: Sequence[float]) -> Coverage:
        coverage: dict[int, float] = defaultdict(float)
        for term, share in zip(explains, shares, strict=True):
            assert isinstance(term, _DictExplains)
            similarity = term.similarity
            if similarity == 1.0:
                for index, value in term.values.items():
                    coverage[index] += share * value
                continue
            for index, weight in term.values.items():
                value = similarity * weight
                if value > 0.0:
                    coverage[index] += share * value
        return _DictCoverage(coverage)


class _ArrayExplains(Explains):
    """`values`: one value per document, 0.0 where it does not explain the term."""

    __slots__ = ("most", "values")

    def __init__(self, values: Floats, most: float) -> None:
        self.values = values
        self.most = most

    def value(self, index: int) -> float | None:
        value: float = self.values.item(index)
        return value if value > 0.0 else None


class _ArrayCoverage(Coverage):
    def __init__(self, size: int) -> None:
        self.values: Floats = np.zeros(size)
        # the sum of how well a document explains each term: > 0 when it explains any (a
        # term of weight 0 adds nothing to its coverage, but the document is still found)
        self.reach: Floats = np.zeros(size)

    def best(self, start: int, end: int, wanted: int) -> list[tuple[int, float]]:
        touched = np.flatnonzero(self.reach[start:end]) + start
        values = self.values[touched]
        if len(values) > wanted:  # only those at or above the wanted-th highest value
            cut = np.partition(values, len(values) - wanted)[len(values) - wanted]
            keep = values >= cut
            touched, values = touched[keep], values[keep]
        pool = sorted(zip((-values).tolist(), touched.tolist(), strict=True))
        return [(index, -negative) for negative, index in pool[:wanted]]


class ArrayPostings(Postings):
    """Per stem, its documents in ascending order and their field weights as arrays."""

    def __init__(self, postings: Mapping[str, Mapping[int, float]], size: int) -> None:
        self._arrays: dict[str, tuple[Indexes, Floats]] = {}
        super().__init__(size, self._arrays)
        self._most: dict[str, float] = {}
        self.update(postings)

    def __getitem__(self, token: str) -> Mapping[int, float]:
        indexes, weights = self._arrays[token]
        return dict(zip(indexes.tolist(), weights.tolist(), strict=True))

    def update(self, postings: Mapping[str, Mapping[int, float]]) -> None:
        for token, posting in postings.items():
            indexes = sorted(posting)
            self._arrays[token] = (
                np.array(indexes, dtype=np.intp),
                np.array([posting[i] for i in indexes], dtype=np.float64),
            )
            self._most[token] = max(posting.values())

    def put(self, token: str, indexes: Indexes, weights: Floats, most: float) -> None:
        """Set the posting of one stem: its documents (ascending), weights and the highest."""
        self._arrays[token] = (indexes, weights)
        self._most[token] = most

    def explains(self, candidates: Candidates) -> Explains:
        values = np.zeros(self.size)
        most, first = 0.0, True
        for found, similarity in candidates:
            if similarity <= 0.0 or found not in self._arrays:
                continue
            indexes, weights = self._arrays[found]
            if first:  # nothing to compare with yet
                values[indexes] = similarity * weights
                first = False
            else:
                values[indexes] = np.maximum(values[indexes], similarity * weights)
            most = max(most, similarity * self._most[found])
        return _ArrayExplains(values, most)

    def coverage(self, explains: Sequence[Explains], shares: Sequence[float]) -> Coverage:
        coverage = _ArrayCoverage(self.size)
        for term, share in zip(explains, shares, strict=True):
            assert isinstance(term, _ArrayExplains)
            # a document that does not explain the term adds share × 0.0: its sum stays
            coverage.values += share * term.values
            coverage.reach += term.values
        return coverage
