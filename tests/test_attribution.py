"""Honest attribution (bot.content.attribution): sentences that credit the workshop must say
what the cited statements say, or be listed as checked. (That no text claims all content
comes from the workshop is guarded in test_provenance.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.attribution import (
    ATTRIBUTION,
    MIN_CHECKED_PREFIX,
    is_checked,
    unsupported_share,
)
from bot.content.loader import ContentError, Finding, load_content
from tests.conftest import MINI_ENTRIES, write_content

# X2 (cited by zeitplan) reads "Zeitplan präsentieren", in section "1 Testabschnitt".
SUMMARY = 'summary: "Wer den Zeitplan zeigt, schafft Verlässlichkeit."'
FAITHFUL = "Im Workshop wurde notiert: den Zeitplan präsentieren."
EMBELLISHED = "Im Workshop wurde betont, dass ein Zeitplan Vertrauen und Beteiligung garantiert."


def with_summary(summary: str, checked: list[str] | None = None) -> str:
    block = f'summary: "{summary}"'
    if checked is not None:
        block += "\n    checked:\n" + "".join(f'      - "{item}"\n' for item in checked)
        block = block.rstrip("\n")
    return MINI_ENTRIES.replace(SUMMARY, block)


def findings(tmp_path: Path, entries: str) -> list[Finding]:
    try:
        load_content(write_content(tmp_path / "c", entries=entries))
    except ContentError as error:
        return error.findings
    return []


@pytest.mark.parametrize(
    ("sentence", "attributes"),
    [
        ("Im Workshop wurde gefragt, ob das geht.", True),
        ("Das wurde festgehalten.", True),
        ("Es wurde betont, wie wichtig das ist.", True),
        ("Der Workshop hat notiert: Feedback geben.", True),
        ("In einem Workshop gesagt zu bekommen, hilft.", True),
        ("Planen Sie einen Workshop mit allen.", False),
        ("Transparenz heißt: Alle können nachvollziehen, was passiert.", False),
    ],
)
def test_attribution_phrases(sentence: str, attributes: bool) -> None:
    assert bool(ATTRIBUTION.search(sentence)) is attributes


def test_faithful_sentence_passes_and_embellished_one_is_flagged(tmp_path: Path) -> None:
    assert findings(tmp_path / "a", with_summary(FAITHFUL)) == []
    broken = with_summary(EMBELLISHED)
    (finding,) = findings(tmp_path / "b", broken)
    assert (finding.file, finding.entry, finding.field) == (
        "entries/basis.yaml",
        "zeitplan",
        "summary",
    )
    assert finding.line == broken.splitlines().index(f'    summary: "{EMBELLISHED}"') + 1
    assert "X2" in finding.message and "checked" in finding.message


@pytest.mark.parametrize(
    "checked",
    [[EMBELLISHED], [EMBELLISHED[:MIN_CHECKED_PREFIX]], ["  " + EMBELLISHED[:40] + "  "]],
    ids=["exact", "shortest-prefix", "prefix-with-spaces"],
)
def test_checked_sentence_is_not_flagged(tmp_path: Path, checked: list[str]) -> None:
    assert findings(tmp_path, with_summary(EMBELLISHED, checked)) == []


@pytest.mark.parametrize(
    "checked",
    [
        ["Im Workshop wurde betont, dass"[: MIN_CHECKED_PREFIX - 1]],
        ["Ein Satz, den es nicht gibt."],
    ],
    ids=["prefix-too-short", "not-in-summary"],
)
def test_stale_or_too_short_checked_item_is_reported(tmp_path: Path, checked: list[str]) -> None:
    found = findings(tmp_path, with_summary(FAITHFUL, checked))
    assert [(f.entry, f.field) for f in found] == [("zeitplan", "checked")]


def test_attribution_in_the_plain_summary_is_checked_too(tmp_path: Path) -> None:
    broken = MINI_ENTRIES.replace(
        'summary: "Zeigen Sie den Zeitplan. Dann wissen alle Bescheid."',
        'summary: "Im Workshop hieß es: Ein Plan macht alle froh."',
    )
    (finding,) = findings(tmp_path, broken)
    assert (finding.entry, finding.field) == ("zeitplan", "plain.summary")


def test_is_checked_and_unsupported_share() -> None:
    from bot.matching.normalize import tokens

    assert is_checked("Ein  Satz,\nder geprüft ist.", ["Ein Satz, der geprüft ist."])
    assert not is_checked("Ein Satz, der geprüft ist.", ["Ein Satz"])
    reference = frozenset(tokens("Zeitplan präsentieren"))
    assert unsupported_share("Im Workshop wurde notiert: Zeitplan präsentieren.", reference) == 0
    assert unsupported_share("Im Workshop wurde gesagt: Kuchen backen.", reference) == 1


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        (
            "Im Workshop wurde empfohlen, Schlüsselpersonen einzubeziehen.",
            "Schlüsselpersonen einbeziehen",
        ),
        (
            "Im Workshop wurde festgehalten: Erfahrungen sollen weitergegeben werden.",
            "Erfahrungen weitergeben",
        ),
        (
            "Im Workshop wurde als Haltungsänderung notiert: die Verwaltung als Ermöglicherin.",
            "Haltungsänderung: Verwaltung als Ermöglicher",
        ),
    ],
)
def test_grammatical_forms_of_the_statement_count_as_found(sentence: str, statement: str) -> None:
    from bot.matching.normalize import tokens

    assert unsupported_share(sentence, frozenset(tokens(statement))) == 0


# Sentences the review of issue 12 found attributing more than the workshop noted.
REVIEWED = [
    (
        "materialienkoffer",
        "Im Workshop wurde empfohlen, einen Materialienkoffer zur Verfügung zu haben: "
        "Methoden, Vorlagen und Arbeitsmaterial für Beteiligung, die man bei Bedarf "
        "schnell zur Hand hat, statt jedes Mal neu zu suchen.",
    ),
    (
        "anlaufstellen",
        "Im Workshop wurden Anknüpfungspunkte für die Kommunikation mit der Kommune als "
        "Herausforderung genannt: Engagierte wissen oft nicht, wo und wie sie andocken "
        "können.",
    ),
    (
        "ressourcen-ziele",
        "Im Workshop wurde gefragt, wie Zeit, Geld, politische Ausrichtung und die "
        "Umsetzung von Zielen zueinander stehen – ein echtes Spannungsfeld.",
    ),
    (
        "empowerment-steuern",
        "Im Workshop wurde gefragt, ob sich Empowerment überhaupt steuern lässt, und die "
        "Trennung zwischen Ehrenamt und Profis als Spannungsfeld benannt.",
    ),
    (
        "zustaendigkeitschaos",
        "Im Workshop wurde festgehalten, dass die Stadt vorhandene Potenziale nicht nutzt"
        " – verbunden mit dem Stichwort Zuständigkeitschaos.",
    ),
]


@pytest.mark.parametrize(("entry_id", "sentence"), REVIEWED, ids=[e for e, _ in REVIEWED])
def test_the_heuristic_flags_the_sentences_the_review_found(entry_id: str, sentence: str) -> None:
    from bot.content.attribution import MIN_SHARE, reference_stems

    content = load_content(DEFAULT_CONTENT_DIR)
    entry = content.entry(entry_id)
    assert entry is not None
    assert unsupported_share(sentence, reference_stems(entry, content.statements)) > 1 - MIN_SHARE


def test_shipped_summaries_attribute_honestly() -> None:
    load_content(DEFAULT_CONTENT_DIR)  # raises on an unchecked attributing sentence


def test_help_and_about_name_the_workshop_and_the_editors() -> None:
    content = load_content(DEFAULT_CONTENT_DIR)
    about = content.entry("ueber-den-workshop")
    assert about is not None
    for text in (content.text("help", commands=""), about.summary):
        assert "Kommunale Steuerung und Empowerment im Netzwerk: Wie passt das zusammen?" in text
        assert "Die vernetzte Kommune" in text and "2017" in text
        assert "Vorschläge der Redaktion" in text
    assert "{sections}" in content.messages["source_workshop"]
