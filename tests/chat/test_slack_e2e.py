"""Slack end to end: the real slack-bolt app against a loopback fake of Slack (HTTP mode, Socket Mode, process)."""
from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.signature import SignatureVerifier

from bot.app.commands import Reply, Router
from bot.app.service import BriefingService
from bot.chat.slack import MAX_RESPONSES, serve_socket, start_http
from bot.cli.main import main as cli_main
from bot.infra.documents import DocumentFolder
from bot.render.bounds import chat_bounded
from bot.render.common import source_numbers
from bot.render.slack import MAX_BLOCKS, MAX_MESSAGE, escape, to_messages
from config.settings import Settings
from summarizer import Briefing
from tests.fakes.slack_fake import FakeSlack
from tests.render.slack_samples import all_text, oversized_after_bounding

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
SECRET = "test-signing-secret-0123456789abcdef"
BOT_TOKEN = "xoxb-test-bot-token-42"
APP_TOKEN = "xapp-test-app-token-42"

pytestmark = pytest.mark.usefixtures("clean_env")


@pytest.fixture
async def slack():
    async with FakeSlack(tokens={BOT_TOKEN, APP_TOKEN}) as fake:
        yield fake


@pytest.fixture(scope="module")
def seed_service() -> BriefingService:
    return BriefingService(DocumentFolder(SEEDS))


def make_settings(slack: FakeSlack, **overrides) -> Settings:
    values = dict(slack_bot_token=BOT_TOKEN, slack_signing_secret=SECRET, slack_api_url=slack.api_url,
                  documents=SEEDS)
    return Settings(_env_file=None, **{**values, **overrides})


class SlowService:
    """The real service, `delay` seconds slower: a briefing that takes longer than Slack's 3 s."""

    def __init__(self, service: BriefingService, delay: float) -> None:
        self.service, self.delay = service, delay

    def brief(self, topic: str | None = None) -> Briefing:
        time.sleep(self.delay)
        return self.service.brief(topic)

    def suggest(self, text: str, limit: int = 5) -> list[str]:
        return self.service.suggest(text, limit)


class FixedService:
    """A source that always answers with one prepared briefing (for size tests)."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing

    def brief(self, topic: str | None = None) -> Briefing:
        return self.briefing

    def suggest(self, text: str, limit: int = 5) -> list[str]:
        return []


class Bot:
    """The HTTP-mode app on a free loopback port."""

    def __init__(self, url: str, runner) -> None:
        self.url, self.runner = url, runner

    async def command(self, fields: dict[str, str], *, secret: str = SECRET, timestamp: int | None = None,
                      headers: dict[str, str] | None = None) -> tuple[int, str, float]:
        """POST a signed slash command; (status, body, seconds taken)."""
        body = urlencode(fields)
        ts = str(int(time.time()) if timestamp is None else timestamp)
        signed = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": SignatureVerifier(secret).generate_signature(timestamp=ts, body=body),
            **(headers or {}),
        }
        start = time.monotonic()
        async with aiohttp.ClientSession() as session:
            async with session.post(f"{self.url}/slack/events", data=body, headers=signed) as resp:
                return resp.status, await resp.text(), time.monotonic() - start


@pytest.fixture
async def serve(slack: FakeSlack):
    """serve(router, **settings) -> Bot: start the HTTP-mode app; stopped after the test."""
    runners = []

    async def start(router: Router, **overrides) -> Bot:
        runner, port = await start_http(make_settings(slack, **overrides).slack, router, 0, host="127.0.0.1")
        runners.append(runner)
        return Bot(f"http://127.0.0.1:{port}", runner)

    yield start
    for runner in runners:
        await runner.cleanup()


def assert_valid(message: dict) -> None:
    assert message["text"]
    assert len(message["blocks"]) <= MAX_BLOCKS
    assert len(json.dumps(message["blocks"], ensure_ascii=False)) <= MAX_MESSAGE
    for raw in message["blocks"]:
        Block.parse(raw).validate_json()


def assert_holds(briefing: Briefing, payload_text: str) -> None:
    """Every party, position text and quote of `briefing` appears (escaped) in the payload text."""
    assert not briefing.is_empty
    for party in briefing.parties:
        if party.positions:
            assert f"*{escape(party.name)}*" in payload_text
        # a line longer than a section goes on in further sections (and messages), each under the party's label
        label = f"*{escape(party.name)}*"
        payload_text = payload_text.replace(f"{label} (continued)\n", "").replace(f"{label}\n", "")
    text = re.sub(r"\s+", " ", payload_text)
    for party in briefing.parties:
        for pos in party.positions:
            assert escape(pos.text) in text
            for src in pos.sources:
                assert escape(src.quote) in text
                assert escape(src.document) in text
    for n in source_numbers(briefing).values():
        assert f"[{n}]" in text


# --- HTTP mode ------------------------------------------------------------------------------------------


async def test_slow_briefing_is_acked_fast_then_answered_in_channel(slack, serve, seed_service) -> None:
    """A signed /briefing nato is acked within 3 s although the briefing takes 5 s; then every party arrives."""
    bot = await serve(Router(SlowService(seed_service, 5.0)))
    fields = slack.slash_command("nato")
    status, body, took = await bot.command(fields)
    assert status == 200 and took < 3.0, (status, took)
    [response] = await slack.wait_responses(fields["response_url"], 1, timeout=15)
    assert response["response_type"] == "in_channel"
    assert response["unfurl_links"] is False
    assert_valid(response)
    assert_holds(seed_service.brief("nato"), all_text(response["blocks"]))
    assert slack.calls("auth.test") and slack.calls("auth.test")[0].token == BOT_TOKEN


async def test_document_mentions_reach_slack_escaped(slack, serve, tmp_path) -> None:
    """@everyone, <@U123>, <!channel> in a document come out as inert escaped text, nowhere as control sequences."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "profile.toml").write_text((SEEDS / "profile.toml").read_text())
    (docs / "article.txt").write_text(
        "Hostile article.\n\n"
        "Ukraine insists that NATO membership is essential, and Zelensky told @everyone, <@123> and <@U123> & friends "
        "that <!channel> must back the alliance.\n\n"
        "Russia rejects NATO membership for Ukraine, Lavrov said, warning <!everyone> that the alliance is a threat.\n"
    )
    service = BriefingService(DocumentFolder(docs))
    expected = service.brief("nato")
    assert any("<@U123>" in s.quote for s in expected.sources())  # the test means something
    bot = await serve(Router(service), documents=docs)
    fields = slack.slash_command("nato")
    assert (await bot.command(fields))[0] == 200
    responses = await slack.wait_responses(fields["response_url"], 1)
    raw = json.dumps(responses, ensure_ascii=False)
    assert "<!" not in raw and "<@" not in raw
    text = all_text(responses)
    assert "&lt;@123&gt;" in text and "&lt;@U123&gt;" in text and "@everyone" in text and "&amp;" in text and "&lt;!" in text
    assert_holds(expected, text)


async def test_oversized_briefing_is_split_within_limits_and_nothing_lost(slack, serve) -> None:
    """A 50-party briefing still too big after the chat bound: ≤5 responses to response_url, the rest by
    chat.postMessage, all within limits, nothing of the bounded briefing lost."""
    big = oversized_after_bounding()
    shown = chat_bounded(big)
    assert shown.notes and len(to_messages(Reply(briefing=big))) > MAX_RESPONSES
    bot = await serve(Router(FixedService(big)))
    fields = slack.slash_command("nato")
    assert (await bot.command(fields))[0] == 200
    responses = await slack.wait_responses(fields["response_url"], 4)

    def collected() -> list[dict]:
        posted = [p for p in slack.posted if p["method"] == "chat.postMessage"]
        return slack.responses_to(fields["response_url"]) + [
            {"text": p["text"], "blocks": p["blocks"] if isinstance(p["blocks"], list) else json.loads(p["blocks"])}
            for p in posted
        ]

    def every_part_arrived() -> bool:
        found = collected()
        total = re.search(r"part \d+ of (\d+)", all_text(found[1]["blocks"][0])) if len(found) > 1 else None
        return bool(total) and len(found) >= int(total.group(1))

    # Overflow parts go out by chat.postMessage after the responses: wait for the announced total, not a sleep.
    await slack.wait_for(every_part_arrived, timeout=15)
    posted = [p for p in slack.posted if p["method"] == "chat.postMessage"]
    messages = collected()
    assert len(responses) <= 5 and len(messages) > 5
    assert all(p["channel"] == fields["channel_id"] for p in posted)
    for message in messages:
        assert_valid(message)
    parts = [m["blocks"][0] for m in messages[1:]]
    assert [re.search(r"part (\d+) of", all_text(b)).group(1) for b in parts] == [str(i) for i in range(2, len(messages) + 1)]
    bodies = [m["blocks"][1:] if i else m["blocks"] for i, m in enumerate(messages)]
    # The bullets read on from section to section (each message carries the sources it cites in between).
    bullets = "\n".join(b["text"]["text"] for m in messages for b in m["blocks"] if b["type"] == "section")
    assert_holds(shown, bullets + "\n" + all_text(bodies, "text"))
    for note in shown.notes:
        assert escape(note) in re.sub(r"\s+", " ", all_text(bodies, "text"))


async def test_overflow_that_cannot_be_posted_is_announced(slack, serve) -> None:
    """When chat.postMessage fails (bot not in channel), the 5th response says which parts are missing."""
    bot = await serve(Router(FixedService(oversized_after_bounding())))
    slack.fail("chat.postMessage", error="not_in_channel")
    fields = slack.slash_command("nato")
    assert (await bot.command(fields))[0] == 200
    responses = await slack.wait_responses(fields["response_url"], 5)
    assert "were not sent" in responses[-1]["text"] and "not_in_channel" in responses[-1]["text"]
    assert len(slack.calls("chat.postMessage")) == 1


async def test_unknown_topic_gets_ephemeral_suggestions(slack, serve, seed_service) -> None:
    """An unknown topic is answered privately, with the closest known topics."""
    bot = await serve(Router(seed_service))
    fields = slack.slash_command("natto")  # a misspelt topic: no briefing, one close suggestion
    assert (await bot.command(fields))[0] == 200
    [response] = await slack.wait_responses(fields["response_url"], 1)
    assert response["response_type"] == "ephemeral"
    assert "Closest known topics: `nato`." in response["text"]


async def test_private_keyword_makes_the_reply_ephemeral(slack, serve, seed_service) -> None:
    """`/briefing nato private` answers the asker only, with the same briefing."""
    bot = await serve(Router(seed_service))
    fields = slack.slash_command("nato private")
    assert (await bot.command(fields))[0] == 200
    [response] = await slack.wait_responses(fields["response_url"], 1)
    assert response["response_type"] == "ephemeral"
    assert_holds(seed_service.brief("nato"), all_text(response["blocks"]))


async def test_bad_or_stale_signature_is_rejected(slack, serve, seed_service) -> None:
    """A wrong signing secret or a timestamp older than 5 minutes gets 401 and no answer."""
    bot = await serve(Router(seed_service))
    bad = slack.slash_command("nato")
    assert (await bot.command(bad, secret="wrong-secret"))[0] == 401
    stale = slack.slash_command("nato")
    assert (await bot.command(stale, timestamp=int(time.time()) - 6 * 60))[0] == 401
    good = slack.slash_command("nato")
    assert (await bot.command(good))[0] == 200
    await slack.wait_responses(good["response_url"], 1)  # answered: any answer to the refused ones came earlier
    assert slack.responses_to(bad["response_url"]) == [] and slack.responses_to(stale["response_url"]) == []


async def test_retries_are_acknowledged_and_ignored(slack, serve, seed_service) -> None:
    """A request marked X-Slack-Retry-Num gets 200 and does nothing."""
    bot = await serve(Router(seed_service))
    fields = slack.slash_command("nato")
    status, _, _ = await bot.command(fields, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert status == 200
    good = slack.slash_command("nato")
    assert (await bot.command(good))[0] == 200
    await slack.wait_responses(good["response_url"], 1)  # answered: an answer to the retry would be here too
    assert slack.responses_to(fields["response_url"]) == []


class FailingService(FixedService):
    def brief(self, topic: str | None = None) -> Briefing:
        raise RuntimeError("index unavailable")


async def test_failure_becomes_a_short_ephemeral_apology(slack, serve, caplog) -> None:
    """A briefing that raises is answered privately with an apology and logged (without secrets)."""
    bot = await serve(Router(FailingService(Briefing(topic=None, title=""))))
    fields = slack.slash_command("nato")
    assert (await bot.command(fields))[0] == 200
    [response] = await slack.wait_responses(fields["response_url"], 1)
    assert response["response_type"] == "ephemeral" and response["text"].startswith("Sorry")
    assert "index unavailable" in caplog.text
    assert SECRET not in caplog.text and BOT_TOKEN not in caplog.text


async def test_healthz(serve, seed_service) -> None:
    """GET /healthz answers 200 ok."""
    bot = await serve(Router(seed_service))
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{bot.url}/healthz") as resp:
            assert resp.status == 200 and await resp.text() == "ok"


# --- Socket Mode ----------------------------------------------------------------------------------------


async def test_socket_mode_acks_envelope_and_responds(slack, seed_service) -> None:
    """The bot opens the fake's websocket via apps.connections.open, acks the envelope at once, answers via response_url."""
    settings = make_settings(slack, slack_app_token=APP_TOKEN, slack_signing_secret=None)
    task = asyncio.create_task(serve_socket(settings.slack, Router(SlowService(seed_service, 0.5))))
    try:
        await slack.wait_connected(timeout=5)
        assert slack.calls("apps.connections.open")[0].token == APP_TOKEN
        payload = slack.slash_command("nato")
        sent = time.monotonic()
        envelope_id = await slack.send_envelope(payload)
        ack = await slack.wait_ack(envelope_id, timeout=3)
        assert ack["time"] - sent < 1.0
        [response] = await slack.wait_responses(payload["response_url"], 1, timeout=10)
        assert response["response_type"] == "in_channel"
        assert_holds(seed_service.brief("nato"), all_text(response["blocks"]))
        again = await slack.send_envelope(payload)  # Slack redelivers the same command (same trigger_id)
        await slack.wait_ack(again, timeout=3)
        await asyncio.sleep(0.9)
        assert len(slack.responses_to(payload["response_url"])) == 1
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    await slack.wait_for(lambda: not slack.sockets, timeout=3)


# --- the fake itself (the scheduler's tests reuse it) ----------------------------------------------------


async def test_fake_scripts_rate_limits_and_errors(slack) -> None:
    """The fake answers 429 + Retry-After, then errors, as scripted; the real client sees each, then success."""
    from slack_sdk.errors import SlackApiError
    from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
    from slack_sdk.web.async_client import AsyncWebClient

    client = AsyncWebClient(token=BOT_TOKEN, base_url=slack.api_url)
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=1))
    slack.fail("chat.postMessage", status=429, retry_after=0)
    ok = await client.chat_postMessage(channel="C1", text="hello")
    assert ok["ok"] and ok["channel"] == "C1"
    calls = slack.calls("chat.postMessage")
    assert len(calls) == 2 and calls[0].data["channel"] == "C1" and calls[0].token == BOT_TOKEN
    slack.fail("chat.postMessage", status=403, error="channel_not_found", times=2)
    for _ in range(2):
        with pytest.raises(SlackApiError) as raised:
            await client.chat_postMessage(channel="C404", text="x")
        assert raised.value.response.status_code == 403 and raised.value.response["error"] == "channel_not_found"
    assert (await client.chat_postMessage(channel="C1", text="again"))["ok"]
    assert [p["text"] for p in slack.posted] == ["hello", "again"]
    bad = AsyncWebClient(token="xoxb-wrong", base_url=slack.api_url)
    with pytest.raises(SlackApiError):
        await bad.auth_test()


# --- command line ---------------------------------------------------------------------------------------


def test_missing_credentials_name_the_variables(capsys, monkeypatch, tmp_path) -> None:
    """`slack` without tokens exits 2 with one line naming the missing variables."""
    monkeypatch.chdir(tmp_path)  # no developer .env either
    assert cli_main(["slack"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "BRIEFING_SLACK_BOT_TOKEN" in err and "BRIEFING_SLACK_APP_TOKEN" in err
    assert cli_main(["slack", "--http"]) == 2
    err = capsys.readouterr().err.strip()
    assert "BRIEFING_SLACK_SIGNING_SECRET" in err and "BRIEFING_SLACK_APP_TOKEN" not in err


def test_manifest_declares_the_command_scopes_and_socket_mode() -> None:
    """slack-manifest.yml declares /briefing, the scopes the bot uses, Socket Mode, and how to switch to HTTP."""
    text = (REPO / "slack-manifest.yml").read_text()
    assert "- command: /briefing" in text and "usage_hint:" in text and "description:" in text
    for scope in ("commands", "chat:write", "chat:write.public"):
        assert re.search(rf"^\s+- {re.escape(scope)}\b", text, re.MULTILINE), scope
    assert re.search(r"^  socket_mode_enabled: true$", text, re.MULTILINE)
    assert "https://YOUR-HOST/slack/events" in text


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_process_serves_http_mode(slack, seed_service) -> None:
    """`python -m bot slack --http --port N` answers a signed command via response_url; no secret in its output."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFING_", "SLACK_", "DISCORD_"))}
    env.update(BRIEFING_SLACK_SIGNING_SECRET=SECRET, BRIEFING_SLACK_BOT_TOKEN=BOT_TOKEN,
               BRIEFING_SLACK_API_URL=slack.api_url, BRIEFING_DOCUMENTS=str(SEEDS), PYTHONUNBUFFERED="1")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "slack", "--http", "--port", str(port), cwd=REPO, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    bot = Bot(f"http://127.0.0.1:{port}", None)
    try:
        deadline = time.monotonic() + 15
        async with aiohttp.ClientSession() as session:
            while True:
                try:
                    async with session.get(f"{bot.url}/healthz") as resp:
                        if resp.status == 200:
                            break
                except aiohttp.ClientConnectionError:
                    pass
                assert proc.returncode is None and time.monotonic() < deadline, "server did not start"
                await asyncio.sleep(0.1)
        fields = slack.slash_command("nato")
        status, _, took = await bot.command(fields)
        assert status == 200 and took < 3.0
        [response] = await slack.wait_responses(fields["response_url"], 1, timeout=10)
        assert_holds(seed_service.brief("nato"), all_text(response["blocks"]))
    finally:
        if proc.returncode is None:
            proc.terminate()
        output = (await asyncio.wait_for(proc.communicate(), 10))[0].decode()
    assert proc.returncode == 0, output
    assert SECRET not in output and BOT_TOKEN not in output
    assert "/slack/events" in output
