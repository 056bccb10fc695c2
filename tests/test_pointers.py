"""Wegweiser pointers: loading content/wegweiser.yaml and every finding it can produce."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content import ContentError, Finding, load_content, summary_line
from bot.content.model import Link
from bot.content.pointers import url_problem
from tests.conftest import CONTENT_DIR, write_content

MINI_WEGWEISER = """\
pointers:
  - id: foerdermittel
    title: "Fördermittel finden und beantragen"
    orientation: >-
      Geld für Projekte gibt es von Kommune, Land, Bund und Stiftungen.
      Achten Sie auf Fristen und den Eigenanteil.
    who_helps:
      - "Ihre Freiwilligenagentur vor Ort"
      - "Das Landesnetzwerk Bürgerschaftliches Engagement"
    links:
      - title: "Förderdatenbank des Bundes"
        url: "https://www.foerderdatenbank.de/"
    note: "Orientierung, keine Rechts- oder Steuerberatung."
    related: [zeitplan]
    questions:
      - "Wo finde ich Fördermittel für unser Projekt?"
      - "Wie stelle ich einen Förderantrag?"
      - "Gibt es Geld für kleine Initiativen?"
      - "Welche Stiftungen fördern Ehrenamt?"
      - "Woher bekommen wir Zuschüsse?"
      - "Foerdergeld beantragen wie geht das"
    keywords: [Fördermittel, Zuschuss, Förderantrag]
  - id: versicherung
    title: "Versichert im Ehrenamt"
    orientation: "Bei einem Unfall im Engagement greift oft die gesetzliche Unfallversicherung."
    who_helps: ["Die Unfallkasse"]
    links:
      - title: "DGUV"
        url: "https://www.dguv.de/"
      - title: "BBE"
        url: "https://www.b-b-e.de/"
    note: "Orientierung, keine Rechtsberatung."
    questions:
      - "Bin ich versichert?"
      - "Wer zahlt bei einem Unfall?"
      - "Gibt es eine Unfallversicherung für Ehrenamtliche?"
      - "Brauchen wir eine Haftpflicht?"
      - "ehrenamt versicherung"
      - "Was ist die Sammelversicherung?"
    keywords: [Versicherung]
"""


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing needle."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def findings_for(tmp_path: Path, wegweiser: str) -> list[Finding]:
    root = write_content(tmp_path / "c", **{"wegweiser.yaml": wegweiser})
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return caught.value.findings


def test_pointers_load_into_immutable_objects(tmp_path: Path) -> None:
    content = load_content(write_content(tmp_path / "c", **{"wegweiser.yaml": MINI_WEGWEISER}))
    assert [p.id for p in content.pointers] == ["foerdermittel", "versicherung"]
    pointer = content.pointer("foerdermittel")
    assert pointer is not None
    assert pointer.links == (
        Link("Förderdatenbank des Bundes", "https://www.foerderdatenbank.de/"),
    )
    assert pointer.who_helps[1] == "Das Landesnetzwerk Bürgerschaftliches Engagement"
    assert pointer.related == ("zeitplan",)
    assert pointer.orientation.endswith("den Eigenanteil.")
    assert len(pointer.questions) == 6 and pointer.keywords[0] == "Fördermittel"
    assert content.pointer("zeitplan") is None and content.entry("foerdermittel") is None
    with pytest.raises(AttributeError):
        pointer.title = "x"  # type: ignore[misc]
    assert summary_line(content).startswith("3 Einträge, 2 Wegweiser, 2 Tipps")


def test_without_the_file_there_are_no_pointers(mini_content_dir: Path) -> None:
    assert load_content(mini_content_dir).pointers == ()


def test_the_file_changes_the_version(tmp_path: Path) -> None:
    without = load_content(write_content(tmp_path / "a")).version
    extra = {"wegweiser.yaml": MINI_WEGWEISER}
    assert load_content(write_content(tmp_path / "b", **extra)).version != without


def test_shipped_pointers_are_valid() -> None:
    content = load_content(CONTENT_DIR)
    entry_ids = {entry.id for entry in content.entries}
    for pointer in content.pointers:
        assert pointer.id not in entry_ids
        assert set(pointer.related) <= entry_ids
        assert pointer.who_helps and pointer.links and pointer.note


def _replace(old: str, new: str, count: int = 1) -> str:
    assert old in MINI_WEGWEISER
    return MINI_WEGWEISER.replace(old, new, count)


BROKEN = [
    pytest.param(
        _replace(
            '    title: "Versichert im Ehrenamt"', '    title: "' + "Sehr langer Titel " * 4 + '"'
        ),
        "versicherung",
        "title",
        "erlaubt sind 60",
        'title: "Sehr langer',
        id="title-too-long",
    ),
    pytest.param(
        _replace('    who_helps: ["Die Unfallkasse"]\n', ""),
        "versicherung",
        "who_helps",
        "fehlt",
        "- id: versicherung",
        id="who-helps-missing",
    ),
    pytest.param(
        _replace('    note: "Orientierung, keine Rechtsberatung."\n', ""),
        "versicherung",
        "note",
        "fehlt",
        "- id: versicherung",
        id="note-missing",
    ),
    pytest.param(
        _replace("keine Rechtsberatung.", "bitte beachten."),
        "versicherung",
        "note",
        "keine Rechts- oder Steuerberatung",
        "bitte beachten",
        id="note-no-advice",
    ),
    pytest.param(
        _replace("https://www.dguv.de/", "http://www.dguv.de/"),
        "versicherung",
        "links",
        "https://",
        "http://www.dguv.de/",
        id="link-not-https",
    ),
    pytest.param(
        _replace("https://www.dguv.de/", "https://dguv"),
        "versicherung",
        "links",
        "Rechnername",
        "https://dguv",
        id="link-no-host",
    ),
    pytest.param(
        _replace('url: "https://www.dguv.de/"', 'url: "https://www.dguv.de/a b"'),
        "versicherung",
        "links",
        "Leerzeichen",
        "a b",
        id="link-space",
    ),
    pytest.param(
        _replace('      - title: "DGUV"\n', '      - titel: "DGUV"\n'),
        "versicherung",
        "links",
        "Titel",
        'titel: "DGUV"',
        id="link-no-title",
    ),
    pytest.param(
        _replace(
            '        url: "https://www.b-b-e.de/"\n',
            '        url: "https://www.b-b-e.de/"\n      - title: "X"\n        url: "https://x.de/"\n',
        ),
        "versicherung",
        "links",
        "3 Links",
        ('title: "DGUV"', -1),
        id="too-many-links",
    ),
    pytest.param(
        _replace("    related: [zeitplan]", "    related: [gibtsnicht]"),
        "foerdermittel",
        "related",
        "gibtsnicht",
        "related: [gibtsnicht]",
        id="related-unknown",
    ),
    pytest.param(
        _replace('      - "Foerdergeld beantragen wie geht das"\n', ""),
        "foerdermittel",
        "questions",
        "6 bis 14",
        "    questions:",
        id="too-few-questions",
    ),
    pytest.param(
        _replace("    keywords: [Versicherung]\n", ""),
        "versicherung",
        "keywords",
        "fehlt",
        "- id: versicherung",
        id="keywords-missing",
    ),
    pytest.param(
        _replace("    keywords: [Versicherung]", "    keywords: [Versicherung]\n    thema: x"),
        "versicherung",
        "thema",
        "Tippfehler",
        "thema: x",
        id="unknown-field",
    ),
    pytest.param(
        _replace("  - id: versicherung", "  - id: augenhoehe"),
        "augenhoehe",
        "id",
        "Eintrags",
        "- id: augenhoehe",
        id="id-clashes-with-entry",
    ),
    pytest.param(
        _replace("  - id: versicherung", "  - id: foerdermittel"),
        "foerdermittel",
        "id",
        "gibt es schon",
        ("Versichert im Ehrenamt", -1),
        id="duplicate-id",
    ),
]


@pytest.mark.parametrize(("text", "pointer", "field", "says", "at"), BROKEN)
def test_broken_pointer_is_reported_with_file_line_and_field(
    tmp_path: Path, text: str, pointer: str, field: str, says: str, at: str | tuple[str, int]
) -> None:
    """`at` is the text on the reported line, or (text, offset) for the line next to it."""
    (finding,) = findings_for(tmp_path, text)
    assert (finding.file, finding.entry, finding.field) == ("wegweiser.yaml", pointer, field)
    assert says in finding.message
    needle, offset = at if isinstance(at, tuple) else (at, 0)
    assert finding.line == line_of(text, needle) + offset


def test_top_level_key_is_required(tmp_path: Path) -> None:
    (finding,) = findings_for(tmp_path, MINI_WEGWEISER.replace("pointers:", "wegweiser:"))
    assert finding.file == "wegweiser.yaml" and "„pointers:“" in finding.message


def test_yaml_error_names_the_file(tmp_path: Path) -> None:
    (finding,) = findings_for(tmp_path, _replace('title: "DGUV"', 'title: "DGUV'))
    assert finding.file == "wegweiser.yaml" and "YAML-Syntaxfehler" in finding.message


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.foerderdatenbank.de/", True),
        ("https://aug.dguv.de/grundlagen/im-einsatz-fuer-die-gute-sache/", True),
        ("http://www.dguv.de/", False),
        ("www.dguv.de", False),
        ("https://localhost/", False),
        ("https:///pfad", False),
        ("https://www.dguv .de/", False),
    ],
)
def test_url_problem(url: str, ok: bool) -> None:
    assert (url_problem(url) is None) is ok
