"""The practical-question signal (bot.matching.practical) and what the matcher does with it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.matching import KIND_POINTER, KIND_PRINCIPLE, KIND_REFUSAL
from bot.matching.decision import Fit, Ranked, confidence_of
from bot.matching.postings import Explains
from bot.matching.practical import (
    CORE_FROM,
    FRAME_SHARE,
    POINTER_FROM,
    PracticalWords,
    names_core,
    not_the_workshop,
    practical_first,
    predicate_first,
)
from bot.matching.ranking import RERANK_POINTERS, _names_core, _with_asked
from bot.matching.terms import Term
from bot.snapshot import Snapshot


def term(token: str, *candidates: tuple[str, float], info: float = 1.0) -> Term:
    return Term(token, info, info, tuple(candidates))


@pytest.mark.parametrize(
    ("token", "practical"),
    [
        ("haft", True),  # haften, haftet: a class word
        ("versicher", True),  # Versicherung
        ("haftpflichtversicher", True),  # a compound ending in a class head
        ("vereinssatzung", True),
        ("zusammenarbeit", False),
        ("vertrau", False),
        ("finanziell", True),  # a derivational family: begins with "finanzi" (finanzieren)
        ("versicherungsrecht", True),  # versicherungsrechtlich
        ("unfallmeld", True),  # Unfallmeldung
        ("finanz", False),  # Finanzen: shorter than the class stem, a workshop word
        ("gesetzt", False),  # of "setzen", not of "Gesetz"
        ("vertragt", False),  # verträgt, not of "Vertrag"
    ],
)
def test_class_words_and_heads_are_practical(token: str, practical: bool) -> None:
    assert PracticalWords("de", ()).is_practical(term(token)) is practical


def test_a_word_only_pointers_know_is_practical() -> None:
    words = PracticalWords("de", {"ubungsleiterpauschal"})
    assert words.is_practical(term("ubungsleiterpauschal", ("ubungsleiterpauschal", 1.0)))
    # a word some workshop entry also knows is not, whatever else it may stand for
    assert not words.is_practical(
        term("partnerschaft", ("partnerschaft", 1.0), ("ubungsleiterpauschal", 0.8))
    )
    # a weak (typo, part) resemblance to a pointer word says nothing
    assert not words.is_practical(term("pausch", ("ubungsleiterpauschal", 0.4)))
    # a word known only through a thesaurus link to a pointer's word is the pointer's
    linked = Term("klub", 1.0, 1.0, (("ubungsleiterpauschal", 0.7),), linked=True)
    assert words.is_practical(linked)
    assert not words.is_practical(replace(linked, linked=False))
    # nor does an everyday word that happens to occur only in pointers ("per Abstimmung")
    words = PracticalWords("de", {"per"})
    assert not words.is_practical(term("per", ("per", 1.0), info=0.15))


def test_practical_share_is_set_on_the_fit(shipped_snapshot: Snapshot) -> None:
    matcher = shipped_snapshot.matcher
    _, pointers = matcher.rank(matcher.terms("Wer haftet für Schäden bei der Aktion?"))
    assert pointers[0].fit.practical > 0.3
    principles, _ = matcher.rank(matcher.terms("Wie gewinnen wir Vertrauen in der Nachbarschaft?"))
    assert principles[0].fit.practical == 0.0


@pytest.mark.parametrize(
    "question",
    [
        "Wer haftet, wenn bei unserer Aktion jemand verletzt wird?",
        "Müssen wir für die Musik auf dem Straßenfest GEMA-Gebühren bezahlen?",
        "Ist die Aufwandsentschädigung für Ehrenamtliche steuerfrei?",
    ],
)
def test_practical_question_gets_no_principle(shipped_snapshot: Snapshot, question: str) -> None:
    result = shipped_snapshot.matcher.search(question)
    assert not result.answered
    assert result.kind == KIND_POINTER


def test_workshop_question_with_a_practical_word_still_gets_its_principle(
    shipped_snapshot: Snapshot,
) -> None:
    result = shipped_snapshot.matcher.search("Spende oder Partnerschaft")
    assert result.kind == KIND_PRINCIPLE and result.answered


def test_a_question_touching_both_gets_the_principle_and_the_pointer_offer(
    shipped_snapshot: Snapshot,
) -> None:
    # The issue's own example: money is practical, independence is the workshop's topic.
    # "unabhängig" appears only in a pointer's explanation, which makes no word practical.
    result = shipped_snapshot.matcher.search(
        "Wie finanzieren wir unser Projekt, und wie bleibt es unabhängig?"
    )
    assert result.kind == KIND_PRINCIPLE and result.answered
    assert result.best is not None and result.best.entry.id == "ressourcen-ziele"
    assert result.pointer is not None


def test_the_verb_steuern_is_no_practical_word_the_tax_is(shipped_snapshot: Snapshot) -> None:
    practical = shipped_snapshot.matcher.practical
    steer = [t for t in shipped_snapshot.matcher.terms("Wie kann die Kommune das steuern?")]
    assert steer and not any(practical.is_practical(t) for t in steer if "steu" in t.token)
    tax = shipped_snapshot.matcher.terms("Muss ich dafür Steuern zahlen?")
    assert any(practical.is_practical(t) and "steu" in t.token for t in tax)
    # a compound ending in the class head stays practical ("Umsatzsteuer")
    assert practical.is_practical(term("umsatzsteu"))
    assert not practical.is_practical(term("steu"))


def test_a_tax_question_is_not_answered_with_the_steering_principle(
    shipped_snapshot: Snapshot,
) -> None:
    matcher = shipped_snapshot.matcher
    result = matcher.search("Muss ich für mein Ehrenamt Steuern zahlen?")
    assert not result.answered
    # the tax word itself finds no steering entry (ties on "Ehrenamt" may list one)
    tax = [t for t in matcher.terms("Muss ich Steuern zahlen?") if "steu" in t.token]
    principles, _ = matcher.rank(tax)
    assert tax and not any("steuer" in matcher.content.entries[p.index].id for p in principles)


def test_a_practical_frame_adds_to_the_practical_share(shipped_snapshot: Snapshot) -> None:
    matcher = shipped_snapshot.matcher
    terms = matcher.terms("Dürfen wir Fotos von Kindern beim Fest zeigen?")
    plain, _ = matcher.rank(terms)
    framed, _ = matcher.rank(terms, practical_frame=True)
    assert framed[0].fit.practical >= plain[0].fit.practical + FRAME_SHARE - 1e-9
    assert framed[0].fit.practical_left >= plain[0].fit.practical_left + FRAME_SHARE - 1e-9


def test_a_framed_question_without_class_words_gets_its_pointer(
    shipped_snapshot: Snapshot,
) -> None:
    # no word of the question is a class word; the frame "Darf ich …" says it is practical
    result = shipped_snapshot.matcher.search("Darf ich Fotos von Kindern beim Fest zeigen?")
    assert not result.answered
    assert result.kind == KIND_POINTER and result.pointer is not None
    assert result.pointer.pointer.id == "datenschutz"


def test_only_what_pointers_are_named_by_is_practical(shipped_snapshot: Snapshot) -> None:
    # "Park" occurs only in a pointer's example question ("… im Park"): an everyday word,
    # not what the pointer is about; "Übungsleiterpauschale" is a pointer's keyword
    matcher = shipped_snapshot.matcher
    park = matcher.terms("Park")
    assert park and park[0].candidates and not matcher.practical.is_practical(park[0])
    allowance = matcher.terms("Übungsleiterpauschale")
    assert matcher.practical.is_practical(allowance[0])


def test_a_pointer_named_with_a_hyphen_is_found_by_its_name(shipped_snapshot: Snapshot) -> None:
    # "Online-Beteiligung" names the pointer; as two words it is also two workshop words
    result = shipped_snapshot.matcher.search(
        "Kann ich meine Meinung zur Online-Beteiligung auch per Post schicken?"
    )
    assert result.kind == KIND_POINTER and not result.answered
    assert result.pointer is not None and result.pointer.pointer.id == "online-beteiligung"


@pytest.mark.parametrize(
    "question",
    [
        # "Ehrenamtliche" weighs as much as "mitversichert"; only the insurance pointer
        # explains the practical word
        pytest.param("Sind Ehrenamtliche auf dem Weg zum Einsatzort mitversichert?", id="weight"),
        # "Sind … versichert?" with five words between: the frame lowers the pointer's bar
        pytest.param("Sind Helfer bei unserem Aufräumtag im Park versichert?", id="long-subject"),
        # "Vorstandsmitglieder" and "gemeinnützig" are the Vereinsrecht pointer's words;
        # what is asked of them is "versichert" (the asked predicate)
        pytest.param(
            "Sind Vorstandsmitglieder gemeinnütziger Vereine eigentlich versichert?",
            id="predicate",
        ),
        # "mitversichert" is the term "versichert": the insurance pointer names it
        pytest.param(
            "Ist der Kassenwart eines gemeinnützigen Vereins mitversichert?", id="particle"
        ),
        # the subject's words are other pointers' ("Kinder", "Park") or nobody's
        pytest.param(
            "Sind Kinder versichert, die bei unserem Laubrechen im Stadtwald mitmachen?",
            id="other-pointers-subject",
        ),
        pytest.param(
            "Sind Jugendliche versichert, die bei unserem Baumpflanztag im Stadtwald mitmachen?",
            id="nobodys-subject",
        ),
    ],
)
def test_a_question_whether_someone_is_insured_gets_the_insurance_pointer(
    shipped_snapshot: Snapshot, question: str
) -> None:
    result = shipped_snapshot.matcher.search(question)
    assert result.kind == KIND_POINTER and not result.answered
    assert result.pointer is not None and result.pointer.pointer.id == "versicherung"


def _pointer(index: int, score: float, practical: float, left: float) -> Ranked:
    fit = Fit(0.5, 1.0, 0.0, 1.0, 0.0, score / 100, 0.0, practical=practical, practical_left=left)
    return Ranked(index, score, fit)


def test_close_pointers_are_ordered_by_the_practical_words_they_explain() -> None:
    role, insurance, far = (
        _pointer(1, 38.0, 0.3, 0.3),
        _pointer(2, 37.0, 0.3, 0.0),
        _pointer(3, 20.0, 0.3, 0.0),
    )
    assert [p.index for p in practical_first([role, insurance, far])] == [2, 1, 3]
    # too far behind to be reordered, or no practical word in the question: unchanged
    assert [p.index for p in practical_first([role, far])] == [1, 3]
    plain = [_pointer(1, 38.0, 0.0, 0.0), _pointer(2, 37.0, 0.0, 0.0)]
    assert practical_first(plain) == plain


def test_the_pointer_naming_the_asked_predicate_goes_first() -> None:
    club, insurance, far = (
        _pointer(1, 56.0, 0.7, 0.2),
        _pointer(2, 46.0, 0.7, 0.3),
        _pointer(3, 30.0, 0.7, 0.3),
    )
    assert [p.index for p in predicate_first([club, insurance, far], lambda i: i == 2)] == [
        2,
        1,
        3,
    ]
    # too far behind, named by none, or the first names it already: unchanged
    assert [p.index for p in predicate_first([club, far], lambda i: i == 3)] == [1, 3]
    assert [p.index for p in predicate_first([club, insurance], lambda i: False)] == [1, 2]
    assert [p.index for p in predicate_first([club, insurance], lambda i: True)] == [1, 2]


def test_a_principle_explaining_little_of_a_rule_question_is_no_answer() -> None:
    fit = Fit(0.55, 0.9, 0.0, 1.0, 0.0, 0.6, 0.2)  # fit, explained, …, score, lead
    principle = Ranked(0, 0.6, fit)
    assert not not_the_workshop(principle, None)
    assert not_the_workshop(principle, None, rule_asked=True)
    sure = Ranked(0, 0.8, Fit(1.0, 1.8, 0.0, 1.0, 0.0, 0.8, 0.5))
    assert not not_the_workshop(sure, None, rule_asked=True)


@pytest.mark.parametrize(
    "question",
    [
        "Dürfen Mitarbeiter der Stadtverwaltung nebenbei in einer Bürgerinitiative mitarbeiten?",
        "Müssen Gemeinden ihre Bürger vor dem Bau eines Windparks anhören?",
    ],
)
def test_a_rule_question_gets_no_principle(shipped_snapshot: Snapshot, question: str) -> None:
    assert shipped_snapshot.matcher.search(question).kind != KIND_PRINCIPLE


def _cored(score: float, core: bool) -> Ranked:
    return Ranked(1, score, Fit(0.2, 0.5, 1.0, 0.5, 0.0, score / 100, 0.0, core=core))


@pytest.mark.parametrize(
    ("core", "confidence", "score", "rival", "offered"),
    [
        (True, 0.25, 22.0, 14.0, True),  # names the asked predicate, ahead of every principle
        (True, CORE_FROM, 20.0, 20.0, True),  # the bounds are included
        (False, 0.25, 22.0, 14.0, False),  # names only other words of the question
        (True, CORE_FROM - 0.01, 22.0, 14.0, False),  # too unsure
        (True, 0.25, 22.0, 22.5, False),  # a principle scores higher
        (True, 0.25, 22.0, None, True),  # no principle at all
    ],
)
def test_a_pointer_naming_what_is_asked_is_offered_from_less_confidence(
    core: bool, confidence: float, score: float, rival: float | None, offered: bool
) -> None:
    principle = _cored(rival, False) if rival is not None else None
    assert names_core(principle, _cored(score, core), confidence) is offered


class _Named(Explains):
    """A term only the documents in `named` explain (fully)."""

    def __init__(self, named: set[int]) -> None:
        self.named = named
        self.most = 1.0

    def value(self, index: int) -> float | None:
        return 1.0 if index in self.named else None


def test_pointers_naming_the_asked_predicate_are_ranked_however_little_they_cover() -> None:
    by_coverage = [(i, 1.0 - i / 100) for i in range(20, 40)]  # pointers 20 … 39

    def best(start: int, end: int, wanted: int) -> list[tuple[int, float]]:
        return [(i, c) for i, c in by_coverage if start <= i < end][:wanted]

    plain = _with_asked(best, 20, 40, None)
    assert [i for i, _ in plain] == list(range(20, 20 + RERANK_POINTERS))
    # the seventh by coverage names the asked predicate: ranked too, the rest as before
    asked = _with_asked(best, 20, 40, _Named({26}))
    assert [i for i, _ in asked] == [*range(20, 20 + RERANK_POINTERS), 26]
    # ... one far down the list is not (RERANK_ASKED)
    assert [i for i, _ in _with_asked(best, 20, 40, _Named({39}))] == [i for i, _ in plain]


@pytest.mark.parametrize(
    ("asked", "head", "index", "core"),
    [
        ({3}, None, 3, True),  # names the asked predicate
        ({4}, None, 3, False),  # another pointer does
        (None, 0.8, 3, True),  # names the noun asked to be explained
        (None, 0.5, 3, False),  # ... only loosely
        (None, None, 3, False),  # the question asks neither
    ],
)
def test_the_first_pointer_names_the_core_of_a_question(
    asked: set[int] | None, head: float | None, index: int, core: bool
) -> None:
    asked_of = _Named(asked) if asked is not None else None
    head_of = (lambda i: head) if head is not None else None
    assert _names_core(index, asked_of, head_of) is core


@pytest.mark.parametrize(
    ("pointer_score", "text", "kind"),
    [
        # trails the principle: a principle fits it better
        (45.0, "Was kostet eigentlich der Eintritt?", KIND_REFUSAL),
        # ... unless the n-gram classifier names the pointer too (`bot.matching.ngrams`)
        (45.0, "Was kostet eigentlich der Saal?", KIND_POINTER),
        # trails it by less than POINTER_EDGE: fits about as well
        (51.0, "Was kostet eigentlich der Eintritt?", KIND_POINTER),
        (58.0, "Was kostet eigentlich der Eintritt?", KIND_POINTER),  # clearly beats it
    ],
)
def test_a_pointer_trailing_the_principle_is_not_offered_when_no_principle_answers(
    shipped_snapshot: Snapshot, pointer_score: float, text: str, kind: str
) -> None:
    matcher = shipped_snapshot.matcher
    # a fact question ("Was verdient eigentlich …?"): the principle is sure of nothing
    principle = Ranked(0, 52.0, Fit(0.82, 0.8, 0.0, 1.0, 0.0, 0.52, 0.1, fact=1.0))
    sure = Fit(0.75, 0.77, 0.02, 0.98, 0.0, pointer_score / 100, 0.18)
    pointer = Ranked(matcher.document_ids().index(("pointer", "raeume")), pointer_score, sure)
    assert confidence_of(sure, matcher.pointer_weights) >= POINTER_FROM
    assert matcher.ngrams.agrees(text, "raeume") is text.endswith("Saal?")
    result = matcher._decided(text, matcher.terms(text), text, True, [principle], [pointer])
    assert not result.answered and result.kind == kind
    assert (result.pointer is not None) is (kind == KIND_POINTER)


@pytest.mark.parametrize(
    ("question", "pointer"),
    [
        # a service word ("Schneeräumen", "Bürgeramt") next to a word only the pointer is
        # named by: the pointer answers, not the municipal-service hint
        pytest.param(
            "Was übernimmt die Unfallkasse, wenn ich beim Schneeräumen für die Gemeinde stürze?",
            "versicherung",
            id="insurer-and-winter-service",
        ),
        pytest.param(
            "Stellt das Bürgeramt auch das erweiterte Führungszeugnis für die Jugendwehr aus?",
            "fuehrungszeugnis",
            id="certificate-and-citizens-office",
        ),
        # everyday words that are also a pointer's keywords ("Miete", "Gebühren") are less
        # specific than a service word: the service or private matter stays what is asked
        pytest.param("Darf der Vermieter wegen der Heizung die Miete erhöhen?", None, id="rent"),
        pytest.param("Wie hoch sind die Gebühren für den Kitaplatz?", None, id="fees"),
    ],
)
def test_a_pointer_named_by_its_own_word_wins_over_a_service_word(
    shipped_snapshot: Snapshot, question: str, pointer: str | None
) -> None:
    result = shipped_snapshot.matcher.search(question)
    assert not result.answered
    found = result.pointer.pointer.id if result.kind == KIND_POINTER and result.pointer else None
    assert found == pointer


@pytest.mark.parametrize(
    ("word", "pointer", "names"),
    [
        ("Unfallkasse", "versicherung", True),  # a keyword no workshop entry uses
        ("Führungszeugnis", "fuehrungszeugnis", True),
        ("Unfallkasse", "raeume", False),  # ... names that pointer only
        ("Gebühren", "veranstaltungen", False),  # a keyword, but an everyday word
        ("Bürgeramt", "fuehrungszeugnis", False),  # a service word names no pointer
        ("Beteiligung", "beteiligungsregeln", False),  # the workshop's own word
    ],
)
def test_which_words_name_a_pointer_as_its_own(
    shipped_snapshot: Snapshot, word: str, pointer: str, names: bool
) -> None:
    matcher = shipped_snapshot.matcher
    index = matcher.document_ids().index(("pointer", pointer))
    assert matcher.ranker.names_own(matcher.terms(word), index) is names
