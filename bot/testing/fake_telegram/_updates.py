"""The ``push_*`` helpers: updates a test queues for getUpdates or posts to a webhook."""

from __future__ import annotations

import json
import time
from typing import Any

from bot.content import u16len
from bot.testing.fake_telegram._protocol import JSONDict
from bot.testing.fake_telegram._sender import ERIKA, Sender
from bot.testing.fake_telegram._state import ServerState


class UpdatePushers(ServerState):
    """Queue messages, button presses, inline queries and files as Telegram would send them."""

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
        self, sender: Sender, reply_to_message: JSONDict | None, extra: JSONDict
    ) -> JSONDict:
        user = sender.user()
        chat_id = sender.effective_chat_id
        msg: JSONDict = {
            "message_id": self._new_message_id(chat_id),
            "from": user,
            "chat": self._chat(chat_id, sender.chat_type, user),
            "date": int(time.time()),
        }
        if reply_to_message is not None:
            msg["reply_to_message"] = reply_to_message
        msg.update(extra)
        return msg

    def push_message(
        self,
        text: str,
        *,
        sender: Sender = ERIKA,
        entities: list[JSONDict] | None = None,
        reply_to_message: JSONDict | None = None,
        **extra: Any,
    ) -> JSONDict:
        """Push a text message from a user. Commands get a bot_command entity."""
        msg = self._user_message(sender, reply_to_message, extra)
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
        *,
        sender: Sender = ERIKA,
        file_id: str | None = None,
        set_name: str | None = "TestStickers",
        **extra: Any,
    ) -> JSONDict:
        """Push a sticker message."""
        msg = self._user_message(sender, None, extra)
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
        *,
        sender: Sender = ERIKA,
        content: bytes | None = None,
        **extra: Any,
    ) -> JSONDict:
        """Push a photo message. With ``content`` the file is also downloadable."""
        msg = self._user_message(sender, None, extra)
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
        *,
        sender: Sender = ERIKA,
        content: bytes | None = None,
        caption: str | None = None,
        **extra: Any,
    ) -> JSONDict:
        """Push a document message. With ``content`` the file is also downloadable."""
        msg = self._user_message(sender, None, extra)
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

    def push_media(self, media: JSONDict, *, sender: Sender = ERIKA) -> JSONDict:
        """Push a message of a kind without a helper of its own: ``media`` holds its fields
        (``{"voice": {...}}``, ``{"location": {...}}``)."""
        return self.push_update({"message": self._user_message(sender, None, media)})

    def push_callback(
        self, data: str, message: JSONDict, *, sender: Sender | None = None
    ) -> JSONDict:
        """Push a button press on ``message`` (a message the bot sent, as dict).

        The chat is the message's; ``sender`` says who pressed (default: the private chat's
        user, or the default user in a group).
        """
        chat_id = message["chat"]["id"]
        current = self._messages.get(chat_id, {}).get(message["message_id"], message)
        if sender is None:
            sender = Sender(chat_id) if chat_id > 0 else ERIKA
        cq_id = str(next(self._ids) + 4000000000000000000)
        return self.push_update(
            {
                "callback_query": {
                    "id": cq_id,
                    "from": sender.user(),
                    "message": current,
                    "chat_instance": str(abs(chat_id) * 7 + 13),
                    "data": data,
                }
            }
        )

    def push_inline_query(
        self,
        query: str,
        *,
        sender: Sender = ERIKA,
        offset: str = "",
        chat_type: str | None = "sender",
    ) -> JSONDict:
        """Push an inline query by ``sender`` (``chat_type``: where it was typed)."""
        iq: JSONDict = {
            "id": str(next(self._ids) + 5000000000000000000),
            "from": sender.user(),
            "query": query,
            "offset": offset,
        }
        if chat_type:
            iq["chat_type"] = chat_type
        return self.push_update({"inline_query": iq})

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
