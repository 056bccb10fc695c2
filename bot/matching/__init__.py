"""Matching a question to entries: normalisation, the fuzzy index, the answer decision.

`Matcher(content).search(text)` gives a `SearchResult` whose `decision` is ANSWER, SUGGEST
or REFUSE (thresholds and their reasons in `decision`); `normalize` folds and stems German
words; `intents` recognises a lone "hilfe", "themen" or "start".
"""

# normalize first: the content checks (bot.content.attribution) import stem and tokens from
# this package while it may still be initialising (decision imports bot.content).
from bot.matching.normalize import fold, stem, tokens

# isort: split
from bot.matching.decision import (
    ANSWER,
    REFUSE,
    SUGGEST,
    Match,
    SearchResult,
    close_runner_ups,
)
from bot.matching.matcher import Matcher

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
