"""Harm events: an accident, an injury, damage or a loss, read as what insurance is about.

"Was ist, wenn jemand beim Aufbau von der Leiter stürzt?" asks who is covered, though it
names no word of insurance: the event words (stürzen, ausrutschen, sich den Fuß brechen,
kaputt gehen, gestohlen werden) are general German that no Wegweiser pointer lists. A class
of such words, collected by kind of event from general German (injury and falls, damage,
loss and theft; each as verb, participle and noun), stands for the content's own nouns of
harm (ANCHORS: Unfall, Schaden, Verletzung) — where the message frames them as a matter of
a group or of who pays:

- the message asks what follows a harm ("Was ist, wenn …", "falls …") in a group's activity
  (GROUP words: Verein, Helfer, Einsatz, Fest, Aufbau, or a compound ending in one:
  "Stadtteilfest", "Pflanzaktion"); or
- it asks who pays, is liable or is covered (a practical word of `bot.matching.practical`,
  or a LIABLE verb: aufkommen, übernehmen, ersetzen) and names no private matter
  (content/smalltalk.yaml: "Krankenkasse", "Küche"): a fall at home is no question for the
  Wegweiser.

A harm told as a fact of a group, with no question of paying ("Das Vertrauen ist kaputt"),
is a figure of speech. Otherwise the words keep their ordinary reading (an accident at
home, a broken streetlight).
"""

from __future__ import annotations

import string
from collections.abc import Callable, Collection
from dataclasses import replace

from bot.matching.normalize import GERMAN, fold, sentences, stem, words
from bot.matching.terms import Term, Vocabulary

__all__ = ["ANCHORS", "GROUP", "HARM", "LIABLE", "HarmEvents"]

# Event words by kind, as people write them (infinitive, third person, participle, noun),
# umlauts spelled out (ue) as the matcher folds them; the first look knows both spellings.
HARM = (
    # injury and falls
    "verletzen verletzt Verletzung Verletzte verunglueckt verungluecken Sturz stuerzen stuerzt "
    "gestuerzt hinfallen hinfaellt hingefallen umfallen ausrutschen rutscht ausgerutscht "
    "ausgleiten ausgeglitten stolpern stolpert gestolpert brechen bricht gebrochen Bruch "
    "Knochenbruch Beinbruch Armbruch prellen geprellt Prellung verstauchen verstaucht "
    "Verstauchung verdrehen verdreht zerren Zerrung verbrennen verbrannt Verbrennung "
    "schneiden geschnitten Schnittwunde Wunde Platzwunde Gehirnerschuetterung bluten blutet "
    "Notaufnahme Krankenwagen Rettungswagen "
    # damage
    "beschaedigen beschaedigt Beschaedigung kaputt kaputtgemacht kaputtgegangen zerbrechen "
    "zerbricht zerbrochen zerkratzen zerkratzt zerspringen zersprungen zerstoeren zerstoert "
    "Zerstoerung demolieren demoliert umkippen umgekippt Delle Kratzer Bruchschaden "
    "Wasserschaden Brandschaden "
    # loss and theft
    "stehlen gestohlen klauen geklaut Diebstahl Einbruch verlieren verloren abhanden".split()
)
ANCHORS = ("Unfall", "Schaden", "Verletzung")
# Words of a group's activity; a compound ending in one counts too ("Sommerfest").
GROUP = (
    "Verein", "Initiative", "Ehrenamt", "ehrenamtlich", "Ehrenamtliche", "Helfer", "Helferin",
    "helfen", "freiwillig", "Freiwillige", "Einsatz", "Aktion", "Fest", "Feier",
    "Veranstaltung", "Gruppe", "Treff", "Training", "Projekt", "Aufbau", "Abbau", "Ausflug",
    "Zeltlager", "Teilnehmer", "Teilnehmerin", "Besucher", "Besucherin", "Gast", "Gaeste",
    "Mitglied", "Markt", "Flohmarkt", "Umzug", "Laternenumzug", "Sammlung",
)  # fmt: skip
GROUP_HEADS = ("fest", "aktion", "verein", "gruppe", "treff", "einsatz", "initiative", "markt")
# Verbs of paying for a harm that are no practical word of their own.
LIABLE = "aufkommen aufkommt uebernehmen uebernimmt ersetzen ersetzt erstatten erstattet geradestehen einspringen abgesichert absichern".split()  # noqa: E501
CONDITIONAL = frozenset({"wenn", "falls", "sollte", "sollten"})  # "Was ist, wenn …"
PUNCTUATION = string.punctuation + "„“”‚‘’«»–—…"
START = 6  # letters of a harm word a message's word must begin with to be looked at
PREFIX = 6  # a word beginning with a harm stem this long is of the class ("Verletzungen")
# A framed harm word says what the message is about however frequent ("bricht", "kaputt"),
# as a private word does (`bot.matching.terms.FOREIGN_INFO`): it counts as this specific.
HARM_INFO = 0.6
# A framed harm word stands for the harm nouns as a synonym does: enough to name what the
# question asks about (`bot.matching.practical.NAMES`).
SIMILARITY = 0.8
SENTENCES = 2  # a message of more sentences tells a story: its harm words are no question


def _stems(words: Collection[str]) -> frozenset[str]:
    return frozenset(stem(fold(w), "de") for w in words)


def _spellings(word: str) -> tuple[str, ...]:
    """A word lower-cased as written, with umlauts spelled out, and with them restored."""
    lower = word.lower()
    umlauts = lower.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü")
    return lower, fold(word), umlauts


class HarmEvents:
    """Links a message's harm words to the content's harm nouns, where the message frames
    them as a group's or a paying matter (German only)."""

    def __init__(
        self, vocabulary: Vocabulary, stems: Collection[str], practical: Callable[[Term], bool]
    ) -> None:
        """`stems`: the index's; `practical`: `PracticalWords.is_practical`."""
        german = vocabulary.lang == GERMAN
        self._harm = _stems(HARM)
        self._long: dict[str, tuple[str, ...]] = {}  # by their first PREFIX letters
        for found in sorted(s for s in self._harm if len(s) >= PREFIX):
            self._long[found[:PREFIX]] = (*self._long.get(found[:PREFIX], ()), found)
        self._group = _stems(GROUP)
        self._liable = _stems(LIABLE)
        self._anchors = tuple(s for s in _stems(ANCHORS) if german and s in stems)
        self._practical = practical
        self._vocabulary = vocabulary
        # a cheap first look: a word beginning as a harm word does, in any spelling
        self._starts = frozenset(form[:START] for w in HARM for form in _spellings(w))
        self._weight = HARM_INFO * max((vocabulary.idf(a) for a in self._anchors), default=0.0)

    def is_harm(self, token: str) -> bool:
        if token in self._harm:
            return True
        return token.startswith(self._long.get(token[:PREFIX], ()))  # one look-up

    def asked(self, terms: list[Term]) -> str | None:
        """The token of the first framed harm word (`__call__`'s terms): what a question
        that names no other predicate asks about ("Wer zahlt, wenn … stürzt?")."""
        if not self._anchors:
            return None
        mark = (self._anchors[0], SIMILARITY)
        return next((t.token for t in terms if mark in t.candidates), None)

    def _looks_harmed(self, text: str) -> bool:
        """A cheap first look (most messages tell of no harm): a word that begins as a harm
        word does, in any spelling."""
        starts = self._starts
        return any(raw.strip(PUNCTUATION)[:START] in starts for raw in text.lower().split())

    def _harm_terms(self, terms: list[Term], text: str) -> list[Term]:
        """The terms of the message's harm words: by the words themselves, as a rare one
        may be read as another ("geprellt" as a typo of "gestellt", "hinfällt" as "fällt")."""
        tokens = set()
        for word in words(text):
            if self.is_harm(stem(word)):
                tokens.add(stem(word))
                tokens.update(t.token for t in self._vocabulary.resolve(word))
        return [t for t in terms if not t.foreign and t.token in tokens] if tokens else []

    def _framed(self, terms: list[Term], harm: list[Term], text: str) -> bool:
        """True when the message asks who pays, is liable or covered and names no private
        matter; or asks what follows a harm ("Was ist, wenn …", "falls …") in a group's
        activity. A harm told as a fact of a group ("Unser Verein ist zerbrochen", "Das
        Vertrauen ist kaputt") is a figure of speech, no question for insurance."""
        others = [t for t in terms if t not in harm]
        raws = [raw.strip(PUNCTUATION) for raw in text.lower().split()]
        group = any(stem(fold(raw)) in self._group or raw.endswith(GROUP_HEADS) for raw in raws)
        if not group and any(t.foreign for t in others):
            return False
        if any(t.token in self._liable or self._practical(t) for t in others):
            return True
        return group and not CONDITIONAL.isdisjoint(raws)

    def __call__(self, terms: list[Term], text: str) -> list[Term]:
        """The terms, each harm word also standing for the ANCHORS when framed so; in a
        short message only (a long one tells of harm in passing, figuratively too)."""
        if not self._anchors or not self._looks_harmed(text):
            return terms
        if len(sentences(text)) > SENTENCES:
            return terms
        harm = self._harm_terms(terms, text)
        if not harm or not self._framed(terms, harm, text):
            return terms
        linked = tuple((anchor, SIMILARITY) for anchor in self._anchors)
        # a harm word keeps its own reading; one misread as another word loses that
        exact = {
            id(t): tuple(c for c in t.candidates if c[1] >= 1.0) if self.is_harm(t.token) else ()
            for t in harm
        }
        return [
            replace(
                t,
                weight=max(t.weight, self._weight),
                info=max(t.info, HARM_INFO),
                candidates=exact[id(t)] + linked,
                linked=not exact[id(t)],
            )
            if id(t) in exact
            else t
            for t in terms
        ]
