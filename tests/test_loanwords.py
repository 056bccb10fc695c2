"""English loanwords in German messages, read through the content's English version."""

from __future__ import annotations

import pytest

from bot.matching import Matcher
from bot.matching.loanwords import LOAN_PREFIX, aligned_postings, english_forms, is_loanword
from bot.snapshot import Snapshot


@pytest.fixture
def matcher(shipped_snapshot: Snapshot) -> Matcher:
    return shipped_snapshot.matcher


@pytest.mark.parametrize("word", ["stakeholder", "lessons", "key", "civil", "leader"])
def test_english_words_are_loanwords(word: str) -> None:
    assert is_loanword(word)


@pytest.mark.parametrize("word", ["kind", "art", "chef", "rat", "verwaltung", "xqzv"])
def test_german_words_false_friends_and_noise_are_not(word: str) -> None:
    assert not is_loanword(word)


def test_english_function_words_stand_for_nothing() -> None:
    assert english_forms("of") == []
    assert english_forms("organize") == ["organise"]


def test_postings_move_to_the_german_document_of_the_same_id() -> None:
    english = {"share": {0: 1.0, 1: 0.5}, "only": {2: 1.0}}
    moved = aligned_postings(
        english,
        [("entry", "b"), ("entry", "a"), ("pointer", "x")],
        [("entry", "a"), ("entry", "b")],
    )
    assert moved == {LOAN_PREFIX + "share": {1: 1.0, 0: 0.5}}


def test_a_loanword_the_german_content_lacks_is_found_in_english(matcher: Matcher) -> None:
    # "condescending" is among the English keywords of the entry on meeting as equals;
    # no German text or synonym of the content has it.
    (term,) = matcher.vocabulary.resolve("condescending")
    assert any(found.startswith(LOAN_PREFIX) for found, _ in term.candidates)
    result = matcher.search("Die Leute im Rathaus sind so condescending zu unseren Vereinen")
    assert result.matches[0].entry.id == "augenhoehe"


def test_an_english_phrase_reaches_its_entry(matcher: Matcher) -> None:
    result = matcher.search("Wie kommen wir zu einem Level Playing Field mit dem Rathaus?")
    assert result.answered
    assert result.matches[0].entry.id == "augenhoehe"


def test_the_english_matcher_needs_no_loans(shipped_snapshot: Snapshot) -> None:
    assert shipped_snapshot.localized("en").matcher.vocabulary.loans is None
