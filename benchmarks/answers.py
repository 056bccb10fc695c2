"""Every answer the matcher gives to every eval question, for byte-for-byte comparison.

    python -m benchmarks.answers record FILE [SIZE]
    python -m benchmarks.answers compare FILE_A FILE_B

`record` writes one JSON line per question: the `bot ask --json --top 3` form plus what it
rounds or leaves out (unrounded confidence, the decision signals, the pointer's score and
confidence, the reply key). Questions: all of tests/data/*.yaml and the dev set (German
snapshot), tests/data/english.yaml also with the English one, and the synthetic queries
against the shipped content and against a synthetic corpus of SIZE entries (default
10,000). A speed-up must leave the file unchanged; `compare` prints how many lines differ
(not which: the check halves are not to be read).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from bot.cli import result_json
from bot.matching import Matcher
from bot.matching.decision import SearchResult

ROOT = Path(__file__).resolve().parent.parent
DEV = Path("/work/shared/eval/dev.yaml")
DEFAULT_SIZE = 10_000


def answer_line(label: str, result: SearchResult) -> str:
    """One result as a JSON line, with everything the CLI form rounds or leaves out."""
    form = result_json(result)
    form["set"] = label
    form["confidence_exact"] = result.confidence
    form["scores"] = [m.score for m in result.matches]
    form["signals"] = dict(sorted(result.signals.items())) if result.signals else None
    form["pointer_exact"] = (
        [result.pointer.score, result.pointer.confidence] if result.pointer else None
    )
    form["reply"] = repr(result.reply)
    return json.dumps(form, ensure_ascii=False, sort_keys=True)


def question_sets() -> Iterator[tuple[str, list[str]]]:
    """(label, questions) of every labelled set."""
    from benchmarks.quality import load_dev, questions_of

    paths = sorted((ROOT / "tests" / "data").glob("*.yaml"))
    if DEV.exists():
        paths.append(DEV)
    for path in paths:
        yield path.name, questions_of(load_dev(path))


def records(size: int) -> Iterator[str]:
    """All answer lines."""
    from benchmarks.corpus import synthetic_content, synthetic_queries
    from bot.config import DEFAULT_CONTENT_DIR
    from bot.snapshot import build_snapshot

    snapshot = build_snapshot(DEFAULT_CONTENT_DIR)
    english = snapshot.localized("en")
    for label, questions in question_sets():
        for question in questions:
            yield answer_line(label, snapshot.matcher.search(question, top=3))
        if label == "english.yaml":
            for question in questions:
                yield answer_line("en:" + label, english.matcher.search(question, top=3))
    queries = synthetic_queries(snapshot.content)
    for question in queries:
        yield answer_line("synthetic", snapshot.matcher.search(question, top=3))
    if size:
        dev = [q for _, qs in question_sets() if _ == DEV.name for q in qs]
        matcher = Matcher(synthetic_content(snapshot.content, size))
        for question in dev + queries:
            yield answer_line(f"synthetic-{size}", matcher.search(question, top=3))


def compare(first: Path, second: Path) -> int:
    """Print how many lines differ; 0 (exit status) when none."""
    a = first.read_text(encoding="utf-8").splitlines()
    b = second.read_text(encoding="utf-8").splitlines()
    differ = sum(x != y for x, y in zip(a, b, strict=False)) + abs(len(a) - len(b))
    print(f"{len(a)} / {len(b)} lines, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    if sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    size = int(sys.argv[3]) if len(sys.argv) > 3 else DEFAULT_SIZE
    with Path(sys.argv[2]).open("w", encoding="utf-8") as out:
        for line in records(size):
            out.write(line + "\n")
