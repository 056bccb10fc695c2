"""Add a real user question to an entry's `questions:`, keeping every comment and the layout.

The entry file is read and written with ruamel.yaml's round-trip mode (comments, quotes, key
order and indentation survive), and the result is checked to differ from the old file only by
inserted lines. The new file then goes the way of every change: validate with all other files
→ backup → atomic write → reload (`bot.admin.updates.apply_file`), so `/rollback` undoes it.
"""

from __future__ import annotations

import copy
import difflib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from bot.admin.backups import Backups
from bot.admin.stats import normalize_question
from bot.admin.updates import Change, ChangeRejected, apply_file
from bot.content import ENTRIES_DIR, MAX_QUESTION
from bot.snapshot import ContentStore

WIDE = 4096  # never fold long lines


@dataclass(frozen=True, slots=True)
class QuestionAdded:
    """The applied change and the lines of the file that were added (with line numbers)."""

    change: Change
    file: str
    added: tuple[tuple[int, str], ...]


def _yaml(text: str) -> tuple[YAML, Any]:
    _, indent, offset = load_yaml_guess_indent(text)
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = WIDE
    indent = indent or 2
    offset = offset or 0
    yaml.indent(mapping=max(indent - offset, 2), sequence=indent, offset=offset)
    return yaml, yaml.load(text)


def _entry_in(data: Any, entry_id: str) -> CommentedMap | None:
    items = data.get("entries") if isinstance(data, CommentedMap) else None
    if not isinstance(items, CommentedSeq):
        return None
    for item in items:
        if isinstance(item, CommentedMap) and item.get("id") == entry_id:
            return item
    return None


def find_entry_file(directory: Path, entry_id: str) -> str:
    """The entries file (relative path) that defines `entry_id`."""
    for path in sorted((directory / ENTRIES_DIR).glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if f"{entry_id}" not in text:
            continue
        try:
            _, data = _yaml(text)
        except YAMLError:
            continue
        if _entry_in(data, entry_id) is not None:
            return f"{ENTRIES_DIR}/{path.name}"
    raise ChangeRejected("question_no_entry", entry=entry_id)


def with_question(text: str, entry_id: str, question: str) -> str:
    """The file text with `question` appended to the entry's questions (round trip)."""
    yaml, data = _yaml(text)
    entry = _entry_in(data, entry_id)
    if entry is None:
        raise ChangeRejected("question_no_entry", entry=entry_id)
    questions = entry.get("questions")
    if not isinstance(questions, CommentedSeq):
        raise ChangeRejected("question_layout", entry=entry_id)
    known = {normalize_question(str(q)) for q in questions}
    if normalize_question(question) in known:
        raise ChangeRejected("question_exists", entry=entry_id)
    quoted = bool(questions) and isinstance(questions[-1], DoubleQuotedScalarString)
    questions.append(DoubleQuotedScalarString(question) if quoted else question)
    _keep_comments_below(questions)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _keep_comments_below(questions: CommentedSeq) -> None:
    """Comment lines that followed the old last item stay below the list, after the new item.

    ruamel attaches them to the old last item, which would put the new item underneath them.
    """
    tokens = questions.ca.items.get(len(questions) - 2)
    token = tokens[0] if tokens else None
    if token is None or "\n" not in token.value.rstrip("\n"):
        return
    end_of_line, _, below = token.value.partition("\n")
    moved = copy.copy(token)
    moved.value = "\n" + below
    questions.ca.items[len(questions) - 1] = [moved, None, None, None]
    if end_of_line:
        token.value = end_of_line + "\n"
    else:
        del questions.ca.items[len(questions) - 2]


def inserted_lines(old: str, new: str) -> tuple[tuple[int, str], ...] | None:
    """(line number, text) of the lines `new` adds; None if it also changes or drops any."""
    added: list[tuple[int, str]] = []
    new_lines = new.splitlines()
    matcher = difflib.SequenceMatcher(None, old.splitlines(), new_lines, autojunk=False)
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        if tag == "insert":
            added += [(n + 1, new_lines[n]) for n in range(j1, j2)]
        elif tag != "equal":
            return None
    if old.endswith("\n") != new.endswith("\n"):
        return None
    return tuple(added)


def add_question(
    store: ContentStore, backups: Backups, entry_id: str, question: str
) -> QuestionAdded:
    """Append the question to the entry's file and serve the result (blocking: use a thread)."""
    question = " ".join(question.split())
    if not question or len(question) > MAX_QUESTION:
        raise ChangeRejected("question_invalid", limit=MAX_QUESTION)
    relative = find_entry_file(store.directory, entry_id)
    old = (store.directory / relative).read_text(encoding="utf-8")
    new = with_question(old, entry_id, question)
    added = inserted_lines(old, new)
    if not added:
        raise ChangeRejected("question_layout", entry=entry_id)
    change = apply_file(store, backups, relative, new.encode("utf-8"))
    return QuestionAdded(change, relative, added)
