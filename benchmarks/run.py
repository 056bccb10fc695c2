"""Run every benchmark and print a table; the last line is one flat JSON object.

    python benchmarks/run.py [--dev ../shared/eval/dev.yaml] [--score ../shared/eval/score.py]

Quality (the bot's matcher vs naive fuzzy vs BM25 on the dev set; per group of
tests/data/realistic.yaml, tune and check half, bot vs BM25), matcher latency on the
shipped content and on synthetic 1,000/10,000-entry corpora (each measured in its own
process), load + index time, peak RSS, end-to-end throughput of the real Application
against the fake Bot API server, the daily-tip broadcast, the English questions
(benchmarks/english.py, with language detection), the practical questions
(benchmarks/practical.py: right Wegweiser pointer first, no principle for a practical
question) and the questions from public pages (benchmarks/public.py, the review proxy of
issue 14: no principle for what the workshop does not cover, in-scope top-1, BM25 beside).
Takes about a minute on 2 cores. Nothing is asserted: these are measurements.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import time
from dataclasses import astuple
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import e2e, english, groups, inbox, practical, public, quality  # noqa: E402
from bot.config import DEFAULT_CONTENT_DIR  # noqa: E402
from bot.snapshot import Snapshot, build_snapshot  # noqa: E402

DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev.yaml"
# label: (entries, 0 = shipped content; rounds over the 246 queries)
LATENCY_RUNS = {"shipped": (0, 20), "1k": (1000, 5), "10k": (10000, 3)}
BROADCAST_SCRIPT = ROOT / "benchmarks" / "broadcast.py"
BUSY_SCRIPT = ROOT / "benchmarks" / "busy.py"
BUSY_ARGS = ("--subscribers", "10000", "--limit", "25", "--seconds", "15")
SUBPROCESS_TIMEOUT_S = 240
SCORE_PY_TOLERANCE = 0.0006
GOALS = {
    "p99_ms_shipped": 1.0,
    "p99_ms_10k": 20.0,
    "load_s_10k": 2.0,
    "rss_mb": 120.0,
    "inbox_store_p50_ms": inbox.GOAL_ADDED_P50_MS,
}


OWN_SET = ROOT / "tests" / "data" / "quality.yaml"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="dev set (YAML)")
    parser.add_argument(
        "--score", type=Path, help="score.py to cross-check with (default: beside --dev)"
    )
    parser.add_argument("--updates", type=int, default=e2e.UPDATES, help="end-to-end burst size")
    return parser.parse_args()


def _quality(figures: dict[str, object], dev: Path, score_script: Path) -> list[str]:
    """Scores of the bot and both baselines; checked against score.py itself."""
    snapshot = build_snapshot(DEFAULT_CONTENT_DIR)
    items = quality.load_dev(dev)
    questions = quality.questions_of(items)
    rows = []
    bot = quality.score(items, quality.bot_answers(snapshot.matcher, questions))
    # name → (dev-set score, threshold tuned on dev or None for the bot, score.py command)
    systems: dict[str, tuple[quality.Score, float | None, str]] = {
        "bot": (bot, None, f"{sys.executable} -m bot ask --json --top 3")
    }
    for name, make in quality.BASELINES.items():
        baseline = make(snapshot.content)
        tuned, tuned_score = quality.tune(items, [baseline.rank(q) for q in questions])
        figures[f"{name}_threshold"] = round(tuned, 3)
        command = f"{sys.executable} -m benchmarks.quality {name} {tuned!r}"
        systems[name] = (tuned_score, tuned, command)
    for name, (result, threshold, command) in systems.items():
        figures[f"{name}_top1"] = round(result.top1, 3)
        figures[f"{name}_top3"] = round(result.top3, 3)
        figures[f"{name}_refused"] = round(result.refused, 3)
        check: quality.Score | None = None
        if score_script.is_file():
            check = quality.crosscheck(ROOT, score_script, dev, command)
        agrees = check is not None and all(  # score.py prints three decimals
            abs(mine - theirs) < SCORE_PY_TOLERANCE
            for mine, theirs in zip(astuple(result), astuple(check), strict=True)
        )
        figures[f"{name}_scorepy_agrees"] = agrees if check is not None else None
        label = name if threshold is None else f"{name} (threshold {threshold:.3g})"
        rows.append(
            f"{label:<28}{result.top1:>8.3f}{result.top3:>8.3f}{result.refused:>9.3f}"
            f"   score.py {'agrees' if agrees else 'DIFFERS' if check else 'not run'}"
        )
    figures["dev_questions"] = len(items)
    rows += _generalisation(figures, snapshot, systems)
    return ["Answer quality (dev set)       top-1   top-3  refused", *rows]


def _generalisation(
    figures: dict[str, object],
    snapshot: Snapshot,
    systems: dict[str, tuple[quality.Score, float | None, str]],
) -> list[str]:
    """The same systems, thresholds as tuned on the dev set, on the project's own set."""
    items = quality.load_dev(OWN_SET)
    questions = quality.questions_of(items)
    rows = ["", f"Own question set ({OWN_SET.name}, {len(items)} questions, dev thresholds)"]
    for name, (_, threshold, _) in systems.items():
        if threshold is None:
            answers = quality.bot_answers(snapshot.matcher, questions)
        else:
            baseline = quality.BASELINES[name](snapshot.content)
            answers = [quality.answer_form(baseline.rank(q), threshold) for q in questions]
        result = quality.score(items, answers)
        figures[f"{name}_own_top1"] = round(result.top1, 3)
        figures[f"{name}_own_top3"] = round(result.top3, 3)
        figures[f"{name}_own_refused"] = round(result.refused, 3)
        rows.append(f"{name:<28}{result.top1:>8.3f}{result.top3:>8.3f}{result.refused:>9.3f}")
    return rows


def _groups(figures: dict[str, object]) -> list[str]:
    """Realistic messages per group, tune and check half, the bot against BM25."""
    matcher = build_snapshot(DEFAULT_CONTENT_DIR).matcher
    items = groups.load(groups.REALISTIC)
    bot = groups.score_groups(items, groups.bot_answers(matcher, items))
    threshold, bm25_answers = groups.bm25_answers(matcher, items)
    bm25 = groups.score_groups(items, bm25_answers)
    for system, scores in (("bot", bot), ("bm25", bm25)):
        for s in scores:
            key = f"{system}_{s.group}_{s.half}"
            if s.top1 is not None:
                figures[f"{key}_top1"] = round(s.top1, 3)
                figures[f"{key}_top3"] = round(s.top3 or 0.0, 3)
            figures[f"{key}_refused"] = round(s.refused, 3)
    return [
        f"Realistic messages ({groups.REALISTIC.name}; BM25 threshold {threshold:.3g} "
        "tuned on the tune half)",
        *groups.table([("bot", bot), ("bm25", bm25)]),
    ]


def _latency(figures: dict[str, object], dev: Path) -> list[str]:
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


def _end_to_end(figures: dict[str, object], dev: Path, updates: int) -> list[str]:
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


def _inbox(figures: dict[str, object]) -> list[str]:
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


def _broadcast(figures: dict[str, object]) -> list[str]:
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


def _busy(figures: dict[str, object]) -> list[str]:
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


def _english(figures: dict[str, object]) -> list[str]:
    """The English set (tune and check halves, goals of issue 15) and language detection."""
    snapshot = build_snapshot(DEFAULT_CONTENT_DIR).localized("en")
    return english.report(snapshot.matcher, figures)


def _practical(figures: dict[str, object]) -> list[str]:
    """The practical set, tune and check halves, with the goals of issue 14."""
    return practical.report(build_snapshot(DEFAULT_CONTENT_DIR).matcher, figures)


def _public(figures: dict[str, object]) -> list[str]:
    """The questions from public pages, tune and check halves, BM25 beside."""
    return public.report(build_snapshot(DEFAULT_CONTENT_DIR).matcher, figures)


def _goals(figures: dict[str, object]) -> list[str]:
    rows = ["Goals"]
    for key, limit in GOALS.items():
        value = figures[key]
        met = isinstance(value, int | float) and value <= limit
        rows.append(f"  {key:<16}{value:>9} <= {limit:<6} {'met' if met else 'MISSED'}")
    per_s = figures["e2e_per_s"]
    met = isinstance(per_s, int | float) and per_s >= e2e.GOAL_PER_S
    verdict = "met" if met else "MISSED"
    rows.append(f"  {'e2e_per_s':<16}{per_s:>9} >= {e2e.GOAL_PER_S:<6} {verdict}")
    return rows


def main() -> int:
    args = _arguments()
    dev = args.dev.resolve()
    score_script = (args.score or dev.parent / "score.py").resolve()
    figures: dict[str, object] = {}
    started = time.perf_counter()
    sections = [
        _quality(figures, dev, score_script),
        _groups(figures),
        _latency(figures, dev),
        _end_to_end(figures, dev, args.updates),
        _inbox(figures),
        _broadcast(figures),
        _busy(figures),
        _practical(figures),
        _public(figures),
        _english(figures),
    ]
    sections.append(_goals(figures))
    figures["bench_s"] = round(time.perf_counter() - started, 1)
    for lines in sections:
        print("\n".join(lines), end="\n\n")
    print(f"Total {figures['bench_s']} s")
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
