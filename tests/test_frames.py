"""How a practical question asks (bot.matching.frames): its frames, rule questions and the
predicate a yes/no question asks."""

import pytest

from bot.matching.frames import asked_predicate, asks_for_rule, asks_practically


@pytest.mark.parametrize(
    ("request_sentence", "practical"),
    [
        ("Dürfen wir Fotos vom Fest zeigen?", True),  # permission
        ("muss ich das angeben", True),  # obligation, chat style
        ("Wie viel bekommt man da?", True),  # amount
        ("Bis wann geht das?", True),  # deadline
        ("Ab welchem Alter geht das?", True),  # threshold
        ("Wer kommt dafür auf?", True),  # who pays
        ("Sind Kinder dabei versichert?", True),
        ("Sind die Helfer bei unserem Aufräumtag im Park versichert?", True),  # predicate last
        ("Ist es sinnvoll, Vereine früh einzubinden?", False),
        ("Darf unser Verein Fotos der Mitglieder zeigen?", True),  # one's own group
        ("Was braucht man für die Anmeldung?", True),  # requirement
        ("Ist das steuerfrei?", True),
        ("Ist so ein Fest genehmigungspflichtig?", True),  # any "-pflichtig"
        ("Ist die Teilnahme kostenlos?", True),
        ("Sind die Empfehlungen verbindlich?", False),  # may be the workshop's Leitlinien
        ("Wo kann ich das beantragen?", True),  # where to go
        ("An wen wende ich mich bei der Stadt?", False),  # contact points: the workshop's
        ("Wie finden wir Mitstreiter für unsere Idee?", False),
        ("Wie gewinnen wir Vertrauen in der Nachbarschaft?", False),
        ("Muss die Stadt alles selbst organisieren?", False),  # the Kommune's role: workshop
        ("Was tun, wenn die Verwaltung nicht mitzieht?", False),
    ],
)
def test_practical_frame(request_sentence: str, practical: bool) -> None:
    assert asks_practically(request_sentence) is practical


@pytest.mark.parametrize(
    ("request_sentence", "predicate"),
    [
        (
            "Sind Vorstandsmitglieder eines Vereins automatisch unfallversichert?",
            "unfallversichert",
        ),
        ("Ist eine Spende an die Bürgerstiftung steuerlich absetzbar?", "absetzbar"),
        ("Ist das erlaubt?", "erlaubt"),
        ("Wie gewinnen wir Vertrauen in der Nachbarschaft?", None),
        ("Wie bleibt das Projekt kostenlos für alle?", None),  # no practical yes/no question
    ],
)
def test_asked_predicate(request_sentence: str, predicate: str | None) -> None:
    assert asked_predicate(request_sentence) == predicate


@pytest.mark.parametrize(
    ("request_sentence", "rule"),
    [
        ("Müssen Anlieger mitzahlen, wenn der Gehweg erneuert wird?", True),  # bare noun
        ("Dürfen Ehrenamtliche das?", True),
        ("Wo kann sie das vorbringen?", True),  # where someone else turns
        ("Bis wann geht das?", True),
        ("Muss die Stadt alles selbst organisieren?", False),  # the Kommune's role
        ("Dürfen wir den Kreis einfach auflösen?", False),  # workshop questions ask so too
        ("Muss man alle ins Boot holen?", False),
        ("Müssen alle mitmachen?", False),
        ("Ab wann sollten die Bürger einbezogen werden?", False),  # advice, not a rule
    ],
)
def test_asks_for_rule(request_sentence: str, rule: bool) -> None:
    assert asks_for_rule(request_sentence) is rule
