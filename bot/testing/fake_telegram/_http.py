"""Tornado glue: one HTTP message → the server's dispatch (API calls, file downloads)."""

from __future__ import annotations

import re
import urllib.parse
from typing import TYPE_CHECKING, Any

import tornado.httpserver
import tornado.httputil
import tornado.iostream
import tornado.netutil

if TYPE_CHECKING:
    from bot.testing.fake_telegram._server import FakeTelegramServer

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
