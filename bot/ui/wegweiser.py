"""Wegweiser pointers on screen: the pointer answer and the "Praktische Fragen" list.

A pointer answer has its own layout, clearly apart from a workshop principle: title, the
line "Wegweiser · praktische Frage", the orientation, "Wer hilft", the links and the note
that this is orientation and not legal or tax advice. Its buttons open the related workshop
principles, the local contact (see `contact_rows`), the list of practical topics and all
topics.
"""

from __future__ import annotations

import html

from bot.content import Content, Pointer
from bot.ui.callbacks import ListPointers, ListTopics, OpenPointer
from bot.ui.humanloop import contacts_button
from bot.ui.reply import Button, Reply, entry_button, esc, label, topics_button


def _link(title: str, url: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}">{esc(title)}</a>'


def pointer_text(content: Content, pointer: Pointer) -> str:
    """The HTML text of a pointer answer."""
    helpers = "\n".join(f"• {esc(who)}" for who in pointer.who_helps)
    links = "\n".join(f"• {_link(link.title, link.url)}" for link in pointer.links)
    parts = [
        f"<b>{esc(pointer.title)}</b>\n<i>{esc(content.text('pointer_kind'))}</i>",
        esc(pointer.orientation),
        f"<b>{esc(content.text('pointer_who_helps'))}</b>\n{helpers}",
        f"<b>{esc(content.text('pointer_links'))}</b>\n{links}",
        f"<i>{esc(pointer.note)}</i>",
    ]
    return "\n\n".join(parts)


def contact_rows(content: Content) -> tuple[tuple[Button, ...], ...]:
    """The local contacts (content/contacts.yaml) under a pointer answer, when there are any:
    the installation's own Freiwilligenagentur or Ehrenamtsbüro is often who helps."""
    return ((contacts_button(content),),) if content.contacts else ()


def practical_button(content: Content) -> Button:
    """The button to the list of practical topics ("Praktische Fragen")."""
    return Button(content.text("button_practical"), ListPointers().pack())


def pointer_button(content: Content, pointer: Pointer) -> Button:
    """A button that opens a pointer."""
    text = content.text("button_pointer", title=pointer.title)
    return Button(label(text), OpenPointer(pointer.id).pack())


def practical_rows(content: Content) -> tuple[tuple[Button, ...], ...]:
    """The "Praktische Fragen" row for topic overviews; none without pointers."""
    return ((practical_button(content),),) if content.pointers else ()


def render_pointer(content: Content, pointer: Pointer) -> Reply:
    """A pointer answer: text, related principles, contact, then practical topics and topics.

    The last row is the way on (practical topics, all topics), as in every answer, so a
    feedback row can be put right above it.
    """
    related = (content.entry(entry_id) for entry_id in pointer.related)
    rows = tuple((entry_button(content, entry, "button_principle"),) for entry in related if entry)
    way_on = (practical_button(content), topics_button(content))
    return Reply(pointer_text(content, pointer), (*rows, *contact_rows(content), way_on))


def offer_pointer(content: Content, reply: Reply, pointer: Pointer | None) -> Reply:
    """A principle answer that also touches a practical topic: a labelled button to the
    pointer, just above the last row (the way on)."""
    if pointer is None:
        return reply
    text = content.text("button_pointer_also", title=pointer.title)
    row = (Button(label(text), OpenPointer(pointer.id).pack()),)
    return Reply(reply.text, (*reply.buttons[:-1], row, *reply.buttons[-1:]))


def render_pointer_by_id(content: Content, pointer_id: str) -> Reply | None:
    """A pointer opened from a button; None if it no longer exists."""
    pointer = content.pointer(pointer_id)
    return render_pointer(content, pointer) if pointer else None


def render_pointer_list(content: Content) -> Reply:
    """The practical topics: one button per pointer, and back to all topics."""
    rows = tuple((pointer_button(content, pointer),) for pointer in content.pointers)
    back = Button(content.text("button_back"), ListTopics().pack())
    return Reply(content.text("practical_header"), (*rows, (back,)))
