"""content/smalltalk.yaml: loading, validation and the small-talk / request classifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content import ContentError, SmallTalk, SocialClass, load_content
from bot.matching.background import zipf
from bot.matching.normalize import fold
from bot.matching.smalltalk import Classifier
from bot.snapshot import Snapshot
from tests.conftest import write_content

VALID = """
classes:
  - id: thanks
    reply: smalltalk_thanks
    words: [danke, Dankeschön]
  - id: service
    reply: service
    words: [Reisepass]
    heads: [urkunde]
"""


def test_shipped_classes_load() -> None:
    smalltalk = load_content(DEFAULT_CONTENT_DIR).smalltalk
    assert {"hello", "thanks", "goodbye", "who", "abilities", "praise", "insult"} <= {
        c.id for c in smalltalk.classes
    }
    assert {"service", "private"} <= {c.id for c in smalltalk.requests}


def test_classes_with_heads_are_request_classes(tmp_path: Path) -> None:
    content = load_content(write_content(tmp_path, **{"smalltalk.yaml": VALID}))
    (thanks,) = content.smalltalk.classes
    (service,) = content.smalltalk.requests
    assert thanks.words == frozenset({"danke", "dankeschön"})
    assert (service.id, service.heads) == ("service", ("urkunde",))


def test_missing_file_means_no_classes(tmp_path: Path) -> None:
    assert load_content(write_content(tmp_path)).smalltalk == SmallTalk()


@pytest.mark.parametrize(
    ("broken", "field", "words"),
    [
        ("reply: smalltalk_thanks", "reply", "reply: gibt_es_nicht"),
        ("words: [danke, Dankeschön]", "words", "words: [danke schön]"),
        ("words: [danke, Dankeschön]", "words", "words: []"),
    ],
)
def test_broken_class_names_file_line_and_field(
    tmp_path: Path, broken: str, field: str, words: str
) -> None:
    text = VALID.replace(broken, words, 1)
    with pytest.raises(ContentError) as caught:
        load_content(write_content(tmp_path, **{"smalltalk.yaml": text}))
    (finding,) = caught.value.findings
    assert (finding.file, finding.entry, finding.field) == ("smalltalk.yaml", "thanks", field)
    assert finding.line > 0


def classifier() -> Classifier:
    hello = SocialClass("hello", "hi_key", frozenset({"hallo", "moin"}))
    praise = SocialClass("praise", "praise_key", frozenset({"toll", "super"}))
    who = SocialClass("who", "who_key", frozenset({"bist", "wer"}))
    service = SocialClass("service", "service", frozenset({"reisepass"}), ("urkunde",))
    return Classifier(SmallTalk((praise, hello, who), (service,)))


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("Moin!", "hi_key"),
        ("du bist toll", "praise_key"),  # tie with "who": the earlier class wins
        ("wer bist du?", "who_key"),
        ("Hallo, wie finde ich Partner?", None),  # a content word: a question
        ("", None),
        ("hallo " * 9, None),  # too long for small talk
    ],
)
def test_small_talk_is_short_and_made_of_class_words(text: str, reply: str | None) -> None:
    assert classifier().small_talk(text) == reply


@pytest.mark.parametrize(
    ("word", "foreign"),
    [("reisepass", True), ("geburtsurkunde", True), ("beteiligung", False)],
)
def test_request_words_and_heads_are_foreign(word: str, foreign: bool) -> None:
    assert classifier().foreign(word) is foreign


@pytest.fixture(scope="module")
def shipped() -> Classifier:
    return Classifier(load_content(DEFAULT_CONTENT_DIR).smalltalk)


# Small talk is recognised by class vocabulary and chat spelling, not by listed messages.
@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("dankeeee!!", "smalltalk_thanks"),  # stretched letters
        ("thx", "smalltalk_thanks"),
        ("merci vielmals", "smalltalk_thanks"),
        ("jo danke", "smalltalk_thanks"),
        ("dnake dir", "smalltalk_thanks"),  # one typo in a longer word
        ("🙏", "smalltalk_thanks"),  # an emoji of the class
        ("👍👍", "smalltalk_ack"),
        ("Grüezi mitenand", None),  # an unknown word: no small talk
        ("Griaß di", "smalltalk_hello"),
        ("moin moin 👋", "smalltalk_hello"),
        ("Hallöchen zusammen", "smalltalk_hello"),
        ("wie geht's dir so?", "smalltalk_hello"),  # apostrophe
        ("tschööö, bis bald", "smalltalk_goodbye"),
        ("bist du ein mensch oder eine ki?", "smalltalk_who"),
        ("bist du chatgpt", "smalltalk_who"),
        ("wofür bist du da?", "smalltalk_abilities"),
        ("ich hab ne frage", "smalltalk_abilities"),
        ("halt die klappe", "smalltalk_insult"),
        ("voll nutzloser bot", "smalltalk_insult"),  # inflected class word
        ("du bist echt hilfreich 👏", "smalltalk_praise"),
        ("Du bist der Beste", "smalltalk_praise"),  # a tie with "who": the earlier class
        ("hast du gefühle?", "smalltalk_who"),  # the bot as a person
        ("ich brauche hilfe", "smalltalk_abilities"),
        ("🤷", "smalltalk_gibberish"),  # symbols only, none of a class
    ],
)
def test_small_talk_generalises_over_chat_spelling(
    shipped: Classifier, text: str, reply: str | None
) -> None:
    assert shipped.small_talk(text) == reply


def test_a_frequent_word_is_no_typo_of_a_class_word(shipped: Classifier) -> None:
    # "dinge" is one edit from "danke" but a word of its own: the message is a question.
    assert shipped.small_talk("danke, dinge") is None


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("aerzte", "private"),  # plural with umlaut of a class word
        ("grundsteuerbescheide", "service"),  # head inside an inflected compound
        ("hundesteuer", "service"),
        ("bescheid", None),  # a head alone is no compound ("Bescheid geben")
        ("beisteuern", None),  # a verb ending in "…steuern", no tax
        ("gehalten", None),  # more frequent than "Gehalt": another word
        ("unterstuetzung", None),
    ],
)
def test_request_words_inflect_and_heads_mark_compounds(
    shipped: Classifier, word: str, kind: str | None
) -> None:
    social = shipped.request_class(word)
    assert (social.id if social else None) == kind


def test_words_the_content_is_about_are_never_foreign() -> None:
    smalltalk = load_content(DEFAULT_CONTENT_DIR).smalltalk
    assert Classifier(smalltalk).foreign("chefs")
    assert not Classifier(smalltalk, protected={"chef"}).foreign("chefs")


def test_english_request_words_live_in_the_english_file(shipped_snapshot: Snapshot) -> None:
    """A word both request files name is a German one (German terms English speakers use,
    "Bürgeramt"); English words ("passport", "weather") belong to content/en only."""
    requests = shipped_snapshot.localized("en").content.smalltalk.requests
    english = {c.id: set(c.words) for c in requests}
    for request in shipped_snapshot.content.smalltalk.requests:
        for word in set(request.words) & english.get(request.id, set()):
            assert zipf(fold(word), "en") <= zipf(fold(word), "de"), (request.id, word)
