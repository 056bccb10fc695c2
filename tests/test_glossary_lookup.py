"""Glossary answers (matching.glossary, ui.glossary): "Was heißt …?", /glossar, one term."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.content import Content, GlossaryTerm
from bot.content.loader import load_content
from bot.matching.glossary import asked_term, lookup
from bot.testing.fake_telegram import parse_html
from bot.ui import ListGlossary, OpenTerm
from bot.ui.glossary import render_glossary, render_term
from bot.ui.render import render_callback

TERMS = (
    GlossaryTerm(
        "empowerment",
        "Empowerment",
        "Menschen stärken, damit sie selbst aktiv werden.",
        ("Selbstbefähigung", "Menschen stärken"),
        ("augenhoehe", "gibtsnicht"),
    ),
    GlossaryTerm("kontextsteuerung", "Kontextsteuerung", "Rahmen setzen statt anordnen."),
    GlossaryTerm("lessons-learned", "Lessons learned", "Was man aus Erfahrung gelernt hat."),
)


@pytest.fixture
def content(mini_content_dir: Path) -> Content:
    return replace(load_content(mini_content_dir), glossary=TERMS)


@pytest.mark.parametrize(
    ("question", "term_id"),
    [
        ("Was heißt Empowerment?", "empowerment"),
        ("was heisst empowerment", "empowerment"),
        ("Was bedeutet Kontextsteuerung?", "kontextsteuerung"),
        ("Was ist eigentlich „Empowerment“?", "empowerment"),
        ("Was versteht man unter der Kontextsteuerung?", "kontextsteuerung"),
        ("Was ist mit Selbstbefähigung gemeint?", "empowerment"),
        ("Was heißt Menschen stärken?", "empowerment"),
        ("Wofür steht Lessons learned?", "lessons-learned"),
        ("Erklären Sie mir Kontextsteuerung", "kontextsteuerung"),
    ],
)
def test_word_questions_find_their_term(content: Content, question: str, term_id: str) -> None:
    term = lookup(content.glossary, question)
    assert term is not None and term.id == term_id


@pytest.mark.parametrize(
    "question",
    [
        "Was bedeutet keine Beteiligung an Ohnmacht?",  # a frame, but no term: the matcher
        "Empowerment",  # a bare word is a question for the matcher
        "Wie stärken wir Empowerment in der Kommune?",
        "Was heißt Augenhöhe?",  # not in the glossary
        "",
    ],
)
def test_other_questions_go_to_the_matcher(content: Content, question: str) -> None:
    assert lookup(content.glossary, question) is None


def test_asked_term_strips_articles_quotes_and_punctuation() -> None:
    assert asked_term("Was ist die „Kontextsteuerung“?!") == "kontextsteuerung"
    assert asked_term("Wie geht das?") is None


def test_glossary_lists_every_term_as_a_button(content: Content) -> None:
    reply = render_glossary(content)
    buttons = [b for row in reply.buttons for b in row]
    assert [b.data for b in buttons[:-1]] == [OpenTerm(t.id).pack() for t in TERMS]
    assert [b.label for b in buttons[:-1]] == [t.term for t in TERMS]
    assert all(len(row) <= 2 for row in reply.buttons)
    assert render_callback(content, ListGlossary().pack()) == reply


def test_term_shows_explanation_existing_entries_and_a_way_back(content: Content) -> None:
    reply = render_term(content, TERMS[0])
    text = parse_html(reply.text)[0]
    assert text.startswith("📘 Empowerment\nMenschen stärken, damit sie selbst aktiv werden.")
    data = [b.data for row in reply.buttons for b in row]
    assert data == ["e:augenhoehe", ListGlossary().pack(), "top"]  # the missing entry is skipped
    assert render_callback(content, OpenTerm("empowerment").pack()) == reply
    assert render_callback(content, OpenTerm("weg").pack()) is None


def test_empty_glossary_says_so(mini_content_dir: Path) -> None:
    content = load_content(mini_content_dir)
    reply = render_glossary(content)
    assert parse_html(reply.text)[0] == content.text("glossary_none")
