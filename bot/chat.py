"""The conversation in a terminal: same core and texts as Telegram, buttons as numbers."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.content_store import Snapshot
from bot.render import Reply, render_callback, render_result, render_topics, to_plain

QUIT_WORDS = frozenset({"ende", "exit", "quit", "tschüss", "tschuess"})
TOPIC_WORDS = frozenset({"themen", "/themen"})


def format_reply(snapshot: Snapshot, reply: Reply) -> str:
    """A reply as terminal text, buttons listed as numbered choices."""
    lines = [to_plain(reply.text).strip()]
    buttons = [button for row in reply.buttons for button in row]
    if buttons:
        lines.append("")
        lines.append(snapshot.content.text("chat_choices"))
        lines.extend(f"  [{n}] {button.label}" for n, button in enumerate(buttons, 1))
    return "\n".join(lines)


def respond(snapshot: Snapshot, text: str, last: Reply | None) -> Reply:
    """The reply to one line typed in the terminal."""
    stripped = text.strip()
    content = snapshot.content
    if stripped.casefold() in TOPIC_WORDS:
        return render_topics(content)
    if stripped.isdigit() and last is not None:
        buttons = [button for row in last.buttons for button in row]
        number = int(stripped)
        if 1 <= number <= len(buttons):
            reply = render_callback(content, buttons[number - 1].data)
            return reply or Reply(content.text("stale_button"))
    return render_result(content, snapshot.matcher.search(stripped))


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
        if line.strip().casefold() in QUIT_WORDS:
            break
        if line.strip():
            last = respond(snapshot, line, last)
            write("\n" + format_reply(snapshot, last) + "\n")
        prompt()
    write(content.text("chat_bye"))
