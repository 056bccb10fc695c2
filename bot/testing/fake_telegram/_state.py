"""What the fake server remembers (chats, messages, calls) and the helpers tests wait on."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import Callable
from typing import Any

import tornado.httpserver
import tornado.httputil
import tornado.iostream
import tornado.netutil

from bot.testing.fake_telegram._protocol import (
    BOT_USERNAME,
    MAX_LONG_POLL,
    Call,
    JSONDict,
    UploadedFile,
    _bad,
)


def _bot_user(bot_id: int, username: str, first_name: str) -> JSONDict:
    """The bot's User object, as getMe returns it."""
    return {
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


class ServerState:
    """The server's memory; the method and update mixins work on it."""

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
        self.bot_user = _bot_user(bot_id, username, first_name)
        self.port: int | None = None
        self.calls: list[Call] = []
        self.uploaded_files: list[UploadedFile] = []
        self.webhook: JSONDict = {}
        self.commands: dict[tuple[str, str], list[JSONDict]] = {}
        self.menu_buttons: dict[str, JSONDict] = {}  # chat id ('' = default) → menu button
        self._empty_memory()
        self._idle()
        self._index_methods()

    def _empty_memory(self) -> None:
        """Telegram's side, empty: updates, chats and their messages, files, ids."""
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

    def _idle(self) -> None:
        """The server's own running state, idle: planned faults, waiters, tasks, no HTTP server."""
        self._faults: list[list[Any]] = []  # [remaining, method|None, code, desc, params]
        self._waiters: list[asyncio.Future[None]] = []
        self._tasks: set[asyncio.Task[Any]] = set()
        self._stopping = False
        self._http: tornado.httpserver.HTTPServer | None = None

    def _index_methods(self) -> None:
        """The Bot API methods this server knows: every `_m_<name>` of the final class."""
        # Bot API method names as Telegram spells them, by their lower-case form.
        self._canonical = {
            name.lower(): name for name in (m[3:] for m in dir(self) if m.startswith("_m_"))
        }
        self._methods: dict[str, Callable[[JSONDict], Any]] = {
            key: getattr(self, "_m_" + name) for key, name in self._canonical.items()
        }

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

    # ------------------------------------------------------------------ update helpers

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
