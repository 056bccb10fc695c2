"""Command line: the `ask --json` contract of ../shared/eval/score.py, validate, run, chat."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import PROJECT_ROOT
from bot.snapshot import Snapshot
from tests.conftest import MINI_ENTRIES, write_content

QUESTIONS = [
    "Wie vermeiden wir Scheinbeteiligung?",
    "Wie backe ich einen Kuchen?",
    "",
    "Augenhöhe mit Ehrenamtlichen",
]
SETTING_VARIABLES = ("TELEGRAM_BOT_TOKEN", "CONTENT_DIR", "LOG_LEVEL", "LOG_FORMAT", "PORT")


def run_bot_cli(*args: str, stdin: str = "", cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m bot ...` in a clean environment (no token, no .env) from cwd."""
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(PROJECT_ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """In-process CLI runs without token, settings or .env from the outside."""
    for name in SETTING_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check_contract(answer: dict[str, object], question: str) -> None:
    assert answer["question"] == question
    assert isinstance(answer["answered"], bool)
    matches = answer["matches"]
    assert isinstance(matches, list) and len(matches) <= 3
    for match in matches:
        assert set(match) >= {"id", "title", "score", "sources"}
        assert isinstance(match["id"], str) and isinstance(match["title"], str)
        assert isinstance(match["score"], int | float) and 0 <= match["score"] <= 100
        assert isinstance(match["sources"], list) and match["sources"]


def test_stdin_mode_prints_one_json_line_per_question(tmp_path: Path) -> None:
    stdin = "".join(q + "\n" for q in QUESTIONS)
    done = run_bot_cli("ask", "--json", "--top", "3", stdin=stdin, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(QUESTIONS)
    answers = [json.loads(line) for line in lines]
    for answer, question in zip(answers, QUESTIONS, strict=True):
        check_contract(answer, question)
    assert answers[0]["answered"] is True
    assert answers[0]["matches"][0]["id"] == "keine-ohnmacht"
    assert answers[0]["matches"][0]["sources"] == ["D1"]
    assert answers[1]["answered"] is False
    assert answers[2]["answered"] is False


def test_ask_json_with_argument(clean_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "Wie", "vermeiden", "wir", "Scheinbeteiligung?"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    answer = json.loads(line)
    check_contract(answer, "Wie vermeiden wir Scheinbeteiligung?")
    assert answer["matches"][0]["title"] == "Keine Beteiligung an Ohnmacht"


def test_ask_prints_the_answer_as_the_user_sees_it(
    clean_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "Wie vermeiden wir Scheinbeteiligung?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Keine Beteiligung an Ohnmacht\n")
    assert "\n1. " in out and "[1] " in out
    assert "<b>" not in out


def test_validate_ok_prints_summary_line(
    clean_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content_dir = write_content(clean_env / "content")
    assert main(["validate", str(content_dir)]) == 0
    out = capsys.readouterr().out.strip()
    assert out.splitlines()[-1].startswith("Inhalt in Ordnung: 3 Einträge, 2 Tipps, 2/2 ")


def test_validate_shipped_content_is_clean(
    clean_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate"]) == 0
    assert "Pflicht-Aussagen abgedeckt" in capsys.readouterr().out


def test_validate_reports_findings_and_exits_1(
    clean_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = MINI_ENTRIES.replace("related: [zeitplan]", "related: [gibt-es-nicht]")
    content_dir = write_content(clean_env / "content", entries=broken)
    assert main(["validate", str(content_dir)]) == 1
    out = capsys.readouterr().out
    assert "entries/basis.yaml" in out and "gibt-es-nicht" in out


def _break_pointer(text: str, pointer_id: str, field: str) -> str:
    """The shipped wegweiser.yaml with one field of one pointer removed."""
    start = text.index(f"  - id: {pointer_id}\n")
    end = text.find("\n  - id: ", start + 1)
    block = text[start : end if end > 0 else len(text)]
    lines = block.split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith(f"    {field}:"))
    rest = next(
        (n for n in range(at + 1, len(lines)) if not lines[n].startswith("      ")), len(lines)
    )
    return text.replace(block, "\n".join(lines[:at] + lines[rest:]))


def test_validate_reports_each_broken_pointer_of_the_shipped_wegweiser(
    clean_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = PROJECT_ROOT / "content"
    copy = clean_env / "content"
    shutil.copytree(shipped, copy)
    text = (shipped / "wegweiser.yaml").read_text(encoding="utf-8")
    text = _break_pointer(text, "versicherung", "who_helps")
    text = _break_pointer(text, "buergerrat", "note")
    url = "https://www.foerderdatenbank.de/"
    assert url in text
    text = text.replace(url, "www.foerderdatenbank.de", 1)
    (copy / "wegweiser.yaml").write_text(text, encoding="utf-8")
    assert main(["validate", str(copy)]) == 1
    out = capsys.readouterr().out
    found = [line for line in out.splitlines() if line.startswith("wegweiser.yaml")]
    assert len(found) == 3, out
    assert any("„versicherung“" in f and "Feld „who_helps“" in f for f in found)
    assert any("„buergerrat“" in f and "Feld „note“" in f for f in found)
    assert any("„foerdermittel“" in f and "https://" in f for f in found)
    assert all(", Zeile " in f for f in found)


def test_run_without_token_names_the_variable_and_the_chat(tmp_path: Path) -> None:
    done = run_bot_cli("run", cwd=tmp_path)
    assert done.returncode != 0
    assert "TELEGRAM_BOT_TOKEN" in done.stderr
    assert "python -m bot chat" in done.stderr
    assert "Traceback" not in done.stderr


def test_invalid_setting_exits_with_a_one_line_error(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PORT", "abc")
    assert main(["validate"]) == 2
    assert "PORT" in capsys.readouterr().err


def test_chat_without_token_is_the_default(
    clean_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    shipped_snapshot: Snapshot,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Wie vermeiden wir Scheinbeteiligung?\nende\n"))
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "Keine Beteiligung an Ohnmacht" in out
    assert out.rstrip().endswith(shipped_snapshot.content.text("chat_bye").strip())


class InterruptedStdin(io.StringIO):
    """Standard input where the user presses Ctrl+C after the first line."""

    def __iter__(self) -> InterruptedStdin:
        return self

    def __next__(self) -> str:
        if self.tell() == 0:
            return self.readline()
        raise KeyboardInterrupt


def test_ctrl_c_ends_the_chat_politely(
    clean_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    shipped_snapshot: Snapshot,
) -> None:
    monkeypatch.setattr(sys, "stdin", InterruptedStdin("Zeitplan\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "Zeitplan präsentieren" in out
    assert out.rstrip().endswith(shipped_snapshot.content.text("chat_bye").strip())
