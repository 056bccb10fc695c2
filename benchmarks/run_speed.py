"""The speed sections of `benchmarks.run`: matcher latency, load + index time and peak RSS
(each corpus in its own process), end-to-end throughput of the real Application, the
durable inbox, the daily-tip broadcast and answers during one. Each section adds its
figures to `figures` and returns the lines it prints."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

from benchmarks import e2e, inbox, quality
from bot.config import DEFAULT_CONTENT_DIR
from bot.snapshot import build_snapshot

ROOT = Path(__file__).resolve().parent.parent
# label: (entries, 0 = shipped content; rounds over the 246 queries)
LATENCY_RUNS = {"shipped": (0, 20), "1k": (1000, 5), "10k": (10000, 3)}
BROADCAST_SCRIPT = ROOT / "benchmarks" / "broadcast.py"
BUSY_SCRIPT = ROOT / "benchmarks" / "busy.py"
BUSY_ARGS = ("--subscribers", "10000", "--limit", "25", "--seconds", "15")
SUBPROCESS_TIMEOUT_S = 240


def latency(figures: dict[str, object], dev: Path) -> list[str]:
    """Per-question latency, load + index time and peak RSS, each corpus in its own process."""
    header = f"{'Matcher latency':<16}{'p50 ms':>8}{'p99 ms':>8}{'load+idx s':>12}{'RSS MB':>8}"
    rows = [header]
    for label, (size, rounds) in LATENCY_RUNS.items():
        proc = subprocess.run(
            [sys.executable, "-m", "benchmarks.latency", str(size), str(dev), str(rounds)],
            cwd=ROOT, capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT_S, check=True,
        )
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        for key in ("p50_ms", "p99_ms", "load_s", "load_cpu_s", "rss_mb"):
            if key in result:
                figures[f"{key}_{label}"] = result[key]
        name = f"{label} ({result['entries']})"
        rows.append(
            f"{name:<16}{result['p50_ms']:>8.3f}{result['p99_ms']:>8.3f}"
            f"{result['load_s']:>12.3f}{result['rss_mb']:>8.1f}"
        )
    figures["latency_queries"] = result["queries"]
    figures["rss_mb"] = figures["rss_mb_10k"]
    return rows


def end_to_end(figures: dict[str, object], dev: Path, updates: int) -> list[str]:
    snapshot = build_snapshot(DEFAULT_CONTENT_DIR)
    questions = quality.questions_of(quality.load_dev(dev))
    result = asyncio.run(e2e.measure(snapshot, questions, updates))
    figures.update(result)
    return [
        f"End to end (real Application with the durable inbox, fake Bot API in its own "
        f"process, rate limit {e2e.RATE_LIMIT_PER_S:,.0f}/s)",
        f"  burst of {updates} x {e2e.BURSTS}: {result['e2e_per_s']:.0f} answered/s, "
        f"p50 {result['e2e_p50_ms']:.0f} ms, p99 {result['e2e_p99_ms']:.0f} ms (queueing incl.)",
        f"  CPU per answer: bot process {result['e2e_bot_cpu_ms_per_answer']:.2f} ms, "
        f"fake server {result['e2e_server_cpu_ms_per_answer']:.2f} ms; "
        f"load average {result['e2e_load_average']:.1f}",
        f"  (the bot process alone would answer about {result['e2e_bot_one_core_per_s']:.0f}/s "
        f"on a core of its own: 1000 / its CPU ms per answer; the goal counts the measured rate)",
        f"  paced {result['e2e_paced_per_s']:.0f}/s: p50 {result['e2e_paced_p50_ms']:.1f} ms, "
        f"p99 {result['e2e_paced_p99_ms']:.1f} ms",
    ]


def inbox_store(figures: dict[str, object]) -> list[str]:
    """What the durable inbox adds to each answer, and its grouped-commit throughput."""
    result = asyncio.run(inbox.measure())
    figures.update(result)
    return [
        "Durable inbox (benchmarks/inbox.py, file database, fsync per stored batch)",
        f"  store before the answer, paced {result['inbox_paced_per_s']:.0f}/s: "
        f"p50 {result['inbox_store_p50_ms']} ms, p99 {result['inbox_store_p99_ms']} ms",
        f"  {result['inbox_burst']:,} updates from {inbox.CALLERS} concurrent webhook calls, "
        f"stored and marked done: {result['inbox_burst_per_s']:,}/s",
    ]


def broadcast(figures: dict[str, object]) -> list[str]:
    """The daily-tip broadcast benchmark's figures (benchmarks/broadcast.py, own process)."""
    proc = subprocess.run(
        [sys.executable, str(BROADCAST_SCRIPT)],
        cwd=ROOT, capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT_S,
    )
    lines = proc.stdout.strip().splitlines()
    try:
        result = json.loads(lines[-1]) if proc.returncode == 0 and lines else None
    except ValueError:
        result = None
    if not isinstance(result, dict):
        figures["broadcast_per_s"] = None
        figures["broadcast_note"] = f"benchmarks/broadcast.py failed (exit {proc.returncode})"
        return [f"Broadcast: benchmarks/broadcast.py failed (exit {proc.returncode})"]
    for key, value in result.items():
        figures[key if key.startswith("broadcast") else f"broadcast_{key}"] = value
    return ["Broadcast (benchmarks/broadcast.py): " + ", ".join(
        f"{key} {value}" for key, value in result.items()
    )]


def busy(figures: dict[str, object]) -> list[str]:
    """Answer latency during a 10,000-subscriber broadcast (benchmarks/busy.py, own process)."""
    proc = subprocess.run(
        [sys.executable, str(BUSY_SCRIPT), *BUSY_ARGS],
        cwd=ROOT, capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT_S,
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        figures["busy_answer_p99_s"] = None
        return [f"Answers during a broadcast: benchmarks/busy.py failed (exit {proc.returncode})"]
    result = json.loads(lines[-1])
    figures.update(result)
    return [
        f"Answers during a {result['busy_subscribers']:,}-subscriber broadcast at "
        f"{result['busy_limit_per_s']:.0f}/s, {result['busy_questions_per_s']:.0f} questions/s:",
        f"  answer p50 {result['busy_answer_p50_s']} s, p99 {result['busy_answer_p99_s']} s; "
        f"tips {result['busy_broadcast_rate_per_s']}/s, tips + answers "
        f"{result['busy_total_rate_per_s']}/s",
    ]
