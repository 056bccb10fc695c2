"""Checks of one messages.yaml text: Telegram's HTML rules and the placeholders the code fills in.

A text that passes is sent as it is (parse_mode=HTML), so anything Telegram would refuse
("can't parse entities") or anything `str.format` would misuse (`{given.upper}`, `{name!r}`,
`{count:>99999}`) is a finding with the line, in plain German, before the content is used.
The names allowed per key are `PLACEHOLDERS` (bot/content/message_keys.py).
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from bot.content import telegram_html as th
from bot.content.checks import Checker
from bot.content.message_keys import PLACEHOLDERS

SNIPPET_BEFORE = 12
SNIPPET_AFTER = 24
ALLOWED_TAGS = "<b>, <i>, <u>, <s>, <tg-spoiler>, <a href>, <code>, <pre>, <blockquote>"
LESS_THAN = "„<“ als Zeichen: &lt;"


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong, and where in the text (character index)."""

    position: int
    message: str


def message_problems(key: str, text: str) -> list[Problem]:
    """Everything wrong with the text of `key` (empty if Telegram and the code can use it)."""
    return [*placeholder_problems(key, text), *html_problems(text)]


def placeholder_problems(key: str, text: str) -> list[Problem]:
    """{names} the code does not pass for `key`, and any {…} other than a plain name."""
    allowed = PLACEHOLDERS.get(key, frozenset())
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        if not allowed:
            return []  # shown as written: the code fills nothing into this text
        where = next((i for i, c in enumerate(text) if c in "{}"), 0)
        return [
            Problem(
                where,
                f"Bei „{snippet(text, where)}“ steht eine geschweifte Klammer allein. "
                "Platzhalter sehen so aus: {name}; eine Klammer als Zeichen schreiben Sie "
                "doppelt ({{ oder }}).",
            )
        ]
    problems = []
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        written = (
            "{"
            + name
            + (f"!{conversion}" if conversion else "")
            + (f":{spec}" if spec else "")
            + "}"
        )
        where = max(text.find(written), 0)
        message = _placeholder_problem(written, name, spec, conversion, allowed)
        if message:
            problems.append(Problem(where, message))
    return problems


def _placeholder_problem(
    written: str, name: str, spec: str | None, conversion: str | None, allowed: frozenset[str]
) -> str | None:
    possible = ", ".join("{" + n + "}" for n in sorted(allowed))
    if not allowed:
        return f"„{written}“: In diesen Text setzt der Bot nichts ein; bitte ohne Platzhalter."
    if not name.isidentifier() or spec or conversion:
        return (
            f"„{written}“: Ein Platzhalter besteht nur aus seinem Namen in geschweiften "
            f"Klammern, ohne Punkt, Doppelpunkt oder Ausrufezeichen. Möglich: {possible}."
        )
    if name not in allowed:
        return f"„{written}“ setzt der Bot hier nicht ein. Möglich: {possible}."
    return None


def html_problems(text: str) -> list[Problem]:
    """The first thing Telegram's HTML parser would refuse (it stops there), if any."""
    try:
        th.parse_html(text, strict=True, strict_gt=True)
    except th.HTMLParseError as error:
        return [Problem(error.position, _explained(error, text))]
    return []


def _explained(error: th.HTMLParseError, text: str) -> str:
    near = snippet(text, error.position)
    tag = error.tag
    if error.problem in (th.UNSUPPORTED_TAG, th.UNCLOSED_START):
        tag = text[error.position + 1 : error.position + 1 + len(tag)]  # as written
    explanations = {
        th.BARE_AMP: f"Das Zeichen „&“ bei „{near}“ schreiben Sie als &amp;.",
        th.BARE_GT: f"Das Zeichen „>“ bei „{near}“ schreiben Sie als &gt;.",
        th.UNSUPPORTED_TAG: f"„<{tag}>“ bei „{near}“ kennt Telegram nicht (es lehnt den Text "
        f"ab). Erlaubt: {ALLOWED_TAGS}; {LESS_THAN}.",
        th.UNCLOSED_START: f"Bei „{near}“ fehlt das „>“ der Formatierung; {LESS_THAN}.",
        th.UNCLOSED_END: f"Bei „{near}“ fehlt das „>“ der schließenden Formatierung.",
        th.UNEXPECTED_END: f"Die schließende Formatierung bei „{near}“ schließt nichts, was "
        "vorher geöffnet wurde.",
        th.UNMATCHED_END: f"Bei „{near}“ muss zuerst „</{tag}>“ kommen: Formatierungen werden "
        "in umgekehrter Reihenfolge geschlossen, z. B. <b><i>…</i></b>.",
        th.MISSING_END: f"„<{tag}>“ wird nicht wieder geschlossen: es fehlt „</{tag}>“.",
        th.BAD_SPAN: '„<span>“ gibt es nur als <span class="tg-spoiler">.',
        th.BAD_EMOJI: '„<tg-emoji>“ braucht emoji-id="…".',
    }
    if error.problem == th.UNSUPPORTED_TAG and not tag:
        return f"Bei „{near}“: {LESS_THAN}."
    return explanations.get(error.problem, f"Telegram würde den Text ablehnen: {error}.")


def snippet(text: str, position: int) -> str:
    """A few characters around `position`, on one line."""
    start = max(position - SNIPPET_BEFORE, 0)
    part = text[start : position + SNIPPET_AFTER].replace("\n", " ").strip()
    prefix = "…" if start > 0 else ""
    suffix = "…" if position + SNIPPET_AFTER < len(text) else ""
    return f"{prefix}{part}{suffix}"


def line_in_file(key_line: int, text: str, position: int) -> int:
    """The file line of `position`: texts on their own lines (after „|“) start below the key."""
    if "\n" not in text:
        return key_line
    return key_line + 1 + text.count("\n", 0, position)


def check_message(check: Checker, relative: str, key_line: int, key: str, text: str) -> None:
    """Add a finding (file, line, key) for each problem of one message text."""
    for problem in message_problems(key, text):
        line = line_in_file(key_line, text, problem.position)
        check.add(relative, line, problem.message, field_name=key)
