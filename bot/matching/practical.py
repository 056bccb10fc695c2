"""The "practical question" signal: how much of a message is about law, money, insurance,
tax, forms and deadlines rather than about how people work together.

The 2017 workshop says how Kommune and Engagierte cooperate; it says next to nothing about
Haftung, Steuer, Versicherung, Anträge or Fristen. A message whose specific words are mostly
of that class is a practical question: a Wegweiser pointer or an honest refusal answers it,
not a principle that shares one everyday word with it.

A term is practical when
- its stem is one of the class words below (collected by class — legal, money and tax,
  insurance, forms and deadlines, data protection — from general administrative German,
  not from any question set), or its stem ends in one of the class's compound heads
  ("Haftpflicht*versicherung*", "Vereins*satzung*", "Spenden*quittung*"); or
- it stands only for index stems that no workshop entry uses, only Wegweiser pointers
  in their titles, questions or keywords (the pointers' own systematic vocabulary:
  "Übungsleiterpauschale", "Quorum"; a word that only their explanations use is not).
"""

from __future__ import annotations

from collections.abc import Collection

from bot.matching.normalize import fold, stem
from bot.matching.terms import Term

__all__ = ["HEADS", "WORDS", "PracticalWords"]

# Class words, by class, spelled as the matcher folds them (ü → ue); matched by stem, so
# inflected forms count too.
WORDS = frozenset(
    # law, liability, permits
    "duerfen erlaubt Recht Rechte rechtlich Rechtsform Rechtslage Gesetz gesetzlich Paragraf "
    "Paragraph Vorschrift Vorschriften Verordnung haften haftet Haftung haftbar Anwalt Anwaeltin "
    "Rechtsanwalt Gericht Amtsgericht Klage klagen verklagen Vertrag Satzung Pflicht "
    "verpflichtet Erlaubnis erlaubt verboten zulaessig unzulaessig Genehmigung genehmigen "
    "genehmigungspflichtig Anmeldung anmelden Register eintragen Eintragung Notar "
    "Ordnungsamt Auflagen Urheberrecht Impressum Lizenz GEMA Hausrecht Aufsichtspflicht "
    # money and tax
    "Geld Euro Kosten kostet kostenlos Gebuehr Gebuehren bezahlen zahlen zahlt Zahlung Honorar "
    "Verguetung verguetet Entschaedigung Pauschale Freibetrag Steuer Steuern steuerfrei "
    "steuerlich versteuern Finanzamt Umsatzsteuer Einnahmen Ausgaben Rechnung Quittung "
    "Beleg Belege Konto Bankkonto Kasse Kassenpruefung Spende Spenden spenden Zuschuss "
    "Foerdermittel Foerdergeld Finanzierung finanzieren Budget Zuwendung Buergergeld Jobcenter "
    "Rente Minijob Mindestlohn Lohn Gehalt Mitgliedsbeitrag Kredit Darlehen "
    # insurance
    "Versicherung versichert versichern Unfall Schaden Schadensfall Haftpflicht Unfallkasse "
    "Berufsgenossenschaft "
    # forms, deadlines, proof
    "Antrag beantragen Formular Frist Fristen Stichtag Unterschrift Unterschriften "
    "unterschreiben Nachweis Bescheinigung Bescheid Zertifikat Fuehrungszeugnis Vollmacht "
    "Stimmrecht Quorum "
    # data protection
    "Datenschutz DSGVO Einwilligung personenbezogen Daten".split()
)
# Compound heads of the class: a word ending in one is of the class ("Vereinshaftpflicht").
HEADS = (
    "versicherung", "steuer", "gebuehr", "kosten", "antrag", "vertrag", "satzung", "pflicht",
    "gesetz", "geld", "pauschale", "frist", "genehmigung", "erlaubnis", "haftung",
    "nachweis", "bescheinigung", "quittung", "register", "spende", "honorar", "beitrag",
    "zuschuss", "datenschutz", "rechtlich",
)  # fmt: skip
TRUSTED = 0.8  # a candidate this similar (exact, synonym, umlaut-free) says what the word is


class PracticalWords:
    """Decides which query terms are practical, for one index."""

    def __init__(self, lang: str, pointer_only: Collection[str]) -> None:
        self._stems = frozenset(stem(fold(w), lang) for w in WORDS)
        self._heads = tuple(sorted({stem(fold(h), lang) for h in HEADS}))
        self._pointer_only = frozenset(pointer_only)

    def is_practical(self, term: Term) -> bool:
        token = term.token
        if token in self._stems or token.endswith(self._heads):
            return True
        trusted = [found for found, similarity in term.candidates if similarity >= TRUSTED]
        return bool(trusted) and all(found in self._pointer_only for found in trusted)
