"""Slack HTTP mode against hostile input: junk is refused before anything parses it, slow documents never delay
an acknowledgement, and no log line carries more than a bounded prefix of what a user typed."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import shutil
import time

import aiohttp
import pytest

from bot.app.commands import Router
from bot.app.service import BriefingService
from bot.chat.slack import LOGGED_TEXT, refusal
from bot.cli.wiring import http_host
from bot.infra.documents import DocumentFolder
from config.settings import Settings
from tests.chat.test_slack_e2e import SECRET, SEEDS, seed_service, serve, slack  # noqa: F401  (fixtures)

pytestmark = pytest.mark.usefixtures("clean_env")


async def post_raw(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{url}/slack/events", data=body, headers=headers) as resp:
            return resp.status, await resp.text()


def signed(body: bytes, secret: str = SECRET, timestamp: str | None = None) -> dict[str, str]:
    """Slack's v0 signature of raw bytes (slack_sdk's helper only signs UTF-8 text)."""
    ts = timestamp or str(int(time.time()))
    digest = hmac.new(secret.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": f"v0={digest}"}


JUNK = [  # (body, headers, expected status)
    (b"payload=%7B", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
    (b"text=\xff", {"X-Slack-Request-Timestamp": "1", "X-Slack-Signature": "v0=" + "0" * 64}, 401),
    (b"text=x", {"X-Slack-Request-Timestamp": "soon", "X-Slack-Signature": "v0=" + "0" * 64}, 400),
    (b"text=x", {"X-Slack-Request-Timestamp": "9" * 40, "X-Slack-Signature": "v0=abc"}, 400),
    (b"payload=%7B", None, 400),  # signed with the real secret, yet no JSON
    (b"text=\xff&command=/briefing", None, 400),  # signed, not UTF-8
]


@pytest.mark.parametrize("body, headers, status", JUNK)
async def test_junk_gets_400_or_401_with_one_log_line_and_no_traceback(serve, seed_service, caplog, body,
                                                                      headers, status):
    bot = await serve(Router(seed_service))
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        got, _ = await post_raw(bot.url, body, headers if headers is not None else signed(body))
    assert got == status
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    ours = [r for r in caplog.records if r.name.startswith("bot.")]
    assert len(ours) == 1 and len(ours[0].getMessage()) < 200


def test_the_signature_is_checked_before_the_timestamp_is_trusted():
    body = b"text=nato"
    now = time.time()
    good = signed(body, timestamp=str(int(now)))
    assert refusal(body, good, SECRET, now) is None
    assert refusal(body + b"x", good, SECRET, now) == (401, "bad signature")
    assert refusal(body, good, SECRET, now + 301) == (401, "stale timestamp")


async def test_a_huge_signed_topic_is_logged_as_a_bounded_prefix(slack, serve, seed_service, caplog):
    bot = await serve(Router(seed_service))
    fields = slack.slash_command("nato " + "x" * 900_000)
    with caplog.at_level(logging.INFO, logger="bot"):
        status, _, _ = await bot.command(fields)
        assert status == 200
        await slack.wait_responses(fields["response_url"], 1, timeout=30)
    assert caplog.records and max(len(r.getMessage()) for r in caplog.records) < LOGGED_TEXT + 200


async def test_a_briefing_is_acknowledged_at_once_while_a_slow_document_is_analysed(slack, serve, tmp_path):
    """The first /briefing starts analysing a folder with a 5 MB page of distinct text (seconds of work in a
    worker thread); a second /briefing meanwhile is still acknowledged in under a second, then both answered."""
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    (docs / "page.txt").write_text(" ".join(f"Kyiv said on day {n} that talk number {n * 7} went on." for n in
                                            range(90_000)), encoding="utf-8")
    service = BriefingService(DocumentFolder(docs))
    bot = await serve(Router(service), documents=docs)
    first, second = slack.slash_command("nato"), slack.slash_command("overview")
    status, _, took_first = await bot.command(first)
    assert status == 200 and took_first < 1.0
    await asyncio.sleep(0.5)  # the analysis is now under way in the first command's worker thread
    status, _, took_second = await bot.command(second)
    assert status == 200 and took_second < 1.0, took_second
    assert slack.responses_to(first["response_url"]) == []  # acknowledged while the analysis was still running
    await slack.wait_responses(first["response_url"], 1, timeout=90)
    await slack.wait_responses(second["response_url"], 1, timeout=90)


def test_http_mode_listens_on_loopback_unless_a_platform_sets_port(monkeypatch):
    monkeypatch.delenv("PORT", raising=False)
    monkeypatch.delenv("BRIEFING_PORT", raising=False)
    assert http_host(Settings(_env_file=None)) == "127.0.0.1"
    assert http_host(Settings(_env_file=None), "10.0.0.5") == "10.0.0.5"
    monkeypatch.setenv("PORT", "5000")
    assert http_host(Settings(_env_file=None)) == "0.0.0.0"
