"""What admins do with the running bot: content updates with backups, and usage figures.

`updates` validates and applies uploads, reloads and rollbacks (`backups` keeps copies),
`replies` words their outcome; `stats` computes figures from the question log and
`report` renders them as text, HTML or CSV.
"""

from bot.admin.backups import Backups
from bot.admin.replies import change_text, rejection_text
from bot.admin.report import render_report
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
    "apply_upload",
    "build_report",
    "change_text",
    "rejection_text",
    "reload_from_disk",
    "reload_if_changed",
    "render_report",
    "rollback",
    "upload_target",
]
