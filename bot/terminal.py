"""The conversation in a terminal: same core and texts as Telegram, buttons as numbers."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.content import Content
from bot.matching import fold, intents
from bot.snapshot import Snapshot
from bot.ui import (
    Feedback,
    Reply,
    chat_commands,
    command_lines,
    render_callback,
    render_reading,
    render_result,
    render_topics,
    to_plain,
    topic_rows,
)

# Words typed in the terminal, compared folded (so "Tschüss" is "tschuess").
QUIT_WORDS = frozenset({"ende", "exit", "quit", "tschuess"})


# Commands the chat answers beyond the command words of `bot.matching.intents`.
CHAT_COMMAND_REPLIES: dict[str, Callable[[Content], Reply]] = {
    "lesetipps": render_reading,
}


def format_reply(snapshot: Snapshot, reply: Reply) -> str:
    """A reply as terminal text, buttons listed as numbered choices."""
    lines = [to_plain(reply.text).strip()]
    buttons = [button for row in reply.buttons for button in row]
    if buttons:
        lines.append("")
        lines.append(snapshot.content.text("chat_choices"))
        lines.extend(f"  [{n}] {button.label}" for n, button in enumerate(buttons, 1))
    return "\n".join(lines)


def help_reply(content: Content) -> Reply:
    """The help text, listing the commands the terminal chat understands."""
    return Reply(content.text("help", commands=command_lines(content, chat_commands())))


def choose(snapshot: Snapshot, number: int, last: Reply) -> Reply:
    """The reply to pressing button `number` of the last reply; out of range: ask again."""
    content = snapshot.content
    buttons = [button for row in last.buttons for button in row]
    if not 1 <= number <= len(buttons):
        return Reply(content.text("chat_invalid_choice", count=len(buttons)), last.buttons)
    reply = render_callback(content, buttons[number - 1].data)
    return reply or Reply(content.text("stale_button"))


def respond(snapshot: Snapshot, text: str, last: Reply | None) -> Reply:
    """The reply to one line typed in the terminal."""
    stripped = text.strip()
    content = snapshot.content
    intent = intents.command_word(stripped)
    if intent == intents.TOPICS:
        return render_topics(content)
    if intent == intents.HELP:
        return help_reply(content)
    if intent == intents.START:
        return Reply(content.text("greeting"), topic_rows(content))
    command_reply = CHAT_COMMAND_REPLIES.get(stripped.lower().removeprefix("/"))
    if stripped.startswith("/") and command_reply:
        return command_reply(content)
    if stripped.isdigit() and last is not None and last.buttons:
        return choose(snapshot, int(stripped), last)
    return without_feedback(render_result(content, snapshot.matcher.search(stripped)))


def without_feedback(reply: Reply) -> Reply:
    """Drop the 👍/👎 row: the terminal chat stores no feedback."""
    rows = tuple(row for row in reply.buttons if not any(Feedback.parse(b.data) for b in row))
    return Reply(reply.text, rows)


def run_chat(
    snapshot: Snapshot,
    lines: Iterable[str],
    write: Callable[[str], None],
    prompt: Callable[[], None] = lambda: None,
) -> None:
    """Drive the conversation from input lines; stops at a quit word or end of input."""
    content = snapshot.content
    write(content.text("chat_intro"))
    last: Reply | None = None
    prompt()
    for line in lines:
        if fold(line.strip()) in QUIT_WORDS:
            break
        if line.strip():
            last = respond(snapshot, line, last)
            write("\n" + format_reply(snapshot, last) + "\n")
        prompt()
    write(content.text("chat_bye"))
