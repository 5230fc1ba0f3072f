"""Posting a briefing to a channel over the platforms' REST APIs (no gateway), with bounded retries.

Retries live here and only here: slack_sdk's own retry handlers are switched off (`retry_handlers=[]`), so a
429 is retried exactly as below, once per message, honouring Retry-After. Errors name the platform, the HTTP
status and the platform's error code; never a token.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import date

import aiohttp

from bot.router import Reply
from config.settings import Settings
from summarizer import Briefing

log = logging.getLogger(__name__)

# Slack errors that no retry can fix: the subscription is paused with this code as the reason.
SLACK_PERMANENT = frozenset({
    "channel_not_found", "not_in_channel", "is_archived", "channel_is_archived", "invalid_auth", "not_authed",
    "account_inactive", "token_revoked", "token_expired", "missing_scope", "restricted_action",
    "team_access_not_granted", "no_permission", "ekm_access_denied", "org_login_required",
})
SLACK_TRANSIENT = frozenset({"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"})
TIMEOUT = 30  # seconds per HTTP request


class DeliveryError(Exception):
    """A post failed after bounded retries; the slot is marked failed and the next slot tries again."""


class PermanentDeliveryError(DeliveryError):
    """The channel is gone, access was lost or the token is invalid: pause the subscription."""


class _Retry(Exception):
    def __init__(self, reason: str, after: float | None = None) -> None:
        super().__init__(reason)
        self.reason, self.after = reason, after


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds: `tries` per message, Retry-After honoured up to `max_retry_after` s, 5xx backoff 1, 2, 4 s..."""

    tries: int = 4
    max_retry_after: float = 60.0
    backoff: float = 1.0


@dataclass(frozen=True)
class Target:
    platform: str  # slack | discord
    channel: str

    def __str__(self) -> str:
        return f"{self.platform}:{self.channel}"


def parse_target(text: str) -> Target:
    """'slack:C123' or 'discord:123456789' -> Target; ValueError naming the bad part otherwise."""
    platform, colon, channel = (text or "").partition(":")
    platform = platform.strip().lower()
    channel = channel.strip().lstrip("#")
    if not colon or platform not in ("slack", "discord"):
        raise ValueError(f"target {text!r}: expected slack:CHANNEL or discord:CHANNEL")
    if platform == "discord" and not channel.isdigit():
        raise ValueError(f"target {text!r}: a Discord channel is its numeric id")
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", channel):
        raise ValueError(f"target {text!r}: expected a channel id such as C0123ABCD")
    return Target(platform, channel)


def dated(briefing: Briefing, day: date, label: str = "Daily briefing") -> Briefing:
    """The briefing with a dated title ('Daily briefing — 2026-11-25 · NATO membership')."""
    return replace(briefing, title=f"{label} — {day.isoformat()} · {briefing.title}")


async def post_briefing(settings: Settings, target: Target, briefing: Briefing,
                        retry: RetryPolicy = RetryPolicy()) -> int:
    """Post every rendered message of `briefing` to `target`; returns the HTTP attempts it took."""
    reply = Reply(briefing=briefing)
    if target.platform == "slack":
        from bot.slack_render import to_messages as slack_messages

        return await post_slack(settings, target.channel, slack_messages(reply), retry)
    from bot.discord_render import to_messages as discord_messages

    return await post_discord(settings, target.channel, discord_messages(reply), retry)


async def post_slack(settings: Settings, channel: str, messages: list[dict], retry: RetryPolicy) -> int:
    from slack_sdk.errors import SlackApiError
    from slack_sdk.web.async_client import AsyncWebClient

    token = settings.secret("slack_bot_token")
    if not token:
        raise DeliveryError("slack: BRIEFING_SLACK_BOT_TOKEN is not set")
    # retry_handlers=[]: no hidden retries (the SDK's default would also re-send on connection errors).
    client = AsyncWebClient(token=token, base_url=settings.slack_api_url, timeout=TIMEOUT, retry_handlers=[])

    async def send(message: dict) -> None:
        try:
            await client.chat_postMessage(channel=channel, text=message["text"], blocks=message["blocks"],
                                          unfurl_links=False, unfurl_media=False)
        except SlackApiError as exc:
            raise _slack_error(exc.response) from None
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            raise _Retry(f"slack: connection failed ({type(exc).__name__})") from None

    return await _send_all(messages, send, retry, f"slack:{channel}")


def _slack_error(response) -> Exception:
    status = getattr(response, "status_code", None) or getattr(response, "status", 0)
    data = getattr(response, "data", None)
    error = data.get("error") if isinstance(data, dict) else None
    what = f"slack {error}" if error else f"slack HTTP {status}"
    if status == 429 or error == "ratelimited":
        return _Retry(what, _seconds(response.headers.get("Retry-After")))
    if error in SLACK_PERMANENT or (status in (401, 403, 404) and error not in SLACK_TRANSIENT):
        return PermanentDeliveryError(what)
    if status >= 500 or error in SLACK_TRANSIENT:
        return _Retry(f"{what} (HTTP {status})")
    return DeliveryError(what)


async def post_discord(settings: Settings, channel: str, messages: list[dict], retry: RetryPolicy) -> int:
    token = settings.secret("discord_token")
    if not token:
        raise DeliveryError("discord: BRIEFING_DISCORD_TOKEN is not set")
    url = f"{settings.discord_api_base.rstrip('/')}/channels/{channel}/messages"
    headers = {"Authorization": f"Bot {token}", "User-Agent": "DiscordBot (briefing-bot, 0.1)"}
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT)) as session:

        async def send(message: dict) -> None:
            payload = {k: v for k, v in message.items() if v} | {"allowed_mentions": {"parse": []}}
            # The same nonce on every retry of this message: Discord drops a repeat that it already accepted
            # (a timeout after a successful post must not post twice).
            payload |= {"nonce": _nonce(channel, message), "enforce_nonce": True}
            try:
                async with session.post(url, json=payload, headers=headers) as resp:
                    if resp.status < 300:
                        return
                    body = await _json_body(resp)
                    raise _discord_error(resp.status, resp.headers, body)
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                raise _Retry(f"discord: connection failed ({type(exc).__name__})") from None

        return await _send_all(messages, send, retry, f"discord:{channel}")


def _nonce(channel: str, message: dict) -> str:
    digest = hashlib.sha256(json.dumps([channel, message], sort_keys=True).encode()).hexdigest()
    return digest[:25]  # Discord allows at most 25 characters


def _discord_error(status: int, headers, body: dict) -> Exception:
    what = f"discord HTTP {status}" + (f" {body['message']} ({body.get('code')})" if body.get("message") else "")
    if status == 429:
        return _Retry(what, _seconds(headers.get("Retry-After")) or _seconds(body.get("retry_after")))
    if status in (401, 403, 404):
        return PermanentDeliveryError(what)
    if status >= 500:
        return _Retry(what)
    return DeliveryError(what)


async def _json_body(resp: aiohttp.ClientResponse) -> dict:
    try:
        body = await resp.json(content_type=None)
    except (ValueError, aiohttp.ClientError):
        return {}
    return body if isinstance(body, dict) else {}


def _seconds(value) -> float | None:
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return None


async def _send_all(messages: list[dict], send: Callable[[dict], Awaitable[None]], retry: RetryPolicy,
                    where: str) -> int:
    """Send each message once, retrying only the one that failed (earlier parts are never re-sent)."""
    attempts = 0
    for message in messages:
        for attempt in range(1, retry.tries + 1):
            attempts += 1
            try:
                await send(message)
                break
            except _Retry as exc:
                wait = exc.after if exc.after is not None else retry.backoff * 2 ** (attempt - 1)
                if attempt == retry.tries:
                    raise DeliveryError(f"{exc.reason}; gave up after {attempt} tries") from None
                if wait > retry.max_retry_after:
                    raise DeliveryError(f"{exc.reason}; retry after {wait:g} s is too long") from None
                log.warning("%s: %s; retrying in %.1f s (try %d of %d)", where, exc.reason, wait, attempt + 1,
                            retry.tries)
                await asyncio.sleep(wait)
    log.info("%s: posted %d message(s)", where, len(messages))
    return attempts
