"""The first pass of indexing: the words of every document, read for all documents at once.

Reading a document text by text (title, each question, keyword, step …) was most of the
time to index 10,000 entries: about 160,000 short texts, each folded, cut and looked up on
its own, each word then put into per-document lists and dictionaries. Here `text_words`
reads TEXTS_AT_ONCE texts as one (the same words as `normalize.words` gives each, see
there), and everything after it is numpy over word numbers: each document's distinct words
at their highest field weight (`PostingTable`), the summary-or-better words BM25 counts,
the words a document names what it is about (`protected`). Only the phrasings (title and
questions) become Python objects per text.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice
from operator import itemgetter
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from bot.content import Entry, Pointer
from bot.matching.bm25 import Bm25
from bot.matching.documents import (
    PRIMARY_WEIGHT,
    SUMMARY_WEIGHT,
    Phrase,
    document_texts,
    phrase_of,
)
from bot.matching.normalize import GERMAN, WORD_BYTES, content_word, fold, stem, words
from bot.matching.senses import may_clash
from bot.matching.table import PostingTable, first_occurring

__all__ = ["Read", "TextWords", "read_documents", "text_words"]

Ints = npt.NDArray[np.int32]

_MARK = "\x02"  # between two texts read as one (a control character no content text has)
_JOINER = f" {_MARK} "
_CUT = bytes(b if b in WORD_BYTES or b == ord(_MARK) else 32 for b in range(256))
_MORE = re.compile(r"steuer|-|raeum|fest|zahl")  # where `words` may do more than cut
TEXTS_AT_ONCE = 4096  # the raw words of this many texts are held at once (memory)
_TEXT, _WEIGHT = itemgetter(0), itemgetter(1)
M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)
LARGE_ALLOCATION = 256 * 1024  # bytes; a query's arrays at 10,000 entries stay below


@dataclass(slots=True)
class TextWords:
    """The words of many texts: `words` the distinct ones in the order they first occur,
    `ids` every occurrence as its number in `words`, text after text, `texts` the number of
    the text each occurrence is in (ascending)."""

    words: list[str]
    ids: Ints
    texts: Ints


@dataclass(slots=True)
class Read:
    """What the first pass over the documents collects."""

    table: PostingTable  # every document's distinct words at their highest field weight
    phrases: list[list[Phrase]]
    bm25: Bm25
    protected: set[str]


def text_words(texts: Sequence[str], lang: str = GERMAN) -> TextWords:
    """The words of every text: those of text i, `[words[k] for k in ids[texts == i]]`, are
    exactly `normalize.words(texts[i], lang)`.

    The words of texts without "steuer", "-" or a form that may clash (`senses.may_clash`)
    are the content words of their folded text cut at every byte that is no letter or
    digit, so TEXTS_AT_ONCE of them are folded and cut as one text, joined by a mark that
    is a word of its own; `words` reads the others one by one."""
    numbers: dict[str, int] = {}  # word → a number (in no particular order yet)
    known: dict[bytes, int] = {_MARK.encode(): -2}  # raw word → its word's number, -1: none
    ids: list[Ints] = []
    owners: list[Ints] = []
    for start in range(0, len(texts), TEXTS_AT_ONCE):
        part = texts[start : start + TEXTS_AT_ONCE]
        joined = _JOINER.join(part)
        if lang == GERMAN and joined.count(_MARK) == len(part) - 1:
            found, owner = _joined(part, fold(joined), numbers, known)
        else:
            found, owner = _each(part, range(len(part)), lang, numbers)
        ids.append(found)
        owners.append(owner + start)
    flat = np.concatenate(ids) if ids else np.zeros(0, np.int32)
    order = first_occurring(flat, len(numbers))  # numbered in the order they first occur
    renumber = np.zeros(len(numbers), np.int32)
    renumber[order] = np.arange(len(order), dtype=np.int32)
    names = list(numbers)
    return TextWords(
        [names[k] for k in order.tolist()],
        renumber[flat],
        np.concatenate(owners) if owners else np.zeros(0, np.int32),
    )


def _joined(
    part: Sequence[str], folded: str, numbers: dict[str, int], known: dict[bytes, int]
) -> tuple[Ints, Ints]:
    """(word numbers, text numbers) of texts folded as one (`text_words`)."""
    encoded = folded.encode("ascii", "replace")  # one byte per character
    raw = encoded.translate(_CUT).split()
    for token in set(raw).difference(known):  # raw words not seen before
        word = content_word(token)
        known[token] = numbers.setdefault(word, len(numbers)) if word else -1
    found = np.fromiter(map(known.__getitem__, raw), np.int32, len(raw))
    del raw
    owner = np.cumsum(found == -2, dtype=np.int32)
    keep = found >= 0
    marks = np.flatnonzero(np.frombuffer(encoded, np.uint8) == ord(_MARK)).tolist()
    ends = [*(mark - 1 for mark in marks), len(folded)]
    starts = [0, *(mark + 2 for mark in marks)]
    at = [match.start() for match in _MORE.finditer(folded)]
    candidates = set(np.searchsorted(marks, at).tolist()) if at else set()
    slow = sorted(n for n in candidates if _more(folded[starts[n] : ends[n]]))
    if not slow:
        return found[keep], owner[keep]
    keep &= ~np.isin(owner, slow)
    more, more_owner = _each(part, slow, GERMAN, numbers)
    found, owner = np.concatenate((found[keep], more)), np.concatenate((owner[keep], more_owner))
    order = np.argsort(owner, kind="stable")
    return found[order], owner[order]


def _more(folded: str) -> bool:
    """True when `words` does more to this folded text than cut it (senses, hyphens)."""
    return "steuer" in folded or "-" in folded or may_clash(folded)


def _each(
    part: Sequence[str], which: Sequence[int], lang: str, numbers: dict[str, int]
) -> tuple[Ints, Ints]:
    """(word numbers, text numbers) of the texts `which` of `part`, read one by one."""
    found: list[int] = []
    owner: list[int] = []
    for number in which:
        read = [numbers.setdefault(word, len(numbers)) for word in words(part[number], lang)]
        found += read
        owner += [number] * len(read)
    return np.array(found, dtype=np.int32), np.array(owner, dtype=np.int32)


@cache
def map_large_allocations() -> bool:
    """Have glibc map every allocation from LARGE_ALLOCATION bytes on its own (True if it
    could be told). Indexing makes numpy arrays of a few MB for a moment; by default glibc
    raises its mapping threshold to the size of each such block freed, so the next ones
    come from the heap, and the heap keeps what they leave: about 30 MB more peak memory at
    10,000 entries (126 MB against 107 MB). A fixed threshold returns them when freed. It
    concerns the whole process, so it is set once, when the first index is built."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc: nothing to set
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, LARGE_ALLOCATION))


def read_documents(
    documents: Sequence[Entry | Pointer],
    lang: str,
    lexicon: Mapping[str, Sequence[str]] = MappingProxyType({}),
) -> Read:
    """Each document's distinct words at their highest field weight, its phrasings (title
    and questions), its summary-or-better words for BM25, and the words of its primary
    fields. `lexicon`: pointer id → its topic vocabulary (`Content.lexicon`)."""
    map_large_allocations()
    texts: list[str] = []
    weights: list[float] = []
    counts: list[int] = []  # texts per document
    phrasings: list[list[int]] = []  # per document, the texts of its title and questions
    for document in documents:
        pairs = document_texts(document, lexicon)
        ordered = sorted(pairs, key=_WEIGHT, reverse=True)  # highest first (stable)
        first = len(texts)
        texts.extend(map(_TEXT, ordered))
        weights.extend(map(_WEIGHT, ordered))
        counts.append(len(ordered))
        # each text's first place (a text may be there twice)
        at = dict(zip(reversed(texts[first:]), range(len(texts) - 1, first - 1, -1), strict=True))
        phrasings.append([at[text] for text in (document.title, *document.questions)])
    read = text_words(texts, lang)
    levels = sorted(set(weights), reverse=True)  # a field weight's code: its rank, highest 0
    code = {level: number for number, level in enumerate(levels)}
    codes = np.array([code[w] for w in weights], dtype=np.uint8)[read.texts]
    documents_of = np.repeat(np.arange(len(documents), dtype=np.int32), counts)[read.texts]
    phrases = _phrases(texts, phrasings, read, lang)
    found, names = read.ids, read.words
    del read  # the arrays of every word occurrence are large: each freed when done with
    table = PostingTable.of_rows(names, found, documents_of, codes, levels, len(documents))
    primary = np.unique(found[codes <= _at_least(levels, PRIMARY_WEIGHT)])
    protected = {names[k] for k in primary.tolist()}
    counted = codes <= _at_least(levels, SUMMARY_WEIGHT)
    del codes
    counted_words, counted_documents = found[counted], documents_of[counted]
    del found, documents_of, counted
    bm25 = Bm25()
    stems = [stem(word, lang) for word in names]
    bm25.count(stems, counted_words, counted_documents, len(documents))
    del counted_words, counted_documents
    bm25.finish()
    return Read(table, phrases, bm25, protected)


def _at_least(levels: list[float], weight: float) -> int:
    """The highest code of a field weight of at least `weight` (-1: none)."""
    return sum(1 for level in levels if level >= weight) - 1


def _phrases(
    texts: list[str], phrasings: list[list[int]], read: TextWords, lang: str
) -> list[list[Phrase]]:
    """Each document's phrasings with stems (`documents.phrase_of`), in order."""
    chosen = np.array([n for numbers in phrasings for n in numbers], dtype=np.int32)
    wanted = np.zeros(len(texts), dtype=bool)
    wanted[chosen] = True
    kept = wanted[read.texts]
    owner = read.texts[kept]
    found = list(map(read.words.__getitem__, read.ids[kept].tolist()))
    bounds = zip(
        chosen.tolist(),
        np.searchsorted(owner, chosen).tolist(),
        np.searchsorted(owner, chosen, side="right").tolist(),
        strict=True,
    )
    cache: dict[str, Phrase] = {}
    result = []
    for numbers in phrasings:
        phrases = [
            phrase_of(texts[n], cache, lang, found[a:b])
            for n, a, b in islice(bounds, len(numbers))
        ]
        result.append([p for p in phrases if p.text])  # (a text: some stem)
    return result
