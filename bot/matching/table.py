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
from typing import Any, TypeVar

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
        self._sources: Ints = np.zeros(0, dtype=np.int64)  # rows of the compound parts

    @classmethod
    def of_rows(
        cls,
        words: Sequence[str],
        ids: npt.NDArray[np.int32],
        documents: npt.NDArray[np.int32],
        codes: npt.NDArray[np.uint8],
        levels: Sequence[float],
        count: int,
    ) -> PostingTable:
        """The table of `count` documents from every word occurrence at once: its word's
        number in `words` (numbered in the order they first occur), its document and its
        field weight's code (the weight `levels[code]`, highest first); each document keeps
        a word once, at its highest weight."""
        table = cls()
        table.words.update(zip(words, range(len(words)), strict=True))
        table._weights.update(zip(levels, range(len(levels)), strict=True))
        size, scale = max(len(words), 1), max(len(levels), 1)
        keys = documents.astype(_key_type(count * size * scale))
        keys *= size
        keys += ids
        keys *= scale
        keys += codes
        keys.sort()  # per document and word, its highest weight (lowest code) first
        pairs = keys // scale
        first = np.ones(len(keys), dtype=bool)
        first[1:] = pairs[1:] != pairs[:-1]
        del pairs
        keys = keys[first]
        table._codes.frombytes((keys % scale).astype(np.uint8).tobytes())
        keys //= scale
        found, rows = np.divmod(keys, size)
        table._rows.frombytes(rows.astype(np.int32).tobytes())
        table._counts = np.bincount(found, minlength=count).tolist()
        return table

    def add(self, surface: Mapping[str, float]) -> None:
        """The next document's distinct words with their highest field weight."""
        self._rows.extend(map(self.words.__getitem__, surface))
        self._codes.extend(map(self._weights.__getitem__, surface.values()))
        self._counts.append(len(surface))

    def frequencies(self, word_stems: Sequence[int], stems: int) -> Ints:
        """Per stem number (`word_stems`: the stem number of each word; `stems` of them),
        how many documents have a word of it."""
        kind = _key_type(stems * max(len(self._counts), 1))
        pairs = self._pairs(np.asarray(word_stems, dtype=kind))
        pairs.sort()
        distinct = pairs[_last_of_runs(pairs)]  # (np.unique without counts hashes: slow)
        return np.bincount(distinct // max(len(self._counts), 1), minlength=stems)

    def postings(
        self, word_stems: Sequence[int], word_parts: Sequence[Sequence[int]], part_weight: float
    ) -> tuple[Ints, Ints, Ints, Floats]:
        """(stem numbers, where each one's postings start, documents, field weights): per
        stem, the documents having a word of it or a word with it as a compound part (at
        `part_weight` times the word's field weight), ascending, each at its highest.

        Each row becomes one sort key, (stem × documents + document) × weights + the rank of
        its weight, so a pair's highest weight sorts last; the arrays are few and freed
        early (the peak memory of building is mostly theirs)."""
        weights = list(self._weights)
        values = sorted({*weights, *(weight * part_weight for weight in weights)})
        rank = {value: place for place, value in enumerate(values)}
        ranks = (
            np.array([rank[weight] for weight in weights], dtype=np.int64),
            np.array([rank[weight * part_weight] for weight in weights], dtype=np.int64),
        )
        scale, size = max(len(values), 1), max(len(self._counts), 1)
        kind = _key_type((max(word_stems, default=0) + 1) * size * scale)
        keys = self._keys(np.asarray(word_stems, dtype=kind), word_parts, ranks, scale)
        keys.sort()
        best = (keys % scale).astype(np.uint8)
        keys //= scale  # now stem × documents + document
        last = _last_of_runs(keys)
        best, pairs = best[last], keys[last]
        del keys, last
        stems, found = np.divmod(pairs, size)
        del pairs
        starts = np.flatnonzero(np.diff(stems, prepend=-1))
        numbers = stems[starts]
        del stems  # (what is returned is made after the temporaries are freed)
        highest = np.array(values, dtype=np.float64)[best]
        del best
        return numbers, starts, found.astype(np.int64), highest

    def _documents(self, kind: type[np.signedinteger[Any]] = np.int64) -> Ints:
        return np.repeat(np.arange(len(self._counts), dtype=kind), self._counts)

    def _row_words(self) -> npt.NDArray[np.int32]:
        return np.frombuffer(self._rows, dtype=np.int32)

    def _pairs(self, word_stems: Ints) -> Ints:
        """stem × documents + document, per row."""
        pairs = word_stems[self._row_words()]
        pairs *= max(len(self._counts), 1)
        pairs += self._documents(word_stems.dtype.type)
        return pairs

    def _keys(
        self, word_stems: Ints, word_parts: Sequence[Sequence[int]], ranks: tuple[Ints, Ints],
        scale: int,
    ) -> Ints:
        """Every row's key and its compound parts' (`ranks`: of each weight code, whole and
        as a part), filled into one array in place."""
        rows, codes = self._row_words(), np.frombuffer(self._codes, dtype=np.uint8)
        size = max(len(self._counts), 1)
        kind = word_stems.dtype.type  # int32 where every key fits (half the memory)
        documents = self._documents(kind)
        per_word = np.array([len(parts) for parts in word_parts], dtype=kind)
        first = np.concatenate(([0], np.cumsum(per_word)[:-1])).astype(kind)
        flat = np.array([p for parts in word_parts for p in parts], dtype=kind)
        many = per_word[rows]
        source = np.repeat(np.arange(len(rows), dtype=kind), many)
        within = np.arange(len(source), dtype=kind) - np.repeat(np.cumsum(many) - many, many)
        keys = np.empty(len(rows) + len(source), dtype=kind)
        parts = keys[len(rows) :]  # views: the parts' keys, the rows' own
        np.take(flat, first[rows[source]] + within, out=parts)
        del within
        parts *= size
        parts += documents[source]
        parts *= scale
        parts += ranks[1][codes[source]].astype(kind)
        del source
        whole = keys[: len(rows)]
        np.take(word_stems, rows, out=whole)
        whole *= size
        whole += documents
        whole *= scale
        whole += ranks[0][codes].astype(kind)
        return keys


def _key_type(largest: int) -> type[np.signedinteger[Any]]:
    """int32 when every sort key is below `largest` < 2**31 (half the memory of int64)."""
    return np.int32 if largest < 2**31 else np.int64


def first_occurring(numbers: npt.NDArray[np.int32], count: int) -> npt.NDArray[np.int64]:
    """The numbers (below `count`) that occur in `numbers`, in the order they first occur
    (as np.unique with return_index would tell, without sorting a copy and its order)."""
    kind: type[np.signedinteger[Any]] = np.int32 if len(numbers) < 2**31 else np.int64
    first = np.full(count, len(numbers), dtype=kind)
    np.minimum.at(first, numbers, np.arange(len(numbers), dtype=kind))
    present = np.flatnonzero(first < len(numbers))
    return present[np.argsort(first[present])]


def _last_of_runs(ordered: Ints) -> npt.NDArray[np.bool_]:
    """True at the last of each run of equal values of a sorted array."""
    last = np.ones(len(ordered), dtype=bool)
    last[:-1] = ordered[1:] != ordered[:-1]
    return last
