"""Human help in replies: contacts, "ask the team" with consent, the team's side, review buttons.

Button kinds are declared here (see `bot.ui.callbacks`); ids in them are numbers or slugs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.content import Contact, Content, Entry
from bot.matching import KIND_PRINCIPLE, KIND_REFUSAL, REFUSE, SUGGEST
from bot.ui.callbacks import CallbackData
from bot.ui.reply import Button, Reply, esc

if TYPE_CHECKING:  # bot.admin imports bot.ui
    from bot.admin import review

NUMBER = "[0-9]{1,12}"
THANKS = "thanks"
ASK_BACK = "question"


@dataclass(frozen=True)
class ShowContacts(CallbackData, prefix="kontakt"):
    """Show the contact points."""


@dataclass(frozen=True)
class AskTeam(CallbackData, prefix="ask", log_id=NUMBER):
    """Step 1: show what would be forwarded to whom, with the consent button."""

    log_id: str


@dataclass(frozen=True)
class ConsentForward(CallbackData, prefix="fwd", log_id=NUMBER):
    """Step 2, the consent: forward this logged question to the team."""

    log_id: str


@dataclass(frozen=True)
class TeamAnswer(CallbackData, prefix="ans", question_id=NUMBER):
    """A team member wants to answer a forwarded question."""

    question_id: str


@dataclass(frozen=True)
class Followup(CallbackData, prefix="fu", kind=f"{THANKS}|{ASK_BACK}", question_id=NUMBER):
    """The user's one thank-you or ask-back after the team's answer."""

    kind: str
    question_id: str


@dataclass(frozen=True)
class ReviewPick(CallbackData, prefix="rvp", sample=NUMBER):
    """/stats: offer the likeliest entries for a group of questions."""

    sample: str


@dataclass(frozen=True)
class ReviewAdd(CallbackData, prefix="rva", sample=NUMBER):
    """/stats: add the group's question to this entry."""

    sample: str
    entry_id: str


@dataclass(frozen=True)
class ReviewIgnore(CallbackData, prefix="rvi", sample=NUMBER):
    """/stats: ignore the group from now on."""

    sample: str


HUMAN_BUTTONS = (ShowContacts, AskTeam, ConsentForward, Followup)
# Only a question the content could not answer well gets a person offered: small talk
# ("danke!") and a Bürgeramt hint need no team, and a Wegweiser answer shows its contacts.
HUMAN_HELP_KINDS = (KIND_PRINCIPLE, KIND_REFUSAL)
REVIEW_BUTTONS = (ReviewPick, ReviewAdd, ReviewIgnore)


def contacts_button(content: Content) -> Button:
    return Button(content.text("button_contacts"), ShowContacts().pack())


def with_human_help(
    content: Content,
    reply: Reply,
    decision: str,
    log_id: int | None,
    can_forward: bool,
    kind: str = KIND_REFUSAL,
) -> Reply:
    """A refusal or "did you mean" with contacts and, on a refusal, "ask the team"."""
    if decision not in (REFUSE, SUGGEST) or kind not in HUMAN_HELP_KINDS:
        return reply
    rows: list[tuple[Button, ...]] = []
    if decision == REFUSE and can_forward and log_id is not None:
        rows.append((Button(content.text("button_ask_team"), AskTeam(str(log_id)).pack()),))
    shown = any(ShowContacts.parse(b.data) for row in reply.buttons for b in row)
    if content.contacts and not shown:  # a Wegweiser answer already offers the contacts
        rows.append((contacts_button(content),))
    return Reply(reply.text, (*rows, *reply.buttons))


def with_share(content: Content, reply: Reply, entry: Entry) -> Reply:
    """An answer with "Teilen": inline mode offers the entry in any chat the user picks."""
    share = Button(content.text("button_share"), "", switch_inline=entry.title)
    last = reply.buttons[-1] if reply.buttons else ()
    return Reply(reply.text, (*reply.buttons[:-1], (*last, share)))  # next to "Alle Themen"


def render_contact(content: Content, contact: Contact) -> str:
    """One contact as HTML lines."""
    lines = [f"<b>{esc(contact.name or contact.role)}</b>"]
    if contact.name and contact.role:
        lines.append(f"<i>{esc(contact.role)}</i>")
    lines.append(esc(contact.helps_with))
    for key, value in (
        ("contact_email", contact.email),
        ("contact_phone", contact.phone),
        ("contact_web", contact.web),
        ("contact_hours", contact.hours),
    ):
        if value:
            lines.append(esc(content.text(key, value=value)))
    return "\n".join(lines)


def render_contacts(content: Content, can_forward: bool) -> Reply:
    """/kontakt: every contact point, or a note that none is configured."""
    if not content.contacts:
        return Reply(esc(content.text("contacts_none")))
    parts = [esc(content.text("contacts_header"))]
    if content.contacts_are_example:
        parts.append(f"<i>{esc(content.text('contacts_example'))}</i>")
    parts += [render_contact(content, c) for c in content.contacts]
    if can_forward:
        parts.append(esc(content.text("contacts_ask_team_hint")))
    return Reply("\n\n".join(parts))


def team_name(content: Content) -> str:
    """Who forwarded questions go to, as users are told: the first contact, else "the team"."""
    if content.contacts and not content.contacts_are_example:
        first = content.contacts[0]
        return first.name or first.role
    return content.text("team_default_name")


def render_consent(content: Content, question: str, log_id: int) -> Reply:
    """What is forwarded and to whom, with the one consent button."""
    text = esc(content.text("forward_consent", question=question, team=team_name(content)))
    button = Button(content.text("button_forward_consent"), ConsentForward(str(log_id)).pack())
    return Reply(text, ((button,),))


def render_team_copy(content: Content, question_id: int, question: str, followup: bool) -> Reply:
    """The forwarded question as the team sees it, with the "Beantworten" button."""
    key = "team_followup" if followup else "team_question"
    text = esc(content.text(key, number=question_id, question=question))
    button = Button(content.text("button_team_answer"), TeamAnswer(str(question_id)).pack())
    return Reply(text, ((button,),))


def render_team_answer(content: Content, question: str, reply: str, question_id: int) -> Reply:
    """The team's answer as the user gets it, marked personal, with thanks / ask back."""
    text = content.text("team_answer", question=esc(question), answer=esc(reply))
    buttons = (
        Button(content.text("button_thanks"), Followup(THANKS, str(question_id)).pack()),
        Button(content.text("button_ask_back"), Followup(ASK_BACK, str(question_id)).pack()),
    )
    return Reply(text, (buttons,))


def render_review(content: Content, groups: list[review.ReviewGroup]) -> Reply | None:
    """/stats: the groups to act on, numbered, with "add to entry" / "ignore" per group."""
    if not groups:
        return None
    lines = [content.text("review_header")]
    rows: list[tuple[Button, ...]] = []
    for number, group in enumerate(groups, 1):
        entry = content.entry(group.entry_id) if group.entry_id else None
        key = "review_line_downvoted" if group.entry_id else "review_line_unanswered"
        title = entry.title if entry else group.entry_id or ""
        values = {"number": number, "question": group.question, "count": group.count}
        lines.append(esc(content.text(key, title=title, **values)))
        sample = str(group.sample_id)
        rows.append(
            (
                Button(
                    content.text("button_review_add", number=number), ReviewPick(sample).pack()
                ),
                Button(
                    content.text("button_review_ignore", number=number),
                    ReviewIgnore(sample).pack(),
                ),
            )
        )
    return Reply("\n".join(lines), tuple(rows))


def render_review_choice(
    content: Content, question: str, sample_id: int, entries: list[Entry]
) -> Reply:
    """The likeliest entries for a question: one button each."""
    rows = tuple((Button(e.title[:60], ReviewAdd(str(sample_id), e.id).pack()),) for e in entries)
    text = f"{esc(content.text('review_pick', question=question))}\n\n"
    return Reply(text + esc(content.text("review_search_hint")), rows)
