"""Cross-module rules: commands have help, message keys exist, no German in code, no telegram
in the core."""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from telegram.ext import CommandHandler

from bot.config import PROJECT_ROOT, Settings
from bot.content import REQUIRED_MESSAGES
from bot.content.model import KINDS
from bot.serve.app import HANDLER_MODULES, build_application
from bot.snapshot import ContentStore, Snapshot
from bot.ui.commands import COMMANDS

CODE_DIRS = ("bot", "handlers")
# Packages that talk to Telegram; everything else in bot/ is core and must not import it.
TELEGRAM_FACING = ("bot/serve", "bot/testing", "handlers")
# German validation messages for admins live in the content checker by design.
GERMAN_ALLOWED = {
    "bot/content/loader.py",
    "bot/content/entries.py",
    "bot/content/pointers.py",
    "bot/content/smalltalk.py",
    "bot/content/checks.py",
    "bot/content/contacts.py",
    "bot/content/yamlsource.py",
    "bot/content/reading.py",
    "bot/content/extras.py",
    "bot/content/glossary.py",
    "bot/content/readability.py",
    "bot/content/attribution.py",
    "bot/content/translations.py",
    "bot/content/message_checks.py",
    "bot/content/thesaurus.py",
    "bot/content/lexicon.py",
}
# Functions that take a message key, and the position of that argument.
KEY_ARGUMENT = {"text": 0, "entry_button": 2}
MESSAGE_KEY = re.compile(r"^[a-z][a-z0-9_]*$")  # not environment names like TELEGRAM_BOT_TOKEN
UMLAUTS = re.compile(r"[äöüÄÖÜß]")
MESSAGES = yaml.safe_load((PROJECT_ROOT / "content" / "messages.yaml").read_text(encoding="utf-8"))


def code_files() -> list[Path]:
    return sorted(p for d in CODE_DIRS for p in (PROJECT_ROOT / d).rglob("*.py"))


def relative(path: Path) -> str:
    return path.relative_to(PROJECT_ROOT).as_posix()


def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def docstring_nodes(tree: ast.Module) -> set[int]:
    """ids of the string constants that are docstrings."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def text_keys_used() -> dict[str, str]:
    """Message keys passed as literals to `text(...)` / `.text(...)` or as templates."""
    keys: dict[str, str] = {}
    for path in code_files():
        for node in ast.walk(parse(path)):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            position = KEY_ARGUMENT.get(str(name))
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and MESSAGE_KEY.match(str(arg.value)):
                keys[arg.value] = relative(path)
    return keys


def test_every_used_message_key_exists_and_is_required() -> None:
    used = text_keys_used()
    assert len(used) > 10  # the scan finds the keys at all
    for key, where in used.items():
        assert key in MESSAGES, f"{where} uses text({key!r}), missing in messages.yaml"
        assert key in REQUIRED_MESSAGES, f"{where} uses text({key!r}), not in REQUIRED_MESSAGES"


def test_kind_labels_exist_for_every_kind() -> None:
    for kind in KINDS:
        assert f"kind_{kind}" in MESSAGES and f"kind_{kind}" in REQUIRED_MESSAGES


def test_every_required_message_is_in_messages_yaml() -> None:
    missing = [key for key in REQUIRED_MESSAGES if key not in MESSAGES]
    assert not missing
    assert all(isinstance(MESSAGES[key], str) and MESSAGES[key].strip() for key in MESSAGES)


def test_every_command_has_help_text(tmp_path: Path, shipped_snapshot: Snapshot) -> None:
    settings = Settings(token="123:abc", database_path=tmp_path / "db.sqlite3")
    app = build_application(settings, ContentStore(settings.content_dir, shipped_snapshot))
    listed = [frozenset(command.names) for command in COMMANDS]
    registered = [
        handler.commands
        for handlers in app.handlers.values()
        for handler in handlers
        if isinstance(handler, CommandHandler)
    ]
    assert registered
    for names in registered:  # aliases like /help share a handler with their command
        assert names in listed, f"/{sorted(names)[0]} is registered but not in the registry"
    for command in COMMANDS:
        assert frozenset(command.names) in registered, f"/{command.name} is not registered"
        assert command.help_key in MESSAGES and command.help_key in REQUIRED_MESSAGES


def test_handler_modules_keep_the_fallbacks_last() -> None:
    names = [module.__name__ for module in HANDLER_MODULES]
    assert names[-2:] == ["handlers.fallback", "handlers.errors"]


@pytest.mark.parametrize("path", code_files(), ids=relative)
def test_no_german_user_text_in_code(path: Path) -> None:
    if relative(path) in GERMAN_ALLOWED:
        return
    tree = parse(path)
    docstrings = docstring_nodes(tree)
    german = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and len(node.value) > 1  # single letters: the umlaut folding table
        and UMLAUTS.search(node.value)
    ]
    assert not german, f"{relative(path)}: move these texts to content/messages.yaml: {german}"


def core_files() -> list[Path]:
    """Every module under bot/ outside the Telegram-facing packages, found from the tree."""
    return [
        path
        for path in code_files()
        if not any(relative(path).startswith(prefix + "/") for prefix in TELEGRAM_FACING)
        and relative(path).startswith("bot/")
    ]


def imported_modules(path: Path) -> list[str]:
    nodes = list(ast.walk(parse(path)))
    imported = [a.name for n in nodes if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in nodes if isinstance(n, ast.ImportFrom)]
    return imported


def test_the_core_is_found_from_the_tree() -> None:
    found = {relative(path) for path in core_files()}
    assert {"bot/matching/matcher.py", "bot/tips/broadcast.py", "bot/cli.py"} <= found
    assert not any(name.startswith(("bot/serve/", "bot/testing/")) for name in found)


@pytest.mark.parametrize("path", core_files(), ids=relative)
def test_core_modules_never_import_telegram(path: Path) -> None:
    imported = imported_modules(path)
    assert not [name for name in imported if name.split(".")[0] == "telegram"]


def bot_package(module: str) -> str | None:
    """`bot.content.loader` → `content`; None outside bot's sub-packages."""
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "bot" or not (PROJECT_ROOT / "bot" / parts[1]).is_dir():
        return None
    return parts[1]


def own_package(path: Path) -> str | None:
    parts = path.relative_to(PROJECT_ROOT).parts
    return parts[1] if parts[0] == "bot" and len(parts) > 2 else None


@pytest.mark.parametrize("path", code_files(), ids=relative)
def test_other_packages_are_used_through_their_public_names(path: Path) -> None:
    """`from bot.content import load_content`, not `bot.content.loader`, and no `_private`."""
    own = own_package(path)
    for node in ast.walk(parse(path)):
        if not isinstance(node, ast.ImportFrom) or not node.module:
            continue
        package = bot_package(node.module)
        if package is None or package == own:
            continue
        names = [alias.name for alias in node.names]
        where = f"{relative(path)}:{node.lineno}"
        assert not [n for n in names if n.startswith("_")], f"{where} imports a private name"
        if node.module != f"bot.{package}":  # a module of another package
            assert names, where
            public = importlib.import_module(f"bot.{package}").__all__
            assert set(names) <= set(public), f"{where}: import from bot.{package} instead"
        else:
            module = importlib.import_module(node.module)
            for name in names:
                assert name in module.__all__ or hasattr(module, name), f"{where}: {name}"


@pytest.mark.parametrize("path", sorted((PROJECT_ROOT / "bot").rglob("*.py")), ids=relative)
def test_only_the_application_builder_imports_handlers(path: Path) -> None:
    """Handlers sit on top of bot/; only bot/serve/app.py wires them in."""
    if relative(path) == "bot/serve/app.py":
        return
    assert not [name for name in imported_modules(path) if name.split(".")[0] == "handlers"]


def test_the_core_runs_without_loading_telegram() -> None:
    """`python -m bot ask` and `chat` stay light: no core module pulls in `telegram`."""
    modules = sorted(
        ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in core_files()
        if path.name != "__main__.py"
    )
    code = (
        f"import sys\nfor name in {modules!r}:\n    __import__(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('telegram', 'handlers')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_lazy_serve_package_exports_exactly_what_it_can_load() -> None:
    """bot/serve/__init__.py lists its names three times (typing, loading, __all__); ruff
    checks typing against __all__, this checks loading against __all__."""
    import bot.serve

    assert sorted(bot.serve._HOME) == sorted(bot.serve.__all__)
    for name in bot.serve.__all__:
        assert getattr(bot.serve, name) is not None, name
