"""Out-of-scope messages by class (tests/data/refusal.yaml): how many get no principle.

    python -m benchmarks.refusal [--misses]

The set was written per class (small talk, everyday municipal services, private matters,
near misses that share words with the content), independently of tests/data/realistic.yaml.
Per class and half it prints the share refused (no workshop principle given) and the share
that got the class's own reply (a small-talk reply for small talk, the Bürgeramt reply for
a service request, the private-matter reply for a private one). `--misses` lists the tune
half's misses only; the check half is for measuring, not for looking.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks import quality
from bot.matching import KIND_SERVICE, KIND_SMALLTALK, SearchResult
from bot.matching.matcher import Matcher

ROOT = Path(__file__).resolve().parent.parent
REFUSAL = ROOT / "tests" / "data" / "refusal.yaml"
HALVES = quality.HALVES
OWN_REPLY = {"smalltalk": (KIND_SMALLTALK, None), "service": (KIND_SERVICE, "service")}


def own_reply(group: str, result: SearchResult) -> bool:
    """True when the message got the reply of its class (not just any refusal)."""
    if group == "private":
        return result.reply == "private"
    kind, reply = OWN_REPLY.get(group, ("", None))
    return result.kind == kind and (reply is None or result.reply == reply)


def table(items: Sequence[dict[str, object]], results: Sequence[SearchResult]) -> list[str]:
    """One line per class and half: count, share refused, share with the class's reply."""
    lines = [f"{'class':<12}{'half':<7}{'n':>4}{'refused':>9}{'own reply':>11}"]
    groups = list(dict.fromkeys(str(item["group"]) for item in items))
    for group in groups:
        for half in HALVES:
            pairs = [
                (str(i["group"]), r)
                for i, r in zip(items, results, strict=True)
                if i["group"] == group and i["half"] == half
            ]
            if not pairs:
                continue
            refused = sum(not r.answered for _, r in pairs) / len(pairs)
            own = sum(own_reply(g, r) for g, r in pairs) / len(pairs)
            lines.append(f"{group:<12}{half:<7}{len(pairs):>4}{refused:>9.2f}{own:>11.2f}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the tune half's misses")
    args = parser.parse_args()
    from bot.config import DEFAULT_CONTENT_DIR
    from bot.snapshot import build_snapshot

    matcher: Matcher = build_snapshot(DEFAULT_CONTENT_DIR).matcher
    items = quality.load_dev(REFUSAL)
    results = [matcher.search(str(item["q"])) for item in items]
    print("\n".join(table(items, results)))
    if args.misses:
        for item, result in zip(items, results, strict=True):
            if item["half"] == "tune" and result.answered:
                best = result.best.entry.id if result.best else None
                print(f"{item['group']!s:<11} got {best} c={result.confidence:.2f}: {item['q']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
