"""Matching a question to entries: normalisation, the fuzzy index, the answer decision.

`Matcher(content).search(text)` gives a `SearchResult` whose `decision` is ANSWER, SUGGEST
or REFUSE (thresholds and their reasons in `decision`); `normalize` folds and stems German
words; `intents` recognises a lone "hilfe", "themen" or "start".
"""

from bot.matching.decision import (
    ANSWER,
    REFUSE,
    SUGGEST,
    Match,
    SearchResult,
    close_runner_ups,
)
from bot.matching.matcher import Matcher
from bot.matching.normalize import fold, stem, tokens

__all__ = [
    "ANSWER",
    "REFUSE",
    "SUGGEST",
    "Match",
    "Matcher",
    "SearchResult",
    "close_runner_ups",
    "fold",
    "stem",
    "tokens",
]
