"""The benchmark helpers that decide figures: score.py's rules, threshold tuning, corpora."""

from __future__ import annotations

from benchmarks.corpus import synthetic_content, synthetic_queries
from benchmarks.quality import Ranked, answer_form, score, tune
from bot.matching.matcher import Matcher
from bot.snapshot import Snapshot

ITEMS = [
    {"q": "a", "expect": ["X1"]},
    {"q": "b", "expect": ["X2"]},
    {"q": "c", "expect": []},
    {"q": "d", "expect": []},
]


def _answer(answered: bool, *sources: str) -> dict[str, object]:
    return {"answered": answered, "matches": [{"id": s, "sources": [s]} for s in sources]}


def test_score_follows_score_py_rules() -> None:
    answers = [
        _answer(True, "X1", "X2"),  # top-1 hit
        _answer(True, "X9", "X8", "X2"),  # top-3 hit only
        _answer(False, "X1"),  # out of scope, refused
        _answer(True, "X1"),  # out of scope, answered
    ]
    result = score(ITEMS, answers)
    assert (result.top1, result.top3, result.refused) == (0.5, 1.0, 0.5)


def test_unanswered_in_scope_question_is_no_hit() -> None:
    result = score(ITEMS[:1], [_answer(False, "X1")])
    assert (result.top1, result.top3) == (0.0, 0.0)


def test_tune_picks_threshold_that_separates_hits_from_out_of_scope(
    shipped_snapshot: Snapshot,
) -> None:
    entries = {e.sources[0]: e for e in shipped_snapshot.content.entries}
    hit, other = list(entries.values())[:2]
    items = [{"q": "in", "expect": list(hit.sources)}, {"q": "out", "expect": []}]
    ranked = [Ranked("in", ((hit, 80.0),)), Ranked("out", ((other, 50.0),))]
    threshold, result = tune(items, ranked)
    assert threshold == 80.0
    assert (result.top1, result.refused) == (1.0, 1.0)
    assert answer_form(ranked[1], threshold)["answered"] is False


def test_synthetic_corpus_has_fresh_unique_ids_and_is_searchable(
    shipped_snapshot: Snapshot,
) -> None:
    content = synthetic_content(shipped_snapshot.content, 100)
    ids = [e.id for e in content.entries]
    assert len(set(ids)) == 100
    assert not set(ids) & {e.id for e in shipped_snapshot.content.entries}
    query = synthetic_queries(shipped_snapshot.content, count=1)[0]
    assert Matcher(content).search(query).matches
