"""tests/data/public.yaml (questions from public pages) stays a clean measurement.

Every label names shipped content, every item has its source page and a half, the halves are
balanced per kind, and no question is also in another labelled set (a question in two sets
would be tuned on through the other one). The benchmark's figures follow its rules.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from benchmarks import public
from bot.snapshot import Snapshot

ROOT = Path(__file__).resolve().parent.parent
OTHER_SETS = [
    p for p in sorted((ROOT / "tests" / "data").glob("*.yaml")) if p.name != "public.yaml"
]
DEV = ROOT.parent / "shared" / "eval" / "dev.yaml"
KINDS = ("workshop", "pointer", "none")
ITEMS = public.load()


def fold(text: str) -> str:
    """Lower case, punctuation gone, spaces collapsed."""
    return " ".join(re.sub(r"[^\w\s-]", " ", text.lower()).split())


def questions_of(path: Path) -> set[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {fold(str(i["q"])) for i in data.get("questions", []) if isinstance(i, dict)}


def test_the_set_is_big_and_drawn_from_many_sites() -> None:
    hosts = {re.sub(r"^www\.", "", str(i["source"]).split("/")[2]) for i in ITEMS}
    assert len(ITEMS) >= 120 and len(hosts) >= 25
    shares = Counter(str(i["covered"]) for i in ITEMS)
    assert set(shares) == set(KINDS)
    assert 0.25 <= shares["workshop"] / len(ITEMS) <= 0.4  # about a third, as on such pages


@pytest.mark.parametrize("item", ITEMS, ids=lambda i: str(i["q"])[:40])
def test_every_item_is_labelled_with_a_source_and_a_half(item: dict[str, object]) -> None:
    assert str(item["source"]).startswith(("http://", "https://"))
    assert item["half"] in ("tune", "check") and item["covered"] in KINDS
    expect = item["expect"]
    assert isinstance(expect, list)
    if item["covered"] == "workshop":
        assert 1 <= len(expect) <= 3 and "pointer" not in item
    else:
        assert expect == []
    assert ("pointer" in item) == (item["covered"] == "pointer")


def test_labels_name_shipped_entries_and_pointers(shipped_snapshot: Snapshot) -> None:
    entries = {e.id for e in shipped_snapshot.content.entries}
    pointers = {p.id for p in shipped_snapshot.content.pointers}
    named = {e for i in ITEMS for e in i["expect"]}  # type: ignore[attr-defined]
    assert named <= entries, named - entries
    labelled = {i["pointer"] for i in ITEMS if i["covered"] == "pointer"}
    assert labelled <= pointers, labelled - pointers


def test_halves_alternate_and_are_balanced_per_kind() -> None:
    assert [i["half"] for i in ITEMS[:4]] == ["tune", "check", "tune", "check"]
    for kind in KINDS:
        halves = Counter(i["half"] for i in ITEMS if i["covered"] == kind)
        assert abs(halves["tune"] - halves["check"]) <= 1, kind


def test_no_question_twice_nor_in_another_set() -> None:
    mine = [fold(str(i["q"])) for i in ITEMS]
    assert len(mine) == len(set(mine))
    others = [p for p in (*OTHER_SETS, DEV) if p.is_file()]
    assert len(others) >= 5
    for path in others:
        shared = set(mine) & questions_of(path)
        assert not shared, f"{path.name}: {sorted(shared)}"


FIGURE_ITEMS: list[dict[str, object]] = [
    {"q": "a", "covered": "workshop", "expect": ["e1"], "half": "tune"},
    {"q": "b", "covered": "pointer", "pointer": "p1", "expect": [], "half": "tune"},
    {"q": "c", "covered": "none", "topic": "t1", "expect": [], "half": "check"},
    {"q": "d", "covered": "none", "topic": None, "expect": [], "half": "check"},
    {"q": "e", "covered": "workshop", "expect": ["e2"], "half": "check"},
]


def _answer(answered: bool, pointer: str | None, *ids: str) -> dict[str, object]:
    return {
        "answered": answered,
        "pointer": pointer,
        "matches": [{"id": i, "sources": ["S"]} for i in ids],
    }


def test_figures_per_half() -> None:
    answers = [
        _answer(True, None, "e1"),  # workshop: top-1
        _answer(True, "p1", "e9"),  # right pointer, but a principle given: the failure
        _answer(False, "t1"),  # a pointer of the item's own topic is not wrong
        _answer(False, "p1"),  # a wrong pointer
        _answer(True, None, "e9", "e2"),  # workshop: top-3 only
    ]
    found = public.figures(FIGURE_ITEMS, answers)
    assert (found["top1_tune"], found["principle_given_tune"]) == (1.0, 1.0)
    assert found["pointer_first_tune"] == 1.0 and found["none_quiet_tune"] is None
    assert (found["top1_check"], found["top3_check"], found["refused_check"]) == (0.0, 1.0, 0.0)
    assert (found["none_quiet_check"], found["principle_given_check"]) == (0.5, 0.0)
    shown: list[str] = []
    public.misses(FIGURE_ITEMS, answers, shown.append)
    assert len(shown) == 1 and shown[0].startswith("pointer")  # tune half only


def test_report_carries_bot_and_bm25_figures(shipped_snapshot: Snapshot) -> None:
    section: dict[str, object] = {}
    lines = public.report(shipped_snapshot.matcher, section, ITEMS[:12])
    assert lines[0].startswith("Public questions")
    for key in ("public_principle_given_check", "public_top1_tune", "public_bm25_top1_check"):
        assert key in section
