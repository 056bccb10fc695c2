"""Telegram handlers, one module per user-facing feature; each exposes `register(app)`."""
