"""Questions worth a look: groups of unanswered or down-voted questions, and what admins decided.

A group is offered until an admin adds its question to an entry or ignores it; the decision is
stored per normalised wording (`question_reviews`, migration 3), so a wording that was dealt
with never comes back. A down-voted answer's question is the newest question logged in that
private chat for that entry at or before the vote (the log keeps no link between the two).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from bot.admin.stats import MAX_CLUSTERED_QUESTIONS, cluster_questions, normalize_question
from bot.matching import KIND_POINTER, REFUSE, Matcher
from bot.records.question_log import SECONDS_PER_DAY
from bot.storage import Database

UNANSWERED = "unanswered"
DOWNVOTED = "downvoted"
ADDED = "added"
IGNORED = "ignored"
MAX_GROUPS = 8
SUGGESTIONS = 3


@dataclass(frozen=True, slots=True)
class ReviewGroup:
    """Near-duplicate questions to act on; `sample_id` is a question_log row of the group."""

    kind: str
    question: str
    count: int
    sample_id: int
    keys: tuple[str, ...]
    entry_id: str | None = None  # the down-voted answer


async def _rows(db: Database, sql: str, *args: object) -> list[tuple[Any, ...]]:
    async with db.connection.execute(sql, args) as cursor:
        return [tuple(row) for row in await cursor.fetchall()]


async def _reviewed(db: Database) -> set[str]:
    return {str(key) for (key,) in await _rows(db, "SELECT question_key FROM question_reviews")}


def _groups(
    kind: str, rows: list[tuple[int, str, str | None]], done: set[str]
) -> list[ReviewGroup]:
    """Cluster (id, question, entry) rows into groups, leaving out reviewed wordings."""
    fresh = [(i, q, e) for i, q, e in rows if normalize_question(q) not in done]
    sample: dict[str, tuple[int, str | None]] = {}
    for ident, question, entry in fresh:  # newest first: the newest row is the sample
        sample.setdefault(normalize_question(question), (ident, entry))
    groups = []
    for cluster in cluster_questions([q for _, q, _ in fresh]):
        ident, entry = sample[normalize_question(cluster.question)]
        groups.append(
            ReviewGroup(kind, cluster.question, cluster.count, ident, cluster.keys, entry)
        )
    return groups


async def open_groups(
    db: Database, days: int, now: float | None = None, limit: int = MAX_GROUPS
) -> list[ReviewGroup]:
    """Unanswered groups first, then down-voted ones; biggest first within each kind."""
    since = int((time.time() if now is None else now) - days * SECONDS_PER_DAY)
    done = await _reviewed(db)
    refused = await _rows(
        db,
        "SELECT id, question, NULL FROM question_log WHERE asked_at >= ? AND decision = ? "
        "AND coalesce(kind, '') != ? ORDER BY asked_at DESC, id DESC LIMIT ?",
        since,
        REFUSE,
        KIND_POINTER,  # a Wegweiser answered it: nothing to add to an entry
        MAX_CLUSTERED_QUESTIONS,
    )
    downvoted = await _rows(
        db,
        "SELECT q.id, q.question, q.entry_id FROM answer_feedback AS f "
        "JOIN question_log AS q ON q.id = (SELECT max(id) FROM question_log "
        "  WHERE chat_id = f.chat_id AND entry_id = f.entry_id AND asked_at <= f.voted_at) "
        "WHERE f.vote < 0 AND f.voted_at >= ? AND coalesce(q.kind, '') != ? "
        "ORDER BY f.voted_at DESC LIMIT ?",
        since,
        KIND_POINTER,
        MAX_CLUSTERED_QUESTIONS,
    )
    groups = _groups(UNANSWERED, refused, done) + _groups(DOWNVOTED, downvoted, done)
    return groups[:limit]


async def find_group(db: Database, sample_id: int, days: int) -> ReviewGroup | None:
    """The open group whose sample is this question_log row (None once it was dealt with)."""
    for group in await open_groups(db, days, limit=MAX_CLUSTERED_QUESTIONS):
        if group.sample_id == sample_id:
            return group
    return None


async def logged_question(db: Database, question_id: int) -> str | None:
    """The text of one question_log row."""
    rows = await _rows(db, "SELECT question FROM question_log WHERE id = ?", question_id)
    return str(rows[0][0]) if rows else None


async def decide(
    db: Database, keys: tuple[str, ...], action: str, entry_id: str | None = None
) -> None:
    """Remember that these wordings were added to an entry or ignored."""
    stamp = int(time.time())
    await db.connection.executemany(
        "INSERT INTO question_reviews (question_key, action, entry_id, decided_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (question_key) DO UPDATE SET action = excluded.action, "
        "entry_id = excluded.entry_id, decided_at = excluded.decided_at",
        [(key, action, entry_id, stamp) for key in keys],
    )


def suggest_entries(matcher: Matcher, question: str, top: int = SUGGESTIONS) -> list[str]:
    """The ids of the entries most likely meant, best first (also for refused questions)."""
    return [match.entry.id for match in matcher.search(question, top=top).matches[:top]]
