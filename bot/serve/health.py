"""The health report behind `GET /healthz`: is the content served and the database usable?"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.snapshot import ContentStore
from bot.storage import Database


@dataclass(frozen=True, slots=True)
class HealthReport:
    """`healthy` decides the HTTP status (200 or 503); `body` is the small JSON answer."""

    healthy: bool
    body: dict[str, object] = field(default_factory=dict)


async def check_health(
    store: ContentStore, database: Database, started_at: float, now: float
) -> HealthReport:
    """Content version and entry count, database reachability, seconds since start."""
    content = store.current.content
    content_ok = bool(content.entries) and bool(content.messages)
    database_ok = await database.ping()
    healthy = content_ok and database_ok
    return HealthReport(
        healthy,
        {
            "status": "ok" if healthy else "unavailable",
            "content_version": content.version,
            "entries": len(content.entries),
            "database": "ok" if database_ok else "unreachable",
            "uptime_s": max(0, round(now - started_at)),
        },
    )
