"""The broadcast benchmark still runs and counts correctly (a small, untimed run)."""

from __future__ import annotations

from benchmarks.broadcast import run


async def test_small_benchmark_run_has_no_duplicates_or_misses() -> None:
    result = await run(60, 1000.0, rate_limits=(0.5,))
    assert result["duplicates"] == 0 and result["missed"] == 0
    assert result["sent"] == 57 and result["deactivated"] == 3
    assert result["rate_limited"] == 1 and result["requests"] == 61
