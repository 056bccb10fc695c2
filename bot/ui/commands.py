"""The one command registry: name, aliases, scope, description key, terminal-chat support.

/start and /hilfe list the user commands, /admin the admin commands, the terminal chat the
commands it understands, and `set_my_commands` publishes the user commands as the menu;
handlers register under `command(name).names`. A test checks that registry and handlers agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from bot.content import Content
from bot.ui.render import esc


class Scope(Enum):
    """Who sees a command: everyone in the menu and /hilfe, or admins in /admin."""

    USER = "user"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Command:
    """One bot command; its description is the messages.yaml text under `help_key`."""

    name: str
    help_key: str
    scope: Scope = Scope.USER
    aliases: tuple[str, ...] = ()
    in_chat: bool = False  # the terminal chat understands it too
    english: str = ""  # the name English speakers see (menu, /help); also registered
    in_groups: bool = False  # offered in the menu of group chats

    @property
    def names(self) -> tuple[str, ...]:
        """The name and its aliases, as registered with the CommandHandler."""
        english = (self.english,) if self.english and self.english not in self.aliases else ()
        return (self.name, *self.aliases, *english)

    def name_in(self, lang: str) -> str:
        """The command name shown to readers of `lang`."""
        return self.english if lang == "en" and self.english else self.name


# In the order users see them.
COMMANDS: tuple[Command, ...] = (
    Command("start", "command_start", in_chat=True),
    Command(
        "hilfe", "command_help", aliases=("help",), in_chat=True, english="help", in_groups=True
    ),
    Command("themen", "command_themen", in_chat=True, english="topics", in_groups=True),
    Command("lesetipps", "command_lesetipps", in_chat=True, english="reading", in_groups=True),
    Command("glossar", "command_glossar", in_chat=True, english="glossary", in_groups=True),
    Command("rolle", "command_rolle", in_chat=True, english="role"),
    Command("tipp", "command_tipp", english="tip", in_groups=True),
    Command("abo", "command_abo", english="subscribe", in_groups=True),
    Command("stopp", "command_stopp", english="stop", in_groups=True),
    Command("sprache", "command_sprache", english="language"),
    Command("datenschutz", "command_datenschutz", english="privacy"),
    Command("vergessen", "command_vergessen", english="forget"),
    Command("kontakt", "command_kontakt", english="contact", in_groups=True),
    Command("admin", "command_admin", Scope.ADMIN),
    Command("reload", "command_reload", Scope.ADMIN),
    Command("rollback", "command_rollback", Scope.ADMIN),
    Command("export", "command_export", Scope.ADMIN),
    Command("stats", "command_stats", Scope.ADMIN),
    Command("ankuendigung", "command_ankuendigung", Scope.ADMIN, english="announce"),
)


def command(name: str) -> Command:
    """The registered command called `name`; KeyError for an unknown name."""
    for known in COMMANDS:
        if known.name == name:
            return known
    raise KeyError(name)


def commands_for(scope: Scope) -> tuple[Command, ...]:
    """The commands of one scope, in registry order."""
    return tuple(c for c in COMMANDS if c.scope is scope)


def group_commands() -> tuple[Command, ...]:
    """The commands offered in group chats."""
    return tuple(c for c in COMMANDS if c.in_groups and c.scope is Scope.USER)


def chat_commands() -> tuple[Command, ...]:
    """The commands the terminal chat understands."""
    return tuple(c for c in COMMANDS if c.in_chat)


def command_lines(content: Content, commands: Iterable[Command]) -> str:
    """`/name – description`, one per line, HTML-escaped, for help texts."""
    return "\n".join(
        f"/{c.name_in(content.lang)} – {esc(content.text(c.help_key))}" for c in commands
    )
