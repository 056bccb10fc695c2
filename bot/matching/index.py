"""Building the search index of one Content object: what `Matcher` searches.

Every entry and pointer is a document (`bot.matching.documents` says which of its texts
count how much). The index holds, per stem, the documents that use it at their highest
field weight (postings; compounds also under their known parts), the documents' phrasings
for phrase similarity, an exact-word BM25 index, and the vocabulary that resolves a
message's words (synonyms, spellings, compounds) against it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from bot.content import Content, Entry, Pointer
from bot.matching.background import informativeness
from bot.matching.bm25 import Bm25
from bot.matching.documents import (
    SUMMARY_WEIGHT,
    Phrase,
    StemBits,
    pointer_name_stems,
    pointer_only,
)
from bot.matching.normalize import GERMAN, stem, words
from bot.matching.postings import Postings, postings_from
from bot.matching.reader import read_documents
from bot.matching.table import Numbers
from bot.matching.terms import FOREIGN_INFO, Vocabulary
from bot.matching.thesaurus import content_links

__all__ = ["Index", "build_index"]

PART_WEIGHT = 0.85  # a part of an indexed compound: a little weaker than the whole word
DEFAULT_IDF_QUANTILE = 0.5  # unknown words rank like a median word, not above every known one


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


def build_index(content: Content) -> Index:
    """Index every entry and pointer of `content`."""
    documents: list[Entry | Pointer] = [*content.entries, *content.pointers]
    lang = content.lang
    # the topic vocabulary is German: a translation's index goes without it
    read = read_documents(documents, lang, content.lexicon if lang == GERMAN else {})
    words = read.table.words  # one string object per distinct word (compact)
    stem_numbers: Numbers[str] = Numbers()
    word_stems = [stem_numbers[stem(word, lang)] for word in words]
    stems = list(stem_numbers)
    idf = idf_of(stems, read.table.frequencies(word_stems, len(stems)).tolist(), len(documents))
    ordered = sorted(idf.values())
    default_idf = ordered[int(len(ordered) * DEFAULT_IDF_QUANTILE)] if ordered else 1.0
    vocabulary = Vocabulary(set(stems), words, content.synonyms, idf, default_idf, lang)
    # compounds are also indexed by their known parts ("Beteiligungsverfahren")
    parts = [[stem_numbers[p] for p in vocabulary.split(w) if p in stem_numbers] for w in words]
    numbers, starts, found, weights = read.table.postings(word_stems, parts, PART_WEIGHT)
    del read.table
    tokens = [stems[number] for number in numbers.tolist()]
    idf = idf_of(tokens, np.diff(np.append(starts, len(found))).tolist(), len(documents))
    postings = postings_from(tokens, starts, found, weights, len(documents))
    _pointer_words(content, postings, vocabulary)  # before the links: they clear what is resolved
    vocabulary.links = content_links(content, postings, len(content.entries))
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


def _pointer_words(content: Content, postings: Postings, vocabulary: Vocabulary) -> None:
    """What only pointers name: the postings of their offices (`_offices`) and the stems
    they alone are named by (`Vocabulary.named`)."""
    entries = len(content.entries)
    postings.update(_offices(content, postings, entries))
    named = pointer_name_stems(content.pointers, content.lang)
    vocabulary.named = frozenset(t for t in named if pointer_only(t, postings, entries))


def _offices(
    content: Content, postings: Postings, entries: int
) -> dict[str, dict[int, float]]:
    """The postings that name each pointer's offices: a word of its "who helps" lines
    (`Pointer.who_helps`: Finanzamt, Jugendamt, Notariat) is found at SUMMARY_WEIGHT when
    it is an indexed stem only pointers use and at least as specific as a service word, as
    written and as its stem (FOREIGN_INFO; not "Region", "Bundeslandes"). "Muss ich das dem
    Finanzamt melden?" then reaches the allowances pointer, whose questions never say
    "Finanzamt", as well as the donations pointer, whose questions do. Words only "who
    helps" uses are not indexed: the lines list offices, not what people ask about."""
    added: dict[str, dict[int, float]] = {}
    for number, pointer in enumerate(content.pointers, start=entries):
        for line in pointer.who_helps:
            for word in words(line, content.lang):
                token = stem(word, content.lang)
                if (
                    token not in postings
                    or not pointer_only(token, postings, entries)
                    or min(informativeness(w, content.lang) for w in (word, token)) < FOREIGN_INFO
                ):
                    continue
                posting = added.setdefault(token, dict(postings[token]))
                posting[number] = max(posting.get(number, 0.0), SUMMARY_WEIGHT)
    return added


def _topic(pointer: Pointer, vocabulary: Vocabulary, postings: Postings) -> frozenset[str]:
    """The indexed stems a pointer's title and keywords name, and their compound parts (not
    its topic vocabulary: measured, it changed no answer)."""
    named: set[str] = set()
    for text in (pointer.title, *pointer.keywords):
        for word in words(text, vocabulary.lang):
            named.add(stem(word, vocabulary.lang))
            named.update(vocabulary.split(word))
    return frozenset(token for token in named if token in postings)


def idf_of(tokens: Iterable[str], frequencies: Iterable[int], count: int) -> dict[str, float]:
    """Smoothed inverse document frequency of stems used by so many of `count` documents."""
    return {
        token: math.log((count + 1) / (frequency + 0.5)) + 1.0
        for token, frequency in zip(tokens, frequencies, strict=True)
    }
