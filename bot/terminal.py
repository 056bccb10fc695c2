"""The conversation in a terminal: same core and texts as Telegram, buttons as numbers.

The chat keeps what a Telegram user's account would keep, for the session only: the role
chosen with /rolle and the reader's language (nothing is written to the database). Like the
Telegram path, a question clearly written in the other language is answered in that language
(`bot.language.reply_language`); commands and buttons follow the language of the last reply.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.content import Content
from bot.language import GERMAN, reply_language
from bot.matching import fold, glossary, intents
from bot.snapshot import Snapshot
from bot.ui import (
    Feedback,
    Reply,
    View,
    chat_commands,
    chosen_role,
    command_lines,
    render_callback,
    render_glossary,
    render_reading,
    render_result,
    render_role_prompt,
    render_role_saved,
    render_term,
    render_topics,
    switch_view,
    to_plain,
    topic_rows,
)

# Words typed in the terminal, compared folded (so "Tschüss" is "tschuess").
QUIT_WORDS = frozenset({"ende", "exit", "quit", "tschuess"})


@dataclass(slots=True)
class ChatState:
    """What the chat remembers during one session: role, reader's language, last reply's."""

    role: str = ""
    lang: str = GERMAN  # the reader's language (--lang)
    shown: str = ""  # the language of the last reply (its buttons are in it)


# Slash commands the chat answers beyond the command words of `bot.matching.intents`.
CHAT_COMMAND_REPLIES: dict[str, Callable[[Content, ChatState], Reply]] = {
    "lesetipps": lambda content, _: render_reading(content),
    "glossar": lambda content, _: render_glossary(content),
    "rolle": lambda content, state: render_role_prompt(content, state.role),
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


def choose(snapshot: Snapshot, number: int, last: Reply, state: ChatState) -> Reply:
    """The reply to pressing button `number` of the last reply; out of range: ask again."""
    content = snapshot.content
    buttons = [button for row in last.buttons for button in row]
    if not 1 <= number <= len(buttons):
        return Reply(content.text("chat_invalid_choice", count=len(buttons)), last.buttons)
    data = buttons[number - 1].data
    role = chosen_role(data)
    if role is not None:
        state.role = role
        return render_role_saved(content, role)
    reply = switch_view(content, data, last.buttons, state.role) or render_callback(
        content, data, View(role=state.role)
    )
    return reply or Reply(content.text("stale_button"))


def respond(
    snapshot: Snapshot, text: str, last: Reply | None, state: ChatState | None = None
) -> Reply:
    """The reply to one line typed in the terminal.

    `snapshot` is the served (German) one with its translations: a question is answered in
    its own language if that is clear, everything else in the reader's language."""
    state = state if state is not None else ChatState(lang=snapshot.lang)
    stripped = text.strip()
    if stripped.isdigit() and last is not None and last.buttons:
        shown = snapshot.localized(state.shown or state.lang)
        return choose(shown, int(stripped), last, state)
    lang = reply_language(stripped, state.lang)
    state.shown = lang
    snapshot = snapshot.localized(lang)
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
        return command_reply(content, state)
    term = glossary.lookup(content.glossary, stripped)
    if term is not None:
        return render_term(content, term)
    result = snapshot.matcher.search(stripped)
    return without_feedback(render_result(content, result, View(role=state.role)))


def without_feedback(reply: Reply) -> Reply:
    """Drop the 👍/👎 row: the terminal chat stores no feedback."""
    rows = tuple(row for row in reply.buttons if not any(Feedback.parse(b.data) for b in row))
    return Reply(reply.text, rows)


def run_chat(
    snapshot: Snapshot,
    lines: Iterable[str],
    write: Callable[[str], None],
    prompt: Callable[[], None] = lambda: None,
    lang: str | None = None,
) -> None:
    """Drive the conversation from input lines; stops at a quit word or end of input.

    `lang` is the reader's language (default: the snapshot's); `snapshot` should be the
    served one, so that a question in the other language can be answered in it."""
    state = ChatState(lang=lang or snapshot.lang)
    content = snapshot.localized(state.lang).content
    write(content.text("chat_intro"))
    last: Reply | None = None
    prompt()
    for line in lines:
        if fold(line.strip()) in QUIT_WORDS:
            break
        if line.strip():
            last = respond(snapshot, line, last, state)
            write("\n" + format_reply(snapshot.localized(state.shown), last) + "\n")
        prompt()
    write(content.text("chat_bye"))
