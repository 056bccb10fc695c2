"""The fake Bot API's data types and how it reads requests: parameter decoding and checks."""

from __future__ import annotations

import json
import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

import tornado.httpserver
import tornado.httputil
import tornado.iostream
import tornado.netutil

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
    """The reply_markup as Telegram accepts it (None for none); raises what Telegram says."""
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
                _validate_inline_button(button)
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


def _validate_inline_button(button: Any) -> None:
    """An InlineKeyboardButton: a text and exactly one action, its data or URL valid."""
    if not isinstance(button, dict):
        raise _bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
    if not isinstance(button.get("text"), str):
        raise _bad('can\'t parse inline keyboard button: Field "text" must be of type String')
    actions = [a for a in _BUTTON_ACTIONS if a in button]
    if not actions:
        raise _bad(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
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
            raise _bad(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")
