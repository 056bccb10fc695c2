"""Fit the confidence models' weights (bot.matching.decision) on tuning data only.

    python -m benchmarks.fit [--lang en]

Data: tests/data/quality.yaml, tests/data/long.yaml, the `tune` halves of
tests/data/realistic.yaml, tests/data/practical.yaml and tests/data/refusal.yaml, and
tests/data/nearmiss.yaml (tuning data only: near misses that share the content's words, and
in-scope neighbours in the same words) — never a check half, never the shared dev set. With
`--lang en`: the `tune` half of tests/data/english.yaml on the English snapshot, for
ENGLISH_WEIGHTS and ENGLISH_POINTER_WEIGHTS.

- WEIGHTS (principles): one row per question whose best principle outscores the best
  pointer; label 1 when the question is in scope (answering it scores at least in top-3,
  refusing it never does), 0 otherwise;
- POINTER_WEIGHTS: one row per question whose best pointer wins on score; label 1 when it
  is the labelled pointer.

Class-balanced, L2-regularised logistic regression by Newton steps (numpy, from the `bench` extra);
prints both weight tables to paste into bot/matching/decision.py. `--only SIGNAL …` fits only
those signals of the German principle model and holds the bias and the other weights as
shipped: how a new signal is added without a plain refit trading away answers the shipped
weights get right (WEIGHTS' "fact" was fitted so: `--only fact`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence

import numpy as np

from benchmarks import groups
from bot.config import DEFAULT_CONTENT_DIR
from bot.matching.decision import INTRODUCED_LOGIT, POINTER_WEIGHTS, WEIGHTS
from bot.matching.frames import asks_practically
from bot.matching.matcher import Matcher
from bot.matching.normalize import sentences
from bot.matching.practical import pointer_first
from bot.matching.request import request_sentence
from bot.snapshot import build_snapshot

OWN = groups.ROOT / "tests" / "data" / "quality.yaml"
REFUSAL = groups.ROOT / "tests" / "data" / "refusal.yaml"
NEAR_MISSES = groups.ROOT / "tests" / "data" / "nearmiss.yaml"
NO_POINTERS = (REFUSAL, NEAR_MISSES)
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
    return [item for items, _ in tuning_sets(lang) for item in items]


def tuning_sets(lang: str = "de") -> list[tuple[list[groups.Item], bool]]:
    """The tuning items per set, and whether the set labels Wegweiser pointers (the sets
    of out-of-scope messages only say that no principle answers them)."""
    if lang == "en":
        return [([item for item in groups.load(ENGLISH) if item["half"] == "tune"], True)]
    tune = [
        ([item for item in groups.load(path) if item["half"] == "tune"], path not in NO_POINTERS)
        for path in (groups.REALISTIC, groups.LONG, groups.PRACTICAL, REFUSAL, NEAR_MISSES)
    ]
    return [(groups.load(OWN), True), *tune]


def rows(matcher: Matcher) -> tuple[Rows, Rows]:
    """(principle rows, pointer rows): signals and labels."""
    principle_rows: Rows = ([], [], [])
    pointer_rows: Rows = ([], [], [])
    for item, with_pointers in (
        (item, labelled)
        for items, labelled in tuning_sets(matcher.content.lang)
        for item in items
    ):
        text = str(item["q"]).replace("\n", " ").strip()
        if matcher.smalltalk.small_talk(text):
            continue
        request = request_sentence(text)
        framed = asks_practically(request)
        principles, pointers = matcher.rank(
            matcher.terms(text),
            framed,
            len(sentences(text)) > 1,
            *matcher.asked(request),
            predicate=matcher.predicate(request),
        )
        principle = principles[0] if principles else None
        pointer = pointers[0] if pointers else None
        if pointer and pointer_first(principle, pointer):
            if not with_pointers:
                continue
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
    w = np.zeros(x.shape[1]) if prior is None else prior.copy()
    centre = np.zeros(x.shape[1]) if prior is None else prior
    penalty = L2 * np.diag(np.r_[0, np.ones(len(w) - 1)])
    return _newton(x, np.array(labels, dtype=float), w, centre, penalty, offset)


def fit_only(
    features: list[list[float]],
    labels: list[int],
    shipped: Mapping[str, float],
    only: Sequence[str],
    offsets: list[float] | None = None,
) -> np.ndarray:
    """Weights (bias first) with only the signals `only` fitted and the bias and every other
    signal held at `shipped`: a new signal is added to the model without refitting the
    rest (a plain refit can trade answers the shipped weights get right)."""
    x = np.array(features)
    free = [NAMES.index(name) for name in only]
    held = np.array([0.0 if i in free else shipped[n] for i, n in enumerate(NAMES)])
    offset = shipped["bias"] + x @ held
    if offsets is not None:
        offset = offset + np.array(offsets)
    w = _newton(x[:, free], np.array(labels, dtype=float), np.zeros(len(free)),
                np.zeros(len(free)), L2 * np.eye(len(free)), offset)
    result = np.array([shipped["bias"], *(shipped[n] for n in NAMES)])
    result[[i + 1 for i in free]] = w
    return result


def _newton(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, centre: np.ndarray, penalty: np.ndarray,
    offset: np.ndarray,
) -> np.ndarray:
    """Class-balanced, L2-penalised logistic regression by Newton steps; `offset`: each
    row's fixed log-odds offset, not fitted."""
    # Balanced classes: refusing an out-of-scope question matters as much as answering an
    # in-scope one, however many of each the tuning data happens to hold.
    balance = np.where(y == 1, len(y) / (2 * y.sum()), len(y) / (2 * (len(y) - y.sum())))
    balance = balance ** BALANCE
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ w + offset)))
        grad = x.T @ (balance * (p - y)) + penalty @ (w - centre)
        hess = (x * (balance * p * (1 - p))[:, None]).T @ x + penalty
        w = w - np.linalg.solve(hess, grad)
    return w


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("de", "en"), default="de")
    parser.add_argument(
        "--only", nargs="+", choices=NAMES, metavar="SIGNAL",
        help="German principle model: fit only these signals, the rest held as shipped",
    )
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
        if args.only and name == "WEIGHTS":
            w = fit_only(features, labels, WEIGHTS, args.only, offsets)
        else:
            w = fit(features, labels, prior, offsets)
        print(f"# {len(labels)} rows, {sum(labels)} positive")
        print(f"{name}: Mapping[str, float] = {{")
        for key, value in zip(["bias", *NAMES], w, strict=True):
            print(f'    "{key}": {value:.2f},')
        print("}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
