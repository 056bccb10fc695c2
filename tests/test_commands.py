"""The command registry: unique names, scopes, the lines help texts are built from."""

from __future__ import annotations

import pytest

from bot.snapshot import Snapshot
from bot.ui.commands import COMMANDS, Scope, chat_commands, command, command_lines, commands_for


def test_names_and_aliases_are_unique_telegram_commands() -> None:
    names = [name for c in COMMANDS for name in c.names]
    assert len(names) == len(set(names))
    assert all(name.isascii() and name.islower() and len(name) <= 32 for name in names)


def test_scopes_split_the_registry_and_keep_its_order() -> None:
    users, admins = commands_for(Scope.USER), commands_for(Scope.ADMIN)
    assert [c.name for c in users][:3] == ["start", "hilfe", "themen"]
    assert {c.name for c in admins} == {
        "admin",
        "reload",
        "rollback",
        "export",
        "stats",
        "ankuendigung",
    }
    assert set(users) | set(admins) == set(COMMANDS)
    assert not set(chat_commands()) & set(admins)


def test_lookup_by_name_and_unknown_name() -> None:
    assert command("hilfe").names == ("hilfe", "help")
    with pytest.raises(KeyError):
        command("help")  # an alias is not a registered name


def test_command_lines_escape_and_list_each_command(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    lines = command_lines(content, commands_for(Scope.ADMIN)).splitlines()
    assert [line.split(" – ")[0] for line in lines] == [
        "/admin",
        "/reload",
        "/rollback",
        "/export",
        "/stats",
        "/ankuendigung",
    ]
    assert lines[0] == f"/admin – {content.text('command_admin')}"
