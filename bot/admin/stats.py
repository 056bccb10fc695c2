"""What people ask: figures for a period from the question log, for /stats and `bot report`.

Questions answered with a Wegweiser pointer (practical topics outside the workshop) are
counted apart from the workshop principles, per pointer id, so admins see which practical
topics people ask about. Unanswered questions are grouped with rapidfuzz, so "Wo kann ich
parken?" and "wo kann man parken" count as one wish for new content.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from bot.matching import ANSWER, KIND_POINTER, REFUSE, SUGGEST
from bot.records import SECONDS_PER_DAY
from bot.storage import Database

DECISIONS = (ANSWER, SUGGEST, REFUSE)
CLUSTER_SIMILARITY = 80.0
MAX_CLUSTERED_QUESTIONS = 2000
TOP_ENTRIES = 5
TOP_CLUSTERS = 8
_NOT_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class Cluster:
    """Near-duplicate questions: the most frequent wording and how often any was asked."""

    question: str
    count: int
    keys: tuple[str, ...] = ()  # the normalised wordings in the group


@dataclass(frozen=True, slots=True)
class EntryFeedback:
    entry_id: str
    up: int
    down: int


@dataclass(frozen=True, slots=True)
class PeriodReport:
    """Figures for the last `days` days."""

    days: int
    total: int
    decisions: dict[str, int]
    top_entries: tuple[tuple[str, int], ...]
    unanswered: tuple[Cluster, ...]
    feedback: tuple[EntryFeedback, ...]
    pointers: tuple[tuple[str, int], ...] = ()

    @property
    def pointer_total(self) -> int:
        """Questions answered with a Wegweiser pointer."""
        return sum(count for _, count in self.pointers)

    def share(self, decision: str) -> float:
        """Share of questions with this decision, 0..1."""
        return self.decisions.get(decision, 0) / self.total if self.total else 0.0


def normalize_question(text: str) -> str:
    """Lower case, punctuation removed, whitespace collapsed."""
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def cluster_questions(
    questions: list[str], similarity: float = CLUSTER_SIMILARITY
) -> tuple[Cluster, ...]:
    """Group near-duplicate questions, biggest group first."""
    wording: dict[str, Counter[str]] = {}
    for question in questions:
        key = normalize_question(question)
        if key:
            wording.setdefault(key, Counter())[question.strip()] += 1
    exact = sorted(wording, key=lambda k: (-sum(wording[k].values()), k))
    leaders: list[str] = []
    members: dict[str, list[str]] = {}
    for key in exact:
        found = process.extractOne(
            key, leaders, scorer=fuzz.token_set_ratio, score_cutoff=similarity
        )
        leader = found[0] if found else key
        if not found:
            leaders.append(key)
        members.setdefault(leader, []).append(key)
    clusters = []
    for keys in members.values():
        counts: Counter[str] = Counter()
        for key in keys:
            counts.update(wording[key])
        clusters.append(Cluster(counts.most_common(1)[0][0], sum(counts.values()), tuple(keys)))
    return tuple(sorted(clusters, key=lambda c: (-c.count, c.question)))


async def _rows(db: Database, sql: str, *args: object) -> list[tuple[Any, ...]]:
    async with db.connection.execute(sql, args) as cursor:
        return [tuple(row) for row in await cursor.fetchall()]


# The report's queries; every one but the votes leaves Wegweiser pointers out of the
# principle figures (`kind` is NULL on rows logged before kinds existed).
DECISIONS_SQL = (
    "SELECT decision, count(*) FROM question_log WHERE asked_at >= ? "
    "AND coalesce(kind, '') != ? GROUP BY decision"
)
TOP_ENTRIES_SQL = (
    "SELECT entry_id, count(*) AS n FROM question_log WHERE asked_at >= ? AND decision = ? "
    "AND coalesce(kind, '') != ? GROUP BY entry_id ORDER BY n DESC, entry_id LIMIT ?"
)
POINTERS_SQL = (
    "SELECT entry_id, count(*) AS n FROM question_log WHERE asked_at >= ? AND kind = ? "
    "AND entry_id IS NOT NULL GROUP BY entry_id ORDER BY n DESC, entry_id"
)
REFUSED_SQL = (
    "SELECT question FROM question_log WHERE asked_at >= ? AND decision = ? "
    "AND coalesce(kind, '') != ? ORDER BY asked_at DESC LIMIT ?"
)
VOTES_SQL = (
    "SELECT entry_id, sum(vote > 0), sum(vote < 0) FROM answer_feedback "
    "WHERE voted_at >= ? GROUP BY entry_id ORDER BY count(*) DESC, entry_id"
)


async def build_report(db: Database, days: int, now: float | None = None) -> PeriodReport:
    """The figures of the last `days` days."""
    since = int((time.time() if now is None else now) - days * SECONDS_PER_DAY)
    decisions = {
        str(decision): int(count)
        for decision, count in await _rows(db, DECISIONS_SQL, since, KIND_POINTER)
    }
    top = await _rows(db, TOP_ENTRIES_SQL, since, ANSWER, KIND_POINTER, TOP_ENTRIES)
    pointers = await _rows(db, POINTERS_SQL, since, KIND_POINTER)
    refused = await _rows(db, REFUSED_SQL, since, REFUSE, KIND_POINTER, MAX_CLUSTERED_QUESTIONS)
    votes = await _rows(db, VOTES_SQL, since)
    pointer_counts = tuple((str(pointer), int(n)) for pointer, n in pointers)
    return PeriodReport(
        days=days,
        total=sum(decisions.values()) + sum(n for _, n in pointer_counts),
        decisions=decisions,
        top_entries=tuple((str(entry), int(n)) for entry, n in top),
        unanswered=cluster_questions([str(q) for (q,) in refused])[:TOP_CLUSTERS],
        feedback=tuple(EntryFeedback(str(entry), int(up), int(down)) for entry, up, down in votes),
        pointers=pointer_counts,
    )
