"""Which sentence of a message asks, and how much the others count.

A long message introduces itself ("Ich bin seit drei Jahren Sprecherin einer
Mieterinitiative …") before it asks; the request (the last question, else the last sentence)
counts fully, the introduction at INTRO_WEIGHT — unless the request holds no specific word
itself ("Wie gehen wir damit um?", REQUEST_MASS): then the introduction carries the topic.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.matching.normalize import sentences

INTRO_WEIGHT = 0.5  # the introduction is context: it counts, but half as much as the request
# ... unless the request says little itself ("Wie geht man damit um?"): below this specific
# mass (informativeness summed over its words) the introduction counts more, up to fully.
REQUEST_MASS = 1.0


def request_weighted(
    text: str, mass: Callable[[str], float] | None = None
) -> list[tuple[str, float]]:
    """The message's sentences with weights: the request fully, the introduction less.

    The request is the last sentence with a question mark, else the last sentence. With
    `mass` (a sentence's specific mass), a request that says little of its own ("Wie geht
    man mit so einer Situation um?") leaves the topic to the introduction: it counts more,
    fully when the request holds no specific word at all.
    """
    parts = sentences(text)
    if len(parts) <= 1:
        return [(text, 1.0)]
    asked = [i for i, part in enumerate(parts) if "?" in part]
    request = asked[-1] if asked else len(parts) - 1
    intro = INTRO_WEIGHT
    if mass is not None:
        said = min(1.0, mass(parts[request]) / REQUEST_MASS)
        intro = INTRO_WEIGHT + (1.0 - INTRO_WEIGHT) * (1.0 - said)
    return [(part, 1.0 if i == request else intro) for i, part in enumerate(parts)]


def request_sentence(text: str) -> str:
    """The sentence of the message that asks (see `request_weighted`)."""
    return max(request_weighted(text), key=lambda part: part[1])[0]
