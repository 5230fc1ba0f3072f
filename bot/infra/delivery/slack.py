"""Posting rendered Block Kit messages to a Slack channel with chat.postMessage (no Socket Mode, no bolt)."""
from __future__ import annotations

import asyncio

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.app.errors import DeliveryError, PermanentDeliveryError
from bot.infra.delivery.retry import TIMEOUT, Retry, RetryPolicy, seconds, send_all
from config.settings import SlackSettings

# Slack errors that no retry can fix: the subscription is paused with this code as the reason.
SLACK_PERMANENT = frozenset({
    "channel_not_found", "not_in_channel", "is_archived", "channel_is_archived", "invalid_auth", "not_authed",
    "account_inactive", "token_revoked", "token_expired", "missing_scope", "restricted_action",
    "team_access_not_granted", "no_permission", "ekm_access_denied", "org_login_required",
})
SLACK_TRANSIENT = frozenset({"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"})


async def post_slack(slack: SlackSettings, channel: str, messages: list[dict], retry: RetryPolicy) -> int:
    """Post each message once (retrying only a failed one); returns the HTTP attempts it took."""
    token = slack.bot_token
    if not token:
        raise DeliveryError("slack: BRIEFING_SLACK_BOT_TOKEN is not set")
    # retry_handlers=[]: no hidden retries (the SDK's default would also re-send on connection errors).
    client = AsyncWebClient(token=token, base_url=slack.api_url, timeout=TIMEOUT, retry_handlers=[])

    async def send(message: dict) -> None:
        try:
            await client.chat_postMessage(channel=channel, text=message["text"], blocks=message["blocks"],
                                          unfurl_links=False, unfurl_media=False)
        except SlackApiError as exc:
            raise _slack_error(exc.response) from None
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            raise Retry(f"slack: connection failed ({type(exc).__name__})") from None

    return await send_all(messages, send, retry, f"slack:{channel}")


def _slack_error(response) -> Exception:
    status = getattr(response, "status_code", None) or getattr(response, "status", 0)
    data = getattr(response, "data", None)
    error = data.get("error") if isinstance(data, dict) else None
    what = f"slack {error}" if error else f"slack HTTP {status}"
    if status == 429 or error == "ratelimited":
        return Retry(what, seconds(response.headers.get("Retry-After")))
    if error in SLACK_PERMANENT or (status in (401, 403, 404) and error not in SLACK_TRANSIENT):
        return PermanentDeliveryError(what)
    if status >= 500 or error in SLACK_TRANSIENT:
        return Retry(f"{what} (HTTP {status})")
    return DeliveryError(what)
