"""The seven ways the matcher misread real messages (issue 11), one test each, on the
shipped content; plus the kinds of answer a message can get.

The messages here are written for these tests, not taken from tests/data/*.yaml.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from bot.matching import KIND_PRINCIPLE, KIND_SERVICE, KIND_SMALLTALK, REFUSE, Matcher
from bot.matching.background import MIN_INFORMATIVENESS
from bot.matching.decision import INTRODUCED_LOGIT, Fit, confidence_of
from bot.matching.normalize import stem
from bot.matching.request import INTRO_WEIGHT, request_weighted
from bot.matching.scoring import BM25_LONG_SHARE, BM25_SHARE, bm25_share
from bot.matching.terms import FOREIGN_INFO
from bot.snapshot import Snapshot


@pytest.fixture
def matcher(shipped_snapshot: Snapshot) -> Matcher:
    return shipped_snapshot.matcher


def first(matcher: Matcher, text: str) -> str | None:
    result = matcher.search(text)
    return result.matches[0].entry.id if result.answered and result.matches else None


# 1. Confidence grows with fit, not with length.
def test_long_message_with_one_matching_word_is_refused(matcher: Matcher) -> None:
    text = (
        "Letzte Woche habe ich mein Auto in die Werkstatt gebracht, weil die Bremsen "
        "quietschen. Der Mechaniker sagt, die Ersatzteile kommen erst in zwei Wochen, und ich "
        "brauche den Wagen jeden Tag für die Arbeit in der Stadt. Muss die Werkstatt mir "
        "einen Leihwagen stellen?"
    )
    assert matcher.search(text).decision == REFUSE


# 2. Everyday chat words must not push a right answer below the answer line.
def test_chat_filler_words_do_not_hide_the_answer(matcher: Matcher) -> None:
    plain = "Wie vermeiden wir Doppelstrukturen?"
    chatty = "joa also wie kriegen wir das hin dass wir keine doppelstrukturen haben, so grob"
    assert first(matcher, plain) == "keine-doppelstrukturen"
    assert first(matcher, chatty) == "keine-doppelstrukturen"


# 3. A one-word query found only among an entry's keywords is answered.
def test_one_word_keyword_query_is_answered(matcher: Matcher) -> None:
    assert first(matcher, "Kompetenzgerangel") == "rollenklarheit"


# 4. Typos in 5–7 letter words are tolerated, but real words are not "corrected".
@pytest.mark.parametrize(("typo", "meant"), [("Leitbld", "leitbild"), ("Spnsor", "sponsor")])
def test_typo_in_a_short_word_finds_the_word(matcher: Matcher, typo: str, meant: str) -> None:
    (term,) = matcher.vocabulary.resolve(typo.casefold())
    assert stem(meant) in dict(term.candidates)


def test_a_real_word_is_not_taken_for_a_typo(matcher: Matcher) -> None:
    for term in matcher.vocabulary.resolve("kennt"):
        assert stem("keiner") not in dict(term.candidates)


def test_words_typed_without_umlauts_are_found(matcher: Matcher) -> None:
    (term,) = matcher.vocabulary.resolve("grundsatze")
    assert stem("grundsaetze") in dict(term.candidates)


# 5. Synonyms reach into compounds.
def test_compound_of_a_synonym_reaches_the_content_word(matcher: Matcher) -> None:
    candidates = {
        found for term in matcher.vocabulary.resolve("mitspracheverfahren")
        for found, _ in term.candidates
    }
    assert stem("beteiligung") in candidates
    assert stem("verfahren") in candidates


# 6. In a long message the request outweighs the introduction.
def test_the_request_sentence_counts_more_than_the_introduction() -> None:
    text = (
        "Ich bin seit drei Jahren Sprecherin einer Mieterinitiative. Wir haben viel erlebt! "
        "Wie vermeiden wir Doppelstrukturen?"
    )
    weighted = request_weighted(text)
    assert [w for _, w in weighted] == [INTRO_WEIGHT, INTRO_WEIGHT, 1.0]
    assert weighted[-1][0] == "Wie vermeiden wir Doppelstrukturen?"


def test_without_a_question_the_last_sentence_is_the_request() -> None:
    weighted = request_weighted("Wir sind ein Verein. Wir suchen Sponsoren.")
    assert weighted == [("Wir sind ein Verein.", INTRO_WEIGHT), ("Wir suchen Sponsoren.", 1.0)]


def test_request_sentence_outweighs_the_introduction(matcher: Matcher) -> None:
    text = (
        "Ich bin seit vielen Jahren im Vorstand unseres Sportvereins und kümmere mich dort um "
        "Sponsoren und Spenden von Unternehmen aus dem Ort. Jetzt hat die Stadt ein zweites "
        "Netzwerk für dieselben Vereine gegründet. Wie vermeiden wir solche Doppelstrukturen?"
    )
    assert first(matcher, text) == "keine-doppelstrukturen"


# 7. Small talk and municipal-service requests never trigger a principle.
@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("Danke schön!", "smalltalk_thanks"),
        ("hallo", "smalltalk_hello"),
        ("Tschüss!", "smalltalk_goodbye"),
        ("wer bist du?", "smalltalk_who"),
        ("was kannst du?", "smalltalk_abilities"),
        ("du bist super", "smalltalk_praise"),
        ("du bist doof", "smalltalk_insult"),
        ("qwxz plorf", "smalltalk_gibberish"),
    ],
)
def test_small_talk_gets_its_reply(matcher: Matcher, text: str, reply: str) -> None:
    result = matcher.search(text)
    assert (result.kind, result.reply, result.answered) == (KIND_SMALLTALK, reply, False)


def test_service_request_is_sent_to_the_buergeramt(matcher: Matcher) -> None:
    result = matcher.search("Wie bekomme ich eine Meldebescheinigung und was kostet die?")
    assert (result.kind, result.reply, result.answered) == (KIND_SERVICE, "service", False)


def test_small_talk_with_a_question_is_a_question(matcher: Matcher) -> None:
    result = matcher.search("Hallo! Wie vermeiden wir Doppelstrukturen?")
    assert result.kind == KIND_PRINCIPLE
    assert result.matches[0].entry.id == "keine-doppelstrukturen"


# 2. (continued) A word the content does not know weighs by how specific it is: everyday
# words ("Situation") dilute little, rare ones ("Sperrmüll") keep their full weight.
def test_unknown_everyday_word_weighs_less_than_unknown_rare_word(matcher: Matcher) -> None:
    (everyday,) = matcher.vocabulary.resolve("situation")
    (rare,) = matcher.vocabulary.resolve("sperrmuell")
    assert not everyday.candidates and not rare.candidates
    assert everyday.weight < 0.5 * rare.weight


def test_everyday_words_around_a_topic_word_do_not_hide_it(matcher: Matcher) -> None:
    text = "mittlerweile frag ich mich echt, worum es bei dem workshop damals so ging"
    assert first(matcher, text) == "ueber-den-workshop"


# Colloquial words and verb forms reach the content's words.
@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("kohle", "geld"),
        ("anquatscht", "ansprechen"),  # -t form of a colloquial synonym
        ("gesteuert", "steuern"),  # participle
        ("eingeladen", "einladen"),  # participle of a separable verb
        ("zoff", "konflikt"),
        ("kapiert", "verstehen"),
        # colloquial words marked "ugs." in OpenThesaurus (content/synonyms.yaml)
        ("klappt", "gelingen"),
        ("rathauschefin", "buergermeisterin"),
        ("stunk", "streit"),
        ("abgenickt", "abnicker"),
        ("schiefgelaufen", "scheitern"),
    ],
)
def test_colloquial_words_and_verb_forms_reach_the_content(
    matcher: Matcher, said: str, meant: str
) -> None:
    candidates = {
        found for term in matcher.vocabulary.resolve(said) for found, _ in term.candidates
    }
    assert stem(meant) in candidates


# 5. (continued) Loanwords and administrative jargon reach the words the content uses.
@pytest.mark.parametrize(
    ("jargon", "meant"),
    [
        ("touchpoints", "anknuepfungspunkt"),
        ("onboarding", "einarbeitung"),
        ("mindset", "haltung"),
        ("querschnittsaufgabe", "ressortdenken"),
        ("verwaltungsspitze", "fuehrungskraefte"),
        ("beschlussvorlage", "ratsbeschluss"),
        ("cocreation", "kokreation"),
        ("success", "erfolg"),
        ("partnerships", "partnerschaft"),
        ("trust", "vertrauen"),
        ("haushaltssperre", "sparzwang"),
        ("enabler", "ermoeglicher"),
        ("geschaeftsverteilungsplan", "zustaendigkeit"),
        # stages and terms of public participation guides
        ("konsultation", "beteiligung"),
        ("gestaltungsspielraum", "rahmenbedingungen"),
        ("ergebnisoffen", "spielraum"),
    ],
)
def test_jargon_reaches_the_content_words(matcher: Matcher, jargon: str, meant: str) -> None:
    candidates = {
        found for term in matcher.vocabulary.resolve(jargon) for found, _ in term.candidates
    }
    assert stem(meant) in candidates


# 6. (continued) A request that says little itself leaves the topic to the introduction.
def test_a_generic_request_leaves_the_topic_to_the_introduction(matcher: Matcher) -> None:
    text = (
        "Unser Nachbarschaftscafé gibt es seit elf Jahren, inzwischen kommt kaum noch jemand "
        "und die Helferinnen sind müde. Keiner traut sich, das Projekt zu beenden. "
        "Wie gehen wir damit um?"
    )
    weighted = matcher.terms(text)
    assert first(matcher, text) == "mut-zum-beenden"
    assert {t.token: t.info for t in weighted}[stem("beenden")] > INTRO_WEIGHT * 0.5


# 7b. Near misses: a request for a fact, or for an everyday service, shares a word or two
# with the content but asks for something else.
@pytest.mark.parametrize(
    "text",
    [
        "Wann hat die Ehrenamtsagentur geöffnet?",
        "Wo bekomme ich Flyer für unsere Initiative gedruckt?",
        "Nach dem Beteiligungsabend im Rathaus hatte ich ein Knöllchen am Auto. Kann ich "
        "dagegen Einspruch einlegen?",
        "Welcher Beamer eignet sich für Bürgerversammlungen?",  # asks about an unknown thing
        "Was für einen Kuchen backen wir für das Ehrenamtsfest?",
        # a fact about a word the content knows (Gemeinderat, Stadtrat, Bürgermeisterin)
        "Wie viele Mitglieder hat der Gemeinderat einer Kleinstadt?",
        "Wie lange dauert eine Sitzung des Stadtrats normalerweise?",
        "Was verdient eine Bürgermeisterin im Monat?",
    ],
)
def test_a_near_miss_gets_no_principle(matcher: Matcher, text: str) -> None:
    result = matcher.search(text)
    assert not result.answered
    assert result.kind != KIND_PRINCIPLE


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        # "welche" asks for what an entry is about: no fact question, answered
        ("Welchen Nutzen haben Firmen von einer Partnerschaft mit Vereinen?",
         "spende-partnerschaft"),
        ("Welche Rolle spielt die Verwaltung bei Bürgerprojekten?", "rollenklarheit"),
        ("Welche Leitlinien braucht gute Bürgerbeteiligung?", "leitlinien"),
        ("Welche Schlüsselpersonen sollten wir früh einbinden?", "schluesselpersonen"),
        # a fact question an entry explains all of is that entry's own question
        ("Wie lange dauert das Verfahren denn noch?", "zeitplan"),
    ],
)
def test_a_which_question_about_the_content_is_answered(
    matcher: Matcher, text: str, entry: str
) -> None:
    assert first(matcher, text) == entry
    assert matcher.search(text).signals["fact"] == 0.0


# A request for the writer alone about something the content does not know is a private
# task or hobby, however it borrows the content's words ("Ehrenamtliche", "Rat").
@pytest.mark.parametrize(
    "text",
    [
        "Wie lerne ich am besten Gitarre?",
        "Wie gestalte ich meine Visitenkarte als Ehrenamtliche?",
        "Wie verbessere ich meine Aussprache für Reden im Rat?",
    ],
)
def test_a_request_for_oneself_about_another_thing_gets_no_principle(
    matcher: Matcher, text: str
) -> None:
    assert not matcher.search(text).answered


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("Wie finde ich die aktiven Gruppen in meinem Viertel?", "initiativen-finden"),
        ("Wie überzeuge ich meinen Bürgermeister von mehr Bürgerbeteiligung?",
         "fuehrungskraefte-bildung"),
        ("Wie gewinne ich Firmen als Partner für mein Quartiersprojekt?", "spende-partnerschaft"),
        ("Wie stelle ich den Zeitplan meines Beteiligungsprojekts vor?", "zeitplan"),
    ],
)
def test_a_request_for_oneself_about_the_content_is_answered(
    matcher: Matcher, text: str, entry: str
) -> None:
    assert first(matcher, text) == entry


def test_a_number_says_little_about_the_topic(matcher: Matcher) -> None:
    # A number the content does not know counts as an everyday word, not as a rare one.
    (number,) = [t for t in matcher.terms("Eine Firma will uns 275 Euro geben.")
                 if t.token == "275"]
    assert number.info <= MIN_INFORMATIVENESS


def test_a_service_word_counts_as_specific_however_frequent(matcher: Matcher) -> None:
    (opened,) = [t for t in matcher.terms("Das Bürgerbüro hat heute geöffnet.") if t.foreign]
    assert opened.info >= FOREIGN_INFO


def test_words_the_content_is_about_stay_in_scope(matcher: Matcher) -> None:
    # "Chef" is a word of private life, but a keyword of an entry: the question is in scope.
    text = "unsre chefs im amt blockieren jede beteiligung, wie kriegen wir die ins boot?"
    assert first(matcher, text) == "fuehrungskraefte-bildung"


def test_a_which_question_about_a_loanword_is_left_to_the_ranking(matcher: Matcher) -> None:
    # "KPIs" is unknown to the content, but likely jargon, not another topic.
    text = "Welche KPIs eignen sich, um Empowerment in der Verwaltung zu steuern?"
    assert first(matcher, text) == "empowerment-steuern"


# 6. (continued) Exact-word BM25 counts more in a long message, whose word counts say more.
def test_bm25_counts_more_in_long_messages() -> None:
    shares = [bm25_share(n) for n in range(0, 30)]
    assert shares == sorted(shares)
    assert shares[0] == BM25_SHARE and shares[-1] == BM25_LONG_SHARE > BM25_SHARE



# 6. (continued) An introduction is context, not evidence against the answer: at the same fit
# a message that introduces itself is judged more confidently than a one-sentence question.
def test_an_introduced_request_gets_the_introduction_allowance(matcher: Matcher) -> None:
    text = (
        "Ich bin Kassenwartin in unserem Kleingartenverein. Die Stadt hat zum zweiten Mal ein "
        "eigenes Netzwerk für dieselben Vereine gegründet. Wie vermeiden wir Doppelstrukturen?"
    )
    result = matcher.search(text)
    introduced, _ = matcher.rank(matcher.terms(text), introduced=True)
    alone, _ = matcher.rank(matcher.terms(text))
    assert introduced[0].fit.introduced and not alone[0].fit.introduced
    assert result.confidence == pytest.approx(confidence_of(introduced[0].fit, matcher.weights))
    assert result.confidence > confidence_of(alone[0].fit, matcher.weights)
    one_sentence, _ = matcher.rank(matcher.terms("Wie vermeiden wir Doppelstrukturen?"))
    assert not one_sentence[0].fit.introduced


def test_two_short_sentences_are_no_introduction(matcher: Matcher) -> None:
    text = "Unser Verein ist klein. Wie vermeiden wir Doppelstrukturen?"
    principles, _ = matcher.rank(matcher.terms(text), introduced=True)
    assert not principles[0].fit.introduced


def test_the_introduction_allowance_shifts_the_log_odds() -> None:
    fit = Fit(0.3, 0.8, 0.5, 0.7, 0.0, 0.3, 0.05)
    plain, introduced = confidence_of(fit), confidence_of(replace(fit, introduced=True))
    log_odds = math.log(introduced / (1 - introduced)) - math.log(plain / (1 - plain))
    assert log_odds == pytest.approx(INTRODUCED_LOGIT) and INTRODUCED_LOGIT > 0


# Verbs with a separable particle: the verb, or the particle when the verb is an everyday one.
@pytest.mark.parametrize(("word", "meant"), [("losplanen", "planen"), ("klarmachen", "klar")])
def test_particle_verbs_reach_the_content(matcher: Matcher, word: str, meant: str) -> None:
    candidates = {
        found for term in matcher.vocabulary.resolve(word) for found, _ in term.candidates
    }
    assert stem(meant) in candidates


# Typos, umlaut-free spellings and hyphenated compounds weigh as the words they stand for.
def test_a_mistyped_function_word_is_no_term(matcher: Matcher) -> None:
    assert matcher.vocabulary.resolve("wlche") == []
    assert matcher.vocabulary.resolve("trotzdme") == []


@pytest.mark.parametrize(
    ("typed", "meant"), [("verwaltng", "verwaltung"), ("zustandig", "zustaendig")]
)
def test_a_misspelt_word_weighs_as_the_word_meant(
    matcher: Matcher, typed: str, meant: str
) -> None:
    (found,) = matcher.vocabulary.resolve(typed)
    (right,) = matcher.vocabulary.resolve(meant)
    assert found.info == pytest.approx(right.info)
    assert set(dict(right.candidates)) <= set(dict(found.candidates))


def test_synonyms_reach_the_parts_of_a_known_compound(matcher: Matcher) -> None:
    (term,) = matcher.vocabulary.resolve("handlungsspielraeume")
    assert stem("rahmenbedingungen") in dict(term.candidates)


def test_an_everyday_last_part_does_not_stand_for_the_compound(matcher: Matcher) -> None:
    (term,) = matcher.vocabulary.resolve("schluesselpersonen")
    assert stem("personen") not in dict(term.candidates)


def test_an_unknown_compound_is_known_by_a_specific_last_part(matcher: Matcher) -> None:
    parts = {term.token for term in matcher.vocabulary.resolve("tarifspielraeume")}
    assert stem("spielraum") in parts
    everyday = {term.token for term in matcher.vocabulary.resolve("inklusionsprojekt")}
    assert stem("projekt") not in everyday


def test_a_hyphenated_service_word_stays_a_service_word(matcher: Matcher) -> None:
    assert matcher.search("Wie beantrage ich einen Kita-Platz für meine Tochter?").kind == (
        KIND_SERVICE
    )


@pytest.mark.parametrize(
    "text",
    [
        "mia ham ooch doppelstrukturen",  # Bavarian / Berlin function words
        "icke hab det jefühl, mr hen doppelstrukturen",  # Berlin, Swabian
        "doppelstrukturen, eig tlw zw de vereinen",  # chat abbreviations
    ],
)
def test_regional_function_words_and_chat_abbreviations_are_no_terms(
    matcher: Matcher, text: str
) -> None:
    tokens = {term.token for term in matcher.terms(text)}
    assert stem("doppelstrukturen") in tokens
    assert tokens <= {stem("doppelstrukturen"), stem("ham"), stem("hab"), stem("jefuehl"),
                      stem("gefuehl"), stem("vereinen")}
