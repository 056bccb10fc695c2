"""content/contacts.yaml: loaded into the content model; mistakes named with line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.loader import ContentError, load_content
from bot.content.model import Contact
from tests.conftest import CONTENT_DIR, write_content

GOOD = """\
# a comment
contacts:
  - name: "Engagementbüro"
    helps_with: "Ehrenamt und Vereine"
    email: "engagement@stadt.de"
    hours: "Mo 9–12 Uhr"
  - role: "Freiwilligenagentur"
    helps_with: "Vermittlung"
    web: "https://freiwillig.stadt.de"
"""


def test_shipped_contacts_are_a_marked_example() -> None:
    content = load_content(CONTENT_DIR)
    assert content.contacts_are_example
    assert content.contacts and all(c.helps_with for c in content.contacts)
    assert "BEISPIEL" in (CONTENT_DIR / "contacts.yaml").read_text(encoding="utf-8")


def test_contacts_are_loaded(tmp_path: Path) -> None:
    content = load_content(write_content(tmp_path, **{"contacts.yaml": GOOD}))
    assert content.contacts == (
        Contact(
            "Engagementbüro",
            "",
            "Ehrenamt und Vereine",
            "engagement@stadt.de",
            "",
            "",
            "Mo 9–12 Uhr",
        ),
        Contact("", "Freiwilligenagentur", "Vermittlung", web="https://freiwillig.stadt.de"),
    )
    assert not content.contacts_are_example


def test_without_the_file_there_are_no_contacts(mini_content_dir: Path) -> None:
    assert load_content(mini_content_dir).contacts == ()


BAD = [
    pytest.param(
        GOOD.replace('    email: "engagement@stadt.de"\n', ""),
        3,
        None,
        "Mindestens ein Weg",
        id="no-way-to-reach",
    ),
    pytest.param(
        GOOD.replace('  - name: "Engagementbüro"\n', '  - phone: "0211 1234"\n'),
        3,
        "name",
        "„name“ oder „role“",
        id="no-name-or-role",
    ),
    pytest.param(
        GOOD.replace("engagement@stadt.de", "engagement at stadt"),
        5,
        "email",
        "keine E-Mail-Adresse",
        id="bad-email",
    ),
    pytest.param(
        GOOD.replace("https://freiwillig", "freiwillig"),
        9,
        "web",
        "beginnt mit https://",
        id="bad-web",
    ),
    pytest.param(
        GOOD.replace('    helps_with: "Vermittlung"\n', ""),
        7,
        "helps_with",
        "Das Feld fehlt",
        id="missing-helps-with",
    ),
    pytest.param(
        GOOD.replace("    hours:", "    hour:"),
        6,
        "hour",
        "Unbekanntes Feld",
        id="typo",
    ),
    pytest.param("contacts: [\n", 2, None, "YAML-Syntaxfehler", id="syntax"),
]


@pytest.mark.parametrize(("text", "line", "field", "message"), BAD)
def test_mistakes_name_file_line_and_field(
    tmp_path: Path, text: str, line: int, field: str | None, message: str
) -> None:
    with pytest.raises(ContentError) as raised:
        load_content(write_content(tmp_path, **{"contacts.yaml": text}))
    (finding,) = raised.value.findings
    assert finding.file == "contacts.yaml"
    assert (finding.line, finding.field) == (line, field)
    assert message in finding.message
