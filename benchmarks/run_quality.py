"""The answer-quality sections of `benchmarks.run`: the dev set (the bot against the naive
fuzzy and BM25 baselines, cross-checked with score.py) and the project's own set, the
realistic messages per group, the practical, public-pages and English sets. Each section
adds its figures to `figures` and returns the lines it prints."""

from __future__ import annotations

import sys
from dataclasses import astuple
from pathlib import Path

from benchmarks import english, groups, practical, public, quality
from bot.config import DEFAULT_CONTENT_DIR
from bot.snapshot import Snapshot, build_snapshot

ROOT = Path(__file__).resolve().parent.parent
OWN_SET = ROOT / "tests" / "data" / "quality.yaml"
SCORE_PY_TOLERANCE = 0.0006


def dev_set(figures: dict[str, object], dev: Path, score_script: Path) -> list[str]:
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
    rows += _own_set(figures, snapshot, systems)
    return ["Answer quality (dev set)       top-1   top-3  refused", *rows]


def _own_set(
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


def realistic(figures: dict[str, object]) -> list[str]:
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


def english_set(figures: dict[str, object]) -> list[str]:
    """The English set (tune and check halves, goals of issue 15) and language detection."""
    snapshot = build_snapshot(DEFAULT_CONTENT_DIR).localized("en")
    return english.report(snapshot.matcher, figures)


def practical_set(figures: dict[str, object]) -> list[str]:
    """The practical set, tune and check halves, with the goals of issue 14."""
    return practical.report(build_snapshot(DEFAULT_CONTENT_DIR).matcher, figures)


def public_set(figures: dict[str, object]) -> list[str]:
    """The questions from public pages, tune and check halves, BM25 beside."""
    return public.report(build_snapshot(DEFAULT_CONTENT_DIR).matcher, figures)
