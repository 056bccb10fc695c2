"""English content words (bot.matching.english): contractions, US spellings, phrasal verbs."""

from __future__ import annotations

import pytest

from bot.matching.english import british, english_words, family, synonym_collides
from bot.matching.normalize import light_stems, stem, words
from bot.snapshot import Snapshot


def test_contractions_leave_no_fragments() -> None:
    text = "We couldn't, we're asked if they've tried, haven't they?"
    assert words(text, "en") == ["asked", "tried"]


@pytest.mark.parametrize(
    ("us", "uk"),
    [
        ("organize", "organise"),
        ("organization", "organisation"),
        ("prioritizing", "prioritising"),
        ("analyzed", "analysed"),
        ("neighborhood", "neighbourhood"),
        ("labor", "labour"),
        ("behaviors", "behaviours"),
        ("center", "centre"),
        ("program", "programme"),
        ("defense", "defence"),
        ("councilman", "councillor"),
        ("councilors", "councillors"),
    ],
)
def test_us_spellings_become_british(us: str, uk: str) -> None:
    assert british(us) == uk
    assert [stem(w, "en") for w in words(us, "en")] == [stem(uk, "en")]


@pytest.mark.parametrize("word", ["size", "downsized", "prize", "citizen", "promise", "otherwise"])
def test_words_that_only_look_american_stay(word: str) -> None:
    assert british(word) == word


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("reaching out to the council", ["contact", "council"]),
        ("half the volunteers dropped out", ["half", "volunteers", "quit"]),
        ("when to pull the plug", ["quit"]),
        ("what do companies get out of it", ["companies", "benefit"]),
        ("we came up with a plan", ["develop", "plan"]),
        ("onboarding new staff", ["induction", "new", "staff"]),
        ("nobody knows who does what", ["nobody", "knows", "roles"]),
        ("whom can we turn to", ["contact"]),
        ("lay out the phases", ["present", "phases"]),
        ("we never heard back", ["never", "feedback"]),
        ("the council shut down the group", ["council", "quit", "group"]),
    ],
)
def test_phrasal_verbs_become_their_meaning(text: str, meaning: list[str]) -> None:
    assert english_words(text.split()) == meaning


def test_a_phrase_needs_all_its_words() -> None:
    assert english_words("reach the town out".split()) == ["reach", "town", "out"]


@pytest.mark.parametrize("word", ["sure", "felt", "advice", "tips", "recommend"])
def test_question_framing_words_count_weakly(word: str) -> None:
    assert stem(word, "en") in light_stems("en")


@pytest.mark.parametrize(
    ("american", "british_text"),
    [
        ("How do we organize our neighborhood initiative?",
         "How do we organise our neighbourhood initiative?"),
    ],
)
def test_an_american_spelling_finds_what_the_british_one_finds(
    shipped_snapshot: Snapshot, american: str, british_text: str
) -> None:
    matcher = shipped_snapshot.localized("en").matcher
    found_us, found_uk = matcher.search(american), matcher.search(british_text)
    assert found_us.answered == found_uk.answered
    assert [m.entry.id for m in found_us.matches] == [m.entry.id for m in found_uk.matches]


@pytest.mark.parametrize(
    ("word", "relative"),
    [("decision", "decide"), ("success", "succeed"), ("partnership", "partner"),
     ("neighbours", "neighbourhood"), ("clarity", "clear")],
)
def test_word_families_the_stemmer_splits_are_joined(word: str, relative: str) -> None:
    assert stem(relative, "en") in family(stem(word, "en"))
    assert stem(word, "en") in family(stem(relative, "en"))


def test_an_english_word_finds_its_family_in_the_index(shipped_snapshot: Snapshot) -> None:
    vocabulary = shipped_snapshot.localized("en").matcher.vocabulary
    (term,) = vocabulary.resolve("decision")
    assert stem("decide", "en") in dict(term.candidates)


@pytest.mark.parametrize("word", ["back", "set", "spend", "public", "develop"])
def test_an_everyday_word_is_no_synonym_of_a_word_stemmed_like_it(
    shipped_snapshot: Snapshot, word: str
) -> None:
    """"backing", "setting", "Spende", "publicity", "developer" stem to these words; the
    everyday word does not take on their synonym groups."""
    vocabulary = shipped_snapshot.localized("en").matcher.vocabulary
    for term in vocabulary.resolve(word):
        assert {c for c, _ in term.candidates} <= {stem(word, "en")}


def test_an_inflected_synonym_keeps_its_group() -> None:
    frequency = {"role": 5.2, "roles": 4.4, "back": 6.0, "backing": 4.2}.get
    assert not synonym_collides("roles", lambda w: frequency(w) or 0.0)
    assert synonym_collides("backing", lambda w: frequency(w) or 0.0)


@pytest.mark.parametrize("word", ["never", "often", "clearly", "anywhere"])
def test_adverbs_of_frequency_and_manner_count_weakly(word: str) -> None:
    assert stem(word, "en") in light_stems("en")


@pytest.mark.parametrize("word", ["ideas", "suggestions"])
def test_ideas_and_suggestions_are_content_words(word: str) -> None:
    """What happens to people's ideas and suggestions is a topic (feedback), no framing."""
    assert stem(word, "en") not in light_stems("en")


def test_a_british_ise_verb_finds_its_adjective() -> None:
    """Snowball strips "-ize" but not "-ise": "finalised" (also "finalized", read British)."""
    for text in ("finalised", "finalized"):
        (word,) = words(text, "en")
        assert stem("final", "en") in family(stem(word, "en"))


@pytest.mark.parametrize(
    ("form", "verb"), [("forgotten", "forget"), ("built", "build"), ("chosen", "choose")]
)
def test_irregular_past_forms_are_their_verb(form: str, verb: str) -> None:
    assert [stem(w, "en") for w in words(form, "en")] == [stem(verb, "en")]


def test_a_past_form_that_is_another_word_stays() -> None:
    assert words("we found an association", "en") == ["found", "association"]
