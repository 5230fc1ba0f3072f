"""Logging for every command: one format on stderr, and no secret value in any log line."""
from __future__ import annotations

import logging
from collections.abc import Iterable

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASK = "[secret]"


def configure_logging(level: int = logging.INFO) -> None:
    logging.basicConfig(level=level, format=FORMAT)


class Redact(logging.Filter):
    """Replaces every secret value in a record's final message (library loggers included)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, MASK)
            record.msg, record.args = message, None
        return True


def redact(secrets: Iterable[str]) -> None:
    """Install a Redact filter on every root handler (records of every logger pass through them)."""
    secrets = list(secrets)
    if not secrets:
        return
    for handler in logging.getLogger().handlers:
        handler.addFilter(Redact(secrets))
