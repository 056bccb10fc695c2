"""content/lexicon.yaml: each Wegweiser pointer's topic vocabulary (read and checked here).

The file is built, not edited: `python -m bot.matching.lexicon_build` collects from public
German pages on each pointer's topic the words those pages use and the pointer's own texts
do not ("Projektskizze" and "Verwendungsnachweis" for funding, "Schaukasten" for data
protection). The matcher indexes them as a low-weight field of their pointer
(`bot.matching.documents.LEXICON_WEIGHT`). Format: one top-level key `pointers:` with a list
of `id` (a pointer of wegweiser.yaml), `words` (single words) and `sources` (the http(s)
addresses of the pages they were counted on); comments at the top say how it was built.

Optional: without the file the pointers have no lexicon. Every problem is a finding naming
file, line, pointer and field, like the other content files; then the content does not load.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import MappingProxyType

from bot.content.checks import Checker
from bot.content.files import LEXICON_FILE, WEGWEISER_FILE
from bot.content.pointers import url_problem
from bot.content.thesaurus import WORD
from bot.content.yamlsource import LineDict, LineList

# The head of the built file (`bot.matching.lexicon_build`): how it was made.
HEADER = """\
# Themenwortschatz der Wegweiser: Wörter, die öffentliche Seiten zum Thema eines Wegweisers
# benutzen und seine eigenen Texte nicht. Der Bot findet den Wegweiser auch über sie, aber
# schwächer als über Titel, Fragen und Stichwörter.
# Nicht von Hand bearbeiten: erzeugt mit python -m bot.matching.lexicon_build KORPUS
# (Regel: siehe dort). Korpus: je Wegweiser die Seiten, die die Suche (öffentliche deutsche
# Seiten) auf Anfragen aus Titel und Orientierung des Wegweisers fand, dazu Seiten zum Thema
# des Workshops als Vergleich; gezählt wird, auf wie vielen Seiten ein Wort vorkommt.
# Ausgeliefert werden nur die gewählten Wörter und die Adressen der Seiten („sources“).
# Parameter: mindestens {pages} Seiten, Log-Odds ab {odds}, Zipf unter {zipf}, höchstens {most}
# Wörter je Wegweiser.
"""
FIELDS = ("id", "words", "sources")
MAX_WORD = 40


def _words(check: Checker, item: LineDict, pointer_id: str) -> tuple[str, ...]:
    """The `words` list: single words only (letters, inner hyphens), each at most MAX_WORD."""
    value = item.get("words")
    line = item.key_lines.get("words", item.line)
    if not isinstance(value, LineList) or not value:
        check.add(
            LEXICON_FILE, line, "Hier muss eine Liste von Wörtern stehen.", pointer_id, "words"
        )
        return ()
    found: list[str] = []
    for word, word_line in zip(value, value.item_lines, strict=True):
        if not isinstance(word, str) or len(word) > MAX_WORD or not WORD.match(word.strip()):
            message = f"„{word}“ ist kein einzelnes Wort (Buchstaben, höchstens {MAX_WORD})."
            check.add(LEXICON_FILE, word_line, message, pointer_id, "words")
        else:
            found.append(word.strip())
    return tuple(found)


def _sources(check: Checker, item: LineDict, pointer_id: str) -> None:
    """The `sources` list (optional): well-formed https addresses."""
    value = item.get("sources")
    if value is None:
        return
    line = item.key_lines.get("sources", item.line)
    if not isinstance(value, LineList):
        message = "Hier muss eine Liste von Adressen stehen."
        check.add(LEXICON_FILE, line, message, pointer_id, "sources")
        return
    for url, url_line in zip(value, value.item_lines, strict=True):
        # pages are named as found: http or https
        plain = url.strip().replace("http://", "https://", 1) if isinstance(url, str) else ""
        problem = url_problem(plain) if plain else "Hier fehlt die Adresse."
        if problem:
            check.add(LEXICON_FILE, url_line, f"{problem} ({url})", pointer_id, "sources")


def _read_item(
    check: Checker, item: LineDict, pointer_ids: Collection[str] | None
) -> tuple[str, tuple[str, ...]] | None:
    value = item.get("id")
    line = item.key_lines.get("id", item.line)
    if not isinstance(value, str) or not value.strip():
        check.add(LEXICON_FILE, line, "Das Feld fehlt oder ist leer.", None, "id")
        return None
    pointer_id = value.strip()
    for key in item:
        if key not in FIELDS:
            message = f"Unbekanntes Feld (Tippfehler?). Erlaubt sind: {', '.join(FIELDS)}."
            check.add(LEXICON_FILE, item.key_lines[key], message, pointer_id, str(key))
    if pointer_ids is not None and pointer_id not in pointer_ids:
        message = f"Einen Wegweiser „{pointer_id}“ gibt es nicht in {WEGWEISER_FILE}."
        check.add(LEXICON_FILE, line, message, pointer_id, "id")
    _sources(check, item, pointer_id)
    return pointer_id, _words(check, item, pointer_id)


def load_lexicon(
    check: Checker, pointer_ids: Collection[str] | None
) -> Mapping[str, tuple[str, ...]]:
    """Pointer id → its topic words (empty without the file). `pointer_ids`: the pointers
    of wegweiser.yaml, to check the ids against (None: not checked)."""
    if not (check.root / LEXICON_FILE).is_file():
        return MappingProxyType({})
    data = check.read(LEXICON_FILE)
    found: dict[str, tuple[str, ...]] = {}
    seen: dict[str, int] = {}
    for item in check.top_list(data, LEXICON_FILE, "pointers"):
        read = _read_item(check, item, pointer_ids)
        if read is None:
            continue
        pointer_id, words = read
        check.unique_id(seen, pointer_id, LEXICON_FILE, item.key_lines.get("id", item.line))
        found[pointer_id] = words
    return MappingProxyType(found)
