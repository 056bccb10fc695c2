"""Find the entry that answers a question: normalise, index once, score, decide.

Scoring, in short:
- every entry has a weighted vocabulary of stems from its title, questions, keywords and
  poles (weight 1.0), its summary (0.5) and its steps (0.3); compounds are also indexed by
  their known parts ("Beteiligungsverfahren" → "Beteiligung", "Verfahren");
- each query word is resolved to vocabulary stems: exactly, through content/synonyms.yaml,
  by a longer or shorter form with the same start ("Schulung" ~ "schulen"), by typo
  tolerance (rapidfuzz ratio) or by splitting a compound; frequent verbs count weakly;
- `coverage`: how much of the question (IDF-weighted) an entry explains;
- `phrase`: how close the question is to one of the entry's own phrasings (IDF-weighted
  soft F1, plus rapidfuzz token ratio), computed for the best candidates only;
- score = 100 × (0.6 × coverage + 0.4 × phrase); `bot.matching.decision` turns the ranking into
  answer / suggest / refuse with a calibrated confidence, so a question whose words the
  content does not know is refused instead of answered at random.

Nothing here imports `telegram`: the CLI, the benchmarks and the bot share it.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.content import Content, Entry
from bot.matching.decision import (
    ANSWER,
    REFUSE,
    SUGGEST,
    Match,
    SearchResult,
    close_runner_ups,
    confidence_of,
    decide,
)
from bot.matching.normalize import LIGHT_STEMS, stem, words

__all__ = ["ANSWER", "REFUSE", "SUGGEST", "Match", "Matcher", "SearchResult", "close_runner_ups"]

# Values tuned on the dev set (score.py); each line says why it has that size.
# Where a word sits in an entry says how much it tells about the entry:
TITLE_WEIGHT = 1.0  # the title names what the entry is about
PRIMARY_WEIGHT = 1.0  # questions, keywords, poles: written the way people ask
SUMMARY_WEIGHT = 0.5  # the summary explains, so it holds many incidental words
STEP_WEIGHT = 0.3  # steps are concrete how-tos; their words rarely name the topic
PART_WEIGHT = 0.85  # a part of an indexed compound: a little weaker than the whole word
# How strongly a query word stands for a vocabulary stem (1.0 = the same stem):
PART_SIMILARITY = 0.4  # a known compound also hints at its parts, but only weakly
SYNONYM_SIMILARITY = 0.8  # content/synonyms.yaml is curated: nearly, not quite, the word
LIGHT_FACTOR = 0.3  # frequent verbs ("machen", "geben") carry little of the meaning
PREFIX = 5  # letters that group stems into prefix families; fewer mix unrelated words
PREFIX_SHARE = 0.6  # the shorter form covers ≥ 60 % of the longer ("schul" ~ "schulung")
TYPO_CUTOFF = 88.0  # rapidfuzz ratio ≈ one wrong letter in a 7–8 letter stem, not a new word
MIN_TYPO_LENGTH = 6  # shorter stems turn into other real words with one letter changed
MIN_PART = 4  # shorter compound "parts" are mostly suffixes or linking letters
# Ranking:
RERANK_CANDIDATES = 25  # phrase similarity is costly; it only reorders the top coverage hits
COVERAGE_SHARE = 0.6  # coverage finds the topic; phrase (the rest) picks among close entries

LINKING = ("", "s", "n", "en", "es", "e")  # German linking letters ("Beteiligung-s-verfahren")


@dataclass(frozen=True, slots=True)
class Term:
    """One query word: the stem its weight comes from and the stems it may stand for."""

    token: str
    weight: float
    candidates: tuple[tuple[str, float], ...]


@dataclass(slots=True)
class _Phrase:
    stems: frozenset[str]
    text: str
    weight: float = 0.0


class Matcher:
    """An index over one Content object; build once per content version."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._entries = content.entries
        self._postings: dict[str, dict[int, float]] = defaultdict(dict)
        self._phrases: list[list[_Phrase]] = []
        # Each entry's distinct words with their highest field weight, in first-seen order:
        # postings keep the maximum weight, so repeated words would change nothing.
        surface_by_entry: list[list[tuple[float, tuple[str, ...]]]] = []
        shared: dict[str, str] = {}  # one string object per distinct word across entries
        phrase_cache: dict[str, _Phrase] = {}
        for index, entry in enumerate(self._entries):
            surface: dict[str, float] = {}
            for text, weight in _weighted_texts(entry):
                for w in words(text):
                    word = shared.setdefault(w, w)
                    if surface.get(word, -1.0) < weight:
                        surface[word] = weight
            by_weight: dict[float, list[str]] = defaultdict(list)
            for word, weight in surface.items():
                by_weight[weight].append(word)
            surface_by_entry.append([(w, tuple(group)) for w, group in by_weight.items()])
            for word, weight in surface.items():
                self._post(stem(word), index, weight)
            phrases = [_phrase(t, phrase_cache) for t in (entry.title, *entry.questions)]
            self._phrases.append([p for p in phrases if p.stems])
        self._vocabulary = list(self._postings)
        # Second pass: index compounds by their known parts ("Beteiligungsverfahren").
        # The vocabulary is fixed now (parts are known stems), so each word splits once.
        splits: dict[str, list[str]] = {}
        for index, groups in enumerate(surface_by_entry):
            for weight, group in groups:
                for word in group:
                    parts = splits.get(word)
                    if parts is None:
                        parts = splits[word] = self._split_compound(word)
                    for part in parts:
                        self._post(part, index, weight * PART_WEIGHT)
        self._vocabulary = list(self._postings)
        self._synonyms = _synonym_map(content.synonyms)
        count = len(self._entries)
        self._idf = {
            token: (math.log((count + 1) / (len(posting) + 0.5)) + 1.0)
            for token, posting in self._postings.items()
        }
        self._unknown_idf = math.log((count + 1) / 0.5) + 1.0
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        for token in self._vocabulary:
            self._by_prefix[token[:PREFIX]].append(token)
        for phrases in self._phrases:
            for phrase in phrases:
                phrase.weight = sum(self.idf(s) for s in phrase.stems)

    def _post(self, token: str, index: int, weight: float) -> None:
        posting = self._postings[token]
        if posting.get(index, 0.0) < weight:
            posting[index] = weight

    def _split_compound(self, word: str) -> list[str]:
        """Known stems a compound word consists of (empty if it is no compound of them)."""
        best: list[str] = []
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head, rest = word[:cut], word[cut:]
            head_stem = stem(head)
            if head_stem not in self._postings or len(head_stem) < MIN_PART:
                continue
            for link in LINKING:
                if not rest.startswith(link) or len(rest) - len(link) < MIN_PART:
                    continue
                tail = rest[len(link) :]
                tail_stem = stem(tail)
                if tail_stem in self._postings:
                    return [head_stem, tail_stem]
                deeper = self._split_compound(tail) if len(tail) >= 2 * MIN_PART else []
                if deeper and not best:
                    best = [head_stem, *deeper]
        return best

    def _query_terms(self, text: str) -> list[Term]:
        """The question's words as terms, each stem once."""
        terms: dict[str, Term] = {}
        for word in dict.fromkeys(words(text)):
            for term in self._resolve(word):
                terms.setdefault(term.token, term)
        return list(terms.values())

    def _resolve(self, word: str) -> list[Term]:
        """A query word as weighted terms, each with the vocabulary stems it may mean."""
        token = stem(word)
        factor = LIGHT_FACTOR if token in LIGHT_STEMS else 1.0
        candidates: dict[str, float] = {}
        if token in self._postings:
            candidates[token] = 1.0
            for part in self._split_compound(word):
                candidates.setdefault(part, PART_SIMILARITY)
        self._add_prefix_family(token, candidates)
        for synonym in self._synonyms.get(token, ()):
            if synonym in self._postings:
                candidates[synonym] = max(candidates.get(synonym, 0.0), SYNONYM_SIMILARITY)
        if token not in self._postings and len(token) >= MIN_TYPO_LENGTH:
            for found, score, _ in process.extract(
                token, self._vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF, limit=3
            ):
                candidates[found] = max(candidates.get(found, 0.0), score / 100.0)
        if candidates:
            return [Term(token, self.idf(token) * factor, tuple(candidates.items()))]
        parts = self._split_compound(word)
        if parts:
            return [Term(part, self.idf(part) * factor, ((part, 1.0),)) for part in parts]
        head = self._known_head(word)
        if head:
            return [Term(head, self.idf(head), ((head, 1.0),)), Term(token, self.idf(token), ())]
        return [Term(token, self.idf(token) * factor, ())]

    def _add_prefix_family(self, token: str, candidates: dict[str, float]) -> None:
        """Stems sharing a long prefix with the token ("schul" ~ "schulung")."""
        if len(token) < PREFIX:
            return
        for other in self._by_prefix.get(token[:PREFIX], ()):
            if other == token:
                continue
            shorter, longer = sorted((token, other), key=len)
            if longer.startswith(shorter) and len(shorter) / len(longer) >= PREFIX_SHARE:
                similarity = 0.55 + 0.4 * len(shorter) / len(longer)
                candidates[other] = max(candidates.get(other, 0.0), similarity)

    def _known_head(self, word: str) -> str | None:
        """A known stem a compound starts with when the rest is unknown ("Bürgerbüro")."""
        for cut in range(len(word) - MIN_PART - 1, MIN_PART + 1, -1):
            head_stem = stem(word[:cut])
            if len(head_stem) > MIN_PART and head_stem in self._postings:
                return head_stem
        return None

    def idf(self, token: str) -> float:
        return self._idf.get(token, self._unknown_idf)

    def search(self, text: str, top: int = 3) -> SearchResult:
        """Rank entries for a question and decide whether to answer, suggest or refuse."""
        query = self._query_terms(text)
        total = sum(term.weight for term in query)
        if not query or total <= 0:
            return SearchResult(text, REFUSE, ())
        coverage: dict[int, float] = defaultdict(float)
        for term in query:
            best: dict[int, float] = {}
            for found, similarity in term.candidates:
                for index, field_weight in self._postings[found].items():
                    value = similarity * field_weight
                    if value > best.get(index, 0.0):
                        best[index] = value
            for index, value in best.items():
                coverage[index] += term.weight / total * value
        ranked = heapq.nlargest(RERANK_CANDIDATES, coverage.items(), key=lambda item: item[1])
        query_text = " ".join(sorted(term.token for term in query))
        scored = [
            (index, cov, self._phrase_score(index, query, total, query_text))
            for index, cov in ranked
        ]
        matches = sorted(
            (
                Match(
                    self._entries[i],
                    round(100 * (COVERAGE_SHARE * cov + (1 - COVERAGE_SHARE) * phrase), 1),
                )
                for i, cov, phrase in scored
            ),
            key=lambda match: match.score,
            reverse=True,
        )
        known = sum(term.weight for term in query if term.candidates) / total
        confidence = confidence_of(matches, known, len(query))
        return SearchResult(
            text, decide(matches, confidence), tuple(matches[: max(top, 1)]), confidence
        )

    def _phrase_score(self, index: int, query: list[Term], total: float, query_text: str) -> float:
        """How close the question is to the entry's best phrasing (0–1)."""
        best = 0.0
        for phrase in self._phrases[index]:
            hit = 0.0
            matched: set[str] = set()
            for term in query:
                similarity = 0.0
                for found, value in term.candidates:
                    if found in phrase.stems:
                        matched.add(found)
                        similarity = max(similarity, value)
                hit += term.weight * similarity
            if not hit:
                continue
            recall = hit / total
            precision = sum(self.idf(s) for s in matched) / phrase.weight
            f1 = 2 * recall * precision / (recall + precision)
            ratio = fuzz.token_sort_ratio(query_text, phrase.text) / 100.0
            best = max(best, 0.8 * f1 + 0.2 * ratio)
        return best


def _synonym_map(groups: tuple[tuple[str, ...], ...]) -> dict[str, frozenset[str]]:
    """Stem → the stems of every other word in its synonym groups."""
    result: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        stems = {stem(w) for word in group for w in words(word)}
        for token in stems:
            result[token] |= stems - {token}
    return {token: frozenset(others) for token, others in result.items()}


def _phrase(text: str, cache: dict[str, _Phrase]) -> _Phrase:
    """The stems of one phrasing; equal texts share one object (same stems, same weight)."""
    phrase = cache.get(text)
    if phrase is None:
        stems = [stem(w) for w in words(text)]
        phrase = cache[text] = _Phrase(frozenset(stems), " ".join(sorted(set(stems))))
    return phrase


def _weighted_texts(entry: Entry) -> Iterable[tuple[str, float]]:
    """The texts an entry is found by, with how much each counts."""
    yield entry.title, TITLE_WEIGHT
    for text in (*entry.questions, *entry.keywords, *entry.poles):
        yield text, PRIMARY_WEIGHT
    yield entry.summary, SUMMARY_WEIGHT
    for step in entry.steps:
        yield step, STEP_WEIGHT
