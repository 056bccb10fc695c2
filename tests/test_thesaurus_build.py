"""Building content/thesaurus.txt from the OpenThesaurus dump (bot.matching.thesaurus_build):
the selection rule, on a small dump of the same format."""

from __future__ import annotations

from pathlib import Path

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.thesaurus import parse_thesaurus
from bot.matching.normalize import stem
from bot.matching.thesaurus_build import (
    MAX_SENSES,
    build,
    clean,
    contexts_of,
    main,
    select,
    senses,
    version_of,
)

DUMP = """\
# OpenThesaurus - German Thesaurus in text format
# Automatically generated 2016-04-24 23:01
Vorstrafenregister;Führungszeugnis;Strafregister;(ein) sauberes Führungszeugnis (haben)
Gemach (veraltend);Kammer;Raum;Zimmer;Kabuff (ugs., abwertend)
verlagern;auslagern;räumen
Kick-off-Veranstaltung;Auftakt;Eröffnung
Penne (ugs.);Schule
Ort;Stelle;Platz
Stelle;Arbeitsplatz;Job
Stelle;Passage
Stelle;Dienststelle;Amt
Raum;Stelle
Hausmüll;Ausschuss;Abfall;Müll
Zirkel;Ausschuss;Beirat;Gremium
Kommission;Ausschuss;Komitee
Reste;Ausschuss;Rest
"""
LINES = DUMP.splitlines()
CONTEXTS = {
    stem("fuehrungszeugnis"): {stem("fuehrungszeugnis"), stem("ehrenamt")},
    stem("raeume"): {stem("raeume"), stem("saal")},
    stem("veranstaltung"): {stem("veranstaltung")},
    stem("ausschuss"): {stem("ausschuss"), stem("beirat"), stem("stadtrat")},
}


def test_clean_strips_markers_and_drops_some() -> None:
    assert clean("Knete (ugs.)") == "Knete"
    assert clean("(sich) einmieten") == "einmieten"
    assert clean("Kabuff (ugs., abwertend)") is None
    assert clean("Hypothek (fig.)") is None
    assert clean("ins Leben rufen") is None


def test_senses_count_synsets_per_term() -> None:
    counted = senses(LINES)
    assert counted["Stelle"] == 5 > MAX_SENSES
    assert counted["Raum"] == 2


def test_select_keeps_synsets_with_a_noun_anchor() -> None:
    selected = select(LINES, CONTEXTS)
    assert selected[:2] == [
        ("Vorstrafenregister", "Führungszeugnis", "Strafregister"),
        ("Gemach", "Kammer", "Raum", "Zimmer"),  # "Kabuff" pejorative, dropped
    ]  # not: "räumen" (a verb), "Kick-off-Veranstaltung" (a part), "Raum;Stelle" (polysemous)


def test_an_anchor_of_many_senses_counts_where_its_pointers_use_another_word() -> None:
    """ "Ausschuss" has four senses here: the committee (with "Beirat", a word of its
    pointer) is kept, the scrap ("Müll") and the rest are not."""
    assert senses(LINES)["Ausschuss"] == 4 > MAX_SENSES
    assert select(LINES, CONTEXTS)[2:] == [("Zirkel", "Ausschuss", "Beirat", "Gremium")]


def test_the_version_comes_from_the_dump_header() -> None:
    assert version_of(LINES) == "2016-04-24"


def test_build_writes_a_file_that_parses(tmp_path: Path) -> None:
    dump = tmp_path / "openthesaurus.txt"
    dump.write_text(DUMP, encoding="utf-8")
    text = build(dump, DEFAULT_CONTENT_DIR)
    synsets, problems = parse_thesaurus(text)
    assert problems == []
    assert ("Vorstrafenregister", "Führungszeugnis", "Strafregister") in synsets
    assert "2016-04-24" in text and "LGPL" in text
    out = tmp_path / "thesaurus.txt"
    assert main([str(dump), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == text


def test_a_missing_dump_is_reported(tmp_path: Path) -> None:
    assert main([str(tmp_path / "missing.txt"), "--out", str(tmp_path / "t.txt")]) == 1


def test_an_anchor_s_context_is_its_pointers_texts() -> None:
    from bot.content import load_content

    contexts = contexts_of(load_content(DEFAULT_CONTENT_DIR))
    assert stem("beirat") in contexts[stem("ausschuss")]  # both of beteiligungsregeln
    assert stem("muell") not in contexts[stem("ausschuss")]
