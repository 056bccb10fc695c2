"""The webhook server: Telegram POSTs updates here, the platform asks `GET /healthz`.

This is python-telegram-bot's custom-webhook pattern (examples/customwebhookbot) with the
durable inbox in between: our own web server stores each update (bot/serve/intake.py) and
answers 200 only once it is committed, because the built-in `run_webhook` server confirms
updates before they are handled and cannot serve an extra health route. The server is
tornado, the one python-telegram-bot's own webhook support runs on.

Answers: 403 without the right `X-Telegram-Bot-Api-Secret-Token` header (checked before the
body is read); 400 for a body that is not a JSON object with an integer `update_id`; 503
(Telegram tries again later) until the Application runs, from the moment a shutdown begins,
while the inbox holds its maximum backlog, or when the update could not be stored.
"""

from __future__ import annotations

import hmac
import json
import logging
import socket
import time

import tornado.httpserver
import tornado.netutil
import tornado.web

from bot.config import ConfigError, Settings
from bot.serve.health import check_health
from bot.serve.intake import Intake, incoming
from bot.serve.keys import DB_KEY, STORE_KEY
from bot.serve.telegram_io import BotApp
from bot.serve.webhook_keys import HEALTH_ROUTE, SECRET_HEADER, webhook_path, webhook_secret

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024


class _Handler(tornado.web.RequestHandler):
    def initialize(self, server: WebhookServer) -> None:  # type: ignore[override]
        self.server = server

    def compute_etag(self) -> None:
        return None

    def _answer(self, status: int, body: dict[str, object] | None = None) -> None:
        self.set_status(status)
        if body is not None:
            self.set_header("Content-Type", "application/json")
            self.write(json.dumps(body))
        self.finish()


class UpdateHandler(_Handler):
    """POST <webhook path>: check the secret token, store the update, then answer 200."""

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.server.secret.encode()):
            logger.warning(
                "Refused a webhook request from %s: wrong secret token", self.request.remote_ip
            )
            self._answer(403)
            return
        intake = self.server.intake
        if not self.server.accepting or intake is None or intake.full:
            self._answer(503)  # Telegram retries; nothing was confirmed
            return
        try:
            update = incoming(json.loads(self.request.body))
        except ValueError:
            update = None
        if update is None:
            logger.warning("Refused a webhook request that is not an update with an update_id")
            self._answer(400)
            return
        try:
            await intake.accept([update])
        except Exception as error:
            logger.error("Could not store update %d: %s", update.update_id, error)
            self._answer(503)
            return
        self._answer(200)


class HealthHandler(_Handler):
    """GET /healthz: 200 with a small JSON report, 503 when content or database fail."""

    async def get(self) -> None:
        app = self.server.app
        report = await check_health(
            app.bot_data[STORE_KEY], app.bot_data[DB_KEY], self.server.started_at, time.monotonic()
        )
        self._answer(200 if report.healthy else 503, report.body)


def _log_request(handler: tornado.web.RequestHandler) -> None:
    """Access log without the URL (the webhook path is a secret)."""
    logger.debug(
        "%s %s -> %d", handler.request.method, type(handler).__name__, handler.get_status()
    )


class WebhookServer:
    """Serves the webhook path and /healthz for one Application."""

    def __init__(self, app: BotApp, settings: Settings, intake: Intake | None = None) -> None:
        self.app = app
        self.intake = intake
        self.secret = webhook_secret(settings)
        self.listen_address = settings.webhook_listen
        self.port = settings.port
        self.started_at = time.monotonic()
        self.accepting = False
        routes = [
            (webhook_path(settings), UpdateHandler, {"server": self}),
            (HEALTH_ROUTE, HealthHandler, {"server": self}),
        ]
        self._web = tornado.web.Application(routes, log_function=_log_request)
        self._http: tornado.httpserver.HTTPServer | None = None

    def listen(self) -> None:
        """Bind the port and start accepting requests; a busy port is a configuration error."""
        try:
            sockets = tornado.netutil.bind_sockets(
                self.port, self.listen_address, family=socket.AF_INET
            )
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise ConfigError(
                f"PORT/WEBHOOK_LISTEN: cannot listen on {self.listen_address}:{self.port}"
                f" ({reason})"
            ) from None
        self.port = sockets[0].getsockname()[1]
        self._http = tornado.httpserver.HTTPServer(
            self._web, xheaders=True, max_body_size=MAX_BODY_BYTES
        )
        self._http.add_sockets(sockets)
        logger.info("Webhook server listening on %s:%d", self.listen_address, self.port)

    async def stop(self) -> None:
        """Refuse new updates (503), stop listening and close the connections."""
        self.accepting = False
        if self._http is not None:
            self._http.stop()
            await self._http.close_all_connections()
            self._http = None
