"""Posting rendered embeds to a Discord channel over REST (no gateway), each message at most once."""
from __future__ import annotations

import asyncio
import hashlib
import json

import aiohttp

from bot.app.errors import DeliveryError, PermanentDeliveryError
from bot.infra.delivery.retry import TIMEOUT, Retry, RetryPolicy, seconds, send_all
from config.settings import DiscordSettings

NONCE_LENGTH = 25  # Discord allows at most 25 characters
USER_AGENT = "DiscordBot (briefing-bot, 0.1)"


async def post_discord(discord: DiscordSettings, channel: str, messages: list[dict], retry: RetryPolicy) -> int:
    """Post each message once (retrying only a failed one, with the same nonce); returns the HTTP attempts."""
    token = discord.token
    if not token:
        raise DeliveryError("discord: BRIEFING_DISCORD_TOKEN is not set")
    url = f"{discord.api_base.rstrip('/')}/channels/{channel}/messages"
    headers = {"Authorization": f"Bot {token}", "User-Agent": USER_AGENT}
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
                raise Retry(f"discord: connection failed ({type(exc).__name__})") from None

        return await send_all(messages, send, retry, f"discord:{channel}")


def _nonce(channel: str, message: dict) -> str:
    digest = hashlib.sha256(json.dumps([channel, message], sort_keys=True).encode()).hexdigest()
    return digest[:NONCE_LENGTH]


def _discord_error(status: int, headers, body: dict) -> Exception:
    what = f"discord HTTP {status}" + (f" {body['message']} ({body.get('code')})" if body.get("message") else "")
    if status == 429:
        return Retry(what, seconds(headers.get("Retry-After")) or seconds(body.get("retry_after")))
    if status in (401, 403, 404):
        return PermanentDeliveryError(what)
    if status >= 500:
        return Retry(what)
    return DeliveryError(what)


async def _json_body(resp: aiohttp.ClientResponse) -> dict:
    try:
        body = await resp.json(content_type=None)
    except (ValueError, aiohttp.ClientError):
        return {}
    return body if isinstance(body, dict) else {}


