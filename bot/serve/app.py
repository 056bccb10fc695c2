"""Build the python-telegram-bot Application: the one place where handlers are wired."""

from __future__ import annotations

import asyncio
import logging
from types import ModuleType

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    MenuButtonCommands,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ApplicationBuilder, Defaults, ExtBot

from bot.config import Settings
from bot.content import Content
from bot.language import ENGLISH, GERMAN, load_detector
from bot.serve.http import AiohttpRequest
from bot.serve.keys import DB_KEY, SETTINGS_KEY, STORE_KEY
from bot.serve.ratelimit import ClaimingRateLimiter
from bot.serve.telegram_io import BotApp
from bot.snapshot import ContentStore, Snapshot
from bot.storage import Database
from bot.ui import Command, Scope, commands_for, group_commands
from handlers import (
    admin,
    announce,
    content_admin,
    errors,
    fallback,
    feedback,
    human,
    inline,
    language,
    privacy,
    questions,
    review,
    roles,
    start,
    team,
    tips,
    topics,
    views,
)

logger = logging.getLogger(__name__)

# Order matters: specific handlers first, the catch-all fallbacks last.
HANDLER_MODULES: tuple[ModuleType, ...] = (
    language,
    start,
    topics,
    views,
    roles,
    tips,
    questions,
    inline,
    admin,
    content_admin,
    feedback,
    privacy,
    human,
    team,
    review,
    announce,
    fallback,
    errors,
)
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
RATE_LIMIT_RETRIES = 3
CONNECTION_POOL_SIZE = 256  # as PTB's default; the broadcast and the dispatcher bound what is used


async def _post_init(app: BotApp) -> None:
    """Open the database and publish the commands as the bot's menu, per scope."""
    await app.bot_data[DB_KEY].open()
    snapshot = app.bot_data[STORE_KEY].current
    content = snapshot.content
    await publish_commands(app.bot, snapshot, app.bot_data[SETTINGS_KEY].admin_ids)
    await asyncio.to_thread(load_detector)
    logger.info("Bot @%s ready, content %s", app.bot.username, content.version)


async def publish_commands(
    bot: ExtBot[None], snapshot: Snapshot, admin_ids: frozenset[int]
) -> None:
    """Per language: users see the user commands, each admin also the admin commands
    (BotCommandScopeChat), groups a short list; the menu button opens the command list."""
    users = commands_for(Scope.USER)
    for lang in (GERMAN, ENGLISH):
        texts = snapshot.localized(lang).content
        code = None if lang == GERMAN else lang

        def menu(
            commands: tuple[Command, ...], texts: Content = texts, lang: str = lang
        ) -> list[BotCommand]:
            return [BotCommand(c.name_in(lang), texts.text(c.help_key)) for c in commands]

        await bot.set_my_commands(menu(users), language_code=code)
        await bot.set_my_commands(
            menu(users), scope=BotCommandScopeAllPrivateChats(), language_code=code
        )
        await bot.set_my_commands(
            menu(group_commands()), scope=BotCommandScopeAllGroupChats(), language_code=code
        )
        for admin_id in sorted(admin_ids):
            try:
                await bot.set_my_commands(
                    menu(users + commands_for(Scope.ADMIN)),
                    scope=BotCommandScopeChat(admin_id),
                    language_code=code,
                )
            except TelegramError:  # an admin who never started the bot has no chat yet
                logger.warning("Admin commands not published for admin %s", admin_id)
    await bot.set_chat_menu_button(menu_button=MenuButtonCommands())


async def _post_shutdown(app: BotApp) -> None:
    await app.bot_data[DB_KEY].close()


def build_application(settings: Settings, store: ContentStore) -> BotApp:
    """The Application with every handler registered and the content store attached."""
    builder = (
        ApplicationBuilder()
        .token(settings.token or "")
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .defaults(Defaults(parse_mode=ParseMode.HTML))  # every text is HTML (escaped by bot.ui)
        .request(AiohttpRequest(connection_pool_size=CONNECTION_POOL_SIZE))
        .get_updates_request(AiohttpRequest(connection_pool_size=1))
    )
    if settings.base_url:
        builder = builder.base_url(settings.base_url)
    if settings.base_file_url:
        builder = builder.base_file_url(settings.base_file_url)
    limiter = ClaimingRateLimiter(
        overall_max_rate=settings.rate_limit_per_s, max_retries=RATE_LIMIT_RETRIES
    )
    # PTB types the bot by the limiter's argument type; handlers see the default ExtBot.
    builder = builder.rate_limiter(limiter)  # type: ignore[arg-type]
    app = builder.build()
    app.bot_data[STORE_KEY] = store
    app.bot_data[DB_KEY] = Database(settings.database_path)
    app.bot_data[SETTINGS_KEY] = settings
    for module in HANDLER_MODULES:
        module.register(app)
    return app
