"""The glossary (bot.content.glossary): shipped terms load, broken copies give findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.files import GLOSSARY_FILE, content_files
from bot.content.loader import ContentError, load_content
from bot.matching.normalize import fold
from tests.conftest import write_content

GLOSSARY = """\
terms:
  - id: augenhoehe
    term: "Augenhöhe"
    aliases: [gleichberechtigt, auf Augenhoehe]
    explanation: >-
      Alle begegnen sich als Gleiche.
    entries: [augenhoehe]
  - id: zeitplan
    term: "Zeitplan"
    aliases: []
    explanation: "Wann was passiert."
    entries: [zeitplan, augenhoehe]
"""


def test_glossary_loads_into_terms(tmp_path: Path) -> None:
    content = load_content(write_content(tmp_path / "c", **{GLOSSARY_FILE: GLOSSARY}))
    assert [t.id for t in content.glossary] == ["augenhoehe", "zeitplan"]
    term = content.term("augenhoehe")
    assert term is not None and term.aliases == ("gleichberechtigt", "auf Augenhoehe")
    assert term.explanation == "Alle begegnen sich als Gleiche."
    assert content.term("fehlt") is None


def test_without_a_glossary_file_the_glossary_is_empty(mini_content_dir: Path) -> None:
    assert load_content(mini_content_dir).glossary == ()


def test_glossary_belongs_to_the_content_version(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", **{GLOSSARY_FILE: GLOSSARY})
    assert root / GLOSSARY_FILE in content_files(root)
    before = load_content(root).version
    (root / GLOSSARY_FILE).write_text(GLOSSARY.replace("Gleiche", "Gleichgestellte"), "utf-8")
    assert load_content(root).version != before


# (old, new, field, needle): the finding's line is the last line containing needle.
BROKEN = {
    "unknown-entry": ("entries: [augenhoehe]", "entries: [weg]", "entries", "entries: [weg]"),
    "no-entries": ("entries: [augenhoehe]", "entries: []", "entries", "entries: []"),
    "alias-is-another-term": ("aliases: []", "aliases: [Augenhöhe]", "aliases", "[Augenhöhe]"),
    "alias-twice-folded": ("aliases: []", "aliases: [GLEICHBERECHTIGT]", "aliases", "GLEICH"),
    "no-explanation": ('    explanation: "Wann was passiert."\n', "", "explanation", "id: zeit"),
    "duplicate-id": ("  - id: zeitplan", "  - id: augenhoehe", "id", "id: augenhoehe"),
    "unknown-field": ("    aliases: []", "    synonyme: []", "synonyme", "synonyme:"),
    "bad-id": ("  - id: zeitplan", "  - id: Zeit Plan", "id", "Zeit Plan"),
}


@pytest.mark.parametrize(("old", "new", "field", "needle"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_glossary_gives_a_finding_with_line(
    tmp_path: Path, old: str, new: str, field: str, needle: str
) -> None:
    assert old in GLOSSARY
    broken = GLOSSARY.replace(old, new, 1)
    with pytest.raises(ContentError) as caught:
        load_content(write_content(tmp_path / "c", **{GLOSSARY_FILE: broken}))
    (finding,) = caught.value.findings
    assert (finding.file, finding.field) == (GLOSSARY_FILE, field)
    lines = [n for n, line in enumerate(broken.splitlines(), 1) if needle in line]
    assert finding.line == lines[-1]


def test_shipped_glossary_explains_the_jargon_of_the_content() -> None:
    content = load_content(DEFAULT_CONTENT_DIR)
    assert 10 <= len(content.glossary) <= 14
    terms = {fold(t.term) for t in content.glossary}
    words = terms | {fold(a) for t in content.glossary for a in t.aliases}
    for jargon in ("Empowerment", "Kontextsteuerung", "Lessons learned", "Communities"):
        assert fold(jargon) in words, jargon
    assert all(content.entry(e) for t in content.glossary for e in t.entries)


@pytest.mark.parametrize(
    ("word", "entry_id"),
    [
        ("Empowerment", "empowerment-steuern"),
        ("Kontextsteuerung", "verwaltung-ermoeglicher"),
        ("Lessons learned", "erfahrungen-weitergeben"),
        ("Communities", "schluesselpersonen"),
    ],
)
def test_jargon_is_explained_in_the_summary_where_it_appears(word: str, entry_id: str) -> None:
    entry = load_content(DEFAULT_CONTENT_DIR).entry(entry_id)
    assert entry is not None and word in entry.summary
    assert (
        f"{word} heißt" in entry.summary
        or f"{word}“" in entry.summary
        or (f"{word} sind" in entry.summary)
    )


def test_ermaechtigung_is_used_in_one_sense_only() -> None:
    content = load_content(DEFAULT_CONTENT_DIR)
    with_keyword = [
        e.id for e in content.entries if any(fold(k) == fold("Ermächtigung") for k in e.keywords)
    ]
    assert with_keyword == ["ermaechtigung"]
    empowerment = content.term("empowerment")
    assert empowerment is not None
    assert not any("ermächtigung" in a.casefold() for a in empowerment.aliases)
