"""Optional entry fields (bot.content.extras): plain version, role steps, legal note, checked.

Each broken copy of the mini content set shows one finding with file, line, entry, field.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.extras import LEGAL_MARKER
from bot.content.loader import ContentError, Finding, load_content
from bot.content.model import KIND_ABOUT, ROLE_ENGAGIERTE, ROLE_VERWALTUNG, Plain, Roles
from tests.conftest import MINI_ENTRIES, write_content

ZEITPLAN_PLAIN = """\
    plain:
      summary: "Zeigen Sie den Zeitplan. Dann wissen alle Bescheid."
      steps:
        - "Zeigen Sie die wichtigen Termine."
        - "Sagen Sie, wann entschieden wird."
"""
ROLES = """\
    roles:
      verwaltung:
        - "Hängen Sie den Zeitplan im Rathaus aus."
        - "Nennen Sie die Termine der Ausschüsse."
      engagierte:
        - "Fragen Sie nach dem Zeitplan."
        - "Tragen Sie die Termine in Ihren Kalender ein."
"""
LEGAL = """\
    legal_note: >-
      Allgemeiner Hinweis, keine Rechtsberatung: Fragen Sie im Zweifel das Rechtsamt.
"""


def line_of(text: str, needle: str, after: str = "- id: zeitplan") -> int:
    """1-based line of the first line containing needle, below the line containing after."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if after in line)
    return next(n for n, line in enumerate(lines[start:], start + 1) if needle in line)


def with_extras(extra: str, plain: str = ZEITPLAN_PLAIN) -> str:
    """MINI_ENTRIES with the zeitplan entry's plain block replaced by plain + extra."""
    assert ZEITPLAN_PLAIN in MINI_ENTRIES
    return MINI_ENTRIES.replace(ZEITPLAN_PLAIN, plain + extra)


def findings_for(tmp_path: Path, entries: str) -> list[Finding]:
    root = write_content(tmp_path / "c", entries=entries)
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return caught.value.findings


def test_new_fields_load_into_the_entry(tmp_path: Path) -> None:
    content = load_content(write_content(tmp_path / "c", entries=with_extras(ROLES + LEGAL)))
    entry = content.entry("zeitplan")
    assert entry is not None
    assert entry.plain == Plain(
        "Zeigen Sie den Zeitplan. Dann wissen alle Bescheid.",
        ("Zeigen Sie die wichtigen Termine.", "Sagen Sie, wann entschieden wird."),
    )
    assert isinstance(entry.roles, Roles)
    assert entry.roles.steps_for(ROLE_VERWALTUNG)[0] == "Hängen Sie den Zeitplan im Rathaus aus."
    assert len(entry.roles.steps_for(ROLE_ENGAGIERTE)) == 2
    assert entry.roles.steps_for("buergermeister") == ()
    assert entry.legal_note.startswith("Allgemeiner Hinweis, keine Rechtsberatung:")
    other = content.entry("augenhoehe")
    assert other is not None and other.roles is None and other.legal_note == ""


BROKEN = [
    pytest.param(with_extras("", plain=""), {"plain"}, "- id: zeitplan", id="plain-missing"),
    pytest.param(
        with_extras(
            "", plain=ZEITPLAN_PLAIN.replace('        - "Sagen Sie, wann entschieden wird."\n', "")
        ),
        {"plain.steps"},
        "      steps:",
        id="plain-steps-count",
    ),
    pytest.param(
        with_extras("", plain=ZEITPLAN_PLAIN.replace("      summary:", "      zusammenfassung:")),
        {"plain.zusammenfassung", "plain.summary"},
        "zusammenfassung:",
        id="plain-unknown-subfield",
    ),
    pytest.param(
        with_extras("", plain=ZEITPLAN_PLAIN.replace("Dann wissen alle Bescheid.", "Kurz. " * 60)),
        {"plain.summary"},
        "Zeigen Sie den Zeitplan. Kurz.",
        id="plain-summary-too-long",
    ),
    pytest.param(
        with_extras("", plain='    plain: "Zeigen Sie den Zeitplan."\n'),
        {"plain"},
        'plain: "Zeigen Sie den Zeitplan."',
        id="plain-not-a-mapping",
    ),
    pytest.param(
        with_extras(ROLES.replace("      engagierte:", "      buerger:")),
        {"roles.buerger", "roles.engagierte"},
        "buerger:",
        id="roles-unknown-key",
    ),
    pytest.param(
        with_extras(ROLES.replace('        - "Nennen Sie die Termine der Ausschüsse."\n', "")),
        {"roles.verwaltung"},
        "verwaltung:",
        id="roles-too-few-steps",
    ),
    pytest.param(
        with_extras(LEGAL.replace("keine Rechtsberatung", "bitte beachten")),
        {"legal_note"},
        "legal_note:",
        id="legal-note-without-marker",
    ),
]


@pytest.mark.parametrize(("entries", "fields", "needle"), BROKEN)
def test_each_broken_field_gives_its_finding_with_file_and_line(
    tmp_path: Path, entries: str, fields: set[str], needle: str
) -> None:
    found = findings_for(tmp_path, entries)
    assert {(f.file, f.entry) for f in found} == {("entries/basis.yaml", "zeitplan")}
    assert {f.field for f in found} == fields, found
    assert found[0].line == line_of(entries, needle)


def test_roles_need_both_perspectives(tmp_path: Path) -> None:
    only_one = ROLES.split("      engagierte:")[0]
    found = findings_for(tmp_path, with_extras(only_one))
    assert [(f.field, f.line) for f in found] == [
        ("roles.engagierte", line_of(with_extras(only_one), "    roles:"))
    ]
    assert "beide Sichten" in found[0].message


def test_about_entries_may_do_without_plain(tmp_path: Path) -> None:
    about = with_extras("", plain="").replace("kind: practice", f"kind: {KIND_ABOUT}")
    entry = load_content(write_content(tmp_path / "c", entries=about)).entry("zeitplan")
    assert entry is not None and entry.plain is None


def shipped_entries() -> list:
    return list(load_content(DEFAULT_CONTENT_DIR).entries)


def test_shipped_entries_have_plain_versions_roles_and_legal_notes() -> None:
    entries = shipped_entries()
    assert all(e.plain is not None for e in entries)  # the about entry has one too
    assert all(len(e.plain.steps) == len(e.steps) for e in entries if e.plain)
    with_roles = [e.id for e in entries if e.roles]
    assert len(with_roles) >= 12
    notes = [e for e in entries if e.legal_note]
    assert 4 <= len(notes) <= 8
    assert all(LEGAL_MARKER in e.legal_note for e in notes)
    offices = ("Rechtsamt", "Kämmerei", "Datenschutzbeauftragte", "Unfallkasse", "Vergabestelle")
    assert all(any(office in e.legal_note for office in offices) for e in notes)


def test_plain_versions_are_never_called_leichte_sprache() -> None:
    texts = [DEFAULT_CONTENT_DIR.joinpath(p) for p in ("messages.yaml", "glossary.yaml")]
    texts += sorted((DEFAULT_CONTENT_DIR / "entries").glob("*.yaml"))
    for path in texts:
        lines = path.read_text(encoding="utf-8").splitlines()
        prose = [
            line
            for line in lines
            if "Leichte Sprache" in line
            and "keywords:" not in line
            and "nicht „Leichte Sprache“" not in line
            and not line.lstrip().startswith('- "')  # example questions people type
        ]
        assert not prose, (path.name, prose)
