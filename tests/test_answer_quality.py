"""Answer quality on the project's own question set (tests/data/quality.yaml).

The set was written independently of the content, as users would ask. The floors sit a few
points below what the matcher reaches today, so a change that breaks normalisation,
synonyms or the refusal decision fails here, while normal tuning does not.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.snapshot import Snapshot

QUESTIONS = Path(__file__).parent / "data" / "quality.yaml"
MIN_TOP1 = 0.72
MIN_TOP3 = 0.85
MIN_REFUSED = 0.7


def test_quality_set_is_answered_well(shipped_snapshot: Snapshot) -> None:
    items = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    top1 = top3 = refused = 0
    in_scope = [item for item in items if item["expect"]]
    out_of_scope = [item for item in items if not item["expect"]]
    for item in items:
        result = shipped_snapshot.matcher.search(item["q"], top=3)
        expected = set(item["expect"])
        cited = [set(match.entry.sources) for match in result.matches]
        if not expected:
            refused += not result.answered
            continue
        top1 += result.answered and bool(cited) and bool(cited[0] & expected)
        top3 += result.answered and any(c & expected for c in cited)
    assert len(in_scope) >= 80 and len(out_of_scope) >= 10
    assert top1 / len(in_scope) >= MIN_TOP1
    assert top3 / len(in_scope) >= MIN_TOP3
    assert refused / len(out_of_scope) >= MIN_REFUSED
