"""Postings built as flat arrays (bot.matching.table): the same postings as word by word."""

from __future__ import annotations

import random

import numpy as np

from bot.matching.table import Numbers, PostingTable

PART = 0.85


def naive(
    documents: list[dict[str, float]], stem_of: dict[str, str], parts: dict[str, list[str]]
) -> dict[str, dict[int, float]]:
    """Stem → {document: highest weight}, whole words and compound parts, one by one."""
    postings: dict[str, dict[int, float]] = {}
    for index, surface in enumerate(documents):
        for word, weight in surface.items():
            found = [(stem_of[word], weight), *((p, weight * PART) for p in parts[word])]
            for token, value in found:
                posting = postings.setdefault(token, {})
                if posting.get(index, 0.0) < value:
                    posting[index] = value
    return postings


def test_numbers_count_keys_in_the_order_first_looked_up() -> None:
    numbers: Numbers[str] = Numbers()
    assert [numbers[key] for key in ("b", "a", "b", "c")] == [0, 1, 0, 2]


def test_the_flat_postings_equal_those_built_word_by_word() -> None:
    rng = random.Random(3)
    vocabulary = [f"wort{i}" for i in range(40)]
    stem_of = {word: f"st{int(word[4:]) // 2}" for word in vocabulary}  # two words a stem
    stems = sorted(set(stem_of.values()))
    parts = {word: rng.sample(stems, rng.choice((0, 0, 1, 2))) for word in vocabulary}
    documents = [
        {word: rng.choice((1.0, 0.5, 0.3)) for word in rng.sample(vocabulary, rng.randrange(12))}
        for _ in range(30)
    ]
    table = PostingTable()
    for surface in documents:
        table.add(surface)
    stem_numbers: Numbers[str] = Numbers()
    word_stems = [stem_numbers[stem_of[word]] for word in table.words]
    word_parts = [[stem_numbers[p] for p in parts[word]] for word in table.words]
    names = list(stem_numbers)
    numbers, starts, found, weights = table.postings(word_stems, word_parts, PART)
    ends = [*starts.tolist()[1:], len(found)]
    built = {
        names[n]: dict(zip(found[a:b].tolist(), weights[a:b].tolist(), strict=True))
        for n, a, b in zip(numbers.tolist(), starts.tolist(), ends, strict=True)
    }
    expected = naive(documents, stem_of, parts)
    assert built == expected
    assert all(list(posting) == sorted(posting) for posting in built.values())
    whole = naive(documents, stem_of, {word: [] for word in vocabulary})
    frequencies = table.frequencies(word_stems, len(names)).tolist()
    assert {name: frequencies[n] for name, n in stem_numbers.items() if frequencies[n]} == {
        token: len(posting) for token, posting in whole.items()
    }


def test_a_table_of_all_rows_at_once_equals_one_built_document_by_document() -> None:
    rng = random.Random(5)
    vocabulary = [f"wort{i}" for i in range(30)]
    levels = [1.0, 0.5, 0.3]
    occurrences = [  # (document, word, code), a word maybe several times at several weights
        (document, rng.choice(vocabulary), rng.randrange(3))
        for document in range(20)
        for _ in range(rng.randrange(15))
    ]
    by_document = PostingTable()
    for document in range(20):
        surface: dict[str, float] = {}
        for _, word, code in sorted(o for o in occurrences if o[0] == document):
            surface[word] = max(surface.get(word, 0.0), levels[code])
        by_document.add(surface)
    words = list(dict.fromkeys(word for _, word, _ in occurrences))
    at_once = PostingTable.of_rows(
        words,
        np.array([words.index(word) for _, word, _ in occurrences], dtype=np.int32),
        np.array([document for document, _, _ in occurrences], dtype=np.int32),
        np.array([code for _, _, code in occurrences], dtype=np.uint8),
        levels,
        20,
    )
    stem_numbers: Numbers[str] = Numbers()
    for table in (by_document, at_once):
        word_stems = [stem_numbers[word[:5]] for word in table.words]  # a stem: 10 words
        parts = [[stem_numbers["wort1"]] if word.endswith("7") else [] for word in table.words]
        results = (table.postings(word_stems, parts, PART), table.frequencies(word_stems, 9))
        if table is by_document:
            expected = results
            continue
        assert results[1].tolist() == expected[1].tolist()
        for got, want in zip(results[0], expected[0], strict=True):
            assert got.tolist() == want.tolist()
