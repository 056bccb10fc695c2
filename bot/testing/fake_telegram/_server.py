"""The fake Bot API server: lifecycle, dispatch of a call to its method, fault injection."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from typing import Any

import tornado.httpserver
import tornado.httputil
import tornado.iostream
import tornado.netutil

from bot.testing.fake_telegram._http import _NOT_FOUND, _Delegate
from bot.testing.fake_telegram._messages import MessageMethods
from bot.testing.fake_telegram._protocol import (
    Call,
    JSONDict,
    TelegramAPIError,
    _parse_request,
)
from bot.testing.fake_telegram._setup import SetupMethods
from bot.testing.fake_telegram._updates import UpdatePushers


class FakeTelegramServer(UpdatePushers, MessageMethods, SetupMethods):
    """In-process fake Bot API server (see the package docstring)."""

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
