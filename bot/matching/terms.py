"""From a question's words to weighted terms, each with the index stems it may stand for.

A query word is resolved, in this order, to stems of the index:
- exactly, and as its compound parts ("beteiligungsverfahren" → also "verfahren");
- through a longer or shorter form with the same start ("Schulung" ~ "schulen",
  `bot.matching.spellings`);
- through content/synonyms.yaml;
- through a thesaurus link to a Wegweiser pointer's word, weaker than a synonym
  ("Subventionen" → Fördermittel; `bot.matching.thesaurus`);
- typed without umlauts ("grundsatze" → "grundsaetze") or as a typo of an index word, when
  it is no frequent German word itself ("verwaltng", "schuhlen"; "kennt" stays "kennt"):
  `bot.matching.spellings`;
- as a compound of index stems or synonyms ("Mitwirkungsprozess" → Beteiligung + Prozess),
  or a compound whose first part is known and whose rest is not ("Ehrenamtsbörse").

Each term carries two weights: `weight` ranks entries (IDF within the content times how
specific the word is in general German) and `info` measures fit (how specific the word is,
`bot.matching.background`). Both are scaled by the weight of the sentence the word is in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

from bot.matching.background import (
    GERMAN,
    MIN_INFORMATIVENESS,
    everyday_spelling,
    informativeness,
    restore_umlauts,
    zipf,
)
from bot.matching.compounds import TAIL_SPECIFIC, Compounds
from bot.matching.english import family, synonym_collides
from bot.matching.loanwords import LOAN_PREFIX, LOAN_SIMILARITY, english_forms, is_loanword
from bot.matching.morphology import dropped_e, verb_forms
from bot.matching.normalize import STOP_WORDS, light_stems, lower_case_words, stem, words
from bot.matching.spellings import Spellings
from bot.matching.thesaurus import LINK_SIMILARITY

PART_SIMILARITY = 0.4
SYNONYM_SIMILARITY = 0.8
LIGHT_FACTOR = 0.3
NON_NOUN_FACTOR = 0.6  # a lower-case word where nouns are capitalised: verb or adjective
RANKING_SPECIFICITY = 0.0  # how much general-German specificity shapes the ranking weight
VERB_FORM_SIMILARITY = 0.9
FAMILY_SIMILARITY = 0.85  # English: another stem of the word's family ("decision" ~ "decide")
RESOLVED_WORDS = 8192  # words (with a sentence weight) whose terms a vocabulary remembers
FOREIGN_INFO = 0.6  # least specificity of a service or private word (content/smalltalk.yaml)


@dataclass(frozen=True, slots=True)
class Term:
    """One query word (or compound part): its weights and the stems it may stand for."""

    token: str
    weight: float
    info: float
    candidates: tuple[tuple[str, float], ...]
    foreign: bool = False
    linked: bool = False  # known only through thesaurus links (`bot.matching.thesaurus`)


class Vocabulary:
    """The index's stems and surface words, with everything needed to resolve query words."""

    def __init__(
        self,
        stems: Collection[str],
        surface: Iterable[str],
        synonym_groups: Iterable[tuple[str, ...]],
        idf: Mapping[str, float],
        default_idf: float,
        lang: str = GERMAN,
    ) -> None:
        self.lang = lang
        self._stems = stems
        self._idf = idf
        self._default_idf = default_idf
        self._synonyms = _synonym_map(synonym_groups, lang)
        # Thesaurus links: stem → the pointer stems it stands for (`bot.matching.thesaurus`).
        self._links: Mapping[str, tuple[str, ...]] = {}
        # The content's English vocabulary, for English loanwords (`bot.matching.loanwords`).
        self._loans: Vocabulary | None = None
        # Stems only Wegweiser pointers are named by, set by `bot.matching.index` before the
        # links: a compound ending in one stands for it however everyday it is as a word
        # ("Fußballtrainer" ~ Trainer), while "Inklusionsprojekt" is no "Projekt".
        self.named: frozenset[str] = frozenset()
        # Words already resolved, with their sentence weight (`terms`): a message's words
        # are mostly words earlier messages used, and resolving one (compounds, typos,
        # loanwords) costs more than the rest of its way through the matcher; at most
        # RESOLVED_WORDS are kept.
        self._resolved: dict[tuple[str, float], list[Term]] = {}
        # Stems that are a synonym of an index stem count as known compound parts.
        self._part_stems = set(stems) | {
            s for s, others in self._synonyms.items() if any(o in stems for o in others)
        }
        self.compounds = Compounds(self._part_stems, lang)
        self.spellings = Spellings(stems, self._part_stems, surface, lang)

    def idf(self, token: str) -> float:
        return self._idf.get(token, self._default_idf)

    @property
    def links(self) -> Mapping[str, tuple[str, ...]]:
        return self._links

    @links.setter
    def links(self, links: Mapping[str, tuple[str, ...]]) -> None:
        self._links = links
        self._resolved.clear()  # resolved without them

    @property
    def loans(self) -> Vocabulary | None:
        return self._loans

    @loans.setter
    def loans(self, english: Vocabulary | None) -> None:
        self._loans = english
        self._resolved.clear()  # resolved without them

    def terms(
        self,
        weighted_texts: Iterable[tuple[str, float]],
        foreign: Callable[[str], bool] = lambda word: False,
    ) -> list[Term]:
        """The terms of texts given with their weights; each stem once, at its highest.

        Words for which `foreign` is true (the everyday-service and private-matter words of
        content/smalltalk.yaml) stay terms without candidates and are marked `foreign`:
        the content may mention a Bürgerbüro, but a question about one is not its topic.
        """
        found: dict[str, Term] = {}
        for text, sentence_weight in weighted_texts:
            plain = lower_case_words(text) if self.lang == GERMAN else frozenset()
            for word in dict.fromkeys(words(text, self.lang)):
                weight = sentence_weight * (NON_NOUN_FACTOR if word in plain else 1.0)
                if foreign(word):
                    # An everyday-service or private word says what the message is about
                    # however frequent, and as verb as much as as noun ("geöffnet",
                    # "ummelden", "Miete"): it counts as specific.
                    specific = informativeness(word, self.lang)
                    info = max(specific * weight, FOREIGN_INFO * sentence_weight)
                    terms = [Term(stem(word, self.lang), info * self._default_idf, info, (), True)]
                else:
                    terms = self._resolve_once(word, weight)
                for term in terms:
                    known = found.get(term.token)
                    if known is None or known.info < term.info:
                        found[term.token] = term
        return list(found.values())

    def _resolve_once(self, word: str, weight: float) -> list[Term]:
        """`resolve`, remembered (the vocabulary does not change; the terms are frozen)."""
        key = (word, weight)
        terms = self._resolved.get(key)
        if terms is None:
            if len(self._resolved) >= RESOLVED_WORDS:
                self._resolved.clear()
            terms = self._resolved[key] = self.resolve(word, weight)
        return terms

    def resolve(self, word: str, sentence_weight: float = 1.0) -> list[Term]:
        """A query word as weighted terms, each with the index stems it may mean.

        A German word unknown to the content and to general German but known with umlauts
        is read with them ("zustandig" → "zustaendig"); a typo weighs as the word meant."""
        word, token, meant = self._respelled(word)
        if meant in STOP_WORDS:  # "wlche", "trotzdme": a function word mistyped
            return []
        scale = (LIGHT_FACTOR if token in light_stems(self.lang) else 1.0) * sentence_weight
        specific = informativeness(word, self.lang)
        info = specific * scale
        rank = (specific**RANKING_SPECIFICITY if specific > MIN_INFORMATIVENESS else 0.1) * scale
        candidates = self._candidates(word, token)
        if token not in self._stems and not any(c.startswith(LOAN_PREFIX) for c in candidates):
            variants = self.spellings.variants(word)
            for other, similarity in variants:
                self._add(stem(other, self.lang), similarity, candidates)
            if variants and not zipf(word, self.lang):  # a typo: as specific as the word meant
                info = informativeness(variants[0][0], self.lang) * scale
        parts = [] if candidates else self._parts(word, token)
        if parts:  # a compound's parts say more than a synset that holds it
            return [self._part_term(part, rank, info / len(parts)) for part in parts]
        only_linked = not candidates
        for linked in self._links.get(token, ()):  # a thesaurus link (`bot.matching.thesaurus`)
            candidates[linked] = max(candidates.get(linked, 0.0), LINK_SIMILARITY)
        if candidates:
            found = tuple(candidates.items())
            return [Term(token, rank * self.idf(token), info, found, linked=only_linked)]
        if meant is not None:  # a typo of an everyday word the content does not use
            return self.resolve(meant, sentence_weight)
        if token.isdigit():  # "200 Euro", "seit 12 Jahren": a number says how much, not what
            info = MIN_INFORMATIVENESS * scale
        return [Term(token, rank * specific * self.idf(token), info, ())]

    def _candidates(self, word: str, token: str) -> dict[str, float]:
        """The index stems a word may mean, but for its spellings: itself and its compound
        parts, its prefix family, synonyms, verb forms or English word family, loanwords."""
        candidates: dict[str, float] = {}
        if token in self._stems:
            candidates[token] = 1.0
            tail = self.compounds.known_tail(word, TAIL_SPECIFIC)
            parts = self.split(word) or ([tail] if tail else [])
            for part in parts:  # and their synonyms: "Handlungsspielraum" ~ Vorgaben
                self._add(part, PART_SIMILARITY, candidates)
        self._add_prefix_family(token, candidates)
        self._add_synonyms(token, 1.0, candidates)
        if self.lang == GERMAN:
            for form in verb_forms(word):
                self._add(form, VERB_FORM_SIMILARITY, candidates)
                self._add_prefix_family(form, candidates)
            for found in (token, *verb_forms(word)):  # "sammeln" ~ "Sammlung"
                for form in dropped_e(found):
                    self._add(form, VERB_FORM_SIMILARITY, candidates)
        else:
            for other in family(token):
                self._add(other, FAMILY_SIMILARITY, candidates)
        if not candidates and self.loans is not None and is_loanword(word):
            self._add_loans(word, candidates)
        return candidates

    def _respelled(self, word: str) -> tuple[str, str, str | None]:
        """(word, stem, everyday word it may be a typo of) for a German word the content
        does not know: typed without umlauts it is read with them ("zustandig")."""
        token = stem(word, self.lang)
        if self.lang != GERMAN or token in self._stems:
            return word, token, None
        spelled = restore_umlauts(word)
        if spelled != word:
            word, token = spelled, stem(spelled, self.lang)
        return word, token, None if is_loanword(word) else everyday_spelling(word)

    def _parts(self, word: str, token: str) -> list[str]:
        """The stems an unknown word stands for as a compound or particle verb; an unknown
        rest stays as the word itself (`bot.matching.compounds`)."""
        parts = self.split(word)
        if not parts and self.lang == GERMAN:
            parts = self.compounds.particle_verb(word)
        if not parts:
            compounds = self.compounds
            known = compounds.known_head(word) or compounds.known_tail(word, TAIL_SPECIFIC)
            if known is None and (tail := compounds.known_tail(word)) in self.named:
                known = tail  # a pointer's name ends it: "Fußballtrainer" is a Trainer
            parts = [known, token] if known else []
        return parts

    def _add_loans(self, word: str, candidates: dict[str, float]) -> None:
        """The English stems (under LOAN_PREFIX) an English loanword may mean."""
        assert self.loans is not None
        for form in english_forms(word):
            for term in self.loans.resolve(form):
                for other, similarity in term.candidates:
                    key, value = LOAN_PREFIX + other, similarity * LOAN_SIMILARITY
                    if candidates.get(key, 0.0) < value:
                        candidates[key] = value

    def _part_term(self, part: str, rank: float, info: float) -> Term:
        """A compound part weighs no more than the part is specific as a word of its own:
        "Jahresende" is mostly "Jahr" and "Ende", two everyday words."""
        candidates: dict[str, float] = {}
        self._add(part, 1.0, candidates)
        specific = informativeness(part, self.lang)
        return Term(part, rank * specific * self.idf(part), info, tuple(candidates.items()))

    def _add(self, token: str, similarity: float, candidates: dict[str, float]) -> None:
        """The stem (if indexed) and its synonyms, at the given similarity."""
        if token in self._stems and candidates.get(token, 0.0) < similarity:
            candidates[token] = similarity
        self._add_synonyms(token, similarity, candidates)

    def _add_synonyms(self, token: str, similarity: float, candidates: dict[str, float]) -> None:
        value = similarity * SYNONYM_SIMILARITY
        for synonym in self._synonyms.get(token, ()):
            if synonym in self._stems and candidates.get(synonym, 0.0) < value:
                candidates[synonym] = value

    def _add_prefix_family(self, token: str, candidates: dict[str, float]) -> None:
        """Stems sharing a long prefix with the token ("schul" ~ "schulung")."""
        for other, similarity in self.spellings.prefix_family(token):
            candidates[other] = max(candidates.get(other, 0.0), similarity)

    def split(self, word: str) -> list[str]:
        """Known stems (or synonyms of them) a compound consists of (`Compounds.split`)."""
        return self.compounds.split(word)


def _synonym_map(groups: Iterable[tuple[str, ...]], lang: str) -> dict[str, frozenset[str]]:
    """Stem → the stems of every other word in its synonym groups."""
    result: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        stems = {
            stem(w, lang)
            for word in group
            for w in words(word, lang)
            if lang == GERMAN or not synonym_collides(w, lambda t: zipf(t, lang))
        }
        for token in sorted(stems):
            result[token] |= stems - {token}
    return {token: frozenset(others) for token, others in result.items()}
