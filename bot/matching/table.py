"""The postings of an index built as flat arrays: each document's distinct words with their
highest field weight, one row each, turned into per-stem postings in a few array passes.

Building postings word by word in dictionaries was most of indexing 10,000 entries: a
dictionary operation per word and document, twice (words, then compound parts), and the
dictionaries of floats were the largest part of its memory. Here a document costs a few
list operations; stems and compound parts are resolved once per distinct word, and the
rows are sorted and reduced to each stem's documents (ascending) and weights by numpy.
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

import numpy as np
import numpy.typing as npt

__all__ = ["PostingTable"]

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
K = TypeVar("K", bound=Hashable)


class Numbers(dict[K, int]):
    """Numbers its keys 0, 1, 2 … in the order they are first looked up."""

    def __missing__(self, key: K) -> int:
        number = self[key] = len(self)
        return number


class PostingTable:
    """Rows (document, word, field weight) of every document's distinct words; `words`
    numbers the words in the order they first occur (one string object per word)."""

    def __init__(self) -> None:
        self.words: Numbers[str] = Numbers()
        self._weights: Numbers[float] = Numbers()  # field weight → its code
        self._rows = array("i")  # word numbers, document after document
        self._codes = array("B")  # their field weights' codes
        self._counts: list[int] = []  # rows per document

    def add(self, surface: Mapping[str, float]) -> None:
        """The next document's distinct words with their highest field weight."""
        self._rows.extend(map(self.words.__getitem__, surface))
        self._codes.extend(map(self._weights.__getitem__, surface.values()))
        self._counts.append(len(surface))

    def frequencies(self, word_stems: Sequence[int], stems: int) -> Ints:
        """Per stem number (`word_stems`: the stem number of each word; `stems` of them),
        how many documents have a word of it."""
        pairs = np.sort(self._pairs(np.asarray(word_stems, dtype=np.int64)))
        distinct = pairs[_last_of_runs(pairs)]  # (np.unique without counts hashes: slow)
        return np.bincount(distinct // max(len(self._counts), 1), minlength=stems)

    def postings(
        self, word_stems: Sequence[int], word_parts: Sequence[Sequence[int]], part_weight: float
    ) -> tuple[Ints, Ints, Ints, Floats]:
        """(stem numbers, where each one's postings start, documents, field weights): per
        stem, the documents having a word of it or a word with it as a compound part (at
        `part_weight` times the word's field weight), ascending, each at its highest."""
        weights = list(self._weights)
        values = sorted({*weights, *(weight * part_weight for weight in weights)})
        rank = {value: place for place, value in enumerate(values)}
        whole = np.array([rank[w] for w in weights], dtype=np.int64)
        part = np.array([rank[w * part_weight] for w in weights], dtype=np.int64)
        scale = len(values)
        codes = np.frombuffer(self._codes, dtype=np.uint8).astype(np.int64)
        keys = self._pairs(np.asarray(word_stems, dtype=np.int64)) * scale + whole[codes]
        keys = np.concatenate((keys, self._part_keys(word_parts, part[codes], scale)))
        keys.sort()
        pairs = keys // scale
        last = _last_of_runs(pairs)  # a pair's highest weight sorts last
        best, pairs = keys[last] % scale, pairs[last]
        size = max(len(self._counts), 1)
        stems, documents = np.divmod(pairs, size)
        starts = np.flatnonzero(np.diff(stems, prepend=-1))
        return stems[starts], starts, documents, np.array(values, dtype=np.float64)[best]

    def _documents(self) -> Ints:
        return np.repeat(np.arange(len(self._counts), dtype=np.int64), self._counts)

    def _pairs(self, word_stems: Ints) -> Ints:
        """stem × documents + document, per row."""
        rows = np.frombuffer(self._rows, dtype=np.int32)
        return word_stems[rows] * max(len(self._counts), 1) + self._documents()

    def _part_keys(self, word_parts: Sequence[Sequence[int]], ranks: Ints, scale: int) -> Ints:
        """The rows' compound parts as sort keys (pair × scale + weight rank)."""
        rows = np.frombuffer(self._rows, dtype=np.int32)
        per_word = np.array([len(parts) for parts in word_parts], dtype=np.int64)
        first = np.concatenate(([0], np.cumsum(per_word)[:-1])).astype(np.int64)
        flat = np.array([p for parts in word_parts for p in parts], dtype=np.int64)
        many = per_word[rows]
        source = np.repeat(np.arange(len(rows), dtype=np.int64), many)
        within = np.arange(len(source), dtype=np.int64) - np.repeat(np.cumsum(many) - many, many)
        stems = flat[first[rows[source]] + within]
        documents = self._documents()[source]
        return (stems * max(len(self._counts), 1) + documents) * scale + ranks[source]


def _last_of_runs(ordered: Ints) -> npt.NDArray[np.bool_]:
    """True at the last of each run of equal values of a sorted array."""
    last = np.ones(len(ordered), dtype=bool)
    last[:-1] = ordered[1:] != ordered[:-1]
    return last
