"""The glossary (content/glossary.yaml): words the content uses, explained in plain words.

Optional file; without it the glossary is empty. Terms and aliases must be unique across
terms (folded like the matcher folds), so a question "Was heißt …?" has one answer.
"""

from __future__ import annotations

from bot.content.checks import Checker
from bot.content.files import GLOSSARY_FILE
from bot.content.model import GlossaryTerm
from bot.content.yamlsource import LineDict

MAX_TERM_ID = 30
MAX_TERM = 60
MAX_EXPLANATION = 400
TERM_ENTRIES_RANGE = (1, 6)
GLOSSARY_FIELDS = ("id", "term", "aliases", "explanation", "entries")


def _unknown_fields(check: Checker, item: LineDict, term_id: str) -> None:
    for key in item:
        if key not in GLOSSARY_FIELDS:
            check.add(
                GLOSSARY_FILE,
                item.key_lines[key],
                f"Unbekanntes Feld (Tippfehler?). Erlaubt sind: {', '.join(GLOSSARY_FIELDS)}.",
                term_id,
                str(key),
            )


def _fold(word: str) -> str:
    """Casefolded, umlauts spelled out, spaces collapsed (as the matcher folds)."""
    from bot.matching import fold

    return fold(" ".join(word.split()))


def load_glossary(check: Checker, entry_ids: set[str] | None) -> list[GlossaryTerm]:
    """Glossary terms; links to entries are checked unless entry_ids is None."""
    if not (check.root / GLOSSARY_FILE).is_file():
        return []
    terms: list[GlossaryTerm] = []
    seen_ids: dict[str, int] = {}
    seen_words: dict[str, str] = {}
    for item in check.top_list(check.read(GLOSSARY_FILE), GLOSSARY_FILE, "terms"):
        term = _read_term(check, item)
        check.unique_id(seen_ids, term.id, GLOSSARY_FILE, item.line)
        _check_words_unique(check, item, term, seen_words)
        for target in term.entries:
            if entry_ids is not None and target not in entry_ids:
                check.add(
                    GLOSSARY_FILE,
                    item.key_lines.get("entries", item.line),
                    f"Verweis auf „{target}“ – diesen Eintrag gibt es nicht.",
                    term.id,
                    "entries",
                )
        terms.append(term)
    return terms


def _read_term(check: Checker, item: LineDict) -> GlossaryTerm:
    """One glossary term with its fields checked."""
    term_id = check.ident(item, GLOSSARY_FILE, MAX_TERM_ID)
    _unknown_fields(check, item, term_id)
    return GlossaryTerm(
        id=term_id,
        term=check.text(item, "term", GLOSSARY_FILE, MAX_TERM),
        explanation=" ".join(
            check.text(item, "explanation", GLOSSARY_FILE, MAX_EXPLANATION).split()
        ),
        aliases=check.texts(item, "aliases", GLOSSARY_FILE, MAX_TERM),
        entries=check.texts(
            item, "entries", GLOSSARY_FILE, MAX_TERM_ID, TERM_ENTRIES_RANGE, required=True
        ),
    )


def _check_words_unique(
    check: Checker, item: LineDict, term: GlossaryTerm, seen_words: dict[str, str]
) -> None:
    """Each word (term or alias) leads to one term only; records this term's words."""
    for field, word in [("term", term.term)] + [("aliases", a) for a in term.aliases]:
        key = _fold(word)
        if key in seen_words and seen_words[key] != term.id:
            check.add(
                GLOSSARY_FILE,
                item.key_lines.get(field, item.line),
                f"„{word}“ steht schon beim Begriff „{seen_words[key]}“ – jedes Wort "
                "darf nur zu einem Begriff führen.",
                term.id,
                field,
            )
        seen_words.setdefault(key, term.id)
