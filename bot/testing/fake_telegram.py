"""A local, in-process fake of the Telegram Bot API for offline tests.

The server speaks HTTP on 127.0.0.1 (random free port) and emulates the Bot API
the way python-telegram-bot (PTB) v22 calls it:

* URLs are ``base_url + token + "/" + method`` -> ``http://127.0.0.1:PORT/bot<token>/<method>``
* parameters arrive as form data (``application/x-www-form-urlencoded``) or
  multipart data (file uploads); complex values are JSON-encoded strings,
  strings are sent verbatim.  JSON bodies and query strings are accepted too.
* responses are ``{"ok": true, "result": ...}`` or
  ``{"ok": false, "error_code": ..., "description": ...}`` with the matching
  HTTP status, exactly like Telegram.

Every call is recorded in :attr:`FakeTelegramServer.calls`.  Updates are pushed by
the test with the ``push_*`` helpers and delivered via long polling (``getUpdates``).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import socket
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import tornado.httpserver
import tornado.httputil
import tornado.iostream
import tornado.netutil

from bot.content import HTMLParseError, parse_html, u16len

__all__ = [
    "BOT_USERNAME",
    "Call",
    "FakeTelegramServer",
    "TelegramAPIError",
    "UploadedFile",
    "parse_html",
]

BOT_USERNAME = "beteiligungslotse_test_bot"

#: getUpdates never waits longer than this (seconds), whatever ``timeout`` says.
MAX_LONG_POLL = 1.0

JSONDict = dict[str, Any]


# --------------------------------------------------------------------------- data types


@dataclass
class UploadedFile:
    """A file that arrived as a multipart upload."""

    file_name: str
    content: bytes
    mime_type: str


@dataclass
class Call:
    """One recorded Bot API call (successful or not)."""

    method: str
    params: JSONDict
    time: float
    status: int = 200
    result: Any = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == 200


class TelegramAPIError(Exception):
    """Raised inside method implementations; turned into a Telegram error response."""

    def __init__(self, code: int, description: str, parameters: JSONDict | None = None):
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


def _bad(description: str) -> TelegramAPIError:
    return TelegramAPIError(400, f"Bad Request: {description}")


# --------------------------------------------------------------------------- parameter decoding

# Parameters Telegram treats as strings even if they look like numbers/JSON.
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_query_id",
        "url",
        "secret_token",
        "next_offset",
        "file_id",
        "language_code",
        "inline_message_id",
        "action",
        "query",
        "data",
        "ip_address",
        "switch_pm_text",
        "switch_pm_parameter",
        "business_connection_id",
        "message_effect_id",
        "title",
        "description",
        "emoji",
        "short_description",
        "name",
        "certificate",
    }
)
# Parameters Telegram treats as integers (when they look like integers).
_INT_PARAMS = frozenset(
    {
        "chat_id",
        "message_id",
        "offset",
        "limit",
        "timeout",
        "message_thread_id",
        "user_id",
        "cache_time",
        "max_connections",
        "from_chat_id",
        "reply_to_message_id",
        "until_date",
        "duration",
        "width",
        "height",
    }
)
_BOOL_PARAMS = frozenset(
    {
        "disable_notification",
        "protect_content",
        "disable_web_page_preview",
        "show_alert",
        "is_personal",
        "drop_pending_updates",
        "allow_sending_without_reply",
        "disable_content_type_detection",
        "allow_paid_broadcast",
        "has_spoiler",
    }
)
_INT_RE = re.compile(r"-?\d+\Z")


def _decode_value(key: str, value: Any) -> Any:
    """Decode one form value the way Telegram interprets it."""
    if not isinstance(value, str):
        return value  # JSON body: already typed
    if key in _STRING_PARAMS:
        return value
    if key in _INT_PARAMS:
        return int(value) if _INT_RE.match(value) else value
    if key in _BOOL_PARAMS:
        low = value.lower()
        if low in ("true", "1"):
            return True
        if low in ("false", "0", ""):
            return False
        return value
    if value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    if _INT_RE.match(value):
        return int(value)
    if value in ("true", "false"):
        return value == "true"
    return value


def _parse_request(query: str, headers: tornado.httputil.HTTPHeaders, body: bytes) -> JSONDict:
    params: JSONDict = {}
    if query:
        for key, texts in urllib.parse.parse_qs(query, keep_blank_values=True).items():
            params[key] = _decode_value(key, texts[-1])
    if not body:
        return params
    ctype = headers.get("Content-Type", "")
    if ctype.startswith("application/json"):
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise _bad("can't parse JSON object") from exc
        if not isinstance(data, dict):
            raise _bad("JSON object expected")
        params.update(data)
        return params
    arguments: dict[str, list[bytes]] = {}
    files: dict[str, list[tornado.httputil.HTTPFile]] = {}
    tornado.httputil.parse_body_arguments(ctype, body, arguments, files, headers)
    for key, values in arguments.items():
        params[key] = _decode_value(key, values[-1].decode("utf-8", "replace"))
    for key, file_list in files.items():
        f = file_list[-1]
        params[key] = UploadedFile(
            file_name=f.filename,
            content=bytes(f.body),
            mime_type=f.content_type or "application/octet-stream",
        )
    return params


# --------------------------------------------------------------------------- validation helpers

_BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "callback_game",
    "pay",
    "login_url",
    "web_app",
    "copy_text",
)
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}\Z")
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}\Z")


def _validate_reply_markup(markup: Any) -> JSONDict | None:
    if markup is None or markup == "":
        return None
    if not isinstance(markup, dict):
        raise _bad("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise _bad(
                "can't parse inline keyboard button: InlineKeyboardMarkup must be an "
                "Array of Arrays of InlineKeyboardButton"
            )
        for row in rows:
            for button in row:
                if not isinstance(button, dict):
                    raise _bad(
                        "can't parse inline keyboard button: InlineKeyboardButton "
                        "must be an Object"
                    )
                text = button.get("text")
                if not isinstance(text, str):
                    raise _bad(
                        'can\'t parse inline keyboard button: Field "text" must be of type String'
                    )
                actions = [a for a in _BUTTON_ACTIONS if a in button]
                if not actions:
                    raise _bad(
                        "can't parse inline keyboard button: Text buttons are "
                        "unallowed in the inline keyboard"
                    )
                if len(actions) > 1:
                    raise _bad(
                        "can't parse inline keyboard button: exactly one of the "
                        f"optional fields must be used, got {', '.join(actions)}"
                    )
                if "callback_data" in button:
                    data = button["callback_data"]
                    if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= 64:
                        raise _bad("BUTTON_DATA_INVALID")
                if "url" in button:
                    url = button["url"]
                    if not isinstance(url, str) or not re.match(r"(https?|tg)://\S+\Z", url):
                        raise _bad(
                            f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL"
                        )
        return markup
    if "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise _bad("can't parse reply keyboard markup JSON object")
        for row in rows:
            for button in row:
                if isinstance(button, str):
                    continue
                if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                    raise _bad('can\'t parse keyboard button: Field "text" must be of type String')
        return markup
    if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
        return markup
    raise _bad("can't parse reply keyboard markup JSON object")


# --------------------------------------------------------------------------- tornado glue


_API_PATH = re.compile(r"/bot([^/]*)/([A-Za-z_]+)/?\Z")
_FILE_PATH = re.compile(r"/file/bot([^/]*)/(.+)\Z")
_NOT_FOUND = b'{"ok":false,"error_code":404,"description":"Not Found"}'
_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


def _respond(
    conn: tornado.httputil.HTTPConnection,
    status: int,
    body: bytes,
    ctype: str = "application/json",
) -> None:
    headers = tornado.httputil.HTTPHeaders()
    headers["Content-Type"] = ctype
    headers["Content-Length"] = str(len(body))
    try:
        conn.write_headers(
            tornado.httputil.ResponseStartLine("HTTP/1.1", status, _REASONS.get(status, "")),
            headers,
            body,
        )
        conn.finish()
    except tornado.iostream.StreamClosedError:
        pass  # client went away (e.g. a cancelled long poll)


class _Message(tornado.httputil.HTTPMessageDelegate):
    """One HTTP request; bypasses tornado.web for speed (no routing/handler objects)."""

    __slots__ = ("chunks", "conn", "headers", "server", "start_line")

    def __init__(self, server: FakeTelegramServer, conn: tornado.httputil.HTTPConnection):
        self.server = server
        self.conn = conn
        self.chunks: list[bytes] = []
        self.start_line: tornado.httputil.RequestStartLine | None = None
        self.headers: tornado.httputil.HTTPHeaders | None = None

    def headers_received(self, start_line, headers):  # type: ignore[no-untyped-def,override]
        self.start_line = start_line
        self.headers = headers
        return None

    def data_received(self, chunk: bytes) -> None:  # type: ignore[override]
        self.chunks.append(chunk)

    def finish(self) -> None:
        assert self.start_line is not None and self.headers is not None
        path, _, query = self.start_line.path.partition("?")
        if "%" in path:
            path = urllib.parse.unquote(path)
        m = _API_PATH.match(path)
        if m is not None:
            body = self.chunks[0] if len(self.chunks) == 1 else b"".join(self.chunks)
            outcome = self.server._dispatch(m.group(1), m.group(2), query, self.headers, body)
            if isinstance(outcome, tuple):
                _respond(self.conn, *outcome)
            else:
                self.server._spawn(self._finish_async(outcome))
            return
        m = _FILE_PATH.match(path)
        if m is not None and self.start_line.method in ("GET", "HEAD"):
            status, content = self.server._serve_file(m.group(1), m.group(2))
            _respond(
                self.conn,
                status,
                content,
                "application/octet-stream" if status == 200 else "application/json",
            )
            return
        _respond(self.conn, 404, _NOT_FOUND)

    async def _finish_async(self, outcome: Any) -> None:
        status, body = await outcome
        _respond(self.conn, status, body)

    def on_connection_close(self) -> None:
        pass


class _Delegate(tornado.httputil.HTTPServerConnectionDelegate):
    def __init__(self, server: FakeTelegramServer):
        self.server = server

    def start_request(self, server_conn, request_conn):  # type: ignore[no-untyped-def]
        return _Message(self.server, request_conn)

    def on_close(self, server_conn) -> None:  # type: ignore[no-untyped-def]
        pass


# --------------------------------------------------------------------------- the server


class FakeTelegramServer:
    """In-process fake Bot API server (see module docstring)."""

    def __init__(
        self,
        token: str | None = None,
        *,
        bot_id: int = 7000000001,
        username: str = BOT_USERNAME,
        first_name: str = "Beteiligungslotse Test",
        strict_html: bool = True,
        max_long_poll: float = MAX_LONG_POLL,
    ) -> None:
        self.token = token
        self.strict_html = strict_html
        self.max_long_poll = max_long_poll
        self.bot_user: JSONDict = {
            "id": bot_id,
            "is_bot": True,
            "first_name": first_name,
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self.port: int | None = None
        self.calls: list[Call] = []
        self.uploaded_files: list[UploadedFile] = []
        self.webhook: JSONDict = {}
        self.commands: dict[tuple[str, str], list[JSONDict]] = {}
        self.menu_buttons: dict[str, JSONDict] = {}  # chat id ('' = default) → menu button

        self._updates: list[JSONDict] = []
        self._next_update_id = itertools.count(1)
        self._update_event = asyncio.Event()
        self._messages: dict[int, dict[int, JSONDict]] = {}  # chat_id -> msg_id -> message
        self._bot_sent: set[tuple[int, int]] = set()
        self._inline_messages: dict[str, JSONDict] = {}
        self._msg_counters: dict[int, int] = {}
        self._chats: dict[int, JSONDict] = {}
        self._callback_ids: set[str] = set()
        self._inline_ids: set[str] = set()
        self._files: dict[str, JSONDict] = {}
        self._file_contents: dict[str, bytes] = {}
        self._ids = itertools.count(1)
        self._blocked: set[int] = set()
        self._faults: list[list[Any]] = []  # [remaining, method|None, code, desc, params]
        self._waiters: list[asyncio.Future[None]] = []
        self._tasks: set[asyncio.Task[Any]] = set()
        self._stopping = False
        self._http: tornado.httpserver.HTTPServer | None = None

        self._methods: dict[str, Callable[[JSONDict], Any]] = {}
        for name in (
            "getMe",
            "getUpdates",
            "sendMessage",
            "editMessageText",
            "editMessageReplyMarkup",
            "answerCallbackQuery",
            "answerInlineQuery",
            "setMyCommands",
            "getMyCommands",
            "deleteMyCommands",
            "setChatMenuButton",
            "getChatMenuButton",
            "setWebhook",
            "deleteWebhook",
            "getWebhookInfo",
            "sendDocument",
            "getFile",
            "sendChatAction",
            "close",
            "logOut",
            "deleteMessage",
        ):
            self._methods[name.lower()] = getattr(self, "_m_" + name)
        self._canonical = {
            name.lower(): name for name in (m[3:] for m in dir(self) if m.startswith("_m_"))
        }

    # ------------------------------------------------------------------ lifecycle

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    async def start(self) -> FakeTelegramServer:
        if self._http is not None:
            return self
        self._stopping = False
        self._update_event = asyncio.Event()
        sockets = tornado.netutil.bind_sockets(0, "127.0.0.1", family=socket.AF_INET)
        self.port = sockets[0].getsockname()[1]
        self._http = tornado.httpserver.HTTPServer(_Delegate(self), max_body_size=60 * 1024 * 1024)
        self._http.add_sockets(sockets)
        return self

    async def stop(self) -> None:
        if self._http is None:
            return
        self._stopping = True
        self._update_event.set()  # release long polls
        self._http.stop()
        deadline = time.monotonic() + 2.0
        while self._tasks and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
        await self._http.close_all_connections()
        self._http = None
        for fut in self._waiters:
            if not fut.done():
                fut.cancel()
        self._waiters.clear()

    async def __aenter__(self) -> FakeTelegramServer:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # ------------------------------------------------------------------ dispatch

    def _token_ok(self, token: str) -> bool:
        return self.token is None or token == self.token

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _serve_file(self, token: str, file_path: str) -> tuple[int, bytes]:
        if not self._token_ok(token):
            return 401, b'{"ok":false,"error_code":401,"description":"Unauthorized"}'
        content = self._file_contents.get(file_path)
        if content is None:
            return 404, _NOT_FOUND
        return 200, content

    def _dispatch(
        self,
        token: str,
        method: str,
        query: str,
        headers: tornado.httputil.HTTPHeaders,
        body: bytes,
    ) -> Any:
        """Run a Bot API method: returns ``(status, body)`` or an awaitable of it."""
        key = method.lower()
        name = self._canonical.get(key, method)
        params: JSONDict = {}
        try:
            if not self._token_ok(token):
                raise TelegramAPIError(401, "Unauthorized")
            params = _parse_request(query, headers, body)
            impl = self._methods.get(key)
            if impl is None:
                raise TelegramAPIError(404, "Not Found")
            self._check_faults(name, params)
            result = impl(params)
        except TelegramAPIError as exc:
            return self._error(name, params, exc)
        if asyncio.iscoroutine(result):
            return self._finish_async(name, params, result)
        self._record(Call(name, params, time.time(), 200, result))
        return 200, json.dumps({"ok": True, "result": result}).encode()

    async def _finish_async(self, name: str, params: JSONDict, coro: Any) -> tuple[int, bytes]:
        try:
            result = await coro
        except TelegramAPIError as exc:
            return self._error(name, params, exc)
        self._record(Call(name, params, time.time(), 200, result))
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _error(self, name: str, params: JSONDict, exc: TelegramAPIError) -> tuple[int, bytes]:
        self._record(Call(name, params, time.time(), exc.code, None, exc.description))
        payload: JSONDict = {"ok": False, "error_code": exc.code, "description": exc.description}
        if exc.parameters:
            payload["parameters"] = exc.parameters
        return exc.code, json.dumps(payload).encode()

    def _record(self, call: Call) -> None:
        self.calls.append(call)
        if self._waiters:
            waiters, self._waiters = self._waiters, []
            for fut in waiters:
                if not fut.done():
                    fut.set_result(None)

    def _check_faults(self, method: str, params: JSONDict) -> None:
        if method.startswith("send"):
            chat_id = params.get("chat_id")
            if chat_id in self._blocked:
                raise TelegramAPIError(403, "Forbidden: bot was blocked by the user")
        for fault in self._faults:
            if fault[1] is None or fault[1] == method:
                fault[0] -= 1
                if fault[0] <= 0:
                    self._faults.remove(fault)
                raise TelegramAPIError(fault[2], fault[3], fault[4])

    # ------------------------------------------------------------------ recording helpers

    def calls_of(self, method: str) -> list[Call]:
        """All recorded calls of ``method`` (case-insensitive), including failed ones."""
        method = self._canonical.get(method.lower(), method)
        return [c for c in self.calls if c.method == method]

    def sent_messages(self, chat_id: int | str | None = None) -> list[JSONDict]:
        """Params of *successful* sendMessage calls, optionally only to ``chat_id``."""
        return [
            c.params
            for c in self.calls
            if c.method == "sendMessage"
            and c.status == 200
            and (chat_id is None or c.params.get("chat_id") == chat_id)
        ]

    def clear_calls(self) -> None:
        self.calls.clear()

    async def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 5.0,
        count: int = 1,
    ) -> list[Call]:
        """Wait until ``count`` calls of ``method`` matching ``predicate`` were recorded.

        Returns the matching calls (all of them, at least ``count``).  Raises
        :class:`TimeoutError` listing what was recorded instead.
        """
        method = self._canonical.get(method.lower(), method)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        matches: list[Call] = []
        scanned = 0  # incremental scan: cheap even while thousands of calls arrive
        while True:
            if scanned > len(self.calls):  # clear_calls() was called meanwhile
                matches, scanned = [], 0
            for c in itertools.islice(self.calls, scanned, None):
                if c.method == method and (predicate is None or predicate(c)):
                    matches.append(c)
            scanned = len(self.calls)
            if len(matches) >= count:
                return matches
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(self._timeout_message(method, count, len(matches), timeout))
            fut: asyncio.Future[None] = loop.create_future()
            self._waiters.append(fut)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(fut, remaining)

    def _timeout_message(self, method: str, count: int, found: int, timeout: float) -> str:
        lines = [
            f"Timed out after {timeout}s waiting for {count} matching {method} call(s); "
            f"found {found}. Recorded calls ({len(self.calls)}):"
        ]
        shown = [c for c in self.calls if c.method != "getUpdates"][-30:]
        for c in shown:
            params = {
                k: (f"<file {v.file_name}>" if isinstance(v, UploadedFile) else v)
                for k, v in c.params.items()
            }
            outcome = "ok" if c.ok else f"{c.status} {c.error}"
            lines.append(f"  {c.method} [{outcome}] {params}")
        polls = len(self.calls) - len([c for c in self.calls if c.method != "getUpdates"])
        if polls:
            lines.append(f"  (+ {polls} getUpdates calls)")
        return "\n".join(lines)

    # ------------------------------------------------------------------ fault injection

    def block_chat(self, chat_id: int) -> None:
        """Sending to ``chat_id`` answers 403 "Forbidden: bot was blocked by the user"."""
        self._blocked.add(chat_id)

    def unblock_chat(self, chat_id: int) -> None:
        self._blocked.discard(chat_id)

    def rate_limit_next(
        self, n: int, retry_after: int = 1, method: str | None = "sendMessage"
    ) -> None:
        """The next ``n`` calls of ``method`` (None = any method) answer 429."""
        self._faults.append(
            [
                n,
                method,
                429,
                f"Too Many Requests: retry after {retry_after}",
                {"retry_after": retry_after},
            ]
        )

    def fail_next(
        self,
        n: int,
        status: int = 502,
        method: str | None = "sendMessage",
        description: str | None = None,
    ) -> None:
        """The next ``n`` calls of ``method`` (None = any method) fail with ``status``."""
        desc = description or {
            500: "Internal Server Error",
            502: "Bad Gateway",
            503: "Service Unavailable",
            504: "Gateway Timeout",
        }.get(status, "Error")
        self._faults.append([n, method, status, desc, None])

    # ------------------------------------------------------------------ update helpers

    def _user(
        self, user_id: int, first_name: str, username: str | None, language_code: str | None
    ) -> JSONDict:
        user: JSONDict = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        return user

    def _chat(self, chat_id: int, chat_type: str, user: JSONDict | None = None) -> JSONDict:
        if chat_type == "private":
            chat = {
                "id": chat_id,
                "type": "private",
                "first_name": (user or {}).get("first_name", "User"),
            }
            if user and user.get("username"):
                chat["username"] = user["username"]
        else:
            chat = {"id": chat_id, "type": chat_type, "title": f"Test {chat_type} {chat_id}"}
        self._chats[chat_id] = chat
        return chat

    def _chat_for(self, chat_id: Any) -> JSONDict:
        chat = self._chats.get(chat_id)
        if chat is not None:
            return chat
        if isinstance(chat_id, int) and chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": "User"}
        if isinstance(chat_id, int):
            kind = "supergroup" if str(chat_id).startswith("-100") else "group"
            return {"id": chat_id, "type": kind, "title": f"Chat {chat_id}"}
        raise _bad("chat not found")

    def _new_message_id(self, chat_id: int) -> int:
        mid = self._msg_counters.get(chat_id, 0) + 1
        self._msg_counters[chat_id] = mid
        return mid

    def _store(self, message: JSONDict) -> None:
        self._messages.setdefault(message["chat"]["id"], {})[message["message_id"]] = message

    def push_update(self, update: JSONDict) -> JSONDict:
        """Queue an update (``update_id`` is assigned) for getUpdates. Returns it."""
        update = {"update_id": next(self._next_update_id), **update}
        cq = update.get("callback_query")
        if cq:
            self._callback_ids.add(str(cq["id"]))
        iq = update.get("inline_query")
        if iq:
            self._inline_ids.add(str(iq["id"]))
        for key in ("message", "edited_message", "channel_post"):
            msg = update.get(key)
            if msg and "chat" in msg and "message_id" in msg:
                self._chats.setdefault(msg["chat"]["id"], msg["chat"])
                self._store(msg)
        self._updates.append(update)
        self._update_event.set()
        return update

    def _user_message(
        self,
        chat_id: int | None,
        user_id: int,
        chat_type: str,
        first_name: str,
        username: str | None,
        language_code: str | None,
        reply_to_message: JSONDict | None,
        extra: JSONDict,
    ) -> JSONDict:
        user = self._user(user_id, first_name, username, language_code)
        if chat_id is None:
            chat_id = user_id if chat_type == "private" else -1001000000000 - user_id
        chat = self._chat(chat_id, chat_type, user)
        msg: JSONDict = {
            "message_id": self._new_message_id(chat_id),
            "from": user,
            "chat": chat,
            "date": int(time.time()),
        }
        if reply_to_message is not None:
            msg["reply_to_message"] = reply_to_message
        msg.update(extra)
        return msg

    def push_message(
        self,
        text: str,
        chat_id: int | None = None,
        user_id: int = 1001,
        chat_type: str = "private",
        first_name: str = "Erika",
        *,
        username: str | None = "erika_test",
        language_code: str | None = "de",
        entities: list[JSONDict] | None = None,
        reply_to_message: JSONDict | None = None,
        **extra: Any,
    ) -> JSONDict:
        """Push a text message from a user. Commands get a bot_command entity."""
        msg = self._user_message(
            chat_id,
            user_id,
            chat_type,
            first_name,
            username,
            language_code,
            reply_to_message,
            extra,
        )
        msg["text"] = text
        if entities is None and text.startswith("/"):
            command = text.split(maxsplit=1)[0] if text.strip() else text
            entities = [{"type": "bot_command", "offset": 0, "length": u16len(command)}]
        if entities:
            msg["entities"] = entities
        return self.push_update({"message": msg})

    def push_sticker(
        self,
        emoji: str = "👍",
        chat_id: int | None = None,
        user_id: int = 1001,
        chat_type: str = "private",
        first_name: str = "Erika",
        *,
        file_id: str | None = None,
        set_name: str | None = "TestStickers",
        username: str | None = "erika_test",
        language_code: str | None = "de",
        **extra: Any,
    ) -> JSONDict:
        msg = self._user_message(
            chat_id, user_id, chat_type, first_name, username, language_code, None, extra
        )
        n = next(self._ids)
        sticker: JSONDict = {
            "file_id": file_id or f"STICKER{n}",
            "file_unique_id": f"ustk{n}",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        if set_name:
            sticker["set_name"] = set_name
        msg["sticker"] = sticker
        return self.push_update({"message": msg})

    def push_photo(
        self,
        file_id: str | None = None,
        caption: str | None = None,
        chat_id: int | None = None,
        user_id: int = 1001,
        chat_type: str = "private",
        first_name: str = "Erika",
        *,
        content: bytes | None = None,
        username: str | None = "erika_test",
        language_code: str | None = "de",
        **extra: Any,
    ) -> JSONDict:
        msg = self._user_message(
            chat_id, user_id, chat_type, first_name, username, language_code, None, extra
        )
        n = next(self._ids)
        file_id = file_id or f"PHOTO{n}"
        if content is not None:
            self.add_file(file_id, content, f"photos/file_{n}.jpg")
        msg["photo"] = [
            {
                "file_id": f"{file_id}_small",
                "file_unique_id": f"uph{n}s",
                "width": 90,
                "height": 90,
                "file_size": 1000,
            },
            {
                "file_id": file_id,
                "file_unique_id": f"uph{n}",
                "width": 800,
                "height": 800,
                "file_size": len(content) if content is not None else 50000,
            },
        ]
        if caption is not None:
            msg["caption"] = caption
        return self.push_update({"message": msg})

    def push_document(
        self,
        file_name: str,
        file_id: str | None = None,
        mime_type: str = "application/octet-stream",
        chat_id: int | None = None,
        user_id: int = 1001,
        chat_type: str = "private",
        first_name: str = "Erika",
        *,
        content: bytes | None = None,
        caption: str | None = None,
        username: str | None = "erika_test",
        language_code: str | None = "de",
        **extra: Any,
    ) -> JSONDict:
        """Push a document message. With ``content`` the file is also downloadable."""
        msg = self._user_message(
            chat_id, user_id, chat_type, first_name, username, language_code, None, extra
        )
        n = next(self._ids)
        file_id = file_id or f"DOC{n}"
        doc: JSONDict = {
            "file_id": file_id,
            "file_unique_id": f"udoc{n}",
            "file_name": file_name,
            "mime_type": mime_type,
        }
        if content is not None:
            self.add_file(file_id, content, f"documents/file_{n}_{file_name}")
            doc["file_size"] = len(content)
        elif file_id in self._files:
            doc["file_size"] = self._files[file_id]["file_size"]
        msg["document"] = doc
        if caption is not None:
            msg["caption"] = caption
        return self.push_update({"message": msg})

    def push_callback(
        self,
        data: str,
        message: JSONDict,
        user_id: int | None = None,
        *,
        first_name: str = "Erika",
        username: str | None = "erika_test",
        language_code: str | None = "de",
    ) -> JSONDict:
        """Push a button press on ``message`` (a message the bot sent, as dict)."""
        chat_id = message["chat"]["id"]
        current = self._messages.get(chat_id, {}).get(message["message_id"], message)
        if user_id is None:
            user_id = chat_id if chat_id > 0 else 1001
        cq_id = str(next(self._ids) + 4000000000000000000)
        return self.push_update(
            {
                "callback_query": {
                    "id": cq_id,
                    "from": self._user(user_id, first_name, username, language_code),
                    "message": current,
                    "chat_instance": str(abs(chat_id) * 7 + 13),
                    "data": data,
                }
            }
        )

    def push_inline_query(
        self,
        query: str,
        user_id: int = 1001,
        *,
        offset: str = "",
        chat_type: str | None = "sender",
        first_name: str = "Erika",
        username: str | None = "erika_test",
        language_code: str | None = "de",
    ) -> JSONDict:
        iq: JSONDict = {
            "id": str(next(self._ids) + 5000000000000000000),
            "from": self._user(user_id, first_name, username, language_code),
            "query": query,
            "offset": offset,
        }
        if chat_type:
            iq["chat_type"] = chat_type
        return self.push_update({"inline_query": iq})

    def add_file(self, file_id: str, content: bytes, file_path: str | None = None) -> JSONDict:
        """Register a downloadable file (for getFile + /file/bot<token>/<file_path>)."""
        n = next(self._ids)
        file_path = file_path or f"documents/file_{n}"
        info = {
            "file_id": file_id,
            "file_unique_id": f"uf{n}",
            "file_size": len(content),
            "file_path": file_path,
        }
        self._files[file_id] = info
        self._file_contents[file_path] = content
        return info

    @property
    def pending_updates(self) -> list[JSONDict]:
        return list(self._updates)

    def bot_messages(self, chat_id: int | None = None) -> list[JSONDict]:
        """Current state (after edits) of messages the bot sent."""
        return [self._messages[c][m] for c, m in self._bot_sent if chat_id is None or c == chat_id]

    def get_message(self, chat_id: int, message_id: int) -> JSONDict | None:
        return self._messages.get(chat_id, {}).get(message_id)

    async def post_update_to_webhook(
        self,
        url: str,
        update: JSONDict,
        secret_token: str | None = None,
        timeout: float = 10.0,
    ) -> int:
        """POST ``update`` to ``url`` like Telegram does; returns the HTTP status.

        ``update`` without ``update_id`` gets one assigned.
        """
        import httpx

        if "update_id" not in update:
            update = {"update_id": next(self._next_update_id), **update}
        headers = {"Content-Type": "application/json"}
        if secret_token is None:
            secret_token = self.webhook.get("secret_token")
        if secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret_token
        async with httpx.AsyncClient(timeout=timeout, trust_env=False) as client:
            response = await client.post(url, content=json.dumps(update), headers=headers)
        return response.status_code

    # ------------------------------------------------------------------ text helpers

    def _parse_text(
        self, params: JSONDict, key: str, limit: int, required: bool
    ) -> tuple[str | None, list[JSONDict] | None]:
        text = params.get(key)
        if text is None or text == "":
            if required:
                raise _bad("message text is empty")
            return None, None
        if not isinstance(text, str):
            text = str(text)
        parse_mode = params.get("parse_mode")
        entities = params.get("entities" if key == "text" else "caption_entities")
        if parse_mode:
            mode = str(parse_mode).lower()
            if mode == "html":
                try:
                    text, entities = parse_html(text, self.strict_html)
                except HTMLParseError as exc:
                    raise _bad(f"can't parse entities: {exc}") from None
            elif mode not in ("markdown", "markdownv2"):
                raise _bad("unsupported parse_mode")
        if required and not text.strip():
            raise _bad("message text is empty")
        if len(text) > limit:
            raise _bad("message is too long" if key == "text" else "message caption is too long")
        return text, entities or None

    def _require_chat_id(self, params: JSONDict) -> Any:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise _bad("chat_id is empty")
        if isinstance(chat_id, str) and not chat_id.startswith("@"):
            raise _bad("chat not found")
        return chat_id

    def _new_bot_message(self, params: JSONDict, chat_id: Any) -> JSONDict:
        chat = self._chat_for(chat_id)
        cid = chat["id"]
        msg: JSONDict = {
            "message_id": self._new_message_id(cid),
            "from": self.bot_user,
            "chat": chat,
            "date": int(time.time()),
        }
        rp = params.get("reply_parameters")
        reply_id = (
            rp.get("message_id") if isinstance(rp, dict) else params.get("reply_to_message_id")
        )
        if reply_id:
            replied = self._messages.get(cid, {}).get(reply_id)
            if replied is not None:
                msg["reply_to_message"] = {
                    k: v for k, v in replied.items() if k != "reply_to_message"
                }
            elif not (isinstance(rp, dict) and rp.get("allow_sending_without_reply")):
                raise _bad("message to be replied not found")
        return msg

    # ------------------------------------------------------------------ Bot API methods

    def _m_getMe(self, params: JSONDict) -> JSONDict:
        return self.bot_user

    async def _m_getUpdates(self, params: JSONDict) -> list[JSONDict]:
        if self.webhook.get("url"):
            raise TelegramAPIError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = params.get("offset", 0) or 0
        limit = params.get("limit", 100) or 100
        timeout = params.get("timeout", 0) or 0
        if not isinstance(offset, int) or not isinstance(limit, int):
            raise _bad("wrong parameter type")
        limit = max(1, min(limit, 100))
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]
        if not self._updates and timeout and not self._stopping:
            wait = min(float(timeout), self.max_long_poll)
            event = self._update_event
            event.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), wait)
        return self._updates[:limit]

    def _m_sendMessage(self, params: JSONDict) -> JSONDict:
        chat_id = self._require_chat_id(params)
        text, entities = self._parse_text(params, "text", 4096, required=True)
        markup = _validate_reply_markup(params.get("reply_markup"))
        msg = self._new_bot_message(params, chat_id)
        msg["text"] = text
        if entities:
            msg["entities"] = entities
        if markup and "inline_keyboard" in markup:
            msg["reply_markup"] = markup
        self._store(msg)
        self._bot_sent.add((msg["chat"]["id"], msg["message_id"]))
        return msg

    def _find_editable(self, params: JSONDict) -> tuple[JSONDict, bool]:
        inline_id = params.get("inline_message_id")
        if inline_id:
            msg = self._inline_messages.setdefault(str(inline_id), {})
            return msg, True
        chat_id = params.get("chat_id")
        message_id = params.get("message_id")
        if chat_id is None or chat_id == "":
            raise _bad("chat_id is empty")
        if not message_id:
            raise _bad("message identifier is not specified")
        found = self._messages.get(chat_id, {}).get(message_id)
        if found is None:
            raise _bad("message to edit not found")
        if (chat_id, message_id) not in self._bot_sent:
            raise _bad("message can't be edited")
        return found, False

    def _m_editMessageText(self, params: JSONDict) -> JSONDict | bool:
        msg, inline = self._find_editable(params)
        text, entities = self._parse_text(params, "text", 4096, required=True)
        markup = _validate_reply_markup(params.get("reply_markup"))
        if markup is not None and "inline_keyboard" not in markup:
            raise _bad("inline keyboard expected")
        if (
            msg.get("text") == text
            and msg.get("entities") == entities
            and msg.get("reply_markup") == markup
        ):
            raise _bad(
                "message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup "
                "of the message"
            )
        if "text" not in msg and not inline:
            raise _bad("there is no text in the message to edit")
        msg["text"] = text
        for key, value in (("entities", entities), ("reply_markup", markup)):
            if value:
                msg[key] = value
            else:
                msg.pop(key, None)
        if not inline:
            msg["edit_date"] = int(time.time())
        return True if inline else msg

    def _m_editMessageReplyMarkup(self, params: JSONDict) -> JSONDict | bool:
        msg, inline = self._find_editable(params)
        markup = _validate_reply_markup(params.get("reply_markup"))
        if markup is not None and "inline_keyboard" not in markup:
            raise _bad("inline keyboard expected")
        if msg.get("reply_markup") == markup:
            raise _bad(
                "message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup "
                "of the message"
            )
        if markup:
            msg["reply_markup"] = markup
        else:
            msg.pop("reply_markup", None)
        if not inline:
            msg["edit_date"] = int(time.time())
        return True if inline else msg

    def _m_deleteMessage(self, params: JSONDict) -> bool:
        chat_id = self._require_chat_id(params)
        message_id = params.get("message_id")
        if not message_id:
            raise _bad("message identifier is not specified")
        if self._messages.get(chat_id, {}).pop(message_id, None) is None:
            raise _bad("message to delete not found")
        self._bot_sent.discard((chat_id, message_id))
        return True

    def _m_answerCallbackQuery(self, params: JSONDict) -> bool:
        qid = params.get("callback_query_id")
        if not qid:
            raise _bad("QUERY_ID_INVALID")
        if str(qid) not in self._callback_ids:
            raise _bad("query is too old and response timeout expired or query ID is invalid")
        text = params.get("text")
        if text is not None and len(str(text)) > 200:
            raise _bad("MESSAGE_TOO_LONG")
        return True

    def _m_answerInlineQuery(self, params: JSONDict) -> bool:
        qid = params.get("inline_query_id")
        if not qid:
            raise _bad("QUERY_ID_INVALID")
        if str(qid) not in self._inline_ids:
            raise _bad("query is too old and response timeout expired or query ID is invalid")
        results = params.get("results")
        if not isinstance(results, list):
            raise _bad("can't parse inline query results JSON object")
        if len(results) > 50:
            raise _bad("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for r in results:
            if not isinstance(r, dict) or "type" not in r:
                raise _bad("can't parse InlineQueryResult JSON object")
            rid = r.get("id")
            if not isinstance(rid, str) or not 1 <= len(rid.encode("utf-8")) <= 64:
                raise _bad("RESULT_ID_INVALID")
            if rid in seen:
                raise _bad("RESULT_ID_DUPLICATE")
            seen.add(rid)
            if "reply_markup" in r:
                _validate_reply_markup(r["reply_markup"])
            content = r.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                probe = {"text": content["message_text"], "parse_mode": content.get("parse_mode")}
                self._parse_text(probe, "text", 4096, required=True)
        return True

    @staticmethod
    def _scope_key(params: JSONDict) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    def _m_setMyCommands(self, params: JSONDict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad("can't parse commands JSON object")
        if len(commands) > 100:
            raise _bad("too many commands")
        for c in commands:
            if not isinstance(c, dict) or not _COMMAND_RE.match(str(c.get("command", ""))):
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(c.get("description", ""))) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._scope_key(params)] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    def _m_setChatMenuButton(self, params: JSONDict) -> bool:
        button = params.get("menu_button") or {"type": "default"}
        if not isinstance(button, dict) or button.get("type") not in (
            "commands",
            "web_app",
            "default",
        ):
            raise _bad("can't parse menu button")
        self.menu_buttons[str(params.get("chat_id") or "")] = button
        return True

    def _m_getChatMenuButton(self, params: JSONDict) -> JSONDict:
        return self.menu_buttons.get(str(params.get("chat_id") or ""), {"type": "default"})

    def getMyCommands_for(self, scope: JSONDict | None = None) -> list[str]:
        """The command names published for a scope (default scope if None)."""
        key = self._scope_key({"scope": scope} if scope else {})
        return [c["command"] for c in self.commands.get(key, [])]

    def _m_getMyCommands(self, params: JSONDict) -> list[JSONDict]:
        return self.commands.get(self._scope_key(params), [])

    def _m_deleteMyCommands(self, params: JSONDict) -> bool:
        self.commands.pop(self._scope_key(params), None)
        return True

    def _m_setWebhook(self, params: JSONDict) -> bool:
        url = params.get("url")
        if url is None:
            raise _bad("url is empty")
        if url == "":
            self.webhook = {}
            return True
        if not re.match(r"https?://[^\s/]+", str(url)):
            raise _bad("bad webhook: Failed to resolve host: Name or service not known")
        secret = params.get("secret_token")
        if secret is not None and not _SECRET_RE.match(str(secret)):
            raise _bad("secret token contains unallowed characters")
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self.webhook = {
            "url": url,
            "secret_token": secret,
            "allowed_updates": params.get("allowed_updates"),
            "max_connections": params.get("max_connections", 40),
            "ip_address": params.get("ip_address"),
            "certificate": params.get("certificate"),
        }
        return True

    def _m_deleteWebhook(self, params: JSONDict) -> bool:
        self.webhook = {}
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _m_getWebhookInfo(self, params: JSONDict) -> JSONDict:
        info: JSONDict = {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": bool(self.webhook.get("certificate")),
            "pending_update_count": len(self._updates),
        }
        if self.webhook.get("url"):
            info["max_connections"] = self.webhook.get("max_connections") or 40
            if self.webhook.get("ip_address"):
                info["ip_address"] = self.webhook["ip_address"]
            if self.webhook.get("allowed_updates"):
                info["allowed_updates"] = self.webhook["allowed_updates"]
        return info

    def _m_sendDocument(self, params: JSONDict) -> JSONDict:
        chat_id = self._require_chat_id(params)
        document = params.get("document")
        caption, cap_entities = self._parse_text(params, "caption", 1024, required=False)
        markup = _validate_reply_markup(params.get("reply_markup"))
        n = next(self._ids)
        if isinstance(document, UploadedFile):
            if not document.content:
                raise _bad("file must be non-empty")
            self.uploaded_files.append(document)
            file_id = f"BQACAgIAAx_DOC_{n}"
            info = self.add_file(
                file_id, document.content, f"documents/file_{n}_{document.file_name}"
            )
            doc = {
                "file_id": file_id,
                "file_unique_id": info["file_unique_id"],
                "file_name": document.file_name,
                "mime_type": document.mime_type,
                "file_size": len(document.content),
            }
        elif isinstance(document, str) and document:
            if document.startswith("attach://"):
                raise _bad("wrong remote file identifier specified: can't find attached file")
            if document in self._files:
                doc = {
                    "file_id": document,
                    "file_unique_id": self._files[document]["file_unique_id"],
                    "file_size": self._files[document]["file_size"],
                }
            elif re.match(r"https?://", document):
                doc = {
                    "file_id": f"BQACAgIAAx_URL_{n}",
                    "file_unique_id": f"uurl{n}",
                    "file_name": document.rsplit("/", 1)[-1],
                }
            else:
                raise _bad("wrong file identifier/HTTP URL specified")
        else:
            raise _bad("there is no document in the request")
        msg = self._new_bot_message(params, chat_id)
        msg["document"] = doc
        if caption:
            msg["caption"] = caption
            if cap_entities:
                msg["caption_entities"] = cap_entities
        if markup and "inline_keyboard" in markup:
            msg["reply_markup"] = markup
        self._store(msg)
        self._bot_sent.add((msg["chat"]["id"], msg["message_id"]))
        return msg

    def _m_getFile(self, params: JSONDict) -> JSONDict:
        file_id = params.get("file_id")
        if not file_id:
            raise _bad("invalid file_id")
        info = self._files.get(str(file_id))
        if info is None:
            raise _bad("invalid file_id")
        return dict(info)

    def _m_sendChatAction(self, params: JSONDict) -> bool:
        self._require_chat_id(params)
        if params.get("action") not in _CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        return True

    def _m_close(self, params: JSONDict) -> bool:
        return True

    def _m_logOut(self, params: JSONDict) -> bool:
        return True
