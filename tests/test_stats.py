"""Figures from a seeded question log, clustering of unanswered questions, report formats."""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.admin.report import render_report
from bot.admin.stats import build_report, cluster_questions
from bot.cli import main
from bot.content.loader import load_content
from bot.records.question_log import (
    SECONDS_PER_DAY,
    AnswerRef,
    LoggedQuestion,
    record_question,
    record_vote,
)
from bot.storage import Database
from tests.conftest import write_content
from tests.test_pointers import MINI_WEGWEISER

NOW = 1_750_000_000
DAY = SECONDS_PER_DAY

# (days ago, question, decision, entry)
SEEDED = [
    (1, "Wie schaffen wir Augenhöhe?", "answer", "augenhoehe"),
    (2, "Augenhöhe mit Vereinen", "answer", "augenhoehe"),
    (3, "Zeitplan zeigen?", "answer", "zeitplan"),
    (4, "Wo kann ich parken?", "refuse", None),
    (5, "wo kann man parken", "refuse", None),
    (6, "Wo kann ich Parken", "refuse", None),
    (10, "Öffnungszeiten Rathaus", "refuse", None),
    (12, "Rathaus Öffnungszeiten?", "refuse", None),
    (15, "Wer sind die Partner?", "suggest", "ressource-partner"),
    (20, "Wie finden wir Initiativen?", "answer", "augenhoehe"),
    (45, "Sehr alte Frage", "answer", "zeitplan"),
]


@pytest.fixture
async def seeded_db(tmp_path: Path) -> AsyncIterator[Database]:
    async with Database(tmp_path / "insight.sqlite3") as db:
        for days_ago, question, decision, entry in SEEDED:
            logged = LoggedQuestion(question, decision, "private", entry, 70.0, 1)
            await record_question(db, logged, asked_at=NOW - days_ago * DAY)
        await record_vote(db, AnswerRef(1, 1), 11, "augenhoehe", 1, voted_at=NOW - DAY)
        await record_vote(db, AnswerRef(1, 2), 12, "augenhoehe", -1, voted_at=NOW - DAY)
        await record_vote(db, AnswerRef(1, 3), 11, "zeitplan", 1, voted_at=NOW - 20 * DAY)
        yield db


async def test_week_figures_match_the_seeded_log(seeded_db: Database) -> None:
    week = await build_report(seeded_db, 7, now=NOW)
    assert week.total == 6
    assert week.decisions == {"answer": 3, "refuse": 3}
    assert week.top_entries == (("augenhoehe", 2), ("zeitplan", 1))
    assert [(c.question, c.count) for c in week.unanswered] == [("Wo kann ich parken?", 3)]
    assert [(f.entry_id, f.up, f.down) for f in week.feedback] == [("augenhoehe", 1, 1)]


async def test_month_figures_match_the_seeded_log(seeded_db: Database) -> None:
    month = await build_report(seeded_db, 30, now=NOW)
    assert month.total == 10
    assert month.share("answer") == pytest.approx(0.4)
    assert month.share("suggest") == pytest.approx(0.1)
    assert month.top_entries[0] == ("augenhoehe", 3)
    assert [c.count for c in month.unanswered] == [3, 2]
    assert {f.entry_id for f in month.feedback} == {"augenhoehe", "zeitplan"}


def test_clustering_groups_near_duplicates_and_keeps_others_apart() -> None:
    clusters = cluster_questions(
        [
            "Wo kann ich parken?",
            "wo kann man parken",
            "Wo kann ich parken?",
            "Öffnungszeiten vom Rathaus",
            "Rathaus Öffnungszeiten",
            "Wetter morgen",
            "Wetter heute",
        ]
    )
    assert [(c.question, c.count) for c in clusters] == [
        ("Wo kann ich parken?", 3),
        ("Rathaus Öffnungszeiten", 2),
        ("Wetter heute", 1),
        ("Wetter morgen", 1),
    ]


async def test_report_formats(seeded_db: Database, mini_content_dir: Path) -> None:
    content = load_content(mini_content_dir)
    reports = [await build_report(seeded_db, d, now=NOW) for d in (7, 30)]
    html = render_report(reports, content, "html")
    assert "<b>📊 Die letzten 30 Tage</b>" in html
    assert "„Wo kann ich parken?“ – 3×" in html
    markdown = render_report(reports[1:], content, "md")
    assert "**Am häufigsten gegebene Antworten**" in markdown
    assert "• Augenhöhe herstellen – 3×" in markdown
    rows = list(csv.DictReader(io.StringIO(render_report(reports[1:], content, "csv"))))
    total = next(r for r in rows if r["section"] == "total")
    assert total["count"] == "10"
    assert {"section": "unanswered", "count": "3"}.items() <= next(
        r for r in rows if r["section"] == "unanswered"
    ).items()


def test_cli_report_prints_the_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cli.sqlite3"

    async def seed() -> None:
        async with Database(path) as db:
            await record_question(db, LoggedQuestion("Wo kann ich parken?", "refuse", "private"))

    asyncio.run(seed())
    monkeypatch.setenv("DATABASE_PATH", str(path))
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--days", "7", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "7,total,,,1" in out
    assert "7,unanswered,,Wo kann ich parken?,1" in out


async def test_pointer_answers_are_counted_apart_per_pointer(tmp_path: Path) -> None:
    content = load_content(write_content(tmp_path / "c", **{"wegweiser.yaml": MINI_WEGWEISER}))
    async with Database(tmp_path / "pointers.sqlite3") as db:
        # A pointer answer is no workshop principle: its decision is "refuse".
        for question, decision, entry, kind in [
            ("Wo gibt es Fördergeld?", "refuse", "foerdermittel", "pointer"),
            ("Förderantrag stellen", "refuse", "foerdermittel", "pointer"),
            ("Bin ich versichert?", "refuse", "versicherung", "pointer"),
            ("Augenhöhe?", "answer", "augenhoehe", "principle"),
            ("Zeitplan?", "answer", "zeitplan", None),  # logged before answers had a kind
            ("Wo kann ich parken?", "refuse", None, "refusal"),
        ]:
            logged = LoggedQuestion(question, decision, "private", entry, 70.0, 1, kind)
            await record_question(db, logged, asked_at=NOW - DAY)
        week = await build_report(db, 7, now=NOW)
    assert week.pointers == (("foerdermittel", 2), ("versicherung", 1))
    assert week.pointer_total == 3 and week.total == 6
    assert week.decisions == {"answer": 2, "refuse": 1}  # pointer answers are not refusals
    assert [c.question for c in week.unanswered] == ["Wo kann ich parken?"]
    assert week.top_entries == (("augenhoehe", 1), ("zeitplan", 1))
    html = render_report([week], content, "html")
    assert "keine Antwort 17 % (1)\nWegweiser zu praktischen Fragen: 50 % (3)" in html
    section = html.split("<b>Praktische Fragen (Wegweiser)</b>")[1].split("\n\n")[0]
    assert section.splitlines()[1:] == [
        "• Fördermittel finden und beantragen – 2×",
        "• Versichert im Ehrenamt – 1×",
    ]
    rows = list(csv.DictReader(io.StringIO(render_report([week], content, "csv"))))
    assert [(r["key"], r["count"]) for r in rows if r["section"] == "pointer"] == [
        ("foerdermittel", "2"),
        ("versicherung", "1"),
    ]


async def test_without_pointers_the_report_has_no_wegweiser_lines(
    seeded_db: Database, mini_content_dir: Path
) -> None:
    week = await build_report(seeded_db, 7, now=NOW)
    html = render_report([week], load_content(mini_content_dir), "html")
    assert week.pointers == () and "Wegweiser" not in html
