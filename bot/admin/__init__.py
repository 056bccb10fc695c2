"""What admins do with the running bot: content updates with backups, and usage figures.

`updates` validates and applies uploads, reloads and rollbacks (`backups` keeps copies),
`replies` words their outcome; `stats` computes figures from the question log and
`report` renders them as text, HTML or CSV. `review` finds groups of unanswered and
down-voted questions, `add_question` appends one to an entry keeping the file's layout.
`prompts` keeps what an admin's next press or reply refers to (announcement drafts, time and
search prompts) in the database, so a restart between the two steps loses nothing.
"""

from bot.admin import prompts, review
from bot.admin.add_question import QuestionAdded, add_question
from bot.admin.backups import Backups
from bot.admin.replies import change_text, rejection_text
from bot.admin.report import render_report, render_review
from bot.admin.stats import PeriodReport, build_report
from bot.admin.updates import (
    MAX_UPLOAD_BYTES,
    Change,
    ChangeRejected,
    apply_upload,
    reload_from_disk,
    reload_if_changed,
    rollback,
    upload_target,
)

__all__ = [
    "MAX_UPLOAD_BYTES",
    "Backups",
    "Change",
    "ChangeRejected",
    "PeriodReport",
    "QuestionAdded",
    "add_question",
    "apply_upload",
    "build_report",
    "change_text",
    "prompts",
    "rejection_text",
    "reload_from_disk",
    "reload_if_changed",
    "render_report",
    "render_review",
    "review",
    "rollback",
    "upload_target",
]
