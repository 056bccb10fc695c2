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
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import e2e, inbox, run_quality, run_speed  # noqa: E402

DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev.yaml"
GOALS = {
    "p99_ms_shipped": 1.0,
    "p99_ms_10k": 20.0,
    "load_s_10k": 2.0,
    "rss_mb": 120.0,
    "inbox_store_p50_ms": inbox.GOAL_ADDED_P50_MS,
}


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="dev set (YAML)")
    parser.add_argument(
        "--score", type=Path, help="score.py to cross-check with (default: beside --dev)"
    )
    parser.add_argument("--updates", type=int, default=e2e.UPDATES, help="end-to-end burst size")
    return parser.parse_args()


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
        run_quality.dev_set(figures, dev, score_script),
        run_quality.realistic(figures),
        run_speed.latency(figures, dev),
        run_speed.end_to_end(figures, dev, args.updates),
        run_speed.inbox_store(figures),
        run_speed.broadcast(figures),
        run_speed.busy(figures),
        run_quality.practical_set(figures),
        run_quality.public_set(figures),
        run_quality.english_set(figures),
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
