"""The health report: content and database usable, uptime."""

from __future__ import annotations

from pathlib import Path

from bot.serve.health import check_health
from bot.snapshot import ContentStore
from bot.storage import Database


async def test_healthy_report(mini_content_dir: Path, tmp_path: Path) -> None:
    store = ContentStore(mini_content_dir)
    async with Database(tmp_path / "db.sqlite3") as database:
        report = await check_health(store, database, started_at=100.0, now=142.4)
    assert report.healthy
    assert report.body == {
        "status": "ok",
        "content_version": store.current.content.version,
        "entries": 3,
        "database": "ok",
        "uptime_s": 42,
    }


async def test_database_not_open_is_unhealthy(mini_content_dir: Path, tmp_path: Path) -> None:
    report = await check_health(
        ContentStore(mini_content_dir), Database(tmp_path / "db.sqlite3"), 0.0, 1.0
    )
    assert not report.healthy
    assert report.body["status"] == "unavailable"
    assert report.body["database"] == "unreachable"
