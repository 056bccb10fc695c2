"""Beteiligungslotse core: content, matching, rendering, storage and the Application."""
