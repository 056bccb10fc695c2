"""Bot API methods about the bot itself: getMe, getUpdates, commands, menu, webhook."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re

from bot.testing.fake_telegram._protocol import (
    _COMMAND_RE,
    _SECRET_RE,
    JSONDict,
    TelegramAPIError,
    _bad,
)
from bot.testing.fake_telegram._state import ServerState


class SetupMethods(ServerState):
    """getMe, getUpdates, command lists, menu button, webhook, close and logOut."""

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

    def _m_close(self, params: JSONDict) -> bool:
        return True

    def _m_logOut(self, params: JSONDict) -> bool:
        return True
