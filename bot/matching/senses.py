"""Word senses that share a stem, told apart by their surface form before stemming.

"Steuer", "Steuern" and "steuerlich" (tax) stem like the verb "steuern" (to steer, a
workshop concept: "Kommunale Steuerung"). Stemmed alike, "Muss ich Steuern zahlen?" finds
the workshop's steering entries, and "Wie steuert die Kommune das?" counts as a tax
question. German tells them apart on the surface, and so does `tax_sense`:

- a noun is capitalised inside a sentence ("… muss ich Steuern zahlen"), a verb is not
  ("… die Beteiligung steuern"), in a text whose writer capitalises nouns at all;
- at the start of a sentence the next word decides: "Steuern Sie …", "Steuern wir …" is
  the verb, "Steuern beim Ehrenamt?" the noun;
- what goes with the noun: "Steuern zahlen / sparen / absetzen", "keine / welche / mit
  Steuern"; with the verb: "zu steuern"; "das Steuer" / "am Steuer" is the steering wheel;
- "Steuer" and "steuerlich" are always tax otherwise. Compounds ("Steuererklärung",
  "steuerfrei", "Umsatzsteuer") have stems of their own and need nothing.

The tax sense becomes the word TAX_WORD, which no verb shares; everything that reads words
(index, questions, synonyms, practical words) goes through `bot.matching.normalize.words`.

Three more pairs clash the same way, each between a Wegweiser topic or a practical class
word and an everyday word (`other_senses`, by the same surface rules):

- "Räume" (rooms, the Wegweiser on rooms) and the verb "räumen" (to clear: "wenn ich
  Schnee räume"): lower case inside a capitalising text, next to a pronoun or "zu" or at
  the end of a clause, is the verb, written "beseitigen";
- "Fest" (a party, the Wegweiser on events) and the adjective "fest" (fixed: "eine feste
  Anlaufstelle", "steht fest"): lower case inside a capitalising text is the adjective,
  written "dauerhaft" — unless an article or preposition comes right before it and no
  noun after it ("ein fest im Hof" is a party typed in lower case);
- "zahlen" (to pay, a practical class word) and the noun "Zahlen" (numbers: "gut mit
  Zahlen umgehen"): capitalised inside a sentence is the noun, written "Anzahl".

A text in lower case only (chat) keeps every word as it is: its writer tells nothing apart.
"""

from __future__ import annotations

import re

from bot.matching.closed import DEFINITE_ARTICLES, ENDINGS, SPELLED_OUT, SUBJECT_PRONOUNS

__all__ = ["TAX_WORD", "may_clash", "other_senses", "tax_sense"]

TAX_WORD = "fiskalsteuer"  # one word no compound splits and no verb form shares
_WORD = re.compile(r"[^\W\d_]+")
_FORMS = frozenset({"steuer", "steuern"} | {"steuerlich" + ending for ending in ENDINGS})
# Next words that make "Steuern" the noun: paying, saving, deducting, being due.
_NOUN_NEXT = frozenset(
    "zahlen bezahlen zahlt zahle zahlst nachzahlen sparen absetzen abfuehren abfuhren "
    "entrichten hinterziehen erheben erhoben abziehen anfallen faellig fallig an zurueck "
    "zuruck auf fuer fur".split()
)
# Words before it that make "Steuern" the noun: quantifiers, prepositions, possessives.
_NOUN_BEFORE = frozenset(
    "keine kein welche viele viel weniger mehr hohe hoehere hohere mit ohne bei beim fuer "
    "fur von vom auf an inkl zzgl plus wegen samt meine unsere seine ihre eure "
    "deine sonstige".split()
)
_VERB_BEFORE = frozenset({"zu"})
# Next words that make a sentence-initial "Steuern" the verb ("Steuern Sie über Ziele").
# (Not "des": "Steuern des Landes" is the noun.)
_PRONOUNS = (
    SUBJECT_PRONOUNS
    | (DEFINITE_ARTICLES - {"des"})
    | frozenset("uns euch diese dieser unsere".split())
)
_WHEEL_BEFORE = frozenset({"das", "am", "ans", "vom", "beim", "hinterm"})


def tax_sense(text: str) -> str:
    """The text with every tax-sense "Steuer(n)"/"steuerlich…" written as TAX_WORD."""
    spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    if not any(word.casefold() in _FORMS for _, _, word in spans):
        return text
    capitalises = any(w[0].isupper() for i, (_, _, w) in enumerate(spans) if i)
    parts: list[str] = []
    done = 0
    for index, (start, end, word) in enumerate(spans):
        lower = word.casefold()
        if lower not in _FORMS:
            continue
        before = _folded(spans[index - 1][2]) if index else ""
        after = _folded(spans[index + 1][2]) if index + 1 < len(spans) else ""
        starts = index == 0 or _sentence_ends(text[spans[index - 1][1] : start])
        if _is_tax(word, before, after, starts=starts, capitalises=capitalises):
            parts.extend((text[done:start], TAX_WORD))
            done = end
    return "".join((*parts, text[done:]))


def _folded(word: str) -> str:
    """A neighbour word as the matcher spells words: casefolded, umlauts spelled out (ü → ue)."""
    return word.casefold().translate(SPELLED_OUT)


def _sentence_ends(gap: str) -> bool:
    return any(mark in gap for mark in ".!?:;\n")


def _is_tax(word: str, before: str, after: str, *, starts: bool, capitalises: bool) -> bool:
    """Whether one "Steuer…" word is the tax (see the module docstring)."""
    lower = word.casefold()
    if lower.startswith("steuerlich"):
        return True
    if lower == "steuer":
        return before not in _WHEEL_BEFORE
    if before in _VERB_BEFORE:
        return False
    if after in _NOUN_NEXT or before in _NOUN_BEFORE:
        return True
    if starts:
        if after:
            return after not in _PRONOUNS
        return word[0].isupper()  # a keyword or a one-word message: nouns are capitalised
    return capitalises and word[0].isupper()


# `other_senses`: the clashing forms (folded, lower case) and the word each other sense
# is written as
_VERB_RAEUMEN = frozenset({"raeume", "raeumen"})  # the verb: "beseitigen"
_ADJECTIVE_FEST = frozenset({"fest"} | {"fest" + ending for ending in ENDINGS})  # "dauerhaft"
_NOUN_ZAHL = frozenset({"zahl", "zahlen"})  # the noun "numbers": "Anzahl"
CLEAR, FIXED, NUMBER = "beseitigen", "dauerhaft", "Anzahl"
# Words right before a lower-case "fest…" that make it the noun typed in lower case.
_NOUN_DETERMINERS = frozenset(
    "ein das dem des zum beim am vom im aufs fuers kein unser unserem unseres euer eurem "
    "ihr ihrem jedes dieses diesem".split()
)
_CLAUSE_END = ",.!?;:\n"
# One of the clashing forms as a whole word of a folded text: only then can `other_senses`
# rewrite anything (a cheap test before reading the text word by word).
_CLASHING = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(sorted(_VERB_RAEUMEN | _ADJECTIVE_FEST | _NOUN_ZAHL))
    + r")(?![^\W\d_])"
)


def may_clash(folded: str) -> bool:
    """False when `other_senses` leaves the text of this folded form (`normalize.fold`)
    unchanged: no clashing form ("räume", "fest…", "zahl(en)") is a word of it."""
    if "raeum" not in folded and "fest" not in folded and "zahl" not in folded:
        return False  # (three substring tests cost less than the search)
    return _CLASHING.search(folded) is not None


def other_senses(text: str) -> str:
    """The text with the other sense of "räumen", "fest" and "Zahlen" rewritten (see the
    module docstring); a text in lower case only is returned unchanged."""
    spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    if not any(w[0].isupper() for i, (_, _, w) in enumerate(spans) if i):
        return text  # lower case only: nothing to tell the senses apart by
    parts: list[str] = []
    done = 0
    for index, (start, end, word) in enumerate(spans):
        lower = _folded(word)
        if lower not in _VERB_RAEUMEN and lower not in _ADJECTIVE_FEST and lower not in _NOUN_ZAHL:
            continue
        if index == 0 or _sentence_ends(text[spans[index - 1][1] : start]):
            continue  # at a sentence start a capital says nothing
        before = _folded(spans[index - 1][2])
        nxt = spans[index + 1] if index + 1 < len(spans) else None
        ends_clause = nxt is None or any(c in text[end : nxt[0]] for c in _CLAUSE_END)
        capital_next = nxt is not None and not ends_clause and nxt[2][0].isupper()
        other = _other_sense(lower, word[0].isupper(), before, nxt, ends_clause, capital_next)
        if other:
            parts.extend((text[done:start], other))
            done = end
    return "".join((*parts, text[done:])) if parts else text


def _other_sense(
    lower: str,
    capital: bool,
    before: str,
    nxt: tuple[int, int, str] | None,
    ends_clause: bool,
    capital_next: bool,
) -> str | None:
    """The word one clashing form (inside a sentence) is written as, or None to keep it."""
    if lower in _NOUN_ZAHL:
        return NUMBER if capital else None
    if capital:
        return None  # "Räume", "Fest" inside a sentence: the nouns
    if lower in _VERB_RAEUMEN:
        after = nxt[2].casefold() if nxt else ""
        near_pronoun = before in _PRONOUNS or before in _VERB_BEFORE or after in _PRONOUNS
        return CLEAR if near_pronoun or ends_clause else None
    if before in _NOUN_DETERMINERS and not capital_next:
        return None  # "ein fest im Hof": the party in lower case
    return FIXED
