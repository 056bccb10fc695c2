"""The body of an answer: what the workshop noted, the editors' suggestions, steps by role.

An entry can be shown in full or in plain German (`View.plain`, the "Einfacher gesagt"
button), and with the steps of the reader's perspective first (`View.role`, from /rolle).
Whatever the view, the cited statements are quoted verbatim and the rest is labelled as
the editors' suggestions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.content import KIND_TENSION, ROLE_VERWALTUNG, ROLES, Content, Entry, Statement
from bot.ui.callbacks import VIEW_FULL, VIEW_PLAIN, SwitchView
from bot.ui.reply import Button, esc


@dataclass(frozen=True, slots=True)
class View:
    """How to show an entry: plain German or in full, and whose steps come first."""

    plain: bool = False
    role: str = ""  # a role id from ROLES; "" when the reader chose none


DEFAULT_VIEW = View()


def workshop_quotes(content: Content, entry: Entry) -> list[str]:
    """What the workshop actually noted: the cited statements verbatim, as a quote."""
    statements = [s for s in (content.statements.get(i) for i in entry.sources) if s]
    if not statements:
        return []
    if len(statements) == 1:
        only = statements[0]
        return [content.text("quote_single", quote=esc(only.text)) + _rendering(only)]
    items = "\n".join(
        content.text("quote_item", quote=esc(s.text)) + _rendering(s) for s in statements
    )
    return [f"{content.text('quote_header')}\n{items}"]


def _rendering(statement: Statement) -> str:
    """The reader's-language rendering of a German quote, on its own line ("" in German)."""
    return f"\n<i>{esc(statement.translation)}</i>" if statement.translation else ""


def source_note(content: Content, entry: Entry) -> str:
    """The closing source line: which workshop, when, which sections; who wrote the rest."""
    return f"<i>{content.text('source_workshop', sections=esc(content.source_label(entry)))}</i>"


def entry_body(content: Content, entry: Entry, view: View) -> list[str]:
    """The paragraphs between title and source: quotes, suggestions, steps, legal note."""
    plain = entry.plain if view.plain else None
    summary = plain.summary if plain else entry.summary
    parts = [
        *workshop_quotes(content, entry),
        f"{content.text('editorial_header')}\n{esc(summary)}",
    ]
    if entry.kind == KIND_TENSION and len(entry.poles) == 2:
        parts.append(
            f"<b>{esc(content.text('poles_header'))}</b>\n"
            f"{esc(entry.poles[0])}  ⟷  {esc(entry.poles[1])}"
        )
    if plain:
        parts += [steps for steps in (_steps(content, plain.steps),) if steps]
    else:
        parts += step_sections(content, entry, view.role)
    if entry.legal_note:
        parts.append(f"{content.text('legal_header')}\n{esc(entry.legal_note)}")
    return parts


def step_sections(content: Content, entry: Entry, role: str) -> list[str]:
    """The general steps and the steps per perspective, the reader's perspective first."""
    general = [steps] if (steps := _steps(content, entry.steps)) else []
    if entry.roles is None:
        return general
    by_role = {
        r: section
        for r in ROLES
        if (section := _steps(content, entry.roles.steps_for(r), _role_header(content, r)))
    }
    if role in by_role:
        return [by_role[role], *general, *(s for r, s in by_role.items() if r != role)]
    return [*general, *by_role.values()]


def _role_header(content: Content, role: str) -> str:
    if role == ROLE_VERWALTUNG:
        return content.text("steps_verwaltung_header")
    return content.text("steps_engagierte_header")


def _steps(content: Content, steps: Sequence[str], header: str | None = None) -> str:
    """A headed, numbered list of steps; "" when there are none."""
    if not steps:
        return ""
    numbered = "\n".join(f"{n}. {esc(step)}" for n, step in enumerate(steps, 1))
    return f"<b>{esc(header or content.text('steps_header'))}</b>\n{numbered}"


def view_button(content: Content, entry: Entry, plain: bool) -> Button | None:
    """The button that switches to the other view; None when the entry has no plain text."""
    if entry.plain is None:
        return None
    if plain:
        return Button(content.text("button_full"), SwitchView(VIEW_FULL, entry.id).pack())
    return Button(content.text("button_plain"), SwitchView(VIEW_PLAIN, entry.id).pack())
