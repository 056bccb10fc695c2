"""What a (German) request asks for: a fact, or a judgement the workshop can answer.

The workshop's principles say how people work together; they answer questions of judgement
("Wie gehen wir damit um?", "Sollten wir …?", "Welche Formate eignen sich besser?"), not
questions for a fact: a time, an amount, a duration, a size, a name, or which ones of some
things ("Wann …?", "Wie viele …?", "Wie lange …?", "Welche Parteien …?", "Was verdient
…?"). `asks_fact` tells the latter by the interrogative the request opens with — a closed
class of words, so it holds for any topic. Asked with a modal or a judgement ("Welche
Formate sollten wir …?") it is a question of judgement (`judges`).
"Wer" and "wo" are left out: who does what and where to turn are the content's own topics
(roles, Anlaufstellen).

It is one signal of the confidence model (`bot.matching.decision`), not a verdict, and it
is judged against the ranked entries: "Welchen Nutzen hat ein Unternehmen …?" asks for the
very thing an entry is about (its title, questions or keywords name the `asked_noun`), so
it is no fact question; nor is one about an English loanword ("Welche KPIs …?"), which is
likely jargon for something the content knows.

Stronger than that signal: a request for a fact by what it asks for (`asks_for_fact`, at
any clause start) is never answered with a principle: the workshop says how to work
together, not when something opens, what it costs or where to get it ("Wann hat das
Bürgerbüro geöffnet?", "Wie hoch ist die Hundesteuer?"). Asked with a modal or a judgement
("Wann sollten wir extern moderieren lassen?") it is a question of judgement and goes on to
the matcher. Nor does a principle say which one of an everyday thing the content does not
know to take (`asks_elsewhere`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.matching.background import zipf
from bot.matching.closed import (
    CONTRACTIONS,
    COORDINATORS,
    DEFINITE_ARTICLES,
    DEMONSTRATIVES,
    FILLERS,
    INDEFINITE_ARTICLES,
    NEGATIVE_ARTICLES,
    OBJECT_PRONOUNS,
    OWN_POSSESSIVES,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    inflected,
)
from bot.matching.normalize import ENGLISH, fold, stem

_WORD = re.compile(r"[^\W_]+")
# Questions for a fact, by what they ask for (folded spelling, at a clause start): a time
# or date, a price or rate, a place to get or do something, a name, a difference between
# two things. ("Wie viele …", "Wie lange …" are left out: they as often ask how much
# participation or time a project needs.)
_FACT = re.compile(
    r"(?:^|[,;:]\s*)(?:und\s+|aber\s+|also\s+)?(?:"
    r"(?:ab\s+|bis\s+|seit\s+)?wann\b"
    r"|wie\s+spae?t\b|um\s+wie\s*viel\s+uhr|welche[rsn]?\s+(?:tag|datum|uhrzeit)\b"
    r"|wie\s+hei(?:ss|s)t\s+(?:der|die|das|unser|unsere)\b"
    r"|wer\s+(?:ist|war)\s+(?:eigentlich\s+|denn\s+)?(?:der|die)\s+[a-z]+\s+(?:von|in)\s"
    r"|(?:was\s+ist|wo(?:rin)?\s+liegt)\s+(?:denn\s+|eigentlich\s+)?der\s+unterschied\b"
    r"|wie\s+hoch\s+(?:ist|sind|wird|waere)\s+(?:die|der|das)\b"
    r"|was\s+(?:kostet|kosten)\b|wie\s+teuer\b"
    r"|wo\s+(?:bekomme|kriege|ist|sind|liegt|liegen)\b"
    r"|wo\s+(?:kann|koennte|finde)\s+(?:ich|man|wir)\b.*\b(?:kaufen|bestellen|mieten|leihen"
    r"|ausleihen|buchen|reparieren|abgeben|entsorgen|beantragen|abholen|parken)\b"
    r")"
)
# "Welche …", "was für …" and the next three words (the asked-for noun is among them).
_WHICH = re.compile(
    r"(?i:\b(?:welche[rsmn]?|was\s+f(?:ue|\u00fc)r(?:\s+eine?[rnms]?)?))"
    r"\s+((?:[^\W\d_]+\s+){0,2}[^\W\d_]+)"
)
# Words that make such a question one of judgement ("Wann sollten wir …", "Wie viel ist
# sinnvoll?"): modals, judgements, and asking about the right moment or measure.
_JUDGEMENT = re.compile(
    r"\b(?:soll|sollte|sollten|sollen|solltet|muss|muessen|muesste|muessten|darf|duerfen"
    r"|lohnt|lohnen|sinnvoll|angezeigt|angebracht|richtig|ratsam|noetig|notwendig|geeignet"
    r"|besser|am\s+besten|zeitpunkt|genug|zu\s+viel|zu\s+frueh|zu\s+spaet|braucht|brauchen"
    r"|realistisch|angemessen|merkt|merken|erkennt|erkennen|weiss|wissen)\b"
)

# The interrogatives of a fact (folded), at the start of the request, after an optional
# conjunction: time, amount, duration, frequency, size, age, price, name, selection.
_FACT_OPENING = re.compile(
    r"^\W*(?:und\s+|aber\s+|also\s+|dann\s+)?(?:"
    r"wann|wie\s+viel(?:e[nrms]?)?|wie\s+lange|wie\s+oft|wie\s+hoch|wie\s+teuer|wie\s+alt"
    r"|wie\s+gross|wie\s+weit|welche[rsmn]?|was\s+(?:kostet|kosten|verdient|verdienen)"
    r"|wie\s+hei(?:ss|s)t"
    r")\b"
)


def asks_fact(request: str) -> bool:
    """True when the request sentence opens with the interrogative of a fact and no word
    of judgement makes it a question of judgement."""
    folded = " ".join(fold(request).split())
    return bool(_FACT_OPENING.search(folded)) and not judges(folded)


def fact_asked(request: str) -> tuple[bool, str | None]:
    """Whether the request asks for a fact, and the stem of the noun it asks about
    ("Welche Parteien …?" → "partei"; None when it names none: "Wie lange dauert …?")."""
    if not asks_fact(request):
        return False, None
    noun = asked_noun(request)
    if noun and loanword(noun):
        return False, None  # "Welche KPIs …?": jargon, likely for something the content knows
    return True, stem(noun) if noun else None


# The speaker alone, in the request: "ich", "mich", "mir", "mein…" (folded).
_FIRST_PERSON = re.compile(r"\b(?:ich|mich|mir|mein(?:e[nmrs]?)?)\b")


_GROUP = re.compile(r"\b(?:wir|uns|unser\w*|euch|euer\w*|ihr)\b")
# Asking for advice on what one should do is what the workshop answers, also for oneself
# ("Warum sollte ich …?", "Wie verknüpfe ich das sinnvoll?").
_ADVICE = re.compile(r"\b(?:soll\w*|sinnvoll\w*|lohnt|lohnen|ratsam|klug)\b")


def asks_for_oneself(request: str) -> bool:
    """True when the request speaks of the writer alone ("Wie lerne ich …?", "Darf ich
    …?", "mein Chef …"), not of a group ("An wen wende ich mich, wenn wir …?") and not
    asking for advice ("Sollte ich …?"): the workshop speaks to groups working together,
    and a request about oneself is more often a private matter or a task of one's own."""
    folded = fold(request)
    return (
        bool(_FIRST_PERSON.search(folded))
        and not _GROUP.search(folded)
        and not _ADVICE.search(folded)
    )


def asks_advice(folded: str) -> bool:
    """True when a folded request asks what one should do ("Ab wann sollten die Bürger
    einbezogen werden?", "Lohnt es sich …?"): advice, however it is framed."""
    return _ADVICE.search(folded) is not None


def asks_elsewhere(request: str, knows: Callable[[str], bool]) -> bool:
    """True when a (German) request sentence asks for something no principle answers.

    That is a fact ("Wann hat das Bürgerbüro geöffnet?", `asks_for_fact`), or which one of
    an everyday German thing the content does not know (`knows` is false for the folded
    noun: "Welches Mikrofon eignet sich für den Saal?"). An unknown loanword ("Welche KPIs
    …", "Stakeholder") is no such sign: it is likely jargon for a word the content knows.
    """
    if asks_for_fact(request):
        return True
    noun = asked_noun(request)
    if noun is None or loanword(noun):
        return False
    return not knows(noun)


def loanword(word: str) -> bool:
    """True when a folded word is at least as common in English as in German ("kpis",
    "stakeholder"): in a German question likely jargon for something the content knows."""
    return zipf(word) <= zipf(word, ENGLISH)


def asked_noun(text: str) -> str | None:
    """The folded noun a "welche …?" / "was für …?" question asks about, if it has one.

    "Welches Mikrofon eignet sich …?" asks about "Mikrofon": a principle can only answer it
    when the content knows that word. Adjectives in between are skipped ("welche guten
    Formate"); in a text written all in lower case the first word after the interrogative
    counts."""
    found = _WHICH.search(text)
    if not found:
        return None
    following = found.group(1).split()
    lower_only = not any(w[:1].isupper() for w in _WORD.findall(text)[1:])
    for word in following:
        if lower_only or word[:1].isupper():
            return fold(word)
    return None


def asks_for_fact(text: str) -> bool:
    """True when the request sentence asks for a fact (a time, amount, price or place).

    Written for German; other languages never match."""
    folded = " ".join(fold(text).split())
    return bool(_FACT.search(folded)) and not judges(folded)


def judges(folded: str) -> bool:
    """True when a folded question holds a modal or a judgement ("sollten", "besser")."""
    return bool(_JUDGEMENT.search(folded))


# What a question asks about when it asks what something is or how it works: "Was ist ein
# Einwohnerantrag, und wie viele Unterschriften braucht man dafür?", "Was macht eine
# Freiwilligenagentur?", "Wie funktioniert ein Bürgerrat?". The head is the first noun of
# the clause after the verb, past pronouns, articles, adverbs and prepositional phrases.
# (Asked with "gibt es", "bekomme ich", "brauchen wir", the noun is as often a requirement
# of another topic — "Brauchen wir eine Genehmigung für Fotos?" — as the topic itself.)
_DEFINING = frozenset("ist sind bedeutet bedeuten heisst macht machen".split())  # after "was"
_WORKING = frozenset("funktioniert funktionieren".split())  # after "wie"
# The two openings at all (on the unfolded request; a cheap first test)
_ASKS_WHAT = re.compile(r"(?i)\b(?:was\s+(?:ist|sind|bedeute|hei|mach)|wie\s+funktionier)")
# Words passed over on the way to the head (folded): pronouns, articles, adverbs, particles.
_PASSED = (
    SUBJECT_PRONOUNS
    | OBJECT_PRONOUNS
    | INDEFINITE_ARTICLES
    | DEFINITE_ARTICLES
    | NEGATIVE_ARTICLES
    | DEMONSTRATIVES
    | inflected(OWN_POSSESSIVES)
    | FILLERS
)
_PREPOSITIONS = PREPOSITIONS | CONTRACTIONS
# Nouns that ask about a relation, a way or a kind of something else ("Was ist der
# Unterschied zwischen …", "Gibt es eine Möglichkeit, …"): the question is about that else.
_RELATIONAL = frozenset(
    """unterschied unterschiede moeglichkeit moeglichkeiten frage fragen sache problem
    probleme thema art arten weg wege regel regeln voraussetzung voraussetzungen
    grenze grenzen alternative alternativen chance chancen unterstuetzung hilfe
    ansprechpartner ansprechpartnerin stelle stellen infos informationen tipps""".split()
)
_CLAUSE_END = SUBORDINATORS | COORDINATORS
_HEAD_WORD = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W\d_][^\W_]*)*|[,;:!?.–—-]")


def _head_verb(folded: list[str], at: int) -> bool:
    """True when the word at `at` asks what the noun after it is or how it works."""
    before = folded[at - 1] if at > 0 else ""
    word = folded[at]
    return (before == "was" and word in _DEFINING) or (before == "wie" and word in _WORKING)


def asked_head(request: str) -> str | None:
    """The folded noun a request asks to be defined or explained (`_DEFINING`, `_WORKING`):
    "einwohnerantrag" in "Was ist ein Einwohnerantrag, und wie viele …?"; None when it
    asks about none that way, or only about a relation ("Was ist der Unterschied …")."""
    if not _ASKS_WHAT.search(request):
        return None  # most requests: no such question, read no further
    tokens = _HEAD_WORD.findall(request)
    folded = [fold(token) for token in tokens]
    verb = next((i for i, word in enumerate(folded) if _head_verb(folded, i)), None)
    if verb is None:
        return None
    lower_only = request == request.lower()
    in_phrase = False  # inside a prepositional phrase: its noun is not the head
    for token, word in zip(tokens[verb + 1 :], folded[verb + 1 :], strict=True):
        if not word[0].isalpha() or word in _CLAUSE_END:
            return None
        if word in _PREPOSITIONS:
            in_phrase = True
        elif word in _PASSED or not (lower_only or token[0].isupper()):
            continue  # a pronoun, article or adverb, or an adjective before the noun
        elif in_phrase:
            in_phrase = False
        else:
            return None if word in _RELATIONAL else word
    return None
