"""The health report: content and database usable, uptime."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content import ContentError
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
        "content_on_disk": "ok",
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


async def test_broken_content_on_disk_is_reported_but_still_healthy(
    mini_content_dir: Path, tmp_path: Path
) -> None:
    store = ContentStore(mini_content_dir)
    (mini_content_dir / "topics.yaml").write_text("topics: [", encoding="utf-8")
    with pytest.raises(ContentError):
        store.reload()
    async with Database(tmp_path / "db.sqlite3") as database:
        report = await check_health(store, database, started_at=0.0, now=1.0)
    assert report.healthy  # the last good content is served; a restart would not start
    assert report.body["content_on_disk"] == "broken"
    assert report.body["entries"] == 3
