"""Content loading and validation: every kind of finding names file, line, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content import ContentError, Finding, load_content, summary_line
from tests.conftest import MINI_ENTRIES, MINI_TIPS, MINI_TOPICS, write_content


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing needle."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def findings_for(tmp_path: Path, **files: str) -> list[Finding]:
    root = write_content(tmp_path / "c", **files)
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return caught.value.findings


def test_mini_content_loads_into_immutable_objects(mini_content_dir: Path) -> None:
    content = load_content(mini_content_dir)
    assert [e.id for e in content.entries] == ["augenhoehe", "zeitplan", "ressource-partner"]
    entry = content.entry("augenhoehe")
    assert entry is not None and entry.steps[0].startswith("Laden Sie")
    with pytest.raises(AttributeError):
        entry.title = "x"  # type: ignore[misc]
    assert content.entries_in("basis")[2].poles == ("Bürger als Ressource", "Bürger als Partner")
    assert summary_line(content) == "3 Einträge, 2 Tipps, 2/2 Pflicht-Aussagen abgedeckt"


def test_version_changes_when_a_file_changes(tmp_path: Path) -> None:
    first = load_content(write_content(tmp_path / "a")).version
    second = load_content(write_content(tmp_path / "b", tips=MINI_TIPS + "\n# edit\n")).version
    assert first != second


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    broken = MINI_ENTRIES.replace('title: "Zeitplan offenlegen"', 'title: "Zeitplan offenlegen')
    (finding,) = findings_for(tmp_path, entries=broken)
    assert finding.file == "entries/basis.yaml"
    assert finding.line >= line_of(broken, 'title: "Zeitplan offenlegen')
    assert "YAML-Syntaxfehler" in finding.message


def test_missing_required_field(tmp_path: Path) -> None:
    broken = MINI_ENTRIES.replace(
        '    summary: "Wer den Zeitplan zeigt, schafft Verlässlichkeit."\n', ""
    )
    (finding,) = findings_for(tmp_path, entries=broken)
    assert (finding.entry, finding.field) == ("zeitplan", "summary")
    assert finding.line == line_of(broken, "- id: zeitplan")
    assert "fehlt" in finding.message


def test_wrong_type_is_reported_with_line(tmp_path: Path) -> None:
    broken = MINI_ENTRIES.replace(
        "    keywords: [termine, fristen, meilensteine]", '    keywords: "termine"'
    )
    (finding,) = findings_for(tmp_path, entries=broken)
    assert (finding.entry, finding.field) == ("zeitplan", "keywords")
    assert finding.line == line_of(broken, 'keywords: "termine"')
    assert "Liste" in finding.message


def test_unknown_field_suggests_typo(tmp_path: Path) -> None:
    broken = MINI_ENTRIES.replace("    keywords: [termine", "    keywords: [termine").replace(
        '    title: "Zeitplan offenlegen"', '    titel: "Zeitplan offenlegen"'
    )
    found = findings_for(tmp_path, entries=broken)
    assert {(f.field, f.entry) for f in found} == {("titel", "zeitplan"), ("title", "zeitplan")}
    assert any("Tippfehler" in f.message for f in found)


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    extra = MINI_ENTRIES.split("  - id: zeitplan")[0]  # a second file repeating augenhoehe
    found = findings_for(tmp_path, **{"entries/zweite.yaml": extra})
    duplicate = [f for f in found if "gibt es schon" in f.message]
    assert duplicate and duplicate[0].entry == "augenhoehe"
    assert "entries/basis.yaml, Zeile 2" in duplicate[0].message


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("tensions: [ressource-partner]", "tensions: [gibts-nicht]", "tensions"),
        ("tensions: [ressource-partner]", "tensions: [zeitplan]", "tensions"),
        ("related: [zeitplan]", "related: [verwaist]", "related"),
        ('topic: basis\n    title: "Zeitplan', 'topic: fehlt\n    title: "Zeitplan', "topic"),
        ("sources: [X2]", "sources: [X2, Q9]", "sources"),
    ],
)
def test_dangling_references(tmp_path: Path, old: str, new: str, field: str) -> None:
    assert old in MINI_ENTRIES
    found = findings_for(tmp_path, entries=MINI_ENTRIES.replace(old, new, 1))
    assert [f.field for f in found] == [field]
    assert found[0].line > 0


def test_tip_pointing_to_missing_entry(tmp_path: Path) -> None:
    (finding,) = findings_for(tmp_path, tips=MINI_TIPS.replace("entry: zeitplan", "entry: weg"))
    assert (finding.file, finding.entry, finding.field, finding.line) == (
        "tips.yaml",
        "tipp-2",
        "entry",
        6,
    )


def test_uncovered_required_statement(tmp_path: Path) -> None:
    (finding,) = findings_for(
        tmp_path, entries=MINI_ENTRIES.replace("sources: [X2]", "sources: [X1]")
    )
    assert "X2" in finding.message and "zitiert" in finding.message


def test_too_many_sources_and_too_few_questions(tmp_path: Path) -> None:
    broken = MINI_ENTRIES.replace("sources: [X2]", "sources: [X2, X1, A1, X2]").replace(
        '      - "Wie machen wir Termine transparent?"\n', ""
    )
    found = findings_for(tmp_path, entries=broken)
    assert {f.field for f in found} == {"sources", "questions"}


def test_text_too_long_for_telegram(tmp_path: Path) -> None:
    long_summary = "Sehr lang. " * 70
    broken = MINI_ENTRIES.replace(
        "Wer den Zeitplan zeigt, schafft Verlässlichkeit.", long_summary.strip()
    )
    (finding,) = findings_for(tmp_path, entries=broken)
    assert finding.field == "summary" and "erlaubt sind 600" in finding.message


def test_tension_needs_two_poles(tmp_path: Path) -> None:
    broken = MINI_ENTRIES.replace(
        'poles: ["Bürger als Ressource", "Bürger als Partner"]', 'poles: ["nur einer"]'
    )
    (finding,) = findings_for(tmp_path, entries=broken)
    assert (finding.entry, finding.field) == ("ressource-partner", "poles")


def test_bad_id_and_umlaut_id(tmp_path: Path) -> None:
    (finding,) = findings_for(tmp_path, tips=MINI_TIPS.replace("id: tipp-1", "id: Tipp Eins"))
    assert finding.field == "id" and "Kleinbuchstaben" in finding.message


def test_non_utf8_file(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c")
    (root / "tips.yaml").write_bytes(MINI_TIPS.replace("ü", "x").encode("utf-8") + b"\xff\xfe")
    with pytest.raises(ContentError) as caught:
        load_content(root)
    (finding,) = caught.value.findings
    assert finding.file == "tips.yaml" and "UTF-8" in finding.message


def test_missing_message_key(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c")
    messages = (root / "messages.yaml").read_text(encoding="utf-8")
    kept = "\n".join(line for line in messages.splitlines() if not line.startswith("chat_bye:"))
    (finding,) = findings_for(tmp_path, messages=kept)
    assert (finding.file, finding.field) == ("messages.yaml", "chat_bye")


def test_all_findings_are_reported_not_only_the_first(tmp_path: Path) -> None:
    broken = MINI_ENTRIES.replace("related: [zeitplan]", "related: [weg]").replace(
        "kind: practice", "kind: praxis"
    )
    found = findings_for(tmp_path, entries=broken, tips=MINI_TIPS.replace("tipp-2", "tipp-1"))
    assert {f.field for f in found} == {"related", "kind", "id"}
    report = ContentError(found).report()
    assert report.count("\n") == 3 and report.endswith("nicht übernommen.")


def test_finding_text_is_plain_german() -> None:
    finding = Finding("entries/dialog.yaml", 12, "Das Feld fehlt.", "zeitplan", "summary")
    assert str(finding) == (
        "entries/dialog.yaml, Zeile 12, Eintrag „zeitplan“, Feld „summary“: Das Feld fehlt."
    )


def test_missing_directory() -> None:
    with pytest.raises(ContentError) as caught:
        load_content("/nonexistent/content")
    assert "gibt es nicht" in caught.value.report()


def test_shipped_content_is_valid_and_covers_every_required_statement() -> None:
    from bot.config import DEFAULT_CONTENT_DIR

    content = load_content(DEFAULT_CONTENT_DIR)
    required = {s.id for s in content.statements.values() if s.required}
    assert len(required) == 41
    assert required <= {source for e in content.entries for source in e.sources}
    assert len(content.tips) >= 40
    assert all(1 <= len(e.sources) <= 3 for e in content.entries)
    assert all(len(e.questions) >= 4 for e in content.entries)


LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        (LAUGHS + "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n", 1, "Anker"),
        ("topics:\n  - id: basis\n    title: &t Grundlagen\n    description: *t\n", 3, "Anker"),
        ("topics:\n  - ? [id, x]\n    : basis\n", 2, "Schlüssel"),
    ],
    ids=["billion-laughs", "alias", "unhashable-key"],
)
def test_anchors_aliases_and_list_keys_are_refused_with_the_line(
    tmp_path: Path, text: str, line: int, says: str
) -> None:
    found = findings_for(tmp_path, topics=text)
    (finding,) = [f for f in found if f.file == "topics.yaml"]  # others follow from the loss
    assert finding.line == line
    assert says in finding.message


def test_a_comment_only_entries_file_is_refused_and_tip_links_are_still_checked(
    tmp_path: Path,
) -> None:
    found = findings_for(
        tmp_path,
        **{"entries/leer.yaml": "# nur ein Kommentar\n"},
        tips=MINI_TIPS.replace("entry: zeitplan", "entry: weg"),
    )
    assert {(f.file, f.line) for f in found} >= {("entries/leer.yaml", 1)}
    assert any(f.file == "entries/leer.yaml" and "leer" in f.message for f in found)
    assert any(f.file == "tips.yaml" for f in found)  # the link to "weg" is still judged


@pytest.mark.parametrize(
    ("name", "text", "duplicated", "first_line"),
    [
        ("topics", MINI_TOPICS + MINI_TOPICS.removeprefix("topics:\n"), "basis", 2),
        ("tips", MINI_TIPS.replace("id: tipp-2", "id: tipp-1"), "tipp-1", 2),
    ],
)
def test_a_repeated_id_names_the_line_it_was_first_used_on(
    tmp_path: Path, name: str, text: str, duplicated: str, first_line: int
) -> None:
    found = findings_for(tmp_path, **{name: text})
    (duplicate,) = [f for f in found if "gibt es schon" in f.message]
    assert (duplicate.entry, duplicate.field) == (duplicated, "id")
    assert duplicate.message == f"Die id gibt es schon (Zeile {first_line})."
    assert duplicate.line > first_line
