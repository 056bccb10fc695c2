"""Load content/smalltalk.yaml: the vocabulary of small talk and municipal-service requests.

The file is optional (no file: no small-talk classes). Each class names its reply key in
messages.yaml and lists single words. A class with word endings (`heads`, which mark
compounds: "Grundsteuerbescheid" ends in "bescheid") is a request class: everyday
municipal services or private matters.
"""

from __future__ import annotations

from bot.content.checks import Checker
from bot.content.files import SMALLTALK_FILE
from bot.content.model import SmallTalk, SocialClass
from bot.content.yamlsource import LineDict


def load_smalltalk(check: Checker, message_keys: set[str]) -> SmallTalk:
    """Small-talk classes and the service class; findings for anything malformed."""
    if not (check.root / SMALLTALK_FILE).is_file():
        return SmallTalk()
    data = check.read(SMALLTALK_FILE)
    if data is None:
        return SmallTalk()
    classes: list[SocialClass] = []
    requests: list[SocialClass] = []
    seen: set[str] = set()
    for item in check.top_list(data, SMALLTALK_FILE, "classes"):
        social = _read_class(check, item, message_keys)
        if social is None:
            continue
        if social.id in seen:
            check.add(SMALLTALK_FILE, item.line, "Die id gibt es schon.", social.id, "id")
        seen.add(social.id)
        (requests if social.heads else classes).append(social)
    return SmallTalk(tuple(classes), tuple(requests))


def _read_class(check: Checker, item: LineDict, message_keys: set[str]) -> SocialClass | None:
    class_id = check.ident(item, SMALLTALK_FILE, 30)
    reply = check.text(item, "reply", SMALLTALK_FILE, 60)
    if reply and reply not in message_keys:
        check.add(
            SMALLTALK_FILE,
            item.key_lines.get("reply", item.line),
            f"Den Text „{reply}“ gibt es in messages.yaml nicht.",
            class_id,
            "reply",
        )
    lists: dict[str, list[str]] = {}
    valid = True
    for name in ("words", "heads"):
        value = item.get(name, [])
        if not isinstance(value, list) or not all(
            isinstance(w, str) and w.strip() and len(w.split()) == 1 for w in value
        ):
            check.add(
                SMALLTALK_FILE,
                item.key_lines.get(name, item.line),
                "Hier gehört eine Liste einzelner Wörter hin, z. B. [hallo, moin].",
                class_id,
                name,
            )
            valid = False
            value = []
        lists[name] = [w.strip().casefold() for w in value]
    if valid and not lists["words"]:
        check.add(SMALLTALK_FILE, item.line, "Die Klasse braucht Wörter.", class_id, "words")
    return SocialClass(class_id, reply, frozenset(lists["words"]), tuple(lists["heads"]))
