"""The optional entry fields: plain version, steps per role, legal note, checked sentences.

    plain:       {summary: text, steps: [one per entry step]}   Einfache Sprache
    roles:       {verwaltung: [2-4 steps], engagierte: [2-4 steps]}
    legal_note:  text that contains the LEGAL_MARKER ("keine Rechtsberatung")
    checked:     [summary sentences verified against the cited statements]

Structure is checked here; readability and attribution in their own modules.
"""

from __future__ import annotations

from bot.content.checks import Checker
from bot.content.model import KIND_ABOUT, ROLES, Plain, Roles
from bot.content.readability import MAX_PLAIN_SUMMARY
from bot.content.yamlsource import LineDict, LineList

EXTRA_FIELDS = ("plain", "roles", "legal_note", "checked")
PLAIN_FIELDS = ("summary", "steps")
ROLE_STEPS_RANGE = (2, 4)
MAX_ROLE_STEP = 300
MAX_LEGAL_NOTE = 500
MAX_CHECKED = 600
# Every legal note says it is general information, so nobody takes it for legal advice.
LEGAL_MARKER = "keine Rechtsberatung"


def _mapping(
    check: Checker,
    item: LineDict,
    key: str,
    relative: str,
    entry_id: str,
    allowed: tuple[str, ...],
) -> LineDict | None:
    """The mapping under `key`, or None (with a finding if it is there but malformed)."""
    value = item.get(key)
    if value is None:
        return None
    line = item.key_lines.get(key, item.line)
    if not isinstance(value, LineDict):
        check.add(
            relative,
            line,
            f"Hier müssen eingerückte Unterfelder stehen: {', '.join(allowed)}.",
            entry_id,
            key,
        )
        return None
    for sub in value:
        if sub not in allowed:
            check.add(
                relative,
                value.key_lines[sub],
                f"Unbekanntes Unterfeld „{sub}“ (Tippfehler?). Erlaubt sind: "
                f"{', '.join(allowed)}.",
                entry_id,
                f"{key}.{sub}",
            )
    return value


def read_plain(
    check: Checker, item: LineDict, relative: str, entry_id: str, kind: str, steps: int
) -> Plain | None:
    """The plain version; required for every entry except kind `about`."""
    value = _mapping(check, item, "plain", relative, entry_id, PLAIN_FIELDS)
    if value is None:
        if "plain" not in item and kind != KIND_ABOUT:
            check.add(
                relative,
                item.line,
                "Die Fassung in Einfacher Sprache fehlt (Feld „plain“ mit summary und steps).",
                entry_id,
                "plain",
            )
        return None
    summary = _plain_summary(check, value, relative, entry_id)
    plain_steps = check.texts(
        value, "steps", relative, MAX_ROLE_STEP, required=True, owner=entry_id, name="plain.steps"
    )
    written = value.get("steps")
    if isinstance(written, LineList) and len(written) != steps:
        check.add(
            relative,
            value.key_lines["steps"],
            f"Es sind {len(written)} einfache Schritte, aber {steps} Schritte "
            "unter „steps“ – bitte zu jedem Schritt genau einen einfachen.",
            entry_id,
            "plain.steps",
        )
    return Plain(" ".join(summary.split()), plain_steps)


def _plain_summary(check: Checker, value: LineDict, relative: str, entry_id: str) -> str:
    """plain.summary: a text of at most MAX_PLAIN_SUMMARY characters ('' with a finding)."""
    summary = value.get("summary")
    line = value.key_lines.get("summary", value.line)
    if not isinstance(summary, str) or not summary.strip():
        check.add(relative, line, "Hier muss ein Text stehen.", entry_id, "plain.summary")
        return ""
    if len(summary.strip()) > MAX_PLAIN_SUMMARY:
        check.add(
            relative,
            line,
            f"Der Text ist {len(summary.strip())} Zeichen lang, erlaubt sind {MAX_PLAIN_SUMMARY}.",
            entry_id,
            "plain.summary",
        )
    return summary


def read_roles(check: Checker, item: LineDict, relative: str, entry_id: str) -> Roles | None:
    """Steps for administration staff and for initiatives and volunteers, both required."""
    value = _mapping(check, item, "roles", relative, entry_id, ROLES)
    if value is None:
        return None
    steps: dict[str, tuple[str, ...]] = {}
    for role in ROLES:
        if role not in value:
            check.add(
                relative,
                item.key_lines["roles"],
                f"Die Schritte für „{role}“ fehlen – unter „roles“ stehen immer beide Sichten: "
                f"{', '.join(ROLES)}.",
                entry_id,
                f"roles.{role}",
            )
            continue
        steps[role] = check.texts(
            value,
            role,
            relative,
            MAX_ROLE_STEP,
            ROLE_STEPS_RANGE,
            required=True,
            owner=entry_id,
            name=f"roles.{role}",
        )
    return Roles(**steps)


def read_legal_note(check: Checker, item: LineDict, relative: str) -> str:
    """A legal note that says it is general information, not legal advice."""
    note = check.text(item, "legal_note", relative, MAX_LEGAL_NOTE, required=False)
    if note and LEGAL_MARKER.casefold() not in note.casefold():
        check.add(
            relative,
            item.key_lines["legal_note"],
            f"Ein rechtlicher Hinweis muss sagen, dass er „{LEGAL_MARKER}“ ist – z. B. "
            "„Allgemeiner Hinweis, keine Rechtsberatung: …“.",
            str(item.get("id")),
            "legal_note",
        )
    return " ".join(note.split())


def read_checked(check: Checker, item: LineDict, relative: str) -> tuple[str, ...]:
    """Sentences an editor verified against the cited statements."""
    return tuple(
        " ".join(text.split()) for text in check.texts(item, "checked", relative, MAX_CHECKED)
    )
