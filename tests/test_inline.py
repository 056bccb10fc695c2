"""Inline mode end to end: `@bot Zeitplan` offers entries as articles."""

from __future__ import annotations

import pytest

from bot.serve import BotApp
from bot.snapshot import Snapshot
from bot.testing.fake_telegram import FakeTelegramServer, parse_html


async def inline_answer(server: FakeTelegramServer, query: str) -> dict:
    query_id = server.push_inline_query(query)["inline_query"]["id"]
    (call,) = await server.wait_for(
        "answerInlineQuery", lambda c: c.params["inline_query_id"] == query_id
    )
    assert call.ok, call.error
    return call.params


async def test_inline_query_returns_matching_entries_as_articles(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
) -> None:
    params = await inline_answer(fake_telegram, "Zeitplan")
    results = params["results"]
    assert 1 <= len(results) <= 5
    assert all(r["type"] == "article" for r in results)
    assert results[0]["id"] == "zeitplan"
    entry = shipped_snapshot.content.entry("zeitplan")
    assert entry is not None and results[0]["title"] == entry.title
    message = results[0]["input_message_content"]
    assert message["parse_mode"] == "HTML"
    assert parse_html(message["message_text"])[0].startswith(entry.title)
    assert "button" not in params


@pytest.mark.parametrize(
    ("query", "hint"),
    [("", "inline_hint"), ("   ", "inline_hint"), ("Kuchen backen", "inline_empty")],
)
async def test_empty_or_refused_query_returns_no_articles_but_a_button(
    running_bot: BotApp,
    fake_telegram: FakeTelegramServer,
    shipped_snapshot: Snapshot,
    query: str,
    hint: str,
) -> None:
    params = await inline_answer(fake_telegram, query)
    assert params["results"] == []
    assert params["button"]["text"] == shipped_snapshot.content.text(hint)
    assert params["button"]["start_parameter"]
