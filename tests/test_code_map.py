"""The README's code map stays true: each module of bot/ is in a package it describes (or is
named itself), and every file it names exists where it says."""

from __future__ import annotations

import re

import pytest

from bot.config import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
CODE_MAP = README.split("\n## Code map\n", 1)[1].split("\n## ", 1)[0]
# One bullet a package (or a group of top-level modules): "- `bot/ui/` – what users see …".
BULLETS = re.findall(r"^- `([\w/.]+)`(.*?)(?=^- |\Z)", CODE_MAP, re.MULTILINE | re.DOTALL)
NAMED = re.compile(r"`([\w/.]+\.py)`")
MODULES = sorted(p.relative_to(PROJECT_ROOT).as_posix() for p in PROJECT_ROOT.glob("bot/**/*.py"))


def bullet_dir(head: str) -> str:
    """The folder a bullet's bare file names are in: its package, or bot/ for `bot/x.py`."""
    return head if head.endswith("/") else head.rsplit("/", 1)[0] + "/"


def described(module: str) -> bool:
    """True when the module or one of the packages around it heads a bullet or is named."""
    if any(module.startswith(head) for head, _ in BULLETS if head.endswith("/")):
        return True
    folder, name = module.rsplit("/", 1)
    return any(
        bullet_dir(head) == folder + "/" and (head == module or f"`{name}`" in text)
        for head, text in BULLETS
    )


def test_the_code_map_has_a_bullet_per_package() -> None:
    heads = [head for head, _ in BULLETS]
    assert {"bot/content/", "bot/matching/", "bot/serve/", "handlers/"} <= set(heads)


def test_an_unknown_module_or_package_is_not_on_the_map() -> None:
    assert not described("bot/newthing.py") and not described("bot/newpackage/thing.py")
    assert described("bot/config.py") and described("bot/testing/fake_telegram/_sender.py")


@pytest.mark.parametrize("module", [m for m in MODULES if m != "bot/__init__.py"])
def test_every_module_of_bot_is_on_the_code_map(module: str) -> None:
    assert described(module), f"README code map: no bullet names {module} or its package"


@pytest.mark.parametrize(("head", "text"), BULLETS, ids=[head for head, _ in BULLETS])
def test_every_file_the_code_map_names_exists(head: str, text: str) -> None:
    folder = PROJECT_ROOT / bullet_dir(head)
    for name in NAMED.findall(f"`{head}` {text}"):
        path = PROJECT_ROOT / name if "/" in name else folder / name
        assert path.is_file(), f"README code map, {head}: {name} is not in {folder}"
