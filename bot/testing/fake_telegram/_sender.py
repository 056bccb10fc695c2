"""Who a pushed update comes from: one typed value with the test user's defaults."""

from __future__ import annotations

from dataclasses import dataclass

from bot.testing.fake_telegram._protocol import JSONDict

GROUP_BASE = -1001000000000  # a group chat of user n without chat_id is GROUP_BASE - n


@dataclass(frozen=True, slots=True)
class Sender:
    """A Telegram user and the chat they write in; ``Sender(42)`` is user 42 in private."""

    user_id: int = 1001
    chat_id: int | None = None
    chat_type: str = "private"
    first_name: str = "Erika"
    username: str | None = "erika_test"
    language_code: str | None = "de"

    @property
    def effective_chat_id(self) -> int:
        """The chat id: ``chat_id``, else the user's private chat or a group of theirs."""
        if self.chat_id is not None:
            return self.chat_id
        return self.user_id if self.chat_type == "private" else GROUP_BASE - self.user_id

    def user(self) -> JSONDict:
        """The ``from`` object as Telegram sends it."""
        user: JSONDict = {"id": self.user_id, "is_bot": False, "first_name": self.first_name}
        if self.username:
            user["username"] = self.username
        if self.language_code:
            user["language_code"] = self.language_code
        return user


ERIKA = Sender()
"""The default sender: user 1001, Erika, writing in her private chat, German client."""
