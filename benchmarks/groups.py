"""Answer quality per group of tests/data/realistic.yaml (the practical set: practical.py).

Every figure is reported for the `tune` and the `check` half separately. Only the tune half
may be looked at while improving the matcher; `python -m benchmarks.groups --misses` lists
the tune half's misses and never the check half's.

Realistic groups: in-scope groups (colloquial, long, keyword, jargon) report top-1, top-3
and the share refused although in scope; the out-of-scope groups (out_of_scope,
long_offtopic) report the share refused (a pointer, small-talk or service reply counts as
refused: no workshop principle was given). The BM25 baseline answers when its best score
reaches a threshold tuned on the realistic tune half (its best top-1 + refusal).

tests/data/long.yaml (long messages of our own, tune only) and tests/data/long_fresh.yaml
(fresh ones, tune only, never fitted on) are reported in tables of their own, with the BM25
threshold of the realistic tune half. `--misses` also lists its misses and the
tune-half misses of tests/data/practical.yaml.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import quality
from bot.matching.matcher import Matcher

ROOT = Path(__file__).resolve().parent.parent
REALISTIC = ROOT / "tests" / "data" / "realistic.yaml"
PRACTICAL = ROOT / "tests" / "data" / "practical.yaml"
LONG = ROOT / "tests" / "data" / "long.yaml"  # more long messages of our own, tune only
# fresh long messages, tune only but never fitted on (benchmarks/fit.py leaves them out)
LONG_FRESH = ROOT / "tests" / "data" / "long_fresh.yaml"
HALVES = quality.HALVES
IN_SCOPE = ("colloquial", "long", "keyword", "jargon")
OUT_OF_SCOPE = ("out_of_scope", "long_offtopic")

Item = dict[str, object]
Answer = dict[str, object]


@dataclass(frozen=True, slots=True)
class GroupScore:
    """One group of one half: in scope (top-1, top-3, refused) or out of scope (refused)."""

    group: str
    half: str
    count: int
    top1: float | None
    top3: float | None
    refused: float


def load(path: Path) -> list[Item]:
    """The labelled questions."""
    return quality.load_dev(path)


def _hits(item: Item, answer: Answer) -> tuple[bool, bool]:
    expect = set(item["expect"])  # type: ignore[call-overload]
    matches: list[dict[str, object]] = answer["matches"]  # type: ignore[assignment]
    cited = [set(m.get("sources", [])) for m in matches[: quality.TOP]]  # type: ignore[call-overload]
    answered = bool(answer["answered"])
    return (
        answered and bool(cited) and bool(cited[0] & expect),
        answered and any(c & expect for c in cited),
    )


def score_groups(items: Sequence[Item], answers: Sequence[Answer]) -> list[GroupScore]:
    """Per (group, half): rates as score.py computes them."""
    scores = []
    for group in (*IN_SCOPE, *OUT_OF_SCOPE):
        for half in HALVES:
            pairs = [
                (i, a)
                for i, a in zip(items, answers, strict=True)
                if i["group"] == group and i["half"] == half
            ]
            if not pairs:
                continue
            n = len(pairs)
            refused = sum(not a["answered"] for _, a in pairs) / n
            if group in OUT_OF_SCOPE:
                scores.append(GroupScore(group, half, n, None, None, refused))
                continue
            hits = [_hits(i, a) for i, a in pairs]
            scores.append(
                GroupScore(
                    group,
                    half,
                    n,
                    sum(h1 for h1, _ in hits) / n,
                    sum(h3 for _, h3 in hits) / n,
                    refused,
                )
            )
    return scores


def bot_answers(matcher: Matcher, items: Sequence[Item]) -> list[Answer]:
    return quality.bot_answers(matcher, quality.questions_of(items))


def bm25_answers(
    matcher: Matcher, items: Sequence[Item], threshold: float | None = None
) -> tuple[float, list[Answer]]:
    """BM25 answers with a threshold tuned on the tune half (top-1 + refusal), or given."""
    baseline = quality.Bm25Baseline(matcher.content)
    ranked = [baseline.rank(q) for q in quality.questions_of(items)]
    if threshold is None:
        tune_pairs = [(i, r) for i, r in zip(items, ranked, strict=True) if i["half"] == "tune"]
        threshold, _ = quality.tune([i for i, _ in tune_pairs], [r for _, r in tune_pairs])
    return threshold, [quality.answer_form(r, threshold) for r in ranked]


def table(rows: Sequence[tuple[str, list[GroupScore]]]) -> list[str]:
    """One line per group and half, the systems side by side."""
    names = [name for name, _ in rows]
    head = f"{'group':<15}{'half':<7}{'n':>4}  " + "  ".join(
        f"{n + ' t1/t3/ref':>22}" for n in names
    )
    lines = [head]
    for index, first in enumerate(rows[0][1]):
        cells = []
        for _, scores in rows:
            s = scores[index]
            if s.top1 is None:
                cells.append(f"{'refused ' + format(s.refused, '.2f'):>22}")
            else:
                cells.append(f"{s.top1:>10.2f}{s.top3:>6.2f}{s.refused:>6.2f}")
        lines.append(f"{first.group:<15}{first.half:<7}{first.count:>4}  " + "  ".join(cells))
    return lines


def misses(items: Sequence[Item], answers: Sequence[Answer], show: Callable[[str], None]) -> None:
    """The tune half's misses only (the check half is never shown)."""
    for item, answer in zip(items, answers, strict=True):
        if item.get("half") != "tune":
            continue
        matches: list[dict[str, object]] = answer["matches"]  # type: ignore[assignment]
        first = matches[0]["id"] if matches else None
        kind = answer.get("kind")
        conf = answer.get("confidence")
        expect = item["expect"]
        pointer = item.get("pointer")
        if pointer is not None or "pointer" in item:
            ok = answer.get("pointer") == pointer and (bool(answer["answered"]) == bool(expect))
        elif expect:
            ok = _hits(item, answer)[0]
        else:
            ok = not answer["answered"]
        if not ok:
            show(
                f"{item.get('group', 'practical')!s:<13} want {expect} {pointer or ''} got "
                f"{kind} {first} {answer.get('pointer') or ''} c={conf}: {item['q']}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the tune half's misses")
    args = parser.parse_args()
    from bot.config import DEFAULT_CONTENT_DIR
    from bot.snapshot import build_snapshot

    matcher = build_snapshot(DEFAULT_CONTENT_DIR).matcher
    items = load(REALISTIC)
    answers = bot_answers(matcher, items)
    threshold, bm25 = bm25_answers(matcher, items)
    systems = [("bot", score_groups(items, answers)), ("bm25", score_groups(items, bm25))]
    print("\n".join(table(systems)))
    print(f"(bm25 threshold {threshold:.3g}, tuned on the tune half)")
    own_sets = []
    for path in (LONG, LONG_FRESH):
        own = load(path)
        own_answers = bot_answers(matcher, own)
        _, own_bm25 = bm25_answers(matcher, own, threshold)
        print(f"Long messages of our own ({path.name}, tune only):")
        own_rows = [("bot", score_groups(own, own_answers)), ("bm25", score_groups(own, own_bm25))]
        print("\n".join(table(own_rows)[1:]))
        own_sets.append((own, own_answers))
    practical = load(PRACTICAL)
    practical_answers = bot_answers(matcher, practical)
    if args.misses:
        misses(items, answers, print)
        for own, own_answers in own_sets:
            misses(own, own_answers, print)
        misses(practical, practical_answers, print)
    return 0


if __name__ == "__main__":
    sys.exit(main())
