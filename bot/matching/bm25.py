"""Okapi BM25 over the documents' stems: a second, exact-word opinion for the ranking.

The matcher's own coverage score asks how much of the message a document explains, with
synonyms, compound parts and typos, but counts each word of a document once. BM25 counts
how often a document uses the message's exact stems, relative to its length. The two err
differently (BM25 wins on long messages, coverage on paraphrases), so the matcher mixes a
little of BM25 into its score (`bot.matching.scoring.BM25_SHARE`).

Each posting holds its finished BM25 weight (IDF × saturated term frequency), so a query
costs one look-up per posting of its stems, also at 10,000 documents. A document's stems
are counted when it is added, into flat arrays sorted by stem once (`finish`); a small
index keeps a dictionary per stem (cheapest to read), a large one (ARRAY_FROM documents)
two arrays per stem, its documents in order and their weights (a fifth of the memory),
searched for the few documents a query scores.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from bot.matching.postings import ARRAY_FROM
from bot.matching.table import Numbers, first_occurring

K1 = 1.5
B = 0.75

_Ints = npt.NDArray[np.intp]
_Documents = npt.NDArray[np.int32]  # a posting's documents: half the memory of intp
_Arrays = tuple[_Documents, npt.NDArray[np.float64]]
_Words = npt.NDArray[np.int32]


class Bm25:
    """BM25 weights of stems in documents (Lucene's IDF, k1 1.5, b 0.75).

    Fill with `add` (one call per document, in index order), then `finish` once."""

    def __init__(self) -> None:
        self._ids: Numbers[str] = Numbers()  # stem → its number while filling
        self._uses = array("i")  # each document's distinct stem numbers, one after the other
        self._counts = array("i")  # how often the document uses each
        self._distinct: list[int] = []  # distinct stems per document
        self._lengths: list[int] = []
        self._postings: dict[str, dict[int, float]] = {}  # small index
        self._arrays: dict[str, _Arrays] = {}  # large index
        self._best: dict[str, float] = {}
        self._unknown = 1.0

    def add(self, tokens: Iterable[str]) -> None:
        """The stems of the next document, repeated as often as it uses them."""
        counts = Counter(map(self._ids.__getitem__, tokens))
        self._uses.extend(counts)
        self._counts.extend(counts.values())
        self._distinct.append(len(counts))
        self._lengths.append(sum(counts.values()))

    def count(
        self, stems: Sequence[str], words: _Words, documents: _Words, total: int
    ) -> None:
        """`add` for all `total` documents at once: every counted word occurrence as its
        number in `words`' stems (`stems`: the stem of each word number) and its document
        (ascending). Stems are numbered as `add` numbers them, in the order they first
        occur."""
        local: dict[str, int] = {}
        word_stems = np.array([local.setdefault(s, len(local)) for s in stems], dtype=np.int32)
        used = word_stems[words] if len(words) else np.zeros(0, dtype=np.int32)
        order = first_occurring(used, len(local))
        renumber = np.zeros(len(local), dtype=np.int32)
        renumber[order] = np.arange(len(order), dtype=np.int32)
        names = [list(local)[k] for k in order.tolist()]
        self._ids = Numbers(zip(names, range(len(names)), strict=True))
        size = max(len(order), 1)
        kind: type[np.signedinteger[Any]] = np.int32 if total * size < 2**31 else np.int64
        keys = documents.astype(kind)  # int32 where the keys fit: half the memory
        keys *= size
        keys += renumber[used]
        del used
        keys, counts = np.unique(keys, return_counts=True)
        self._uses.frombytes((keys % size).astype(np.int32).tobytes())
        self._counts.frombytes(counts.astype(np.int32).tobytes())
        self._distinct = np.bincount(keys // size, minlength=total).tolist()
        self._lengths = np.bincount(documents, minlength=total).tolist()

    def finish(self) -> None:
        """Turn term counts into BM25 weights."""
        total = len(self._lengths)
        average = (sum(self._lengths) / total) if total else 1.0
        norms = [K1 * (1 - B + B * length / (average or 1.0)) for length in self._lengths]
        tokens, starts, documents, counts = self._counted()
        frequencies = np.diff(np.append(starts, len(documents))).tolist()
        idfs = [math.log(1 + (total - n + 0.5) / (n + 0.5)) for n in frequencies]
        # idf × tf × (k1 + 1) / (tf + norm), in that order, in place (few large arrays)
        weights = np.repeat(np.array(idfs, dtype=np.float64), frequencies)
        tf = counts.astype(np.float64)
        weights *= tf
        weights *= K1 + 1
        tf += np.array(norms, dtype=np.float64)[documents]
        weights /= tf
        del tf, counts
        if len(documents):
            best = np.maximum.reduceat(weights, starts).tolist()
            self._best = dict(zip(tokens, best, strict=True))
        ends = [*starts.tolist()[1:], len(documents)]
        for token, start, end in zip(tokens, starts.tolist(), ends, strict=True):
            self._arrays[token] = (documents[start:end], weights[start:end])
        if total < ARRAY_FROM:
            self._postings = {
                token: dict(zip(found.tolist(), values.tolist(), strict=True))
                for token, (found, values) in self._arrays.items()
            }
            self._arrays = {}
        ordered = sorted(self._best.values())
        self._unknown = ordered[len(ordered) // 2] if ordered else 1.0

    def _counted(self) -> tuple[list[str], _Ints, _Documents, _Ints]:
        """(stems, where each stem's postings start, documents, term counts): the postings
        of all stems one after the other, each stem's documents in ascending order."""
        documents = np.repeat(np.arange(len(self._lengths), dtype=np.int32), self._distinct)
        uses = np.frombuffer(self._uses, dtype=np.int32)
        order = np.argsort(uses, kind="stable")  # by stem, each stem's documents ascending
        numbers, documents = uses[order], documents[order]
        counts = np.frombuffer(self._counts, dtype=np.int32)[order].astype(np.intp)
        starts = np.flatnonzero(np.diff(numbers, prepend=-1))
        names = list(self._ids)
        self._ids, self._uses, self._counts = Numbers(), array("i"), array("i")
        return [names[n] for n in numbers[starts].tolist()], starts, documents, counts

    def share(self, weighted: Mapping[str, float], indexes: Iterable[int]) -> dict[int, float]:
        """For each given document, the share (0–1) of the query's attainable BM25 mass.

        Each query stem counts times its weight; a stem no document uses counts in the
        attainable mass like a median stem, so a message of unknown words reaches little.
        Only the given documents are scored (the matcher's best few): one look-up per
        document and stem, however large the index.
        """
        attainable = math.fsum(
            f * self._best.get(t, self._unknown) for t, f in sorted(weighted.items())
        )
        if attainable <= 0:
            return {}
        if self._arrays:
            return self._share_arrays(weighted, list(indexes), attainable)
        # (fsum is exact: the order of the terms and those adding 0.0 do not matter)
        postings = [(p, f) for t, f in weighted.items() if (p := self._postings.get(t))]
        result = {}
        for index in indexes:
            found = math.fsum([f * w for p, f in postings if (w := p.get(index)) is not None])
            result[index] = found / attainable
        return result

    def _share_arrays(
        self, weighted: Mapping[str, float], indexes: list[int], attainable: float
    ) -> dict[int, float]:
        """`share` of a large index: each stem's documents searched for all given at once."""
        wanted = np.array(indexes, dtype=np.int32)  # as the postings' (no conversion)
        terms: list[list[float]] = [[] for _ in indexes]
        for token, f in weighted.items():
            found = self._arrays.get(token)
            if found is None:
                continue
            documents, weights = found
            at = np.minimum(np.searchsorted(documents, wanted), len(documents) - 1)
            hit = documents[at] == wanted
            for place, value in zip(
                np.flatnonzero(hit).tolist(), (f * weights[at[hit]]).tolist(), strict=True
            ):
                terms[place].append(value)
        shares = zip(indexes, terms, strict=True)
        return {index: math.fsum(found) / attainable for index, found in shares}
