"""Commands per scope: users the user commands, each admin also the admin ones, groups a few."""

from __future__ import annotations

from bot.serve import BotApp
from bot.testing.fake_telegram import FakeTelegramServer
from bot.ui import Scope, commands_for, group_commands
from tests.conftest import ADMIN_ID

USERS = [c.name for c in commands_for(Scope.USER)]
ADMINS = [c.name for c in commands_for(Scope.ADMIN)]


async def test_admin_commands_are_registered_for_admin_scopes_only(
    running_bot: BotApp, fake_telegram: FakeTelegramServer
) -> None:
    await fake_telegram.wait_for("setChatMenuButton")
    assert fake_telegram.getMyCommands_for() == USERS
    assert fake_telegram.getMyCommands_for({"type": "all_private_chats"}) == USERS
    groups = fake_telegram.getMyCommands_for({"type": "all_group_chats"})
    assert groups == [c.name for c in group_commands()] and "kontakt" in groups
    admin = fake_telegram.getMyCommands_for({"type": "chat", "chat_id": ADMIN_ID})
    assert admin == USERS + ADMINS
    published = [call.params.get("scope") for call in fake_telegram.calls_of("setMyCommands")]
    for scope in published:
        commands = fake_telegram.getMyCommands_for(scope)
        if scope != {"type": "chat", "chat_id": ADMIN_ID}:
            assert not set(commands) & set(ADMINS), scope
    assert fake_telegram.menu_buttons[""] == {"type": "commands"}
