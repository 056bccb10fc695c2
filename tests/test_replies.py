"""Admin replies: a rejected upload with hundreds of findings still gets one short message."""

from __future__ import annotations

from bot.admin import rejection_text
from bot.admin.replies import MAX_FINDING_CHARS, MAX_FINDINGS_SHOWN
from bot.admin.updates import ChangeRejected
from bot.content import Finding, parse_html
from bot.snapshot import Snapshot
from bot.ui import split_message


def test_many_long_findings_are_capped_in_count_and_length(shipped_snapshot: Snapshot) -> None:
    content = shipped_snapshot.content
    findings = [
        Finding("messages.yaml", n, "<Name> & " + "sehr lang " * 200, field=f"k{n}")
        for n in range(1, 944)
    ]
    html = rejection_text(content, ChangeRejected("upload_invalid", findings, name="x.yaml"))

    assert len(split_message(html)) == 1  # one Telegram message
    shown, _ = parse_html(html)
    bullets = [line for line in shown.splitlines() if line.startswith("• ")]
    assert len(bullets) == MAX_FINDINGS_SHOWN
    assert all(len(line) <= MAX_FINDING_CHARS + 2 and line.endswith("…") for line in bullets)
    assert bullets[0].startswith("• messages.yaml, Zeile 1, Feld „k1“: <Name> & sehr lang")
    assert shown.splitlines()[-1] == f"… und {943 - MAX_FINDINGS_SHOWN} weitere Fehler"


def test_a_short_finding_is_shown_whole(shipped_snapshot: Snapshot) -> None:
    finding = Finding("tips.yaml", 3, "Der Eintrag fehlt.", "tipp-1", "entry")
    html = rejection_text(
        shipped_snapshot.content, ChangeRejected("upload_invalid", [finding], name="tips.yaml")
    )
    assert parse_html(html)[0].endswith(f"• {finding}")
