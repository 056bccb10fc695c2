"""What requests ask for (bot/matching/asking.py): a fact, by the interrogative they open
with, unless a word of judgement makes them a question of judgement; something for the
writer alone."""

from __future__ import annotations

import pytest

from bot.matching.asking import (
    asked_head,
    asked_noun,
    asks_advice,
    asks_fact,
    asks_for_fact,
    asks_for_oneself,
    fact_asked,
)
from bot.matching.normalize import stem


@pytest.mark.parametrize(
    "request_text",
    [
        "Wann tagt eigentlich der Seniorenbeirat?",
        "Wie viele Stühle stehen im großen Saal?",
        "wie lange dauert so eine ratssitzung",
        "Wie oft wird der Spielplatz gereinigt?",
        "Welche Farbe hat das Stadtwappen?",
        "Welcher Bus fährt zum Bürgerhaus?",
        "Was verdient ein Quartiersmanager?",
        "Und wie hoch ist der Zuschuss?",
        "Wie heißt der neue Kämmerer?",
    ],
)
def test_a_request_for_a_fact(request_text: str) -> None:
    assert asks_fact(request_text)


@pytest.mark.parametrize(
    "request_text",
    [
        "Wie gewinnen wir neue Mitglieder für den Runden Tisch?",
        "Welche Formate sollten wir mit Jugendlichen ausprobieren?",  # judgement: modal
        "Wie viel Beteiligung ist bei einem Spielplatz sinnvoll?",  # judgement
        "Wer macht was im Netzwerk?",  # roles are the content's topic
        "Wo fangen wir am besten an?",
        "Warum kommt keiner zu unseren Treffen?",
        "Wir überlegen, welche Partner wir ansprechen.",  # "welche" not at the start
    ],
)
def test_a_question_of_judgement_or_of_the_content(request_text: str) -> None:
    assert not asks_fact(request_text)


@pytest.mark.parametrize(
    ("request_text", "asked"),
    [
        ("Welche Parteien sitzen im Kreistag?", (True, stem("parteien"))),
        ("Wie lange dauert die Sanierung?", (True, None)),  # names no noun it asks about
        ("Welche KPIs nutzt die Verwaltung?", (False, None)),  # loanword: likely jargon
        ("Wie bauen wir Vertrauen auf?", (False, None)),
    ],
)
def test_the_noun_a_fact_question_asks_about(
    request_text: str, asked: tuple[bool, str | None]
) -> None:
    assert fact_asked(request_text) == asked


@pytest.mark.parametrize(
    ("request_text", "oneself"),
    [
        ("Wie repariere ich mein Fahrrad?", True),
        ("Was kann ich tun, wenn mir der Nachbar die Einfahrt zuparkt?", True),
        ("Darf ich als Beamtin nebenher jobben?", True),
        ("Wie gewinnen wir neue Mitglieder?", False),  # a group
        ("An wen wende ich mich, wenn wir als Verein etwas brauchen?", False),  # a group too
        ("Sollte ich den Runden Tisch auflösen?", False),  # asks for advice
        ("Ist es sinnvoll, dass ich die Moderation abgebe?", False),
    ],
)
def test_a_request_for_oneself(request_text: str, oneself: bool) -> None:
    assert asks_for_oneself(request_text) == oneself


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Wann hat die Stadtbücherei am Samstag offen?", True),
        ("Hallo, wann ist eigentlich das nächste Straßenfest?", True),
        ("Was kostet ein Anwohnerparkausweis?", True),
        ("Wie hoch ist die Gebühr für eine Beglaubigung?", True),
        ("Wo bekomme ich Gelbe Säcke?", True),
        ("Wie heißt der Leiter des Quartiersbüros?", True),
        ("Was ist eigentlich der Unterschied zwischen Landrat und Kreistag?", True),
        ("Wer ist eigentlich die Landrätin in Göttingen?", True),
        ("Wer ist bei der Stadt für Ehrenamt zuständig?", False),
        ("Wo kann man hier Lastenräder ausleihen?", True),
        ("Wann sollten wir die Presse einbinden?", False),  # a modal: judgement
        ("Wann ist der richtige Zeitpunkt, ein Projekt zu beenden?", False),
        ("Wo finden wir Mitstreiter für unsere Initiative?", False),
        ("Wie gewinnen wir Unternehmen als Partner?", False),
    ],
)
def test_requests_for_a_fact_are_told_from_questions_of_judgement(text: str, fact: bool) -> None:
    assert asks_for_fact(text) is fact


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Welches Mikrofon eignet sich für den Saal?", "mikrofon"),
        ("Welche niedrigschwelligen Formate eignen sich?", "formate"),  # adjective skipped
        ("Mit welcher Federführung verhandelt die Kommune?", "federfuehrung"),
        ("Was für eine Versicherung brauchen wir?", "versicherung"),
        ("welche formate gibts", "formate"),  # all lower case: the next word
        ("Wie finden wir Partner?", None),
    ],
)
def test_the_noun_a_which_question_asks_about(text: str, noun: str | None) -> None:
    assert asked_noun(text) == noun


@pytest.mark.parametrize(
    ("request_text", "head"),
    [
        ("Was ist ein Einwohnerantrag, und wer unterschreibt ihn?", "einwohnerantrag"),
        ("Was macht eine Freiwilligenagentur genau?", "freiwilligenagentur"),
        ("Was sind eigentlich förderfähige Kosten?", "kosten"),  # past the adjective
        ("wie funktioniert ein bürgerrat", "buergerrat"),  # all in lower case
        ("Was ist bei einem Kinderfest im Hof zu beachten?", None),  # a phrase, no head
        ("Was ist der Unterschied zwischen Spende und Sponsoring?", None),  # a relation
        ("Was machen wir, wenn keiner kommt?", None),
        ("was macht man um einen bürgerrat zu gründen", None),  # a clause of its own
        ("was ist heute ein bürgerrat", "buergerrat"),  # fillers passed over
        ("Ist ein Einwohnerantrag verbindlich?", None),  # asks for a predicate
        ("Wie gewinnen wir neue Mitglieder?", None),
    ],
)
def test_the_noun_a_question_asks_to_be_explained(request_text: str, head: str | None) -> None:
    assert asked_head(request_text) == head


@pytest.mark.parametrize(
    ("folded", "advice"),
    [
        ("ab wann sollten die buerger einbezogen werden?", True),
        ("lohnt es sich, auf unternehmen zuzugehen?", True),
        ("ist es sinnvoll, extern zu moderieren?", True),
        ("ab wann gilt die neue satzung?", False),
        ("muessen anwohner zahlen?", False),
    ],
)
def test_a_request_for_advice(folded: str, advice: bool) -> None:
    assert asks_advice(folded) is advice
