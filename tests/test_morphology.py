"""German verb morphology the stemmer misses (bot.matching.morphology)."""

from __future__ import annotations

import pytest

from bot.matching.morphology import dropped_e, particle_verb, verb_forms
from bot.matching.normalize import stem
from bot.snapshot import Snapshot


@pytest.mark.parametrize(
    ("form", "infinitive"),
    [
        ("anquatscht", "anquatschen"),  # -t of the third person
        ("gesteuert", "steuern"),  # ge- … -t participle
        ("eingeladen", "einladen"),  # separable particle before ge-
        ("abgestimmt", "abstimmen"),
        ("einzubeziehen", "einbeziehen"),  # -zu- of the infinitive ("Lust, sie einzubeziehen")
        ("vorzulegen", "vorlegen"),
        ("weiterzugeben", "weitergeben"),
        ("offenzulegen", "offenlegen"),  # adjective particle
        ("schiefgelaufen", "schieflaufen"),  # adjective particle before ge-
        ("rumgeschickt", "rumschicken"),  # spoken "rum-" for "herum-"
    ],
)
def test_verb_forms_reach_the_infinitive(form: str, infinitive: str) -> None:
    assert stem(infinitive) in verb_forms(form)


@pytest.mark.parametrize(
    "word", ["gestalte", "geld", "gegenueber", "vorzugsweise", "umzugskarton"]
)
def test_words_that_are_no_such_forms_are_left_alone(word: str) -> None:
    assert stem(word[2:]) not in verb_forms(word)


def test_a_particle_verb_is_split_longest_particle_first() -> None:
    splits = particle_verb("zusammenarbeiten")
    assert splits[0][:2] == ("zusammen", "arbeiten")


@pytest.mark.parametrize(
    ("word", "particle", "verb"),
    [("losplanen", "los", "planen"), ("klarmachen", "klar", "machen")],
)
def test_particle_verbs_are_split(word: str, particle: str, verb: str) -> None:
    assert (particle, verb) in [(p, v) for p, v, _ in particle_verb(word)]


def test_a_short_rest_is_no_verb() -> None:
    assert particle_verb("anders") == ()


def test_a_zu_infinitive_finds_the_content_word_of_its_verb(shipped_snapshot: Snapshot) -> None:
    vocabulary = shipped_snapshot.matcher.vocabulary
    (term,) = vocabulary.resolve("anzusprechen")
    assert stem("ansprechen") in dict(term.candidates)


@pytest.mark.parametrize(
    ("verb", "noun"),
    [
        ("sammeln", "Sammlung"),  # the noun's stem keeps its -ung
        ("vermitteln", "Vermittlung"),  # ... or loses it ("vermittl")
        ("entwickeln", "Entwicklung"),
        ("verhandeln", "Verhandlung"),
    ],
)
def test_an_eln_verb_and_its_lung_noun_reach_each_other(verb: str, noun: str) -> None:
    verb_stem, noun_stem = stem(verb), stem(noun.lower())
    assert noun_stem in dropped_e(verb_stem)
    assert verb_stem in dropped_e(noun_stem)


@pytest.mark.parametrize(
    "token",
    [
        "spiel",  # a vowel before -el: no -eln verb that drops it
        "ziel",
        "schul",  # a vowel before -l
        "schulung",  # ... and before -lung
        "zahl",  # too short to be read as a form
    ],
)
def test_words_without_a_dropped_e_get_no_such_form(token: str) -> None:
    assert dropped_e(token) == ()


def test_a_collecting_question_reaches_the_collections_of_donations(
    shipped_snapshot: Snapshot,
) -> None:
    # "sammeln" is "Sammlung" ("Spendensammlung", "Straßensammlung" of the donations pointer)
    (term,) = shipped_snapshot.matcher.terms("sammeln")
    assert dict(term.candidates).get("sammlung", 0.0) >= 0.85
