"""The thing a (German) request asks for when it asks whether something exists, where to
get it or which one: "Gibt es in der Stadt eine Beratung für pflegende Angehörige?" asks
for a "Beratung für pflegende Angehörige", "Wo finde ich die Vorhabenliste der Stadt?" for
the "Vorhabenliste der Stadt", "Welche Parteien sitzen im Stadtrat?" for "Parteien".

A principle that explains the message's other words but not that thing is not the answer
(`bot.matching.gate.PrincipleGate.misses_thing`): the workshop says how people work together,
and a question for a thing of a kind it never names ("pflegende Angehörige") asks for an
address or a service, however many of its other words the content knows ("Beratung").
The frames and the words around the thing are closed classes of German (prepositions,
determiners, nouns that ask for a way or information; `bot.matching.closed`), so the reading
holds for any topic.
"""

from __future__ import annotations

import re

from bot.matching.asking import judges, loanword
from bot.matching.background import informativeness
from bot.matching.closed import (
    CHAT_ARTICLES,
    CONTRACTIONS,
    DEFINITE_ARTICLES,
    FILLERS,
    INDEFINITE_ARTICLES,
    NEGATIVE_ARTICLES,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    SPELLED_OUT,
    SUBORDINATORS,
    one_of,
)
from bot.matching.normalize import fold, stem

__all__ = ["asked_thing"]

# Frames that ask whether a thing exists or where to get it; the thing follows (or, in
# "… ob es … gibt", stands between): "Gibt es in der Stadt eine Beratung für …?",
# "Wo finde ich …?", "Wo kann man … bekommen?". Case is kept: the head is the first noun.
# A direct question opens with its frame (after "und", "also", a greeting); "Bei uns gibt es
# zwei Treffs …" says what there is, it does not ask.
_OPENING = r"^\W*(?:(?:und|also|aber|hallo|hi|hey|moin|kurze\s+frage)\W+)?"
# "Welche Parteien sitzen im Stadtrat?", "Was für eine App …": which one of a thing — the
# noun alone (what follows is the verb); not after a preposition ("In welchem Stadium …",
# "Mit welcher Federführung …" ask for a circumstance of what follows), not asked with a
# modal or a judgement ("Welche Formate eignen sich besser?", `judges`), nor of an English
# loanword ("Welche KPIs …?", likely jargon for something the content knows).
_WHICH = re.compile(
    rf"{_OPENING}(?:welche[rsmn]?|was\s+fuer(?:\s+eine?[rnms]?)?)\b(?P<rest>[^?.!]*)",
    re.IGNORECASE,
)
EVERYDAY_NOUN = 0.6  # ... of an everyday noun at most this specific (Partei 0.34, Sprache 0.27)
_THING_FRAMES = (
    re.compile(rf"{_OPENING}(?:wo\s+)?gibt(?:\s+es|'?s)\b(?P<rest>[^?.!]*)", re.IGNORECASE),
    re.compile(r"\bob\s+es\b(?P<rest>[^?.!]*?)\bgibt\b", re.IGNORECASE),
    re.compile(
        rf"{_OPENING}wo\s+(?:finde|findet|finden|bekomme|bekommt|bekommen|kriege|kriegt|kriegen"
        r"|erhalte|erhaelt|erhalten)\s+(?:ich|man|wir)\b(?P<rest>[^?.!]*)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"{_OPENING}wo\s+(?:kann|koennen|koennte)\s+(?:ich|man|wir)\b(?P<rest>[^?.!]*?)"
        r"\b(?:finden|bekommen|kriegen|erhalten|holen|abholen)\b",
        re.IGNORECASE,
    ),
)
# Words before the thing that are not it: where and when ("in der Stadt", "bei uns", "hier");
# a pronoun ends such a phrase with no noun ("bei uns"); a clause of its own (`SUBORDINATORS`:
# "wenn …", "um …") ends the thing's phrase.
_PREPOSITIONS = PREPOSITIONS | CONTRACTIONS
_ARTICLES = INDEFINITE_ARTICLES | CHAT_ARTICLES | NEGATIVE_ARTICLES | DEFINITE_ARTICLES
_DETERMINERS = re.compile(
    rf"(?:{one_of(_ARTICLES)}|irgendein\w*|unser\w*|mein\w*|euer|eure\w*|dies\w*|solch\w*"
    r"|welch\w*)$"
)
# Nouns that ask for a way, a means, a reason or information about what follows them, or
# for what one thing is to another (benefit, role, difference) — closed classes of German:
# "Gibt es eine gute Methode, um …", "Wo finde ich Tipps, wie …", "Welchen Nutzen haben
# Firmen von …" ask about what follows, which the whole message's fit judges.
_LIGHT_NOUNS = frozenset(
    stem(fold(word))
    for word in (
        "Weg Wege Moeglichkeit Moeglichkeiten Methode Methoden Tipp Tipps Hinweis Hinweise Idee "
        "Ideen Rat Ratschlag Ratschlaege Empfehlung Empfehlungen Beispiel Beispiele Ansatz "
        "Ansaetze Strategie Strategien Trick Tricks Grund Gruende Anleitung Anleitungen "
        "Leitfaden Checkliste Info Infos Information Informationen Loesung Loesungen Vorschlag "
        "Vorschlaege Mittel Erfahrung Erfahrungen Argument Argumente Regel Regeln Hilfe "
        "Hilfestellung Unterstuetzung Antwort Antworten Material Materialien Literatur Quelle "
        "Quellen etwas was irgendwas "
        # ... and what one thing is to another: "Welchen Nutzen haben Firmen von …?"
        "Rolle Rollen Nutzen Vorteil Vorteile Nachteil Nachteile Sinn Bedeutung Wirkung "
        "Folgen Unterschied Unterschiede Zweck Chance Chancen Risiko Risiken Herausforderung "
        "Herausforderungen"
    ).split()
)
_TOKEN = re.compile(r"[^\W\d_][\w'-]*|[,;:–()]")
HEAD_WORDS = 8  # a thing's phrase is read up to this many words


def asked_thing(request: str) -> str | None:
    """The phrase naming the thing a request asks for when it asks whether it exists or where
    to get it, or the everyday noun of a "Welche …?" (`_WHICH`), umlauts spelled out: "Gibt
    es in der Stadt eine Beratung für pflegende Angehörige?" → "Beratung fuer pflegende
    Angehoerige". None for other requests, and when the thing is a way, a means or
    information about what follows ("Gibt es eine gute Methode, um …": `_LIGHT_NOUNS`) or
    no noun at all ("Gibt es etwas, das …")."""
    spelled = _spelled_out(request)
    for frame in _THING_FRAMES:
        found = frame.search(spelled)
        if found:
            return _thing_phrase(_TOKEN.findall(found.group("rest")), request.islower())
    found = _WHICH.search(spelled)
    if found is None or judges(fold(spelled)):
        return None
    noun = _thing_phrase(_TOKEN.findall(found.group("rest")), request.islower(), alone=True)
    if noun is None or loanword(fold(noun)) or informativeness(fold(noun)) > EVERYDAY_NOUN:
        return None  # "Welche KPIs …", "Welche Governance-Strukturen …": likely jargon
    return noun


def _spelled_out(text: str) -> str:
    """The text with umlauts and ß spelled out, case kept ("Können" → "Koennen"): the
    frames are written so, and the head is told by its capital."""
    return text.translate(SPELLED_OUT) if not text.isascii() else text


def _thing_phrase(tokens: list[str], lower: bool, alone: bool = False) -> str | None:
    """The thing's phrase of the words after an asking frame (see `asked_thing`); after a
    light noun, what it is about ("Hilfe für Familien" → "für Familien"), if a phrase;
    `alone`: the head noun only ("Welche Parteien sitzen …" → "Parteien")."""
    phrase: list[str] = []
    head: str | None = None
    skipping = False  # inside a leading "in der Stadt", "bei uns"
    previous = ""
    for token in tokens:
        folded = fold(token)
        if folded == "wie" and previous == "sowas":
            previous = folded
            continue  # "sowas wie ein Jugendparlament"
        previous = folded
        if not token[0].isalpha() or folded in SUBORDINATORS or len(phrase) >= HEAD_WORDS:
            break
        if head is None:
            if folded in _PREPOSITIONS:
                skipping = True
                continue
            if folded in OBJECT_PRONOUNS:
                skipping = False
                continue
            if folded in FILLERS or _DETERMINERS.match(folded):
                continue
            is_noun = token[0].isupper() or lower
            if skipping:
                skipping = not is_noun  # the adverbial ends with its noun
                continue
            if not is_noun:
                continue  # an adjective before the noun ("eine gute Methode")
            head = folded
            if stem(head) in _LIGHT_NOUNS:
                if alone:
                    return None
                continue
        phrase.append(token)
        if alone:
            break
    return " ".join(phrase) if head is not None and phrase else None
