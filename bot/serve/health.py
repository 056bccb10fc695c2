"""The health report behind `GET /healthz`: is the content served and the database usable?

Content on disk that fails validation (an edit gone wrong, a missing folder) does not make
the instance unhealthy: it keeps serving the last good content, and a platform restart would
only turn that into an outage (the new process refuses invalid content). It is reported in
its own field, `"content_on_disk": "broken"`, for monitoring and admins.
"""

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
            "content_on_disk": "ok" if store.disk_ok else "broken",
            "database": "ok" if database_ok else "unreachable",
            "uptime_s": max(0, round(now - started_at)),
        },
    )
