"""Load content/smalltalk.yaml: the vocabulary of small talk and municipal-service requests.

The file is optional (no file: no small-talk classes). Each class names its reply key in
messages.yaml and lists single words. A class with word endings (`heads`, which mark
compounds: "Grundsteuerbescheid" ends in "bescheid") is a request class: everyday
municipal services or private matters.
"""

from __future__ import annotations

from dataclasses import replace

from bot.content.checks import Checker
from bot.content.files import SMALLTALK_FILE
from bot.content.model import SmallTalk, SocialClass
from bot.content.yamlsource import LineDict


def load_smalltalk(
    check: Checker, message_keys: set[str], name: str = SMALLTALK_FILE
) -> SmallTalk:
    """Small-talk classes and the service class; findings for anything malformed."""
    if not (check.root / name).is_file():
        return SmallTalk()
    data = check.read(name)
    if data is None:
        return SmallTalk()
    classes: list[SocialClass] = []
    requests: list[SocialClass] = []
    seen: set[str] = set()
    for item in check.top_list(data, name, "classes"):
        social = _read_class(check, item, message_keys, name)
        if social is None:
            continue
        if social.id in seen:
            check.add(name, item.line, "Die id gibt es schon.", social.id, "id")
        seen.add(social.id)
        (requests if social.heads else classes).append(social)
    return SmallTalk(tuple(classes), tuple(requests))


def _read_class(
    check: Checker, item: LineDict, message_keys: set[str], name: str
) -> SocialClass | None:
    class_id = check.ident(item, name, 30)
    reply = check.text(item, "reply", name, 60)
    if reply and reply not in message_keys:
        check.add(
            name,
            item.key_lines.get("reply", item.line),
            f"Den Text „{reply}“ gibt es in messages.yaml nicht.",
            class_id,
            "reply",
        )
    lists: dict[str, list[str]] = {}
    valid = True
    for field in ("words", "heads"):
        value = item.get(field, [])
        if not isinstance(value, list) or not all(
            isinstance(w, str) and w.strip() and len(w.split()) == 1 for w in value
        ):
            check.add(
                name,
                item.key_lines.get(field, item.line),
                "Hier gehört eine Liste einzelner Wörter hin, z. B. [hallo, moin].",
                class_id,
                field,
            )
            valid = False
            value = []
        lists[field] = [w.strip().casefold() for w in value]
    if valid and not lists["words"]:
        check.add(name, item.line, "Die Klasse braucht Wörter.", class_id, "words")
    return SocialClass(class_id, reply, frozenset(lists["words"]), tuple(lists["heads"]))


def translated_smalltalk(german: SmallTalk, own: SmallTalk) -> SmallTalk:
    """The small talk of a translation (en/smalltalk.yaml) merged with the German.

    Small-talk classes: the union of both languages' words per id (an English reader may
    still write "danke"), in the German order, classes only one language has at the end.
    Request classes: the translation's own where it has any (German service words like
    "Pass" are ordinary words in English), else the German.
    """
    own_classes = {c.id: c for c in own.classes}
    classes = [
        replace(c, words=c.words | own_classes[c.id].words) if c.id in own_classes else c
        for c in german.classes
    ]
    known = {c.id for c in german.classes}
    classes.extend(c for c in own.classes if c.id not in known)
    return SmallTalk(tuple(classes), own.requests or german.requests)
