"""Fit the confidence models' weights (bot.matching.decision) on tuning data only.

    python -m benchmarks.fit [--lang en]

Data: tests/data/quality.yaml, tests/data/long.yaml and the `tune` halves of
tests/data/realistic.yaml and tests/data/practical.yaml (never a check half, never the
shared dev set). With `--lang en`: the `tune` half of tests/data/english.yaml on the English
snapshot, for ENGLISH_WEIGHTS and ENGLISH_POINTER_WEIGHTS.

- WEIGHTS (principles): one row per question whose best principle outscores the best
  pointer; label 1 when the question is in scope (answering it scores at least in top-3,
  refusing it never does), 0 otherwise;
- POINTER_WEIGHTS: one row per question whose best pointer wins on score; label 1 when it
  is the labelled pointer.

Class-balanced, L2-regularised logistic regression by Newton steps (numpy, from the `bench` extra);
prints both weight tables to paste into bot/matching/decision.py.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

from benchmarks import groups
from bot.config import DEFAULT_CONTENT_DIR
from bot.matching.decision import INTRODUCED_LOGIT, POINTER_WEIGHTS, WEIGHTS
from bot.matching.matcher import Matcher
from bot.matching.normalize import sentences
from bot.matching.practical import asks_practically, pointer_first
from bot.matching.request import request_sentence
from bot.snapshot import build_snapshot

OWN = groups.ROOT / "tests" / "data" / "quality.yaml"
ENGLISH = groups.ROOT / "tests" / "data" / "english.yaml"
NAMES = [name for name in WEIGHTS if name != "bias"]
L2 = 0.3
# English: little data, so the weights are pulled towards the German ones instead of 0 (an
# English question is judged like a German one unless the English tune half says otherwise);
# this strength did best in leave-one-out over the English tune half.
ENGLISH_L2 = 1.0
BALANCE = 0.6

# features, labels, and each row's fixed log-odds offset (INTRODUCED_LOGIT)
Rows = tuple[list[list[float]], list[int], list[float]]


def tuning_items(lang: str = "de") -> list[groups.Item]:
    if lang == "en":
        return [item for item in groups.load(ENGLISH) if item["half"] == "tune"]
    return groups.load(OWN) + [
        item
        for path in (groups.REALISTIC, groups.LONG, groups.PRACTICAL)
        for item in groups.load(path)
        if item["half"] == "tune"
    ]


def rows(matcher: Matcher) -> tuple[Rows, Rows]:
    """(principle rows, pointer rows): signals and labels."""
    principle_rows: Rows = ([], [], [])
    pointer_rows: Rows = ([], [], [])
    for item in tuning_items(matcher.content.lang):
        text = str(item["q"]).replace("\n", " ").strip()
        if matcher.smalltalk.small_talk(text):
            continue
        framed = asks_practically(request_sentence(text))
        principles, pointers = matcher.rank(matcher.terms(text), framed, len(sentences(text)) > 1)
        principle = principles[0] if principles else None
        pointer = pointers[0] if pointers else None
        if pointer and pointer_first(principle, pointer):
            signals = pointer.fit.signals()
            pointer_rows[0].append([signals[n] for n in NAMES])
            right = matcher.pointer_at(pointer.index).id == item.get("pointer")
            pointer_rows[1].append(int(right))
            pointer_rows[2].append(0.0)
        elif principle:
            signals = principle.fit.signals()
            principle_rows[0].append([signals[n] for n in NAMES])
            principle_rows[1].append(int(bool(item["expect"])))
            principle_rows[2].append(INTRODUCED_LOGIT if principle.fit.introduced else 0.0)
    return principle_rows, pointer_rows


def fit(
    features: list[list[float]],
    labels: list[int],
    prior: np.ndarray | None = None,
    offsets: list[float] | None = None,
) -> np.ndarray:
    """Logistic weights (bias first); the L2 penalty pulls them towards `prior` (or 0);
    `offsets`: each row's fixed log-odds offset, not fitted."""
    x = np.hstack([np.ones((len(features), 1)), np.array(features)])
    offset = np.zeros(len(features)) if offsets is None else np.array(offsets)
    y = np.array(labels, dtype=float)
    # Balanced classes: refusing an out-of-scope question matters as much as answering an
    # in-scope one, however many of each the tuning data happens to hold.
    balance = np.where(y == 1, len(y) / (2 * y.sum()), len(y) / (2 * (len(y) - y.sum())))
    balance = balance ** BALANCE
    w = np.zeros(x.shape[1]) if prior is None else prior.copy()
    centre = np.zeros(x.shape[1]) if prior is None else prior
    penalty = L2 * np.diag(np.r_[0, np.ones(len(w) - 1)])
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ w + offset)))
        grad = x.T @ (balance * (p - y)) + penalty @ (w - centre)
        hess = (x * (balance * p * (1 - p))[:, None]).T @ x + penalty
        w -= np.linalg.solve(hess, grad)
    return w


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("de", "en"), default="de")
    args = parser.parse_args()
    matcher = build_snapshot(DEFAULT_CONTENT_DIR).localized(args.lang).matcher
    global L2
    names = ("WEIGHTS", "POINTER_WEIGHTS")
    priors: tuple[np.ndarray | None, ...] = (None, None)
    if args.lang == "en":
        names = ("ENGLISH_WEIGHTS", "ENGLISH_POINTER_WEIGHTS")
        priors = tuple(np.array([w["bias"], *(w[n] for n in NAMES)])
                       for w in (WEIGHTS, POINTER_WEIGHTS))
        L2 = ENGLISH_L2
    for name, (features, labels, offsets), prior in zip(
        names, rows(matcher), priors, strict=True
    ):
        w = fit(features, labels, prior, offsets)
        print(f"# {len(labels)} rows, {sum(labels)} positive")
        print(f"{name}: Mapping[str, float] = {{")
        for key, value in zip(["bias", *NAMES], w, strict=True):
            print(f'    "{key}": {value:.2f},')
        print("}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
