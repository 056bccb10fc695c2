"""The "practical question" signal and the pointer decision built on it.

The signal: how much of a message is about law, money, insurance, tax, forms and deadlines
rather than about how people work together.

The 2017 workshop says how Kommune and Engagierte cooperate; it says next to nothing about
Haftung, Steuer, Versicherung, Anträge or Fristen. A message whose specific words are mostly
of that class is a practical question: a Wegweiser pointer or an honest refusal answers it,
not a principle that shares one everyday word with it.

A term is practical when
- its stem is one of the class words below (collected by class — legal, money and tax,
  insurance, forms and deadlines, data protection — from general administrative German,
  not from any question set), or its stem ends in one of the class's compound heads
  ("Haftpflicht*versicherung*", "Vereins*satzung*", "Spenden*quittung*"); or
- its stem begins with a class word's stem of FAMILY letters or more (a derivational
  family: "finanziell", "bezahlt", "Unfallmeldung"); or
- it stands only for index stems that no workshop entry uses, only Wegweiser pointers
  in their titles, questions or keywords (the pointers' own systematic vocabulary:
  "Übungsleiterpauschale", "Quorum"; a word that only their explanations use is not),
  exactly or through thesaurus links only ("Strafregister" → Führungszeugnis).

The decision (`bot.matching.matcher.Matcher.search`): the more practical a question, the
further its best pointer may trail the best principle and the less sure it needs to be
(`pointer_first`, `pointer_from`); a principle that leaves the practical part open, or that a
pointer outscores on a question with practical words, is no answer (`not_the_workshop`); a
pointer that clearly beats every principle is offered when no principle answers
(`clearly_ahead`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from bot.matching.decision import Fit, Ranked
from bot.matching.normalize import fold, stem
from bot.matching.senses import TAX_WORD
from bot.matching.terms import Term

__all__ = [
    "ENGLISH_WORDS",
    "FRAME_SHARE",
    "HEADS",
    "WORDS",
    "PracticalWords",
    "clearly_ahead",
    "far_ahead",
    "names_core",
    "not_the_workshop",
    "pointer_first",
    "pointer_from",
    "practical_first",
    "predicate_first",
    "private_matter",
]

# Class words, by class, spelled as the matcher folds them (ü → ue); matched by stem, so
# inflected forms count too. The tax "Steuer(n)", "steuerlich" is TAX_WORD
# (`bot.matching.senses`): the verb "steuern" (to steer) is no practical word.
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
    "Verguetung verguetet Entschaedigung Pauschale Freibetrag steuerfrei "
    f"{TAX_WORD} versteuern Finanzamt Umsatzsteuer Einnahmen Ausgaben Rechnung Quittung "
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
# Compound heads of the class: a word ending in one is of the class ("Vereinshaftpflicht");
# the head alone counts only as a class word ("steuer" stems like the verb "steuern").
HEADS = (
    "versicherung", "steuer", "gebuehr", "kosten", "antrag", "vertrag", "satzung", "pflicht",
    "gesetz", "geld", "pauschale", "frist", "genehmigung", "erlaubnis", "haftung",
    "nachweis", "bescheinigung", "quittung", "register", "spende", "honorar", "beitrag",
    "zuschuss", "datenschutz", "rechtlich",
)  # fmt: skip
# Derivational families: a word whose stem begins with a class stem of at least FAMILY
# letters is of the class too ("finanziell", "finanziert" of "finanzieren"; "bezahlt";
# "versicherungsrechtlich", "Unfallmeldung"). Over the index vocabulary and the 50,000 most
# frequent German words the rule adds 94 stems; read one by one, all are of the class but
# these verb forms of other verbs, which only look like one ("gesetzt" of "setzen",
# "gebührt", "verträgt"):
FAMILY = 6
NOT_FAMILY = frozenset({"gesetzt", "gebuhrt", "vertragt"})
# The pointer decision (`Matcher.search`):
POINTER_FROM = 0.5  # confidence a pointer needs to be offered at all ...
PRACTICAL_SOME = 0.2  # ... but from this practical share ...
PRACTICAL_POINTER_FROM = 0.3  # ... this confidence is enough
POINTER_EDGE = 3.0  # score points a pointer may trail the best principle and still win ...
PRACTICAL_EDGE = 30.0  # ... and more for a practical question, in proportion to its share
PRACTICAL_FROM = 0.5  # a principle leaving this share of practical words open is no answer
AHEAD_BY = 5.0  # score points by which a pointer beats every principle ...
AHEAD_FROM = 0.3  # ... to be offered with this confidence when no principle answers
FAR_AHEAD_BY = 10.0  # ... and by which it beats a principle that would answer on its own
# A pointer that names what the question asks about (`Fit.core`: the asked predicate or the
# noun asked to be explained) and outscores every principle is offered from this confidence:
# the message's other words (a subject, a place) may be ones no pointer knows.
CORE_FROM = 0.2
PRACTICAL_TIE = 3.0  # pointers this close to the best are ordered by the practical words
PREDICATE_TIE = 20.0  # ... and this close, the one that names the asked predicate goes first
# A question asking for a rule or an address needs this fit of a principle (workshop
# questions so framed were seen from 0.62: "Müssen Firmen und Initiativen dieselben Ziele …")
FRAMED_FIT = 0.6
NAMES = 0.8  # a pointer names a word it has (or a close form of it) where it says what it is
# The same classes in English, for questions answered in English (English stems): the
# words English speakers use for these matters, from general administrative English.
ENGLISH_WORDS = frozenset(
    # law, liability, permits
    "law laws legal legally lawyer solicitor court sue liable liability contract statutes "
    "bylaws regulation regulations allowed permitted prohibited illegal permit permits "
    "permission licence license registration registered notary copyright gema obligation "
    "mandatory compulsory "
    # money and tax
    "money euro euros cost costs fee fees pay paid payment funding funds grant grants subsidy "
    "tax taxes taxable vat income expenses invoice receipt receipts cash donation donations "
    "allowance allowances honorarium reimbursement reimburse wage salary loan dues "
    # insurance
    "insurance insured insure accident damage injury injured "
    # forms, deadlines, proof
    "application applications form forms deadline deadlines signature signatures "
    "certificate proof attorney quorum "
    # data protection
    "gdpr privacy consent data".split()
)
FRAME_SHARE = 0.3  # the practical share a practical frame adds (the workshop explains none)
TRUSTED = 0.8  # a candidate this similar (exact, synonym, umlaut-free) says what the word is
SPECIFIC = 0.3  # a word only pointers know counts when it is at least this specific
PRIVATE_SHARE = 0.4  # a message with this share of private mass gets no pointer


class PracticalWords:
    """Decides which query terms are practical, for one index."""

    def __init__(self, lang: str, pointer_only: Collection[str]) -> None:
        english = lang == "en"
        self._stems = frozenset(stem(fold(w), lang) for w in (ENGLISH_WORDS if english else WORDS))
        # English writes its compounds apart: no heads ("tax" is a word of its own).
        self._heads = () if english else tuple(sorted({stem(fold(h), lang) for h in HEADS}))
        # class stems of FAMILY letters or more by their first FAMILY letters (English: none)
        self._family: dict[str, tuple[str, ...]] = {}
        for found in () if english else sorted(self._stems):
            if len(found) >= FAMILY:
                self._family[found[:FAMILY]] = (*self._family.get(found[:FAMILY], ()), found)
        self._pointer_only = frozenset(pointer_only)

    def is_practical(self, term: Term) -> bool:
        token = term.token
        if token in self._stems:
            return True
        if token.endswith(self._heads) and token not in self._heads:
            return True
        if self._of_family(token):
            return True
        if term.info < SPECIFIC:
            return False  # "per", "neu": a pointer's everyday word says nothing about the class
        return self.only_pointers(term)

    def only_pointers(self, term: Term) -> bool:
        """True when the term stands only for stems no workshop entry uses, only pointers'
        names; a word known only through thesaurus links, for what they lead to."""
        least = 0.0 if term.linked else TRUSTED
        trusted = [found for found, similarity in term.candidates if similarity >= least]
        return bool(trusted) and all(found in self._pointer_only for found in trusted)

    def _of_family(self, token: str) -> bool:
        """True when the stem begins with a longer class stem ("finanziell": "finanzi")."""
        family = self._family.get(token[:FAMILY])  # one look-up for most words
        if family is None or token in NOT_FAMILY:
            return False
        return any(len(token) > len(found) and token.startswith(found) for found in family)


def predicate_first(pointers: list[Ranked], names: Callable[[int], bool]) -> list[Ranked]:
    """The ranked pointers, the best of those within PREDICATE_TIE of the first that names
    the asked predicate (`names(index)`) first: "Sind Vorstandsmitglieder … unfallversichert?"
    asks about insurance, though "Vorstandsmitglieder" names the Vereinsrecht pointer."""
    if len(pointers) < 2 or names(pointers[0].index):
        return pointers
    floor = pointers[0].score - PREDICATE_TIE
    first = next((p for p in pointers if p.score >= floor and names(p.index)), None)
    if first is None:
        return pointers
    return [first, *(p for p in pointers if p is not first)]


def pointer_from(fit: Fit) -> float:
    """The confidence a pointer needs to be offered: less for a practical question."""
    return POINTER_FROM if fit.practical < PRACTICAL_SOME else PRACTICAL_POINTER_FROM


def not_the_workshop(
    principle: Ranked, pointer: Ranked | None, rule_asked: bool = False, alone: bool = False
) -> bool:
    """True when the best principle is no answer to a practical question: it leaves most of
    the practical words open; or the question asks for a rule or an address (`rule_asked`,
    `bot.matching.frames.asks_for_rule`) and it explains less than FRAMED_FIT of it
    ("… einen Bolzplatz. Wo kann sie das vorbringen?" asks for an address, not for the
    workshop's engagement in the Ort); or a pointer outscores it on a question with
    practical words or on a one-sentence message (`alone`): "Können Minderjährige einen
    Verein mitgründen?" is about founding a Verein more than about any principle that
    mentions one, even when that pointer is not sure enough to be offered. A longer
    message's introduction may borrow a pointer's words ("Wir möchten Jugendliche an der
    Planung beteiligen. …") while it asks the workshop."""
    if principle.fit.practical_left >= PRACTICAL_FROM:
        return True
    if rule_asked and principle.fit.fit < FRAMED_FIT:
        return True
    if pointer is None or pointer.score < principle.score:
        return False
    return alone or pointer.fit.practical > 0


def clearly_ahead(
    principle: Ranked | None, pointer: Ranked, confidence: float, by: float = AHEAD_BY
) -> bool:
    """True when no principle answers and the pointer clearly outscores the best of them:
    a pointer that fits better than anything in the workshop is worth offering."""
    rival = principle.score if principle else 0.0
    return confidence >= AHEAD_FROM and pointer.score >= rival + by


def names_core(principle: Ranked | None, pointer: Ranked, confidence: float) -> bool:
    """True when the pointer names what the question asks about (`Fit.core`), outscores the
    best principle and has at least CORE_FROM confidence: "Sind Kinder versichert, die bei
    unserer Müllsammelaktion im Park mitmachen?" asks whether someone is insured, though
    "Kinder" and "Park" are words of other pointers and "Müllsammelaktion" is known to none."""
    rival = principle.score if principle else 0.0
    return pointer.fit.core and confidence >= CORE_FROM and pointer.score >= rival


def far_ahead(principle: Ranked | None, pointer: Ranked, confidence: float) -> bool:
    """True when the pointer outscores the best principle by FAR_AHEAD_BY with at least
    AHEAD_FROM confidence: the workshop then is no answer, however sure its best entry is
    on its own (a few shared everyday words)."""
    return principle is not None and clearly_ahead(principle, pointer, confidence, FAR_AHEAD_BY)


def practical_first(pointers: list[Ranked]) -> list[Ranked]:
    """The ranked pointers, the one that leaves the fewest practical words open first among
    those within PRACTICAL_TIE of the best (a question without practical words: unchanged).

    Close scores say the pointers explain about as much of the question; which of them
    explains its practical words says what it asks: "Ist der Weg zum Einsatzort bei
    Ehrenamtlichen eigentlich mitversichert?" is about insurance ("mitversichert"), not about
    finding a role, though "Ehrenamtliche" weighs as much.
    """
    if len(pointers) < 2 or pointers[0].fit.practical <= 0.0:
        return pointers
    close = [p for p in pointers if p.score >= pointers[0].score - PRACTICAL_TIE]
    first = min(close, key=lambda p: (p.fit.practical_left, -p.score))
    if first is pointers[0]:
        return pointers
    return [first, *(p for p in pointers if p is not first)]


def pointer_first(principle: Ranked | None, pointer: Ranked | None) -> bool:
    """True when the best pointer fits at least as well as the best principle.

    A practical question ("Wer haftet, wenn ein Helfer jemanden verletzt?") then gets its
    pointer, not a principle that shares one word with it: the more of the question is
    about law, money or forms (`Fit.practical`), the further the pointer may trail.
    """
    if pointer is None:
        return False
    edge = POINTER_EDGE + PRACTICAL_EDGE * pointer.fit.practical
    return principle is None or pointer.score + edge >= principle.score


def private_matter(fit: Fit) -> bool:
    """True when PRIVATE_SHARE or more of the message's specific mass is private-matter or
    everyday-service words (content/smalltalk.yaml; the matcher asks for a private one
    among them, `Classifier.names_private`): "Gibt es Zuschüsse für eine neue Heizung?"
    asks about the writer's own household, which no Wegweiser pointer covers, though
    "Zuschuss" names the funding pointer's topic."""
    if fit.fit <= 0.0:
        return fit.foreign > 0.0
    return fit.foreign >= PRIVATE_SHARE * fit.explained / fit.fit
