"""Our labelled question sets stay a measurement: no content phrasing is a copy of one.

Example questions, keywords and aliases in content/ (German and English) are written as
people ask, not copied from tests/data/*.yaml; a copied question would be answered from the
list, not by the method, and the set would stop telling how the bot generalises. Single
words and short keyword pairs are allowed to coincide (a keyword query *is* a keyword).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = sorted((ROOT / "tests" / "data").glob("*.yaml"))
PHRASING_FIELDS = {"questions", "keywords", "aliases"}
MIN_WORDS = 3


def fold(text: str) -> str:
    """Lower case, punctuation gone, spaces collapsed."""
    return " ".join(re.sub(r"[^\w\s-]", " ", text.lower()).split())


def walk(node: object, wanted: set[str]) -> Iterator[str]:
    """Every string in a list under one of the wanted keys, anywhere in a YAML tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in wanted and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            else:
                yield from walk(value, wanted)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value, wanted)


def eval_questions(path: Path) -> set[str]:
    """The folded questions (`q:`) of a labelled set with at least MIN_WORDS words."""
    found: set[str] = set()

    def visit(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("q"), str):
                found.add(fold(node["q"]))
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(yaml.safe_load(path.read_text(encoding="utf-8")))
    return {q for q in found if len(q.split()) >= MIN_WORDS}


def content_phrasings() -> dict[str, str]:
    """Folded phrasing → the content file it is in."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "content").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in walk(data, PHRASING_FIELDS):
            found.setdefault(fold(text), str(path.relative_to(ROOT)))
    return found


def test_the_sets_and_the_content_are_found() -> None:
    assert len(SETS) >= 5
    assert len(content_phrasings()) > 1000


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_no_content_phrasing_copies_a_labelled_question(path: Path) -> None:
    phrasings = content_phrasings()
    copied = sorted(f"{phrasings[q]}: {q}" for q in eval_questions(path) if q in phrasings)
    assert not copied, f"content phrasings copied from {path.name}: {copied}"
