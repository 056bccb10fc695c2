"""Which sentences of a message ask, and how much the others count.

A long message introduces itself ("Ich bin seit drei Jahren Sprecherin einer
Mieterinitiative …") before it asks; the request counts fully, the introduction at
INTRO_WEIGHT — unless the request holds no specific word itself ("Wie gehen wir damit um?",
REQUEST_MASS): then the introduction carries the topic.

The request is every question of the message ("Wie finden wir Helfer? Und wie halten wir
sie?" asks twice). A question ends with "?"; in a message without any "?" (chat style) a
sentence asks when it is built like a question: it opens with an interrogative ("wie
kriegen wir mehr leute") or with a finite verb ("Gibt es …", "Sollten wir …"), or says
that it asks ("Ich frage mich, ob …"). A message without a question asks in its last
sentence. Letter formulas are no request: a greeting or sign-off ("Vielen Dank im Voraus!",
"Viele Grüße, Petra") is left out, so it neither takes the request's place nor adds
unexplained words (a name) or a longer message's weight to the ranking.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from bot.matching.closed import PREPOSITIONS
from bot.matching.english import ENGLISH_STOP_WORDS
from bot.matching.normalize import ENGLISH, GERMAN, STOP_WORDS, fold, sentences

INTRO_WEIGHT = 0.5  # the introduction is context: it counts, but half as much as the request
# ... unless the request says little itself ("Wie geht man damit um?"): below this specific
# mass (informativeness summed over its words) the introduction counts more, up to fully.
REQUEST_MASS = 1.0
# A sentence is a letter formula when it holds a formula word and at most this many other
# words (stop words aside): "Danke und liebe Grüße aus Hattingen", "Viele Grüße, Petra Schulte".
FORMULA_OTHERS = 2

_WORD = re.compile(r"[^\W\d_]+")

# Grammar, not topic: the words a question opens with, per language (folded spelling).
_INTERROGATIVES = {
    GERMAN: frozenset(
        """wie was wer wen wem wessen wo wann warum weshalb wieso weswegen welche welcher
        welches welchem welchen woran worauf womit wozu wofuer wodurch wovon worueber
        worum wohin woher worin wobei wonach woraus wovor worunter wogegen inwiefern
        inwieweit ob""".split()
    ),
    ENGLISH: frozenset("how what who whom whose where when why which whether".split()),
}
# Finite verbs a yes/no question opens with, followed by its subject ("Gibt es …", "Sollten
# wir …", "Kennt jemand …"); a chat sentence without subject is none ("Haben schon alles
# versucht").
_VERB_FIRST = {
    GERMAN: frozenset(
        """kann kannst koennen koennt koennte koennten soll sollte sollten sollen solltet
        muss muessen muesste muessten darf duerfen duerfte duerften gibt ist sind war
        waere waeren hat haben habt haette haetten wird werden wuerde wuerden lohnt lohnen
        macht machen bringt bringen braucht brauchen hilft helfen geht gehen reicht kennt
        kennen weiss wisst sieht sehen funktioniert funktionieren passt klappt stimmt
        gilt gelten kommt kommen laeuft gehoert gehoeren spricht sprechen""".split()
    ),
    ENGLISH: frozenset(
        """do does did can could should would will is are was were have has had may might
        must shall""".split()
    ),
}
_SUBJECTS = {
    GERMAN: frozenset(
        """es man wir ich du ihr sie jemand das dies der die den dem sich ein eine einer
        unser unsere mein meine irgendwer solche solcher solches diese dieser dieses jede
        jeder alle so""".split()
    ),
    ENGLISH: frozenset(
        "there we i you it they he she this that the a an our my anyone someone one".split()
    ),
}
# An interrogative after a preposition still opens a question ("Über wen …", "Mit welchen …").
_PREPOSITIONS = {
    GERMAN: PREPOSITIONS,
    ENGLISH: frozenset("with for at to from in on by about".split()),
}
# The salutation a message may open with, up to its comma ("Hallo zusammen, …").
_SALUTATION = re.compile(r"([^,]{2,40}),\s*(\S.*)", re.DOTALL)
# A question may follow a statement in the same sentence, after a dash or colon ("Ich halte
# das für Scheinbeteiligung – wie sehen Sie das?").
_CLAUSES = re.compile(r"\s[-–—]\s|[:;]\s")
# "Wie jedes Jahr …", "Wie besprochen …": a comparison, not a question.
_COMPARING = frozenset(
    """jedes jeden jede jeder immer schon bereits gesagt besprochen erwaehnt beschrieben
    angekuendigt vereinbart gewohnt ueblich in im bei beim auch oben unten versprochen
    geplant erwartet gedacht""".split()
)
# A relative clause opens with an interrogative too ("Wer mitmachen will, kann …", "Ob das
# klappt, wissen wir nicht"): a comma and then a finite verb.
_CLAUSE_THEN_VERB = re.compile(r",\s*([^\W\d_]+)")
# A sentence that says it asks: "Ich frage mich, ob …", "Mich würde interessieren, wie …".
_ASKS = {
    GERMAN: re.compile(
        r"\b(?:frage mich|wuesste gern|wuessten gern|wuerde gerne? wissen"
        r"|wuerden gerne? wissen|interessiert mich|wuerde mich interessieren|bitte um rat"
        r"|suche rat|suchen rat)\b"
    ),
    ENGLISH: re.compile(r"\b(?:i wonder|we wonder|i would like to know|please advise)\b"),
}
# Greeting and sign-off formulas of letters and e-mails (folded spelling): words that, in the
# first or last sentences of a message, mark a formula rather than a topic.
_FORMULA = {
    GERMAN: frozenset(
        """hallo moin servus gruess gruss gruesse gruessen gruesst lg vg mfg glg dank danke
        dankeschoen vielmals voraus bedanke geehrte geehrter geehrten""".split()
    ),
    ENGLISH: frozenset(
        """hi hello dear thanks thank cheers regards sincerely advance""".split()
    ),
}
# Words that go with a formula without making one ("Viele Grüße", "Mit freundlichen Grüßen").
_COMPANIONS = {
    GERMAN: frozenset(
        """viele vielen liebe lieben beste besten herzliche herzlichen herzlich freundliche
        freundlichen schoene schoenen sonnige sonnigen damen herren zusammen""".split()
    ),
    ENGLISH: frozenset("best kind warm many all".split()),
}
_FORMULA_PHRASE = {
    GERMAN: re.compile(r"\b(?:freue mich auf|freuen uns auf)\b"),
    ENGLISH: re.compile(r"\b(?:look forward to|looking forward to)\b"),
}
_FUNCTION_WORDS = {GERMAN: STOP_WORDS, ENGLISH: ENGLISH_STOP_WORDS}


def request_weighted(
    text: str, mass: Callable[[str], float] | None = None, lang: str = GERMAN
) -> list[tuple[str, float]]:
    """The message's sentences with weights: the request fully, the introduction less.

    The request is every question (see the module docstring), else the last sentence; a
    greeting or sign-off is never the request and is left out. With `mass` (a
    sentence's specific mass), a request that says little of its own ("Wie geht man mit so
    einer Situation um?") leaves the topic to the introduction: it counts more, fully when
    the request holds no specific word at all.
    """
    parts, formula, asking = _structure(text, lang)
    if len(parts) <= 1:
        return [(text, 1.0)]
    intro = INTRO_WEIGHT
    if mass is not None:
        said = min(1.0, sum(mass(parts[i]) for i in asking) / REQUEST_MASS)
        intro = INTRO_WEIGHT + (1.0 - INTRO_WEIGHT) * (1.0 - said)
    return [
        (part, 1.0 if i in asking else intro)
        for i, part in enumerate(parts)
        if not formula[i]
    ]


def request_sentence(text: str, lang: str = GERMAN) -> str:
    """The sentence of the message that asks: its last question, else its last sentence
    (letter formulas passed over; see `request_weighted`)."""
    parts, _, asking = _structure(text, lang)
    return parts[max(asking)] if len(parts) > 1 else text


@lru_cache(maxsize=4096)
def _structure(
    text: str, lang: str
) -> tuple[tuple[str, ...], tuple[bool, ...], frozenset[int]]:
    """The sentences, which are letter formulas, which ask (search reads them twice); a
    salutation before the first comma is no part of the first sentence ("Hallo zusammen,
    ich leite …")."""
    parts = sentences(text)
    if len(parts) <= 1:
        return tuple(parts), (False,) * len(parts), frozenset(range(len(parts)))
    salutation = _SALUTATION.match(parts[0])
    if salutation and _formula(salutation.group(1), lang):
        parts[0] = salutation.group(2)
    formula = _formulas(parts, lang)
    return tuple(parts), tuple(formula), frozenset(_requests(parts, formula, lang))


def _requests(parts: list[str], formula: Sequence[bool], lang: str) -> set[int]:
    """The indexes of the sentences that ask (at least one)."""
    marked = [i for i, part in enumerate(parts) if "?" in part]
    if not marked:
        marked = [i for i, part in enumerate(parts) if not formula[i] and asks(part, lang)]
    if marked:
        return set(marked)
    said = [i for i in range(len(parts)) if not formula[i]]
    return {said[-1] if said else len(parts) - 1}


def asks(sentence: str, lang: str = GERMAN) -> bool:
    """True when a sentence is built like a question, with or without "?": it (or a clause
    after a dash or colon) opens with an interrogative, also after a preposition ("Über wen
    …"), or with a finite verb and its subject ("Sieht die Stadt …", not "Haben schon alles
    versucht"), or it says it asks ("Ich frage mich, ob …")."""
    if "?" in sentence:
        return True
    language = lang if lang in _INTERROGATIVES else GERMAN
    folded = fold(sentence)
    if any(_opens_question(clause, language) for clause in _CLAUSES.split(folded)):
        return True
    return bool(_ASKS[language].search(" ".join(_WORD.findall(folded))))


def _opens_question(clause: str, lang: str) -> bool:
    """True when a folded clause opens the way a question does (see `asks`)."""
    found = _WORD.findall(clause)
    if len(found) > 1 and found[0] in _PREPOSITIONS[lang] and found[1] in _INTERROGATIVES[lang]:
        found = found[1:]
    if not found:
        return False
    first, second = found[0], found[1] if len(found) > 1 else ""
    if first in _INTERROGATIVES[lang]:
        after = _CLAUSE_THEN_VERB.search(clause)
        relative = after is not None and after.group(1) in _VERB_FIRST[lang]
        return not relative and not (first == "wie" and second in _COMPARING)
    return first in _VERB_FIRST[lang] and (
        second in _SUBJECTS[lang] or (second != "" and second not in _FUNCTION_WORDS[lang])
    )


def _formulas(parts: list[str], lang: str) -> list[bool]:
    """For each sentence, whether it belongs to a greeting or sign-off: letter formulas
    leading or closing the message ("Hallo zusammen,", "Vielen Dank im Voraus!", "Viele
    Grüße, Petra Schulte"), with the short lines of a signature after them ("Mit
    freundlichen Grüßen" / "Petra Schulte")."""
    flags = [_formula(part, lang) for part in parts]
    result = [False] * len(parts)
    start = 0
    while start < len(parts) - 1 and flags[start]:
        result[start] = True
        start += 1
    end, signed = len(parts), len(parts)
    while end > start + 1 and (flags[end - 1] or _short(parts[end - 1], lang)):
        end -= 1
        if flags[end]:
            signed = end  # the closing formulas reach this far back
    for index in range(signed, len(parts)):
        result[index] = True
    return result


def _short(sentence: str, lang: str) -> bool:
    """A line of a signature: a name or two, no question."""
    language = lang if lang in _FORMULA else GERMAN
    found = _WORD.findall(fold(sentence))
    return "?" not in sentence and 0 < len(found) <= FORMULA_OTHERS and not any(
        w in _FUNCTION_WORDS[language] for w in found
    )


def _formula(sentence: str, lang: str) -> bool:
    """True for a sentence built like a letter formula: no question, a formula word and
    hardly anything else (FORMULA_OTHERS)."""
    if "?" in sentence:
        return False
    language = lang if lang in _FORMULA else GERMAN
    folded = fold(sentence)
    found = _WORD.findall(folded)
    formulas = _FORMULA[language]
    if not any(w in formulas for w in found) and not _FORMULA_PHRASE[language].search(
        " ".join(found)
    ):
        return False
    known = formulas | _COMPANIONS[language] | _FUNCTION_WORDS[language]
    return sum(w not in known for w in found) <= FORMULA_OTHERS
