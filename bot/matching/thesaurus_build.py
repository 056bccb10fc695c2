"""Build content/thesaurus.txt from the OpenThesaurus text dump (a developer's command).

    python -m bot.matching.thesaurus_build [SOURCE] [--content DIR] [--out FILE]

SOURCE defaults to the file of the Debian package openthesaurus-de-text
(/usr/share/openthesaurus-de/openthesaurus.txt; `apt-get install openthesaurus-de-text`).
The rule, the same every time for the same dump and the same pointers:

- every term loses its markers in brackets ("(ugs.)", "(fachspr.)", "(sich)"); a term marked
  as outdated, vulgar, figurative, ironic, joking or pejorative (DROPPED) is left out, as is
  every term of more than one word ("ins Leben rufen");
- a term in more than MAX_SENSES synsets of the dump is left out; so is such an anchor,
  unless the synset holds another word its pointers use (the sense they mean);
- a synset is kept when two or more words remain and one of them is an anchor: a noun a
  Wegweiser pointer is named by (`bot.matching.thesaurus.anchor_stems`: its capitalised
  single-word keywords and title words), compared by stem.

The header names the source, its version and the licence (LGPL 2.1 or later, as the dump);
the licence text is copied next to it (THESAURUS_LICENSE) when the system has it. Rebuild after
the pointers' keywords change; the matcher decides at run time which words it links
(`bot.matching.thesaurus`).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path

from bot.content import (
    THESAURUS_FILE,
    THESAURUS_HEADER,
    THESAURUS_LICENSE,
    THESAURUS_SEPARATOR,
    THESAURUS_WORD,
    Content,
    load_content,
)
from bot.matching.normalize import stem, words
from bot.matching.thesaurus import is_noun, pointer_anchors, whole_word

ROOT = Path(__file__).resolve().parents[2]
SOURCE = Path("/usr/share/openthesaurus-de/openthesaurus.txt")
LICENSE = Path("/usr/share/common-licenses/LGPL-2.1")
DROPPED = (
    "veraltet", "derb", "vulg", "fig.", "ironisch", "scherzh", "abwertend", "herablassend",
    "bibl.",
)  # fmt: skip
# A word in more synsets of the dump than this has too many meanings to be linked (1.3 %
# of its words; "Unterstützung" 7, "Mittel" 6, "eröffnen" 4). With no limit the fresh
# question sets gained a little and the practical tune half lost two quiet answers; 2 and 3
# measured the same.
MAX_SENSES = 3
_MARKER = re.compile(r"\(([^)]*)\)")
_VERSION = re.compile(r"generated (\S+)")


def clean(term: str) -> str | None:
    """A term without its markers, or None when it is dropped (marker, several words)."""
    markers = _MARKER.findall(term)
    if any(dropped in marker for marker in markers for dropped in DROPPED):
        return None
    plain = _plain(term)
    return plain if THESAURUS_WORD.match(plain) else None


def _plain(term: str) -> str:
    """A term without its markers in brackets, spaces collapsed."""
    return " ".join(_MARKER.sub(" ", term).split())


def senses(lines: Iterable[str]) -> Counter[str]:
    """How many synsets of the dump hold each term (without markers): its senses."""
    found: Counter[str] = Counter()
    for line in lines:
        if not line.startswith("#"):
            terms = {_plain(t) for t in line.split(THESAURUS_SEPARATOR)}
            found.update(terms - {""})
    return found


def select(lines: Sequence[str], contexts: Mapping[str, Collection[str]]) -> list[tuple[str, ...]]:
    """The synsets of the dump's lines that keep two or more words, one of them an anchor
    (a noun of the dump whose stem is a key of `contexts`); each word once, in the dump's
    order. A word with more than MAX_SENSES senses in the dump is left out, which of them a
    message means one synset cannot say ("Mittel"); so is such an anchor, unless another
    word of the synset is one its pointers use (`contexts`: anchor stem → the stems of its
    pointers' texts): "Ausschuss" is the committee with "Beirat", not the scrap with "Müll"."""
    counts = senses(lines)
    selected: list[tuple[str, ...]] = []
    seen: set[tuple[str, ...]] = set()
    for line in lines:
        if line.startswith("#"):
            continue
        terms = [w for w in map(clean, line.rstrip("\n").split(THESAURUS_SEPARATOR)) if w]
        stems = {w: _stem(w) for w in terms}
        anchors = {w: contexts[t] for w, t in stems.items() if t in contexts and is_noun(w)}
        meant = [
            w
            for w, used in anchors.items()
            if counts[w] <= MAX_SENSES
            or any(stems[o] in used for o in terms if stems[o] != stems[w])
        ]
        synset = tuple(
            dict.fromkeys(
                w for w in terms if w in meant or (w not in anchors and counts[w] <= MAX_SENSES)
            )
        )
        if meant and len(synset) >= 2 and synset not in seen:
            selected.append(synset)
            seen.add(synset)
    return selected


def _stem(word: str) -> str:
    """The stem of a term as the matcher reads it (`whole_word`); "" for none."""
    whole = whole_word(word)
    return stem(whole) if whole else ""


def contexts_of(content: Content) -> dict[str, set[str]]:
    """Anchor stem → the stems of every text of the pointers it names (title, keywords,
    questions, orientation)."""
    found: dict[str, set[str]] = {}
    for pointer in content.pointers:
        texts = (pointer.title, *pointer.keywords, *pointer.questions, pointer.orientation)
        used = {stem(w) for text in texts for w in words(text)}
        for anchor in pointer_anchors(pointer):
            found.setdefault(anchor, set()).update(used)
    return found


def version_of(lines: Iterable[str]) -> str:
    """The dump's date from its header ("Automatically generated 2016-04-24 23:01")."""
    for line in lines:
        if not line.startswith("#"):
            break
        found = _VERSION.search(line)
        if found:
            return found.group(1)
    return "?"


def build(source: Path, content_dir: Path) -> str:
    """The text of content/thesaurus.txt for this dump and these pointers."""
    text = source.read_text(encoding="utf-8")
    lines = text.splitlines()
    synsets = select(lines, contexts_of(load_content(content_dir)))
    header = THESAURUS_HEADER.format(
        version=version_of(lines), license=THESAURUS_LICENSE, senses=MAX_SENSES
    )
    return header + "".join(THESAURUS_SEPARATOR.join(synset) + "\n" for synset in synsets)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=SOURCE)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"{args.source} missing: apt-get install openthesaurus-de-text", file=sys.stderr)
        return 1
    out = args.out or args.content / THESAURUS_FILE
    text = build(args.source, args.content)
    out.write_text(text, encoding="utf-8")
    if LICENSE.is_file():
        shutil.copyfile(LICENSE, out.parent / THESAURUS_LICENSE)
    synsets = sum(1 for line in text.splitlines() if not line.startswith("#"))
    print(f"{out}: {synsets} synsets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
