"""English questions (tests/data/english.yaml): answers in English, and language detection.

    python -m benchmarks.english [--misses]

Answers come from the English snapshot (`python -m bot ask --lang en`), per half (`tune`,
`check`; only `tune` may be looked at while improving the bot — `--misses` lists the tune
half's misses only):

- top1 / top3: in-scope questions whose first / any of the first three matches cites an
  expected statement (../shared/eval/score.py's rules);
- refused: out-of-scope questions (small talk, municipal services) the bot declined;
- pointer_first: practical questions whose offered Wegweiser pointer is the labelled one.

Language detection (bot.language.detect, py3langid): over the English set and the German
sets (tests/data/quality.yaml, realistic.yaml), the share detected as their language, the
share left undecided (too short or unclear: the reader's language is used) and the share
detected wrongly — the one that hurts.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import quality
from bot.language import ENGLISH, GERMAN, detect
from bot.matching.matcher import Matcher

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ENGLISH_SET = DATA / "english.yaml"
GERMAN_SETS = (DATA / "quality.yaml", DATA / "realistic.yaml")
# Goals of issue 15 on the check half: (figure, bound).
GOALS = (("top1", 0.85), ("top3", 0.95), ("refused", 0.9))
NAMES = ("top1", "top3", "refused", "pointer_first")

Item = dict[str, object]
Answer = dict[str, object]


def load(path: Path = ENGLISH_SET) -> list[Item]:
    """The labelled questions."""
    return quality.load_dev(path)


def _cites(answer: Answer, expect: set[str], top: int) -> bool:
    matches: list[dict[str, object]] = answer.get("matches") or []  # type: ignore[assignment]
    if not answer.get("answered"):
        return False
    return any(set(m.get("sources") or []) & expect for m in matches[:top])  # type: ignore[call-overload]


def half_figures(items: Sequence[Item], answers: Sequence[Answer]) -> dict[str, float | None]:
    """The four shares for one group of questions (None where no question qualifies)."""
    pairs = list(zip(items, answers, strict=True))
    scoped = [(i, a) for i, a in pairs if i["expect"]]
    return {
        "top1": quality.share([_cites(a, set(i["expect"]), 1) for i, a in scoped]),  # type: ignore[call-overload]
        "top3": quality.share([_cites(a, set(i["expect"]), 3) for i, a in scoped]),  # type: ignore[call-overload]
        "refused": quality.share(
            [not a.get("answered") for i, a in pairs if i.get("group") == "out_of_scope"]
        ),
        "pointer_first": quality.share(
            [a.get("pointer") == i["pointer"] for i, a in pairs if i.get("pointer")]
        ),
    }


def figures(items: Sequence[Item], answers: Sequence[Answer]) -> dict[str, float | None]:
    """Every share per half and over all, as flat keys: top1_tune, ..., refused_all."""
    return quality.per_half(items, answers, half_figures)


def detection(english: Sequence[str], german: Sequence[str]) -> dict[str, float | None]:
    """Right, undecided and wrong shares of language detection per language."""
    result: dict[str, float | None] = {}
    for lang, texts in ((ENGLISH, english), (GERMAN, german)):
        found = [detect(text) for text in texts]
        result[f"detect_{lang}_right"] = quality.share([f == lang for f in found])
        result[f"detect_{lang}_undecided"] = quality.share([f is None for f in found])
        result[f"detect_{lang}_wrong"] = quality.share([f not in (lang, None) for f in found])
    return result


def german_questions() -> list[str]:
    """The questions of the German sets."""
    return [q for path in GERMAN_SETS if path.is_file() for q in quality.questions_of(load(path))]


def report(
    matcher: Matcher, out: dict[str, object], items: Sequence[Item] | None = None
) -> list[str]:
    """The section for benchmarks/run.py; figures go into `out` as english_<name>_<half>."""
    items = load() if items is None else items
    answers = quality.bot_answers(matcher, quality.questions_of(items))
    found = figures(items, answers)
    out.update({f"english_{key}": value for key, value in found.items()})
    rows = quality.half_rows(
        f"English questions ({ENGLISH_SET.name})    ", items, found, NAMES, (15, 13)
    )
    rows.append("English goals (issue 15, check half)")
    for name, bound in GOALS:
        value = found.get(f"{name}_check")
        met = value is not None and value >= bound
        rows.append(f"  {name:<22}{value!s:>7} >= {bound:<5} {'met' if met else 'MISSED'}")
    found_detect = detection(quality.questions_of(items), german_questions())
    out.update(found_detect)
    rows.append("Language detection (py3langid, 3+ words)     right  undecided  wrong")
    for lang, label in ((ENGLISH, "English set"), (GERMAN, "German sets")):
        rows.append(
            f"  {label:<40}{found_detect[f'detect_{lang}_right']!s:>8}"
            f"{found_detect[f'detect_{lang}_undecided']!s:>11}"
            f"{found_detect[f'detect_{lang}_wrong']!s:>7}"
        )
    return rows


def misses(items: Sequence[Item], answers: Sequence[Answer], show: Callable[[str], None]) -> None:
    """The tune half's misses: wrong principle first, answered out-of-scope, wrong pointer."""
    for item, answer in zip(items, answers, strict=True):
        if item["half"] != "tune":
            continue
        expect = set(item["expect"])  # type: ignore[call-overload]
        matches: list[dict[str, object]] = answer.get("matches") or []  # type: ignore[assignment]
        first = matches[0]["id"] if matches else "-"
        if expect and not _cites(answer, expect, 1):
            show(f"want {sorted(expect)} got {answer.get('decision')} {first}: {item['q']}")
        elif item.get("group") == "out_of_scope" and answer.get("answered"):
            show(f"want refusal got {first}: {item['q']}")
        elif item.get("pointer") and answer.get("pointer") != item["pointer"]:
            show(f"want {item['pointer']} got {answer.get('pointer')} / {first}: {item['q']}")


def main() -> int:
    """`python -m benchmarks.english [--misses]`: answers from the English snapshot."""
    return quality.labelled_set_main(
        __doc__ or "",
        ENGLISH_SET,
        lambda m, out, items, _: report(m, out, items),
        misses,
        other_sets=False,
        lang=ENGLISH,
    )


if __name__ == "__main__":
    sys.exit(main())
