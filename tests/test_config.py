"""Settings: .env parsing, the environment wins, invalid values name the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR, ConfigError, Settings, load_settings, read_dotenv

DOTENV = """\
# comment line

TELEGRAM_BOT_TOKEN=123:from-dotenv
export LOG_LEVEL=debug
ADMIN_IDS = "1, 2;3"
CONTENT_DIR='/srv/content'
NOT_A_SETTING
RATE_LIMIT_PER_S=5.5
"""


def test_read_dotenv_skips_comments_and_strips_quotes_and_export(tmp_path: Path) -> None:
    path = tmp_path / ".env"
    path.write_text(DOTENV, encoding="utf-8")
    assert read_dotenv(path) == {
        "TELEGRAM_BOT_TOKEN": "123:from-dotenv",
        "LOG_LEVEL": "debug",
        "ADMIN_IDS": "1, 2;3",
        "CONTENT_DIR": "/srv/content",
        "RATE_LIMIT_PER_S": "5.5",
    }


def test_missing_dotenv_is_fine(tmp_path: Path) -> None:
    assert read_dotenv(tmp_path / "nothing") == {}
    assert load_settings({}, tmp_path / "nothing") == Settings()


def test_dotenv_values_are_used(tmp_path: Path) -> None:
    path = tmp_path / ".env"
    path.write_text(DOTENV, encoding="utf-8")
    settings = load_settings({}, path)
    assert settings.token == "123:from-dotenv"
    assert settings.log_level == "DEBUG"
    assert settings.admin_ids == frozenset({1, 2, 3})
    assert settings.content_dir == Path("/srv/content")
    assert settings.rate_limit_per_s == 5.5


def test_environment_wins_over_dotenv(tmp_path: Path) -> None:
    path = tmp_path / ".env"
    path.write_text(DOTENV, encoding="utf-8")
    settings = load_settings({"TELEGRAM_BOT_TOKEN": "999:from-env", "LOG_LEVEL": "ERROR"}, path)
    assert settings.token == "999:from-env"
    assert settings.log_level == "ERROR"
    assert settings.admin_ids == frozenset({1, 2, 3})


def test_defaults_without_anything() -> None:
    settings = load_settings({}, None)
    assert settings.token is None
    assert settings.content_dir == DEFAULT_CONTENT_DIR
    assert settings.base_url is None
    assert settings.log_format == "text"


def test_blank_values_count_as_unset() -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": "  ", "TELEGRAM_BASE_URL": ""}, None)
    assert settings.token is None and settings.base_url is None


def test_token_is_not_in_the_repr() -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": "1:secret-token"}, None)
    assert "secret-token" not in repr(settings)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ADMIN_IDS", "12,abc"),
        ("LOG_LEVEL", "LOUD"),
        ("LOG_FORMAT", "xml"),
        ("PORT", "eighty"),
        ("PORT", "70000"),
        ("RATE_LIMIT_PER_S", "fast"),
        ("RATE_LIMIT_PER_S", "0"),
        ("QUESTION_RETENTION_DAYS", "0"),
        ("TIP_CATCH_UP_MINUTES", "-5"),
    ],
)
def test_invalid_values_raise_config_error_naming_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_settings({name: value}, None)


def test_invalid_value_in_dotenv_is_reported_too(tmp_path: Path) -> None:
    path = tmp_path / ".env"
    path.write_text("PORT=abc\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="PORT"):
        load_settings({}, path)


def test_unknown_timezone_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="TIMEZONE"):
        load_settings({"TIMEZONE": "Mars/Olympus"}, dotenv=None)
    assert load_settings({"TIMEZONE": "Europe/Vienna"}, dotenv=None).timezone == "Europe/Vienna"
