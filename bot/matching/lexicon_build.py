"""Build content/lexicon.yaml from a corpus of public pages per pointer (a developer's command).

    python -m bot.matching.lexicon_build CORPUS_DIR [--content DIR] [--out FILE]

CORPUS_DIR holds one text file per Wegweiser pointer, named by its id (`foerdermittel.txt`),
and COMPARISON (`_workshop.txt`) with pages about the workshop's own subject (cooperation of
Kommune and Engagement, networks, participation in general). In each file a line "@ URL"
starts a page; the lines after it are the page's text or its content words; lines starting
with "#" are comments (the search queries). The page texts are not ours to ship: only the
selected words and the pages' addresses go into the built file.

The rule, the same every time for the same corpus and content: a word is kept for pointer P
when

- it is a noun (capitalised) or a verb (lower case ending in -en, -ern, -eln; adjectival
  and participle endings left out), not a stop word, not hyphenated, at least MIN_LENGTH
  letters, and no furniture of web pages (FURNITURE: "Impressum", "Lesezeit");
- pages of at least MIN_PAGES sites of P's corpus use it (its stem);
- its log-odds on P's pages against all other pages (the other pointers' and the
  comparison pages, Jeffreys prior) is at least MIN_LOG_ODDS;
- it is no everyday word of general German (wordfreq Zipf below MAX_ZIPF,
  `bot.matching.background`) and no English word (English Zipf above the German);
- no other corpus file uses it on MIN_PAGES pages (a word of several topics), the
  comparison pages not at all;
- no workshop entry uses its stem in any field (it would pull workshop questions to P), and
  no pointer's own texts do (P's: it finds P already; another's: it would mix topics).

The best MAX_WORDS by log-odds are kept, in that order. Rebuild after changing the corpus,
the entries or the pointers: the matcher reads the file as it is (`bot.content.lexicon`).
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

from bot.content import LEXICON_FILE, LEXICON_HEADER, Content, load_content
from bot.matching.background import zipf
from bot.matching.documents import entry_texts, pointer_texts, text_stems
from bot.matching.index import build_index
from bot.matching.normalize import ENGLISH, GERMAN, fold, stem, words

ROOT = Path(__file__).resolve().parents[2]
COMPARISON = "_workshop"
MIN_LENGTH = 4
MIN_PAGES = 2
MIN_LOG_ODDS = 1.0
MAX_ZIPF = 3.5
MAX_WORDS = 40
PRIOR = 0.5  # Jeffreys prior on a page share
NEAR = 0.8  # a word the matcher reads as another at this similarity is that word
PAGE = "@ "
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ADJECTIVE = re.compile(r"(?:ig|lich|isch|bar|los|sam|haft|ell|iv|al|ar)(?:e[nmrs]?|er[en]?)?$")
_VERB = ("en", "ern", "eln")
_PARTICIPLE = ("enen", "nden", "ten")  # "angefallenen", "zwingenden", "geplanten"
# The furniture of web pages and document hosts, not of any topic: a site's pages repeat
# it, and mirrors of one document on several hosts do too.
FURNITURE = frozenset(
    stem(fold(word), GERMAN)
    for word in (
        "Impressum Datenschutzerklaerung Lesezeit Titelfoto Bildnachweis Lektorat Redaktion "
        "Herausgeber Newsletter Cookies Aufrufe Download Inhaltsverzeichnis Seite Artikel "
        "Kommentare Telefax Telefon Fax Mail Anschrift Copyright Foto Fotos Glossar"
    ).split()
)
Clashes = Callable[[str], bool]


@dataclass
class Topic:
    """One corpus file: its pages (address, stems used) and the surface forms of each stem."""

    pages: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    forms: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def page_count(self, token: str) -> int:
        """On how many sites' pages the stem is (two pages of one site count once: they
        share its navigation and boilerplate)."""
        return len({site(url) for url, used in self.pages if token in used})


def site(url: str) -> str:
    """The host of a page address without "www." (its site)."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def is_candidate(word: str) -> bool:
    """A noun or verb form worth keeping (see the module's rule)."""
    if len(word) < MIN_LENGTH or "-" in word:
        return False
    if word[0].isupper():
        return True
    return word.endswith(_VERB) and not word.endswith(_PARTICIPLE) and not _ADJECTIVE.search(word)


def is_german_rare(folded: str) -> bool:
    """No everyday word of general German (Zipf below MAX_ZIPF) and no English word
    ("Foundations", "Portals": English more often than German), which would make a
    German message look English or an English one German."""
    german = zipf(folded, GERMAN)
    return german < MAX_ZIPF and zipf(folded, ENGLISH) <= german


def read_topic(text: str) -> Topic:
    """The pages of one corpus file; a page seen twice (same address) counts once."""
    topic = Topic()
    by_url: dict[str, set[str]] = {}
    url = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith(PAGE):
            url = stripped[len(PAGE) :].strip()
            by_url.setdefault(url, set())
            continue
        if url is None:
            continue
        for surface in _WORD.findall(stripped):
            found = words(surface, GERMAN)
            if len(found) != 1 or not is_candidate(surface):
                continue
            token = stem(found[0], GERMAN)
            by_url[url].add(token)
            topic.forms[token][surface] += 1
    topic.pages = [(address, frozenset(used)) for address, used in by_url.items()]
    return topic


def read_corpus(folder: Path) -> dict[str, Topic]:
    """Corpus file name (pointer id or COMPARISON) → its topic."""
    return {
        path.stem: read_topic(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.txt"))
    }


def excluded(content: Content) -> tuple[set[str], dict[str, set[str]]]:
    """The stems every workshop entry uses, and per pointer the stems of its own texts."""
    entries = text_stems((text for e in content.entries for text, _ in entry_texts(e)), GERMAN)
    pointers = {
        pointer.id: text_stems((text for text, _ in pointer_texts(pointer)), GERMAN)
        for pointer in content.pointers
    }
    return entries, pointers


def log_odds(inside: int, total: int, outside: int, others: int) -> float:
    """Log-odds of a word's page share in a topic against its share in the other pages."""
    share = (inside + PRIOR) / (total + 2 * PRIOR)
    rest = (outside + PRIOR) / (others + 2 * PRIOR)
    return math.log(share / (1 - share)) - math.log(rest / (1 - rest))


def _shared(token: str, name: str, topics: Mapping[str, Topic]) -> bool:
    """A word of several topics: another pointer's pages use it on MIN_PAGES pages, or the
    comparison pages use it at all."""
    for other, topic in topics.items():
        if other == name:
            continue
        least = 1 if other == COMPARISON else MIN_PAGES
        if topic.page_count(token) >= least:
            return True
    return False


def select(
    name: str,
    topics: Mapping[str, Topic],
    whole: Collection[str] = frozenset(),
    clashes: Clashes = lambda word: False,
) -> list[str]:
    """The topic words of one pointer, best first (surface form most used in its pages).
    `whole`: stems it may not use; `clashes`: true for a folded word the content's own
    words would be confused with."""
    topic = topics[name]
    total = len(topic.pages)
    others = sum(len(t.pages) for n, t in topics.items() if n != name)
    scored: list[tuple[float, str]] = []
    for token, forms in topic.forms.items():
        pages = topic.page_count(token)
        if pages < MIN_PAGES or token in whole or token in FURNITURE:
            continue
        if _shared(token, name, topics):
            continue
        outside = sum(t.page_count(token) for n, t in topics.items() if n != name)
        odds = log_odds(pages, total, outside, others)
        word = max(forms, key=lambda form: (forms[form], form[0].isupper(), form))
        if clashes(fold(word)):
            continue
        if odds >= MIN_LOG_ODDS and is_german_rare(fold(word)):
            scored.append((odds, word))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [word for _, word in scored[:MAX_WORDS]]


def clash_test(content: Content) -> Callable[[Collection[str]], Clashes]:
    """For a set of `foreign` stems (the workshop entries' and the other pointers'), the
    test that is true for a folded word the matcher would confuse with one: one holds it as
    a compound part ("Bürgerbeteiligungsverfahren"), or reads it as one at NEAR similarity
    ("Aufwendungen": "Aufwand"); and for a word inside a compound of the content's own
    texts, since indexing it would split that compound anew ("Entschädigung" in
    "Aufwandsentschädigung"). The content is indexed once, whatever the foreign stems."""
    vocabulary = build_index(replace(content, lexicon=MappingProxyType({}))).vocabulary
    texts = [t for e in content.entries for t, _ in entry_texts(e)]
    texts += [t for p in content.pointers for t, _ in pointer_texts(p)]
    compounds = {w for text in texts for w in words(text, GERMAN)}

    def against(foreign: Collection[str]) -> Clashes:
        def clashes(word: str) -> bool:
            near = [c for t in vocabulary.resolve(word) for c, s in t.candidates if s >= NEAR]
            parts = [*vocabulary.split(word), *near]
            return any(p in foreign for p in parts) or any(word in w != word for w in compounds)

        return clashes

    return against


def build(topics: Mapping[str, Topic], content: Content) -> dict[str, list[str]]:
    """Pointer id → its topic words, for every pointer that has a corpus file."""
    entries, pointers = excluded(content)
    clash_test_against = clash_test(content)
    chosen = {}
    for pointer in content.pointers:
        if pointer.id not in topics:
            continue
        others = set().union(*(stems for n, stems in pointers.items() if n != pointer.id))
        whole = entries | others | pointers.get(pointer.id, set())
        clashes = clash_test_against(entries | others)
        chosen[pointer.id] = select(pointer.id, topics, whole, clashes)
    return chosen


def render(chosen: Mapping[str, Sequence[str]], topics: Mapping[str, Topic]) -> str:
    """The YAML text of the built file."""
    lines = [
        LEXICON_HEADER.format(pages=MIN_PAGES, odds=MIN_LOG_ODDS, zipf=MAX_ZIPF, most=MAX_WORDS),
        "pointers:",
    ]
    for pointer_id, chosen_words in chosen.items():
        if not chosen_words:
            continue
        quoted = ", ".join(f'"{word}"' for word in chosen_words)
        lines += [f"  - id: {pointer_id}", f"    words: [{quoted}]", "    sources:"]
        lines += [f'      - "{url}"' for url, _ in topics[pointer_id].pages]
    return "\n".join(lines) + "\n"


def content_without_lexicon(folder: Path) -> Content:
    """The content of `folder` as if it had no lexicon file: the build never reads its own
    output (a broken or stale lexicon.yaml does not stop a rebuild)."""
    with tempfile.TemporaryDirectory() as temporary:
        copy = Path(temporary) / "content"
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns(LEXICON_FILE))
        return load_content(copy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus}: no such corpus folder", file=sys.stderr)
        return 1
    topics = read_corpus(args.corpus)
    chosen = build(topics, content_without_lexicon(args.content))
    out = args.out or args.content / LEXICON_FILE
    out.write_text(render(chosen, topics), encoding="utf-8")
    print(f"{out}: {sum(map(len, chosen.values()))} words for {len(chosen)} pointers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
