"""The character-n-gram second opinion (bot/matching/ngrams.py): which pointer, the workshop
or nothing of the content a message is about, and the pointer it lets the matcher offer."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.content import SmallTalk, load_content
from bot.matching.ngrams import AGREE, NONE, WORKSHOP, NgramClassifier, ngrams, plain_words
from bot.snapshot import Snapshot


@pytest.fixture(scope="module")
def classifier(shipped_snapshot: Snapshot) -> NgramClassifier:
    return shipped_snapshot.matcher.ngrams


@pytest.mark.parametrize(
    ("word", "grams"),
    [
        ("rat", [" ra", "rat", "at ", " rat", "rat ", " rat "]),
        ("ab", [" ab", "ab ", " ab "]),  # 5-grams need a word of three letters
        ("x", [" x "]),
    ],
)
def test_a_word_is_cut_into_3_to_5_grams_with_boundary_marks(word: str, grams: list[str]) -> None:
    assert ngrams(word) == grams


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Wie gründen wir einen Verein?", ["gruenden", "verein"]),  # stop words left out
        ("Straßenfest im Hof", ["strassenfest", "hof"]),  # folded as the index folds
        ("Online-Beteiligung", ["online", "beteiligung"]),
        ("!!! ???", []),
    ],
)
def test_plain_words_are_folded_content_words(text: str, found: list[str]) -> None:
    assert plain_words(text, "de") == found


@pytest.mark.parametrize(
    ("message", "label"),
    [
        # compounds and inflections no pointer text contains, sharing their n-grams
        ("Gemeinschaftsräume im Quartierszentrum mieten", "raeume"),
        ("Unfallversicherungsschutz beim Vereinsausflug", "versicherung"),
        ("Vereinsgründungsversammlung", "vereinsrecht"),
        ("Spendenquittungen ausstellen", "spenden"),
        ("Kinderparlamente", "jugendbeteiligung"),
        ("Fördertöpfe für Nachbarschaftsprojekte", "foerdermittel"),
        ("Jugendleitersonderurlaub", "freistellung"),
        ("Losverfahren für Bürgerräte", "buergerrat"),
        # the workshop's own matters
        ("Wie bauen wir Vertrauen zwischen Verwaltung und Initiativen auf?", WORKSHOP),
        # private and everyday service requests
        ("Mieterhöhung vom Vermieter", NONE),
        ("Personalausweis verlängern", NONE),
    ],
)
def test_the_most_likely_class(classifier: NgramClassifier, message: str, label: str) -> None:
    assert classifier.best(message)[0] == label


def test_the_posterior_is_a_distribution_over_the_classes_kept(
    classifier: NgramClassifier,
) -> None:
    everything = classifier.posterior("Spendenquittungen ausstellen")
    assert set(everything) == set(classifier.labels)
    assert sum(everything.values()) == pytest.approx(1.0)
    kept = classifier.posterior("Spendenquittungen ausstellen", (WORKSHOP,))
    assert WORKSHOP not in kept and sum(kept.values()) == pytest.approx(1.0)
    assert classifier.posterior("!!!") == {} and classifier.best("!!!") == (None, 0.0)


@pytest.mark.parametrize(
    ("message", "pointer", "agrees"),
    [
        ("Gemeinschaftsräume im Quartierszentrum mieten", "raeume", True),
        ("Gemeinschaftsräume im Quartierszentrum mieten", "versicherung", False),  # not its
        ("Mieterhöhung vom Vermieter", "raeume", False),  # about nothing of the content
        (
            "Wie bauen wir Vertrauen zwischen Verwaltung und Initiativen auf?",
            "foerdermittel",
            False,
        ),
        ("Spendenquittungen ausstellen", "no-such-pointer", False),
        ("", "raeume", False),
    ],
)
def test_agreeing_is_being_the_best_pointer_or_none_with_enough_posterior(
    classifier: NgramClassifier, message: str, pointer: str, agrees: bool
) -> None:
    assert classifier.agrees(message, pointer) is agrees
    label, probability = classifier.best(message, (WORKSHOP,))
    assert agrees is (label == pointer and probability >= AGREE)


def test_a_content_without_pointers_agrees_on_none(mini_content_dir: Path) -> None:
    content = load_content(mini_content_dir)
    classifier = NgramClassifier(content)
    assert classifier.labels[-2:] == (WORKSHOP, NONE)
    assert len(classifier.labels) == len(content.pointers) + 2
    for pointer in content.pointers:
        assert not classifier.agrees("Wie beantrage ich einen Personalausweis?", pointer.id)
    assert not classifier.agrees("Verein", "versicherung")  # no such pointer here


def test_a_content_without_a_word_knows_no_message(shipped_snapshot: Snapshot) -> None:
    empty = replace(shipped_snapshot.content, entries=(), pointers=(), smalltalk=SmallTalk())
    classifier = NgramClassifier(empty)
    assert classifier.posterior("Wie gründen wir einen Verein?") == {}
    assert not classifier.agrees("Wie gründen wir einen Verein?", "vereinsrecht")


def test_the_english_content_has_its_own_classifier(shipped_snapshot: Snapshot) -> None:
    english = shipped_snapshot.localized("en").matcher.ngrams
    assert english.lang == "en" and WORKSHOP in english.labels
    assert english.best("Who insures volunteers against accidents?", (WORKSHOP,))[0] == (
        "versicherung"
    )


def test_the_lexical_best_pointer_is_offered_when_the_ngrams_agree(
    shipped_snapshot: Snapshot,
) -> None:
    """No word of the message is one of the referendum pointer's; its n-grams are
    ("abstimmen" ~ "Abstimmung", "Abstimmungsfrage"): not sure enough alone, offered with
    the classifier's agreement, as a pointer, never as a principle."""
    message = "Wie lassen wir die Leute im Ort selbst über das neue Hallenbad abstimmen?"
    matcher = shipped_snapshot.matcher
    assert matcher.ngrams.agrees(message, "buergerbegehren")
    result = matcher.search(message)
    assert result.kind == "pointer" and not result.answered
    assert result.pointer is not None and result.pointer.pointer.id == "buergerbegehren"
    assert result.pointer.confidence < 0.5  # under the lexical bar on its own (POINTER_FROM)
