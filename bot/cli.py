"""Command line: run the bot, chat in the terminal, ask questions, validate content.

python -m bot              run on Telegram if a token is set, else the terminal chat
python -m bot run          run on Telegram (long polling; --webhook or WEBHOOK_URL: webhook)
python -m bot chat         the same conversation in the terminal (--lang en: in English)
python -m bot ask [FRAGE]  answer one question, or one per line from stdin (--json, --lang en)
python -m bot validate     check the content files (--diff OTHER_DIR: what a change would do)
python -m bot links        deep links to entries, topics, tips (--qr DIR: QR codes)
python -m bot report       what people asked (--days 30, --format md|csv, --unanswered)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from bot.admin import PeriodReport
from bot.config import ConfigError, Settings, load_settings
from bot.content import (
    Content,
    ContentError,
    describe_diff,
    diff_content,
    load_content,
    summary_line,
    translation_report,
)
from bot.language import GERMAN, LANGUAGES
from bot.logs import setup_logging
from bot.matching import SearchResult
from bot.snapshot import Snapshot, build_snapshot


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="run the Telegram bot")
    run.add_argument("--webhook", action="store_true", help="serve a webhook instead of polling")
    chat = sub.add_parser("chat", help="talk to the bot in the terminal")
    chat.add_argument("--content", type=Path, help="content directory")
    chat.add_argument("--lang", choices=LANGUAGES, default=GERMAN, help="language (default de)")
    ask = sub.add_parser("ask", help="answer questions (argument or stdin, one per line)")
    ask.add_argument("question", nargs="*", help="the question; omit to read stdin")
    ask.add_argument("--json", action="store_true", help="machine-readable output")
    ask.add_argument("--top", type=int, default=3, help="number of matches to list")
    ask.add_argument("--content", type=Path, help="content directory")
    ask.add_argument("--lang", choices=LANGUAGES, default=GERMAN, help="language (default de)")
    validate = sub.add_parser("validate", help="check the content files")
    validate.add_argument("content_dir", nargs="?", type=Path, help="content directory")
    validate.add_argument("--diff", type=Path, metavar="OTHER_DIR", help="compare with OTHER_DIR")
    validate.add_argument(
        "--strict", action="store_true", help="exit 1 on missing or stale translations too"
    )
    report = sub.add_parser("report", help="figures from the question log")
    report.add_argument("--days", type=int, default=30, help="period in days (default 30)")
    report.add_argument("--format", choices=("md", "csv"), default="md", help="output format")
    report.add_argument(
        "--unanswered",
        action="store_true",
        help="groups of unanswered and down-voted questions with the likeliest entries",
    )
    links = sub.add_parser("links", help="deep links to entries, topics and the daily tip")
    links.add_argument("--bot", help="the bot's username (default: BOT_USERNAME)")
    links.add_argument("--qr", type=Path, metavar="DIR", help="write a QR code per link (SVG+PNG)")
    links.add_argument("--content", type=Path, help="content directory")
    return parser


def result_json(result: SearchResult) -> dict[str, object]:
    """The machine form of an answer (contract of ../shared/eval/score.py).

    `answered` is true only when a workshop principle is the answer; `kind` is principle,
    pointer, smalltalk, service or refusal; `pointer` the Wegweiser id offered (or null).
    """
    return {
        "question": result.query,
        "answered": result.answered,
        "kind": result.kind,
        "pointer": result.pointer.pointer.id if result.pointer else None,
        "decision": result.decision,
        "confidence": round(result.confidence, 3),
        "matches": [
            {
                "id": m.entry.id,
                "title": m.entry.title,
                "score": m.score,
                "sources": list(m.entry.sources),
            }
            for m in result.matches
        ],
    }


def _snapshot(settings: Settings, directory: Path | None, lang: str = GERMAN) -> Snapshot:
    return build_snapshot(directory or settings.content_dir).localized(lang)


def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    """Answer the question given, or each line of stdin."""
    from bot.terminal import format_reply
    from bot.ui import render_result

    snapshot = _snapshot(settings, args.content, args.lang)
    questions = [" ".join(args.question)] if args.question else sys.stdin
    for question in questions:
        result = snapshot.matcher.search(question.strip(), top=args.top)
        if args.json:
            print(json.dumps(result_json(result), ensure_ascii=False), flush=not args.question)
        else:
            print(format_reply(snapshot, render_result(snapshot.content, result)))
    return 0


def cmd_validate(settings: Settings, args: argparse.Namespace) -> int:
    """Print findings and a summary; exit 1 on any error."""
    directory = args.content_dir or settings.content_dir
    try:
        content = load_content(directory)
    except ContentError as error:
        print(error.report())
        return 1
    print(f"Inhalt in Ordnung: {summary_line(content)} (Version {content.version})")
    for line in translation_report(content):
        print(line)
    if args.diff:
        return _print_diff(content, args.diff)
    return 1 if args.strict and content.translation_notes else 0


def _print_diff(content: Content, other_dir: Path) -> int:
    """Validate OTHER_DIR and print what replacing the content with it would change."""
    try:
        other = load_content(other_dir)
    except ContentError as error:
        print(f"{other_dir}:\n{error.report()}")
        return 1
    print(other.text("diff_header"))
    for line in describe_diff(diff_content(content, other), other):
        print(f"- {line}")
    return 0


def cmd_report(settings: Settings, args: argparse.Namespace) -> int:
    """Print the question-log figures, the same as /stats."""
    from bot.admin import build_report, render_report
    from bot.records import dead_count
    from bot.storage import Database

    async def build() -> tuple[PeriodReport, int]:
        async with Database(settings.database_path) as db:
            return await build_report(db, args.days), await dead_count(db)

    if args.unanswered:
        print(_review_text(settings, args.days))
        return 0
    content = load_content(settings.content_dir)
    report, dead = asyncio.run(build())
    print(render_report([report], content, args.format), end="")
    if args.format != "csv":
        print()
        # Updates the bot could not handle keep their raw JSON: SELECT * FROM inbox WHERE
        # state = 'dead'.
        print(f"Nicht verarbeitbare Updates (Tabelle inbox, state 'dead'): {dead}")
    return 0


def _review_text(settings: Settings, days: int) -> str:
    """The groups of unanswered and down-voted questions, with suggested entries."""
    from bot.admin import render_review, review
    from bot.storage import Database

    async def groups() -> list[review.ReviewGroup]:
        async with Database(settings.database_path) as db:
            return await review.open_groups(db, days)

    snapshot = build_snapshot(settings.content_dir)
    found = asyncio.run(groups())
    suggestions = {
        g.sample_id: review.suggest_entries(snapshot.matcher, g.question) for g in found
    }
    return render_review(found, snapshot.content, suggestions)


def cmd_links(settings: Settings, args: argparse.Namespace) -> int:
    """Print every deep link; with --qr also write DIR/<payload>.svg and .png."""
    from bot.ui import deeplinks

    username = args.bot or settings.bot_username
    if not username:
        print("Bot username missing: pass --bot NAME or set BOT_USERNAME", file=sys.stderr)
        return 2
    content = load_content(args.content or settings.content_dir)
    for link, label in deeplinks.all_links(content):
        url = deeplinks.link_url(username, link)
        print(f"{url}\t{label}")
        if args.qr:
            write_qr(url, args.qr / link.payload)
    return 0


def write_qr(url: str, stem: Path) -> None:
    """A QR code for `url` as stem.svg and stem.png (print quality: error level M)."""
    import segno

    stem.parent.mkdir(parents=True, exist_ok=True)
    code = segno.make(url, error="m", micro=False)
    code.save(str(stem.with_suffix(".svg")), scale=4, border=4)
    code.save(str(stem.with_suffix(".png")), scale=10, border=4)


def cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    """The terminal conversation."""
    from bot.terminal import run_chat

    lang = getattr(args, "lang", GERMAN)
    # The served snapshot with its translations: each question is answered in its language.
    snapshot = _snapshot(settings, getattr(args, "content", None))
    reader = snapshot.localized(lang).content
    interactive = sys.stdin.isatty()

    def prompt() -> None:
        if interactive:
            print(f"\n{reader.text('chat_prompt')}> ", end="", flush=True)

    def lines() -> Iterator[str]:
        yield from sys.stdin
        if interactive:  # Ctrl+D: finish the prompt line before saying goodbye
            print()

    try:
        run_chat(snapshot, lines(), print, prompt, lang)
    except KeyboardInterrupt:  # Ctrl+C ends the chat like "ende", without a traceback
        print("\n" + reader.text("chat_bye"))
    return 0


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    """Run the Telegram bot until SIGTERM/SIGINT."""
    from bot.serve import run_bot

    return run_bot(settings, webhook=args.webhook)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m bot`."""
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    setup_logging(settings)
    command = args.command or ("run" if settings.token else "chat")
    handlers = {"run": cmd_run, "chat": cmd_chat, "ask": cmd_ask, "validate": cmd_validate}
    handlers["report"] = cmd_report
    handlers["links"] = cmd_links
    if command == "run" and not hasattr(args, "webhook"):
        args.webhook = False
    try:
        return handlers[command](settings, args)
    except ConfigError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
