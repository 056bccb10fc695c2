"""Word senses told apart by surface form (bot.matching.senses): the tax "Steuern" is no
form of the verb "steuern"."""

from __future__ import annotations

import pytest

from bot.matching.normalize import stem, words
from bot.matching.senses import TAX_WORD, tax_sense


@pytest.mark.parametrize(
    ("text", "tax"),
    [
        ("Muss ich Steuern zahlen?", True),  # a capitalised noun inside the sentence
        ("muss ich da steuern zahlen", True),  # chat in lower case: "zahlen" makes it the noun
        ("Wie ist das mit steuern bei vereinen", True),  # "mit" before it
        ("Welche Steuern fallen an?", True),
        ("Steuern beim Ehrenamt?", True),  # sentence start, no pronoun after it
        ("Ist das steuerlich absetzbar?", True),
        ("Die Steuer auf Spenden", True),
        ("Steuern", True),  # a keyword or a one-word message: a capitalised noun
        ("Wie steuern wir das Projekt?", False),  # lower case inside a capitalised text
        ("Steuern Sie über vereinbarte Ziele.", False),  # imperative: "Sie" follows
        ("Die Kommune muss Prozesse planen und steuern.", False),
        ("Das ist schwer zu steuern.", False),  # "zu" before it
        ("steuern", False),  # a lower-case word on its own (synonym lists): the verb
        ("Wer sitzt am Steuer?", False),  # the steering wheel
    ],
)
def test_tax_sense_by_surface_form(text: str, tax: bool) -> None:
    assert (TAX_WORD in words(text)) is tax


def test_text_without_the_word_is_returned_unchanged() -> None:
    text = "Wie gewinnen wir Vertrauen?"
    assert tax_sense(text) is text


def test_tax_and_steering_no_longer_share_a_stem() -> None:
    (tax,) = words("Muss ich Steuern zahlen?")[:1]
    (verb,) = words("Wie steuern wir das?")[:1]
    assert stem(tax) != stem(verb)
