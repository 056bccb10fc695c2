"""Harm events (bot/matching/harm.py) and private matters (practical.private_matter)."""

from __future__ import annotations

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.matching.decision import Fit
from bot.matching.harm import HarmEvents
from bot.matching.practical import private_matter
from bot.matching.terms import Term
from bot.snapshot import build_snapshot


@pytest.fixture(scope="module")
def matcher():  # type: ignore[no-untyped-def]
    return build_snapshot(DEFAULT_CONTENT_DIR).matcher


@pytest.mark.parametrize(
    ("token", "harm"),
    [("gesturzt", True), ("ausgerutscht", True), ("gestolpert", True), ("kaputt", True),
     ("verletzungen", True), ("gestohl", True), ("beschadigt", True), ("verein", False),
     ("konflikt", False), ("fall", False)],
)  # fmt: skip
def test_harm_words_are_a_class(matcher, token: str, harm: bool) -> None:  # type: ignore[no-untyped-def]
    events = HarmEvents(matcher.vocabulary, ("unfall", "schad"), lambda term: False)
    assert events.is_harm(token) is harm


def _term(token: str, foreign: bool = False) -> Term:
    return Term(token, 1.0, 0.3, (), foreign)


@pytest.mark.parametrize(
    ("tokens", "foreign", "message", "linked"),
    [
        (["verein", "gesturzt"], [], "Was ist, wenn im Verein jemand gestürzt ist?", True),
        (["aufkomm", "gesturzt"], [], "Wer kommt auf, wenn jemand gestürzt ist?", True),
        (["aufkomm", "gesturzt"], ["krankenkass"], "Wer kommt auf? Er ist gestürzt.", False),
        (["mann", "gesturzt"], [], "Mein Mann ist gestürzt.", False),
        (["verein", "zerbroch"], [], "Unser Verein ist zerbrochen.", False),  # a figure
    ],
)
def test_harm_words_stand_for_harm_nouns_when_framed(  # type: ignore[no-untyped-def]
    matcher, tokens: list[str], foreign: list[str], message: str, linked: bool
) -> None:
    events = HarmEvents(matcher.vocabulary, ("unfall", "schad"), lambda term: False)
    terms = [_term(t) for t in tokens] + [_term(t, True) for t in foreign]
    harmed = next(t for t in tokens if events.is_harm(t))
    found = {t.token: t for t in events(terms, message)}
    assert (("unfall", 0.8) in found[harmed].candidates) is linked


def test_a_long_story_keeps_its_harm_words_plain(matcher) -> None:  # type: ignore[no-untyped-def]
    events = HarmEvents(matcher.vocabulary, ("unfall", "schad"), lambda term: False)
    terms = [_term("verein"), _term("kaputt")]
    story = "Erst dies. Dann das. Und dann ging alles kaputt im Verein."
    assert events(terms, story) == terms


@pytest.mark.parametrize(
    ("foreign", "private"), [(0.0, False), (0.3, False), (0.8, True), (2.0, True)]
)
def test_a_message_mostly_private_is_a_private_matter(foreign: float, private: bool) -> None:
    fit = Fit(
        fit=0.5,
        explained=1.0,
        unexplained=foreign,
        known=0.5,
        foreign=foreign,
        score=0.5,
        lead=0.1,
    )
    assert private_matter(fit) is private  # total mass 2.0: private from 0.8


@pytest.mark.parametrize(
    ("message", "pointer"),
    [
        ("Was ist, wenn beim Aufbau für unser Straßenfest jemand stolpert und sich verletzt?",
         "versicherung"),
        ("Wer haftet, wenn bei unserem Vereinsausflug ein Teilnehmer stürzt?", "versicherung"),
        ("Gibt es Fördergeld für eine Wärmepumpe im Einfamilienhaus?", None),
        ("Gibt es Zuschüsse für eine neue Heizung?", None),
        ("Wie beantragen wir Fördermittel für unser Nachbarschaftsprojekt?", "foerdermittel"),
    ],
)  # fmt: skip
def test_harm_and_private_matters_in_the_matcher(
    matcher, message: str, pointer: str | None
) -> None:  # type: ignore[no-untyped-def]
    found = matcher.search(message).pointer
    assert (found.pointer.id if found else None) == pointer


@pytest.mark.parametrize(
    ("message", "looked_at"),
    [
        ("Was, wenn sie dabei hinfällt?", True),
        ("Was, wenn sie dabei hinfaellt?", True),
        ("Er ist beim Aufbau GESTÜRZT.", True),
        ("Das Handy ist kaputt, oder?", True),
        ("Wie gründen wir einen Verein?", False),
        ("Wie verbessern wir die Beteiligung?", False),
    ],
)
def test_only_a_message_with_a_harm_word_is_looked_at(  # type: ignore[no-untyped-def]
    matcher, message: str, looked_at: bool
) -> None:
    assert matcher.harm._looks_harmed(message) is looked_at


@pytest.mark.parametrize(
    ("message", "private"),
    [
        ("Gibt es Zuschüsse für eine neue Heizung?", True),
        ("Gibt es einen Zuschuss für die Zahnspange meines Sohnes?", True),
        ("Wie lange dürfen wir die Anschriften ehemaliger Mitglieder aufbewahren?", False),
        ("Wie beantragen wir Fördermittel für unser Nachbarschaftsprojekt?", False),
    ],
)
def test_a_private_matter_is_named(matcher, message: str, private: bool) -> None:  # type: ignore[no-untyped-def]
    assert matcher.smalltalk.names_private(message) is private
