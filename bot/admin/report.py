"""Insight figures as text: Telegram HTML for /stats, Markdown or CSV for `bot report`.

Headings and labels come from messages.yaml; entry and pointer ids are shown with their
titles. Wegweiser pointers get their own line and section, apart from workshop principles.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from bot.admin.review import DOWNVOTED, UNANSWERED, ReviewGroup
from bot.admin.stats import DECISIONS, PeriodReport
from bot.content import Content
from bot.ui import esc

CSV_COLUMNS = ("days", "section", "key", "label", "count")


def _title(content: Content, entry_id: str) -> str:
    entry = content.entry(entry_id) or content.pointer(entry_id)
    return entry.title if entry else entry_id


def _percent(share: float) -> str:
    return f"{round(share * 100)} %"


@dataclass(frozen=True, slots=True)
class _Markup:
    """Telegram HTML (escaped, <b>) or Markdown (as is, **)."""

    html: bool

    def text(self, value: str) -> str:
        return esc(value) if self.html else value

    def bold(self, value: str) -> str:
        return f"<b>{esc(value)}</b>" if self.html else f"**{value}**"


def _overview(report: PeriodReport, content: Content) -> list[str]:
    """Heading, total, the answered / suggested / refused shares and the share of Wegweiser
    answers if there are pointers (unescaped)."""
    shares = {
        d: content.text(
            "stats_share", percent=_percent(report.share(d)), count=report.decisions.get(d, 0)
        )
        for d in DECISIONS
    }
    lines = [
        content.text("stats_header", days=report.days),
        content.text("stats_total", count=report.total),
        content.text(
            "stats_decisions",
            answered=shares["answer"],
            suggested=shares["suggest"],
            refused=shares["refuse"],
        ),
    ]
    if content.pointers or report.pointers:
        part = report.pointer_total / report.total if report.total else 0.0
        pointers = content.text("stats_share", percent=_percent(part), count=report.pointer_total)
        lines.append(content.text("stats_pointers", pointers=pointers))
    return lines


def _details(report: PeriodReport, content: Content) -> list[tuple[str, list[str]]]:
    """(heading key, lines) for top entries, pointers, unanswered questions and feedback."""

    def counted(ids: tuple[tuple[str, int], ...]) -> list[str]:
        return [content.text("stats_top_line", title=_title(content, i), count=n) for i, n in ids]

    unanswered = [
        content.text("stats_unanswered_line", question=c.question, count=c.count)
        for c in report.unanswered
    ]
    feedback = [
        content.text(
            "stats_feedback_line", title=_title(content, f.entry_id), up=f.up, down=f.down
        )
        for f in report.feedback
    ]
    pointers = [("stats_pointers_header", counted(report.pointers))]
    return [
        ("stats_top_header", counted(report.top_entries)),
        *(pointers if content.pointers or report.pointers else []),
        ("stats_unanswered_header", unanswered),
        ("stats_feedback_header", feedback),
    ]


def render_period(report: PeriodReport, content: Content, fmt: str, full: bool = True) -> str:
    """One period as HTML or Markdown; `full` adds top entries, pointers, unanswered, feedback."""
    markup = _Markup(html=fmt == "html")
    heading, *figures = _overview(report, content)
    lines = [markup.bold(heading), *(markup.text(line) for line in figures)]
    if full:
        none = content.text("stats_none")
        for key, items in _details(report, content):
            lines += ["", markup.bold(content.text(key))]
            lines += [f"• {markup.text(item)}" for item in items or [none]]
    return "\n".join(lines)


def render_csv(reports: list[PeriodReport], content: Content) -> str:
    """Every figure as one CSV row: days, section, key, label, count."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in reports:
        writer.writerow((r.days, "total", "", "", r.total))
        for decision in DECISIONS:
            writer.writerow((r.days, "decision", decision, "", r.decisions.get(decision, 0)))
        for entry_id, count in r.top_entries:
            writer.writerow((r.days, "top_entry", entry_id, _title(content, entry_id), count))
        for pointer_id, count in r.pointers:
            writer.writerow((r.days, "pointer", pointer_id, _title(content, pointer_id), count))
        for cluster in r.unanswered:
            writer.writerow((r.days, "unanswered", "", cluster.question, cluster.count))
        for f in r.feedback:
            title = _title(content, f.entry_id)
            writer.writerow((r.days, "feedback_up", f.entry_id, title, f.up))
            writer.writerow((r.days, "feedback_down", f.entry_id, title, f.down))
    return out.getvalue()


def render_report(reports: list[PeriodReport], content: Content, fmt: str) -> str:
    """All periods in one format; only the last period is shown in full."""
    if fmt == "csv":
        return render_csv(reports, content)
    return "\n\n".join(
        render_period(r, content, fmt, full=n == len(reports) - 1) for n, r in enumerate(reports)
    )


def render_review(
    groups: list[ReviewGroup], content: Content, suggestions: dict[int, list[str]]
) -> str:
    """`bot report --unanswered`: each group, its count and the likeliest entries (Markdown)."""
    lines: list[str] = []
    for kind, key in ((UNANSWERED, "review_unanswered_header"), (DOWNVOTED, "review_downvoted")):
        lines += ["", f"**{content.text(key)}**"]
        shown = [g for g in groups if g.kind == kind]
        for group in shown:
            lines.append(
                "- "
                + content.text("stats_unanswered_line", question=group.question, count=group.count)
            )
            if group.entry_id:
                lines.append("  " + content.text("review_answered_with", entry=group.entry_id))
            ids = ", ".join(suggestions.get(group.sample_id, []))
            lines.append("  " + content.text("review_suggestions", entries=ids or "–"))
        if not shown:
            lines.append("- " + content.text("stats_none"))
    return "\n".join(lines).strip()
