"""Matcher latency per question, time to load and index, peak memory.

`python -m benchmarks.latency SIZE DEV_YAML [ROUNDS]` measures one synthetic corpus of SIZE
entries (0: the shipped content, loaded from YAML) in a fresh process, so that its peak RSS
is its own, and prints one JSON object. Queries: the dev questions plus 200 synthetic ones.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bot.matching import Matcher

WARM_UP_ROUNDS = 1
LOAD_REPEATS = 3  # medians: the machine is shared


def percentile(samples: Sequence[float], share: float) -> float:
    """Nearest-rank percentile of unsorted samples."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def search_times_ms(matcher: Matcher, queries: Sequence[str], rounds: int) -> list[float]:
    """Each question's median search time (ms) over `rounds` timed runs.

    A warm-up round first (caches as in a running bot). Taking each question's median
    keeps a noisy, shared machine from deciding the p99: the percentiles then describe
    questions, not scheduler hiccups.
    """
    for _ in range(WARM_UP_ROUNDS):
        for query in queries:
            matcher.search(query)
    samples: list[list[float]] = [[] for _ in queries]
    clock = time.perf_counter
    for _ in range(rounds):
        for times, query in zip(samples, queries, strict=True):
            start = clock()
            matcher.search(query)
            times.append((clock() - start) * 1000)
    return [statistics.median(times) for times in samples]


def summary(samples: Sequence[float]) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(samples), 3),
        "p99_ms": round(percentile(samples, 0.99), 3),
    }


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB.

    Linux's VmHWM belongs to this program's memory; `ru_maxrss` would also count the parent
    the subprocess was forked from (it survives exec), so it is only the fallback.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def measure_shipped(dev: Path, rounds: int) -> dict[str, float]:
    """Load and index the shipped content, time the dev + synthetic queries."""
    from benchmarks.corpus import synthetic_queries
    from benchmarks.quality import load_dev, questions_of
    from bot.config import DEFAULT_CONTENT_DIR
    from bot.snapshot import build_snapshot

    rss_before = peak_rss_mb()
    start = time.perf_counter()
    snapshot = build_snapshot(DEFAULT_CONTENT_DIR)
    loaded = time.perf_counter() - start
    queries = questions_of(load_dev(dev)) + synthetic_queries(snapshot.content)
    times = search_times_ms(snapshot.matcher, queries, rounds)
    return {
        "entries": len(snapshot.content.entries),
        "queries": len(times),
        **summary(times),
        "load_s": round(loaded, 3),
        "rss_start_mb": rss_before,
        "rss_mb": peak_rss_mb(),
    }


def measure_synthetic(size: int, dev: Path, rounds: int) -> dict[str, float]:
    """Build a SIZE-entry corpus, index it and time the dev + synthetic queries."""
    from benchmarks.corpus import synthetic_content, synthetic_queries
    from benchmarks.quality import load_dev, questions_of
    from bot.config import DEFAULT_CONTENT_DIR
    from bot.content import load_content

    base = load_content(DEFAULT_CONTENT_DIR)
    queries = questions_of(load_dev(dev)) + synthetic_queries(base)
    rss_before = peak_rss_mb()
    builds, indexes, cpu = [], [], []
    matcher = content = None
    for _ in range(LOAD_REPEATS):
        # free the previous index and its content first: peak RSS is that of one index
        matcher = content = None
        start, start_cpu = time.perf_counter(), time.process_time()
        content = synthetic_content(base, size)
        built = time.perf_counter()
        matcher = Matcher(content)
        indexed = time.perf_counter()
        builds.append(built - start)
        indexes.append(indexed - built)
        cpu.append(time.process_time() - start_cpu)
    assert matcher is not None
    rss_indexed = peak_rss_mb()
    times = search_times_ms(matcher, queries, rounds)
    build, index = statistics.median(builds), statistics.median(indexes)
    return {
        "entries": size,
        "queries": len(times),
        **summary(times),
        "build_s": round(build, 3),
        "index_s": round(index, 3),
        "load_s": round(build + index, 3),
        "load_cpu_s": round(statistics.median(cpu), 3),
        "rss_start_mb": rss_before,
        "rss_indexed_mb": rss_indexed,
        "rss_mb": peak_rss_mb(),
    }


if __name__ == "__main__":
    size, dev_path = int(sys.argv[1]), Path(sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    if size:
        result = measure_synthetic(size, dev_path, rounds)
    else:
        result = measure_shipped(dev_path, rounds)
    print(json.dumps(result))
