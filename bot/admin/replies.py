"""Admin replies as Telegram HTML: applied changes with their summary, rejections with findings."""

from __future__ import annotations

from bot.admin.updates import Change, ChangeRejected
from bot.content import Content, Finding, describe_diff
from bot.ui import esc

# An upload with hundreds of problems still gets one short reply: the first findings, each
# cut to a few lines, then "… und N weitere Fehler" (`python -m bot validate` lists them all).
MAX_FINDINGS_SHOWN = 12
MAX_FINDING_CHARS = 300


def clipped(text: str, limit: int = MAX_FINDING_CHARS) -> str:
    """`text`, cut to `limit` characters with "…" if longer."""
    return text if len(text) <= limit else f"{text[: limit - 1].rstrip()}…"


def findings_text(content: Content, findings: list[Finding]) -> str:
    """The findings as a bulleted list (the first few, then a count of the rest)."""
    lines = [f"• {esc(clipped(str(f)))}" for f in findings[:MAX_FINDINGS_SHOWN]]
    if len(findings) > MAX_FINDINGS_SHOWN:
        lines.append(esc(content.text("findings_more", count=len(findings) - MAX_FINDINGS_SHOWN)))
    return "\n".join(lines)


def change_text(key: str, change: Change, **values: object) -> str:
    """`key`'s message for an applied change, followed by what changed (new wording)."""
    content = change.snapshot.content
    header = esc(content.text(key, version=content.version, **values))
    changes = "\n".join(f"• {esc(line)}" for line in describe_diff(change.diff, content))
    return f"{header}\n\n<b>{esc(content.text('diff_header'))}</b>\n{changes}"


def rejection_text(content: Content, rejected: ChangeRejected) -> str:
    """Why a change was refused, with every finding (file, line, entry, field)."""
    header = esc(content.text(rejected.key, **rejected.values))
    if not rejected.findings:
        return header
    return f"{header}\n\n{findings_text(content, rejected.findings)}"
