"""The end-to-end benchmark still runs and counts correctly (a small, untimed run)."""

from __future__ import annotations

from benchmarks.e2e import measure
from bot.snapshot import Snapshot

QUESTIONS = ["Wie gewinnen wir Ehrenamtliche?", "Was ist Bürgerbeteiligung?", "Hallo"]


async def test_small_run_answers_every_question_and_splits_the_cpu(
    shipped_snapshot: Snapshot,
) -> None:
    result = await measure(shipped_snapshot, QUESTIONS, updates=30, bursts=1, paced_updates=10)
    assert result["e2e_updates"] == 30
    assert result["e2e_per_s"] > 0 and result["e2e_p99_ms"] >= result["e2e_p50_ms"] > 0
    # The bot's work and the fake server's are counted apart, each in its own process.
    assert result["e2e_bot_cpu_ms_per_answer"] > 0
    assert result["e2e_server_cpu_ms_per_answer"] > 0
    assert result["e2e_rate_limit_per_s"] >= 1_000_000
