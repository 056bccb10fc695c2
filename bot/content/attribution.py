"""Honest attribution: a summary sentence that credits the workshop must say what it noted.

The bot quotes the cited statements verbatim and labels everything else as the editors'
suggestions, so a sentence like "Im Workshop wurde betont, …" must not smuggle the
editors' own ideas into the workshop's mouth. The check is a heuristic: an attributing
sentence passes when most of its content words (stemmed, as the matcher stems them) occur
in the cited statements or their section titles, or when an editor listed it in the
entry's `checked` field after comparing it with the statements by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from bot.content.model import Entry, Statement
from bot.content.readability import sentences

# Phrases that credit the workshop with a statement.
ATTRIBUTION = re.compile(
    r"\bim Workshop\b|\bwurden? festgehalten\b|\bwurden? betont\b"
    r"|\bWorkshops?\b.*\b(?:gesagt|notiert|betont)\b",
    re.IGNORECASE,
)
# Words that only say *that* something was noted, not *what*: they are not compared.
REPORTING_WORDS = """
    workshop workshops wurde wurden notiert gefragt genannt benannt festgehalten betont
    gesagt gestellt empfohlen gefordert angeregt vorgeschlagen stichwort stichworte notiz
    frage fragen zusatz dazu dabei hiess heisst stand stehen steht dokumentiert beispiel
    beispiele zusammen deutlich
    """.split()
# Share of an attributing sentence's content words that must occur in the statements:
# 0.7 lets a sentence add a linking word or two ("Im Workshop wurde die Frage notiert, ob
# …") but flags one that adds a clause of its own.
MIN_SHARE = 0.7
# A `checked` entry names a sentence exactly or by a beginning at least this long.
MIN_CHECKED_PREFIX = 20
# Stems this long may match a longer or shorter form with the same start (Ermöglicher/in).
PREFIX = 5


def tokens(text: str) -> list[str]:
    """Stemmed content words, as the matcher stems them.

    bot.matching is imported on first use: it imports bot.content itself, so importing it
    while bot.content loads would be circular.
    """
    from bot.matching import tokens as matcher_tokens

    return matcher_tokens(text)


@lru_cache(maxsize=1)
def reporting_stems() -> frozenset[str]:
    """Stems of REPORTING_WORDS."""
    from bot.matching import stem

    return frozenset(stem(word) for word in REPORTING_WORDS)


def _variants(token: str) -> set[str]:
    """The stem, and the stem without an inner "zu" or "ge" (einzubeziehen ~ einbeziehen,
    weitergegeben ~ weitergeben)."""
    found = {token}
    for infix in ("zu", "ge"):
        at = token.find(infix, 2)
        if at != -1 and len(token) - len(infix) >= PREFIX:
            found.add(token[:at] + token[at + len(infix) :])
    return found


def _found(token: str, reference: frozenset[str]) -> bool:
    for variant in _variants(token):
        if variant in reference:
            return True
        if len(variant) >= PREFIX and any(
            len(known) >= PREFIX and (known.startswith(variant) or variant.startswith(known))
            for known in reference
        ):
            return True
    return False


def unsupported_share(sentence: str, reference: frozenset[str]) -> float:
    """Share of the sentence's content words (stems) that the reference does not contain."""
    reporting = reporting_stems()
    content = [t for t in tokens(sentence) if t not in reporting and not t.isdigit()]
    if not content:
        return 0.0
    missing = sum(1 for token in content if not _found(token, reference))
    return missing / len(content)


def reference_stems(entry: Entry, statements: Mapping[str, Statement]) -> frozenset[str]:
    """Stems of the entry's cited statements and of the titles of their sections."""
    texts = [
        f"{statements[source].text} {statements[source].section_title}"
        for source in entry.sources
        if source in statements
    ]
    return frozenset(tokens(" ".join(texts)))


def is_checked(sentence: str, checked: Iterable[str]) -> bool:
    """Whether an editor listed this sentence (exactly, or by a long enough beginning)."""
    sentence = " ".join(sentence.split())
    for item in checked:
        item = " ".join(item.split())
        if sentence == item or (len(item) >= MIN_CHECKED_PREFIX and sentence.startswith(item)):
            return True
    return False


def _summaries(entry: Entry) -> list[tuple[str, str]]:
    fields = [("summary", entry.summary)]
    if entry.plain is not None:
        fields.append(("plain.summary", entry.plain.summary))
    return fields


def attribution_problems(
    entry: Entry, statements: Mapping[str, Statement]
) -> Iterable[tuple[str, str]]:
    """(field, message) for unchecked attributing sentences and for stale `checked` items."""
    reference = reference_stems(entry, statements)
    all_sentences = []
    for field, text in _summaries(entry):
        for sentence in sentences(text):
            all_sentences.append(sentence)
            if not ATTRIBUTION.search(sentence) or is_checked(sentence, entry.checked):
                continue
            if unsupported_share(sentence, reference) > 1 - MIN_SHARE:
                start = " ".join(sentence.split()[:8])
                yield (
                    field,
                    f"Der Satz „{start} …“ schreibt dem Workshop etwas zu, das so nicht in "
                    f"den zitierten Aussagen ({', '.join(entry.sources)}) steht. Bitte nur "
                    "wiedergeben, was dort steht, den Rest ohne „Im Workshop …“ schreiben – "
                    "oder den geprüften Satz unter „checked“ eintragen.",
                )
    for item in entry.checked:
        if not any(is_checked(sentence, [item]) for sentence in all_sentences):
            yield (
                "checked",
                f"„{' '.join(item.split()[:8])} …“ steht so in keinem Satz von summary "
                f"oder plain.summary (genauer Wortlaut oder Satzanfang mit mindestens "
                f"{MIN_CHECKED_PREFIX} Zeichen).",
            )
