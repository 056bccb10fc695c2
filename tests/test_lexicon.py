"""The Wegweiser topic vocabulary: loading and checking content/lexicon.yaml
(bot.content.lexicon) and what the matcher does with it."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import MappingProxyType

import pytest

from bot.content import ContentError, Finding, load_content
from bot.matching import Matcher
from bot.matching.documents import LEXICON_WEIGHT, lexicon_stems
from bot.matching.ngrams import NgramClassifier
from bot.matching.normalize import stem, words
from tests.conftest import CONTENT_DIR, write_content
from tests.test_pointers import MINI_WEGWEISER, line_of

LEXICON = """\
# built, not edited
pointers:
  - id: foerdermittel
    words: ["Projektskizze", "einwerben"]
    sources:
      - "https://a.example/foerderung"
      - "http://b.example/antrag"
  - id: versicherung
    words: ["Unfallkasse"]
"""


def load(tmp_path: Path, lexicon: str) -> Path:
    return write_content(
        tmp_path / "c", **{"wegweiser.yaml": MINI_WEGWEISER, "lexicon.yaml": lexicon}
    )


def findings_for(tmp_path: Path, lexicon: str) -> list[Finding]:
    with pytest.raises(ContentError) as caught:
        load_content(load(tmp_path, lexicon))
    return caught.value.findings


def test_the_words_load_per_pointer(tmp_path: Path) -> None:
    content = load_content(load(tmp_path, LEXICON))
    assert dict(content.lexicon) == {
        "foerdermittel": ("Projektskizze", "einwerben"),
        "versicherung": ("Unfallkasse",),
    }
    assert isinstance(content.lexicon, MappingProxyType)


def test_without_the_file_there_is_no_lexicon(mini_content_dir: Path) -> None:
    assert not load_content(mini_content_dir).lexicon


def test_the_file_changes_the_version(tmp_path: Path) -> None:
    without = load_content(write_content(tmp_path / "a", **{"wegweiser.yaml": MINI_WEGWEISER}))
    assert load_content(load(tmp_path, LEXICON)).version != without.version


@pytest.mark.parametrize(
    ("old", "new", "pointer", "field", "says", "at"),
    [
        ("id: versicherung", "id: haftung", "haftung", "id", "gibt es nicht", "id: haftung"),
        (
            '"Unfallkasse"',
            '"Unfall kasse"',
            "versicherung",
            "words",
            "einzelnes Wort",
            "Unfall kasse",
        ),
        ('["Unfallkasse"]', "[]", "versicherung", "words", "Liste von Wörtern", "words: []"),
        (
            '"http://b.example/antrag"',
            '"ftp://b.example"',
            "foerdermittel",
            "sources",
            "https://",
            "ftp://",
        ),
        (
            '    words: ["Unfallkasse"]',
            '    words: ["Unfallkasse"]\n    wort: x',
            "versicherung",
            "wort",
            "Unbekanntes Feld",
            "wort: x",
        ),
        (
            "id: versicherung",
            "id: foerdermittel",
            "foerdermittel",
            "id",
            "gibt es schon",
            ("id: foerdermittel", 2),
        ),
    ],
)
def test_a_broken_item_is_reported_with_file_line_and_field(
    tmp_path: Path,
    old: str,
    new: str,
    pointer: str,
    field: str,
    says: str,
    at: str | tuple[str, int],
) -> None:
    text = LEXICON.replace(old, new)
    (finding,) = findings_for(tmp_path, text)
    needle, nth = at if isinstance(at, tuple) else (at, 1)
    lines = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    assert (finding.file, finding.line, finding.entry, finding.field) == (
        "lexicon.yaml",
        lines[nth - 1],
        pointer,
        field,
    )
    assert says in finding.message


def test_the_top_level_key_is_required(tmp_path: Path) -> None:
    (finding,) = findings_for(tmp_path, LEXICON.replace("pointers:", "woerter:"))
    assert finding.file == "lexicon.yaml" and "pointers:" in finding.message


def test_a_yaml_error_names_file_and_line(tmp_path: Path) -> None:
    text = LEXICON.replace('"Unfallkasse"]', '"Unfallkasse"')
    (finding,) = findings_for(tmp_path, text)
    assert finding.file == "lexicon.yaml" and finding.line >= line_of(text, "Unfallkasse")


def test_the_shipped_lexicon_is_valid_and_keeps_its_rule() -> None:
    content = load_content(CONTENT_DIR)
    assert set(content.lexicon) <= {pointer.id for pointer in content.pointers}
    entry_stems = {
        stem(word)
        for entry in content.entries
        for text in (entry.title, entry.summary, *entry.questions, *entry.keywords, *entry.steps)
        for word in words(text)
    }
    assert not lexicon_stems(content.lexicon, "de") & entry_stems


def test_a_lexicon_word_finds_its_pointer(tmp_path: Path) -> None:
    content = load_content(load(tmp_path, LEXICON))
    question = "Wie schreiben wir eine gute Projektskizze?"
    without = Matcher(dataclasses.replace(content, lexicon=MappingProxyType({})))
    (plain,) = [t for t in without.terms(question) if t.token == stem("projektskizze")]
    assert plain.candidates == ()  # no text of the content has it
    matcher = Matcher(content)
    (term,) = [t for t in matcher.terms(question) if t.token == stem("projektskizze")]
    assert dict(term.candidates) == {stem("projektskizze"): 1.0}
    _, pointers = matcher.rank(matcher.terms(question))
    assert matcher.pointer_at(pointers[0].index).id == "foerdermittel"
    # weaker than a word the pointer was written with, and a practical word
    assert matcher._postings[stem("projektskizze")][pointers[0].index] == LEXICON_WEIGHT
    assert matcher.practical.is_practical(term)


def test_the_english_index_goes_without_the_german_lexicon() -> None:
    content = load_content(CONTENT_DIR)
    token = sorted(lexicon_stems(content.lexicon, "de"))[0]
    english = Matcher(content.translations["en"])
    assert token not in english._postings


def test_the_ngram_classifier_learns_the_lexicon_words(tmp_path: Path) -> None:
    content = load_content(load(tmp_path, LEXICON))
    without = NgramClassifier(dataclasses.replace(content, lexicon=MappingProxyType({})))
    learned = NgramClassifier(content)
    message = "Wo können wir Geld einwerben?"
    assert (
        learned.posterior(message)["foerdermittel"] > without.posterior(message)["foerdermittel"]
    )
    # the English classifier goes without the German words
    english = NgramClassifier(dataclasses.replace(content, lang="en"))
    assert english.posterior(message) == NgramClassifier(
        dataclasses.replace(content, lang="en", lexicon=MappingProxyType({}))
    ).posterior(message)
