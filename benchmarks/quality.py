"""Answer quality on the dev set: the bot's matcher against two baselines.

Every system produces, per question, the answer form of `python -m bot ask --json`
(`answered` plus ranked matches with `sources`), and `score` applies the rules of
`../shared/eval/score.py` to it. `crosscheck` runs score.py itself with `--cmd` on each
system, so the two can never silently disagree.

Baselines, as a developer would build them without this project:
- fuzzy: `rapidfuzz.process.extract` (WRatio, `utils.default_process`) over each entry's raw
  title + summary;
- bm25: `bm25s` over title + summary + questions + keywords, PyStemmer's German stemmer and
  German stop words.
Both answer when their best score reaches a threshold, tuned on the dev set itself (an
advantage the bot's matcher does not get): the one with the best top-1 + refusal rate.

`python -m benchmarks.quality fuzzy|bm25 THRESHOLD` answers stdin like `python -m bot ask`.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process, utils

from bot.cli import result_json
from bot.content import Content, Entry
from bot.matching import Matcher

TOP = 3
SCORE_LINE = re.compile(r"top1 ([\d.]+) .*top3 ([\d.]+) .*refused ([\d.]+)")

Answer = dict[str, object]
Item = dict[str, object]
HALVES = ("tune", "check")  # the labelled sets' halves: tuned on, and only ever scored


@dataclass(frozen=True, slots=True)
class Score:
    """Rates as score.py computes them."""

    top1: float
    top3: float
    refused: float


@dataclass(frozen=True, slots=True)
class Ranked:
    """A baseline's ranking of one question: (entry, score) best first."""

    question: str
    matches: tuple[tuple[Entry, float], ...]


def load_dev(path: Path) -> list[dict[str, object]]:
    """The question items of a labelled set (dev, realistic, practical, English)."""
    with open(path, encoding="utf-8") as file:
        items: list[dict[str, object]] = yaml.safe_load(file)["questions"]
    return items


def share(hits: Sequence[bool]) -> float | None:
    """The share of true values, rounded; None for an empty group."""
    return round(sum(hits) / len(hits), 3) if hits else None


def per_half(
    items: Sequence[Item],
    answers: Sequence[Answer],
    half_figures: Callable[[Sequence[Item], Sequence[Answer]], dict[str, float | None]],
) -> dict[str, float | None]:
    """`half_figures` for each half and over all, as flat keys: <name>_tune, …, <name>_all."""
    result: dict[str, float | None] = {}
    for half in (*HALVES, "all"):
        chosen = [
            (i, a) for i, a in zip(items, answers, strict=True) if half in ("all", i["half"])
        ]
        shares = half_figures([i for i, _ in chosen], [a for _, a in chosen])
        result.update({f"{name}_{half}": value for name, value in shares.items()})
    return result


def half_rows(
    title: str,
    items: Sequence[Item],
    found: Mapping[str, object],
    names: Sequence[str],
    widths: tuple[int, int],
) -> list[str]:
    """A report's table: the title over a column per figure name, then a row per half and
    one for all (`found` holds "<name>_<half>"); `widths`: a column's, the gap before them."""
    width, gap = widths
    rows = [title + "".join(f"{n:>{width}}" for n in names)]
    for half in (*HALVES, "all"):
        count = sum(1 for i in items if half in ("all", i["half"]))
        cells = "".join(f"{found[f'{n}_{half}']!s:>{width}}" for n in names)
        rows.append(f"  {half:<6}{count:>4} questions{'':<{gap}}{cells}")
    return rows


def questions_of(items: Sequence[dict[str, object]]) -> list[str]:
    """The questions as score.py feeds them (one line each, stripped like the CLI does)."""
    return [str(item["q"]).replace("\n", " ").strip() for item in items]


def score(items: Sequence[dict[str, object]], answers: Sequence[Answer]) -> Score:
    """score.py's rules: top-1/top-3 cite an expected statement; out-of-scope is refused."""
    top1 = top3 = inscope = refused = outscope = 0
    for item, answer in zip(items, answers, strict=True):
        matches: list[dict[str, object]] = answer["matches"]  # type: ignore[assignment]
        answered = bool(answer["answered"])
        cited = [set(m.get("sources", [])) for m in matches[:TOP]]  # type: ignore[call-overload]
        expect = set(item["expect"])  # type: ignore[call-overload]
        if not expect:
            outscope += 1
            refused += not answered
            continue
        inscope += 1
        top1 += answered and bool(cited) and bool(cited[0] & expect)
        top3 += answered and any(c & expect for c in cited)
    return Score(
        top1 / inscope if inscope else 0.0,
        top3 / inscope if inscope else 0.0,
        refused / outscope if outscope else 1.0,
    )


def bot_answers(matcher: Matcher, questions: Sequence[str]) -> list[Answer]:
    return [result_json(matcher.search(q, top=TOP)) for q in questions]


def answer_form(ranked: Ranked, threshold: float) -> Answer:
    """A baseline ranking in the bot's JSON answer form, answered above the threshold."""
    best = ranked.matches[0][1] if ranked.matches else 0.0
    return {
        "question": ranked.question,
        "answered": bool(ranked.matches) and best >= threshold,
        "matches": [
            {"id": e.id, "title": e.title, "score": round(s, 2), "sources": list(e.sources)}
            for e, s in ranked.matches
        ],
    }


class FuzzyBaseline:
    """rapidfuzz WRatio over raw title + summary."""

    name = "fuzzy"

    def __init__(self, content: Content) -> None:
        self.entries = content.entries
        self.choices = [f"{e.title} {e.summary}" for e in self.entries]

    def rank(self, question: str) -> Ranked:
        found = process.extract(
            question, self.choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=TOP
        )
        return Ranked(question, tuple((self.entries[i], float(s)) for _, s, i in found))


class Bm25Baseline:
    """bm25s over title + summary + questions + keywords, German stemmer and stop words."""

    name = "bm25"

    def __init__(self, content: Content) -> None:
        import bm25s
        import Stemmer

        self._bm25s = bm25s
        self.stemmer = Stemmer.Stemmer("german")
        self.entries = content.entries
        corpus = [" ".join((e.title, e.summary, *e.questions, *e.keywords)) for e in self.entries]
        self.retriever = bm25s.BM25()
        self.retriever.index(self._tokens(corpus), show_progress=False)
        self.vocabulary = set(self.retriever.vocab_dict)

    def _tokens(self, texts: list[str]) -> list[list[str]]:
        tokenized: list[list[str]] = self._bm25s.tokenize(
            texts, stopwords="de", stemmer=self.stemmer, return_ids=False, show_progress=False
        )
        return tokenized

    def rank(self, question: str) -> Ranked:
        tokens = [t for t in self._tokens([question])[0] if t in self.vocabulary]
        if not tokens:
            return Ranked(question, ())
        ids, scores = self.retriever.retrieve(
            [tokens], k=min(TOP, len(self.entries)), show_progress=False
        )
        pairs = zip(ids[0], scores[0], strict=True)
        return Ranked(question, tuple((self.entries[int(i)], float(s)) for i, s in pairs))


Baseline = FuzzyBaseline | Bm25Baseline
BASELINES: dict[str, Callable[[Content], Baseline]] = {
    "fuzzy": FuzzyBaseline,
    "bm25": Bm25Baseline,
}


def tune(items: Sequence[dict[str, object]], ranked: Sequence[Ranked]) -> tuple[float, Score]:
    """The threshold with the best top-1 + refusal (ties: better top-3, lower threshold).

    Candidates are the best scores seen, so the optimum is exact; refusing everything is
    not a candidate (a system that never answers is no baseline).
    """
    candidates = sorted({0.0} | {r.matches[0][1] for r in ranked if r.matches})
    best: tuple[tuple[float, float, float], float, Score] | None = None
    for threshold in candidates:
        result = score(items, [answer_form(r, threshold) for r in ranked])
        key = (result.top1 + result.refused, result.top3, -threshold)
        if best is None or key > best[0]:
            best = (key, threshold, result)
    assert best is not None
    return best[1], best[2]


def crosscheck(root: Path, score_script: Path, dev: Path, command: str) -> Score | None:
    """Run ../shared/eval/score.py itself with `--cmd`; None if it broke the contract."""
    proc = subprocess.run(
        [sys.executable, str(score_script), str(dev), "--cmd", command],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    found = SCORE_LINE.search(proc.stdout)
    if proc.returncode == 2 or not found:
        return None
    return Score(*(float(value) for value in found.groups()))


def _serve(name: str, threshold: float) -> None:
    from bot.config import DEFAULT_CONTENT_DIR
    from bot.content import load_content

    baseline = BASELINES[name](load_content(DEFAULT_CONTENT_DIR))
    for line in sys.stdin:
        answer = answer_form(baseline.rank(line.strip()), threshold)
        print(json.dumps(answer, ensure_ascii=False), flush=True)


# A labelled set's own command (`python -m benchmarks.practical`, `.public`, `.english`):
# its report section (matcher, figures out, items, the set's path) and its misses printer.
SetReport = Callable[[Matcher, dict[str, object], Sequence[Item], Path], list[str]]
SetMisses = Callable[[Sequence[Item], Sequence[Answer], Callable[[str], None]], None]


def labelled_set_main(
    doc: str,
    default: Path,
    report: SetReport,
    misses: SetMisses,
    *,
    other_sets: bool = True,
    lang: str | None = None,
) -> int:
    """`python -m benchmarks.<set> [--misses] [PATH]`: the set's report section, and with
    `--misses` its tune half's misses; PATH (when `other_sets`) scores another set of the
    same format; `lang`: answers from that language's snapshot."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the tune half's misses")
    if other_sets:
        parser.add_argument("path", nargs="?", type=Path, default=default, help="another set")
    args = parser.parse_args()
    path: Path = getattr(args, "path", default)
    from bot.config import DEFAULT_CONTENT_DIR
    from bot.snapshot import build_snapshot

    snapshot = build_snapshot(DEFAULT_CONTENT_DIR)
    matcher = (snapshot.localized(lang) if lang else snapshot).matcher
    items = load_dev(path)
    print("\n".join(report(matcher, {}, items, path)))
    if args.misses:
        misses(items, bot_answers(matcher, questions_of(items)), print)
    return 0


if __name__ == "__main__":
    _serve(sys.argv[1], float(sys.argv[2]))
