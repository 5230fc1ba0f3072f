"""Slack adapter: `/briefing` over Socket Mode or HTTP (slack-bolt), answered through response_url."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from aiohttp import web
from cachetools import LRUCache
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot.app.commands import CommandContext, Reply, Router
from bot.render.slack import to_messages
from config.settings import SlackSettings

log = logging.getLogger(__name__)

COMMAND = "/briefing"
EVENTS_PATH = "/slack/events"
PRIVATE_WORDS = ("private", "--private")  # first or last word: answer only to the asker
MAX_RESPONSES = 5  # Slack accepts at most 5 responses per response_url within 30 minutes
SEEN_TRIGGERS = 1000  # trigger ids remembered to drop Slack's repeated deliveries of one command
RATE_LIMIT_RETRIES = 2  # response_url/Web API retries on 429 by slack_sdk (it honours Retry-After)
MAX_REQUEST_BYTES = 1024 * 1024  # HTTP mode: larger request bodies are refused before bolt sees them
LOGGED_BODY = 200  # characters of an error body worth a log line
LOGGED_TEXT = 80  # characters of a user's command text worth a log line
MAX_CLOCK_SKEW = 300  # seconds: an older (or future) request timestamp is a replay, refused as Slack advises
LOCAL_HOST, PUBLIC_HOST = "127.0.0.1", "0.0.0.0"  # HTTP mode: this machine only, or every interface (a PaaS)
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")
APOLOGY = "Sorry, the briefing failed. Please try again in a minute."

Respond = Callable[..., Awaitable[Any]]


def split_private(text: str) -> tuple[str, bool]:
    """Strip a leading or trailing `private`/`--private`; True when it was there."""
    words = (text or "").split()
    if words and words[-1].lower() in PRIVATE_WORDS:
        return " ".join(words[:-1]), True
    if words and words[0].lower() in PRIVATE_WORDS:
        return " ".join(words[1:]), True
    return " ".join(words), False


def _retry_number(headers: Mapping[str, Any]) -> int:
    """X-Slack-Retry-Num (HTTP), or the envelope's retry_attempt (Socket Mode sends 0 on first delivery)."""
    value = headers.get("x-slack-retry-num")
    value = value[0] if isinstance(value, (list, tuple)) and value else value
    try:
        return int(value or 0)
    except ValueError:
        return 1


def build_app(slack: SlackSettings, router: Router) -> AsyncApp:
    """The bolt app with `/briefing`, built only from explicit settings (bolt would read SLACK_* env vars)."""
    if not slack.bot_token:
        raise ValueError("BRIEFING_SLACK_BOT_TOKEN is not set")
    client = AsyncWebClient(token=slack.bot_token, base_url=slack.api_url)
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES))  # honours Retry-After
    app = AsyncApp(
        name="briefing",
        client=client,
        signing_secret=slack.signing_secret or "",  # "" (not None): never read from env
        logger=logging.getLogger("bot.slack_bolt"),
    )
    handled: LRUCache[str, bool] = LRUCache(maxsize=SEEN_TRIGGERS)  # Slack may deliver a command twice

    @app.middleware
    async def skip_retries(req, resp, next) -> BoltResponse | None:
        if _retry_number(req.headers) > 0:  # a retry of something already delivered once
            return BoltResponse(status=200, body="")
        return await next()

    @app.command(COMMAND)
    async def briefing(ack, command: Mapping[str, str], respond: Respond, client: AsyncWebClient) -> None:
        await ack()  # Slack drops the command after 3 s
        trigger = command.get("trigger_id") or ""
        if trigger:
            if trigger in handled:
                log.info("ignoring a repeated delivery of trigger %s", trigger)
                return
            handled[trigger] = True
        await answer(router, command, respond, client)

    return app


async def answer(router: Router, command: Mapping[str, str], respond: Respond, client: AsyncWebClient) -> None:
    """Run the (blocking) router in a worker thread and deliver its reply through response_url."""
    text, private = split_private(command.get("text", ""))
    ctx = CommandContext(
        platform="slack",
        channel=command.get("channel_id", ""),
        user=command.get("user_id", ""),
        team=command.get("team_id", ""),
    )
    log.info("%s %r from user %s in channel %s", COMMAND, text[:LOGGED_TEXT], ctx.user, ctx.channel)
    try:
        reply = await asyncio.to_thread(router.handle, text, ctx)  # a slow briefing never blocks the loop
        messages = to_messages(reply)
    except Exception:
        log.exception("briefing %r failed", text[:LOGGED_TEXT])
        await _respond(respond, {"text": APOLOGY}, ephemeral=True)
        return
    try:
        await deliver(messages, respond, client, command, ephemeral=private or reply.ephemeral)
    except Exception:  # response_url unreachable or expired: nothing else to tell the user through
        log.exception("delivering the reply to %r failed", text[:LOGGED_TEXT])


async def deliver(
    messages: list[dict], respond: Respond, client: AsyncWebClient, command: Mapping[str, str], ephemeral: bool
) -> None:
    """Send every message; past Slack's 5 responses, post the rest with the Web API or say what is missing."""
    if len(messages) <= MAX_RESPONSES:
        for message in messages:
            await _respond(respond, message, ephemeral)
        return
    for message in messages[: MAX_RESPONSES - 1]:
        await _respond(respond, message, ephemeral)
    rest = messages[MAX_RESPONSES - 1 :]
    sent, error = await _post(client, command, rest, ephemeral)
    if sent < len(rest):
        first, total = MAX_RESPONSES + sent, len(messages)
        notice = (
            f"Parts {first}–{total} of this briefing were not sent: Slack allows {MAX_RESPONSES} replies to a "
            f"command and posting to this channel failed ({error}). Invite the app to the channel "
            f"or ask for a narrower topic."
        )
        await _respond(respond, to_messages(Reply(message=notice))[0], ephemeral)


async def _respond(respond: Respond, message: dict, ephemeral: bool) -> None:
    response = await respond(
        **message,
        response_type="ephemeral" if ephemeral else "in_channel",
        unfurl_links=False,
        unfurl_media=False,
    )
    status = getattr(response, "status_code", 200)
    if status != 200:
        log.warning("response_url answered %s: %s", status, str(getattr(response, "body", ""))[:LOGGED_BODY])


async def _post(
    client: AsyncWebClient, command: Mapping[str, str], messages: list[dict], ephemeral: bool
) -> tuple[int, str]:
    """Post messages with chat.postMessage (or chat.postEphemeral); how many went out, and the error if any."""
    channel, user = command.get("channel_id", ""), command.get("user_id", "")
    for sent, message in enumerate(messages):
        try:
            if ephemeral:
                await client.chat_postEphemeral(channel=channel, user=user, **message)
            else:
                await client.chat_postMessage(channel=channel, unfurl_links=False, unfurl_media=False, **message)
        except SlackApiError as exc:
            error = str(exc.response.get("error") or exc.response.status_code)
            log.warning("posting part %d to %s failed: %s", sent + MAX_RESPONSES, channel, error)
            return sent, error
    return len(messages), ""


# --- HTTP mode ------------------------------------------------------------------------------------------


def refusal(raw: bytes, headers: Mapping[str, str], secret: str, now: float) -> tuple[int, str] | None:
    """(status, reason) for a request that must not reach bolt, judged on the raw bytes before any parsing:
    a malformed timestamp 400; a missing or wrong signature, or a stale timestamp, 401."""
    timestamp = headers.get("X-Slack-Request-Timestamp", "")
    signature = headers.get("X-Slack-Signature", "")
    if not _TIMESTAMP.fullmatch(timestamp):
        return 400, "missing or malformed X-Slack-Request-Timestamp"
    if not _SIGNATURE.fullmatch(signature):
        return 401, "missing or malformed X-Slack-Signature"
    if abs(now - int(timestamp)) > MAX_CLOCK_SKEW:
        return 401, "stale timestamp"
    base = b"v0:" + timestamp.encode() + b":" + raw
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return None if hmac.compare_digest(expected, signature) else (401, "bad signature")


def web_app(app: AsyncApp, secret: str) -> web.Application:
    """aiohttp app: POST /slack/events (signature checked on the raw body first; junk gets 400/401 and one
    log line), GET /healthz."""

    async def events(request: web.Request) -> web.Response:
        raw = await request.read()
        refused = refusal(raw, request.headers, secret, time.time())
        if refused is None:
            try:
                bolt_request = AsyncBoltRequest(body=raw.decode("utf-8"), query=request.query_string,
                                                headers=dict(request.headers))
            except (ValueError, KeyError, TypeError) as exc:  # signed, but not a request bolt can read
                refused = 400, f"unreadable body ({type(exc).__name__})"
        if refused is not None:
            status, reason = refused
            log.warning("slack http: %d %s (%d bytes from %s)", status, reason, len(raw), request.remote)
            return web.Response(status=status, text=reason)
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    async def healthz(request: web.Request) -> web.Response:
        return web.Response(text="ok")

    application = web.Application(client_max_size=MAX_REQUEST_BYTES)
    application.add_routes([web.post(EVENTS_PATH, events), web.get("/healthz", healthz)])
    return application


async def start_http(slack: SlackSettings, router: Router, port: int,
                     host: str = LOCAL_HOST) -> tuple[web.AppRunner, int]:
    """Start serving; returns the runner (call `cleanup()` to stop) and the bound port (useful with port 0)."""
    if not slack.signing_secret:
        raise ValueError("BRIEFING_SLACK_SIGNING_SECRET is not set (HTTP mode verifies every request with it)")
    runner = web.AppRunner(web_app(build_app(slack, router), slack.signing_secret), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = runner.addresses[0][1] if runner.addresses else port
    log.info("Slack HTTP mode: listening on %s:%s%s", host, bound, EVENTS_PATH)
    return runner, bound


async def serve_http(slack: SlackSettings, router: Router, port: int, host: str = LOCAL_HOST) -> None:
    """Serve Slack's HTTP requests until cancelled."""
    runner, _ = await start_http(slack, router, port, host)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


# --- Socket Mode ----------------------------------------------------------------------------------------


async def serve_socket(slack: SlackSettings, router: Router) -> None:
    """Hold a Socket Mode connection (apps.connections.open on the configured API URL) until cancelled."""
    if not slack.app_token:
        raise ValueError("BRIEFING_SLACK_APP_TOKEN is not set")
    app = build_app(slack, router)
    handler = AsyncSocketModeHandler(app, app_token=slack.app_token)  # uses app.client, so its base_url
    try:
        await handler.connect_async()
        log.info("Slack Socket Mode: connected")
        await asyncio.Event().wait()
    finally:
        await handler.close_async()
