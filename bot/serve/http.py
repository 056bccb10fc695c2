"""The HTTP client the bot talks to the Bot API with: aiohttp behind PTB's `BaseRequest`.

python-telegram-bot ships an httpx client. Measured end to end (benchmarks/e2e.py), its
request path cost about a third of the bot's CPU per answered question: httpcore checks every
idle pooled connection on each request (a `getpeername` system call per connection through
anyio), and the pure-Python HTTP/1.1 parser reads each answer. aiohttp parses HTTP in C and
keeps its pool in a plain list; the same path costs a fraction of that, and the bot answers
more questions per second on the same CPU. Errors map to PTB's as in `HTTPXRequest`:
timeouts to `TimedOut`, everything else to `NetworkError`, with the aiohttp error as
`__cause__` (bot/serve/tip_sender.py reads it to tell "never sent" from "maybe sent").

Proxies come from the environment (HTTPS_PROXY, NO_PROXY, ... as httpx reads them), looked up
once per origin. aiohttp's own `trust_env` looks them up again on every request, in two
worker-thread round trips (the proxy and a .netrc login for the host); that was about a
tenth of the bot's CPU per answered question (py-spy on benchmarks/e2e.py).
"""

from __future__ import annotations

import asyncio
import json

import aiohttp
from aiohttp.helpers import get_env_proxy_for_url
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData
from yarl import URL

Headers = dict[str, str]
Proxy = tuple[URL | None, aiohttp.BasicAuth | None]
JSON: Headers = {"Content-Type": "application/json"}
# Failures after which the request cannot have reached Telegram.
NOT_SENT_ERRORS: tuple[type[BaseException], ...] = (
    aiohttp.ClientConnectorError,
    aiohttp.ConnectionTimeoutError,
)


class AiohttpRequest(BaseRequest):
    """PTB's request interface on one aiohttp session (made by the first request)."""

    __slots__ = ("_limit", "_media_write_timeout", "_open", "_proxies", "_session", "_timeouts")

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._limit = connection_pool_size
        self._timeouts = (read_timeout, write_timeout, connect_timeout, pool_timeout)
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[str, Proxy] = {}
        self._open = False

    @property
    def read_timeout(self) -> float | None:
        return self._timeouts[0]

    async def initialize(self) -> None:
        """Ready to send; the session itself is made by the first request."""
        self._open = True

    async def shutdown(self) -> None:
        """Close the session (also when the bot never finished initialising)."""
        self._open = False
        if self._session is not None:
            session, self._session = self._session, None
            await session.close()

    def _ready_session(self) -> aiohttp.ClientSession:
        if not self._open:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        if self._session is None:
            connector = aiohttp.TCPConnector(limit=self._limit, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(
                connector=connector,
                headers={"User-Agent": self.USER_AGENT},
            )
        return self._session

    async def _proxy(self, url: str) -> Proxy:
        """The proxy the environment names for the URL's origin (None: go direct)."""
        origin = url.split("/", 3)[:3]
        key = "/".join(origin)
        if key not in self._proxies:
            self._proxies[key] = await asyncio.to_thread(environment_proxy, URL(key))
        return self._proxies[key]

    def _timeout(
        self,
        read: ODVInput[float],
        write: ODVInput[float],
        connect: ODVInput[float],
        pool: ODVInput[float],
        files: bool,
    ) -> aiohttp.ClientTimeout:
        default_read, default_write, default_connect, default_pool = self._timeouts
        read = default_read if isinstance(read, DefaultValue) else read
        write = (
            (self._media_write_timeout if files else default_write)
            if isinstance(write, DefaultValue)
            else write
        )
        connect = default_connect if isinstance(connect, DefaultValue) else connect
        pool = default_pool if isinstance(pool, DefaultValue) else pool
        # aiohttp has no write timeout: an upload is bounded by the whole request's time.
        total = None if not files or write is None or read is None else write + read
        connect_total = None if connect is None else connect + (pool or 0.0)
        return aiohttp.ClientTimeout(
            total=total, connect=connect_total, sock_connect=connect, sock_read=read
        )

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """See `BaseRequest.do_request`."""
        session = self._ready_session()
        files = bool(request_data and request_data.contains_files)
        timeout = self._timeout(read_timeout, write_timeout, connect_timeout, pool_timeout, files)
        try:
            body, headers = _body(request_data)
            proxy, proxy_auth = await self._proxy(url)
            async with session.request(
                method,
                url,
                data=body,
                headers=headers,
                timeout=timeout,
                proxy=proxy,
                proxy_auth=proxy_auth,
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error


def environment_proxy(url: URL) -> Proxy:
    """Proxy and its login for `url` from the environment, as aiohttp's `trust_env` reads them."""
    try:
        return get_env_proxy_for_url(url)
    except LookupError:  # no proxy for this scheme, or NO_PROXY names the host
        return None, None


def _body(request_data: RequestData | None) -> tuple[aiohttp.FormData | bytes | None, Headers]:
    """A JSON body (the Bot API takes JSON), or multipart with the files.

    JSON rather than a url-encoded form: percent-encoding a long German HTML answer byte by
    byte was a measurable part of each reply's cost."""
    if request_data is None:
        return None, {}
    if not request_data.contains_files:
        return json.dumps(request_data.parameters).encode(), JSON
    fields = request_data.json_parameters
    form = aiohttp.FormData()
    for name, value in fields.items():
        form.add_field(name, value)
    for name, part in request_data.multipart_data.items():
        file_name, content, mime_type = _file_part(part)
        form.add_field(name, content, filename=file_name, content_type=mime_type)
    return form, {}


def _file_part(part: object) -> tuple[str | None, object, str | None]:
    """(file name, content, MIME type) of one of PTB's multipart parts."""
    if isinstance(part, tuple):
        if len(part) == 3:
            return part[0], part[1], part[2]
        if len(part) == 2:
            return part[0], part[1], None
    return None, part, None
