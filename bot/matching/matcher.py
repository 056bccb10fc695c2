"""Find what answers a message: a workshop principle, a Wegweiser pointer, small talk,
a municipal-service hint, or an honest "I don't know".

Scoring, in short:
- every entry and pointer has a weighted vocabulary of stems from its title, questions,
  keywords and poles (weight 1.0), its summary or orientation (0.5) and its steps (0.3)
  (`bot.matching.documents`); compounds are also indexed by their known parts
  (`bot.matching.index` builds it all);
- the message is split into sentences (`bot.matching.request`); the request (its
  questions, with or without "?", else the last sentence; greetings and sign-offs left
  out) counts fully, the introduction at INTRO_WEIGHT, so
  "Ich bin seit drei Jahren Sprecherin einer Mieterinitiative …" does not outweigh what
  is asked — unless the request holds no specific word itself ("Wie gehen wir damit
  um?", REQUEST_MASS);
- its words become terms (`bot.matching.terms`): exact, synonyms, umlaut-free spellings,
  typos, compounds; each weighted by how specific it is in general German
  (`bot.matching.background`) so everyday chat words count little;
- `coverage`: how much of the message (weighted) a candidate explains; `phrase`: how
  close the message is to one of its own phrasings; score = 100 × (0.6 × coverage +
  0.4 × phrase) (`bot.matching.ranking`, the arithmetic in `bot.matching.scoring`); the
  best few are reordered with a little exact-word BM25 (`bot.matching.bm25`, BM25_SHARE),
  which counts how often an entry uses the message's words — the two err differently,
  and long messages gain most; a long message whose own ranking is undecided gets BM25's
  clear favourite first (`decided_by_words`);
- confidence comes from fit (`bot.matching.decision`), not from length; principles and
  pointers are judged alike and the better-fitting kind wins, so a practical question
  does not get a principle because one word overlaps; rules after the model may still say
  a principle is no answer (`bot.matching.gate`: one word in common, a practical question,
  a thing asked for that it does not explain).

Nothing here imports `telegram`: the CLI, the benchmarks and the bot share it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from bot.content import Content, Pointer
from bot.matching.asking import asked_head, asks_for_oneself, fact_asked
from bot.matching.background import informativeness, zipf
from bot.matching.decision import (
    KIND_POINTER,
    KIND_PRINCIPLE,
    KIND_REFUSAL,
    KIND_SERVICE,
    KIND_SMALLTALK,
    REFUSE,
    Match,
    PointerMatch,
    Ranked,
    SearchResult,
    confidence_of,
    decide,
    weights_for,
)
from bot.matching.documents import lexicon_stems, pointer_name_stems, pointer_only
from bot.matching.frames import asked_predicate, asks_practically
from bot.matching.gate import PrincipleGate
from bot.matching.harm import HarmEvents
from bot.matching.index import build_index
from bot.matching.loanwords import aligned_postings
from bot.matching.ngrams import NgramClassifier
from bot.matching.normalize import ENGLISH, GERMAN, sentences, stem, words
from bot.matching.offer import PointerOffer
from bot.matching.practical import (
    PracticalWords,
    pointer_first,
    private_matter,
)
from bot.matching.ranking import Ranker
from bot.matching.request import request_sentence, request_weighted
from bot.matching.smalltalk import SERVICE, Classifier
from bot.matching.terms import Term
from bot.matching.titles import TitleNouns

__all__ = ["Matcher"]


class Matcher:
    """An index over one Content object's entries and pointers; build once per version."""

    def __init__(self, content: Content, english: Matcher | None = None) -> None:
        """`english`: the matcher of the content's English translation, if already built
        (else built here when there is one): it resolves English loanwords."""
        self.content = content
        self._entries = content.entries
        self._pointers = content.pointers
        index = build_index(content)
        self._count = index.count
        self._postings = index.postings
        self._idf = index.idf
        self._phrases = index.phrases
        self._stem_bits = index.stem_bits
        self._bm25 = index.bm25
        self.vocabulary = index.vocabulary
        self.practical = PracticalWords(content.lang, self._pointer_only(content, index.topics))
        self.harm = HarmEvents(self.vocabulary, self._postings, self.practical.is_practical)
        self._attach_loanwords(english)
        # best principles and best pointers for a message's terms (`Ranker.rank`)
        self.ranker = Ranker(index, self.practical)
        self.rank = self.ranker.rank
        self.smalltalk = Classifier(content.smalltalk, index.protected, content.lang)
        # the rules after the confidence model (`bot.matching.gate`)
        self.gate = PrincipleGate(
            self.vocabulary, self._postings, self.smalltalk.foreign, content.lang
        )
        self.weights, self.pointer_weights = weights_for(content.lang)
        self.titles = TitleNouns(content, self._postings, self._count)
        self.ngrams = NgramClassifier(content)  # a second opinion on the pointer
        # whether a pointer is offered (`bot.matching.offer`)
        self.offer = PointerOffer(self.ranker, self.pointer_weights, self.ngrams, self.pointer_at)
        zipf("", content.lang)  # load the background model now, not on the first question
        if content.lang == GERMAN:
            zipf("", ENGLISH)  # tells loanwords from German words (`asks_elsewhere`)

    def _pointer_only(self, content: Content, topics: Sequence[frozenset[str]]) -> list[str]:
        """The stems only pointers use that name a pointer (`PracticalWords`); in German whole
        words of their titles and keywords only (`pointer_name_stems`), not compound parts,
        and their topic vocabulary (`lexicon_stems`)."""
        if content.lang == GERMAN:
            named = pointer_name_stems(content.pointers, content.lang)
            named |= lexicon_stems(content.lexicon, content.lang)
        else:
            named = set().union(*topics)
        return [t for t in named if pointer_only(t, self._postings, self._count)]

    def _attach_loanwords(self, english: Matcher | None) -> None:
        """German content with an English translation: English loanwords in a message are
        resolved through the English index (`bot.matching.loanwords`)."""
        translated = self.content.translations.get(ENGLISH)
        if self.content.lang != GERMAN or translated is None:
            return
        if english is None or english.content is not translated:
            english = Matcher(translated)
        self._postings.update(
            aligned_postings(english._postings, english.document_ids(), self.document_ids())
        )
        self.vocabulary.loans = english.vocabulary

    def document_ids(self) -> list[tuple[str, str]]:
        """(kind, id) of every document, in index order."""
        return [("entry", e.id) for e in self._entries] + [
            ("pointer", p.id) for p in self._pointers
        ]

    def search(self, text: str, top: int = 3) -> SearchResult:
        """Rank entries and pointers for a message and decide what kind of answer it gets."""
        top = max(top, 1)
        social = self.smalltalk.small_talk(text)
        if social:
            return SearchResult(text, REFUSE, (), 0.0, KIND_SMALLTALK, reply=social)
        terms = self.terms(text)
        if terms and self._gibberish(text, terms):
            reply = self.smalltalk.gibberish_reply()
            return SearchResult(
                text, REFUSE, (), 0.0, KIND_SMALLTALK if reply else KIND_REFUSAL, reply=reply
            )
        asking = request_sentence(text, self.content.lang)
        parts = sentences(text)
        principles, pointers = self.rank(
            terms,
            asks_practically(asking),
            len(parts) > 1,
            *self.asked(asking),
            keep=top,
            predicate=self.predicate(asking) or self.harm.asked(terms),
            head=self.head(asking),
        )
        alone = len(parts) == 1
        return self._decided(text, terms, asking, alone, principles[:top], pointers[:1])

    def _decided(
        self,
        text: str,
        terms: list[Term],
        asking: str,
        alone: bool,
        principles: list[Ranked],
        pointers: list[Ranked],
    ) -> SearchResult:
        """The answer of a ranked message: a principle, a pointer, a service hint or a
        refusal (`asking`: its request sentence; `alone`: the message is that one sentence)."""
        matches = tuple(Match(self._entries[r.index], r.score) for r in principles)
        pointer = pointers[0] if pointers else None
        if pointer and private_matter(pointer.fit) and self.smalltalk.names_private(text):
            pointer = None  # "Gibt es Zuschüsse für eine neue Heizung?": the writer's household
        principle = principles[0] if principles else None
        if alone and pointer and self.titles.names(terms, pointer.index):
            principle = None  # the question names the pointer's topic (`bot.matching.titles`)
        p_conf = confidence_of(principle.fit, self.weights) if principle else 0.0
        signals = principle.fit.signals() if principle else {}
        offered, q_conf, named = self.offer.offered(terms, principle, pointer)
        if offered and pointer_first(principle, pointer):
            return SearchResult(
                text, REFUSE, matches, p_conf, KIND_POINTER, offered, signals=signals
            )
        decision = decide(matches, p_conf)  # the rules below only when the model answers
        if (
            principle
            and decision != REFUSE
            and not self.gate.answers(principle, pointer, asking, text, alone)
        ):
            decision = REFUSE
        if decision != REFUSE:
            return SearchResult(
                text, decision, matches, p_conf, KIND_PRINCIPLE, offered, signals=signals
            )
        offered = self.offer.ahead(text, principle, pointer, q_conf, named)
        return self._no_principle(text, matches, p_conf, offered, signals)

    def _no_principle(
        self,
        text: str,
        matches: tuple[Match, ...],
        p_conf: float,
        offered: PointerMatch | None,
        signals: Mapping[str, float],
    ) -> SearchResult:
        """The answer when no principle is: the offered pointer, else a service hint or an
        honest refusal."""
        if offered:
            return SearchResult(
                text, REFUSE, matches, p_conf, KIND_POINTER, offered, signals=signals
            )
        request = self.smalltalk.request(text)
        if request:
            kind = KIND_SERVICE if request.id == SERVICE else KIND_REFUSAL
            return SearchResult(
                text, REFUSE, matches, p_conf, kind, reply=request.reply, signals=signals
            )
        return SearchResult(text, REFUSE, matches, p_conf, KIND_REFUSAL, signals=signals)

    def terms(self, text: str) -> list[Term]:
        """The message's terms: request sentence first, service and private words foreign."""
        lang = self.content.lang
        text = self.smalltalk.joined(text)  # English: "tax office" is one service word
        weighted = request_weighted(
            text, lambda part: math.fsum(informativeness(w, lang) for w in words(part, lang)), lang
        )
        return self.harm(self.vocabulary.terms(weighted, self.smalltalk.foreign), text)

    def asked(self, request: str) -> tuple[bool, str | None, bool]:
        """What a request sentence asks for (`bot.matching.asking`; German only): a fact,
        the stem of the noun it asks about, and whether it is for the writer alone."""
        if self.content.lang != GERMAN:
            return False, None, False
        return (*fact_asked(request), asks_for_oneself(request))

    def predicate(self, request: str) -> str | None:
        """The stem of the predicate a practical yes/no request asks (`asked_predicate`)."""
        found = asked_predicate(request) if self.content.lang == GERMAN else None
        return stem(found, GERMAN) if found else None

    def head(self, request: str) -> str | None:
        """The stem of the noun a German request asks about (`asked_head`)."""
        found = asked_head(request) if self.content.lang == GERMAN else None
        return stem(found, GERMAN) if found else None

    def pointer_at(self, index: int) -> Pointer:
        """The pointer of a document index from `rank`."""
        return self._pointers[index - self._count]

    def _gibberish(self, text: str, terms: Sequence[Term]) -> bool:
        """No word is known to the content or to the general language ("asdfgh jkl")."""
        return not any(term.candidates for term in terms) and not any(
            zipf(word, self.content.lang) for word in words(text, self.content.lang)
        )
