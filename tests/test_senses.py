"""Word senses told apart by surface form (bot.matching.senses): the tax "Steuern" is no
form of the verb "steuern"."""

from __future__ import annotations

import pytest

from bot.matching.normalize import stem, words
from bot.matching.senses import TAX_WORD, other_senses, tax_sense
from bot.snapshot import Snapshot


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


@pytest.mark.parametrize(
    ("text", "word", "kept"),
    [
        # "räumen" (to clear) is not the rooms of the Wegweiser on rooms
        ("Wer haftet, wenn ich für die Gemeinde Schnee räume?", "raeume", False),
        ("Müssen wir den Gehweg räumen?", "raeumen", False),  # end of the clause
        ("Wann räumen wir den Keller auf?", "raeumen", False),  # a pronoun after it
        ("Wo finden wir Räume für die Gruppe?", "raeume", True),  # the noun
        ("Wir suchen räume für unsere Gruppe in Berlin", "raeume", True),  # a noun typed small
        # the adjective "fest" (fixed) is not the party of the Wegweiser on events
        ("Gibt es im Rathaus eine feste Anlaufstelle?", "feste", False),
        ("Wir haben einen festen Termin.", "festen", False),
        ("Dürfen wir beim Fest Musik spielen?", "fest", True),
        ("Wir planen ein fest im Hof mit Musik", "fest", True),  # "ein" and no noun after it
        # the noun "Zahlen" (numbers) is not the practical "zahlen" (to pay)
        ("Wer kann gut mit Zahlen umgehen?", "zahlen", False),
        ("Wer muss zahlen, wenn etwas kaputtgeht?", "zahlen", True),
        ("Zahlen wir das selbst?", "zahlen", True),  # a sentence start says nothing
        ("wer kann gut mit zahlen umgehen", "zahlen", True),  # lower case only: unchanged
    ],
)
def test_other_senses_by_surface_form(text: str, word: str, kept: bool) -> None:
    assert (word in words(text)) is kept


def test_other_senses_are_written_as_words_of_their_own() -> None:
    assert words("Wer haftet, wenn ich Schnee räume?")[-1] == "beseitigen"
    assert "dauerhaft" in words("Gibt es eine feste Anlaufstelle?")
    assert "anzahl" in words("Wer kann gut mit Zahlen umgehen?")
    text = "Wie gewinnen wir Vertrauen?"
    assert other_senses(text) is text


def test_a_clearing_question_is_not_sent_to_the_rooms_pointer(shipped_snapshot: Snapshot) -> None:
    result = shipped_snapshot.matcher.search(
        "Bin ich versichert, wenn ich für die Gemeinde den Schnee am Spielplatz räume?"
    )
    assert result.pointer is None or result.pointer.pointer.id != "raeume"


def test_numbers_are_no_practical_word(shipped_snapshot: Snapshot) -> None:
    matcher = shipped_snapshot.matcher
    numbers = matcher.terms("Wer kann im Team gut mit Zahlen umgehen?")
    assert not any(matcher.practical.is_practical(t) for t in numbers)
    paying = matcher.terms("Wer muss zahlen, wenn im Team etwas kaputtgeht?")
    assert any(matcher.practical.is_practical(t) for t in paying)
