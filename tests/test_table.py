"""Postings built as flat arrays (bot.matching.table): the same postings as word by word."""

from __future__ import annotations

import random

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
