"""Matcher behaviour (not tuning): compounds, typos, refusals, ranking contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.loader import load_content
from bot.matching import (
    ANSWER,
    KIND_POINTER,
    REFUSE,
    SUGGEST,
    Match,
    Matcher,
    SearchResult,
    close_runner_ups,
)
from bot.matching.decision import Fit, Ranked
from bot.matching.practical import clearly_ahead, far_ahead, not_the_workshop
from bot.snapshot import Snapshot
from tests.conftest import MINI_ENTRIES, write_content


@pytest.fixture
def mini_matcher(mini_content_dir: Path) -> Matcher:
    return Matcher(load_content(mini_content_dir))


def matcher_with(tmp_path: Path, entries: str) -> Matcher:
    return Matcher(load_content(write_content(tmp_path / "c", entries=entries)))


def ids(result: SearchResult) -> list[str]:
    return [m.entry.id for m in result.matches]


def test_query_compound_matches_entry_with_its_parts(tmp_path: Path) -> None:
    # "Verfahren" is in a zeitplan question; "Beteiligung" only becomes a zeitplan keyword here.
    entries = MINI_ENTRIES.replace("[termine, fristen, meilensteine]", "[termine, Beteiligung]")
    result = matcher_with(tmp_path, entries).search("Beteiligungsverfahren")
    assert ids(result)[0] == "zeitplan"
    assert result.matches[0].score > 0


def test_content_compound_is_found_by_its_part(tmp_path: Path) -> None:
    entries = MINI_ENTRIES.replace(
        "[termine, fristen, meilensteine]", "[termine, Beteiligungsverfahren]"
    ).replace("[gleichberechtigt, respekt, hierarchie]", "[gleichberechtigt, Beteiligung]")
    result = matcher_with(tmp_path, entries).search("Beteiligung", top=3)
    assert "zeitplan" in ids(result)
    assert "ressource-partner" not in ids(result)


@pytest.mark.parametrize(
    ("typo", "entry_id"),
    [("Zeitplann", "zeitplan"), ("Meilensteinne", "zeitplan"), ("Hierachie", "augenhoehe")],
)
def test_typos_still_find_the_entry(mini_matcher: Matcher, typo: str, entry_id: str) -> None:
    assert ids(mini_matcher.search(typo))[:1] == [entry_id]


def test_question_with_a_typo_is_answered(shipped_snapshot: Snapshot) -> None:
    result = shipped_snapshot.matcher.search("Wie vermeiden wir Scheinbeteilgung?")
    assert result.answered
    assert ids(result)[0] == "keine-ohnmacht"


def test_umlaut_spellings_give_the_same_result(mini_matcher: Matcher) -> None:
    folded, original = mini_matcher.search("Augenhoehe"), mini_matcher.search("Augenhöhe")
    assert ids(folded) == ids(original) and ids(original)[0] == "augenhoehe"
    assert [m.score for m in folded.matches] == [m.score for m in original.matches]


@pytest.mark.parametrize(
    "nonsense", ["", "   ", "???", "wie und die", "xqzv blorp", "Wie backe ich einen Kuchen?"]
)
def test_nonsense_and_empty_input_is_refused(shipped_snapshot: Snapshot, nonsense: str) -> None:
    result = shipped_snapshot.matcher.search(nonsense)
    assert result.decision == REFUSE
    assert result.answered is False
    assert result.query == nonsense


def test_answered_question_is_not_refused(shipped_snapshot: Snapshot) -> None:
    result = shipped_snapshot.matcher.search("Wie vermeiden wir Scheinbeteiligung?")
    assert result.decision in (ANSWER, SUGGEST)
    assert result.answered is True
    assert result.best is not None and result.best.entry.id == "keine-ohnmacht"


@pytest.mark.parametrize("top", [1, 2, 3, 5])
def test_top_limits_the_number_of_matches(shipped_snapshot: Snapshot, top: int) -> None:
    result = shipped_snapshot.matcher.search("Wie beteiligen wir Bürger am Zeitplan?", top=top)
    assert len(result.matches) == top


def test_top_zero_still_returns_the_best_match(shipped_snapshot: Snapshot) -> None:
    assert len(shipped_snapshot.matcher.search("Zeitplan", top=0).matches) == 1


@pytest.mark.parametrize(
    "question",
    [
        "Wie finden wir die relevanten Initiativen?",
        "Zeitplan",
        "Wie binden wir Unternehmen ein?",
        "Augenhöhe mit Ehrenamtlichen",
        "externe Moderation",
    ],
)
def test_scores_are_in_0_to_100_and_sorted(shipped_snapshot: Snapshot, question: str) -> None:
    scores = [m.score for m in shipped_snapshot.matcher.search(question, top=10).matches]
    assert scores, question
    assert all(0.0 <= score <= 100.0 for score in scores)
    assert scores == sorted(scores, reverse=True)


def test_each_entry_appears_at_most_once(shipped_snapshot: Snapshot) -> None:
    found = ids(shipped_snapshot.matcher.search("Beteiligung Bürger Verwaltung", top=20))
    assert len(found) == len(set(found))


def test_close_runner_ups_are_within_the_margin(mini_matcher: Matcher) -> None:
    a, b, c = mini_matcher.content.entries
    result = SearchResult("q", ANSWER, (Match(a, 90.0), Match(b, 80.0), Match(c, 70.0)))
    assert [m.entry.id for m in close_runner_ups(result, margin=12.0)] == [b.id]
    assert close_runner_ups(SearchResult("q", REFUSE, ())) == ()


def ranked(score: float, practical: float = 0.0, left: float = 0.0) -> Ranked:
    fit = Fit(0.5, 1.0, 0.0, 1.0, 0.0, score / 100, 0.1, practical=practical, practical_left=left)
    return Ranked(0, score, fit)


@pytest.mark.parametrize(
    ("principle", "pointer", "alone", "expected"),
    [
        (ranked(60, 0.6, 0.6), None, False, True),  # most practical words left open
        (ranked(60, 0.6, 0.1), None, False, False),  # the principle explains them ("Spende")
        (ranked(40, 0.2), ranked(45, 0.2), False, True),  # a pointer fits a practical one better
        (ranked(40), ranked(45), False, False),  # no practical word, an introduction: it may
        (ranked(40), ranked(45), True, True),  # ... but not a one-sentence message
        (ranked(50), ranked(45), True, False),  # the principle outscores the pointer
        (ranked(50, 0.2), ranked(45, 0.2), False, False),
    ],
)
def test_not_the_workshop(
    principle: Ranked, pointer: Ranked | None, alone: bool, expected: bool
) -> None:
    assert not_the_workshop(principle, pointer, alone=alone) is expected


@pytest.mark.parametrize(
    ("principle", "pointer", "confidence", "expected"),
    [
        (ranked(20), ranked(40), 0.35, True),
        (None, ranked(40), 0.35, True),
        (ranked(38), ranked(40), 0.35, False),  # not clearly ahead
        (ranked(20), ranked(40), 0.1, False),  # too unsure to offer at all
    ],
)
def test_a_pointer_clearly_ahead_is_offered(
    principle: Ranked | None, pointer: Ranked, confidence: float, expected: bool
) -> None:
    assert clearly_ahead(principle, pointer, confidence) is expected


@pytest.mark.parametrize(
    ("principle", "pointer", "confidence", "expected"),
    [
        (ranked(43), ranked(57), 0.44, True),  # far ahead: the principle is no answer
        (ranked(43), ranked(50), 0.44, False),  # only clearly ahead: a sure principle stays
        (None, ranked(57), 0.44, False),  # no principle to overrule (clearly_ahead decides)
        (ranked(20), ranked(57), 0.1, False),  # too unsure to offer at all
    ],
)
def test_a_pointer_far_ahead_overrules_a_principle(
    principle: Ranked | None, pointer: Ranked, confidence: float, expected: bool
) -> None:
    assert far_ahead(principle, pointer, confidence) is expected


def test_a_pointer_far_ahead_is_the_answer_although_a_principle_would_answer(
    shipped_snapshot: Snapshot,
) -> None:
    # "mitmachen" and "keiner" find the workshop's shared practice, sure enough on its own;
    # the Vereinsrecht pointer explains the question far better
    result = shipped_snapshot.matcher.search(
        "Wie lösen wir den Verein auf, wenn keiner mehr mitmachen will?"
    )
    assert result.kind == KIND_POINTER and not result.answered
    assert result.pointer is not None and result.pointer.pointer.id == "vereinsrecht"


def test_every_example_question_is_answered_by_its_own_entry(shipped_snapshot: Snapshot) -> None:
    """An entry's own questions are its best tests: none may be refused as a fact, a
    service or a practical question, or find another entry. ("Wann und wo fand der
    Workshop statt?" and "Was ist der Unterschied zwischen Sponsoring, Spende und
    Partnerschaft?" were refused as facts.) The about-entry may also be met by the small
    talk about the bot ("Woher weiß der Bot das alles?"), which says the same."""
    wrong = []
    for entry in shipped_snapshot.content.entries:
        for question in entry.questions:
            result = shipped_snapshot.matcher.search(question)
            top = result.matches[0].entry.id if result.matches else None
            own = result.decision == "answer" and result.kind == "principle" and top == entry.id
            if not own and not (entry.kind == "about" and result.kind == "smalltalk"):
                wrong.append(f"{entry.id}: {question} -> {result.kind} {top}")
    assert not wrong


@pytest.mark.parametrize(
    "question",
    [
        # each shares everyday words with a pointer's example questions ("zahlt", "Auto",
        # "Verein", "finanzieren", "Marktplatz"), none names what a pointer is about
        "Wer zahlt, wenn ein Ast von einem Baum der Stadt auf mein Auto fällt?",
        "Welche Software eignet sich für die Mitgliederverwaltung im Verein?",
        "Welche Investoren finanzieren Start-ups in Köln?",
        "Kann ich während der Ratssitzung auf dem Marktplatz parken?",
    ],
)
def test_a_pointer_below_pointer_from_needs_its_topic_named(
    shipped_snapshot: Snapshot, question: str
) -> None:
    result = shipped_snapshot.matcher.search(question)
    assert result.pointer is None


def test_names_topic_reads_a_pointers_title_and_keywords(shipped_snapshot: Snapshot) -> None:
    matcher = shipped_snapshot.matcher
    at = {pointer_id: i for i, (kind, pointer_id) in enumerate(matcher.document_ids())}
    insurance = matcher.terms("Brauchen wir eine Haftpflichtversicherung?")
    everyday = matcher.terms("Wer zahlt für mein Auto?")  # words of its example questions
    assert matcher.ranker.names_topic(insurance, at["versicherung"])
    assert not matcher.ranker.names_topic(everyday, at["versicherung"])
