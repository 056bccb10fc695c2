"""A second opinion on which pointer a message is about: character-n-gram naive Bayes.

The matcher is lexical: a message's words must be, or be linked to, words of a document. A
message that asks about a pointer's topic in words its texts never contain ("Kaution für
den Gemeinschaftsraum", "Geburtstage im Schaukasten") finds nothing sure there. Character
n-grams of the words share evidence across compounds and inflections ("Gemeinschaftsraum"
~ "Raumbörse", "Gemeinschaftsräume"; "Schaukasten" ~ "Anschlagtafel", "Kasten"), which
stems cannot. Their verdict is a different kind of evidence, so where both agree the
pointer is offered though the lexical confidence alone is under its bar
(`bot.matching.offer.PointerOffer.ahead`).

Classes: each Wegweiser pointer, WORKSHOP (the workshop entries) and NONE (private and
everyday service requests). Trained when the index is built, on the content's own texts
only: a pointer's title, questions and keywords (weight 1) and its orientation and who-helps
lines and, in German, its topic vocabulary (content/lexicon.yaml) (EXPLANATION_WEIGHT); the
entries' titles, questions, keywords and poles (weight 1)
and summaries (EXPLANATION_WEIGHT), from at most WORKSHOP_ENTRIES entries (a larger corpus
says no more about what the workshop sounds like, and the build stays cheap); the words of
the request classes of content/smalltalk.yaml. Each distinct text counts its words; each
distinct word of all classes is cut into n-grams once.

Features: the 3- to 5-grams of each folded content word with a boundary mark on either side
(" verein ": " ve", "ver", …, "ein "). A message's distinct words count once each, their
n-grams weighted by how specific the word is in general German (`informativeness`: "Stadt"
and "machen" say little about a topic). Score per class: the weighted mean log-likelihood
of the known n-grams (Lidstone-smoothed), so a long message is not more certain for its
length; classes are equally likely a priori (the workshop's many texts are no reason to
think a message is about it); posterior: softmax of the scores times SHARPNESS.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Collection, Iterable

import numpy as np

from bot.content import Content
from bot.matching.background import informativeness
from bot.matching.normalize import GERMAN, content_word, fold, raw_words, words

__all__ = ["AGREE", "NONE", "WORKSHOP", "NgramClassifier", "ngrams", "plain_words"]

WORKSHOP = "workshop"
NONE = "none"
SIZES = (3, 4, 5)  # n-gram lengths
EXPLANATION_WEIGHT = 0.5  # orientation, summary: many incidental words (`documents`)
WORKSHOP_ENTRIES = 400  # entries the WORKSHOP class is trained on, at most (spread evenly)
SMOOTHING = 0.1  # added to every n-gram count of every class (Lidstone)
SHARPNESS = 4.0  # weighted mean log-likelihood -> posterior
REMEMBERED = 50_000  # words whose evidence is kept (`NgramClassifier._evidence`)
# Posterior from which the classifier's pointer agrees with the matcher's (`agrees`), fitted
# on tune data (the tune halves of practical.yaml, realistic.yaml, public.yaml and the
# *_fresh.yaml sets but ngram_fresh.yaml, kept back as a held-out signal): of the messages
# refused or given a service hint whose lexical best pointer is the classifier's too, those
# about that pointer had 0.54 and more (14), the first about neither 0.49.
AGREE = 0.5



def plain_words(text: str, lang: str) -> list[str]:
    """The folded content words of a text, stop words left out: `words` without its
    readings of a word's senses, which n-grams do not need (and are dear per message)."""
    if lang != GERMAN:
        return words(text, lang)
    return [word for word in map(content_word, raw_words(fold(text))) if word]


def ngrams(word: str) -> list[str]:
    """The 3- to 5-grams of one folded word with a boundary mark on either side."""
    padded = f" {word} "
    return [padded[i : i + n] for n in SIZES for i in range(len(padded) - n + 1)]


class NgramClassifier:
    """Multinomial naive Bayes over the character n-grams of one content's texts."""

    def __init__(self, content: Content) -> None:
        self.lang = content.lang
        classes: list[tuple[str, dict[str, float]]] = []
        for pointer in content.pointers:
            counts = self._count((pointer.title, *pointer.questions, *pointer.keywords))
            self._count((pointer.orientation, *pointer.who_helps), EXPLANATION_WEIGHT, counts)
            if self.lang == GERMAN:  # the topic vocabulary is German
                self._count(content.lexicon.get(pointer.id, ()), EXPLANATION_WEIGHT, counts)
            classes.append((pointer.id, counts))
        entries = content.entries
        chosen = entries[:: max(1, -(-len(entries) // WORKSHOP_ENTRIES))]
        workshop = self._count(
            text for e in chosen for text in (e.title, *e.questions, *e.keywords, *e.poles)
        )
        self._count((e.summary for e in chosen), EXPLANATION_WEIGHT, workshop)
        classes.append((WORKSHOP, workshop))
        request_words = sorted(w for request in content.smalltalk.requests for w in request.words)
        classes.append((NONE, self._count(request_words)))
        self.labels: tuple[str, ...] = tuple(label for label, _ in classes)
        self._column = {label: i for i, label in enumerate(self.labels)}
        self._not_workshop = np.array(
            [i for i, label in enumerate(self.labels) if label != WORKSHOP]
        )
        self._fit([counts for _, counts in classes])
        self._words: dict[str, tuple[np.ndarray, float]] = {}

    def _count(
        self, texts: Iterable[str], weight: float = 1.0, into: dict[str, float] | None = None
    ) -> dict[str, float]:
        """The weighted word counts of some distinct texts (added to `into`, if given)."""
        found: dict[str, float] = defaultdict(float) if into is None else into
        for text in dict.fromkeys(texts):
            for word in plain_words(text, self.lang):
                found[word] += weight
        return found

    def _fit(self, counts: list[dict[str, float]]) -> None:
        """Log-likelihood of every n-gram per class, one row per n-gram: each distinct word
        of all classes is cut into n-grams once, its counts added to theirs in one step."""
        vocabulary = sorted(set().union(*counts))
        weights = np.zeros((len(vocabulary), len(counts)))
        at = {word: i for i, word in enumerate(vocabulary)}
        for column, found in enumerate(counts):
            rows = [at[word] for word in found]
            weights[rows, column] = np.fromiter(found.values(), dtype=np.float64, count=len(rows))
        row: dict[str, int] = {}
        grams, sources = array("i"), array("i")  # compact: 4 bytes an n-gram, not 36
        for place, word in enumerate(vocabulary):
            cut = ngrams(word)
            grams.extend([row.setdefault(gram, len(row)) for gram in cut])
            sources.extend([place] * len(cut))
        cuts, of = np.frombuffer(grams, dtype=np.intc), np.frombuffer(sources, dtype=np.intc)
        table = np.empty((len(row), len(counts)), dtype=np.float32)
        for column in range(len(counts)):
            table[:, column] = np.bincount(cuts, weights[of, column], len(row))
        table += SMOOTHING
        table /= table.sum(axis=0)
        # the n-grams are kept as their sorted hashes, the rows in that order (a dictionary
        # of 20,000 short strings would hold 2 MB more)
        hashes = np.fromiter(map(hash, row), dtype=np.int64, count=len(row))
        del row, grams, sources, cuts, of, weights
        order = np.argsort(hashes)
        self._hashes = hashes[order]
        table = table[order]
        self._log = np.log(table, out=table)

    def posterior(self, text: str, leave_out: Collection[str] = ()) -> dict[str, float]:
        """Each class's posterior for a message; classes in `leave_out` not among them
        (an empty dict when no n-gram of the message is known)."""
        score = self._score(text)
        if score is None:
            return {}
        kept = [i for i, label in enumerate(self.labels) if label not in leave_out]
        scaled = np.exp(SHARPNESS * (score[kept] - score[kept].max()))
        scaled /= scaled.sum()
        return {self.labels[i]: float(p) for i, p in zip(kept, scaled, strict=True)}

    def _score(self, text: str) -> np.ndarray | None:
        """The weighted mean log-likelihood of the message's n-grams per class (None when
        none is known)."""
        total = np.zeros(len(self.labels))
        mass = 0.0
        for word in set(plain_words(text, self.lang)):
            evidence, known = self._evidence(word)
            total += evidence
            mass += known
        return total / mass if mass else None

    def _evidence(self, word: str) -> tuple[np.ndarray, float]:
        """A word's summed log-likelihoods over its known n-grams and their number, both
        times the word's informativeness; remembered (a running bot meets the same words)."""
        found = self._words.get(word)
        if found is None:
            rows = self._rows(ngrams(word))
            weight = informativeness(word, self.lang)
            evidence = self._log[rows].sum(axis=0, dtype=np.float64) * weight
            found = (evidence, len(rows) * weight)
            if len(self._words) >= REMEMBERED:
                self._words.clear()
            self._words[word] = found
        return found

    def _rows(self, grams: list[str]) -> np.ndarray:
        """The table rows of the known n-grams among these, each once."""
        wanted = np.unique(np.fromiter(map(hash, grams), dtype=np.int64, count=len(grams)))
        if not len(self._hashes):
            return wanted[:0]  # a content without a word (no row to find)
        at = np.searchsorted(self._hashes, wanted)
        at[at == len(self._hashes)] = 0
        return at[self._hashes[at] == wanted]

    def best(self, text: str, leave_out: Collection[str] = ()) -> tuple[str | None, float]:
        """The most likely class and its posterior (None, 0 when nothing is known)."""
        found = self.posterior(text, leave_out)
        if not found:
            return None, 0.0
        label = max(found, key=found.__getitem__)
        return label, found[label]

    def agrees(self, text: str, pointer: str) -> bool:
        """True when, leaving the workshop out, the message is most likely about this
        pointer with at least AGREE posterior: asked only whether it is about one of the
        pointers or about nothing of the content, the n-grams name the lexical best.
        (`best(text, (WORKSHOP,))` in a few array operations: it runs on every refusal.)"""
        score = self._score(text)
        column = self._column.get(pointer)
        if score is None or column is None:
            return False
        kept = score[self._not_workshop]
        if kept.max() > score[column]:
            return False
        return float(np.exp(SHARPNESS * (kept - score[column])).sum()) <= 1.0 / AGREE
