"""Turn answers into message text (Telegram HTML) and buttons. No I/O, no `telegram` import.

Handlers convert `Reply.buttons` into an inline keyboard; the terminal chat shows them as
numbered choices. Every piece of content or user text is escaped here.
"""

from __future__ import annotations

import html
import re

from bot.content import KIND_TENSION, Content, Entry
from bot.matching import REFUSE, SUGGEST, SearchResult, close_runner_ups
from bot.ui.callbacks import (
    BROWSE,
    FEEDBACK_DOWN,
    FEEDBACK_UP,
    Feedback,
    ListPointers,
    ListReading,
    ListTopics,
    OpenEntry,
    OpenPointer,
    OpenTopic,
    parse_any,
)
from bot.ui.reply import Button, Reply, entry_button, esc, label, topics_button
from bot.ui.wegweiser import practical_rows, render_pointer_by_id, render_pointer_list

MAX_MESSAGE_CHARS = 4096
MAX_RUNNER_UPS = 2
MAX_RELATED = 3
MAX_ENTITY_CHARS = 10  # the longest HTML entity, e.g. "&#1114111;"
_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>')


def render_entry(content: Content, entry: Entry, runner_ups: tuple[Entry, ...] = ()) -> Reply:
    """The full answer for one entry: title, guideline, steps, tensions, source, buttons."""
    topic = content.topic(entry.topic)
    kind = content.text(f"kind_{entry.kind}")
    parts = [
        f"<b>{esc(entry.title)}</b>\n<i>{esc(kind)} · {esc(topic.title if topic else '')}</i>",
        *workshop_quotes(content, entry),
        f"{content.text('editorial_header')}\n{esc(entry.summary)}",
    ]
    if entry.kind == KIND_TENSION and len(entry.poles) == 2:
        parts.append(
            f"<b>{esc(content.text('poles_header'))}</b>\n"
            f"{esc(entry.poles[0])}  ⟷  {esc(entry.poles[1])}"
        )
    if entry.steps:
        steps = "\n".join(f"{n}. {esc(step)}" for n, step in enumerate(entry.steps, 1))
        parts.append(f"<b>{esc(content.text('steps_header'))}</b>\n{steps}")
    tensions = [t for t in (content.entry(i) for i in entry.tensions) if t]
    if tensions:
        names = "\n".join(f"• {esc(t.title)}" for t in tensions)
        parts.append(f"<b>{esc(content.text('tensions_header'))}</b>\n{names}")
    parts.append(source_note(content, entry))

    rows: list[tuple[Button, ...]] = [
        (entry_button(content, t, "button_tension"),) for t in tensions
    ]
    shown = {entry.id, *entry.tensions}
    related = [r for r in (content.entry(i) for i in entry.related) if r and r.id not in shown][
        :MAX_RELATED
    ]
    shown.update(r.id for r in related)
    others = [r for r in runner_ups if r.id not in shown][:MAX_RUNNER_UPS]
    rows += [(entry_button(content, r, "button_related"),) for r in related]
    rows += [(entry_button(content, r, "did_you_mean"),) for r in others]
    rows.append((topics_button(content),))
    return Reply("\n\n".join(parts), tuple(rows))


def workshop_quotes(content: Content, entry: Entry) -> list[str]:
    """What the workshop actually noted: the cited statements verbatim, as a quote."""
    quotes = [s.text for s in (content.statements.get(i) for i in entry.sources) if s]
    if not quotes:
        return []
    if len(quotes) == 1:
        return [content.text("quote_single", quote=esc(quotes[0]))]
    items = "\n".join(content.text("quote_item", quote=esc(quote)) for quote in quotes)
    return [f"{content.text('quote_header')}\n{items}"]


def source_note(content: Content, entry: Entry) -> str:
    """The closing source line: which workshop, when, which sections; who wrote the rest."""
    return f"<i>{content.text('source_workshop', sections=esc(content.source_label(entry)))}</i>"


def render_result(content: Content, result: SearchResult) -> Reply:
    """The reply to a question: an answer, a "Meinten Sie …?" choice, or an honest refusal."""
    if result.decision == REFUSE or result.best is None:
        return render_refusal(content)
    if result.decision == SUGGEST:
        rows = tuple((entry_button(content, m.entry),) for m in result.matches)
        return Reply(esc(content.text("suggest_header")), (*rows, (topics_button(content),)))
    runner_ups = tuple(m.entry for m in close_runner_ups(result))
    entry = result.best.entry
    return with_feedback(content, render_entry(content, entry, runner_ups), entry.id)


def with_feedback(content: Content, reply: Reply, entry_id: str) -> Reply:
    """The reply with a 👍 / 👎 row above its last row (the topics), voting on this entry."""
    row = tuple(
        Button(
            content.text(key),
            Feedback(vote, entry_id).pack(),
        )
        for key, vote in (("button_helpful", FEEDBACK_UP), ("button_unhelpful", FEEDBACK_DOWN))
    )
    return Reply(reply.text, (*reply.buttons[:-1], row, *reply.buttons[-1:]))


def render_refusal(content: Content) -> Reply:
    """Nothing fits: say so and offer the topics."""
    return Reply(esc(content.text("refused")), topic_rows(content))


def topic_rows(content: Content) -> tuple[tuple[Button, ...], ...]:
    """One button per topic, then "Praktische Fragen" if there are Wegweiser pointers."""
    topics = tuple((Button(label(t.title), OpenTopic(t.id).pack()),) for t in content.topics)
    return topics + practical_rows(content)


def render_topics(content: Content) -> Reply:
    """The topic overview, with the reading list as a last button when there is one."""
    rows = topic_rows(content)
    if content.reading:
        rows = (*rows, (Button(content.text("button_reading"), ListReading().pack()),))
    return Reply(esc(content.text("topics_header")), rows)


def render_topic(content: Content, topic_id: str) -> Reply | None:
    """The entries of one topic, with a back button; None for an unknown topic."""
    topic = content.topic(topic_id)
    if topic is None:
        return None
    text = content.text("topic_header", title=esc(topic.title), description=esc(topic.description))
    reading = content.reading_for(topic_id)
    if reading:
        links = "\n".join(
            content.text("reading_link", title=esc(r.title), url=esc(r.url)) for r in reading
        )
        text += f"\n\n{content.text('reading_topic_header')}\n{links}"
    rows = tuple((entry_button(content, e),) for e in content.entries_in(topic_id))
    back = Button(content.text("button_back"), ListTopics().pack())
    return Reply(text, (*rows, (back,)))


def render_reading(content: Content) -> Reply:
    """The whole reading list: title, one sentence about it and the link, per resource."""
    if not content.reading:
        return Reply(esc(content.text("reading_none")), ((topics_button(content),),))
    items = "\n\n".join(
        content.text("reading_item", title=esc(r.title), about=esc(r.about), url=esc(r.url))
        for r in content.reading
    )
    return Reply(f"{content.text('reading_header')}\n\n{items}", ((topics_button(content),),))


def render_entry_by_id(content: Content, entry_id: str) -> Reply | None:
    """An entry opened from a button, with a way back to its topic."""
    entry = content.entry(entry_id)
    if entry is None:
        return None
    reply = render_entry(content, entry)
    back = Button(content.text("button_back"), OpenTopic(entry.topic).pack())
    return Reply(reply.text, (*reply.buttons[:-1], (back, topics_button(content))))


def split_message(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Split HTML text at paragraph, then line boundaries so each part fits one message.

    Rendering never opens a tag across a blank line or line break, so parts stay valid HTML.
    """
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for piece in _pieces(text, limit):
        joiner = "\n\n" if current else ""
        if len(current) + len(joiner) + len(piece) <= limit:
            current += joiner + piece
        else:
            parts.append(current)
            current = piece
    if current:
        parts.append(current)
    return parts


def _pieces(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    for paragraph in text.split("\n\n"):
        if len(paragraph) <= limit:
            pieces.append(paragraph)
            continue
        for line in paragraph.split("\n"):
            while len(line) > limit:
                cut = line.rfind(" ", 0, limit)
                cut = cut if cut > 0 else _safe_cut(line, limit)
                pieces.append(line[:cut])
                line = line[cut:].lstrip()
            pieces.append(line)
    return pieces


def _safe_cut(line: str, limit: int) -> int:
    """A hard cut position at or before limit that does not split an HTML entity (&amp;)."""
    amp = line.rfind("&", max(0, limit - MAX_ENTITY_CHARS), limit)
    if amp > 0 and ";" not in line[amp:limit]:
        return amp
    return limit


def to_plain(text: str) -> str:
    """HTML message text as plain terminal text; a link keeps its address: "Titel (url)"."""
    return html.unescape(_TAG.sub("", _LINK.sub(r"\2 (\1)", text)))


def render_callback(content: Content, data: str | None) -> Reply | None:
    """The reply a browse button leads to; None for stale or forged callback data."""
    callback = parse_any(data, *BROWSE)
    if isinstance(callback, ListTopics):
        return render_topics(content)
    if isinstance(callback, OpenTopic):
        return render_topic(content, callback.topic_id)
    if isinstance(callback, OpenEntry):
        return render_entry_by_id(content, callback.entry_id)
    if isinstance(callback, ListReading):
        return render_reading(content)
    if isinstance(callback, ListPointers):
        return render_pointer_list(content)
    if isinstance(callback, OpenPointer):
        return render_pointer_by_id(content, callback.pointer_id)
    return None
