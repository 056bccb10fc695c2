"""Matching a question to entries: normalisation, the fuzzy index, the answer decision.

`Matcher(content).search(text)` gives a `SearchResult` whose `kind` says what answers the
message (principle, pointer, small talk, service, refusal) and whose `decision` is ANSWER,
SUGGEST or REFUSE for the principle (the kinds and the confidence model in `decision`);
`normalize` folds and stems German words, `background` knows how everyday a word is,
`terms` resolves words, `smalltalk` knows small talk and service requests, `practical`
knows practical (legal, money, insurance) questions and when a pointer answers them; `intents`
recognises a lone "hilfe", "themen" or "start".
"""

from bot.matching.decision import (
    ANSWER,
    KIND_POINTER,
    KIND_PRINCIPLE,
    KIND_REFUSAL,
    KIND_SERVICE,
    KIND_SMALLTALK,
    KINDS,
    REFUSE,
    SUGGEST,
    Match,
    PointerMatch,
    SearchResult,
    close_runner_ups,
)
from bot.matching.matcher import Matcher
from bot.matching.normalize import fold, stem, tokens

__all__ = [
    "ANSWER",
    "KINDS",
    "KIND_POINTER",
    "KIND_PRINCIPLE",
    "KIND_REFUSAL",
    "KIND_SERVICE",
    "KIND_SMALLTALK",
    "REFUSE",
    "SUGGEST",
    "Match",
    "Matcher",
    "PointerMatch",
    "SearchResult",
    "close_runner_ups",
    "fold",
    "stem",
    "tokens",
]
