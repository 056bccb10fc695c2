"""The thing a request asks for (bot/matching/thing.py): "Gibt es …?", "Wo finde ich …?",
"Welche … ?"."""

from __future__ import annotations

import pytest

from bot.matching.thing import asked_thing


@pytest.mark.parametrize(
    ("request_text", "thing"),
    [
        # the thing: the first noun with what follows it, where and when left out
        (
            "Gibt es in der Stadt eine Beratung für pflegende Angehörige?",
            "Beratung fuer pflegende Angehoerige",
        ),
        ("Gibt es in unserer Gemeinde einen Bürgerrat, für den man ausgelost wird?", "Buergerrat"),
        (
            "Wo finde ich die relevanten Initiativen in meinem Stadtteil, wenn ich neu bin?",
            "Initiativen in meinem Stadtteil",
        ),
        ("Wo gibt es im Stadtteil einen guten Bäcker?", "Baecker"),
        ("Wo kann man im Landkreis Sperrmüll abholen lassen?", "Sperrmuell"),
        ("Weiß jemand, ob es hier einen Mieterverein gibt?", "Mieterverein"),
        ("gibt es bei uns sowas wie ein jugendparlament", "jugendparlament"),
        # any preposition opens a phrase of where and when; fillers are passed over
        ("Gibt es während der Ferien ein Angebot für Jugendliche?", "Angebot fuer Jugendliche"),
        ("gibt es hier bitte eine beratung für senioren", "beratung fuer senioren"),
        # a way, a means, information: what it is about, if a phrase follows
        (
            "Gibt es Tipps für die Zusammenarbeit mit der Verwaltung?",
            "fuer die Zusammenarbeit mit der Verwaltung",
        ),
        ("Gibt es eine gute Methode, um Schlüsselpersonen früh zu gewinnen?", None),
        ("Wo finde ich Hinweise, wie wir Erfolge sichtbar machen?", None),
        ("Gibt es etwas, das wir tun können?", None),
        # which one of an everyday thing: the noun alone
        ("Welche Parteien sitzen bei uns im Stadtrat?", "Parteien"),
        ("welche gruppen gibt es hier", "gruppen"),
        ("Welche Rolle spielt Local Ownership?", None),  # asks about what follows
        ("Welchen Nutzen haben Firmen von einer Partnerschaft?", None),  # ... so does this
        ("In welchem Verfahrensstadium sind die Spielräume gegeben?", None),  # a circumstance
        ("Welche Formate eignen sich besser?", None),  # a judgement
        ("Welche KPIs zeigen den Impact?", None),  # a loanword: likely jargon
        ("Welche Erfolgsfaktoren gelten für Kooperationen?", None),  # a specific noun, too
        # no such frame: a statement, another question
        ("Bei uns gibt es zwei Seniorentreffs in derselben Straße.", None),
        ("Wo finde ich heraus, ob unsere Helfer versichert sind?", None),
        ("Wie finden wir die relevanten Initiativen?", None),
    ],
)
def test_the_thing_a_request_asks_for_umlauts_spelled_out(
    request_text: str, thing: str | None
) -> None:
    assert asked_thing(request_text) == thing
