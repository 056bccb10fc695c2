"""The benchmark helpers that decide figures: score.py's rules, threshold tuning, corpora;
the diagnostic that shows why a message gets its answer (benchmarks/why.py)."""

from __future__ import annotations

import pytest

from benchmarks import groups, practical
from benchmarks.corpus import synthetic_content, synthetic_queries
from benchmarks.quality import Ranked, answer_form, score, tune
from benchmarks.why import explain
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


PRACTICAL_ITEMS = [
    {"q": "Förderantrag?", "pointer": "foerdermittel", "expect": [], "half": "tune"},
    {"q": "Versichert?", "pointer": "versicherung", "expect": [], "half": "tune"},
    {
        "q": "Geld und Unabhängigkeit?",
        "pointer": "foerdermittel",
        "expect": ["X1"],
        "half": "check",
    },
    {"q": "Mietrecht?", "pointer": None, "expect": [], "half": "check"},
    {"q": "Vereinsgründung?", "pointer": "vereinsrecht", "expect": [], "half": "check"},
]


def _pointer_answer(answered: bool, pointer: str | None, *sources: str) -> dict[str, object]:
    return {**_answer(answered, *sources), "pointer": pointer}


def test_practical_figures_per_half() -> None:
    answers = [
        _pointer_answer(False, "foerdermittel"),  # right pointer, no principle
        _pointer_answer(True, None, "X9"),  # a principle for a practical question: the failure
        _pointer_answer(True, "foerdermittel", "X1"),  # mixed: principle right, pointer offered
        _pointer_answer(False, None),  # about neither: quiet
        _pointer_answer(False, "versicherung"),  # wrong pointer
    ]
    found = practical.figures(PRACTICAL_ITEMS, answers)
    assert (found["pointer_first_tune"], found["principle_given_tune"]) == (0.5, 0.5)
    assert found["mixed_top1_tune"] is None and found["none_quiet_tune"] is None
    assert found["pointer_first_check"] == 0.5  # mixed right, Vereinsgründung wrong
    assert (found["principle_given_check"], found["mixed_top1_check"]) == (0.0, 1.0)
    assert found["none_quiet_check"] == 1.0
    assert found["pointer_first_all"] == 0.5 and found["principle_given_all"] == 0.25
    rows = practical.goal_rows(found)
    assert rows[0].split()[-1] == "MISSED" and rows[1].split()[-1] == "met"


def test_practical_set_is_labelled_with_shipped_pointers(shipped_snapshot: Snapshot) -> None:
    items = practical.load()
    labels = {i["pointer"] for i in items if i["pointer"]}
    assert labels <= {p.id for p in shipped_snapshot.content.pointers}
    assert {i["half"] for i in items} == {"tune", "check"} and len(items) >= 100
    section: dict[str, object] = {}
    lines = practical.report(shipped_snapshot.matcher, section, items[:6])
    assert (
        lines[0].startswith("Practical questions") and "practical_principle_given_all" in section
    )


GROUP_ITEMS = [
    {"q": "a", "expect": ["X1"], "group": "colloquial", "half": "tune"},
    {"q": "b", "expect": ["X2"], "group": "colloquial", "half": "tune"},
    {"q": "c", "expect": [], "group": "out_of_scope", "half": "check"},
    {"q": "d", "expect": [], "group": "out_of_scope", "half": "check"},
]


def test_groups_are_scored_per_group_and_half() -> None:
    answers = [
        _answer(True, "X1"),  # hit
        _answer(False, "X2"),  # refused although in scope
        _answer(False, "X1"),  # refused
        _answer(True, "X1"),  # answered out of scope
    ]
    colloquial, out = groups.score_groups(GROUP_ITEMS, answers)
    assert (colloquial.group, colloquial.half, colloquial.count) == ("colloquial", "tune", 2)
    assert (colloquial.top1, colloquial.top3, colloquial.refused) == (0.5, 0.5, 0.5)
    assert (out.group, out.half, out.top1, out.refused) == ("out_of_scope", "check", None, 0.5)


def test_misses_never_show_the_check_half() -> None:
    shown: list[str] = []
    answers = [_answer(False, "X9")] * len(GROUP_ITEMS)
    answers[2] = answers[3] = _answer(True, "X9")  # check-half misses
    groups.misses(GROUP_ITEMS, answers, shown.append)
    assert len(shown) == 2
    assert all(line.startswith("colloquial") for line in shown)


def test_english_figures_per_half() -> None:
    from benchmarks import english

    items = [
        {"q": "a", "expect": ["R1"], "group": "in_scope", "half": "tune"},
        {"q": "b", "expect": ["R2"], "group": "in_scope", "half": "check"},
        {"q": "c", "expect": [], "group": "out_of_scope", "half": "check"},
        {"q": "d", "expect": [], "group": "practical", "pointer": "P1", "half": "tune"},
    ]
    answers = [
        {"answered": True, "matches": [{"sources": ["R1"]}]},
        {"answered": True, "matches": [{"sources": ["X"]}, {"sources": ["R2"]}]},
        {"answered": False, "matches": []},
        {"answered": False, "matches": [], "pointer": "P1"},
    ]
    found = english.figures(items, answers)
    assert (found["top1_tune"], found["top1_check"], found["top3_check"]) == (1.0, 0.0, 1.0)
    assert found["refused_check"] == 1.0 and found["refused_tune"] is None
    assert found["pointer_first_all"] == 1.0
    detected = english.detection(["How do we find volunteers for our festival?"], ["Hallo"])
    assert detected["detect_en_right"] == 1.0 and detected["detect_de_undecided"] == 1.0


def test_refusal_set_is_out_of_scope_and_split_in_halves() -> None:
    from benchmarks import refusal

    items = refusal.quality.load_dev(refusal.REFUSAL)
    assert all(item["expect"] == [] for item in items)
    for group in {str(item["group"]) for item in items}:
        halves = [item["half"] for item in items if item["group"] == group]
        assert set(halves) == {"tune", "check"}


def test_refusal_table_counts_refused_and_own_replies(shipped_snapshot: Snapshot) -> None:
    from benchmarks import refusal

    matcher = shipped_snapshot.matcher
    items = [
        {"q": "danke!", "group": "smalltalk", "half": "tune"},
        {"q": "Wie vermeiden wir Doppelstrukturen?", "group": "smalltalk", "half": "tune"},
    ]
    results = [matcher.search(str(item["q"])) for item in items]
    _header, row = refusal.table(items, results)
    assert row.split()[:5] == ["smalltalk", "tune", "2", "0.50", "0.50"]


@pytest.mark.parametrize(
    ("name", "least", "fitted"),
    [("LONG", 50, True), ("LONG_FRESH", 30, False)],
    ids=["long.yaml", "long_fresh.yaml"],
)
def test_own_long_sets_are_tune_only_and_labelled_with_real_statements(
    name: str, least: int, fitted: bool
) -> None:
    """long.yaml is tuning material; long_fresh.yaml is a fresh signal, never fitted on."""
    import yaml

    from benchmarks import fit

    items = groups.load(getattr(groups, name))
    statements = yaml.safe_load(
        (groups.ROOT / "content" / "statements.yaml").read_text(encoding="utf-8")
    )
    known = {sid for section in statements["sections"] for sid in section["statements"]}
    assert len(items) >= least
    assert {item["half"] for item in items} == {"tune"}
    assert {item["group"] for item in items} <= {"long", "long_offtopic"}
    for item in items:
        assert set(item["expect"]) <= known, item["q"]
        assert bool(item["expect"]) == (item["group"] == "long"), item["q"]
    tuning = {str(item["q"]) for item in fit.tuning_items()}
    questions = {str(item["q"]) for item in items}
    assert (questions <= tuning) if fitted else not questions & tuning


def test_fit_keeps_a_fixed_offset_out_of_the_fitted_weights() -> None:
    from benchmarks import fit

    features = [[0.1 * i, (i % 3) / 3] for i in range(12)]
    labels = [int(i % 2 == 0 or i > 8) for i in range(12)]
    plain = fit.fit(features, labels)
    shifted = fit.fit(features, labels, offsets=[0.5] * len(labels))
    assert shifted[0] == pytest.approx(plain[0] - 0.5, abs=1e-6)
    assert shifted[1:] == pytest.approx(plain[1:], abs=1e-6)


def test_long_forms_rewrite_a_message_without_changing_what_it_asks() -> None:
    from benchmarks import longforms

    text = "Wir sind ein Verein. Wie finden wir Helfer?"
    shaped = dict(longforms.forms(text))
    assert shaped["plain"] == text
    assert shaped["question first"] == "Wie finden wir Helfer? Wir sind ein Verein."
    assert "?" not in shaped["no '?'"] and "?" not in shaped["question first, no '?'"]
    assert all("Wie finden wir Helfer" in form for form in shaped.values())
    assert "question first" not in dict(longforms.forms("Wir suchen Helfer. Bitte melden."))


def test_why_shows_each_terms_explanation_by_the_best_pointers(
    shipped_snapshot: Snapshot,
) -> None:
    lines = explain(
        shipped_snapshot.matcher,
        "Was übernimmt die Unfallkasse, wenn ich beim Schneeräumen für die Gemeinde stürze?",
    )
    assert lines[1].startswith("answer: pointer, pointer versicherung")
    header = next(line for line in lines if line.startswith("term"))
    assert "versicherung" in header
    insurer = next(line for line in lines if line.startswith("unfallkass"))
    assert " P " in insurer and "1.00" in insurer  # practical, explained by the insurance pointer
    assert any(line.strip().startswith("versicherung") and "own True" in line for line in lines)
