"""Whether the best-ranked principle may be a message's answer at all, however sure the
confidence model is (`bot.matching.decision`): the rules `Matcher.search` applies after the
model says "answer".

A principle is no answer when it shares one everyday word with the message, when the
request asks for something else (a fact, which one of an everyday thing the content does not
know: `bot.matching.asking.asks_elsewhere`), when the question is a practical one
(`bot.matching.practical.not_the_workshop`), or when a one-sentence request asks for a thing
the principle does not explain ("Gibt es in der Stadt eine Beratung für pflegende
Angehörige?", `bot.matching.thing.asked_thing`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from bot.matching.asking import asks_elsewhere
from bot.matching.decision import Ranked
from bot.matching.frames import asks_for_rule
from bot.matching.normalize import GERMAN
from bot.matching.postings import Postings
from bot.matching.practical import not_the_workshop
from bot.matching.ranking import FULL_FIT
from bot.matching.scoring import explained_by
from bot.matching.terms import Vocabulary
from bot.matching.thing import asked_thing

__all__ = ["PrincipleGate"]

MIN_EXPLAINED = 0.35  # explained mass below this (one verb in common) never answers ...
# ... unless it is nearly all the message says (FULL_FIT, `bot.matching.ranking`)
ALL_FIT = 0.99  # a principle explaining all of a request is never "asked elsewhere"
# A request for a thing ("Gibt es …", "Wo finde ich …", "Welche …", `asked_thing`) of at
# least this specific mass (an everyday noun: "Sprache" 0.27) is answered only by a principle
# that explains this share of the thing (in-scope tune questions so framed from 0.56, a
# practical one at 0.44).
THING_MASS = 0.25
THING_FIT = 0.5


class PrincipleGate:
    """The rules after the model, over one index (`vocabulary`, `postings`); `foreign` tells
    everyday-service and private words (`bot.matching.smalltalk.Classifier.foreign`)."""

    def __init__(
        self, vocabulary: Vocabulary, postings: Postings, foreign: Callable[[str], bool], lang: str
    ) -> None:
        self._vocabulary = vocabulary
        self._postings = postings
        self._foreign = foreign
        self._german = lang == GERMAN

    def answers(
        self, principle: Ranked, pointer: Ranked | None, asking: str, text: str, alone: bool
    ) -> bool:
        """False when the best principle is no answer however sure the model is
        (`may_answer`), the question is a practical one (`not_the_workshop`), or it asks
        for a thing the principle does not explain (`misses_thing`; only a message that is
        its request alone: an introduction may say what the thing is for)."""
        if not self.may_answer(principle, asking, asking != text):
            return False
        if not_the_workshop(principle, pointer, asks_for_rule(asking), alone):
            return False  # a practical question: the workshop is not its answer
        return not (alone and self.misses_thing(principle, asking))

    def may_answer(self, principle: Ranked, request: str, part: bool = False) -> bool:
        """False when no principle can be the answer, however well one scores: one everyday
        word in common, or a request sentence that asks for something else
        (`asks_elsewhere`) and that it does not explain all of (`part`: the request is one
        sentence of a longer message)."""
        fit = principle.fit
        if fit.fit >= ALL_FIT and fit.explained >= 2 * MIN_EXPLAINED:
            return True  # all it asks, and more than one word of it: its own question
        if fit.explained < MIN_EXPLAINED and fit.fit < FULL_FIT:
            return False
        if not self._german:
            return True
        if part and self._explains_request(principle.index, request):
            return True
        return not asks_elsewhere(
            request, lambda w: any(t.candidates for t in self._vocabulary.resolve(w))
        )

    def misses_thing(self, principle: Ranked, request: str) -> bool:
        """True when the request asks whether a thing exists, where to get it or which one
        (`asked_thing`) and the principle explains less than THING_FIT of that thing's
        specific mass: "Gibt es in der Stadt eine Beratung für pflegende Angehörige?" asks
        for a kind of counselling no principle is about, though one explains "Beratung"."""
        thing = asked_thing(request) if self._german else None
        if thing is None:
            return False
        found, total = self._explained(principle.index, thing)
        return total >= THING_MASS and found < THING_FIT * total

    def _explains_request(self, index: int, request: str) -> bool:
        """True when document `index` explains all of a long message's request sentence
        (ALL_FIT, more than one word's worth): the introduction around it lowers the fit of
        the whole message, not what is asked ("… Was ist der Unterschied zwischen einer
        Spende und einer echten Partnerschaft?" of the entry on exactly that)."""
        found, total = self._explained(index, request)
        return total > 0 and found >= ALL_FIT * total and found >= 2 * MIN_EXPLAINED

    def _explained(self, index: int, text: str) -> tuple[float, float]:
        """The specific mass of a text that document `index` explains, and its whole."""
        terms = self._vocabulary.terms([(text, 1.0)], self._foreign)
        found_by = [(t, False, self._postings.explains(t.candidates)) for t in terms]
        return explained_by(found_by, index)[0], math.fsum(t.info for t in terms)
