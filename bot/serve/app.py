"""Build the python-telegram-bot Application: the one place where handlers are wired."""

from __future__ import annotations

import logging
from types import ModuleType

from telegram import BotCommand, Update
from telegram.ext import Application, ApplicationBuilder

from bot.config import Settings
from bot.serve.tip_sender import ClaimingRateLimiter
from bot.snapshot import ContentStore
from bot.storage import Database
from handlers import (
    admin,
    common,
    content_admin,
    errors,
    fallback,
    feedback,
    inline,
    privacy,
    questions,
    start,
    tips,
    topics,
)

logger = logging.getLogger(__name__)

# Order matters: specific handlers first, the catch-all fallbacks last.
HANDLER_MODULES: tuple[ModuleType, ...] = (
    start,
    topics,
    tips,
    questions,
    inline,
    admin,
    content_admin,
    feedback,
    privacy,
    fallback,
    errors,
)
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
RATE_LIMIT_RETRIES = 3


def commands(modules: tuple[ModuleType, ...] = HANDLER_MODULES) -> list[tuple[str, str]]:
    """(command, description key) of every handler module, in registration order."""
    return [command for module in modules for command in getattr(module, "COMMANDS", [])]


async def _post_init(app: Application) -> None:  # type: ignore[type-arg]
    await app.bot_data[common.DB_KEY].open()
    content = app.bot_data[common.STORE_KEY].current.content
    await app.bot.set_my_commands(
        [BotCommand(name, content.text(key)) for name, key in app.bot_data["commands"]]
    )
    logger.info("Bot @%s ready, content %s", app.bot.username, content.version)


async def _post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
    await app.bot_data[common.DB_KEY].close()


def build_application(settings: Settings, store: ContentStore) -> Application:  # type: ignore[type-arg]
    """The Application with every handler registered and the content store attached."""
    builder = (
        ApplicationBuilder()
        .token(settings.token or "")
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if settings.base_url:
        builder = builder.base_url(settings.base_url)
    if settings.base_file_url:
        builder = builder.base_file_url(settings.base_file_url)
    limiter = ClaimingRateLimiter(
        overall_max_rate=settings.rate_limit_per_s, max_retries=RATE_LIMIT_RETRIES
    )
    builder = builder.rate_limiter(limiter)  # type: ignore[arg-type]  # PTB's generics
    app = builder.build()
    app.bot_data[common.STORE_KEY] = store
    app.bot_data[common.DB_KEY] = Database(settings.database_path)
    app.bot_data[common.SETTINGS_KEY] = settings
    app.bot_data["commands"] = commands()
    for module in HANDLER_MODULES:
        module.register(app)
    return app
