"""Turn answers into message text (Telegram HTML) and buttons. No I/O, no `telegram` import.

Handlers convert `Reply.buttons` into an inline keyboard; the terminal chat shows them as
numbered choices. Every piece of content or user text is escaped here.
"""

from __future__ import annotations

import html
import re

from bot.content import Content, Entry
from bot.matching import KIND_POINTER, REFUSE, SUGGEST, SearchResult, close_runner_ups
from bot.ui.answer import DEFAULT_VIEW, View, entry_body, source_note, view_button
from bot.ui.callbacks import (
    BROWSE,
    FEEDBACK_DOWN,
    FEEDBACK_UP,
    VIEW_PLAIN,
    Feedback,
    ListGlossary,
    ListPointers,
    ListReading,
    ListTopics,
    OpenEntry,
    OpenPointer,
    OpenTerm,
    OpenTopic,
    SwitchView,
    parse_any,
)
from bot.ui.glossary import render_glossary, render_term_by_id
from bot.ui.reading import reading_links, render_reading
from bot.ui.reply import Button, Reply, entry_button, esc, label, topics_button
from bot.ui.wegweiser import (
    offer_pointer,
    practical_rows,
    render_pointer,
    render_pointer_by_id,
    render_pointer_list,
)

MAX_MESSAGE_CHARS = 4096
MAX_RUNNER_UPS = 2
MAX_RELATED = 3
MAX_ENTITY_CHARS = 10  # the longest HTML entity, e.g. "&#1114111;"
# Rendered entries are kept per content object (the last few: German, translations, the one
# before a reload), at most ENTRY_CACHE_SIZE each; content is immutable, so they never go stale.
ENTRY_CACHE_CONTENTS = 8
ENTRY_CACHE_SIZE = 1024
_entry_caches: dict[int, tuple[Content, dict[object, Reply]]] = {}
_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>')


def render_entry(
    content: Content, entry: Entry, runner_ups: tuple[Entry, ...] = (), view: View = DEFAULT_VIEW
) -> Reply:
    """The full answer for one entry: title, quotes, suggestions, steps, source, buttons.

    The same entry, runner-ups and view give the same reply, so it is built once per content
    (entries not of this content, e.g. from another language's matcher, are never cached)."""
    if not all(content.entry(e.id) is e for e in (entry, *runner_ups)):
        return _render_entry(content, entry, runner_ups, view)
    cache = _entry_cache(content)
    key = (entry.id, tuple(r.id for r in runner_ups), view)
    reply = cache.get(key)
    if reply is None:
        if len(cache) >= ENTRY_CACHE_SIZE:
            cache.clear()
        reply = cache[key] = _render_entry(content, entry, runner_ups, view)
    return reply


def _entry_cache(content: Content) -> dict[object, Reply]:
    """The rendered entries of this content object (held, so its id cannot be reused)."""
    held = _entry_caches.get(id(content))
    if held is None or held[0] is not content:
        if len(_entry_caches) >= ENTRY_CACHE_CONTENTS:
            _entry_caches.clear()
        held = _entry_caches[id(content)] = (content, {})
    return held[1]


def _render_entry(
    content: Content, entry: Entry, runner_ups: tuple[Entry, ...], view: View
) -> Reply:
    topic = content.topic(entry.topic)
    kind = content.text(f"kind_{entry.kind}")
    parts = [
        f"<b>{esc(entry.title)}</b>\n<i>{esc(kind)} · {esc(topic.title if topic else '')}</i>",
        *entry_body(content, entry, view),
    ]
    tensions = [t for t in (content.entry(i) for i in entry.tensions) if t]
    if tensions:
        names = "\n".join(f"• {esc(t.title)}" for t in tensions)
        parts.append(f"<b>{esc(content.text('tensions_header'))}</b>\n{names}")
    parts.append(source_note(content, entry))
    toggle = view_button(content, entry, view.plain)
    rows: list[tuple[Button, ...]] = [(toggle,)] if toggle else []
    rows += [(entry_button(content, t, "button_tension"),) for t in tensions]
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


def switch_view(
    content: Content, data: str | None, buttons: tuple[tuple[Button, ...], ...], role: str = ""
) -> Reply | None:
    """The answer on a message in the other view, keeping its other buttons; None if stale."""
    switch = SwitchView.parse(data)
    entry = content.entry(switch.entry_id) if switch else None
    if switch is None or entry is None:
        return None
    view = View(plain=switch.mode == VIEW_PLAIN, role=role)
    reply = render_entry(content, entry, view=view)
    toggle = view_button(content, entry, view.plain)
    rows = tuple(
        tuple(toggle if toggle and SwitchView.parse(b.data) else b for b in row) for row in buttons
    )
    return Reply(reply.text, rows)


def render_result(content: Content, result: SearchResult, view: View = DEFAULT_VIEW) -> Reply:
    """The reply to a question: an answer, a "Meinten Sie …?" choice, or an honest refusal.

    Small talk, service requests and private matters get their own friendly text
    (`result.reply`, a messages.yaml key), with the topics to browse. A practical question
    gets its Wegweiser pointer; a principle that also touches a practical topic offers the
    pointer as a labelled button.
    """
    pointer = result.pointer.pointer if result.pointer else None
    if result.kind == KIND_POINTER and pointer:
        return with_feedback(content, render_pointer(content, pointer), pointer.id)
    if result.reply and result.decision == REFUSE:
        return render_social(content, result.reply)
    if result.decision == REFUSE or result.best is None:
        return render_refusal(content)
    if result.decision == SUGGEST:
        rows = tuple((entry_button(content, m.entry),) for m in result.matches)
        choice = Reply(esc(content.text("suggest_header")), (*rows, (topics_button(content),)))
        return offer_pointer(content, choice, pointer)
    runner_ups = tuple(m.entry for m in close_runner_ups(result))
    entry = result.best.entry
    answer = offer_pointer(content, render_entry(content, entry, runner_ups, view), pointer)
    return with_feedback(content, answer, entry.id)


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


def render_social(content: Content, key: str) -> Reply:
    """A small-talk, service or private-matter reply, with a button to the topics."""
    return Reply(esc(content.text(key)), ((topics_button(content),),))


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
    links = reading_links(content, topic_id)
    text += f"\n\n{links}" if links else ""
    rows = tuple((entry_button(content, e),) for e in content.entries_in(topic_id))
    back = Button(content.text("button_back"), ListTopics().pack())
    return Reply(text, (*rows, (back,)))


def render_entry_by_id(content: Content, entry_id: str, view: View = DEFAULT_VIEW) -> Reply | None:
    """An entry opened from a button, with a way back to its topic."""
    entry = content.entry(entry_id)
    if entry is None:
        return None
    reply = render_entry(content, entry, view=view)
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


def render_callback(content: Content, data: str | None, view: View = DEFAULT_VIEW) -> Reply | None:
    """The reply a browse button leads to; None for stale or forged callback data."""
    callback = parse_any(data, *BROWSE)
    if isinstance(callback, ListTopics):
        return render_topics(content)
    if isinstance(callback, OpenTopic):
        return render_topic(content, callback.topic_id)
    if isinstance(callback, OpenEntry):
        return render_entry_by_id(content, callback.entry_id, view)
    if isinstance(callback, ListReading):
        return render_reading(content)
    if isinstance(callback, ListGlossary):
        return render_glossary(content)
    if isinstance(callback, OpenTerm):
        return render_term_by_id(content, callback.term_id)
    if isinstance(callback, ListPointers):
        return render_pointer_list(content)
    if isinstance(callback, OpenPointer):
        return render_pointer_by_id(content, callback.pointer_id)
    return None
