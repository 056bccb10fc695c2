"""Find what answers a message: a workshop principle, a Wegweiser pointer, small talk,
a municipal-service hint, or an honest "I don't know".

Scoring, in short:
- every entry and pointer has a weighted vocabulary of stems from its title, questions,
  keywords and poles (weight 1.0), its summary or orientation (0.5) and its steps (0.3)
  (`bot.matching.documents`); compounds are also indexed by their known parts;
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
  0.4 × phrase) (`bot.matching.scoring`); the best few are reordered with a little exact-word BM25
  (`bot.matching.bm25`, BM25_SHARE), which counts how often an entry uses the message's
  words — the two err differently, and long messages gain most; a long message whose
  own ranking is undecided gets BM25's clear favourite first (`decided_by_words`);
- confidence comes from fit (`bot.matching.decision`), not from length; principles and
  pointers are judged alike and the better-fitting kind wins, so a practical question
  does not get a principle because one word overlaps.

Nothing here imports `telegram`: the CLI, the benchmarks and the bot share it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from bot.content import Content, Entry, Pointer
from bot.matching.asking import asks_for_oneself, fact_asked
from bot.matching.background import informativeness, zipf
from bot.matching.bm25 import Bm25
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
from bot.matching.documents import (
    PRIMARY_WEIGHT,
    SUMMARY_WEIGHT,
    Phrase,
    StemBits,
    entry_texts,
    phrase_of,
    pointer_texts,
)
from bot.matching.loanwords import aligned_postings
from bot.matching.normalize import ENGLISH, GERMAN, sentences, stem, words
from bot.matching.postings import Explains, postings_for
from bot.matching.practical import (
    FRAME_SHARE,
    NAMES,
    PracticalWords,
    asked_predicate,
    asks_practically,
    clearly_ahead,
    far_ahead,
    not_the_workshop,
    pointer_first,
    pointer_from,
    practical_first,
    predicate_first,
)
from bot.matching.request import request_sentence, request_weighted
from bot.matching.scoring import (
    Fitting,
    Query,
    best_score,
    bm25_share,
    decided_by_words,
    explained_by,
    fitted,
    mixed,
    phrase_score,
    query_of,
)
from bot.matching.smalltalk import SERVICE, Classifier, asks_elsewhere
from bot.matching.terms import Term, Vocabulary, idf_table

__all__ = ["Matcher"]

PART_WEIGHT = 0.85  # a part of an indexed compound: a little weaker than the whole word
# Ranking:
RERANK_CANDIDATES = 12  # phrase similarity is costly; it only reorders the top coverage hits
RERANK_POINTERS = 5  # the same for pointers, of which there are few
COVERAGE_SHARE = 0.6  # coverage finds the topic; phrase (the rest) picks among close entries
MIN_EXPLAINED = 0.35  # explained mass below this (one verb in common) never answers ...
FULL_FIT = 0.9  # ... unless it is nearly all the message says ("Wer macht was?")
ALL_FIT = 0.99  # a principle explaining all of a request is never "asked elsewhere"
DEFAULT_IDF_QUANTILE = 0.5  # unknown words rank like a median word, not above every known one
# A message with sentences besides its request counts as introduced (INTRODUCED_LOGIT) only
# with at least this many content words: "Mein Nachbar ist laut. Was kann ich tun?" is two
# short sentences, not an introduction and a request.
INTRODUCTION_WORDS = 10
PREDICATE_PART = 6  # the shortest word an asked predicate may be read as ("versichert")


class Matcher:
    """An index over one Content object's entries and pointers; build once per version."""

    def __init__(self, content: Content, english: Matcher | None = None) -> None:
        """`english`: the matcher of the content's English translation, if already built
        (else built here when there is one): it resolves English loanwords."""
        self.content = content
        self._entries = content.entries
        self._pointers = content.pointers
        documents: list[Entry | Pointer] = [*self._entries, *self._pointers]
        self._count = len(self._entries)
        building: dict[str, dict[int, float]] = defaultdict(dict)  # the postings, for now
        self._phrases: list[list[Phrase]] = []
        self._bm25 = Bm25()
        # Each document's distinct words grouped by their highest field weight (compact: the
        # second pass below needs them, and 10,000 dicts would double the peak memory).
        surface_by_doc: list[tuple[tuple[float, tuple[str, ...]], ...]] = []
        shared: dict[str, str] = {}
        phrase_cache: dict[str, Phrase] = {}
        protected: set[str] = set()  # what the content says it is about: never foreign
        for index, document in enumerate(documents):
            texts = (
                entry_texts(document) if isinstance(document, Entry) else pointer_texts(document)
            )
            surface: dict[str, float] = {}
            counted: list[str] = []
            for text, weight in texts:
                for w in words(text, content.lang):
                    word = shared.setdefault(w, w)
                    if surface.get(word, -1.0) < weight:
                        surface[word] = weight
                    if weight >= SUMMARY_WEIGHT:
                        counted.append(word)
            self._bm25.add(stem(word, content.lang) for word in counted)
            by_weight: dict[float, list[str]] = defaultdict(list)
            protected.update(w for w, weight in surface.items() if weight >= PRIMARY_WEIGHT)
            for word, weight in surface.items():
                _post(building, stem(word, content.lang), index, weight)
                by_weight[weight].append(word)
            surface_by_doc.append(tuple((w, tuple(group)) for w, group in by_weight.items()))
            phrases = [
                phrase_of(t, phrase_cache, content.lang)
                for t in (document.title, *document.questions)
            ]
            self._phrases.append([p for p in phrases if p.stems])
        self._bm25.finish()
        idf = idf_table(building, len(documents))
        ordered = sorted(idf.values())
        default_idf = ordered[int(len(ordered) * DEFAULT_IDF_QUANTILE)] if ordered else 1.0
        self.vocabulary = Vocabulary(
            set(building), shared, content.synonyms, idf, default_idf, content.lang
        )
        # Second pass: index compounds by their known parts ("Beteiligungsverfahren").
        splits: dict[str, list[str]] = {}
        for index, groups in enumerate(surface_by_doc):
            for weight, group in groups:
                for word in group:
                    parts = splits.get(word)
                    if parts is None:
                        parts = splits[word] = [
                            p for p in self.vocabulary.split(word) if p in building
                        ]
                    for part in parts:
                        _post(building, part, index, weight * PART_WEIGHT)
        self._idf = idf_table(building, len(documents))
        self._postings = postings_for(building, len(documents))
        del building, surface_by_doc
        for phrases in self._phrases:
            for phrase in phrases:
                phrase.weight = math.fsum(self._idf.get(s, default_idf) for s in phrase.stems)
        self._stem_bits = StemBits(phrase for phrases in self._phrases for phrase in phrases)
        self.practical = PracticalWords(
            content.lang,
            [t for t in self._named_by_pointers() if min(self._postings[t]) >= self._count],
        )
        self._attach_loanwords(english)
        self.smalltalk = Classifier(content.smalltalk, protected, content.lang)
        self.weights, self.pointer_weights = weights_for(content.lang)
        zipf("", content.lang)  # load the background model now, not on the first question
        if content.lang == GERMAN:
            zipf("", ENGLISH)  # tells loanwords from German words (`asks_elsewhere`)

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

    def _named_by_pointers(self) -> set[str]:
        """The stems of the pointers' titles and keywords and their compound parts: what
        a pointer is about. Their example questions hold everyday words too ("Park")."""
        named: set[str] = set()
        lang = self.content.lang
        for pointer in self._pointers:
            for text in (pointer.title, *pointer.keywords):
                for word in words(text, lang):
                    named.add(stem(word, lang))
                    named.update(self.vocabulary.split(word))
        return {token for token in named if token in self._postings}

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
        principles, pointers = self.rank(
            terms,
            asks_practically(asking),
            len(sentences(text)) > 1,
            *self.asked(asking),
            keep=top,
            predicate=self.predicate(asking),
        )
        matches = tuple(Match(self._entries[r.index], r.score) for r in principles[:top])
        principle = principles[0] if principles else None
        pointer = pointers[0] if pointers else None
        p_conf = confidence_of(principle.fit, self.weights) if principle else 0.0
        q_conf = confidence_of(pointer.fit, self.pointer_weights) if pointer else 0.0
        signals = principle.fit.signals() if principle else {}
        # A pointer is offered when it is sure enough, or when it outscores every principle
        # by far: then no principle answers, even one that would on its own ("Wie lösen wir
        # unseren Verein auf, wenn keiner mehr mitmachen will?" asks about a Verein's end,
        # not about the workshop's shared practice).
        offered = (
            PointerMatch(self.pointer_at(pointer.index), pointer.score, q_conf)
            if pointer
            and (q_conf >= pointer_from(pointer.fit) or far_ahead(principle, pointer, q_conf))
            else None
        )
        if offered and pointer_first(principle, pointer):
            return SearchResult(
                text, REFUSE, matches, p_conf, KIND_POINTER, offered, signals=signals
            )
        may = self._may_answer(principle, asking, asking != text)
        decision = decide(matches, p_conf) if may else REFUSE
        if principle and not_the_workshop(principle, pointer):
            decision = REFUSE  # a practical question: the workshop is not its answer
        if decision != REFUSE:
            return SearchResult(
                text, decision, matches, p_conf, KIND_PRINCIPLE, offered, signals=signals
            )
        if pointer and not offered and clearly_ahead(principle, pointer, q_conf):
            offered = PointerMatch(self.pointer_at(pointer.index), pointer.score, q_conf)
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

    def _may_answer(self, principle: Ranked | None, request: str, part: bool = False) -> bool:
        """False when no principle can be the answer, however well one scores: one everyday
        word in common, or a request sentence that asks for something else
        (`asks_elsewhere`) and that it does not explain all of (`part`: the request is one
        sentence of a longer message)."""
        if principle is None:
            return False
        fit = principle.fit
        if fit.fit >= ALL_FIT and fit.explained >= 2 * MIN_EXPLAINED:
            return True  # all it asks, and more than one word of it: its own question
        if fit.explained < MIN_EXPLAINED and fit.fit < FULL_FIT:
            return False
        if self.content.lang != GERMAN:
            return True
        if part and self._explains_request(principle.index, request):
            return True
        return not asks_elsewhere(
            request, lambda w: any(t.candidates for t in self.vocabulary.resolve(w))
        )

    def _explains_request(self, index: int, request: str) -> bool:
        """True when document `index` explains all of a long message's request sentence
        (ALL_FIT, more than one word's worth): the introduction around it lowers the fit of
        the whole message, not what is asked ("… Was ist der Unterschied zwischen einer
        Spende und einer echten Partnerschaft?" of the entry on exactly that)."""
        terms = self.vocabulary.terms([(request, 1.0)], self.smalltalk.foreign)
        total = math.fsum(term.info for term in terms)
        if total <= 0:
            return False
        found = explained_by(
            [(t, False, self._postings.explains(t.candidates)) for t in terms], index
        )[0]
        return found >= ALL_FIT * total and found >= 2 * MIN_EXPLAINED

    def terms(self, text: str) -> list[Term]:
        """The message's terms: request sentence first, service and private words foreign."""
        lang = self.content.lang
        text = self.smalltalk.joined(text)  # English: "tax office" is one service word
        weighted = request_weighted(
            text, lambda part: math.fsum(informativeness(w, lang) for w in words(part, lang)), lang
        )
        return self.vocabulary.terms(weighted, self.smalltalk.foreign)

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

    def pointer_at(self, index: int) -> Pointer:
        """The pointer of a document index from `rank`."""
        return self._pointers[index - self._count]

    def _gibberish(self, text: str, terms: Sequence[Term]) -> bool:
        """No word is known to the content or to the general language ("asdfgh jkl")."""
        return not any(term.candidates for term in terms) and not any(
            zipf(word, self.content.lang) for word in words(text, self.content.lang)
        )

    def rank(
        self,
        terms: Sequence[Term],
        practical_frame: bool = False,
        introduced: bool = False,
        fact: bool = False,
        asked: str | None = None,
        personal: bool = False,
        *,
        keep: int | None = None,
        predicate: str | None = None,
    ) -> tuple[list[Ranked], list[Ranked]]:
        """Best principles and best pointers, each ranked by score; `practical_frame`: the
        question asks the way practical questions ask (`asks_practically`); `introduced`:
        the message has sentences besides its request (`INTRODUCED_LOGIT`; only with
        INTRODUCTION_WORDS content words or more); `fact`, `asked`: the request asks for a
        fact, about the noun with this stem (`fact_asked`); `keep`: only the best so many
        of each kind (a fit costs more than a score; `search` reads no more); `predicate`:
        the stem of the predicate a practical yes/no question asks (`asked_predicate`)."""
        total = sum(term.weight for term in terms)
        total_info = sum(term.info for term in terms)
        if not terms or total <= 0 or total_info <= 0:
            return [], []
        unexplained = 0.0
        # Per term: how well each document explains it (only coverage is summed for every
        # document; the other masses only for the few candidates that are ranked).
        found_by: list[tuple[Term, bool, Explains]] = []
        for term in terms:
            explains = self._postings.explains(term.candidates)
            unexplained += term.info * (1.0 - explains.most)
            found_by.append((term, self.practical.is_practical(term), explains))
        coverage = self._postings.coverage(
            [explains for _, _, explains in found_by], [term.weight / total for term in terms]
        )
        # the practical mass of the message, and how much each candidate explains of it
        practical = math.fsum(term.info for term, is_practical, _ in found_by if is_practical)
        framed = FRAME_SHARE * total_info if practical_frame else 0.0  # never explained
        fitting = Fitting(
            found_by,
            total_info,
            unexplained,
            sum(term.info for term in terms if term.foreign),
            practical + framed,
            # ... nor one the document explains all of: its own question ("Wie lange
            # dauert das Verfahren noch?" of the entry on timelines)
            FULL_FIT * total_info if fact else -math.inf,
            # A writer who introduces themselves first asks in a role ("Ich bin
            # Quartiersmanager …"), not for themselves.
            personal and not introduced,
        )
        # A fact question about what one of the ranked documents is about is none ("Welchen
        # Nutzen hat …?" when an entry names "Nutzen" in its title, questions or keywords).
        about = next((e for t, _, e in found_by if t.token == asked), None) if fact else None
        exact_query = {term.token: term.info for term in terms if not term.foreign}
        query = query_of(terms, total, self._stem_bits)
        candidates = (
            coverage.best(0, self._count, RERANK_CANDIDATES),
            coverage.best(self._count, self._postings.size, RERANK_POINTERS),
        )
        exact = self._bm25.share(exact_query, (i for best in candidates for i, _ in best))
        share = bm25_share(len(exact_query))
        scored = [self._scored(best, query, exact, share) for best in candidates]
        asked_of = _asked_of(found_by, predicate) if predicate else None
        order = (asked_of, about, exact_query, introduced, keep)
        return self._ordered(scored, fitting, *order)

    def _ordered(
        self,
        scored: list[list[tuple[float, int, float]]],
        fitting: Fitting,
        asked_of: Explains | None,
        about: Explains | None,
        exact_query: dict[str, float],
        introduced: bool,
        keep: int | None,
    ) -> tuple[list[Ranked], list[Ranked]]:
        """The scored principles and pointers fitted, in their final order: a practical
        question's pointers by the practical words they leave open (`practical_first`) and
        the asked predicate (`asked_of`, `predicate_first`), a
        long message's principles by exact words when undecided (`decided_by_words`);
        each kind's best judged against the other kind's best ("margin")."""
        principles_scored, pointers_scored = scored
        every = fitting.practical > 0  # practical_first compares the pointers' fits
        pointers = practical_first(
            fitted(pointers_scored, fitting, about, None if every else keep, 0.0)
        )
        if asked_of is not None:  # a framed question: every pointer is fitted
            pointers = predicate_first(pointers, lambda i: (asked_of.value(i) or 0.0) >= NAMES)
        if pointers:
            best = pointers[0]
            rival = best_score(principles_scored)  # decided_by_words keeps the first score
            pointers[0] = Ranked(best.index, best.score, replace(best.fit, rival=rival))
        long = len(exact_query) >= INTRODUCTION_WORDS
        rival = pointers[0].score / 100 if pointers else 0.0
        principles = fitted(
            principles_scored, fitting, about, None if long else keep, rival, introduced and long
        )
        if long:  # a long message: exact words may decide
            plain = dict.fromkeys(exact_query, 1.0)
            exact = self._bm25.share(plain, (r.index for r in principles))
            principles = decided_by_words(principles, exact)
        return principles[:keep], pointers[:keep]

    def _scored(
        self,
        best_ones: list[tuple[int, float]],
        query: Query,
        exact: dict[int, float],
        share: float,
    ) -> list[tuple[float, int, float]]:
        """(score, document, own score) of the best few of one kind, best first: coverage
        and phrase similarity (own), mixed with their exact-word BM25 share (`exact`)."""
        own = {
            i: COVERAGE_SHARE * cov
            + (1 - COVERAGE_SHARE) * phrase_score(self._phrases[i], query, self._idf)
            for i, cov in best_ones
        }
        return sorted(
            ((round(100 * mixed(own[i], exact.get(i, 0.0), share), 1), i, own[i]) for i in own),
            reverse=True,
        )


def _post(postings: dict[str, dict[int, float]], token: str, index: int, weight: float) -> None:
    """Index a stem for a document at a field weight (the highest one it has there)."""
    posting = postings[token]
    if posting.get(index, 0.0) < weight:
        posting[index] = weight


def _asked_of(found_by: Sequence[tuple[Term, bool, Explains]], predicate: str) -> Explains | None:
    """What explains the asked predicate: its own term, else the longest term it ends in
    ("mitversichert" is read as the verb "versichert" with its particle)."""
    ending = [(len(t.token), e) for t, _, e in found_by if predicate.endswith(t.token)]
    longest = max(ending, key=lambda pair: pair[0], default=None)
    return longest[1] if longest and longest[0] >= PREDICATE_PART else None
