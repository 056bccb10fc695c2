"""Adding a real question to an entry: round trip keeps every byte outside the change."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.admin.add_question import add_question, inserted_lines, with_question
from bot.admin.backups import Backups
from bot.admin.updates import ChangeRejected, rollback
from bot.matching import ANSWER, REFUSE
from bot.snapshot import ContentStore

QUESTION = "Wer kümmert sich bei uns um den Glühweinstand?"
ENTRY = "schluesselpersonen"
FILE = "entries/dialog.yaml"


@pytest.fixture
def store(content_copy: Path) -> ContentStore:
    return ContentStore(content_copy)


def test_the_question_is_answered_after_it_was_added(
    store: ContentStore, content_copy: Path, tmp_path: Path
) -> None:
    assert store.current.matcher.search(QUESTION).decision == REFUSE
    before = (content_copy / FILE).read_bytes()
    added = add_question(store, Backups(tmp_path / "backups"), ENTRY, QUESTION)

    after = (content_copy / FILE).read_bytes()
    ((line, text),) = added.added
    assert text == f'      - "{QUESTION}"'
    lines = after.decode().splitlines(keepends=True)
    assert "".join(lines[: line - 1] + lines[line:]).encode() == before  # only that line is new
    assert added.file == FILE
    assert [e for e in added.change.diff.entries_changed] == [ENTRY]
    result = store.current.matcher.search(QUESTION)
    assert result.decision == ANSWER and result.best is not None
    assert result.best.entry.id == ENTRY


def test_rollback_undoes_an_added_question(
    store: ContentStore, content_copy: Path, tmp_path: Path
) -> None:
    backups = Backups(tmp_path / "backups")
    before = (content_copy / FILE).read_bytes()
    add_question(store, backups, ENTRY, QUESTION)
    assert rollback(store, backups) is not None
    assert (content_copy / FILE).read_bytes() == before
    assert store.current.matcher.search(QUESTION).decision == REFUSE


COMMENTED = """\
# Kopf-Kommentar
entries:
  # vor dem Eintrag
  - id: a
    questions:   # Kommentar hinter dem Schlüssel
      - 'einfach'   # hinter einer Frage
      - "doppelt"
    # nach den Fragen
    keywords: [x, y]   # flow bleibt flow
"""


@pytest.mark.parametrize("eol", ["", "  # am Zeilenende"])
def test_comments_quotes_and_flow_lists_survive(eol: str) -> None:
    old = COMMENTED.replace('"doppelt"', f'"doppelt"{eol}')
    new = with_question(old, "a", "Neue Frage: mit Doppelpunkt?")
    assert inserted_lines(old, new) == ((8, '      - "Neue Frage: mit Doppelpunkt?"'),)


@pytest.mark.parametrize(
    ("entry", "question", "key"),
    [
        ("gibt-es-nicht", QUESTION, "question_no_entry"),
        (ENTRY, "  ", "question_invalid"),
        (ENTRY, "x" * 201, "question_invalid"),
    ],
)
def test_bad_requests_are_refused_and_change_nothing(
    store: ContentStore, content_copy: Path, tmp_path: Path, entry: str, question: str, key: str
) -> None:
    before = (content_copy / FILE).read_bytes()
    with pytest.raises(ChangeRejected) as raised:
        add_question(store, Backups(tmp_path / "backups"), entry, question)
    assert raised.value.key == key
    assert (content_copy / FILE).read_bytes() == before


def test_a_question_the_entry_already_has_is_refused(store: ContentStore, tmp_path: Path) -> None:
    entry = store.current.content.entry(ENTRY)
    assert entry is not None
    with pytest.raises(ChangeRejected) as raised:
        add_question(store, Backups(tmp_path / "b"), ENTRY, entry.questions[0].upper() + "!")
    assert raised.value.key == "question_exists"
