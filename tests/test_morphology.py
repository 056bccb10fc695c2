"""German verb morphology the stemmer misses (bot.matching.morphology)."""

from __future__ import annotations

import pytest

from bot.matching.morphology import particle_verb, verb_forms
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
