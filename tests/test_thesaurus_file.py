"""content/thesaurus.txt, the shipped OpenThesaurus subset (bot.content.thesaurus): it
parses, names its source and licence, and a broken line is reported like any content error."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content import THESAURUS_FILE, THESAURUS_LICENSE, ContentError, load_content
from bot.content.thesaurus import HEADER, parse_line, parse_thesaurus
from tests.conftest import write_content

SHIPPED = DEFAULT_CONTENT_DIR / THESAURUS_FILE
GOOD = HEADER.format(version="2016-04-24", license=THESAURUS_LICENSE, senses=3)


def test_the_shipped_file_names_source_version_and_licence() -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("openthesaurus.de" in line for line in header)
    assert any("LGPL" in line and "2.1" in line for line in header)
    assert any("2016-04-24" in line for line in header)
    licence = (DEFAULT_CONTENT_DIR / THESAURUS_LICENSE).read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in licence and "Version 2.1" in licence


def test_every_line_of_the_shipped_file_parses() -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    synsets, problems = parse_thesaurus(text)
    assert problems == []
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert len(synsets) == len(lines) > 100
    assert all(parse_line(line) for line in lines)


def test_the_shipped_content_carries_the_synsets() -> None:
    content = load_content(DEFAULT_CONTENT_DIR)
    assert next(synset[:3] for synset in content.thesaurus if "Strafregister" in synset) == (
        "Vorstrafenregister",
        "Führungszeugnis",
        "Strafregister",
    )


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("Verein;Klub;Club", ("Verein", "Klub", "Club")),
        ("E-Mail;Mail", ("E-Mail", "Mail")),
        ("Verein", None),  # one word is no group
        ("Verein;ins Leben rufen", None),  # several words
        ("Knete (ugs.);Geld", None),  # a marker
        ("Verein;;Klub", None),
    ],
)
def test_parse_line(line: str, words: tuple[str, ...] | None) -> None:
    assert parse_line(line) == words


def test_a_header_without_source_or_licence_is_a_problem() -> None:
    _, problems = parse_thesaurus("# some words\nVerein;Klub\n")
    assert problems and "OpenThesaurus" in problems[0][1] and "LGPL" in problems[0][1]


def test_a_broken_line_names_file_and_line(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", **{THESAURUS_FILE: GOOD + "Verein;Klub\nVerein\n"})
    with pytest.raises(ContentError) as raised:
        load_content(root)
    (finding,) = raised.value.findings
    assert finding.file == THESAURUS_FILE
    assert finding.line == GOOD.count("\n") + 2
    assert "„;“" in finding.message


def test_without_the_file_there_are_no_synsets(tmp_path: Path) -> None:
    assert load_content(write_content(tmp_path / "c")).thesaurus == ()
    root = write_content(tmp_path / "d", **{THESAURUS_FILE: GOOD + "Verein;Klub\n"})
    assert load_content(root).thesaurus == (("Verein", "Klub"),)
