"""Start and stop the real Application with long polling, as `run_polling` does.

Shared by the end-to-end tests and the end-to-end benchmark; short long-poll timeouts keep
them fast against the fake Bot API server.
"""

from __future__ import annotations

from bot.serve import ALLOWED_UPDATES, BotApp


async def start_polling(app: BotApp) -> None:
    """Initialise, start and poll the real Application like `run_polling` does."""
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0.0, timeout=1, allowed_updates=ALLOWED_UPDATES)


async def stop_polling(app: BotApp) -> None:
    """Stop polling and shut the Application down cleanly."""
    assert app.updater is not None
    await app.updater.stop()
    await app.stop()
    if app.post_stop:
        await app.post_stop(app)
    await app.shutdown()
    if app.post_shutdown:
        await app.post_shutdown(app)
