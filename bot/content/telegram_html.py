"""Telegram's HTML (parse_mode=HTML), parsed the way Telegram parses it.

One parser for two users: the fake Bot API server (bot/testing/fake_telegram/) answers
400 "can't parse entities: …" with it exactly like Telegram, and the content check
(bot/content/message_checks.py) refuses a messages.yaml text that Telegram would refuse.
It mirrors tdlib's `parse_html` (error messages included): allowed tags are b, strong, i,
em, u, ins, s, strike, del, span class="tg-spoiler", tg-spoiler, a href, tg-emoji emoji-id,
code, pre and blockquote [expandable]; `<` and `&` outside tags must be entities; tags must
be closed in the order they were opened.
"""

from __future__ import annotations

import re
from typing import Any

JSONDict = dict[str, Any]

TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "code",
        "pre",
        "span",
        "tg-spoiler",
        "blockquote",
        "tg-emoji",
    }
)
_TAG_ENTITY = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
}
_SPECIAL_RE = re.compile(r"[<&]")
_SPECIAL_OR_GT_RE = re.compile(r"[<&>]")
_ENTITY_RE = re.compile(r"&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([a-zA-Z]+));")
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_START_TAG_RE = re.compile(r"<([^\s>]*)")
_ATTR_RE = re.compile(r"\s*([^\s=>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_END_TAG_RE = re.compile(r"</([^\s>]*)\s*>")

# What went wrong (HTMLParseError.problem), for callers that explain it in their own words.
BARE_AMP = "bare_amp"
BARE_GT = "bare_gt"
UNSUPPORTED_TAG = "unsupported_tag"
UNCLOSED_START = "unclosed_start"
UNCLOSED_END = "unclosed_end"
UNEXPECTED_END = "unexpected_end"
UNMATCHED_END = "unmatched_end"
MISSING_END = "missing_end"
BAD_SPAN = "bad_span"
BAD_EMOJI = "bad_emoji"


class HTMLParseError(ValueError):
    """Telegram's description (str), where (character index), what kind and which tag."""

    def __init__(self, description: str, position: int, problem: str, tag: str = "") -> None:
        super().__init__(description)
        self.position = position
        self.problem = problem
        self.tag = tag


def u16len(s: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets."""
    if s.isascii():
        return len(s)
    return len(s.encode("utf-16-le")) // 2


def _decode_entity(m: re.Match[str]) -> str | None:
    dec, hexa, name = m.groups()
    if name is not None:
        return _NAMED_ENTITIES.get(name)
    code = int(dec) if dec is not None else int(hexa, 16)
    if code == 0 or code >= 0x10FFFF:
        return None
    return chr(code)


def _unescape_attr(value: str) -> str:
    return _ENTITY_RE.sub(lambda m: _decode_entity(m) or m.group(0), value)


def parse_html(
    text: str, strict: bool = True, strict_gt: bool = False
) -> tuple[str, list[JSONDict]]:
    """Parse Telegram-flavoured HTML, return ``(visible_text, entities)``.

    With ``strict`` a bare ``&`` that does not start a known entity is an error (real
    Telegram keeps it literally; strict mode catches missing escaping in the bot). With
    ``strict_gt`` a bare ``>`` is one too (Telegram shows it, but its documentation asks
    for &gt;; content files follow the documentation).
    Raises :class:`HTMLParseError` with Telegram's description.
    """
    return _Parser(text, strict, strict_gt).run()


class _Parser:
    """One pass over the text: visible characters, open tags, finished entities."""

    def __init__(self, text: str, strict: bool, strict_gt: bool) -> None:
        self.text = text
        self.strict = strict
        self.special = _SPECIAL_OR_GT_RE if strict_gt else _SPECIAL_RE
        self.out: list[str] = []
        self.u16 = 0
        self.stack: list[tuple[str, JSONDict, int, int]] = []  # tag, attributes, offset, index
        self.entities: list[JSONDict] = []

    def fail(self, description: str, at: int, problem: str, tag: str = "") -> HTMLParseError:
        offset = len(self.text[:at].encode("utf-8"))
        return HTMLParseError(description.replace("{offset}", str(offset)), at, problem, tag)

    def emit(self, chunk: str) -> None:
        self.out.append(chunk)
        self.u16 += u16len(chunk)

    def run(self) -> tuple[str, list[JSONDict]]:
        text, pos, n = self.text, 0, len(self.text)
        while pos < n:
            m = self.special.search(text, pos)
            if m is None:
                self.emit(text[pos:])
                break
            i = m.start()
            if i > pos:
                self.emit(text[pos:i])
            if text[i] == ">":
                raise self.fail('Unescaped ">" at byte offset {offset}', i, BARE_GT)
            if text[i] == "&":
                pos = self.entity(i)
            elif i + 1 < n and text[i + 1] == "/":
                pos = self.end_tag(i)
            else:
                pos = self.start_tag(i)
        if self.stack:
            tag, _, _, where = self.stack[-1]
            description = f'Can\'t find end tag corresponding to start tag "{tag}"'
            raise HTMLParseError(description, where, MISSING_END, tag)
        for e in self.entities:
            e.pop("_language", None)
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.out), self.entities

    def entity(self, i: int) -> int:
        em = _ENTITY_RE.match(self.text, i)
        ch = _decode_entity(em) if em else None
        if em is None or ch is None:
            if self.strict:
                raise self.fail(
                    'Unsupported entity or unescaped "&" at byte offset {offset}', i, BARE_AMP
                )
            self.emit("&")
            return i + 1
        self.emit(ch)
        return em.end()

    def end_tag(self, i: int) -> int:
        em = _END_TAG_RE.match(self.text, i)
        if not self.stack:
            raise self.fail("Unexpected end tag at byte offset {offset}", i, UNEXPECTED_END)
        if em is None:
            raise self.fail("Unclosed end tag at byte offset {offset}", i, UNCLOSED_END)
        end_name = em.group(1).lower()
        tag, attrs, start, _ = self.stack.pop()
        if end_name and end_name != tag:
            raise self.fail(
                f'Unmatched end tag at byte offset {{offset}}, expected "</{tag}>", '
                f'found "</{end_name}>"',
                i,
                UNMATCHED_END,
                tag,
            )
        length = self.u16 - start
        if length > 0:
            self.finish_entity(tag, attrs, start, length)
        return em.end()

    def finish_entity(self, tag: str, attrs: JSONDict, start: int, length: int) -> None:
        ent: JSONDict = {"type": _TAG_ENTITY[tag], "offset": start, "length": length}
        if tag == "a":
            href = attrs.get("href", "")
            if href.startswith("tg://user?id="):
                ent["type"] = "text_mention"
                ent["user"] = {"id": int(href[13:] or 0), "is_bot": False, "first_name": ""}
            elif href:
                ent["url"] = href
            else:
                return
        elif tag == "pre":
            # <pre><code class="language-x"> -> pre with language
            for e in reversed(self.entities):
                if e.get("type") == "code" and e["offset"] == start and e["length"] == length:
                    if "_language" in e:
                        ent["language"] = e["_language"]
                    self.entities.remove(e)
                    break
        elif tag == "code" and attrs.get("class", "").startswith("language-"):
            ent["_language"] = attrs["class"][9:]
        elif tag == "blockquote" and "expandable" in attrs:
            ent["type"] = "expandable_blockquote"
        elif tag == "tg-emoji":
            ent["custom_emoji_id"] = attrs["emoji-id"]
        self.entities.append(ent)

    def start_tag(self, i: int) -> int:
        text, n = self.text, len(self.text)
        sm = _START_TAG_RE.match(text, i)
        assert sm is not None
        tag = sm.group(1).lower()
        k = sm.end()
        if k >= n:
            raise self.fail("Unclosed start tag at byte offset {offset}", i, UNCLOSED_START, tag)
        if tag not in TAGS:
            raise self.fail(
                f'Unsupported start tag "{tag}" at byte offset {{offset}}', i, UNSUPPORTED_TAG, tag
            )
        attrs, k = self.attributes(i, k, tag)
        if tag == "span" and attrs.get("class") != "tg-spoiler":
            raise self.fail('Tag "span" must have class "tg-spoiler"', i, BAD_SPAN, tag)
        if tag == "tg-emoji" and not attrs.get("emoji-id"):
            raise self.fail('Tag "tg-emoji" must have attribute "emoji-id"', i, BAD_EMOJI, tag)
        self.stack.append((tag, attrs, self.u16, i))
        return k

    def attributes(self, i: int, k: int, tag: str) -> tuple[JSONDict, int]:
        text, n = self.text, len(self.text)
        attrs: JSONDict = {}
        while True:
            while k < n and text[k].isspace():
                k += 1
            if k >= n:
                raise self.fail(
                    "Unclosed start tag at byte offset {offset}", i, UNCLOSED_START, tag
                )
            if text[k] == ">":
                return attrs, k + 1
            am = _ATTR_RE.match(text, k)
            if am is None:  # pragma: no cover - the pattern matches any non-space character
                raise self.fail(
                    "Unclosed start tag at byte offset {offset}", i, UNCLOSED_START, tag
                )
            name, value = am.group(1).lower(), am.group(2)
            if value is None:
                value = ""
            elif value[:1] in ("'", '"'):
                value = value[1:-1]
            attrs[name] = _unescape_attr(value)
            k = am.end()
