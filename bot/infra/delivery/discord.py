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


async def post_discord(discord: DiscordSettings, channel: str, messages: list[dict], retry: RetryPolicy,
                       key: str = "") -> int:
    """Post each message once (retrying only a failed one, with the same nonce); returns the HTTP attempts.

    `key` names the post (subscription and slot): with the channel and the part's number it makes each part's
    nonce, so a repeat of this post is dropped by Discord while two equal posts elsewhere are not."""
    token = discord.token
    if not token:
        raise DeliveryError("discord: BRIEFING_DISCORD_TOKEN is not set")
    url = f"{discord.api_base.rstrip('/')}/channels/{channel}/messages"
    headers = {"Authorization": f"Bot {token}", "User-Agent": USER_AGENT}
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT)) as session:

        parts = {id(message): number for number, message in enumerate(messages)}

        async def send(message: dict) -> None:
            payload = {k: v for k, v in message.items() if v} | {"allowed_mentions": {"parse": []}}
            # The same nonce on every retry of this message: Discord answers a repeat it already accepted with
            # the message it made (a lost answer after a successful post shows as sent, never posts twice).
            payload |= {"nonce": _nonce(key, channel, parts[id(message)], message), "enforce_nonce": True}
            try:
                async with session.post(url, json=payload, headers=headers) as resp:
                    if resp.status < 300:
                        return
                    body = await _json_body(resp)
                    raise _discord_error(resp.status, resp.headers, body)
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                raise Retry(f"discord: connection failed ({type(exc).__name__})") from None

        return await send_all(messages, send, retry, f"discord:{channel}", repeatable=True)


def _nonce(key: str, channel: str, part: int, message: dict) -> str:
    digest = hashlib.sha256(json.dumps([key, channel, part, message], sort_keys=True).encode()).hexdigest()
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


