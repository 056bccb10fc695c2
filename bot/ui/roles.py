"""/rolle: choosing a perspective (administration, or initiatives and volunteers) or none."""

from __future__ import annotations

from bot.content import ROLE_ENGAGIERTE, ROLE_VERWALTUNG, Content
from bot.ui.callbacks import NO_ROLE, RoleChoice
from bot.ui.reply import Button, Reply, esc


def role_name(content: Content, role: str) -> str:
    """The role as readers call it; "keine Angabe" for none or an unknown role."""
    if role == ROLE_VERWALTUNG:
        return content.text("role_verwaltung")
    if role == ROLE_ENGAGIERTE:
        return content.text("role_engagierte")
    return content.text("role_none")


def render_role_prompt(content: Content, current: str) -> Reply:
    """Explain /rolle, name the current choice and offer the three buttons."""
    text = content.text("role_prompt", current=esc(role_name(content, current)))
    rows = tuple(
        (Button(role_name(content, role), RoleChoice(role).pack()),)
        for role in (ROLE_VERWALTUNG, ROLE_ENGAGIERTE, NO_ROLE)
    )
    return Reply(text, rows)


def chosen_role(data: str | None) -> str | None:
    """The role id a /rolle button stands for ("" for none); None if it is no such button."""
    choice = RoleChoice.parse(data)
    if choice is None:
        return None
    return "" if choice.role == NO_ROLE else choice.role


def render_role_saved(content: Content, role: str) -> Reply:
    """Confirm the stored choice (or that none is stored)."""
    if not role:
        return Reply(esc(content.text("role_cleared")))
    return Reply(content.text("role_saved", role=esc(role_name(content, role))))
