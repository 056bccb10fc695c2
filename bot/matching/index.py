"""Building the search index of one Content object: what `Matcher` searches.

Every entry and pointer is a document (`bot.matching.documents` says which of its texts
count how much). The index holds, per stem, the documents that use it at their highest
field weight (postings; compounds also under their known parts), the documents' phrasings
for phrase similarity, an exact-word BM25 index, and the vocabulary that resolves a
message's words (synonyms, spellings, compounds) against it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from bot.content import Content, Entry, Pointer
from bot.matching.bm25 import Bm25
from bot.matching.documents import (
    PRIMARY_WEIGHT,
    SUMMARY_WEIGHT,
    Phrase,
    StemBits,
    entry_texts,
    phrase_of,
    pointer_texts,
)
from bot.matching.normalize import stem, words
from bot.matching.postings import Postings, postings_for
from bot.matching.terms import Vocabulary, idf_table

__all__ = ["Index", "build_index"]

PART_WEIGHT = 0.85  # a part of an indexed compound: a little weaker than the whole word
DEFAULT_IDF_QUANTILE = 0.5  # unknown words rank like a median word, not above every known one

# Building postings: stem -> {document index: field weight}.
_Building = dict[str, dict[int, float]]
# A document's distinct words grouped by their highest field weight.
_Surface = tuple[tuple[float, tuple[str, ...]], ...]


@dataclass(slots=True)
class Index:
    """The searchable form of a content version; documents are numbered entries first,
    then pointers (`count` entries)."""

    count: int
    postings: Postings
    idf: dict[str, float]
    phrases: list[list[Phrase]]
    stem_bits: StemBits
    bm25: Bm25
    vocabulary: Vocabulary
    protected: set[str]  # words the content says it is about (a primary field): never foreign
    # per pointer (in index order), the stems its title and keywords name, with their
    # known compound parts: what it is about (its questions hold everyday words too)
    topics: tuple[frozenset[str], ...] = ()


@dataclass(slots=True)
class _Read:
    """What the first pass over the documents collects."""

    building: _Building
    surface_by_doc: list[_Surface]
    phrases: list[list[Phrase]]
    bm25: Bm25
    shared: dict[str, str]  # one string object per distinct word (compact)
    protected: set[str]


def build_index(content: Content) -> Index:
    """Index every entry and pointer of `content`."""
    documents: list[Entry | Pointer] = [*content.entries, *content.pointers]
    read = _read_documents(documents, content.lang)
    idf = idf_table(read.building, len(documents))
    ordered = sorted(idf.values())
    default_idf = ordered[int(len(ordered) * DEFAULT_IDF_QUANTILE)] if ordered else 1.0
    vocabulary = Vocabulary(
        set(read.building), read.shared, content.synonyms, idf, default_idf, content.lang
    )
    _index_parts(read.building, read.surface_by_doc, vocabulary)
    read.surface_by_doc.clear()
    idf = idf_table(read.building, len(documents))
    postings = postings_for(read.building, len(documents))
    for phrases in read.phrases:
        for phrase in phrases:
            phrase.weight = math.fsum(idf.get(s, default_idf) for s in phrase.stems)
    stem_bits = StemBits(phrase for phrases in read.phrases for phrase in phrases)
    return Index(
        len(content.entries),
        postings,
        idf,
        read.phrases,
        stem_bits,
        read.bm25,
        vocabulary,
        read.protected,
        tuple(_topic(pointer, vocabulary, postings) for pointer in content.pointers),
    )


def _topic(pointer: Pointer, vocabulary: Vocabulary, postings: Postings) -> frozenset[str]:
    """The indexed stems a pointer's title and keywords name, and their compound parts."""
    named: set[str] = set()
    for text in (pointer.title, *pointer.keywords):
        for word in words(text, vocabulary.lang):
            named.add(stem(word, vocabulary.lang))
            named.update(vocabulary.split(word))
    return frozenset(token for token in named if token in postings)


def _read_documents(documents: list[Entry | Pointer], lang: str) -> _Read:
    """First pass: each document's words posted at their highest field weight, its
    phrasings (title and questions), its summary-or-better words for BM25."""
    read = _Read(defaultdict(dict), [], [], Bm25(), {}, set())
    phrase_cache: dict[str, Phrase] = {}
    for index, document in enumerate(documents):
        texts = entry_texts(document) if isinstance(document, Entry) else pointer_texts(document)
        surface: dict[str, float] = {}
        counted: list[str] = []
        for text, weight in texts:
            for w in words(text, lang):
                word = read.shared.setdefault(w, w)
                if surface.get(word, -1.0) < weight:
                    surface[word] = weight
                if weight >= SUMMARY_WEIGHT:
                    counted.append(word)
        read.bm25.add([stem(word, lang) for word in counted])
        by_weight: dict[float, list[str]] = defaultdict(list)
        read.protected.update(w for w, weight in surface.items() if weight >= PRIMARY_WEIGHT)
        for word, weight in surface.items():
            _post(read.building, stem(word, lang), index, weight)
            by_weight[weight].append(word)
        read.surface_by_doc.append(tuple((w, tuple(group)) for w, group in by_weight.items()))
        phrases = [phrase_of(t, phrase_cache, lang) for t in (document.title, *document.questions)]
        read.phrases.append([p for p in phrases if p.stems])
    read.bm25.finish()
    return read


def _index_parts(
    building: _Building, surface_by_doc: list[_Surface], vocabulary: Vocabulary
) -> None:
    """Second pass: index compounds by their known parts ("Beteiligungsverfahren")."""
    splits: dict[str, list[str]] = {}
    for index, groups in enumerate(surface_by_doc):
        for weight, group in groups:
            for word in group:
                parts = splits.get(word)
                if parts is None:
                    parts = splits[word] = [p for p in vocabulary.split(word) if p in building]
                for part in parts:
                    _post(building, part, index, weight * PART_WEIGHT)


def _post(postings: _Building, token: str, index: int, weight: float) -> None:
    """Index a stem for a document at a field weight (the highest one it has there)."""
    posting = postings[token]
    if posting.get(index, 0.0) < weight:
        posting[index] = weight
