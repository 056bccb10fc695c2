"""Messages that are no question about the content: small talk and municipal services.

What small talk has in common is that it is short and made only of social words ("hallo",
"danke", "tschüss", "wer bist du", "du bist toll") and function words: as soon as one
content word appears ("danke, und wie finde ich Partner?") it is a question and goes to the
matcher. The class is the one whose words occur most often (ties: the earlier class in
content/smalltalk.yaml). Gibberish is a message none of whose words general German or the
content knows ("asdfgh"); the matcher decides that, with its vocabulary.

A municipal-service request names an everyday administrative object: a document, a fee,
a permit, a registration ("Wo beantrage ich ein Führungszeugnis?", "Sperrmüllabholung").
The service class lists such objects and the word endings that mark them in compounds
("…bescheid", "…urkunde"); it only applies when no principle or pointer fits.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from bot.content import SmallTalk, SocialClass
from bot.matching.normalize import ENGLISH_STOP_WORDS, STOP_WORDS, deumlaut, fold, stem, words

MAX_SMALL_TALK_WORDS = 8
GIBBERISH = "gibberish"
SERVICE = "service"
# Words that address the bot without saying anything ("danke dir", "du bist toll").
ADDRESS = frozenset(
    "dir dich ihnen dein deine euch bot lotse hilfe tipps tipp antwort antworten infos".split()
)
_NON_WORD = re.compile(r"[^a-z0-9]+")


class Classifier:
    """Small-talk and service classes of one content version."""

    def __init__(self, smalltalk: SmallTalk | None) -> None:
        smalltalk = smalltalk or SmallTalk()
        self._classes = tuple(_folded(c) for c in smalltalk.classes)
        requests = tuple(_folded(c) for c in smalltalk.requests)
        self._requests = tuple((c, frozenset(stem(w) for w in c.words)) for c in requests)
        self._neutral = (
            STOP_WORDS | ADDRESS | {deumlaut(w) for w in STOP_WORDS} | ENGLISH_STOP_WORDS
        )
        self._gibberish = next((c for c in self._classes if c.id == GIBBERISH), None)

    def small_talk(self, text: str) -> str | None:
        """The reply key when the whole message is small talk, else None."""
        raw = [w for w in _NON_WORD.split(fold(text)) if w]
        if not raw or len(raw) > MAX_SMALL_TALK_WORDS:
            return None
        votes: Counter[int] = Counter()
        for word in raw:
            hits = [i for i, social in enumerate(self._classes) if word in social.words]
            if hits:
                votes.update(hits)
            elif word not in self._neutral:
                return None
        if not votes:
            return None
        best = min(votes, key=lambda i: (-votes[i], i))
        return self._classes[best].reply

    def gibberish_reply(self) -> str | None:
        """The reply key for a message of unknown letter strings, if the class exists."""
        return self._gibberish.reply if self._gibberish else None

    def request(self, text: str) -> SocialClass | None:
        """The first request class (service, private matter) the message names, if any."""
        for word in words(text):
            social = self.request_class(word)
            if social:
                return social
        return None

    def foreign(self, word: str) -> bool:
        """True for a folded word of a request class (an everyday service, a private matter)."""
        return self.request_class(word) is not None

    def request_class(self, word: str) -> SocialClass | None:
        """The request class whose words or word endings include this folded word."""
        token = stem(word)
        for social, stems in self._requests:
            if (
                word in social.words
                or token in stems
                or any(word.endswith(head) for head in social.heads)
            ):
                return social
        return None


def _folded(social: SocialClass) -> SocialClass:
    """The class with its words and heads spelled like the matcher's words (ä → ae)."""
    return replace(
        social,
        words=frozenset(fold(w) for w in social.words),
        heads=tuple(fold(h) for h in social.heads),
    )
