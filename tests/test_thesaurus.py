"""Thesaurus links from everyday words to the Wegweiser pointers' nouns
(bot.matching.thesaurus) and what the matcher does with them."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

import pytest

from bot.content import Content
from bot.matching import KIND_POINTER, KIND_PRINCIPLE, Matcher
from bot.matching.normalize import stem
from bot.matching.thesaurus import (
    LINK_SIMILARITY,
    anchor_stems,
    is_noun,
    links,
    whole_word,
)
from bot.snapshot import Snapshot

ANCHORS = {stem("raeume"), stem("fuehrungszeugnis"), stem("verein")}


def no_workshop(token: str) -> bool:
    return False


def test_a_synset_links_its_words_to_the_anchor_noun() -> None:
    found = links([("Zimmer", "Raum", "Kammer")], ANCHORS, set(), no_workshop)
    assert found[stem("zimmer")] == (stem("raum"),)
    assert found[stem("kammer")] == (stem("raum"),)


def test_a_synset_without_an_anchor_links_nothing() -> None:
    assert links([("Zimmer", "Stube")], ANCHORS, set(), no_workshop) == {}


def test_only_a_noun_of_the_thesaurus_is_an_anchor() -> None:
    # "räumen" stems like "Räume", but the verb's synset is about clearing, not rooms
    assert links([("verlagern", "räumen")], {stem("raeume")}, set(), no_workshop) == {}


def test_a_part_of_a_hyphenated_compound_is_no_anchor() -> None:
    synset = ("Kick-off-Veranstaltung", "Auftakt", "Eröffnung")
    assert links([synset], {stem("veranstaltung")}, set(), no_workshop) == {}


def test_workshop_pointer_and_everyday_words_are_not_linked() -> None:
    synset = ("Raum", "Zimmer", "Kammer", "Stube", "Ort")
    workshop = {stem("kammer")}
    found = links([synset], ANCHORS, {stem("stube")}, workshop.__contains__)
    assert stem("kammer") not in found  # a workshop entry uses it: it keeps that meaning
    assert stem("stube") not in found  # the pointers name it already
    assert stem("ort") not in found  # "Ort" is too frequent to say which sense is meant
    assert stem("zimmer") in found


@pytest.mark.parametrize(
    ("word", "whole"),
    [("Zimmer", "zimmer"), ("E-Mail", "email"), ("Kick-off-Party", "kickoffparty"), ("und", None)],
)
def test_whole_word(word: str, whole: str | None) -> None:
    assert whole_word(word) == whole


def test_nouns_are_capitalised() -> None:
    assert is_noun("Raum") and not is_noun("räumen")


def test_the_committee_is_no_rubbish(shipped_snapshot: Snapshot) -> None:
    """ "Müll" shares a synset with "Ausschuss" (a keyword of the participation rules), but
    in another sense: that synset is not shipped."""
    assert stem("muell") not in shipped_snapshot.matcher.vocabulary.links


def test_anchors_are_the_pointers_nouns(shipped_snapshot: Snapshot) -> None:
    anchors = anchor_stems(shipped_snapshot.content)
    assert {stem("fuehrungszeugnis"), stem("verein"), stem("raeume")} <= anchors
    assert stem("registrieren") not in anchors  # a verb keyword of the online pointer
    assert stem("zeit") not in anchors  # of the keyword "wenig Zeit": several words


def test_a_paraphrase_reaches_its_pointer(shipped_snapshot: Snapshot) -> None:
    matcher = shipped_snapshot.matcher
    (term,) = matcher.vocabulary.resolve("strafregister")
    assert (stem("fuehrungszeugnis"), LINK_SIMILARITY) in term.candidates
    assert term.linked and matcher.practical.is_practical(term)
    result = matcher.search("Wo beantrage ich einen Auszug aus dem Strafregister?")
    assert result.kind == KIND_POINTER and result.pointer is not None
    assert result.pointer.pointer.id == "fuehrungszeugnis"


@pytest.mark.parametrize(
    ("question", "pointer"),
    [
        ("Wo beantrage ich einen Auszug aus dem Strafregister?", "fuehrungszeugnis"),
        ("Wir suchen ein Zimmer für unsere Probe am Donnerstag.", "raeume"),
    ],
)
def test_without_the_thesaurus_the_paraphrase_gets_no_pointer(
    shipped_snapshot: Snapshot, question: str, pointer: str
) -> None:
    content = shipped_snapshot.content
    linked = shipped_snapshot.matcher.search(question)
    plain = Matcher(replace(content, thesaurus=())).search(question)
    assert linked.pointer is not None and linked.pointer.pointer.id == pointer
    assert plain.pointer is None or plain.pointer.pointer.id != pointer


def test_a_word_with_a_reading_of_its_own_keeps_it(shipped_snapshot: Snapshot) -> None:
    """ "Kooperation" is the workshop's and has no link; a compound of known parts keeps
    its parts ("Sanitätsdienst" → Sanitäter) rather than a synset that holds it."""
    vocabulary = shipped_snapshot.matcher.vocabulary
    assert stem("kooperation") not in vocabulary.links
    (term,) = vocabulary.resolve("kooperation")
    assert all(similarity != LINK_SIMILARITY for _, similarity in term.candidates)
    # without the topic vocabulary, which knows "Sanitätsdiensten" as a word of its own
    content = replace(shipped_snapshot.content, lexicon=MappingProxyType({}))
    parts = Matcher(content).vocabulary.resolve("sanitaetsdienst")
    found = {c: s for t in parts for c, s in t.candidates}
    assert found.get(stem("sanitaeter")) == 1.0


def test_a_workshop_question_with_a_synset_word_keeps_its_principle(
    shipped_snapshot: Snapshot,
) -> None:
    result = shipped_snapshot.matcher.search(
        "Wie gelingt eine gute Kooperation zwischen Stadt und Initiativen?"
    )
    assert result.kind == KIND_PRINCIPLE


def test_no_links_in_english(shipped_snapshot: Snapshot) -> None:
    english: Content = shipped_snapshot.content.translations["en"]
    assert english.thesaurus  # the translation carries the German synsets ...
    assert Matcher(english).vocabulary.links == {}  # ... but English words are not linked
