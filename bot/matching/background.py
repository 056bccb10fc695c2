"""General German as a background model: how everyday a word is.

The word frequencies come from `wordfreq` (German, the "small" list of about 40,000 words
shipped inside the package, built from subtitles, Wikipedia, news, web and social media).
A word's Zipf value is log10 of its occurrences per billion words: "und" ≈ 7.5, "Leute"
≈ 5.6, "Verwaltung" ≈ 4.7, "Bürgerbeteiligung" ≈ 3.3, "Kochrezept" ≈ 1.9, a typo or a rare
compound 0. The matcher uses it twice:

- `informativeness`: how much a word of the question says about what it is about. Everyday
  words (halt, Leute, Sachen, machen) weigh little, rare and specific ones fully, so a long
  message is judged by its specific words, not by how many words it has;
- `is_common`: a frequent German word is a word, not a typo ("kennt" is not "keiner");
- `everyday_spelling`: a word general German does not know but that is one typo (two in
  long words) from a frequent word is that word ("wlche" → "welche", "wolln" → "wollen");
- `restore_umlauts`: a word typed without umlaut keys ("zustandig", "ruckmeldung") is the
  word general German knows with them ("zustaendig", "rueckmeldung"), and as specific.

The table is folded like the matcher's words (ä → ae, ß → ss) and loaded once per process
and language: translated content (English) is judged against general English.
"""

from __future__ import annotations

import gzip
import importlib.util
import itertools
import math
from functools import lru_cache
from pathlib import Path

import msgpack
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.matching.normalize import fold
from bot.matching.senses import TAX_WORD

# Zipf values at which a word counts as fully specific / as everyday as it gets.
SPECIFIC_ZIPF = 2.5
EVERYDAY_ZIPF = 6.0
MIN_INFORMATIVENESS = 0.08
COMMON_ZIPF = 3.3  # a word at least this frequent is taken as spelled as meant
MAX_PLAIN_VOWELS = 4  # umlauts restored in at most this many places of one word
MIN_TYPO_LENGTH = 5  # shorter words are too often another word with one letter changed
LONG_TYPO_LENGTH = 8  # from this length a word may hold two typos


GERMAN = "de"


@lru_cache(maxsize=4)
def _table(lang: str) -> dict[str, float]:
    """Folded word → Zipf value (the highest of the spellings that fold to it)."""
    table: dict[str, float] = {}
    for zipf_value, words in _buckets(lang):
        for word in words:
            folded = fold(word)
            if zipf_value > table.get(folded, 0.0):
                table[folded] = zipf_value
    if lang == GERMAN:  # the tax "Steuer(n)" is as everyday as the word "Steuern"
        table[TAX_WORD] = table.get("steuern", 0.0)
    return table


def _buckets(lang: str) -> list[tuple[float, list[str]]]:
    """(Zipf value, words) from wordfreq's shipped "small" word list.

    The list is read straight from the package's data file (wordfreq's documented cBpack
    format: msgpack, a header, then one bucket of words per centibel of frequency), because
    importing wordfreq itself loads tokenisers the matcher never uses (about 15 MB). Falls
    back to wordfreq's API if the file is not where wordfreq 3 keeps it.
    """
    spec = importlib.util.find_spec("wordfreq")
    folders = spec.submodule_search_locations if spec else None
    path = Path(folders[0]) / "data" / f"small_{lang}.msgpack.gz" if folders else None
    if path is None or not path.is_file():
        from wordfreq import get_frequency_dict

        return [
            (math.log10(f) + 9.0, [w])
            for w, f in get_frequency_dict(lang, wordlist="small").items()
            if f > 0
        ]
    with gzip.open(path, "rb") as file:
        data = msgpack.load(file, raw=False)
    header, buckets = data[0], data[1:]
    if not isinstance(header, dict) or header.get("format") != "cB":
        raise ValueError(f"unexpected wordfreq data header in {path}: {header!r}")
    # Bucket i holds the words at -i centibels: frequency 10 ** (-i / 100), Zipf 9 - i / 100.
    return [(9.0 - index / 100, bucket) for index, bucket in enumerate(buckets) if bucket]


def zipf(word: str, lang: str = GERMAN) -> float:
    """Zipf frequency of a folded word in the general language (0 when unknown)."""
    return _table(lang).get(word, 0.0)


# How much more frequent a word is in general English than its German counterpart (median
# over the content's key words and everyday words and their translations, e.g. "business" /
# "Unternehmen" +0.2, "people" / "Leute" +0.6, "residents" / "Bürger" -0.3): the scale is
# shifted by it, so a word and its translation count about as much in both languages.
ZIPF_OFFSET = {"en": 0.2}


@lru_cache(maxsize=2)
def _frequent_by_shape(lang: str) -> dict[tuple[str, int], list[str]]:
    """The frequent words (COMMON_ZIPF) of a language by (initial, length), each list most
    frequent first."""
    table = _table(lang)
    shapes: dict[tuple[str, int], list[str]] = {}
    for word in sorted(table, key=lambda w: (-table[w], w)):
        if table[word] >= COMMON_ZIPF and len(word) >= MIN_TYPO_LENGTH - 1:
            shapes.setdefault((word[0], len(word)), []).append(word)
    return shapes


@lru_cache(maxsize=65536)
def everyday_spelling(word: str, lang: str = GERMAN) -> str | None:
    """The frequent word a word unknown to general German is a typo of: one edit (optimal
    string alignment: a letter left out, added, changed or two swapped) for 5–7 letters, two
    from 8, the same first letter; the most frequent of the nearest. None for a known word
    ("kennt" stays "kennt"), a short one, or none near enough."""
    if len(word) < MIN_TYPO_LENGTH or zipf(word, lang) > 0.0:
        return None
    edits = 1 if len(word) < LONG_TYPO_LENGTH else 2
    shapes = _frequent_by_shape(lang)
    best: tuple[int, str] | None = None
    for length in range(len(word) - edits, len(word) + edits + 1):
        for other, distance, _ in process.extract(
            word, shapes.get((word[0], length), ()), scorer=OSA.distance,
            score_cutoff=edits, limit=1,
        ):
            if best is None or distance < best[0] or (
                distance == best[0] and zipf(other, lang) > zipf(best[1], lang)
            ):
                best = (int(distance), other)
    return best[1] if best else None


@lru_cache(maxsize=65536)
def restore_umlauts(word: str) -> str:
    """The German word a folded word unknown to general German is when typed without umlaut
    keys: "zustandig" → "zustaendig", "grundsatze" → "grundsaetze" (the most frequent of
    the spellings with ae/oe/ue for a/o/u); the word itself when it is known or none is."""
    if zipf(word) > 0.0:
        return word
    places = [i for i, char in enumerate(word) if char in "aou" and word[i + 1 : i + 2] != "e"]
    if not places or len(places) > MAX_PLAIN_VOWELS:
        return word
    best, best_zipf = word, 0.0
    for count in range(1, len(places) + 1):
        for chosen in itertools.combinations(places, count):
            spelled = "".join(
                char + "e" if i in chosen else char for i, char in enumerate(word)
            )
            value = zipf(spelled)
            if value > best_zipf:
                best, best_zipf = spelled, value
    return best


@lru_cache(maxsize=65536)
def informativeness(word: str, lang: str = GERMAN) -> float:
    """How specific a folded word is, from MIN_INFORMATIVENESS (everyday) to 1 (rare);
    a German word typed without umlauts as specific as with them."""
    known = zipf(word, lang) or (zipf(restore_umlauts(word)) if lang == GERMAN else 0.0)
    frequency = known - ZIPF_OFFSET.get(lang, 0.0)
    value = (EVERYDAY_ZIPF - frequency) / (EVERYDAY_ZIPF - SPECIFIC_ZIPF)
    return min(1.0, max(MIN_INFORMATIVENESS, value))


def is_common(word: str, lang: str = GERMAN) -> bool:
    """True for a frequent word, which is never treated as a typo of another.

    In English an inflected form of a frequent word counts too: "dares" is rarer than
    "dare" but no typo of "dates"."""
    if zipf(word, lang) >= COMMON_ZIPF:
        return True
    return lang == ENGLISH and any(zipf(base, lang) >= COMMON_ZIPF for base in english_bases(word))


def english_bases(word: str) -> list[str]:
    """The forms an English word may be inflected from: "dares" → "dare", "tried" → "try"."""
    bases: list[str] = []
    for ending, replacements in _ENGLISH_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            bases.extend(word[: -len(ending)] + r for r in replacements)
    return bases


ENGLISH = "en"
_ENGLISH_ENDINGS = (
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("es", ("", "e")),
    ("s", ("",)),
    ("ed", ("", "e")),
    ("ing", ("", "e")),
    ("ly", ("",)),
)
