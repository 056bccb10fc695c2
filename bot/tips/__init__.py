"""The daily tip: schedules, subscriptions, the /abo conversation and the broadcast.

`schedule` is pure time arithmetic, `subscriptions` the SQL, `conversation` turns /tipp,
/abo, /stopp and their buttons into replies, `broadcast` sends what is due exactly once
through a `Send` callable (the Telegram one is `bot.serve.telegram_sender`).
"""

from bot.tips.broadcast import (
    Blocked,
    BroadcastOptions,
    BroadcastReport,
    OnWire,
    RetryLater,
    Send,
    Transient,
    Uncertain,
    broadcast_concurrency,
    deliver_due,
    options_from_settings,
    recover_interrupted,
)
from bot.tips.conversation import render_tip
from bot.tips.schedule import EVERY_DAY, WORKDAYS, time_key

__all__ = [
    "EVERY_DAY",
    "WORKDAYS",
    "Blocked",
    "BroadcastOptions",
    "BroadcastReport",
    "OnWire",
    "RetryLater",
    "Send",
    "Transient",
    "Uncertain",
    "broadcast_concurrency",
    "deliver_due",
    "options_from_settings",
    "recover_interrupted",
    "render_tip",
    "time_key",
]
