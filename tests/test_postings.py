"""The inverted index's two forms (dictionaries, numpy arrays) give the same figures."""

from __future__ import annotations

import pytest

from bot.matching import Matcher, postings
from bot.matching.postings import ArrayPostings, DictPostings, Postings, postings_for
from bot.snapshot import Snapshot

POSTINGS = {
    "beteilig": {0: 1.0, 2: 0.5, 5: 0.3},
    "verfahr": {2: 1.0, 3: 0.5},
    "verwalt": {1: 0.3, 4: 1.0, 5: 1.0},
}
FORMS = (DictPostings, ArrayPostings)


@pytest.mark.parametrize("form", FORMS)
def test_a_term_is_explained_by_its_best_candidate(form: type[Postings]) -> None:
    index = form(POSTINGS, 6)
    explains = index.explains([("beteilig", 0.4), ("verfahr", 0.9), ("unbekannt", 1.0)])
    assert [explains.value(i) for i in range(6)] == [0.4, None, 0.9, 0.45, None, 0.12]
    assert explains.most == 0.9
    assert explains.names(2) and not explains.names(3)  # 0.45: only in a summary


@pytest.mark.parametrize("form", FORMS)
def test_best_documents_by_coverage_ties_to_the_lower_index(form: type[Postings]) -> None:
    index = form(POSTINGS, 6)
    terms = [index.explains([("verwalt", 1.0)]), index.explains([("beteilig", 1.0)])]
    coverage = index.coverage(terms, [0.5, 0.5])
    assert coverage.best(0, 4, 2) == [(0, 0.5), (2, 0.25)]
    assert coverage.best(4, 6, 5) == [(5, 0.65), (4, 0.5)]
    assert coverage.best(0, 6, 1) == [(5, 0.65)]


@pytest.mark.parametrize("form", FORMS)
def test_a_document_explaining_a_weightless_term_is_still_found(form: type[Postings]) -> None:
    index = form(POSTINGS, 6)
    coverage = index.coverage([index.explains([("verfahr", 1.0)])], [0.0])
    assert coverage.best(0, 6, 3) == [(2, 0.0), (3, 0.0)]


@pytest.mark.parametrize("form", FORMS)
def test_both_forms_read_as_a_mapping_and_take_more_stems(form: type[Postings]) -> None:
    index = form(POSTINGS, 6)
    assert dict(index) == POSTINGS and len(index) == 3 and "verfahr" in index
    index.update({"en:partnership": {1: 1.0}})
    assert index["en:partnership"] == {1: 1.0}
    assert index.explains([("en:partnership", 0.8)]).value(1) == 0.8


def test_the_form_follows_the_size_of_the_index() -> None:
    assert isinstance(postings_for(POSTINGS, 6), DictPostings)
    assert isinstance(postings_for(POSTINGS, postings.ARRAY_FROM), ArrayPostings)


def test_both_forms_rank_the_shipped_content_alike(
    shipped_snapshot: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = shipped_snapshot.content
    questions = [q for entry in content.entries for q in entry.questions]
    questions += [q for pointer in content.pointers for q in pointer.questions]
    as_dicts = Matcher(content)
    monkeypatch.setattr(postings, "ARRAY_FROM", 0)
    as_arrays = Matcher(content)
    assert isinstance(as_arrays._postings, ArrayPostings)
    assert not isinstance(as_dicts._postings, ArrayPostings)
    for question in questions:
        expected, actual = as_dicts.search(question), as_arrays.search(question)
        assert actual == expected, question
        assert actual.signals == expected.signals, question
        assert as_arrays.rank(as_arrays.terms(question)) == as_dicts.rank(
            as_dicts.terms(question)
        ), question
