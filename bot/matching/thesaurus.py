"""Weak links from general German words to the Wegweiser pointers' own nouns, from
OpenThesaurus (content/thesaurus.txt, `bot.content.thesaurus`).

A practical question often names its topic only by another word for it: "Subventionen" for
Fördermittel, "Club" for Verein, "Nachlass" for Vermächtnis, "Strafregister" for
Führungszeugnis. A synset of the thesaurus that holds a pointer's noun (an anchor: a
single-word keyword or a title word, capitalised) links its other words to that anchor: such
a word in a message then also stands for the anchor's stem, at LINK_SIMILARITY, below a
synonym of content/synonyms.yaml (a group the editors checked for this content; a synset is
general language).

Where a link could mislead, there is none:
- an anchor is a noun and matches only a noun of the thesaurus (capitalised there too):
  verbs and adjectives have many more senses in it ("speichern", "löschen", "helfen"), and
  one stem may be a noun and a verb ("Räume"/"räumen", "Veranstaltung"/"veranstalten");
- an anchor is a whole word, not a part of a hyphenated compound of the thesaurus
  ("Kick-off-Veranstaltung" is no Veranstaltung, and its synset holds "Auftakt");
- a word the workshop entries use keeps its meaning there ("Unterstützung", "Kooperation"):
  it already finds the entries that use it, and a link would add pointers as rivals;
- a word the pointers use already finds them, and a link would only mix their topics;
- a frequent word of general German (EVERYDAY_ZIPF: "Hilfe", "Stelle", "Leben") has too
  many senses for one synset to say which is meant; a word with many senses in the
  thesaurus itself is left out when the file is built, and an anchor with many is kept
  only where the synset holds another word of its pointers ("Ausschuss" with "Beirat",
  not with "Müll"; `bot.matching.thesaurus_build`);
- a message word with a reading of its own (an index word, a synonym, a compound of known
  parts) keeps it; the link is added to it or, for a word the content does not know at
  all, is its only reading (`bot.matching.terms`).
The links are built per content version (`content_links`), as pointers and entries change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping

from bot.content import Content, Pointer
from bot.matching.background import zipf
from bot.matching.documents import pointer_name_stems, pointer_only
from bot.matching.normalize import GERMAN, lower_case_words, stem, words

__all__ = [
    "LINK_SIMILARITY",
    "anchor_stems",
    "content_links",
    "is_noun",
    "links",
    "pointer_anchors",
    "whole_word",
]

# A linked word stands for its anchor this much: less than a synonym (0.8), more than a
# compound part (0.4). Chosen on tune data: on tests/data/thesaurus_fresh.yaml the right
# pointer came first for 0.543 / 0.571 / 0.600 / 0.571 of its questions at 0.5 / 0.6 / 0.7 /
# 0.75; the practical tune half and the realistic groups measured the same at each.
LINK_SIMILARITY = 0.7
# A word at least this frequent in general German is not linked ("Zimmer" 4.97 and "Club"
# 4.82 are, "Hilfe" 5.24 and "Stelle" 5.22 not): at 4.5 thesaurus_fresh.yaml measured 0.571,
# from 5.0 on 0.600, every other set the same.
EVERYDAY_ZIPF = 5.0


def is_noun(word: str) -> bool:
    """True for a capitalised word: in German, and in the thesaurus, a noun."""
    return word[:1].isupper()


def whole_word(word: str) -> str | None:
    """A single word folded as the matcher reads it, a hyphenated compound as the one word
    ("Kick-off-Veranstaltung" → "kickoffveranstaltung", not its part "veranstaltung");
    None for a stop word or several words."""
    found = words(word)
    if "-" in word and found:
        return found[-1]
    return found[0] if len(found) == 1 else None


def anchor_stems(content: Content) -> set[str]:
    """The stems of the nouns the pointers are named by (`pointer_anchors`)."""
    return {token for pointer in content.pointers for token in pointer_anchors(pointer)}


def pointer_anchors(pointer: Pointer) -> set[str]:
    """The stems of the nouns a pointer is named by: its capitalised single-word keywords
    and the capitalised words of its title."""
    plain = lower_case_words(pointer.title)
    found = {stem(w) for w in words(pointer.title) if w not in plain}
    for keyword in pointer.keywords:
        whole = whole_word(keyword) if is_noun(keyword) and " " not in keyword else None
        if whole:
            found.add(stem(whole))
    return found


def links(
    synsets: Iterable[tuple[str, ...]],
    anchors: Collection[str],
    pointer_stems: Collection[str],
    workshop: Callable[[str], bool],
) -> dict[str, tuple[str, ...]]:
    """Stem of a message word → the anchor stems it stands for (the module's rules).

    `anchors`: the anchor stems the index has (`anchor_stems`); `pointer_stems`: every stem
    the pointers are named by; `workshop(stem)`: whether a workshop entry uses the stem."""
    found: dict[str, set[str]] = defaultdict(set)
    for synset in synsets:
        read = [(w, is_noun(word)) for word in synset if (w := whole_word(word))]
        targets = {stem(w) for w, noun in read if noun and stem(w) in anchors}
        if not targets:
            continue
        for word, _ in read:
            token = stem(word)
            if token in pointer_stems or zipf(word) >= EVERYDAY_ZIPF or workshop(token):
                continue
            found[token].update(targets)
    return {token: tuple(sorted(targets)) for token, targets in found.items()}


def content_links(
    content: Content, postings: Mapping[str, Mapping[int, float]], count: int
) -> dict[str, tuple[str, ...]]:
    """The thesaurus links of a German content set for its index (`postings`, entries
    numbered below `count`); none for another language."""
    if content.lang != GERMAN or not content.thesaurus:
        return {}
    anchors = {token for token in anchor_stems(content) if token in postings}
    named = pointer_name_stems(content.pointers, GERMAN)

    def workshop(token: str) -> bool:
        return token in postings and not pointer_only(token, postings, count)

    return links(content.thesaurus, anchors, named, workshop)
