"""/tipp, /abo, /stopp and the daily delivery job, end to end against the fake Bot API."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.serve import CLOCK_KEY, DB_KEY, STORE_KEY, BotApp
from bot.storage import Database
from bot.testing.fake_telegram import Call, FakeTelegramServer, Sender
from bot.tips import subscriptions as store
from handlers.tips import JOB_NAME

CHAT = 6001
# Tuesday 2026-11-24, 12:00 in Berlin; Wednesday 08:00 Berlin is 07:00 UTC.
TUESDAY_NOON = datetime(2026, 11, 24, 11, 0, tzinfo=UTC)
WEDNESDAY_EIGHT = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)


def set_clock(app: BotApp, moment: datetime) -> None:
    app.bot_data[CLOCK_KEY] = lambda: moment


def buttons(call: Call) -> list[tuple[str, str]]:
    rows = call.params.get("reply_markup", {}).get("inline_keyboard", [])
    return [(b["text"], b["callback_data"]) for row in rows for b in row]


async def command(fake: FakeTelegramServer, text: str, chat: int = CHAT) -> Call:
    before = len(fake.calls_of("sendMessage"))
    fake.push_message(text, sender=Sender(chat_id=chat))
    calls = await fake.wait_for("sendMessage", count=before + 1)
    return calls[before]


async def press(fake: FakeTelegramServer, call: Call, data: str) -> Call:
    before = len(fake.calls_of("editMessageText"))
    fake.push_callback(data, call.result)
    calls = await fake.wait_for("editMessageText", count=before + 1)
    return calls[before]


def db_of(app: BotApp) -> Database:
    db: Database = app.bot_data[DB_KEY]
    return db


async def deliver(app: BotApp, moment: datetime) -> None:
    assert app.job_queue is not None
    set_clock(app, moment)
    (job,) = app.job_queue.get_jobs_by_name(JOB_NAME)
    await job.run(app)


async def test_tip_now_opens_the_linked_entry(
    tips_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    call = await command(fake_telegram, "/tipp")
    assert "Ihr Tipp" in call.params["text"]
    ((label, data),) = buttons(call)
    assert label == "Mehr dazu" and data.startswith("e:")
    opened = await press(fake_telegram, call, data)
    entry = tips_bot.bot_data[STORE_KEY].current.content.entry(data[2:])
    assert entry.title in opened.params["text"]


async def test_subscribe_change_and_stop_flow(
    tips_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    set_clock(tips_bot, TUESDAY_NOON)
    first = await command(fake_telegram, "/abo")
    assert "ab morgen jeden Tag um 08:00 Uhr" in first.params["text"]
    labels = dict(buttons(first))
    assert set(labels) == {"🕗 Uhrzeit ändern", "Nur werktags", "Abbestellen"}

    status = await command(fake_telegram, "/abo")
    assert "Sie bekommen jeden Tag um 08:00 Uhr einen Tipp" in status.params["text"]
    choice = await press(fake_telegram, status, "abo:time")
    times = [label for label, _ in buttons(choice)]
    assert times[0] == "07:00" and "18:00" in times
    chosen = await press(fake_telegram, choice, "abo:t0700")
    assert "um 07:00 Uhr" in chosen.params["text"]
    workdays = await press(fake_telegram, chosen, "abo:wd")
    assert "ab morgen jeden Werktag (Montag bis Freitag) um 07:00 Uhr" in workdays.params["text"]
    assert "Jeden Tag" in dict(buttons(workdays))

    typed = await command(fake_telegram, "/abo 7:30")
    assert "jeden Werktag (Montag bis Freitag) um 07:30 Uhr" in typed.params["text"]
    sub = await store.get_subscription(db_of(tips_bot), CHAT)
    assert sub is not None and sub.active and sub.at.minute == 30

    stopped = await command(fake_telegram, "/stopp")
    assert "keinen täglichen Tipp mehr" in stopped.params["text"]
    assert (
        "keinen täglichen Tipp bestellt" in (await command(fake_telegram, "/stopp")).params["text"]
    )
    again = await press(fake_telegram, stopped, "abo:on")
    assert "07:30 Uhr" in again.params["text"]  # the old setting comes back


async def test_invalid_times_get_a_hint_and_change_nothing(
    tips_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    set_clock(tips_bot, TUESDAY_NOON)
    await command(fake_telegram, "/abo 09:15")
    for text, echo in (("/abo 25:99", "„25:99“"), ("/abo morgen", "„morgen“")):
        hint = await command(fake_telegram, text)
        assert echo in hint.params["text"] and "/abo 07:30" in hint.params["text"]
    sub = await store.get_subscription(db_of(tips_bot), CHAT)
    assert sub is not None and (sub.at.hour, sub.at.minute) == (9, 15)


async def test_forged_subscription_button_is_refused(
    tips_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    call = await command(fake_telegram, "/abo")
    fake_telegram.push_callback("abo:t2599", call.result)
    (answer,) = await fake_telegram.wait_for("answerCallbackQuery")
    assert "nicht mehr aktuell" in answer.params["text"]
    assert not fake_telegram.calls_of("editMessageText")


async def test_daily_job_delivers_to_due_subscribers_once(
    tips_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    set_clock(tips_bot, TUESDAY_NOON)
    await command(fake_telegram, "/abo", chat=1)
    await command(fake_telegram, "/abo 9:00", chat=2)
    fake_telegram.clear_calls()

    await deliver(tips_bot, WEDNESDAY_EIGHT)
    await deliver(tips_bot, WEDNESDAY_EIGHT + timedelta(minutes=1))

    sent = fake_telegram.sent_messages()
    assert [m["chat_id"] for m in sent] == [1]
    assert "Ihr Tipp" in sent[0]["text"]
    assert sent[0]["reply_markup"]["inline_keyboard"][0][0]["text"] == "Mehr dazu"


async def test_blocked_user_is_deactivated_and_429_is_honoured(
    tips_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    set_clock(tips_bot, TUESDAY_NOON)
    for chat in (1, 2, 3):
        await command(fake_telegram, "/abo", chat=chat)
    fake_telegram.clear_calls()
    fake_telegram.block_chat(2)
    fake_telegram.rate_limit_next(1, retry_after=1)

    await deliver(tips_bot, WEDNESDAY_EIGHT)

    statuses = [(c.params["chat_id"], c.status) for c in fake_telegram.calls_of("sendMessage")]
    assert 429 in [status for _, status in statuses]
    assert (2, 403) in statuses
    assert sorted(m["chat_id"] for m in fake_telegram.sent_messages()) == [1, 3]
    blocked = await store.get_subscription(db_of(tips_bot), 2)
    assert blocked is not None and not blocked.active
    day = date(2026, 11, 25)
    assert await store.delivery_status(db_of(tips_bot), 2, day) == store.BLOCKED
    assert await store.delivery_status(db_of(tips_bot), 1, day) == store.SENT


async def test_first_job_run_settles_rows_left_pending_by_a_crash(
    tips_bot: BotApp,
    fake_telegram: FakeTelegramServer,
) -> None:
    set_clock(tips_bot, TUESDAY_NOON)
    for chat in (1, 2):
        await command(fake_telegram, "/abo", chat=chat)
    fake_telegram.clear_calls()
    db, day = db_of(tips_bot), date(2026, 11, 25)
    # The previous process died while its request to chat 1 was on the wire.
    assert await store.claim_delivery(db, 1, day, "tipp-augenhoehe-1", 0, WEDNESDAY_EIGHT)

    await deliver(tips_bot, WEDNESDAY_EIGHT + timedelta(minutes=2))

    assert [m["chat_id"] for m in fake_telegram.sent_messages()] == [2]
    assert await store.delivery_status(db, 1, day) == store.UNKNOWN
