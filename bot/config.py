"""Settings from the environment, with an optional `.env` file for local use.

Real environment variables win over `.env`. Invalid values raise `ConfigError` with one
line that names the setting, so the CLI can exit without a traceback.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONTENT_DIR = PROJECT_ROOT / "content"
# Telegram accepts 1-256 characters A-Z, a-z, 0-9, _ and - as a webhook secret_token.
WEBHOOK_SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")
WEBHOOK_URL_PATTERN = re.compile(r"https?://[^\s/]+(/\S*)?")


class ConfigError(Exception):
    """A setting is missing or invalid; the message names it."""


@dataclass(frozen=True)
class Settings:
    """Everything the bot reads from its environment."""

    token: str | None = field(default=None, repr=False)
    content_dir: Path = DEFAULT_CONTENT_DIR
    database_path: Path = Path("data") / "beteiligungslotse.sqlite3"
    base_url: str | None = None
    base_file_url: str | None = None
    admin_ids: frozenset[int] = frozenset()
    log_level: str = "INFO"
    log_format: str = "text"
    timezone: str = "Europe/Berlin"
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    webhook_listen: str = "0.0.0.0"
    port: int = 8443
    rate_limit_per_s: float = 25.0
    catch_up_minutes: int = 120
    question_retention_days: int = 90
    backup_dir: Path | None = None
    content_poll_seconds: int = 5
    team_chat_id: int | None = None  # where forwarded questions go; None: the admins
    bot_username: str | None = None  # for `python -m bot links` without a token
    inbox_max_backlog: int = 10_000
    inbox_max_age_hours: int = 24

    @property
    def backups_path(self) -> Path:
        """Where content backups go: BACKUP_DIR, or `backups/` next to the database."""
        return self.backup_dir or self.database_path.parent / "backups"


def read_dotenv(path: Path) -> dict[str, str]:
    """Parse KEY=VALUE lines of a .env file; comments and blank lines are skipped."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def _int(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be greater than 0, got {raw}")
    return value


def _admin_ids(raw: str) -> frozenset[int]:
    ids = set()
    for part in raw.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.lstrip("-").isdigit():
            raise ConfigError(f"ADMIN_IDS must be comma-separated Telegram user ids, got {part!r}")
        ids.add(int(part))
    return frozenset(ids)


def _chat_id(raw: str | None) -> int | None:
    if raw is None:
        return None
    if not raw.lstrip("-").isdigit():
        raise ConfigError(f"TEAM_CHAT_ID must be a chat id like -1001234567890, got {raw!r}")
    return int(raw)


def _webhook_url(raw: str | None) -> str | None:
    if raw and not WEBHOOK_URL_PATTERN.fullmatch(raw):
        raise ConfigError(f"WEBHOOK_URL must be a URL like https://bot.example.org, got {raw!r}")
    return raw


def _webhook_secret(raw: str | None) -> str | None:
    if raw and not WEBHOOK_SECRET_PATTERN.fullmatch(raw):
        raise ConfigError("WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -")
    return raw


def _timezone(name: str) -> str:
    """An IANA time zone name that zoneinfo knows (e.g. Europe/Berlin)."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        message = f"TIMEZONE must be an IANA zone like Europe/Berlin, got {name!r}"
        raise ConfigError(message) from None
    return name


def _logging(level: str | None, form: str | None, default: Settings) -> tuple[str, str]:
    """LOG_LEVEL and LOG_FORMAT, checked (unset → the defaults)."""
    log_format = (form or default.log_format).lower()
    if log_format not in ("text", "json"):
        raise ConfigError(f"LOG_FORMAT must be 'text' or 'json', got {log_format!r}")
    log_level = (level or default.log_level).upper()
    if log_level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise ConfigError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {log_level!r}")
    return log_level, log_format


class _Limits(TypedDict):
    """The numeric settings (`_limits`)."""

    port: int
    rate_limit_per_s: float
    catch_up_minutes: int
    question_retention_days: int
    content_poll_seconds: int
    inbox_max_backlog: int
    inbox_max_age_hours: int


def _limits(env: Mapping[str, str], default: Settings) -> _Limits:
    """The numeric settings, each checked against its range (unset → the default)."""
    return _Limits(
        port=_int(env, "PORT", default.port, 1, 65535),
        rate_limit_per_s=_float(env, "RATE_LIMIT_PER_S", default.rate_limit_per_s),
        catch_up_minutes=_int(env, "TIP_CATCH_UP_MINUTES", default.catch_up_minutes, 0, 24 * 60),
        question_retention_days=_int(
            env, "QUESTION_RETENTION_DAYS", default.question_retention_days, 1, 3650
        ),
        content_poll_seconds=_int(
            env, "CONTENT_POLL_SECONDS", default.content_poll_seconds, 1, 3600
        ),
        inbox_max_backlog=_int(env, "INBOX_MAX_BACKLOG", default.inbox_max_backlog, 1, 1_000_000),
        inbox_max_age_hours=_int(
            env, "INBOX_MAX_AGE_HOURS", default.inbox_max_age_hours, 1, 24 * 7
        ),
    )


def load_settings(
    environ: Mapping[str, str] | None = None, dotenv: Path | None = Path(".env")
) -> Settings:
    """Settings from `.env` (if present) overlaid with the real environment.

    An unset variable keeps the `Settings` default (the dataclass is the only place for them).
    """
    default = Settings()
    env: dict[str, str] = read_dotenv(dotenv) if dotenv else {}
    env.update(os.environ if environ is None else environ)

    def text(name: str) -> str | None:
        return env.get(name, "").strip() or None

    log_level, log_format = _logging(text("LOG_LEVEL"), text("LOG_FORMAT"), default)
    return Settings(
        token=text("TELEGRAM_BOT_TOKEN"),
        content_dir=Path(text("CONTENT_DIR") or default.content_dir),
        database_path=Path(text("DATABASE_PATH") or default.database_path),
        base_url=text("TELEGRAM_BASE_URL"),
        base_file_url=text("TELEGRAM_BASE_FILE_URL"),
        admin_ids=_admin_ids(env.get("ADMIN_IDS", "")),
        log_level=log_level,
        log_format=log_format,
        timezone=_timezone(text("TIMEZONE") or default.timezone),
        webhook_url=_webhook_url(text("WEBHOOK_URL")),
        webhook_secret=_webhook_secret(text("WEBHOOK_SECRET")),
        webhook_listen=text("WEBHOOK_LISTEN") or default.webhook_listen,
        backup_dir=Path(backup) if (backup := text("BACKUP_DIR")) else None,
        team_chat_id=_chat_id(text("TEAM_CHAT_ID")),
        bot_username=(text("BOT_USERNAME") or "").lstrip("@") or None,
        **_limits(env, default),
    )
