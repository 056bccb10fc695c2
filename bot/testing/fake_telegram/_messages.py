"""Bot API methods that send, edit and delete messages, answer buttons and serve files."""

from __future__ import annotations

import re
import time
from typing import Any

from bot.content import HTMLParseError, parse_html
from bot.testing.fake_telegram._protocol import (
    _CHAT_ACTIONS,
    JSONDict,
    UploadedFile,
    _bad,
    _validate_reply_markup,
)
from bot.testing.fake_telegram._state import ServerState


class MessageMethods(ServerState):
    """sendMessage, edits, deleteMessage, callback and inline answers, documents, files."""

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

    def _m_sendMessage(self, params: JSONDict) -> JSONDict:
        chat_id = self._require_chat_id(params)
        text, entities = self._parse_text(params, "text", 4096, required=True)
        markup = _validate_reply_markup(params.get("reply_markup"))
        msg = self._new_bot_message(params, chat_id)
        msg["text"] = text
        if entities:
            msg["entities"] = entities
        return self._sent(msg, markup)

    def _sent(self, msg: JSONDict, markup: JSONDict | None) -> JSONDict:
        """Record a message the bot sent, with its inline keyboard; return it."""
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

    def _m_sendDocument(self, params: JSONDict) -> JSONDict:
        chat_id = self._require_chat_id(params)
        caption, cap_entities = self._parse_text(params, "caption", 1024, required=False)
        markup = _validate_reply_markup(params.get("reply_markup"))
        doc = self._sent_document(params.get("document"), next(self._ids))
        msg = self._new_bot_message(params, chat_id)
        msg["document"] = doc
        if caption:
            msg["caption"] = caption
            if cap_entities:
                msg["caption_entities"] = cap_entities
        return self._sent(msg, markup)

    def _sent_document(self, document: Any, n: int) -> JSONDict:
        """The Document object of a sent file: uploaded, a known file_id or a URL."""
        if isinstance(document, UploadedFile):
            if not document.content:
                raise _bad("file must be non-empty")
            self.uploaded_files.append(document)
            file_id = f"BQACAgIAAx_DOC_{n}"
            info = self.add_file(
                file_id, document.content, f"documents/file_{n}_{document.file_name}"
            )
            return {
                "file_id": file_id,
                "file_unique_id": info["file_unique_id"],
                "file_name": document.file_name,
                "mime_type": document.mime_type,
                "file_size": len(document.content),
            }
        if not isinstance(document, str) or not document:
            raise _bad("there is no document in the request")
        if document.startswith("attach://"):
            raise _bad("wrong remote file identifier specified: can't find attached file")
        if document in self._files:
            return {
                "file_id": document,
                "file_unique_id": self._files[document]["file_unique_id"],
                "file_size": self._files[document]["file_size"],
            }
        if re.match(r"https?://", document):
            return {
                "file_id": f"BQACAgIAAx_URL_{n}",
                "file_unique_id": f"uurl{n}",
                "file_name": document.rsplit("/", 1)[-1],
            }
        raise _bad("wrong file identifier/HTTP URL specified")

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
