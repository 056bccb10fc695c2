"""The keys of `Application.bot_data`, in one place: what the Application carries around."""

from __future__ import annotations

STORE_KEY = "content_store"  # bot.snapshot.ContentStore: the served content and its index
DB_KEY = "database"  # bot.storage.Database
SETTINGS_KEY = "settings"  # bot.config.Settings
CLOCK_KEY = "clock"  # optional: a callable returning the current aware datetime (tests)
BROADCAST_LOCK_KEY = "daily_tips_lock"  # asyncio.Lock: one daily-tip run at a time
RECOVERED_KEY = "daily_tips_recovered"  # True once interrupted sends were recovered
CONTENT_LOCK_KEY = "content_lock"  # asyncio.Lock: one content change at a time
BACKUPS_KEY = "content_backups"  # bot.admin.Backups
