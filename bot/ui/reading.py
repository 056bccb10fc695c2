"""Further reading: the links under a topic and the whole list (/lesetipps)."""

from __future__ import annotations

from bot.content import Content
from bot.ui.reply import Reply, esc, topics_button


def reading_links(content: Content, topic_id: str) -> str:
    """The reading that fits a topic as a headed list of links; "" when none fits."""
    reading = content.reading_for(topic_id)
    if not reading:
        return ""
    links = "\n".join(
        content.text("reading_link", title=esc(r.title), url=esc(r.url)) for r in reading
    )
    return f"{content.text('reading_topic_header')}\n{links}"


def render_reading(content: Content) -> Reply:
    """The whole reading list: title, one sentence about it and the link, per resource."""
    if not content.reading:
        return Reply(esc(content.text("reading_none")), ((topics_button(content),),))
    items = "\n\n".join(
        content.text("reading_item", title=esc(r.title), about=esc(r.about), url=esc(r.url))
        for r in content.reading
    )
    return Reply(f"{content.text('reading_header')}\n\n{items}", ((topics_button(content),),))
