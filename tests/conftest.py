"""Shared pytest fixtures."""

from __future__ import annotations

import shutil
import socket
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR, Settings
from bot.serve import BotApp
from bot.serve.app import build_application
from bot.serve.runner import BotRunner
from bot.snapshot import ContentStore, Snapshot, build_snapshot
from bot.storage import Database
from bot.testing.fake_telegram import FakeTelegramServer
from bot.testing.polling import settings_for, start_polling, stop_polling

CONTENT_DIR = DEFAULT_CONTENT_DIR

BOT_TOKEN = "123456:TEST-TOKEN"


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegramServer]:
    """A started fake Bot API server on 127.0.0.1 (random port), stopped afterwards."""
    async with FakeTelegramServer(token=BOT_TOKEN) as server:
        yield server


# --- a small, valid content set for unit tests -------------------------------------------

MINI_STATEMENTS = """\
sections:
  - id: X
    title: "1 Testabschnitt"
    statements:
      X1: "Augenhöhe herstellen"
      X2: "Zeitplan präsentieren"
  - id: A
    title: "0 Ablauf"
    required: false
    statements:
      A1: "Begrüßung"
"""

MINI_TOPICS = """\
topics:
  - id: basis
    title: "Grundlagen"
    description: "Worum es geht."
"""

MINI_ENTRIES = """\
entries:
  - id: augenhoehe
    kind: guideline
    topic: basis
    title: "Augenhöhe herstellen"
    summary: "Verwaltung und Ehrenamt begegnen sich als gleichwertige Partner."
    steps:
      - "Laden Sie zu einem gemeinsamen Treffen ein."
      - "Fragen Sie nach Erwartungen."
    plain:
      summary: "Alle sind gleich viel wert. Keiner steht oben."
      steps:
        - "Laden Sie zu einem Treffen ein."
        - "Fragen Sie, was die anderen erwarten."
    tensions: [ressource-partner]
    related: [zeitplan]
    questions:
      - "Wie schaffen wir Augenhöhe mit Ehrenamtlichen?"
      - "Wie begegnen wir Freiwilligen respektvoll?"
      - "Verwaltung von oben herab – was tun?"
      - "Wie gelingt Zusammenarbeit gleichberechtigt?"
    keywords: [gleichberechtigt, respekt, hierarchie]
    sources: [X1]
  - id: zeitplan
    kind: practice
    topic: basis
    title: "Zeitplan offenlegen"
    summary: "Wer den Zeitplan zeigt, schafft Verlässlichkeit."
    steps:
      - "Veröffentlichen Sie die Meilensteine."
      - "Sagen Sie, wann entschieden wird."
    plain:
      summary: "Zeigen Sie den Zeitplan. Dann wissen alle Bescheid."
      steps:
        - "Zeigen Sie die wichtigen Termine."
        - "Sagen Sie, wann entschieden wird."
    questions:
      - "Sollen wir den Zeitplan zeigen?"
      - "Wann wird entschieden?"
      - "Wie lange dauert das Verfahren?"
      - "Wie machen wir Termine transparent?"
    keywords: [termine, fristen, meilensteine]
    sources: [X2]
  - id: ressource-partner
    kind: tension
    topic: basis
    title: "Ressource oder Partner?"
    summary: "Bürgerinnen und Bürger sind mehr als Lückenfüller."
    poles: ["Bürger als Ressource", "Bürger als Partner"]
    steps:
      - "Fragen Sie, was die Engagierten selbst wollen."
      - "Teilen Sie Entscheidungen."
    plain:
      summary: "Bürgerinnen und Bürger wollen mitreden, nicht nur helfen."
      steps:
        - "Fragen Sie, was die Menschen selbst wollen."
        - "Entscheiden Sie gemeinsam."
    questions:
      - "Sind Bürger nur Lückenbüßer?"
      - "Ressource oder Partner?"
      - "Nutzen wir Ehrenamtliche aus?"
      - "Wie behandeln wir Engagierte als Partner?"
    sources: [X1]
"""

MINI_TIPS = """\
tips:
  - id: tipp-1
    entry: augenhoehe
    text: "Fragen Sie heute eine Ehrenamtliche, was sie sich von der Verwaltung wünscht."
  - id: tipp-2
    entry: zeitplan
    text: "Hängen Sie den Zeitplan sichtbar aus."
"""


def write_content(root: Path, **files: str) -> Path:
    """Write the mini content set to root, with files replaced by keyword (entries=...)."""
    texts = {
        "statements.yaml": MINI_STATEMENTS,
        "topics.yaml": MINI_TOPICS,
        "entries/basis.yaml": MINI_ENTRIES,
        "tips.yaml": MINI_TIPS,
        "messages.yaml": (CONTENT_DIR / "messages.yaml").read_text(encoding="utf-8"),
    }
    names = {
        "statements": "statements.yaml",
        "topics": "topics.yaml",
        "entries": "entries/basis.yaml",
        "tips": "tips.yaml",
        "messages": "messages.yaml",
    }
    for key, text in files.items():
        texts[names.get(key, key)] = text
    for name, text in texts.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def mini_content_dir(tmp_path: Path) -> Path:
    """A small valid content directory (3 entries, 2 tips, real messages)."""
    return write_content(tmp_path / "content")


@pytest.fixture(scope="session")
def shipped_snapshot() -> Snapshot:
    """The shipped content, loaded and indexed once per test session."""
    return build_snapshot(CONTENT_DIR)


@pytest.fixture
def settings(tmp_path: Path, fake_telegram: FakeTelegramServer) -> Settings:
    """Settings pointing at the fake Bot API server, a temporary database and no rate cap."""
    return settings_for(
        fake_telegram,
        tmp_path / "bot.sqlite3",
        content_dir=CONTENT_DIR,
        admin_ids=frozenset({ADMIN_ID}),
        rate_limit_per_s=1000.0,
    )


ADMIN_ID = 777


@pytest.fixture
async def running_bot(settings: Settings, shipped_snapshot: Snapshot) -> AsyncIterator[BotApp]:
    """The real Application with the shipped content, polling the fake server."""
    app = build_application(settings, ContentStore(settings.content_dir, shipped_snapshot))
    await start_polling(app)
    try:
        yield app
    finally:
        await stop_polling(app)


def with_settings(settings: Settings, **changes: object) -> Settings:
    """A copy of settings with some fields changed."""
    return replace(settings, **changes)  # type: ignore[arg-type]


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def webhook_settings(settings: Settings) -> Settings:
    """Settings for webhook mode on a free local port."""
    port = free_port()
    return with_settings(
        settings, webhook_url=f"http://127.0.0.1:{port}", webhook_listen="127.0.0.1", port=port
    )


@pytest.fixture
async def webhook_bot(
    webhook_settings: Settings, shipped_snapshot: Snapshot
) -> AsyncIterator[BotRunner]:
    """The real Application in webhook mode (started like `python -m bot run --webhook`)."""
    store = ContentStore(webhook_settings.content_dir, shipped_snapshot)
    runner = BotRunner(build_application(webhook_settings, store), webhook_settings, webhook=True)
    await runner.start()
    try:
        yield runner
    finally:
        await runner.stop()


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped content directory."""
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))


@pytest.fixture
async def editable_bot(
    settings: Settings, content_copy: Path, shipped_snapshot: Snapshot
) -> AsyncIterator[BotApp]:
    """The real Application serving a writable content copy, backups in a temporary folder."""
    config = with_settings(
        settings, content_dir=content_copy, backup_dir=content_copy.parent / "backups"
    )
    app = build_application(config, ContentStore(content_copy, shipped_snapshot))
    await start_polling(app)
    try:
        yield app
    finally:
        await stop_polling(app)


@pytest.fixture
async def tip_db(tmp_path: Path) -> AsyncIterator[Database]:
    """An open, migrated database file for daily-tip tests."""
    async with Database(tmp_path / "tips.sqlite3") as db:
        yield db


@pytest.fixture
async def tips_bot(running_bot: BotApp) -> BotApp:
    """The running bot with its scheduled jobs paused, so tests run deliveries themselves."""
    assert running_bot.job_queue is not None
    running_bot.job_queue.scheduler.pause()
    return running_bot
