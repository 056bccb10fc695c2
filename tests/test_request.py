"""Which sentences of a long message ask (bot.matching.request), and what the matcher makes
of a long message whose request it explains fully.

The messages here are written for these tests, not taken from tests/data/*.yaml.
"""

from __future__ import annotations

import pytest

from bot.matching import Matcher
from bot.matching.normalize import ENGLISH
from bot.matching.request import (
    INTRO_WEIGHT,
    asks,
    request_sentence,
    request_weighted,
)
from bot.snapshot import Snapshot


@pytest.fixture
def matcher(shipped_snapshot: Snapshot) -> Matcher:
    return shipped_snapshot.matcher


def weights(text: str, lang: str = "de") -> list[float]:
    return [weight for _, weight in request_weighted(text, lang=lang)]


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        ("wie kriegen wir mehr junge leute in den vorstand", True),
        ("Gibt es dafür Leitlinien.", True),
        ("Sollten wir die Stadt einbinden", True),
        ("Ich frage mich, ob wir Leitlinien brauchen.", True),
        ("Kennt jemand ein gutes Beispiel", True),
        ("Über wen könnten wir die Familien erreichen", True),
        ("Mit welchen Formaten erreichen wir Berufstätige", True),
        ("Worin liegt da der Unterschied", True),
        ("Sieht die Stadt uns als Partner oder als Lückenfüller", True),
        ("Hat Vernetzung ohne Ziel überhaupt einen Sinn", True),
        ("Ich halte das für Scheinbeteiligung – wie sehen Sie das", True),
        ("Jetzt fragen uns andere Gruppen, wie wir das gemacht haben.", False),
        ("Gibt viel zu tun.", False),
        ("Wie jedes Jahr machen wir ein Fest.", False),
        ("Wie besprochen schicke ich die Liste.", False),
        ("Wer mitmachen will, kann sich melden.", False),
        ("Haben schon alles versucht.", False),
        ("Wir suchen Sponsoren.", False),
    ],
)
def test_a_question_is_known_by_how_it_is_built(sentence: str, question: bool) -> None:
    assert asks(sentence) is question


def test_english_questions_without_a_question_mark() -> None:
    assert asks("how do we keep volunteers", ENGLISH)
    assert asks("Is there a rule for this", ENGLISH)
    assert not asks("We are a small club.", ENGLISH)


def test_a_question_without_question_mark_is_the_request_wherever_it_stands() -> None:
    # Chat style: the question first, the situation after it, no "?" anywhere. The old
    # rule took the last sentence ("wir sind nur fünf leute") for the request.
    text = "wie finden wir neue ehrenamtliche. wir sind nur fünf leute. alle sind über 70"
    assert weights(text) == [1.0, INTRO_WEIGHT, INTRO_WEIGHT]
    assert request_sentence(text) == "wie finden wir neue ehrenamtliche."


def test_every_question_of_a_message_is_its_request() -> None:
    text = (
        "Unser Verein hat 40 Mitglieder. Wie finden wir neue Helfer? "
        "Und wie halten wir sie auf Dauer?"
    )
    assert weights(text) == [INTRO_WEIGHT, 1.0, 1.0]
    assert request_sentence(text) == "Und wie halten wir sie auf Dauer?"


@pytest.mark.parametrize(
    "closing",
    [
        "Vielen Dank im Voraus!",
        "Viele Grüße, Petra Schulte",
        "Danke und liebe Grüße aus Hattingen",
        "Ich freue mich auf Ihre Antwort.",
        "LG Maria",
    ],
)
def test_a_sign_off_is_never_the_request(closing: str) -> None:
    text = "Wir sind ein kleiner Verein. Wir suchen Sponsoren für unser Sommerfest. " + closing
    weighted = request_weighted(text)
    assert [w for _, w in weighted] == [INTRO_WEIGHT, 1.0]  # the sign-off left out
    assert request_sentence(text) == "Wir suchen Sponsoren für unser Sommerfest."


def test_a_greeting_counts_as_a_formula_and_a_formula_word_inside_does_not() -> None:
    text = "Guten Tag, sehr geehrte Damen und Herren. Dank vieler Spenden läuft unser Café gut. "
    text += "Wie finden wir weitere Unterstützer?"
    assert weights(text) == [INTRO_WEIGHT, 1.0]  # the greeting left out


def test_english_sign_off() -> None:
    text = "We run a youth club. We need more volunteers. Thanks in advance!"
    assert weights(text, ENGLISH) == [INTRO_WEIGHT, 1.0]


def test_a_sign_off_does_not_push_the_request_aside(matcher: Matcher) -> None:
    text = (
        "In unserer Stadt gibt es schon ein Netzwerk für Familien, und jetzt will das "
        "Jugendamt noch ein zweites für dieselben Familien gründen. Wie vermeiden wir, dass "
        "da zwei Gremien nebeneinander dasselbe machen?"
    )
    plain = matcher.search(text)
    signed = matcher.search(text + " Viele Grüße und vielen Dank, Jürgen Hoffmann")
    assert plain.answered and signed.answered
    assert signed.matches[0].entry.id == plain.matches[0].entry.id == "keine-doppelstrukturen"
    assert signed.confidence == pytest.approx(plain.confidence)


def test_a_long_message_whose_request_is_explained_fully_is_answered(matcher: Matcher) -> None:
    # "Was ist der Unterschied …" asks for a fact in general; but the request is, word for
    # word, what the entry on donations and partnerships is about. The introduction lowers
    # the fit of the whole message, so only the request's own fit can tell.
    text = (
        "Ein Autohaus aus dem Ort zahlt unserem Chor seit Jahren einen Zuschuss für die "
        "Noten. Jetzt möchte es enger mit uns zusammenarbeiten. Was ist der Unterschied "
        "zwischen einer Spende und einer Partnerschaft?"
    )
    result = matcher.search(text)
    assert result.answered
    assert result.matches[0].entry.id == "spende-partnerschaft"


def test_an_e_mail_frame_with_salutation_and_signature_is_left_out() -> None:
    text = (
        "Sehr geehrte Damen und Herren,\n\nwir planen einen Nachbarschaftstreff. Bisher "
        "kommt niemand aus der Siedlung. Wer könnte uns Türen öffnen\n\n"
        "Mit freundlichen Grüßen\nPetra Schulte"
    )
    weighted = request_weighted(text)
    assert [w for _, w in weighted] == [INTRO_WEIGHT, INTRO_WEIGHT, 1.0]
    assert request_sentence(text) == "Wer könnte uns Türen öffnen"


def test_a_short_last_sentence_without_a_formula_before_it_stays_the_request() -> None:
    assert weights("Wir laden jeden Monat ein. Keiner kommt.") == [INTRO_WEIGHT, 1.0]


def test_a_salutation_before_the_first_comma_is_left_out() -> None:
    weighted = request_weighted("Hallo zusammen, wir sind ein Verein. Wie finden wir Helfer?")
    assert weighted == [("wir sind ein Verein.", INTRO_WEIGHT), ("Wie finden wir Helfer?", 1.0)]
    kept = "Wir, die Eltern der Klasse 3, sind ein Verein. Wie finden wir Helfer?"
    assert request_weighted(kept)[0][0] == "Wir, die Eltern der Klasse 3, sind ein Verein."
