"""content/thesaurus.txt: a derived subset of OpenThesaurus (LGPL 2.1), one synset per line.

The file is built, not edited: `python -m bot.matching.thesaurus_build` selects from the
OpenThesaurus text dump the synsets that name a Wegweiser pointer's own words
(`bot.matching.thesaurus` says which and how the matcher uses them). Its format is the
dump's own: words of one meaning separated by ";", single words only, no markers; lines
starting with "#" are the header (source, version, licence, how it was built).

Optional: without the file the matcher has no thesaurus links. A line that does not parse
is named with its line number; the content then does not load, like any broken file.
"""

from __future__ import annotations

import re

from bot.content.checks import Checker
from bot.content.files import THESAURUS_FILE

SEPARATOR = ";"
COMMENT = "#"
# The licence text next to the file (LGPL 2.1 §1: a copy goes with the data).
LICENSE_FILE = "thesaurus-LICENSE.txt"
# One word: letters (with umlauts and ß), inner hyphens and dots ("E-Mail", "e.V." stay
# one word); no spaces, no markers in brackets.
WORD = re.compile(r"^[^\W\d_](?:[\w.\-]*[^\W_])?$")
HEADER = """\
# Ausschnitt aus OpenThesaurus (https://www.openthesaurus.de), für den Beteiligungslotsen.
# Nicht von Hand bearbeiten: erzeugt mit python -m bot.matching.thesaurus_build
#
# Quelle: OpenThesaurus, Textfassung vom {version} (Debian-Paket openthesaurus-de-text).
# Copyright (C) 2003-2014 Daniel Naber und die Mitwirkenden von www.openthesaurus.de.
# Lizenz: GNU Lesser General Public License (LGPL), Version 2.1 oder später; der
# Lizenztext steht in {license}. Dieser Ausschnitt steht unter derselben Lizenz.
# Geändert: nur die Gruppen, die ein Substantiv der Wegweiser enthalten (Stichwort oder
# Wort des Titels); nur einzelne Wörter; Markierungen wie „(ugs.)“ entfernt; veraltete,
# derbe, bildliche und abwertende Wörter und Wörter mit mehr als {senses} Bedeutungen
# weggelassen (ein solches Wort der Wegweiser nur dort, wo die Gruppe ein weiteres Wort
# seines Wegweisers enthält: „Ausschuss“ bei „Beirat“, nicht bei „Müll“).
#
# Eine Zeile ist eine Gruppe von Wörtern derselben Bedeutung, getrennt durch „;“.
"""
# The header must say where the data comes from and under which licence (LGPL 2.1 §1).
REQUIRED_HEADER = ("OpenThesaurus", "LGPL")


def parse_line(line: str) -> tuple[str, ...] | None:
    """The words of one synset line, or None when it is no list of two or more words."""
    found = tuple(word.strip() for word in line.split(SEPARATOR))
    if len(found) < 2 or not all(WORD.match(word) for word in found):
        return None
    return found


def parse_thesaurus(text: str) -> tuple[list[tuple[str, ...]], list[tuple[int, str]]]:
    """The synsets of a thesaurus file's text, and (line number, German message) of every
    line that is no synset or of a header that lacks its source or licence."""
    synsets: list[tuple[str, ...]] = []
    problems: list[tuple[int, str]] = []
    header: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith(COMMENT):
            header.append(stripped)
            continue
        synset = parse_line(stripped)
        if synset is None:
            problems.append(
                (
                    number,
                    "Eine Zeile ist eine Gruppe aus mindestens zwei einzelnen Wörtern, "
                    "getrennt durch „;“ (z. B. Verein;Klub).",
                )
            )
        else:
            synsets.append(synset)
    missing = [name for name in REQUIRED_HEADER if not any(name in line for line in header)]
    if synsets and missing:
        named = ", ".join(missing)
        problems.append(
            (1, f"Der Kopf der Datei muss Quelle und Lizenz nennen (es fehlt: {named}).")
        )
    return synsets, problems


def load_thesaurus(check: Checker) -> list[tuple[str, ...]]:
    """The synsets of content/thesaurus.txt (none without the file); findings for bad lines."""
    path = check.root / THESAURUS_FILE
    if not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        check.add(THESAURUS_FILE, 0, f"Die Datei ist nicht lesbar ({error}).")
        return []
    synsets, problems = parse_thesaurus(text)
    for number, message in problems:
        check.add(THESAURUS_FILE, number, message)
    return synsets
