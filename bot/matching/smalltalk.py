"""Messages that are no question about the content: small talk, services, private matters.

What small talk has in common is that it is short and made only of social words ("hallo",
"danke", "tschüss", "wer bist du", "du bist toll") and function words: as soon as one
content word appears ("danke, und wie finde ich Partner?") it is a question and goes to the
matcher. The class is the one whose words occur most often (ties: the earlier class in
content/smalltalk.yaml). Chat spellings count as the word they stand for: stretched letters
("dankeee", "hallooo"), apostrophes ("wie geht's"), other inflections ("nutzloser") and one
typo in a longer word ("dnake" is no German word, "danke" is one edit away); emojis are
words of their class ("👍", "🙏"). A message of emojis and punctuation only, none of them
known, is gibberish. Gibberish of letters is a message none of whose words general German
or the content knows ("asdfgh"); the matcher decides that, with its vocabulary.

A municipal-service request names an everyday administrative object: a document, a fee,
a permit, a registration ("Wo beantrage ich ein Führungszeugnis?", "Sperrmüllabholung");
a private matter names an object of private life (rent, job, doctor, holiday). The request
classes list such objects and the word endings that mark them in compounds
("…bescheid", "…urkunde"; only in compounds: "Bescheid geben" is no document). Words the
content itself uses in the titles, questions or keywords of its entries and pointers are
never foreign: they are what the content is about. A request class only decides when no
principle or pointer fits.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection
from dataclasses import replace
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.content import SmallTalk, SocialClass
from bot.matching.background import english_bases, is_common, zipf
from bot.matching.english import ENGLISH_STOP_WORDS
from bot.matching.normalize import (
    GERMAN,
    STOP_WORDS,
    deumlaut,
    fold,
    stem,
    words,
)

MAX_SMALL_TALK_WORDS = 8
GIBBERISH = "gibberish"
SERVICE = "service"
MIN_TYPO_LENGTH = 5  # one typo is tolerated in a social word of at least this length
MIN_BASE = 4  # an inflected request word keeps at least this many letters
INFLECTIONS = ("innen", "ern", "en", "er", "es", "in", "e", "n", "s")  # plural, case, feminine
INFLECTION_MARGIN = 0.3  # Zipf an inflected form may exceed its class word by
CACHE_SIZE = 50_000  # words whose request class is remembered
MIN_MODIFIER = 3  # letters a compound needs in front of a head ("Hundesteuer": "hunde")
# Words that address the bot or the group, or only intensify ("danke dir", "hallo
# zusammen", "voll nutzlos"), in standard and regional forms ("griaß di").
ADDRESS = frozenset(
    """dir dich ihnen dein deine euch bot lotse hilfe tipps tipp antwort antworten infos
    di de zusammen miteinander allerseits alle leute voll ziemlich extrem absolut weiter
    brauche brauch braeuchte haette""".split()
)
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = re.compile(r"(?<=\w)['’´`](?=\w)")
_STRETCHED = re.compile(r"(.)\1{2,}")
_LETTERS = re.compile(r"[^\W\d_]+")
_GAP = re.compile(r"(?:['’]s?)?[ \t-]+")


class Classifier:
    """Small-talk and request classes of one content version.

    `protected`: folded words the content uses where it says what it is about (titles,
    questions, keywords); they never count as service or private words. `lang`: the
    language of the questions (the content's); English request words are found as English
    words (inflections, frequencies) and two-word compounds ("tax office") are joined.
    """

    def __init__(
        self, smalltalk: SmallTalk | None, protected: Collection[str] = (), lang: str = GERMAN
    ) -> None:
        smalltalk = smalltalk or SmallTalk()
        self.lang = lang
        self._classes = tuple(_folded(c) for c in smalltalk.classes)
        requests = tuple(_folded(c) for c in smalltalk.requests)
        self._requests = tuple(
            (c, frozenset(deumlaut(w) for w in c.words), tuple(deumlaut(h) for h in c.heads))
            for c in requests
        )
        self._protected = frozenset(deumlaut(w) for w in protected)
        self._seen: dict[str, SocialClass | None] = {}
        self._neutral = (
            STOP_WORDS | ADDRESS | {deumlaut(w) for w in STOP_WORDS} | ENGLISH_STOP_WORDS
        )
        self._gibberish = next((c for c in self._classes if c.id == GIBBERISH), None)
        self._social: dict[str, list[int]] = {}
        for index, social in enumerate(self._classes):
            for word in social.words:
                for form in {word, deumlaut(word), stem(word)}:
                    self._social.setdefault(form, [])
                    if index not in self._social[form]:
                        self._social[form].append(index)
        # Request words that are compounds written apart in English ("residence permit" is
        # listed as "residencepermit"): joined in the message before its words are judged.
        self._compounds = (
            frozenset(w for c, _, _ in self._requests for w in c.words)
            if lang != GERMAN
            else frozenset()
        )
        self._typo_targets: dict[str, list[str]] = {}
        for word in sorted(self._social):
            if len(word) >= MIN_TYPO_LENGTH:
                self._typo_targets.setdefault(word[0], []).append(word)

    def small_talk(self, text: str) -> str | None:
        """The reply key when the whole message is small talk, else None."""
        lower = _APOSTROPHES.sub("", text.casefold())
        raw = _WORD.findall(lower)
        symbols = _symbols(lower)
        if len(raw) > MAX_SMALL_TALK_WORDS or not (raw or symbols):
            return None
        votes: Counter[int] = Counter()
        for symbol in symbols:
            votes.update(self._social.get(symbol, ()))
        for token in raw:
            word = fold(token)
            hits = self._social.get(word)
            if not hits and word in self._neutral:
                continue
            hits = hits or self._social_classes(token, word)
            if not hits:
                return None
            votes.update(hits)
        if not votes:
            return self.gibberish_reply() if symbols and not raw else None
        best = min(votes, key=lambda i: (-votes[i], i))
        return self._classes[best].reply

    def _social_classes(self, token: str, word: str) -> list[int]:
        """The classes a chat word (as typed, and folded) belongs to: stretched, inflected,
        mistyped."""
        for form in (
            word,
            fold(_STRETCHED.sub(r"\1", token)),
            fold(_STRETCHED.sub(r"\1\1", token)),
        ):
            hits = self._social.get(form) or self._social.get(stem(form))
            if hits:
                return hits
        if len(word) < MIN_TYPO_LENGTH or is_common(word) or word in self._neutral:
            return []
        targets = self._typo_targets.get(word[0], ())
        found = process.extractOne(word, targets, scorer=OSA.distance, score_cutoff=1)
        return self._social[found[0]] if found else []

    def joined(self, text: str) -> str:
        """The text with two-word request compounds written as one ("tax office")."""
        if not self._compounds:
            return text
        found = list(_LETTERS.finditer(text))
        cuts = [
            (first.end(), second.start())
            for first, second in pairwise(found)
            if _GAP.fullmatch(text, first.end(), second.start())
            and fold(first.group() + second.group()) in self._compounds
        ]
        for end, start in reversed(cuts):
            text = text[:end] + text[start:]
        return text

    def gibberish_reply(self) -> str | None:
        """The reply key for a message of unknown letter strings, if the class exists."""
        return self._gibberish.reply if self._gibberish else None

    def request(self, text: str) -> SocialClass | None:
        """The first request class (service, private matter) the message names, if any."""
        for word in words(self.joined(text), self.lang):
            social = self.request_class(word)
            if social:
                return social
        return None

    def names_private(self, text: str) -> bool:
        """True when the message names a private matter (a request class but the service
        one): "Heizung", "Zahnspange" — not only an everyday service ("Anschrift")."""
        found = (self.request_class(word) for word in words(self.joined(text), self.lang))
        return any(social is not None and social.id != SERVICE for social in found)

    def foreign(self, word: str) -> bool:
        """True for a folded word of a request class (an everyday service, a private matter)."""
        return self.request_class(word) is not None

    def request_class(self, word: str) -> SocialClass | None:
        """The request class whose words or compound heads include this folded word.

        Inflected forms count ("Ärzte", "Grundsteuerbescheide") unless the form is more
        frequent in general German than the class word itself: then it is another word
        ("gehalten" is no form of "Gehalt", "unterhalten" none of "Unterhalt").
        """
        if word in self._seen:
            return self._seen[word]
        if len(self._seen) >= CACHE_SIZE:
            self._seen.clear()
        found = self._seen[word] = self._request_class(word)
        return found

    def _request_class(self, word: str) -> SocialClass | None:
        bases = _bases(word) if self.lang == GERMAN else [word, *english_bases(word)]
        if word in self._protected or any(base in self._protected for base in bases):
            return None
        for social, plain_words, heads in self._requests:
            if word in social.words:
                return social
            for base in bases:
                if (heads and base.endswith(heads) and _compound_of(base, heads)) or (
                    base in plain_words
                    and zipf(word, self.lang) <= zipf(base, self.lang) + INFLECTION_MARGIN
                ):
                    return social
        return None


def _compound_of(word: str, heads: tuple[str, ...]) -> bool:
    """True when the word is a compound ending in one of the heads (not the head alone)."""
    return any(
        word.endswith(head) and len(word) - len(head) >= MIN_MODIFIER for head in heads
    )


def _bases(word: str) -> list[str]:
    """The word and its forms without each inflection ending it may carry, without umlauts."""
    found = [deumlaut(word)]
    for ending in INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_BASE:
            if ending in ("n", "en") and word.endswith("ern"):
                continue  # "beisteuern", "wandern": a verb, no plural of "…steuer"
            found.append(deumlaut(word[: -len(ending)]))
    return found


def _symbols(text: str) -> list[str]:
    """The emojis and other symbols of a text, one per character (variation marks dropped)."""
    if text.isascii():
        return []
    return [c for c in text if not c.isascii() and unicodedata.category(c) == "So"]


def _folded(social: SocialClass) -> SocialClass:
    """The class with its words and heads spelled like the matcher's words (ä → ae)."""
    return replace(
        social,
        words=frozenset(fold(w) for w in social.words),
        heads=tuple(fold(h) for h in social.heads),
    )
