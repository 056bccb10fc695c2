"""The ranking arithmetic (bot.matching.scoring): here, BM25 deciding a long message whose
own ranking is undecided (`decided_by_words`)."""

from __future__ import annotations

import pytest

from bot.matching import Matcher, scoring
from bot.matching.decision import Fit, Ranked
from bot.matching.scoring import EXACT_DECIDED, OWN_UNDECIDED, decided_by_words
from bot.snapshot import Snapshot


def fit(explained: float) -> Fit:
    return Fit(explained, explained, 0.2, 0.8, 0.0, 0.4, 0.02)


def ranked(*scores: float) -> list[Ranked]:
    return [Ranked(index, score, fit(0.5 - index / 10)) for index, score in enumerate(scores)]


def test_exact_words_decide_when_the_ranking_is_undecided() -> None:
    candidates = ranked(40.0, 39.0, 35.0)
    result = decided_by_words(candidates, {0: 0.2, 1: 0.1, 2: 0.5})
    assert [r.index for r in result] == [2, 0, 1]
    # Only the order changes: the first place keeps its score and its fit, so whether the
    # message is answered is judged as before.
    assert result[0].score == 40.0 and result[0].fit == candidates[0].fit
    assert result[1:] == [candidates[0], candidates[1]]


def test_a_clear_own_lead_is_kept() -> None:
    candidates = ranked(40.0, 40.0 * (1 - OWN_UNDECIDED) - 1.0, 20.0)
    assert decided_by_words(candidates, {0: 0.1, 1: 0.9, 2: 0.0}) == candidates


def test_exact_words_that_are_undecided_themselves_change_nothing() -> None:
    candidates = ranked(40.0, 39.0, 38.0)
    close = 0.5 * (1 - EXACT_DECIDED) + 0.01
    assert decided_by_words(candidates, {0: 0.1, 1: close, 2: 0.5}) == candidates


def test_nothing_to_decide() -> None:
    assert decided_by_words([], {}) == []
    one = ranked(40.0)
    assert decided_by_words(one, {0: 1.0}) == one
    candidates = ranked(40.0, 39.0)
    assert decided_by_words(candidates, {0: 0.9, 1: 0.1}) == candidates  # already first
    assert decided_by_words(candidates, {}) == candidates  # no exact word at all


def test_only_long_messages_are_decided_by_words(
    shipped_snapshot: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    matcher: Matcher = shipped_snapshot.matcher
    long_text = (
        "Unser Stadtteilverein bekommt von der Stadt jedes Jahr weniger Geld, die Frist für "
        "den Bericht wurde verkürzt, und im Rat ändern sich ständig die Mehrheiten. Wie "
        "kriegen wir Zeit, Geld und Politik unter einen Hut?"
    )
    short_text = "Wie kriegen wir Zeit, Geld und Politik unter einen Hut?"
    before = {text: matcher.search(text) for text in (long_text, short_text)}
    # A stand-in that always reorders: only the long message (INTRODUCTION_WORDS content
    # words or more) is handed to it, and its order is the one the matcher answers with.
    calls: list[int] = []

    def spy(candidates: list[Ranked], exact: dict[int, float]) -> list[Ranked]:
        calls.append(len(candidates))
        return list(reversed(candidates))

    monkeypatch.setattr("bot.matching.ranking.decided_by_words", spy)
    after = {text: matcher.search(text) for text in (long_text, short_text)}
    assert len(calls) == 1
    assert after[short_text].matches == before[short_text].matches
    assert after[long_text].matches[0].entry != before[long_text].matches[0].entry


def test_with_every_ranking_undecided_the_first_is_bm25s_favourite(
    shipped_snapshot: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    matcher: Matcher = shipped_snapshot.matcher
    text = (
        "Eine Brauerei will unseren Spendenlauf unterstützen und am Ziel Bier ausschenken. "
        "Wir wollen Gesundheit fördern, die Brauerei will Werbung machen. Kann so eine "
        "Zusammenarbeit funktionieren, wenn die Ziele so verschieden sind?"
    )
    before = matcher.search(text)
    candidates = [r.index for r in matcher.rank(matcher.terms(text))[0]]
    monkeypatch.setattr(scoring, "OWN_UNDECIDED", 1.0)
    monkeypatch.setattr(scoring, "EXACT_DECIDED", 0.0)
    after = matcher.search(text)
    terms = matcher.terms(text)
    plain = dict.fromkeys((t.token for t in terms if not t.foreign), 1.0)
    exact = matcher._bm25.share(plain, candidates)
    favourite = max(candidates, key=lambda i: (exact.get(i, 0.0), -i))
    assert after.matches[0].entry == matcher.content.entries[favourite]
    assert after.confidence == pytest.approx(before.confidence)  # judged as before
