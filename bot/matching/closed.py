"""What German fixes once for all, for every module that reads German text: how umlauts
and ß are spelled without their keys, and the closed word classes (articles, pronouns,
possessives, prepositions, conjunctions) the request readers pass over or stop at.

Word classes are written folded (ü → ue), as `bot.matching.normalize.fold` spells words.
"""

from __future__ import annotations

__all__ = ["SPELLED_OUT", "UMLAUTS"]

# The umlauts and ß, spelled out as German writes them without those keys (Straße → Strasse).
UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
# ... as a translation table that keeps the case ("Ärger" → "Aerger"; ß has no one-letter
# capital in Python, "ß".upper() is "SS").
SPELLED_OUT = str.maketrans(
    UMLAUTS
    | {char.upper(): spelled.capitalize() for char, spelled in UMLAUTS.items() if char != "ß"}
)
