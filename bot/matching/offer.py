"""Whether a Wegweiser pointer is offered for a message (`bot.matching.matcher` asks).

Two moments: before the principles are judged (`PointerOffer.offered`: a pointer sure
enough, or far ahead of every principle, answers even where a principle would), and after
none answers (`PointerOffer.ahead`: a pointer clearly ahead of every principle, or one the
n-gram classifier names too).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bot.content import Pointer
from bot.matching.decision import PointerMatch, Ranked
from bot.matching.ngrams import NgramClassifier
from bot.matching.practical import (
    POINTER_FROM,
    clearly_ahead,
    far_ahead,
    names_core,
    pointer_from,
)
from bot.matching.ranking import Ranker
from bot.matching.terms import Term

__all__ = ["PointerOffer"]


class PointerOffer:
    """The offer rules over one index's ranker, pointer weights and n-gram classifier."""

    def __init__(
        self,
        ranker: Ranker,
        weights: Mapping[str, float],
        ngrams: NgramClassifier,
        pointer_at: Callable[[int], Pointer],
    ) -> None:
        self.ranker = ranker
        self.weights = weights
        self.ngrams = ngrams
        self.pointer_at = pointer_at

    def offered(
        self, terms: list[Term], principle: Ranked | None, pointer: Ranked | None
    ) -> tuple[PointerMatch | None, float, bool]:
        """The pointer offered, its confidence, and whether it may be offered at all: when it
        is sure enough, or when it outscores every principle by far; then no principle
        answers, even one that would on its own ("Wie lösen wir unseren Verein auf, wenn
        keiner mehr mitmachen will?" asks about a Verein's end, not about the workshop's
        shared practice). Below POINTER_FROM (a practical share, far or clearly ahead) only a
        pointer whose topic the message names ("Wer zahlt, wenn ein Baum … auf mein Auto
        fällt?" names none of the insurance pointer's, only everyday words of its example
        questions); below it a pointer naming what the question asks about (`names_core`)."""
        if pointer is None:
            return None, 0.0, False
        q_conf = self.ranker.pointer_confidence(terms, pointer, self.weights)
        named = q_conf >= POINTER_FROM or self.ranker.names_topic(terms, pointer.index)
        if named and (
            q_conf >= pointer_from(pointer.fit)
            or far_ahead(principle, pointer, q_conf)
            or names_core(principle, pointer, q_conf)
        ):
            return (
                PointerMatch(self.pointer_at(pointer.index), pointer.score, q_conf),
                q_conf,
                named,
            )
        return None, q_conf, named

    def ahead(
        self,
        text: str,
        principle: Ranked | None,
        pointer: Ranked | None,
        q_conf: float,
        named: bool,
    ) -> PointerMatch | None:
        """The pointer offered when no principle answers: one clearly ahead of every
        principle ("Was verdient eigentlich ein ehrenamtlicher Bürgermeister?": a principle
        fits better, though none is sure enough), or one the n-gram classifier names too
        (`bot.matching.ngrams`): "Müssen wir für den Gemeinschaftsraum … eine Kaution
        zahlen?" shares little with the rooms pointer's words, much with their n-grams."""
        if pointer is None:
            return None
        found = self.pointer_at(pointer.index)
        if (named and clearly_ahead(principle, pointer, q_conf)) or self.ngrams.agrees(
            text, found.id
        ):
            return PointerMatch(found, pointer.score, q_conf)
        return None
