"""The database schema: one versioned migration per feature, applied in order at start-up.

Each feature keeps its own queries in its own module and adds its tables here as a new
migration at the end of `MIGRATIONS` (never edit a released one: existing databases have run
it). `bot/storage.py` runs them inside a transaction and bumps `PRAGMA user_version`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step; `version` is the user_version after it ran."""

    version: int
    description: str
    sql: str


TIPS_SQL = """
-- Daily tips: subscriptions, per-chat tip history, and the delivery log that makes
-- delivery exactly-once per (chat, local day). See bot/subscriptions.py, bot/broadcast.py.
CREATE TABLE tip_subscriptions (
    chat_id INTEGER PRIMARY KEY,
    send_time TEXT NOT NULL,              -- local wall-clock time, 'HHMM'
    weekdays INTEGER NOT NULL,            -- bit 0 = Monday … bit 6 = Sunday
    active INTEGER NOT NULL DEFAULT 1,
    starts_on TEXT NOT NULL,              -- first local day, 'YYYY-MM-DD'
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX tip_subscriptions_by_time ON tip_subscriptions (send_time)
    WHERE active = 1;
CREATE TABLE tip_history (
    chat_id INTEGER NOT NULL,
    round INTEGER NOT NULL,
    tip_id TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (chat_id, round, tip_id)
);
CREATE TABLE tip_deliveries (
    chat_id INTEGER NOT NULL,
    day TEXT NOT NULL,                    -- local day, 'YYYY-MM-DD'
    tip_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('pending', 'sent', 'unknown', 'blocked', 'failed')),
    claimed_at TEXT NOT NULL,
    finished_at TEXT,
    PRIMARY KEY (chat_id, day)
);
CREATE TRIGGER tip_deliveries_history AFTER UPDATE OF status ON tip_deliveries
WHEN NEW.status IN ('sent', 'unknown') BEGIN
    INSERT OR IGNORE INTO tip_history (chat_id, round, tip_id, sent_at)
    VALUES (NEW.chat_id, NEW.round, NEW.tip_id, COALESCE(NEW.finished_at, NEW.claimed_at));
END;
"""

QUESTION_LOG_SQL = """
-- Every question: what was asked and how the bot decided. No names. chat_id is kept for
-- private chats only (there it is the asker's user id), so /vergessen can delete them.
CREATE TABLE question_log (
    id INTEGER PRIMARY KEY,
    asked_at INTEGER NOT NULL,
    question TEXT NOT NULL,
    entry_id TEXT,
    score REAL,
    decision TEXT NOT NULL,
    chat_type TEXT NOT NULL,
    chat_id INTEGER
);
CREATE INDEX question_log_asked_at ON question_log (asked_at);
CREATE INDEX question_log_chat_id ON question_log (chat_id);
-- 👍 / 👎 under an answer: one changeable vote per user and answer message; the answer is
-- identified by its chat id and message id.
CREATE TABLE answer_feedback (
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    entry_id TEXT NOT NULL,
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    voted_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id, user_id)
);
CREATE INDEX answer_feedback_voted_at ON answer_feedback (voted_at);
CREATE INDEX answer_feedback_user_id ON answer_feedback (user_id);
"""

HUMAN_LOOP_SQL = """
-- Questions a user chose to send to the team (bot/records/forwarded.py). user_id / chat_id
-- make them deletable by /vergessen; asked_at puts them under the question log's retention.
CREATE TABLE forwarded_questions (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL,
    chat_id INTEGER NOT NULL,             -- where the team's answer goes
    question TEXT NOT NULL,
    state TEXT NOT NULL
        CHECK (state IN ('open', 'answered', 'delivered', 'undeliverable', 'failed')),
    asked_at INTEGER NOT NULL,
    reply TEXT,
    answered_at INTEGER,
    followup TEXT CHECK (followup IN ('thanks', 'question')),
    awaiting_followup INTEGER NOT NULL DEFAULT 0,
    log_id INTEGER UNIQUE                 -- the question_log row the user consented to send
);
CREATE INDEX forwarded_questions_user ON forwarded_questions (user_id, state);
CREATE INDEX forwarded_questions_asked_at ON forwarded_questions (asked_at);
-- The copies in the team chat (or each admin's private chat); a reply to one finds the question.
CREATE TABLE forwarded_messages (
    question_id INTEGER NOT NULL REFERENCES forwarded_questions (id) ON DELETE CASCADE,
    team_chat INTEGER NOT NULL,
    team_message INTEGER NOT NULL,
    PRIMARY KEY (team_chat, team_message)
);
CREATE INDEX forwarded_messages_question ON forwarded_messages (question_id);
-- Unanswered questions an admin dealt with in /stats (added to an entry or ignored); the key
-- is the normalised question text, no personal data (bot/admin/review.py).
CREATE TABLE question_reviews (
    question_key TEXT PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('added', 'ignored')),
    entry_id TEXT,
    decided_at INTEGER NOT NULL
);
-- One-off messages to all tip subscribers (bot/tips/announcements.py), delivered exactly
-- once per chat with the same claim-on-the-wire log as the daily tips.
CREATE TABLE announcements (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    send_at TEXT NOT NULL,                -- UTC, ISO 8601
    state TEXT NOT NULL CHECK (state IN ('scheduled', 'done', 'cancelled')),
    created_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE TABLE announcement_deliveries (
    announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
    chat_id INTEGER NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('pending', 'sent', 'unknown', 'blocked', 'failed')),
    claimed_at TEXT NOT NULL,
    finished_at TEXT,
    PRIMARY KEY (announcement_id, chat_id)
);
"""

ANSWER_KIND_SQL = """
-- What kind of answer a question got (principle, pointer, smalltalk, service, refusal);
-- for a Wegweiser pointer, entry_id holds the pointer id. NULL in rows logged before.
ALTER TABLE question_log ADD COLUMN kind TEXT;
"""

ROLES_SQL = """
-- /rolle: the perspective a user chose (bot/records/roles.py); no row = no choice.
-- Deleted by /vergessen like every table with a user_id column.
CREATE TABLE user_roles (
    user_id INTEGER PRIMARY KEY,
    role TEXT NOT NULL,
    chosen_at INTEGER NOT NULL
);
"""

LANGUAGE_SQL = """
-- The language a user chose with /sprache (bot/records/languages.py); without a row the
-- language follows Telegram's language_code. /vergessen deletes it (user_id).
CREATE TABLE user_languages (
    user_id INTEGER PRIMARY KEY,
    lang TEXT NOT NULL CHECK (lang IN ('de', 'en')),
    chosen_at INTEGER NOT NULL
);
"""

INBOX_SQL = """
-- The durable inbox (bot/records/inbox.py): every update from Telegram, stored before it is
-- acknowledged. 'pending' rows are answered (oldest first, also after a restart); 'done' rows
-- keep only the id (to recognise a re-sent update) and are deleted after an hour; 'dead' rows
-- could not be handled, keep the raw JSON for inspection and are deleted by the retention job.
CREATE TABLE inbox (
    update_id INTEGER PRIMARY KEY,
    received_at REAL NOT NULL,            -- unix seconds
    state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'dead')),
    raw TEXT,                             -- the update as Telegram sent it; NULL once done
    sender_id INTEGER,                    -- the user, for /vergessen; NULL once done
    finished_at REAL,
    error TEXT
);
CREATE INDEX inbox_state ON inbox (state, update_id);
"""

ADMIN_PROMPTS_SQL = """
-- What an admin's next button press or reply refers to (bot/admin/prompts.py): an
-- announcement draft, the "Wann?" prompt, the entry-choice search. user_id is the admin, so
-- /vergessen deletes them; the retention job drops unfinished ones after a week.
CREATE TABLE admin_prompts (
    kind TEXT NOT NULL,
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    value TEXT NOT NULL,
    created_at REAL NOT NULL,             -- unix seconds
    PRIMARY KEY (kind, chat_id, message_id)
);
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "daily tips: subscriptions, tip history, delivery log", TIPS_SQL),
    Migration(2, "question log and answer feedback", QUESTION_LOG_SQL),
    Migration(3, "forwarded questions, question reviews, announcements", HUMAN_LOOP_SQL),
    Migration(4, "question log: kind of answer (principle, pointer, ...)", ANSWER_KIND_SQL),
    Migration(5, "the perspective each user chose with /rolle", ROLES_SQL),
    Migration(6, "the language each user chose", LANGUAGE_SQL),
    Migration(7, "durable inbox of updates", INBOX_SQL),
    Migration(8, "admin prompts awaiting a press or reply", ADMIN_PROMPTS_SQL),
)
