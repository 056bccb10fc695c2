"""What a (German) request asks for: a fact, or a judgement the workshop can answer.

The workshop's principles say how people work together; they answer questions of judgement
("Wie gehen wir damit um?", "Sollten wir …?", "Welche Formate eignen sich besser?"), not
questions for a fact: a time, an amount, a duration, a size, a name, or which ones of some
things ("Wann …?", "Wie viele …?", "Wie lange …?", "Welche Parteien …?", "Was verdient
…?"). `asks_fact` tells the latter by the interrogative the request opens with — a closed
class of words, so it holds for any topic. Asked with a modal or a judgement ("Welche
Formate sollten wir …?") it is a question of judgement (`bot.matching.smalltalk.judges`).
"Wer" and "wo" are left out: who does what and where to turn are the content's own topics
(roles, Anlaufstellen).

It is one signal of the confidence model (`bot.matching.decision`), not a verdict, and it
is judged against the ranked entries: "Welchen Nutzen hat ein Unternehmen …?" asks for the
very thing an entry is about (its title, questions or keywords name the `asked_noun`), so
it is no fact question; nor is one about an English loanword ("Welche KPIs …?"), which is
likely jargon for something the content knows.
"""

from __future__ import annotations

import re

from bot.matching.normalize import fold, stem
from bot.matching.smalltalk import asked_noun, judges, loanword

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
