"""Readability (bot.content.readability): sentence splitting, sentence length and the
Wiener Sachtextformel, for the normal and the plain version of an entry."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.loader import ContentError, load_content
from bot.content.readability import (
    MAX_PLAIN_SENTENCE_WORDS,
    MAX_PLAIN_STEP_WORDS,
    MAX_PLAIN_WSTF,
    MAX_SENTENCE_WORDS,
    MAX_WSTF,
    joined,
    release_hyphenation,
    sentences,
    wiener_sachtextformel,
    word_count,
)
from tests.conftest import MINI_ENTRIES, write_content

# The editorial target for the plain version (the validator allows MAX_PLAIN_WSTF).
PLAIN_TARGET = 7.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eins. Zwei!  Drei?", ["Eins.", "Zwei!", "Drei?"]),
        (
            "Etwa z. B. Spende vs. Partnerschaft. Dann mehr.",
            ["Etwa z. B. Spende vs. Partnerschaft.", "Dann mehr."],
        ),
        (
            "Am 14. Juni 2017 in Düsseldorf. Danach.",
            ["Am 14. Juni 2017 in Düsseldorf.", "Danach."],
        ),
        (
            "Notiert: „Keine Beteiligung an Ohnmacht!“ Gemeint ist …",
            ["Notiert: „Keine Beteiligung an Ohnmacht!“", "Gemeint ist …"],
        ),
        ("Erst das. (Dann das.) Zuletzt.", ["Erst das.", "(Dann das.)", "Zuletzt."]),
        ("Ein Satz\nüber zwei Zeilen.", ["Ein Satz über zwei Zeilen."]),
        ("ohne großen Anfang. danach klein", ["ohne großen Anfang. danach klein"]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [("Ordnungs- oder Grünflächenamt – E-Mail", 4), ("Am 14. Juni 2017.", 4), ("– … –", 0)],
)
def test_word_count(text: str, count: int) -> None:
    assert word_count(text) == count


def test_wiener_sachtextformel_ranks_plain_below_administrative_german() -> None:
    plain = "Das Amt hilft. Sie reden mit. Alle sind gleich viel wert."
    hard = (
        "Die Verwaltungsmodernisierung erfordert eine kontinuierliche Qualifizierung der "
        "Führungskräfte hinsichtlich partizipativer Beteiligungsinstrumente."
    )
    assert wiener_sachtextformel(plain) < 4 < MAX_PLAIN_WSTF < wiener_sachtextformel(hard)


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("Das Amt hilft. Sie reden mit. Alle sind gleich viel wert.", -2.9373878787878787),
        (
            "Die Verwaltungsmodernisierung erfordert eine kontinuierliche Qualifizierung der "
            "Führungskräfte hinsichtlich partizipativer Beteiligungsinstrumente.",
            23.875109090909092,
        ),
        (
            "Ja. Nein, doch! O'Brien sagt: don't – „Bürgerbeteiligung“ (z. B. E-Mail) kostet "
            "3,50 €?",
            0.6415333333333337,
        ),
        ("", 0.0),
        ("– … –", 0.0),
    ],
)
def test_wiener_sachtextformel_gives_textstats_figures(text: str, score: float) -> None:
    # the figures textstat 0.7.13 gave (wiener_sachtextformel(text, 1), lang "de"), exactly
    assert wiener_sachtextformel.__wrapped__(text) == score


def test_hyphenation_patterns_are_let_go_after_loading() -> None:
    import pyphen

    load_content(DEFAULT_CONTENT_DIR)
    assert not pyphen.hdcache
    assert wiener_sachtextformel.__wrapped__("Ein ganz neuer Beteiligungsprozesstext.") > 0
    release_hyphenation()
    assert not pyphen.hdcache


def test_joined_ends_every_step_with_a_sentence_mark() -> None:
    assert joined("Kurz.", ["Erstens", "Zweitens!"]) == "Kurz. Erstens. Zweitens!"


LONG_SENTENCE = " ".join(["Wort"] * (MAX_SENTENCE_WORDS + 1)) + "."
LONG_PLAIN_SENTENCE = " ".join(["Wort"] * (MAX_PLAIN_SENTENCE_WORDS + 1)) + "."
LONG_PLAIN_STEP = " ".join(["Tun"] * (MAX_PLAIN_STEP_WORDS + 1)) + "."
HARD_PLAIN = (
    "Verwaltungsmodernisierungsprozesse erfordern Qualifizierungsmaßnahmen. "
    "Partizipationsinstrumente benötigen Kommunikationskompetenz."
)
HARD_NORMAL = (
    "Verwaltungsmodernisierungsprozesse erfordern kontinuierliche Qualifizierungsmaßnahmen "
    "hinsichtlich partizipativer Beteiligungsinstrumente kommunaler Gebietskörperschaften."
)


ZEITPLAN_SUMMARY = 'summary: "Wer den Zeitplan zeigt, schafft Verlässlichkeit."'
ZEITPLAN_PLAIN = 'summary: "Zeigen Sie den Zeitplan. Dann wissen alle Bescheid."'
PLAIN_STEP = '        - "Zeigen Sie die wichtigen Termine."'


@pytest.mark.parametrize(
    ("old", "new", "field", "words", "line_start"),
    [
        (ZEITPLAN_SUMMARY, f'summary: "{LONG_SENTENCE}"', "summary", "Wörter", "    summary:"),
        (
            ZEITPLAN_SUMMARY,
            f'summary: "{HARD_NORMAL}"',
            "summary",
            "Sachtextformel",
            "    summary:",
        ),
        (
            ZEITPLAN_PLAIN,
            f'summary: "{LONG_PLAIN_SENTENCE}"',
            "plain.summary",
            "Wörter",
            "      summary:",
        ),
        (PLAIN_STEP, f'        - "{LONG_PLAIN_STEP}"', "plain.steps", "Wörter", "      steps:"),
        (ZEITPLAN_PLAIN, f'summary: "{HARD_PLAIN}"', "plain", "Sachtextformel", "    plain:"),
    ],
    ids=["summary-sentence", "summary-wstf", "plain-sentence", "plain-step", "plain-wstf"],
)
def test_each_limit_gives_a_finding_on_its_line(
    tmp_path: Path, old: str, new: str, field: str, words: str, line_start: str
) -> None:
    assert MINI_ENTRIES.count(old) == 1
    broken = MINI_ENTRIES.replace(old, new)
    with pytest.raises(ContentError) as caught:
        load_content(write_content(tmp_path / "c", entries=broken))
    (finding,) = caught.value.findings
    assert (finding.entry, finding.field) == ("zeitplan", field)
    assert words in finding.message
    lines = broken.splitlines()
    start = next(n for n, line in enumerate(lines) if "- id: zeitplan" in line)
    expected = next(
        n for n, line in enumerate(lines[start:], start + 1) if line.startswith(line_start)
    )
    assert finding.line == expected


def test_limits_are_ordered_sensibly() -> None:
    assert MAX_PLAIN_SENTENCE_WORDS < MAX_PLAIN_STEP_WORDS < MAX_SENTENCE_WORDS
    assert PLAIN_TARGET < MAX_PLAIN_WSTF < MAX_WSTF


def test_shipped_plain_versions_meet_the_editorial_target() -> None:
    entries = load_content(DEFAULT_CONTENT_DIR).entries
    plain = [
        wiener_sachtextformel(joined(e.plain.summary, e.plain.steps)) for e in entries if e.plain
    ]
    normal = [wiener_sachtextformel(joined(e.summary, e.steps)) for e in entries]
    assert len(plain) == len(entries)
    assert max(plain) <= PLAIN_TARGET
    assert statistics.mean(plain) < statistics.mean(normal) - 3
