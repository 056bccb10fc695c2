"""Tests proving the fake Bot API server works with the real python-telegram-bot."""

from __future__ import annotations

import asyncio
import datetime as dtm
import io
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, EndPointNotFound, Forbidden, NetworkError, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.testing.fake_telegram import BOT_USERNAME, FakeTelegramServer, Sender, parse_html
from tests.conftest import BOT_TOKEN

CHAT = 4242


def make_app(server: FakeTelegramServer) -> Application:
    return (
        Application.builder()
        .token(BOT_TOKEN)
        .base_url(server.base_url)
        .base_file_url(server.base_file_url)
        .build()
    )


@asynccontextmanager
async def polling(app: Application) -> AsyncIterator[Application]:
    """Run ``app`` with long polling against the fake server, shut down cleanly."""
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


@asynccontextmanager
async def direct_bot(server: FakeTelegramServer) -> AsyncIterator[Bot]:
    async with Bot(BOT_TOKEN, base_url=server.base_url, base_file_url=server.base_file_url) as bot:
        yield bot


# ---------------------------------------------------------------------------- handlers

KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("Weiter", callback_data="next"),
            InlineKeyboardButton("Web", url="https://example.org"),
        ]
    ]
)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    await update.message.reply_html(
        "<b>Willkommen</b> beim Beteiligungslotsen &amp; Co.", reply_markup=KEYBOARD
    )


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_text(f"Gewählt: <i>{query.data}</i>", parse_mode=ParseMode.HTML)


# ---------------------------------------------------------------------------- end-to-end


async def test_start_command_and_callback_with_real_ptb(fake_telegram: FakeTelegramServer):
    app = make_app(fake_telegram)
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(on_button))
    async with polling(app):
        assert app.bot.username == BOT_USERNAME
        fake_telegram.push_message("/start", sender=Sender(CHAT))
        [call] = await fake_telegram.wait_for("sendMessage")
        assert call.ok
        assert call.params["chat_id"] == CHAT
        assert call.params["parse_mode"] == "HTML"
        assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "next"
        sent = call.result
        assert sent["text"] == "Willkommen beim Beteiligungslotsen & Co."
        assert sent["entities"] == [{"type": "bold", "offset": 0, "length": 10}]
        assert sent["from"]["username"] == BOT_USERNAME

        fake_telegram.push_callback("next", sent)
        [edit] = await fake_telegram.wait_for("editMessageText")
        assert edit.ok, edit.error
        await fake_telegram.wait_for("answerCallbackQuery")
        stored = fake_telegram.get_message(CHAT, sent["message_id"])
        assert stored is not None
        assert stored["text"] == "Gewählt: next"
        assert "reply_markup" not in stored  # edit without markup removes the keyboard
    assert fake_telegram.sent_messages(CHAT) == [call.params]
    methods = {c.method for c in fake_telegram.calls}
    assert {"getMe", "deleteWebhook", "getUpdates"} <= methods
    assert all(c.ok for c in fake_telegram.calls)


async def test_updates_are_confirmed_and_not_redelivered(fake_telegram: FakeTelegramServer):
    seen: list[str] = []

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message and update.message.text
        seen.append(update.message.text)
        await update.message.reply_text(update.message.text.upper())

    app = make_app(fake_telegram)
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with polling(app):
        for i in range(5):
            fake_telegram.push_message(f"hallo {i}", sender=Sender(chat_id=CHAT))
        await fake_telegram.wait_for("sendMessage", count=5)
    assert sorted(seen) == [f"hallo {i}" for i in range(5)]
    assert fake_telegram.pending_updates == []  # final getUpdates confirmed everything


async def test_inline_query_with_real_ptb(fake_telegram: FakeTelegramServer):
    async def inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.inline_query
        await update.inline_query.answer(
            [
                InlineQueryResultArticle(
                    id=f"r{i}",
                    title=f"Treffer {i}",
                    input_message_content=InputTextMessageContent(
                        f"<b>{i}</b>", parse_mode=ParseMode.HTML
                    ),
                )
                for i in range(3)
            ]
        )

    app = make_app(fake_telegram)
    app.add_handler(InlineQueryHandler(inline))
    async with polling(app):
        fake_telegram.push_inline_query("bürgerhaushalt")
        [call] = await fake_telegram.wait_for("answerInlineQuery")
    assert call.ok
    assert [r["id"] for r in call.params["results"]] == ["r0", "r1", "r2"]


# ---------------------------------------------------------------------------- validation


async def test_bad_html_raises_bad_request(fake_telegram: FakeTelegramServer):
    async with direct_bot(fake_telegram) as bot:
        for text in ["<b>offen", "a < b", "<div>x</div>", "<b>x</i>", "Tom & Jerry"]:
            with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
                await bot.send_message(CHAT, text, parse_mode=ParseMode.HTML)
        ok = await bot.send_message(
            CHAT,
            '<a href="https://x.org/?a=1&amp;b=2">Link</a> &lt;3 <tg-spoiler>s</tg-spoiler>',
            parse_mode=ParseMode.HTML,
        )
        assert ok.text == "Link <3 s"
        assert ok.entities[0].url == "https://x.org/?a=1&b=2"
        with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
            await bot.send_message(CHAT, "<b> </b>", parse_mode=ParseMode.HTML)
        # length is counted on the visible text
        await bot.send_message(CHAT, "<b>" + "x" * 4096 + "</b>", parse_mode=ParseMode.HTML)
        with pytest.raises(BadRequest, match=r"(?i)message is too long"):
            await bot.send_message(CHAT, "x" * 4097)
    assert len(fake_telegram.sent_messages()) == 2
    assert sum(not c.ok for c in fake_telegram.calls_of("sendMessage")) == 7


def test_parse_html_entities_and_errors():
    text, entities = parse_html("<b>a<i>b</i></b> 😀<u>c</u>")
    assert text == "ab 😀c"
    assert entities == [
        {"type": "bold", "offset": 0, "length": 2},
        {"type": "italic", "offset": 1, "length": 1},
        {"type": "underline", "offset": 5, "length": 1},  # emoji = 2 UTF-16 units
    ]
    assert parse_html("Tom & Jerry", strict=False)[0] == "Tom & Jerry"


async def test_callback_data_limit_is_64_bytes(fake_telegram: FakeTelegramServer):
    async with direct_bot(fake_telegram) as bot:
        ok = InlineKeyboardMarkup([[InlineKeyboardButton("ok", callback_data="ä" * 32)]])
        await bot.send_message(CHAT, "64 bytes", reply_markup=ok)
        too_long = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="ä" * 33)]])
        with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
            await bot.send_message(CHAT, "66 bytes", reply_markup=too_long)


async def test_edit_errors(fake_telegram: FakeTelegramServer):
    async with direct_bot(fake_telegram) as bot:
        msg = await bot.send_message(CHAT, "eins", reply_markup=KEYBOARD)
        with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
            await bot.edit_message_text("eins", CHAT, msg.message_id, reply_markup=KEYBOARD)
        with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
            await bot.edit_message_text("zwei", CHAT, msg.message_id + 100)
        edited = await bot.edit_message_text("zwei", CHAT, msg.message_id, reply_markup=KEYBOARD)
        assert isinstance(edited, type(msg)) and edited.text == "zwei"
        await bot.edit_message_reply_markup(CHAT, msg.message_id, reply_markup=None)
        with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
            await bot.edit_message_reply_markup(CHAT, msg.message_id, reply_markup=None)
        with pytest.raises(BadRequest, match=r"(?i)query ID is invalid"):
            await bot.answer_callback_query("nope")


async def test_inline_query_answer_limits(fake_telegram: FakeTelegramServer):
    qid = fake_telegram.push_inline_query("x")["inline_query"]["id"]

    def article(i: str) -> InlineQueryResultArticle:
        return InlineQueryResultArticle(i, "t", InputTextMessageContent("m"))

    async with direct_bot(fake_telegram) as bot:
        with pytest.raises(BadRequest, match=r"(?i)RESULTS_TOO_MUCH"):
            await bot.answer_inline_query(qid, [article(str(i)) for i in range(51)])
        with pytest.raises(BadRequest, match=r"(?i)RESULT_ID_DUPLICATE"):
            await bot.answer_inline_query(qid, [article("a"), article("a")])
        with pytest.raises(BadRequest, match=r"(?i)RESULT_ID_INVALID"):
            await bot.answer_inline_query(qid, [article("x" * 65)])
        assert await bot.answer_inline_query(qid, [article(str(i)) for i in range(50)])


# ---------------------------------------------------------------------------- faults


async def test_blocked_chat_raises_forbidden(fake_telegram: FakeTelegramServer):
    fake_telegram.block_chat(666)
    async with direct_bot(fake_telegram) as bot:
        with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
            await bot.send_message(666, "hallo")
        await bot.send_message(667, "hallo")
    [failed] = [c for c in fake_telegram.calls_of("sendMessage") if not c.ok]
    assert failed.status == 403 and failed.params["chat_id"] == 666
    assert [m["chat_id"] for m in fake_telegram.sent_messages()] == [667]


async def test_rate_limit_raises_retry_after(fake_telegram: FakeTelegramServer, monkeypatch):
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    fake_telegram.rate_limit_next(2, retry_after=3)
    async with direct_bot(fake_telegram) as bot:
        for _ in range(2):
            with pytest.raises(RetryAfter) as info:
                await bot.send_message(CHAT, "hi")
            assert info.value.retry_after == dtm.timedelta(seconds=3)
        await bot.send_message(CHAT, "hi")
    assert [c.status for c in fake_telegram.calls_of("sendMessage")] == [429, 429, 200]
    assert fake_telegram.calls_of("sendMessage")[0].error == "Too Many Requests: retry after 3"


async def test_fail_next_gives_transient_network_error(fake_telegram: FakeTelegramServer):
    fake_telegram.fail_next(1, status=502)
    async with direct_bot(fake_telegram) as bot:
        with pytest.raises(NetworkError, match=r"(?i)Bad Gateway"):
            await bot.send_message(CHAT, "hi")
        await bot.send_message(CHAT, "hi")
    assert len(fake_telegram.sent_messages(CHAT)) == 1


# ---------------------------------------------------------------------------- files


async def test_file_download_via_get_file(fake_telegram: FakeTelegramServer):
    content = "Bürgerbeteiligung;Ja\n".encode() * 100
    update = fake_telegram.push_document("antrag.csv", "DOC-1", "text/csv", content=content)
    assert update["message"]["document"]["file_size"] == len(content)
    async with direct_bot(fake_telegram) as bot:
        tg_file = await bot.get_file("DOC-1")
        assert tg_file.file_size == len(content)
        assert bytes(await tg_file.download_as_bytearray()) == content
        with pytest.raises(BadRequest, match=r"(?i)invalid file_id"):
            await bot.get_file("missing")


async def test_send_document_is_recorded(fake_telegram: FakeTelegramServer):
    async with direct_bot(fake_telegram) as bot:
        msg = await bot.send_document(
            CHAT,
            io.BytesIO(b"col1,col2\n1,2\n"),
            filename="export.csv",
            caption="<b>Export</b>",
            parse_mode=ParseMode.HTML,
        )
        assert msg.document.file_name == "export.csv"
        assert msg.caption == "Export"
        # the uploaded file can be downloaded again via its file_id
        again = await (await bot.get_file(msg.document.file_id)).download_as_bytearray()
        assert bytes(again) == b"col1,col2\n1,2\n"
    [call] = fake_telegram.calls_of("sendDocument")
    assert call.params["document"].file_name == "export.csv"
    assert call.params["document"].content == b"col1,col2\n1,2\n"
    assert fake_telegram.uploaded_files == [call.params["document"]]


# ---------------------------------------------------------------------------- misc API


async def test_commands_chat_action_and_unknown_method(fake_telegram: FakeTelegramServer):
    async with direct_bot(fake_telegram) as bot:
        await bot.set_my_commands([("start", "Los geht's"), ("hilfe", "Hilfe")])
        assert [c.command for c in await bot.get_my_commands()] == ["start", "hilfe"]
        await bot.delete_my_commands()
        assert await bot.get_my_commands() == ()
        with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
            await bot.set_my_commands([("Start!", "x")])
        assert await bot.send_chat_action(CHAT, "typing")
        with pytest.raises(EndPointNotFound):
            await bot.do_api_request("noSuchMethod")
        assert await bot.close()
        assert await bot.log_out()
    assert fake_telegram.calls_of("noSuchMethod")[0].status == 404


async def test_get_updates_offset_limit_and_long_poll(fake_telegram: FakeTelegramServer):
    async with direct_bot(fake_telegram) as bot:
        ids = [fake_telegram.push_message(f"m{i}")["update_id"] for i in range(3)]
        assert [u.update_id for u in await bot.get_updates(limit=2)] == ids[:2]
        assert [u.update_id for u in await bot.get_updates(offset=ids[1] + 1)] == ids[2:]
        assert await bot.get_updates(offset=ids[2] + 1, timeout=0) == ()

        async def push_later() -> None:
            await asyncio.sleep(0.05)
            fake_telegram.push_message("late")

        task = asyncio.create_task(push_later())
        updates = await bot.get_updates(offset=ids[2] + 1, timeout=5)
        await task
        assert [u.message.text for u in updates] == ["late"]


async def test_wait_for_timeout_lists_calls(fake_telegram: FakeTelegramServer):
    async with direct_bot(fake_telegram) as bot:
        await bot.send_message(CHAT, "da")
    with pytest.raises(TimeoutError, match=r"(?s)editMessageText.*\n.*sendMessage \[ok\]"):
        await fake_telegram.wait_for("editMessageText", timeout=0.05)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_webhook_with_real_ptb(fake_telegram: FakeTelegramServer):
    port = _free_port()
    url = f"http://127.0.0.1:{port}/hook"
    app = make_app(fake_telegram)
    app.add_handler(CommandHandler("start", start))
    async with app:
        await app.start()
        await app.updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path="hook",
            webhook_url=url,
            secret_token="s3cret",
        )
        try:
            assert fake_telegram.webhook["url"] == url
            assert fake_telegram.webhook["secret_token"] == "s3cret"
            info = await app.bot.get_webhook_info()
            assert info.url == url
            update = {
                "message": {
                    "message_id": 1,
                    "date": 0,
                    "text": "/start",
                    "chat": {"id": CHAT, "type": "private"},
                    "from": {"id": CHAT, "is_bot": False, "first_name": "E"},
                    "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
                }
            }
            assert await fake_telegram.post_update_to_webhook(url, update, "wrong") == 403
            assert await fake_telegram.post_update_to_webhook(url, update) == 200
            await fake_telegram.wait_for("sendMessage")
        finally:
            await app.updater.stop()
            await app.stop()


async def test_wrong_token_and_missing_params(fake_telegram: FakeTelegramServer):
    import httpx

    async with httpx.AsyncClient(trust_env=False) as client:
        response = await client.post(fake_telegram.base_url + "999:WRONG/getMe")
        assert response.status_code == 401
        assert response.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
        response = await client.get(fake_telegram.base_url + BOT_TOKEN + "/getMe?x=1")
        assert response.json()["result"]["username"] == BOT_USERNAME
        url = fake_telegram.base_url + BOT_TOKEN + "/sendMessage"
        response = await client.post(url, data={"text": "x"})
        assert response.status_code == 400
        assert response.json()["description"] == "Bad Request: chat_id is empty"
        response = await client.post(url, json={"chat_id": CHAT})  # JSON bodies work too
        assert response.json()["description"] == "Bad Request: message text is empty"
        response = await client.post(url, json={"chat_id": CHAT, "text": "123"})
        assert response.json()["result"]["text"] == "123"  # text stays a string
    assert fake_telegram.calls_of("sendmessage")[-1].params == {"chat_id": CHAT, "text": "123"}


async def test_pushed_updates_parse_as_ptb_objects(fake_telegram: FakeTelegramServer):
    raw = [
        fake_telegram.push_message(
            "/start@beteiligungslotse_test_bot abc",
            sender=Sender(chat_id=-100123, chat_type="supergroup"),
        ),
        fake_telegram.push_sticker("🎉"),
        fake_telegram.push_photo(caption="Foto"),
        fake_telegram.push_document("a.pdf", "PDF-1", "application/pdf"),
        fake_telegram.push_inline_query("suche"),
    ]
    async with direct_bot(fake_telegram) as bot:
        updates = [Update.de_json(u, bot) for u in raw]
        msg = await bot.send_message(CHAT, "x")
        cb = Update.de_json(fake_telegram.push_callback("d", msg.to_dict()), bot)
    assert updates[0].message.chat.type == "supergroup"
    assert updates[0].message.parse_entities()  # bot_command entity
    assert updates[1].message.sticker.emoji == "🎉"
    assert updates[2].message.photo[-1].file_id and updates[2].message.caption == "Foto"
    assert updates[3].message.document.mime_type == "application/pdf"
    assert updates[4].inline_query.query == "suche"
    assert cb.callback_query.message.message_id == msg.message_id
    assert [u["update_id"] for u in raw] == sorted(u["update_id"] for u in raw)


@pytest.mark.parametrize(
    ("sender", "chat", "user"),
    [
        (Sender(), {"id": 1001, "type": "private", "first_name": "Erika"}, 1001),
        (Sender(77, username=None), {"id": 77, "type": "private", "first_name": "Erika"}, 77),
        (Sender(5, chat_type="group"), {"id": -1001000000005, "type": "group"}, 5),
        (Sender(chat_id=-100123, chat_type="supergroup"), {"id": -100123}, 1001),
    ],
)
def test_every_push_helper_takes_the_chat_and_user_from_one_sender(
    fake_telegram: FakeTelegramServer, sender: Sender, chat: dict[str, object], user: int
) -> None:
    pushed = [
        fake_telegram.push_message("hallo", sender=sender),
        fake_telegram.push_sticker(sender=sender),
        fake_telegram.push_photo(sender=sender),
        fake_telegram.push_document("a.pdf", sender=sender),
        fake_telegram.push_media({"location": {"latitude": 51, "longitude": 7}}, sender=sender),
    ]
    for update in pushed:
        message = update["message"]
        assert chat.items() <= message["chat"].items()
        assert message["from"]["id"] == user
        assert ("username" in message["from"]) == (sender.username is not None)
    bot_message = {"chat": pushed[0]["message"]["chat"], "message_id": 1}
    pressed = fake_telegram.push_callback("d", bot_message, sender=sender)
    assert pressed["callback_query"]["from"]["id"] == user
    queried = fake_telegram.push_inline_query("q", sender=sender)
    assert queried["inline_query"]["from"]["id"] == user
