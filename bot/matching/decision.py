"""What to do with ranked matches: answer, ask "Meinten Sie …?", or refuse honestly."""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.content import Entry

ANSWER = "answer"
SUGGEST = "suggest"
REFUSE = "refuse"

REFUSE_BELOW = 30.0  # runner-ups below this score are never offered
ANSWER_FROM = 0.5
CONFIDENT_FROM = 0.75
CONFIDENCE_BIAS = -9.8
CONFIDENCE_SCORE = 8.8
CONFIDENCE_KNOWN = 2.6
CONFIDENCE_LEAD = 0.9
CONFIDENCE_LENGTH = 11.3
CLOSE_MARGIN = 4.0


@dataclass(frozen=True, slots=True)
class Match:
    """One ranked entry with its score (0–100)."""

    entry: Entry
    score: float


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Ranked matches and what to do with them: answer, suggest, or refuse."""

    query: str
    decision: str
    matches: tuple[Match, ...]
    confidence: float = 0.0

    @property
    def answered(self) -> bool:
        """False when the bot tells the user it has nothing fitting."""
        return self.decision != REFUSE

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None


def confidence_of(matches: list[Match], known: float, terms: int) -> float:
    """Probability-like confidence (0–1) that the best match answers an in-scope question.

    A logistic model over four signals: the best score, the share of the question's words
    the content knows at all, the lead over the runner-up, and the question's length (short
    questions full of unknown words are usually about something else: "Was kostet ein
    Reisepass?"). The weights were fitted once on tests/data/quality.yaml, the project's own
    question set; refit them there when the scoring changes.
    """
    if not matches:
        return 0.0
    best = matches[0].score
    lead = best - matches[1].score if len(matches) > 1 else best
    z = (
        CONFIDENCE_BIAS
        + CONFIDENCE_SCORE * best / 100
        + CONFIDENCE_KNOWN * known
        + CONFIDENCE_LEAD * lead / 100
        + CONFIDENCE_LENGTH * min(terms, 10) / 10
    )
    return 1 / (1 + math.exp(-z))


def decide(matches: list[Match], confidence: float) -> str:
    if not matches or confidence < ANSWER_FROM:
        return REFUSE
    if (
        confidence < CONFIDENT_FROM
        and len(matches) > 1
        and matches[0].score - matches[1].score < CLOSE_MARGIN
    ):
        return SUGGEST
    return ANSWER


def close_runner_ups(result: SearchResult, margin: float = 12.0) -> tuple[Match, ...]:
    """Runner-ups close enough to the best match to offer as "Meinten Sie …?"."""
    best = result.best
    if best is None:
        return ()
    return tuple(
        m for m in result.matches[1:] if best.score - m.score <= margin and m.score >= REFUSE_BELOW
    )
