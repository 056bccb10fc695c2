"""What the bot remembers about people, and forgetting it: the question log, votes, privacy.

`question_log` writes one row per question and one vote per answer and expires old rows;
`roles` keeps the perspective chosen with /rolle; `privacy.forget_user` deletes every row that
holds a person's id, in every table;
`inbox` stores every update before Telegram is told it arrived, until it is answered.
"""

from bot.records.inbox import (
    DEAD,
    DONE,
    PENDING,
    Inbox,
    Incoming,
    Stored,
    dead_count,
    delete_dead_older_than,
)
from bot.records.languages import chat_language, choose_language, chosen_language
from bot.records.privacy import forget_user
from bot.records.question_log import (
    SECONDS_PER_DAY,
    VOTE_DOWN,
    VOTE_UP,
    AnswerRef,
    LoggedQuestion,
    delete_older_than,
    log_question,
    record_question,
    record_vote,
)
from bot.records.roles import reader_choices, role_of, set_role

__all__ = [
    "DEAD",
    "DONE",
    "PENDING",
    "SECONDS_PER_DAY",
    "VOTE_DOWN",
    "VOTE_UP",
    "AnswerRef",
    "Inbox",
    "Incoming",
    "LoggedQuestion",
    "Stored",
    "chat_language",
    "choose_language",
    "chosen_language",
    "dead_count",
    "delete_dead_older_than",
    "delete_older_than",
    "forget_user",
    "log_question",
    "reader_choices",
    "record_question",
    "record_vote",
    "role_of",
    "set_role",
]
