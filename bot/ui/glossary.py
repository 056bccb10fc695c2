"""The glossary: a list of terms (/glossar) and one term's explanation with its entries."""

from __future__ import annotations

from bot.content import Content, GlossaryTerm
from bot.ui.callbacks import ListGlossary, OpenTerm
from bot.ui.reply import Button, Reply, entry_button, esc, label, topics_button

TERMS_PER_ROW = 2
MAX_TERM_ENTRIES = 3


def render_glossary(content: Content) -> Reply:
    """The glossary header and one button per term, two in a row."""
    if not content.glossary:
        return Reply(esc(content.text("glossary_none")), ((topics_button(content),),))
    buttons = [Button(label(t.term), OpenTerm(t.id).pack()) for t in content.glossary]
    rows = tuple(
        tuple(buttons[i : i + TERMS_PER_ROW]) for i in range(0, len(buttons), TERMS_PER_ROW)
    )
    return Reply(content.text("glossary_header"), (*rows, (topics_button(content),)))


def render_term(content: Content, term: GlossaryTerm) -> Reply:
    """A term's explanation, buttons to the entries where it matters, back to the glossary."""
    text = content.text("glossary_term", term=esc(term.term), explanation=esc(term.explanation))
    entries = [e for e in (content.entry(i) for i in term.entries) if e][:MAX_TERM_ENTRIES]
    rows: list[tuple[Button, ...]] = [
        (entry_button(content, e, "button_related"),) for e in entries
    ]
    back = Button(content.text("button_glossary"), ListGlossary().pack())
    rows.append((back, topics_button(content)))
    return Reply(text, tuple(rows))


def render_term_by_id(content: Content, term_id: str) -> Reply | None:
    """A term opened from a button; None for a term that no longer exists."""
    term = content.term(term_id)
    return render_term(content, term) if term else None
