"""Exact-word BM25 (bot.matching.bm25): the matcher's second opinion for the ranking."""

from __future__ import annotations

import random

import numpy as np
import pytest

from bot.matching import bm25 as bm25_module
from bot.matching.bm25 import Bm25


def index(*documents: str) -> Bm25:
    bm25 = Bm25()
    for document in documents:
        bm25.add(document.split())
    bm25.finish()
    return bm25


def test_a_document_using_the_word_more_often_scores_higher() -> None:
    bm25 = index("sponsor sponsor verein", "sponsor verein stadt", "stadt rat")
    shares = bm25.share({"sponsor": 1.0}, [0, 1, 2])
    assert shares[0] > shares[1] > shares[2] == 0.0


def test_shares_are_between_zero_and_one() -> None:
    bm25 = index("sponsor verein", "verein stadt", "stadt rat")
    shares = bm25.share({"sponsor": 1.0, "verein": 0.5}, [0, 1, 2])
    assert all(0.0 <= share <= 1.0 for share in shares.values())
    assert shares[0] == pytest.approx(1.0)


def test_words_no_document_uses_lower_the_share() -> None:
    bm25 = index("sponsor verein", "verein stadt", "stadt rat")
    known = bm25.share({"sponsor": 1.0}, [0])[0]
    with_unknown = bm25.share({"sponsor": 1.0, "sperrmuell": 1.0}, [0])[0]
    assert with_unknown < known


def test_query_weights_decide_which_word_counts() -> None:
    bm25 = index("sponsor verein", "stadt rat")
    sponsor_heavy = bm25.share({"sponsor": 1.0, "stadt": 0.1}, [0, 1])
    stadt_heavy = bm25.share({"sponsor": 0.1, "stadt": 1.0}, [0, 1])
    assert sponsor_heavy[0] > sponsor_heavy[1]
    assert stadt_heavy[1] > stadt_heavy[0]


def test_an_empty_query_scores_nothing() -> None:
    assert index("sponsor verein").share({}, [0]) == {}


def test_the_array_form_of_a_large_index_scores_exactly_as_the_dictionaries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(7)
    vocabulary = ["sponsor", "verein", "stadt", "rat", "jugend", "platz", "fest", "geld"]
    documents = [" ".join(rng.choices(vocabulary, k=rng.randrange(0, 9))) for _ in range(60)]
    as_dicts = index(*documents)
    monkeypatch.setattr(bm25_module, "ARRAY_FROM", 10)
    as_arrays = index(*documents)
    assert as_arrays._arrays and not as_dicts._arrays
    query = {"sponsor": 1.0, "stadt": 0.4, "geld": 0.7, "sperrmuell": 1.0}
    wanted = [59, 0, 3, 3, 17, 42]
    assert as_arrays.share(query, wanted) == as_dicts.share(query, wanted)
    assert as_arrays.share(query, wanted)[0] > 0.0


def test_counting_all_documents_at_once_equals_adding_them_one_by_one() -> None:
    rng = random.Random(11)
    vocabulary = ["sponsor", "verein", "stadt", "rat", "jugend", "platz", "fest", "geld"]
    documents = [rng.choices(vocabulary, k=rng.randrange(0, 9)) for _ in range(40)]
    one_by_one = index(*(" ".join(document) for document in documents))
    words = ["x", *vocabulary]  # word numbers; "x" is counted by no document
    stems = [word[:4] for word in words]  # a stem: the first four letters
    at_once = Bm25()
    at_once.count(
        stems,
        np.array([words.index(w) for document in documents for w in document], dtype=np.int32),
        np.array([n for n, document in enumerate(documents) for _ in document], dtype=np.int32),
        len(documents),
    )
    at_once.finish()
    by_stem = index(*(" ".join(w[:4] for w in document) for document in documents))
    assert list(at_once._best.items()) == list(by_stem._best.items())
    assert at_once._postings == by_stem._postings
    assert len(one_by_one._best) == len(by_stem._best)
