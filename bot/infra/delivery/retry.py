"""Bounded retries for posting to a channel: retries live here and only here.

slack_sdk's own retry handlers are switched off (`retry_handlers=[]`), so a 429 is retried exactly as below,
once per message, honouring Retry-After. Errors name the platform, the HTTP status and the platform's error code;
never a token.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.app.errors import DeliveryError, DeliveryInterrupted

log = logging.getLogger(__name__)

TIMEOUT = 30  # seconds per HTTP request


class Retry(Exception):
    """A failure worth another try, after `after` seconds (the platform's Retry-After) or the backoff."""

    def __init__(self, reason: str, after: float | None = None) -> None:
        super().__init__(reason)
        self.reason, self.after = reason, after


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds: `tries` per message, Retry-After honoured up to `max_retry_after` s, 5xx backoff 1, 2, 4 s..."""

    tries: int = 4
    max_retry_after: float = 60.0
    backoff: float = 1.0


def seconds(value) -> float | None:
    """A Retry-After value in seconds (header text or JSON number), or None when it is not a number."""
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return None


async def send_all(messages: list[dict], send: Callable[[dict], Awaitable[None]], retry: RetryPolicy,
                   where: str, repeatable: bool = False) -> int:
    """Send each message once, retrying only the one that failed (earlier parts are never re-sent).

    Cancelled (shutdown) midway, it raises DeliveryInterrupted saying how many messages went out, so that the
    caller can hand an untouched slot back rather than leave it neither sent nor failed."""
    attempts, progress = 0, _Progress()
    try:
        for message in messages:
            attempts += await _send_one(message, send, retry, where, progress)
            progress.posted, progress.in_request = progress.posted + 1, False
    except asyncio.CancelledError:
        # Stopped during a request, the message may have gone out: count it as posted (never sent twice).
        posted = progress.posted + progress.in_request
        raise DeliveryInterrupted(f"{where}: stopped after {posted} of {len(messages)} message(s)", posted,
                                  repeatable) from None
    log.info("%s: posted %d message(s)", where, len(messages))
    return attempts


@dataclass
class _Progress:
    """How far send_all got: messages posted, and whether a request was on its way when it stopped."""

    posted: int = 0
    in_request: bool = False


async def _send_one(message: dict, send: Callable[[dict], Awaitable[None]], retry: RetryPolicy, where: str,
                    progress: _Progress) -> int:
    """Send one message with bounded retries; returns the HTTP attempts it took."""
    for attempt in range(1, retry.tries + 1):
        try:
            progress.in_request = True
            await send(message)
            return attempt
        except Retry as exc:
            progress.in_request = False
            wait = exc.after if exc.after is not None else retry.backoff * 2 ** (attempt - 1)
            if attempt == retry.tries:
                raise DeliveryError(f"{exc.reason}; gave up after {attempt} tries") from None
            if wait > retry.max_retry_after:
                raise DeliveryError(f"{exc.reason}; retry after {wait:g} s is too long") from None
            log.warning("%s: %s; retrying in %.1f s (try %d of %d)", where, exc.reason, wait, attempt + 1,
                        retry.tries)
            await asyncio.sleep(wait)
    raise DeliveryError(f"{where}: the retry policy allows no tries")
