"""Practical questions (tests/data/practical.yaml): does the bot point the way?

    python -m benchmarks.practical [--misses]

Each question is labelled with the Wegweiser pointer it belongs to (or none) and the
workshop statements a good answer may also draw on (most have none). Reported per half
(`tune`, `check`; only `tune` may be looked at while improving the bot — `--misses` lists
the tune half's misses only):

- pointer_first: questions with a pointer label whose offered pointer is that one;
- principle_given: questions that expect no workshop statement but got a principle as the
  answer (`answered` in the `ask --json` contract) — the failure issue 14 is about;
- mixed_top1: questions that touch both, whose first principle cites an expected statement;
- none_quiet: questions about neither (Mietrecht, Gewerbeanmeldung) that got neither a
  principle nor a pointer.

Answers are taken in the `python -m bot ask --json` form (`bot.cli.result_json`), so the
figures mean what ../shared/eval/score.py would count.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import quality
from bot.matching.matcher import Matcher

ROOT = Path(__file__).resolve().parent.parent
PRACTICAL = ROOT / "tests" / "data" / "practical.yaml"
# Goals of issue 14 on the practical set: (figure, bound, "min" or "max").
GOALS = (("pointer_first", 0.85, "min"), ("principle_given", 0.05, "max"))

Item = dict[str, object]
Answer = dict[str, object]


def load(path: Path = PRACTICAL) -> list[Item]:
    """The labelled questions."""
    return quality.load_dev(path)


def _top1(item: Item, answer: Answer) -> bool:
    matches: list[dict[str, object]] = answer.get("matches") or []  # type: ignore[assignment]
    if not answer.get("answered") or not matches:
        return False
    expect = set(item["expect"])  # type: ignore[call-overload]
    return bool(set(matches[0].get("sources") or []) & expect)  # type: ignore[call-overload]


def half_figures(items: Sequence[Item], answers: Sequence[Answer]) -> dict[str, float | None]:
    """The four shares for one group of questions (None where no question qualifies)."""
    pairs = list(zip(items, answers, strict=True))
    return {
        "pointer_first": quality.share(
            [a.get("pointer") == i["pointer"] for i, a in pairs if i.get("pointer")]
        ),
        "principle_given": quality.share(
            [bool(a.get("answered")) for i, a in pairs if not i["expect"]]
        ),
        "mixed_top1": quality.share([_top1(i, a) for i, a in pairs if i["expect"]]),
        "none_quiet": quality.share(
            [
                not a.get("answered") and not a.get("pointer")
                for i, a in pairs
                if not i.get("pointer") and not i["expect"]
            ]
        ),
    }


def figures(items: Sequence[Item], answers: Sequence[Answer]) -> dict[str, float | None]:
    """Every share per half and over all, as flat keys: pointer_first_tune, ..._all."""
    return quality.per_half(items, answers, half_figures)


def goal_rows(found: dict[str, float | None]) -> list[str]:
    """One line per goal, judged on the check half (the tune half was looked at)."""
    rows = []
    for name, bound, way in GOALS:
        value = found.get(f"{name}_check")
        met = value is not None and (value >= bound if way == "min" else value <= bound)
        sign = ">=" if way == "min" else "<="
        rows.append(
            f"  {name + ' (check)':<24}{value!s:>7} {sign} {bound:<5} {'met' if met else 'MISSED'}"
        )
    return rows


def report(
    matcher: Matcher, out: dict[str, object], items: Sequence[Item] | None = None
) -> list[str]:
    """The section for benchmarks/run.py; figures go into `out` as practical_<name>_<half>."""
    items = load() if items is None else items
    answers = quality.bot_answers(matcher, quality.questions_of(items))
    found = figures(items, answers)
    out.update({f"practical_{key}": value for key, value in found.items()})
    names = ("pointer_first", "principle_given", "mixed_top1", "none_quiet")
    rows = quality.half_rows(
        f"Practical questions ({PRACTICAL.name})   ", items, found, names, (17, 12)
    )
    return [*rows, "Practical goals (issue 14)", *goal_rows(found)]


def misses(items: Sequence[Item], answers: Sequence[Answer], show: Callable[[str], None]) -> None:
    """The tune half's misses (wrong or no pointer, or a principle where none fits)."""
    for item, answer in zip(items, answers, strict=True):
        if item["half"] != "tune":
            continue
        wrong_pointer = item.get("pointer") and answer.get("pointer") != item["pointer"]
        stray = not item["expect"] and answer.get("answered")
        if wrong_pointer or stray:
            matches: list[dict[str, object]] = answer.get("matches") or []  # type: ignore[assignment]
            first = matches[0]["id"] if matches and answer.get("answered") else "-"
            show(
                f"want {item.get('pointer')} got {answer.get('kind')} "
                f"{answer.get('pointer')} / {first}: {item['q']}"
            )


def main() -> int:
    """`python -m benchmarks.practical [--misses] [PATH]` (PATH: practical_fresh.yaml …)."""
    return quality.labelled_set_main(
        __doc__ or "", PRACTICAL, lambda m, out, items, _: report(m, out, items), misses
    )


if __name__ == "__main__":
    sys.exit(main())
