"""Rendering answers as Telegram HTML and buttons: escaping, limits, source, poles, split."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.content import ROLE_VERWALTUNG
from bot.content.loader import load_content
from bot.content.model import Content
from bot.matching import ANSWER, REFUSE, SUGGEST, Match, SearchResult
from bot.snapshot import Snapshot
from bot.testing.fake_telegram import parse_html
from bot.ui import View, callbacks
from bot.ui.render import (
    MAX_MESSAGE_CHARS,
    Reply,
    render_callback,
    render_entry,
    render_entry_by_id,
    render_result,
    render_topic,
    render_topics,
    split_message,
    switch_view,
    to_plain,
)

INJECTION = '<b>fett</b> & <script>alert("x")</script> <a href="http://x">link</a> &amp;'


@pytest.fixture
def mini(mini_content_dir: Path) -> Content:
    return load_content(mini_content_dir)


def visible(html_text: str) -> str:
    """The text Telegram would show; raises if the HTML would be rejected."""
    return parse_html(html_text)[0]


def all_buttons(reply: Reply) -> list[tuple[str, str]]:
    return [(b.label, b.data) for row in reply.buttons for b in row]


def all_replies(content: Content) -> list[Reply]:
    replies = [render_topics(content)]
    replies += [r for t in content.topics if (r := render_topic(content, t.id))]
    replies += [render_entry(content, e) for e in content.entries]
    replies += [r for e in content.entries if (r := render_entry_by_id(content, e.id))]
    return replies


def test_content_text_is_escaped_everywhere(mini: Content) -> None:
    entry = mini.entries[2]  # the tension field, so poles are rendered too
    hostile = replace(
        entry,
        title=INJECTION,
        summary=INJECTION,
        steps=(INJECTION, "ok"),
        poles=(INJECTION, "B & C"),
    )
    content = replace(mini, entries=(*mini.entries[:2], hostile))
    text = render_entry(content, hostile).text
    shown = visible(text)
    assert shown.count(INJECTION) == 4
    assert "<script>" not in text and "&amp;amp;" in text
    topic = replace(content.topics[0], title=INJECTION, description="<i>&")
    reply = render_topic(replace(content, topics=(topic,)), topic.id)
    assert reply is not None
    assert INJECTION in visible(reply.text) and "<i>&" in visible(reply.text)


def test_entry_shows_title_summary_numbered_steps_tensions_and_source(mini: Content) -> None:
    entry = mini.entry("augenhoehe")
    assert entry is not None
    reply = render_entry(mini, entry)
    shown = visible(reply.text)
    assert shown.startswith("Augenhöhe herstellen\nLeitlinie · Grundlagen")
    assert "1. Laden Sie zu einem gemeinsamen Treffen ein.\n2. Fragen Sie nach" in shown
    assert f"{mini.text('tensions_header')}\n• Ressource oder Partner?" in shown
    assert shown.endswith(mini.text("source_workshop", sections="1 Testabschnitt"))
    assert mini.text("quote_single", quote="Augenhöhe herstellen") in reply.text
    assert f"{mini.text('editorial_header')}\n{entry.summary}" in reply.text
    assert "<b>Augenhöhe herstellen</b>" in reply.text
    labels = [label for label, _ in all_buttons(reply)]
    assert labels == [
        mini.text("button_plain"),
        mini.text("button_tension", title="Ressource oder Partner?"),
        mini.text("button_related", title="Zeitplan offenlegen"),
        mini.text("button_topics"),
    ]
    assert [data for _, data in all_buttons(reply)] == [
        "v:plain:augenhoehe",
        "e:ressource-partner",
        "e:zeitplan",
        "top",
    ]


def test_tension_field_shows_both_poles(mini: Content) -> None:
    entry = mini.entry("ressource-partner")
    assert entry is not None
    shown = visible(render_entry(mini, entry).text)
    assert f"{mini.text('poles_header')}\nBürger als Ressource  ⟷  Bürger als Partner" in shown
    assert mini.text("kind_tension") in shown


def test_source_line_names_every_cited_section(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    for entry in content.entries:
        shown = visible(render_entry(content, entry).text)
        last_line = shown.splitlines()[-1]
        for source in entry.sources:
            assert content.statements[source].section_title in last_line, entry.id


def test_every_button_of_shipped_content_fits_and_decodes(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    replies = all_replies(content)
    assert len(replies) > 2 * len(content.entries)
    for reply in replies:
        for label, data in all_buttons(reply):
            assert len(data.encode()) <= callbacks.MAX_CALLBACK_BYTES
            assert label.strip()
            opened = render_callback(content, data) or switch_view(content, data, reply.buttons)
            assert opened is not None, data
        assert len(visible(reply.text)) <= MAX_MESSAGE_CHARS


def test_runner_ups_offered_as_did_you_mean(mini: Content) -> None:
    a, _, c = mini.entries
    result = SearchResult("q", ANSWER, (Match(c, 80.0), Match(a, 75.0)))
    labels = [label for label, _ in all_buttons(render_result(mini, result))]
    assert mini.text("did_you_mean", title=a.title) in labels


def test_refusal_is_honest_and_offers_topics(mini: Content) -> None:
    reply = render_result(mini, SearchResult("Kuchen", REFUSE, ()))
    assert visible(reply.text) == mini.text("refused")
    assert all(data.startswith("t:") for _, data in all_buttons(reply))
    assert [data for _, data in all_buttons(reply)] == [f"t:{t.id}" for t in mini.topics]


def test_suggestion_lists_candidates_and_topics(mini: Content) -> None:
    a, b, _ = mini.entries
    reply = render_result(mini, SearchResult("q", SUGGEST, (Match(a, 50.0), Match(b, 49.0))))
    assert visible(reply.text) == mini.text("suggest_header")
    assert [data for _, data in all_buttons(reply)] == [f"e:{a.id}", f"e:{b.id}", "top"]


def test_navigation_replies_have_a_way_back(mini: Content) -> None:
    topic = render_callback(mini, "t:basis")
    entry = render_callback(mini, "e:zeitplan")
    assert topic is not None and entry is not None
    assert all_buttons(topic)[-1] == (mini.text("button_back"), "top")
    assert (mini.text("button_back"), "t:basis") in all_buttons(entry)
    assert render_callback(mini, "top") == render_topics(mini)


@pytest.mark.parametrize(
    "data", [None, "", "e:unknown", "t:unknown", "x:basis", "top:extra", "e:" + "a" * 70, "E:X"]
)
def test_unknown_or_forged_callback_renders_nothing(mini: Content, data: str | None) -> None:
    assert render_callback(mini, data) is None


def test_short_message_is_not_split() -> None:
    assert split_message("<b>kurz</b>") == ["<b>kurz</b>"]


def test_long_message_splits_at_paragraphs_into_valid_parts() -> None:
    paragraphs = [f"<b>Abschnitt {n}</b>\n" + "Wort &amp; Satz. " * 60 for n in range(20)]
    text = "\n\n".join(paragraphs)
    parts = split_message(text)
    assert len(parts) > 1
    assert all(len(part) <= MAX_MESSAGE_CHARS for part in parts)
    assert all(visible(part) for part in parts)
    assert "\n\n".join(parts) == text


@pytest.mark.parametrize(
    "line", ["wort " * 2000, "x" * 9000, "&amp;" * 2000, "a&lt;b " * 1500, "ü" * 5000]
)
def test_over_long_lines_are_cut_without_breaking_html(line: str) -> None:
    parts = split_message(f"<b>Titel</b>\n\n{line}")
    assert all(len(part) <= MAX_MESSAGE_CHARS for part in parts)
    shown = "".join(visible(part) for part in parts)
    assert shown.replace(" ", "") == ("Titel" + visible(line)).replace(" ", "")


def test_to_plain_removes_tags_and_unescapes() -> None:
    assert to_plain("<b>A &amp; B</b> &lt;3") == "A & B <3"


def test_runner_up_already_shown_as_a_button_is_not_repeated(mini: Content) -> None:
    best, _, tension = mini.entries  # augenhoehe lists ressource-partner as tension field
    result = SearchResult("q", ANSWER, (Match(best, 80.0), Match(tension, 75.0)))
    data = [d for _, d in all_buttons(render_result(mini, result))]
    assert data.count(f"e:{tension.id}") == 1


def test_a_rendered_entry_is_reused_only_for_the_same_content_view_and_runner_ups(
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    entry, *others = (e for e in content.entries if e.roles is not None)
    views = [View(), View(plain=True), View(role=ROLE_VERWALTUNG)]
    first = [render_entry(content, entry, (others[0],), view) for view in views]
    assert len({reply.text for reply in first}) == len(views)  # each view its own text
    again = [render_entry(content, entry, (others[0],), view) for view in views]
    assert again == first
    assert render_entry(content, entry, (others[1],)) != first[0]  # other runner-up button
    # A reloaded content with the same ids renders its own text, never the cached one.
    renamed = replace(entry, title=entry.title + " (neu)")
    entries = tuple(renamed if e is entry else e for e in content.entries)
    reloaded = replace(content, entries=entries)
    assert "(neu)" in render_entry(reloaded, renamed).text
    assert "(neu)" not in render_entry(content, entry).text
    # An entry of another content object (same id) is rendered, not looked up.
    assert "(neu)" in render_entry(content, renamed).text
