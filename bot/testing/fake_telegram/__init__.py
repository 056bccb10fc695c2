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

The package is cut by concern: `_protocol` (data types, how parameters are decoded and
checked), `_http` (the tornado glue), `_state` (what the server remembers and the recording
helpers tests wait on), `_sender` (``Sender``: who a pushed update comes from, with the test
user's defaults in one place), `_updates` (the ``push_*`` helpers), `_messages` and `_setup`
(the Bot API methods), `_server` (lifecycle, dispatch, fault injection).
"""

from bot.content import parse_html
from bot.testing.fake_telegram._protocol import (
    BOT_USERNAME,
    MAX_LONG_POLL,
    Call,
    TelegramAPIError,
    UploadedFile,
)
from bot.testing.fake_telegram._sender import ERIKA, Sender
from bot.testing.fake_telegram._server import FakeTelegramServer

__all__ = [
    "BOT_USERNAME",
    "ERIKA",
    "MAX_LONG_POLL",
    "Call",
    "FakeTelegramServer",
    "Sender",
    "TelegramAPIError",
    "UploadedFile",
    "parse_html",
]
