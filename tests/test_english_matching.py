"""English normalisation and the English index: same entry as the German counterpart."""

from __future__ import annotations

import pytest

from bot.matching.decision import ENGLISH_WEIGHTS, WEIGHTS
from bot.matching.normalize import stem, words
from bot.snapshot import Snapshot


def test_english_function_words_are_no_content_words() -> None:
    assert words("How can IT help the team with it?", "en") == ["help", "team"]
    assert "how" in words("How", "de")  # German normalisation is unchanged
    assert stem("volunteering", "en") == stem("volunteers", "en") == "volunt"


@pytest.mark.parametrize(
    ("english", "german"),
    [
        ("How do we present a timeline for the process?", "Wie stellen wir einen Zeitplan vor?"),
        ("How do we find the initiatives in our district?", "Wie finden wir die Initiativen?"),
        ("Should a company donate money or become a partner?", "Spende oder Partnerschaft?"),
        ("When should we hire an external facilitator?", "Wann lohnt externe Moderation?"),
    ],
)
def test_an_english_question_finds_the_entry_of_its_german_counterpart(
    shipped_snapshot: Snapshot, english: str, german: str
) -> None:
    found_en = shipped_snapshot.localized("en").matcher.search(english)
    found_de = shipped_snapshot.matcher.search(german)
    assert found_en.answered and found_de.answered
    assert found_en.matches[0].entry.id == found_de.matches[0].entry.id


@pytest.mark.parametrize(
    "question",
    ["How does it work?", "Who won the football match yesterday?", "lol this bot is useless"],
)
def test_english_chatter_gets_no_principle(shipped_snapshot: Snapshot, question: str) -> None:
    assert not shipped_snapshot.localized("en").matcher.search(question).answered


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How do I renew my passport?", "service"),
        ("When is the recycling bin emptied in my street?", "service"),
        ("My landlord wants to keep my deposit. What can I do?", "private"),
    ],
)
def test_english_service_and_private_words_come_from_the_english_classes(
    shipped_snapshot: Snapshot, question: str, kind: str
) -> None:
    result = shipped_snapshot.localized("en").matcher.search(question)
    assert not result.answered
    assert result.reply == kind


def test_a_german_service_word_is_an_ordinary_english_word(shipped_snapshot: Snapshot) -> None:
    english = shipped_snapshot.localized("en").matcher.smalltalk
    assert english.request("How do we pass on what we know?") is None  # "Pass" is German
    assert shipped_snapshot.matcher.smalltalk.request("Wo beantrage ich einen Reisepass?")


def test_english_small_talk_knows_both_languages(shipped_snapshot: Snapshot) -> None:
    english = shipped_snapshot.localized("en").matcher.smalltalk
    assert english.small_talk("cheers, much appreciated") == "smalltalk_thanks"
    assert english.small_talk("danke!") == "smalltalk_thanks"
    assert english.small_talk("good night") == "smalltalk_goodbye"
    assert english.small_talk("thanks, and how do we find partners?") is None


def test_english_questions_are_judged_with_the_english_weights(
    shipped_snapshot: Snapshot,
) -> None:
    assert shipped_snapshot.localized("en").matcher.weights is ENGLISH_WEIGHTS
    assert shipped_snapshot.matcher.weights is WEIGHTS


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Our network is just a talking shop", "zielgerichtet-vernetzen"),
        ("We are stuck in a rut", "gemeinsame-praxis"),
        ("There are turf wars over who has the final say", "rollenklarheit"),
    ],
)
def test_english_keywords_cover_the_german_ones(
    shipped_snapshot: Snapshot, question: str, entry: str
) -> None:
    """Each German keyword has an English counterpart (Laberrunde, festgefahren, letztes Wort)."""
    found = shipped_snapshot.localized("en").matcher.search(question)
    assert found.answered
    assert found.matches[0].entry.id == entry
