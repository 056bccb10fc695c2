"""How a practical question asks, whatever it is about (`bot.matching.practical` uses the
answers): "Dürfen wir …", "Wie viel …", "Bis wann …", "Wer haftet …", "Ist das versichert?".

These are function words the matcher drops as stop words, so they are read from the request
sentence itself, folded (ü → ue) so both spellings are one.
"""

from __future__ import annotations

import re

from bot.matching.asking import asks_advice
from bot.matching.closed import (
    DEFINITE_ARTICLES,
    INDEFINITE_ARTICLES,
    OWN_POSSESSIVES,
    SUBJECT_PRONOUNS,
    inflected,
    one_of,
)
from bot.matching.normalize import fold

__all__ = ["FRAME", "RULE_FRAME", "asked_predicate", "asks_for_rule", "asks_practically"]

# How a practical question asks, whatever it is about: may I, must we, how much, until when,
# who pays or is liable, is it allowed / insured / tax-free. These are function words (the
# matcher drops "darf", "muss", "wer" as stop words), so they are read from the request
# sentence itself. Workshop questions ask "how do we …"; their own example questions use
# such a frame about one in thirty times, practical questions about one in three.
_MODAL = r"(?:darf|darfst|duerfen|durfen|duerft|durft|muss|musst|muessen|mussen|muesst)"
_PERSON = r"(?:ich|wir|man|du|ihr)"
# "Müssen Anwohner zahlen …", "Dürfen Ehrenamtliche …": a modal first and a bare noun as
# its subject (no article, no pronoun) asks what a rule says of everyone of a kind — a
# legal question; "Muss die Kommune …" (the Kommune's role) stays a workshop question.
_BARE = rf"""(?!(?:{one_of(DEFINITE_ARTICLES | INDEFINITE_ARTICLES | SUBJECT_PRONOUNS)}
    |unser\w*|mein\w*|euer|eure\w*|dies\w*|jede\w*|alle\w*|auch|denn|nicht)\b)[a-z]\w+"""
# ... and where someone else (a child, a neighbour) turns: "Wo kann sie das vorbringen?"
_WHERE_WHO = r"(?:ich|man|wir|sie|er|mein\w*|unser\w*)"
# "Darf unser Verein …", "Muss meine Initiative …": the writer's own group (not "Muss die
# Kommune …", which asks about the Kommune's role, a workshop topic)
_OWN = rf"(?:{one_of(inflected(OWN_POSSESSIVES, ('', 'e', 'em', 'en')))})"
# What a yes/no question asks of its subject: allowed, insured, tax-free, obligatory, free
# of charge, legal, liable. "Ist das erlaubt?" or, the predicate last however long the
# subject: "Sind die Helfer bei unserem Aufräumtag im Park versichert?".
_PREDICATE = r"""(?:erlaubt|verboten|zulaessig|zulassig|\w*versichert|steuerfrei|absetzbar
    |pflicht|\w*pflichtig|kostenlos|gebuehrenfrei|legal|illegal|rechtens|haftbar)"""
# Of these, the frames that ask for a rule, an amount, a date or an address — not "Dürfen
# wir …", "Muss man …", which workshop questions use too ("Dürfen wir den Kreis auflösen?").
_RULE = rf"""\bwie\s+viele?\b|\bwie\s+hoch\b|\bbis\s+zu\s+welche[mnrs]?\b  # amount
    |\bbis\s+wann\b|\bab\s+wann\b|\bab\s+welche[mnrs]?\b  # deadline, threshold
    |\bwie\s+lange\s+(?:ist|sind|gilt|gelten|dauert|laeuft|lauft)\b  # validity
    |\bwer\s+(?:zahlt|bezahlt|haftet|kommt|traegt|tragt|uebernimmt|ubernimmt)\b  # who pays
    |\bwo\s+(?:kann|finde|bekomme|melde|beantrage|fange|muss)\s+{_PERSON}\b  # where to
    |\b(?:ist|sind|bin|bist)\s+(?:\w+\s+){{0,3}}?{_PREDICATE}\b  # is it allowed / insured
    |^\W*(?:ist|sind|bin|bist)\b[^.?!]*\b{_PREDICATE}\W*$  # ... with the predicate last"""
FRAME = re.compile(  # on the folded request (ü → ue), so both spellings are one
    rf"""\b{_MODAL}\s+{_PERSON}\b|\b{_PERSON}\s+{_MODAL}\b  # permission, obligation
    |\b{_MODAL}\s+{_OWN}\b|\bbraucht\s+man\b  # ... of one's own group; requirement
    |{_RULE}""",
    re.VERBOSE,
)
# ... and two more that ask for a rule or an address but add no practical share (with it,
# pointers were offered to questions about neither): a modal first with a bare noun as its
# subject, and where someone else turns.
RULE_FRAME = re.compile(
    rf"""{_RULE}
    |^\W*{_MODAL}\s+{_BARE}\b  # a rule of everyone of a kind
    |\bwo\s+(?:kann|finde|bekomme|melde|beantrage|fange|muss)\s+{_WHERE_WHO}\b""",
    re.VERBOSE,
)
_ASKED = re.compile(rf"\b{_PREDICATE}\b", re.VERBOSE)


def asks_practically(request: str) -> bool:
    """True when the request sentence asks the way practical questions ask (`FRAME`):
    "Dürfen wir …", "Wie viel …", "Bis wann …", "Wer haftet …", "Ist das versichert?"."""
    return FRAME.search(fold(request)) is not None


def asks_for_rule(request: str) -> bool:
    """True when the request asks for a rule, an amount, a date or an address (`RULE_FRAME`:
    "Müssen Anwohner zahlen …", "Bis wann …", "Wo kann sie das vorbringen?"), the frames
    of `FRAME` that the workshop's own questions do not use."""
    folded = fold(request)
    return RULE_FRAME.search(folded) is not None and not asks_advice(folded)


def asked_predicate(request: str) -> str | None:
    """The predicate a practical yes/no question asks of its subject, folded ("versichert"
    in "Sind Vorstandsmitglieder eines Vereins automatisch unfallversichert?"); None when
    the request asks no such question."""
    folded = fold(request)
    match = _ASKED.search(folded)  # rare: most requests end here
    return match.group() if match and FRAME.search(folded) else None
