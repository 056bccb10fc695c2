"""German normalisation: folding, stop words, punctuation, stemming."""

from __future__ import annotations

import pytest

from bot.matching.normalize import STOP_WORDS, fold, stem, tokens, words


@pytest.mark.parametrize(
    ("folded", "original"),
    [
        ("Augenhoehe", "Augenhöhe"),
        ("Strasse", "Straße"),
        ("BUERGER", "Bürger"),
        ("Oeffentlichkeit", "Öffentlichkeit"),
        ("Aemter", "Ämter"),
    ],
)
def test_umlaut_and_sharp_s_spellings_fold_to_the_same_tokens(folded: str, original: str) -> None:
    assert fold(folded) == fold(original)
    assert tokens(folded) == tokens(original) != []


def test_fold_casefolds() -> None:
    assert fold("STRASSE") == fold("straße") == "strasse"


@pytest.mark.parametrize("word", ["und", "Wie", "wir", "die", "Bitte", "eigentlich", "für"])
def test_stop_words_are_dropped(word: str) -> None:
    assert words(f"{word} Zeitplan") == ["zeitplan"]


def test_stop_words_are_stored_folded() -> None:
    assert all(word == fold(word) for word in STOP_WORDS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bürger-Beteiligung", ["buerger", "beteiligung", "buergerbeteiligung"]),
        ("Zeitplan – Termine — Fristen", ["zeitplan", "termine", "fristen"]),
        ("„Augenhöhe?!“ (bitte)...", ["augenhoehe"]),
        ("Kosten/Nutzen; Ziele:", ["kosten", "nutzen", "ziele"]),
        ("  \t\n ", []),
        ("?!…", []),
    ],
)
def test_punctuation_and_dashes_separate_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_inflected_forms_share_a_stem() -> None:
    assert stem("initiativen") == stem("initiative")
    assert tokens("Ehrenamtliche") == tokens("ehrenamtlichen")



@pytest.mark.parametrize(
    "chat",
    [
        "weiss nich",
        "grad gabs nix",
        "wies damals war",
        "worum gings",
        "haett ich wohl",
        "isch hab ned",  # dialect
        "hamma scho, gell",
        "sooo, neeee",  # letters repeated for emphasis
        # pronominal adverbs (da-/wo-/hier- + preposition) and their chat forms
        "was machen wir draus",
        "was wird daraus",
        "worin denn",
        "drum und drunter",
        "hierzu und hierfuer",
        "frag ich mich",  # chat form of "frage", like "frage" itself
    ],
)
def test_chat_forms_and_function_words_are_stop_words(chat: str) -> None:
    assert words(f"{chat} Zeitplan") == ["zeitplan"]


def test_letters_repeated_for_emphasis_count_once() -> None:
    assert words("Zeitplaaan bitteee") == words("Zeitplan bitte") == ["zeitplan"]


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("Wie läuft die Online-Beteiligung?", "onlinebeteiligung"),
        ("unsere E-Mail-Adressen", "emailadressen"),
        ("Ad-hoc-Gruppen", "adhocgruppen"),
    ],
)
def test_a_hyphenated_compound_is_also_one_word(text: str, joined: str) -> None:
    found = words(text)
    assert joined in found
    assert all(part in found for part in joined_parts(text))


def joined_parts(text: str) -> list[str]:
    return [w for w in words(text.replace("-", " ")) if len(w) > 1]


def test_words_without_hyphens_are_unchanged() -> None:
    assert words("Wie läuft die Beteiligung?") == ["laeuft", "beteiligung"]
