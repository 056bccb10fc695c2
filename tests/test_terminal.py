"""The terminal chat: same answers as Telegram, buttons as numbered choices."""

from __future__ import annotations

import pytest

from bot.snapshot import Snapshot
from bot.terminal import ChatState, format_reply, respond, run_chat
from bot.ui import Reply, render_glossary, render_term
from bot.ui.render import (
    entry_button,
    render_entry_by_id,
    render_reading,
    render_result,
    render_topics,
    to_plain,
    topic_rows,
)

QUESTION = "Wie vermeiden wir Scheinbeteiligung?"


def chat(snapshot: Snapshot, *lines: str) -> list[str]:
    """Everything the chat writes for these input lines."""
    out: list[str] = []
    run_chat(snapshot, [line + "\n" for line in lines], out.append)
    return out


def test_answer_lists_buttons_as_numbered_choices(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    reply = render_result(content, shipped_snapshot.matcher.search(QUESTION))
    text = format_reply(shipped_snapshot, reply)
    assert text.startswith("Keine Beteiligung an Ohnmacht\n")
    assert "<b>" not in text
    labels = [b.label for row in reply.buttons for b in row]
    listed = text.split(content.text("chat_choices"), 1)[1].splitlines()
    choices = [line.strip() for line in listed if line.strip()]
    assert choices == [f"[{n}] {label}" for n, label in enumerate(labels, 1)]


def test_pressing_a_number_opens_that_entry(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    first = respond(shipped_snapshot, QUESTION, None)
    button = first.buttons[1][0]  # the first tension field, under the plain-German switch
    opened = respond(shipped_snapshot, "2", first)
    assert opened == render_entry_by_id(content, button.data.removeprefix("e:"))
    out = chat(shipped_snapshot, QUESTION, "2")
    assert to_plain(opened.text).strip() in out[2]


def test_numbers_navigate_topics_and_back(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    topics = respond(shipped_snapshot, "themen", None)
    assert topics == render_topics(content)
    topic = respond(shipped_snapshot, "1", topics)
    assert content.topics[0].title in topic.text
    back = respond(shipped_snapshot, str(sum(len(row) for row in topic.buttons)), topic)
    assert back == topics


def test_quit_word_ends_the_chat(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    out = chat(shipped_snapshot, "ende", QUESTION)
    assert out == [content.text("chat_intro"), content.text("chat_bye")]


@pytest.mark.parametrize("word", ["ENDE", "exit", "Tschüss", "tschuess", "quit"])
def test_quit_words_are_recognised(shipped_snapshot: Snapshot, word: str) -> None:
    assert len(chat(shipped_snapshot, word, QUESTION)) == 2


def test_end_of_input_says_goodbye_and_blank_lines_are_skipped(
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    out = chat(shipped_snapshot, "", "   ", QUESTION)
    assert len(out) == 3
    assert out[-1] == content.text("chat_bye")


def test_refusal_offers_topics_as_choices(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    out = chat(shipped_snapshot, "Wie backe ich einen Kuchen?")
    assert to_plain(content.text("refused")).strip() in out[1]
    assert f"[1] {content.topics[0].title}" in out[1]


@pytest.mark.parametrize("word", ["/hilfe", "/help", "hilfe", "Hilfe"])
def test_help_word_shows_help_with_commands(shipped_snapshot: Snapshot, word: str) -> None:
    content = shipped_snapshot.content
    reply = respond(shipped_snapshot, word, None)
    shown = to_plain(reply.text)
    assert to_plain(content.text("help", commands="")).split("\n")[0] in shown
    for name, key in (("start", "command_start"), ("themen", "command_themen")):
        assert f"/{name} – {content.text(key)}" in shown
    assert reply.buttons == ()


def test_start_greets_with_topic_choices(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    reply = respond(shipped_snapshot, "/start", None)
    assert reply.text == content.text("greeting")
    assert reply.buttons == topic_rows(content)


@pytest.mark.parametrize("number", ["0", "99"])
def test_number_out_of_range_asks_again_and_keeps_choices(
    shipped_snapshot: Snapshot, number: str
) -> None:
    content = shipped_snapshot.content
    topics = respond(shipped_snapshot, "themen", None)
    again = respond(shipped_snapshot, number, topics)
    count = sum(len(row) for row in topics.buttons)
    assert count == len(content.topics) + 2  # the topics, "Praktische Fragen", reading list
    assert again.text == content.text("chat_invalid_choice", count=count)
    assert again.buttons == topics.buttons
    assert respond(shipped_snapshot, "1", again) == respond(shipped_snapshot, "1", topics)


def test_terminal_chat_offers_no_feedback_buttons(shipped_snapshot: Snapshot) -> None:
    reply = respond(shipped_snapshot, "Wie finden wir die relevanten Initiativen?", None)
    data = [button.data for row in reply.buttons for button in row]
    assert data and not any(d.startswith("fb:") for d in data)
    assert any(d.startswith("e:") for d in data)


def test_lesetipps_command_and_reading_button(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    reading = respond(shipped_snapshot, "/lesetipps", None)
    assert reading == render_reading(content)
    assert content.reading[0].url in to_plain(reading.text)
    topics = respond(shipped_snapshot, "themen", None)
    last = sum(len(row) for row in topics.buttons)
    assert topics.buttons[-1][0].label == content.text("button_reading")
    assert respond(shipped_snapshot, str(last), topics) == reading
    assert "/lesetipps" in to_plain(respond(shipped_snapshot, "hilfe", None).text)


def test_plain_switch_and_back_by_number(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    first = respond(shipped_snapshot, QUESTION, None)
    assert first.buttons[0][0].label == content.text("button_plain")
    plain = respond(shipped_snapshot, "1", first)
    entry = content.entry("keine-ohnmacht")
    assert entry is not None and entry.plain is not None
    assert entry.plain.summary in to_plain(plain.text)
    assert plain.buttons[0][0].label == content.text("button_full")
    assert plain.buttons[1:] == first.buttons[1:]
    assert respond(shipped_snapshot, "1", plain) == first


def test_practical_offer_survives_the_plain_switch_and_opens_the_pointer(
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    first = respond(shipped_snapshot, "Spende oder Partnerschaft", None)
    pointer = content.pointer("spenden")
    assert pointer is not None
    offer = content.text("button_pointer_also", title=pointer.title)
    labels = [row[0].label for row in first.buttons]
    assert offer in labels and labels[0] == content.text("button_plain")
    plain = respond(shipped_snapshot, "1", first)
    assert [row[0].label for row in plain.buttons][1:] == labels[1:]
    opened = respond(shipped_snapshot, str(labels.index(offer) + 1), plain)
    shown = format_reply(shipped_snapshot, opened)
    assert shown.startswith(f"{pointer.title}\nWegweiser · praktische Frage")
    assert f"({pointer.links[0].url})" in shown


def test_rolle_in_the_chat_orders_the_steps_for_the_session(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    state = ChatState()
    prompt = respond(shipped_snapshot, "/rolle", None, state)
    labels = [b.label for row in prompt.buttons for b in row]
    assert labels == [content.text(k) for k in ("role_verwaltung", "role_engagierte", "role_none")]
    saved = respond(shipped_snapshot, "2", prompt, state)
    assert saved.text == content.text("role_saved", role=content.text("role_engagierte"))
    assert state.role == "engagierte"
    entry = next(e for e in content.entries if e.roles and e.roles.engagierte)
    opened = respond(shipped_snapshot, "1", Reply("", ((entry_button(content, entry),),)), state)
    shown = to_plain(opened.text)
    assert shown.index(content.text("steps_engagierte_header")) < shown.index(
        content.text("steps_header")
    )
    out = chat(shipped_snapshot, "/rolle", "1", "/rolle")
    assert f"Zurzeit: {content.text('role_verwaltung')}" in out[3]


def test_glossary_in_the_chat(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    listing = respond(shipped_snapshot, "/glossar", None)
    assert listing == render_glossary(content)
    term = respond(shipped_snapshot, "1", listing)
    assert content.glossary[0].explanation in to_plain(term.text)
    asked = respond(shipped_snapshot, "Was heißt Empowerment?", None)
    empowerment = content.term("empowerment")
    assert empowerment is not None and asked == render_term(content, empowerment)
    assert "/glossar" in to_plain(respond(shipped_snapshot, "hilfe", None).text)


ENGLISH_QUESTION = "How can the city and volunteers work together as equals?"


def test_a_question_in_english_is_answered_in_english_in_a_german_chat(
    shipped_snapshot: Snapshot,
) -> None:
    english = shipped_snapshot.localized("en")
    out = chat(shipped_snapshot, ENGLISH_QUESTION, "2", QUESTION)
    assert out[0] == shipped_snapshot.content.text("chat_intro")
    assert english.content.text("chat_choices") in out[1]
    assert "Noted at the workshop (in German)" in out[1]
    assert english.content.text("chat_choices") in out[2]  # its buttons open English texts
    assert out[3].startswith("\nKeine Beteiligung an Ohnmacht")  # German again
    assert out[-1] == shipped_snapshot.content.text("chat_bye")


def test_chat_in_english_answers_commands_and_short_words_in_english(
    shipped_snapshot: Snapshot,
) -> None:
    english = shipped_snapshot.localized("en").content
    out: list[str] = []
    run_chat(shipped_snapshot, ["topics\n", "Augenhöhe\n"], out.append, lang="en")
    assert out[0] == english.text("chat_intro")
    assert english.topics[0].title in out[1]
    assert english.text("chat_choices") in out[2]
    assert out[-1] == english.text("chat_bye")
