"""content/smalltalk.yaml: loading, validation and the small-talk / request classifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content import ContentError, SmallTalk, SocialClass, load_content
from bot.matching.smalltalk import Classifier
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
