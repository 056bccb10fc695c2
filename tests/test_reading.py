"""Further reading: loading and checking reading.yaml, and showing it under topics."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.loader import ContentError, Finding, load_content
from bot.content.reading import url_problem
from bot.snapshot import Snapshot
from bot.testing.fake_telegram import parse_html
from bot.ui.render import render_reading, render_topic, to_plain
from tests.conftest import write_content

READING = """\
reading:
  - id: netzwerk
    title: "Netzwerk Bürgerbeteiligung"
    url: "https://www.netzwerk-buergerbeteiligung.de/"
    about: "Leitlinien aus vielen Kommunen."
    topics: [basis]
  - id: bagfa
    title: "bagfa"
    url: "https://bagfa.de/"
    about: "Freiwilligenagenturen in ganz Deutschland."
    topics: [basis]
"""


def findings_for(tmp_path: Path, reading: str) -> list[Finding]:
    root = write_content(tmp_path / "content", **{"reading.yaml": reading})
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return caught.value.findings


def test_shipped_reading_list_is_valid_and_fits_topics(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    assert 4 <= len(content.reading) <= 10
    topic_ids = {t.id for t in content.topics}
    for reading in content.reading:
        assert url_problem(reading.url) is None
        assert set(reading.topics) <= topic_ids and reading.about


def test_reading_is_optional(mini_content_dir: Path) -> None:
    content = load_content(mini_content_dir)
    assert content.reading == ()
    assert to_plain(render_reading(content).text) == content.text("reading_none")


def test_mini_reading_loads_in_file_order(tmp_path: Path) -> None:
    content = load_content(write_content(tmp_path / "content", **{"reading.yaml": READING}))
    assert [r.id for r in content.reading_for("basis")] == ["netzwerk", "bagfa"]
    assert content.reading_for("weg") == ()


@pytest.mark.parametrize(
    "url",
    [
        "http://bagfa.de/",
        "https://bagfa .de/",
        "ftp://bagfa.de/",
        "https://",
        "https://localhost/",
        "https://user:pw@bagfa.de/",
        "https://bagfa.de:8443/",
        "bagfa.de",
        "https://bagfa.de/" + "x" * 300,
    ],
)
def test_malformed_or_insecure_urls_are_refused(url: str) -> None:
    assert url_problem(url)


@pytest.mark.parametrize(
    "url", ["https://bagfa.de/", "https://www.buergerrat.de/haeufige-fragen/", "https://b-b-e.de"]
)
def test_well_formed_https_urls_pass(url: str) -> None:
    assert url_problem(url) is None


@pytest.mark.parametrize(
    ("old", "new", "field", "needle"),
    [
        ("https://bagfa.de/", "http://bagfa.de/", "url", "https://"),
        ("[basis]\n  - id: bagfa", "[weg]\n  - id: bagfa", "topics", "gibt"),
        ("id: bagfa", "id: netzwerk", "id", "schon"),
        ('    about: "Leitlinien aus vielen Kommunen."\n', "", "about", "fehlt"),
    ],
)
def test_reading_findings_name_line_and_field(
    tmp_path: Path, old: str, new: str, field: str, needle: str
) -> None:
    assert old in READING
    (finding,) = findings_for(tmp_path, READING.replace(old, new, 1))
    assert finding.file == "reading.yaml" and finding.field == field and finding.line > 1
    assert needle in finding.message


def test_topic_lists_its_reading_with_links(tmp_path: Path) -> None:
    content = load_content(write_content(tmp_path / "content", **{"reading.yaml": READING}))
    reply = render_topic(content, "basis")
    assert reply is not None
    shown = parse_html(reply.text)[0]
    assert "Netzwerk Bürgerbeteiligung: https://www.netzwerk-buergerbeteiligung.de/" in shown
    assert "bagfa: https://bagfa.de/" in shown
    assert parse_html(content.text("reading_topic_header"))[0] in shown


def test_reading_list_shows_every_resource_with_its_description(
    shipped_snapshot: Snapshot,
) -> None:
    content = shipped_snapshot.content
    shown = parse_html(render_reading(content).text)[0]
    for reading in content.reading:
        assert f"{reading.title}\n{reading.about}\n{reading.url}" in shown
