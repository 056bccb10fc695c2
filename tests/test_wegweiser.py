"""Wegweiser pointers on screen: layout, buttons, the practical list, terminal chat."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.loader import load_content
from bot.content.model import Content
from bot.matching import (
    ANSWER,
    KIND_POINTER,
    KIND_PRINCIPLE,
    REFUSE,
    Match,
    Matcher,
    PointerMatch,
    SearchResult,
)
from bot.snapshot import Snapshot
from bot.terminal import format_reply, respond
from bot.ui.humanloop import with_human_help
from bot.ui.render import render_callback, render_result, render_topics, to_plain
from bot.ui.wegweiser import pointer_text, render_pointer, render_pointer_list
from tests.conftest import write_content
from tests.test_pointers import MINI_WEGWEISER


@pytest.fixture
def content(tmp_path: Path) -> Content:
    return load_content(write_content(tmp_path / "c", **{"wegweiser.yaml": MINI_WEGWEISER}))


def data(reply: object) -> list[str]:
    return [b.data for row in reply.buttons for b in row]  # type: ignore[attr-defined]


def test_pointer_text_has_its_own_layout(content: Content) -> None:
    pointer = content.pointer("foerdermittel")
    assert pointer is not None
    text = pointer_text(content, pointer)
    assert text.split("\n\n") == [
        "<b>Fördermittel finden und beantragen</b>\n<i>Wegweiser · praktische Frage</i>",
        "Geld für Projekte gibt es von Kommune, Land, Bund und Stiftungen. "
        "Achten Sie auf Fristen und den Eigenanteil.",
        "<b>Wer hilft:</b>\n• Ihre Freiwilligenagentur vor Ort\n"
        "• Das Landesnetzwerk Bürgerschaftliches Engagement",
        '<b>Mehr dazu im Netz:</b>\n• <a href="https://www.foerderdatenbank.de/">'
        "Förderdatenbank des Bundes</a>",
        "<i>Orientierung, keine Rechts- oder Steuerberatung.</i>",
    ]


def test_content_and_addresses_are_escaped(tmp_path: Path) -> None:
    tricky = MINI_WEGWEISER.replace(
        '"Förderdatenbank des Bundes"', '"Bund & Land <alle>"'
    ).replace("https://www.foerderdatenbank.de/", "https://www.example.de/?a=1&b=2")
    content = load_content(write_content(tmp_path / "c", **{"wegweiser.yaml": tricky}))
    pointer = content.pointer("foerdermittel")
    assert pointer is not None
    text = pointer_text(content, pointer)
    assert '<a href="https://www.example.de/?a=1&amp;b=2">' in text
    assert "Bund &amp; Land &lt;alle&gt;</a>" in text


def test_pointer_answer_buttons_lead_to_the_principle_and_on(content: Content) -> None:
    pointer = content.pointer("foerdermittel")
    assert pointer is not None
    reply = render_pointer(content, pointer)
    assert [b.label for b in reply.buttons[0]] == ["💡 Aus dem Workshop: Zeitplan offenlegen"]
    assert data(reply) == ["e:zeitplan", "wl", "top"]
    related = render_callback(content, reply.buttons[0][0].data)
    assert related is not None and related.text.startswith("<b>Zeitplan offenlegen</b>")


def test_pointer_answer_offers_the_local_contacts_when_there_are_some(
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    pointer = content.pointer("engagement-finden")
    assert pointer is not None and content.contacts
    rows = render_pointer(content, pointer).buttons
    assert [b.data for b in rows[-2]] == ["kontakt"]
    assert rows[-2][0].label == content.text("button_contacts")


def test_pointer_without_related_principles_has_only_the_way_on(content: Content) -> None:
    pointer = content.pointer("versicherung")
    assert pointer is not None
    assert data(render_pointer(content, pointer)) == ["wl", "top"]


def test_topics_offer_practical_questions_which_list_and_open_pointers(
    content: Content,
) -> None:
    overview = render_topics(content)
    assert data(overview) == ["t:basis", "wl"]
    assert overview.buttons[-1][0].label == "🧭 Praktische Fragen"
    listing = render_callback(content, "wl")
    assert listing == render_pointer_list(content)
    assert listing.text.startswith("<b>Praktische Fragen</b>")
    assert data(listing) == ["w:foerdermittel", "w:versicherung", "top"]
    assert [row[0].label for row in listing.buttons[:2]] == [
        "🧭 Fördermittel finden und beantragen",
        "🧭 Versichert im Ehrenamt",
    ]
    opened = render_callback(content, "w:versicherung")
    assert opened is not None and opened.text.startswith("<b>Versichert im Ehrenamt</b>")


@pytest.mark.parametrize("forged", ["w:gibtsnicht", "w:", "wl:x", "w:<b>"])
def test_stale_or_forged_pointer_buttons_are_refused(content: Content, forged: str) -> None:
    assert render_callback(content, forged) is None


def test_without_pointers_topics_have_no_practical_section(mini_content_dir: Path) -> None:
    content = load_content(mini_content_dir)
    assert "wl" not in data(render_topics(content))
    assert render_callback(content, "wl") is not None  # an old button still opens a list


def test_plain_text_keeps_link_addresses(content: Content) -> None:
    pointer = content.pointer("foerdermittel")
    assert pointer is not None
    plain = to_plain(pointer_text(content, pointer))
    assert "• Förderdatenbank des Bundes (https://www.foerderdatenbank.de/)" in plain
    assert "<" not in plain


def test_terminal_chat_browses_to_a_pointer_and_its_principle(content: Content) -> None:
    snapshot = Snapshot(content, Matcher(content))
    topics = respond(snapshot, "themen", None)
    listing = respond(snapshot, str(len(data(topics))), topics)  # the last: Praktische Fragen
    pointer = respond(snapshot, "1", listing)
    shown = format_reply(snapshot, pointer)
    assert shown.startswith("Fördermittel finden und beantragen\nWegweiser · praktische Frage")
    assert "Wer hilft:" in shown and "(https://www.foerderdatenbank.de/)" in shown
    assert "[1] 💡 Aus dem Workshop: Zeitplan offenlegen" in shown
    principle = respond(snapshot, "1", pointer)
    assert principle.text.startswith("<b>Zeitplan offenlegen</b>")


def test_human_help_does_not_repeat_the_contacts_of_a_pointer_answer(
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    pointer = content.pointer("versicherung")
    assert pointer is not None and content.contacts
    helped = with_human_help(content, render_pointer(content, pointer), REFUSE, 7, True)
    pressed = data(helped)
    assert pressed.count("kontakt") == 1 and pressed[0] == "ask:7"


def _result(content: Content, kind: str, decision: str, entry: str | None = None) -> SearchResult:
    pointer = content.pointer("foerdermittel")
    assert pointer is not None
    matches = (Match(content.entry(entry), 80.0),) if entry else ()  # type: ignore[arg-type]
    return SearchResult(
        "Wie finanzieren wir das?",
        decision,
        matches,
        0.9,
        kind=kind,
        pointer=PointerMatch(pointer, 75.0, 0.9),
    )


def test_a_practical_question_is_answered_with_its_pointer(content: Content) -> None:
    reply = render_result(content, _result(content, KIND_POINTER, REFUSE))
    assert reply.text.startswith("<b>Fördermittel finden und beantragen</b>")
    assert [[b.data for b in row] for row in reply.buttons] == [
        ["e:zeitplan"],
        ["fb:up:foerdermittel", "fb:down:foerdermittel"],
        ["wl", "top"],
    ]


def test_a_principle_that_touches_a_practical_topic_offers_the_pointer(content: Content) -> None:
    reply = render_result(content, _result(content, KIND_PRINCIPLE, ANSWER, "augenhoehe"))
    assert reply.text.startswith("<b>Augenhöhe herstellen</b>")
    offer = reply.buttons[-3]
    assert [(b.label, b.data) for b in offer] == [
        ("🧭 Praktisch dazu: Fördermittel finden und beantragen", "w:foerdermittel")
    ]
    assert data(reply)[-3:] == ["fb:up:augenhoehe", "fb:down:augenhoehe", "top"]
