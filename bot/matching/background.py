"""General German as a background model: how everyday a word is.

The word frequencies come from `wordfreq` (German, the "small" list of about 40,000 words
shipped inside the package, built from subtitles, Wikipedia, news, web and social media).
A word's Zipf value is log10 of its occurrences per billion words: "und" ≈ 7.5, "Leute"
≈ 5.6, "Verwaltung" ≈ 4.7, "Bürgerbeteiligung" ≈ 3.3, "Kochrezept" ≈ 1.9, a typo or a rare
compound 0. The matcher uses it twice:

- `informativeness`: how much a word of the question says about what it is about. Everyday
  words (halt, Leute, Sachen, machen) weigh little, rare and specific ones fully, so a long
  message is judged by its specific words, not by how many words it has;
- `is_common`: a frequent German word is a word, not a typo ("kennt" is not "keiner").

The table is folded like the matcher's words (ä → ae, ß → ss) and loaded once per process
and language: translated content (English) is judged against general English.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
from functools import lru_cache
from pathlib import Path

import msgpack

from bot.matching.normalize import fold
from bot.matching.senses import TAX_WORD

# Zipf values at which a word counts as fully specific / as everyday as it gets.
SPECIFIC_ZIPF = 2.5
EVERYDAY_ZIPF = 6.0
MIN_INFORMATIVENESS = 0.08
COMMON_ZIPF = 3.3  # a word at least this frequent is taken as spelled as meant


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


@lru_cache(maxsize=65536)
def informativeness(word: str, lang: str = GERMAN) -> float:
    """How specific a folded word is, from MIN_INFORMATIVENESS (everyday) to 1 (rare)."""
    frequency = zipf(word, lang) - ZIPF_OFFSET.get(lang, 0.0)
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
