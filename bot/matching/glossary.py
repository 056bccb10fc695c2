"""Questions about a word ("Was heißt Empowerment?") answered from the glossary.

A small lookup that runs before the matcher: only when the whole question is such a frame
around a glossary term or alias does it answer; anything else goes to the matcher, so a
question like "Was bedeutet keine Beteiligung an Ohnmacht?" still finds its entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.content import GlossaryTerm
from bot.matching.normalize import fold

# Question frames, on folded text (ä → ae, ß → ss), around the term; longer ones first.
_FRAME = re.compile(
    r"^(?:was (?:ist eigentlich|ist mit|heisst eigentlich|bedeutet eigentlich|meinen sie mit"
    r"|versteht man unter|heisst|bedeutet|bedeuten|ist|sind|meint)"
    r"|wofuer steht|erklaere?n?(?: sie)?(?: mir)?|definition(?: von)?|begriff)"
    r"\s+(?P<term>.+?)(?:\s+(?:gemeint|eigentlich))?$"
)
# The same in English ("What does Kontextsteuerung mean?", "What is a Quartier?").
_FRAME_EN = re.compile(
    r"^(?:what (?:does|do) (?P<middle>.+?) (?:mean|stand for)"
    r"|(?:what is meant by|what is|what are|what's|meaning of|definition of|define"
    r"|explain)\s+(?P<term>.+?))$"
)
_ARTICLE = re.compile(r"^(?:der|die|das|ein|eine|einen|den|dem|the|a|an)\s+")
_QUOTES_AND_STOPS = "\"'„“”‚‘’»«?!.:, "


def _clean(text: str) -> str:
    return " ".join(fold(text).strip(_QUOTES_AND_STOPS).split())


def asked_term(text: str) -> str | None:
    """The word a "Was heißt …?" / "What does … mean?" question asks about, folded, or None."""
    cleaned = _clean(text)
    found = _FRAME.match(cleaned) or _FRAME_EN.match(cleaned)
    if not found:
        return None
    word = found.groupdict().get("middle") or found["term"]
    return _ARTICLE.sub("", word.strip(_QUOTES_AND_STOPS)).strip(_QUOTES_AND_STOPS)


def lookup(terms: Iterable[GlossaryTerm], text: str) -> GlossaryTerm | None:
    """The glossary term a question asks about, or None (then the matcher answers)."""
    word = asked_term(text)
    if not word:
        return None
    for term in terms:
        if word in {_clean(name) for name in (term.term, *term.aliases)}:
            return term
    return None
