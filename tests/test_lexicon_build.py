"""Building content/lexicon.yaml from a corpus of pages per pointer
(bot.matching.lexicon_build): the selection rule, on a tiny corpus and the mini content."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content import load_content
from bot.matching.lexicon_build import (
    COMPARISON,
    build,
    is_candidate,
    is_german_rare,
    log_odds,
    main,
    read_corpus,
    read_topic,
    render,
    site,
)
from bot.matching.normalize import stem
from tests.conftest import write_content
from tests.test_pointers import MINI_WEGWEISER

# Each kept or dropped word is named in the comment of the first page that has it.
FOERDERMITTEL = """\
# query: Fördermittel beantragen
@ https://a.example/foerderung
Projektskizze einwerben Stipendium Haftpflichtpolice Meilensteine Impressum geplanten
Vernetzung Meilensteinplanung Geld Foundations
@ https://www.b.example/antrag
Projektskizze einwerben Haftpflichtpolice Meilensteine Impressum geplanten Vernetzung
Meilensteinplanung Geld Foundations
@ https://a.example/stipendien
Stipendium Projektskizze
"""
VERSICHERUNG = """\
@ https://c.example/versichert
Haftpflichtpolice Unfallkasse
@ https://d.example/unfall
Haftpflichtpolice Unfallkasse
"""
WORKSHOP = """\
@ https://e.example/netzwerk
Vernetzung Kooperation
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (
        ("foerdermittel", FOERDERMITTEL),
        ("versicherung", VERSICHERUNG),
        (COMPARISON, WORKSHOP),
    ):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def chosen(tmp_path: Path) -> dict[str, list[str]]:
    content = load_content(write_content(tmp_path / "c", **{"wegweiser.yaml": MINI_WEGWEISER}))
    return build(read_corpus(write_corpus(tmp_path / "corpus")), content)


def test_a_page_seen_twice_counts_once_and_comments_are_skipped() -> None:
    topic = read_topic(
        "# query: x\n@ https://a.example/p\nProjektskizze\n@ https://a.example/p\nAntrag\n"
    )
    assert [url for url, _ in topic.pages] == ["https://a.example/p"]
    assert topic.page_count(stem("projektskizze")) == 1


def test_pages_of_one_site_count_as_one() -> None:
    topic = read_topic(FOERDERMITTEL)
    assert topic.page_count(stem("stipendium")) == 1  # two pages, both of a.example
    assert topic.page_count(stem("projektskizze")) == 2
    assert site("https://www.b.example/antrag") == "b.example"


@pytest.mark.parametrize(
    ("word", "kept"),
    [
        ("Projektskizze", True),
        ("einwerben", True),  # a verb
        ("geplanten", False),  # a participle
        ("gemeinnützig", False),  # an adjective
        ("Online-Formular", False),  # hyphenated: its parts would be indexed
        ("Amt", False),  # too short
    ],
)
def test_only_nouns_and_verbs_are_candidates(word: str, kept: bool) -> None:
    assert is_candidate(word) is kept


@pytest.mark.parametrize(
    ("folded", "rare"), [("projektskizze", True), ("geld", False), ("foundations", False)]
)
def test_a_rare_german_word_is_neither_everyday_nor_english(folded: str, rare: bool) -> None:
    assert is_german_rare(folded) is rare


def test_log_odds_favour_a_word_of_the_topic() -> None:
    assert log_odds(3, 4, 0, 40) > log_odds(3, 4, 3, 40) > 0 > log_odds(0, 4, 5, 40)


@pytest.mark.parametrize(
    ("word", "why"),
    [
        ("Stipendium", "on pages of one site only"),
        ("Haftpflichtpolice", "a word of two pointers' pages"),
        ("Vernetzung", "the comparison pages use it"),
        ("Meilensteine", "a workshop entry uses it"),
        ("Meilensteinplanung", "an entry's word is a part of it"),
        ("Impressum", "furniture of web pages"),
        ("geplanten", "a participle"),
        ("Geld", "everyday German"),
        ("Foundations", "an English word"),
    ],
)
def test_a_word_is_left_out(chosen: dict[str, list[str]], word: str, why: str) -> None:
    assert word not in chosen["foerdermittel"], why


def test_the_topic_words_are_kept_per_pointer(chosen: dict[str, list[str]]) -> None:
    assert chosen["foerdermittel"] == ["Projektskizze", "einwerben"]
    assert chosen["versicherung"] == ["Unfallkasse"]


def test_the_built_file_loads_with_its_sources(tmp_path: Path) -> None:
    corpus = read_corpus(write_corpus(tmp_path / "corpus"))
    chosen = {"foerdermittel": ["Projektskizze"], "versicherung": []}
    text = render(chosen, corpus)
    assert text.startswith("# Themenwortschatz") and "lexicon_build" in text
    assert '      - "https://www.b.example/antrag"' in text
    root = write_content(
        tmp_path / "c", **{"wegweiser.yaml": MINI_WEGWEISER, "lexicon.yaml": text}
    )
    lexicon = load_content(root).lexicon
    assert dict(lexicon) == {"foerdermittel": ("Projektskizze",)}  # no empty list written


def test_main_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_content(tmp_path / "c", **{"wegweiser.yaml": MINI_WEGWEISER})
    corpus = write_corpus(tmp_path / "corpus")
    assert main([str(corpus), "--content", str(root)]) == 0
    assert load_content(root).lexicon["foerdermittel"] == ("Projektskizze", "einwerben")
    assert "3 words for 2 pointers" in capsys.readouterr().out
    assert main([str(tmp_path / "missing"), "--content", str(root)]) == 1


def test_a_broken_lexicon_file_does_not_stop_a_rebuild(tmp_path: Path) -> None:
    root = write_content(
        tmp_path / "c",
        **{"wegweiser.yaml": MINI_WEGWEISER, "lexicon.yaml": "pointers:\n  - id: nirgends\n"},
    )
    assert main([str(write_corpus(tmp_path / "corpus")), "--content", str(root)]) == 0
    assert load_content(root).lexicon["versicherung"] == ("Unfallkasse",)
