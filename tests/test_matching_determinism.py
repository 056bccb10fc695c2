"""Answers must not depend on Python's per-process hash seed (set iteration order)."""

from __future__ import annotations

import os
import subprocess
import sys

from bot.config import PROJECT_ROOT

QUESTIONS = "\n".join(
    [
        "Sollten Abteilungsleiter in Partizipation fortgebildet werden?",
        "wie kriegen wir die leute im viertel zum mitmachen",
        "Stakeholder Governance Co-Creation",
        "Wer haftet, wenn ein Helfer bei unserem Fest jemanden verletzt?",
    ]
)


def ask_with_seed(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "--top", "3"],
        input=QUESTIONS,
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env=env,
        timeout=120,
        check=True,
    )
    return done.stdout


def test_answers_are_the_same_whatever_the_hash_seed() -> None:
    first = ask_with_seed("0")
    assert first.count("\n") == 4  # one JSON line per question
    assert ask_with_seed("2") == first
