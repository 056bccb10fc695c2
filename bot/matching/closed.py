"""What German fixes once for all, for every module that reads German text: how umlauts
and ß are spelled without their keys, and the closed word classes (articles, pronouns,
possessives, prepositions, conjunctions) the request readers pass over or stop at.

Word classes are written folded (ü → ue), as `bot.matching.normalize.fold` spells words.
"""

from __future__ import annotations

__all__ = [
    "CHAT_ARTICLES",
    "CONTRACTIONS",
    "COORDINATORS",
    "DEFINITE_ARTICLES",
    "DEMONSTRATIVES",
    "ENDINGS",
    "FILLERS",
    "INDEFINITE_ARTICLES",
    "NEGATIVE_ARTICLES",
    "OBJECT_PRONOUNS",
    "OWN_POSSESSIVES",
    "PREPOSITIONS",
    "SPELLED_OUT",
    "SUBJECT_PRONOUNS",
    "SUBORDINATORS",
    "UMLAUTS",
    "inflected",
    "one_of",
]

# The umlauts and ß, spelled out as German writes them without those keys (Straße → Strasse).
UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
# ... as a translation table that keeps the case ("Ärger" → "Aerger"; ß has no one-letter
# capital in Python, "ß".upper() is "SS").
SPELLED_OUT = str.maketrans(
    UMLAUTS
    | {char.upper(): spelled.capitalize() for char, spelled in UMLAUTS.items() if char != "ß"}
)

# Inflection endings of articles, pronouns and adjectives ("mein", "meine", "meinem", …).
ENDINGS = ("", "e", "em", "en", "er", "es")
DEFINITE_ARTICLES = frozenset("der die das den dem des".split())
INDEFINITE_ARTICLES = frozenset("ein eine einem einen einer eines".split())
CHAT_ARTICLES = frozenset("ne nen nem ner".split())  # "'ne Frage", "nen Termin"
NEGATIVE_ARTICLES = frozenset("kein keine keinem keinen keiner".split())
DEMONSTRATIVES = frozenset("dies diese diesem diesen dieser dieses".split())
# The possessives of the writer and of a group they write from or to.
OWN_POSSESSIVES = ("mein", "unser", "euer")
SUBJECT_PRONOUNS = frozenset("ich du er sie es wir ihr man".split())
OBJECT_PRONOUNS = frozenset("mich mir dich dir uns euch".split())
PREPOSITIONS = frozenset(
    "ab als an auf aus bei bis durch fuer gegen in mit nach ohne seit ueber um unter von vor "
    "waehrend wegen zu".split()
)
CONTRACTIONS = frozenset("am ans beim im ins vom zum zur".split())  # preposition + article
# Conjunctions that open a clause of its own ("…, wenn …", "um … zu", "wofür …").
SUBORDINATORS = frozenset(
    "wenn weil damit dass ob um wie wo wobei sodass falls obwohl bevor nachdem womit "
    "wofuer".split()
)
COORDINATORS = frozenset("und oder aber sondern".split())
# Adverbs and particles around what a question asks for that say nothing about it.
FILLERS = frozenset(
    "also auch bereits bitte da dann denn dort eigentlich etwa genau gerade heute hier immer "
    "inzwischen irgendwie irgendwo jetzt mal nicht noch nun schon so sowas trotzdem "
    "ueberhaupt vielleicht wirklich zufaellig".split()
)


def inflected(stems: tuple[str, ...], endings: tuple[str, ...] = ENDINGS) -> frozenset[str]:
    """The forms of article-like stems: ("mein", "euer") → mein, meine, …, euer, eure, …
    (the e of "euer" drops before an ending)."""
    return frozenset(
        (stem.replace("euer", "eur") if ending else stem) + ending
        for stem in stems
        for ending in endings
    )


def one_of(words: frozenset[str]) -> str:
    """The words as alternatives of a regular expression, longest first: "dieses|dies|…"."""
    return "|".join(sorted(words, key=lambda word: (-len(word), word)))
