"""Several stories in chat, end to end: the real discord.py and slack-bolt clients against the loopback fakes,
`/briefing [story] <topic>`, the ambiguous-topic question, autocomplete, and a daily post per story."""
from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
import discord
import pytest
from slack_sdk.signature import SignatureVerifier

from bot.chat.discord import serve
from bot.chat.slack import start_http
from bot.cli.basics import build_desk
from bot.cli.wiring import build_clock, build_router
from bot.infra.store import Store
from config.settings import REPO_ROOT, Settings
from tests.fakes.discord_fake import FakeDiscord
from tests.fakes.slack_fake import FakeSlack
from tests.stories_desk import write_stories

SECRET = "test-signing-secret-stories"
BOT_TOKEN = "xoxb-test-stories"
SLOT = datetime(2026, 11, 25, 7, 0, tzinfo=timezone.utc)
PREFIXES = ("BRIEFING_", "DISCORD_", "SLACK_")

pytestmark = pytest.mark.usefixtures("clean_env")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_stories(tmp_path / "stories")


@pytest.fixture(autouse=True)
def restore_endpoints(monkeypatch: pytest.MonkeyPatch) -> None:
    """discord.py's process-wide endpoints, which the adapter repoints at the fake, are restored after."""
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY",
                        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)


def party_names(message: dict) -> list[str]:
    return [f["name"] for e in message.get("embeds") or () for f in e.get("fields", ())]


# --- Discord ----------------------------------------------------------------------------------------------

@pytest.fixture
async def discord_bot(root: Path, tmp_path: Path) -> AsyncIterator[FakeDiscord]:
    """The Discord adapter serving a desk of two stories against the fake, until the test ends."""
    async with FakeDiscord() as fake:
        settings = Settings(_env_file=None, documents=root, database_url=f"sqlite:///{tmp_path / 'store.sqlite3'}",
                            discord_token=fake.token, discord_api_base=fake.api_base,
                            discord_gateway_url=fake.gateway_url)
        desk = build_desk(settings)
        task = asyncio.create_task(serve(settings.discord, desk, build_router(settings, desk)))
        try:
            await fake.wait_ready(timeout=10)
            yield fake
        finally:
            task.cancel()
            await asyncio.wait_for(asyncio.gather(task, return_exceptions=True), 10)


async def discord_answer(fake: FakeDiscord, topic: str) -> dict:
    _, token = await fake.inject_command({"topic": topic})
    return (await fake.wait_for("POST", f"/webhooks/*/{token}", timeout=10)).json


async def test_discord_briefs_the_named_or_implied_story(discord_bot: FakeDiscord) -> None:
    ukraine = await discord_answer(discord_bot, "ukraine nato")
    assert party_names(ukraine) == ["Ukraine", "Russia"] and not (ukraine.get("flags") or 0) & 64
    assert ukraine["embeds"][0]["title"].startswith("ukraine · ")
    baltic = await discord_answer(discord_bot, "baltic nato")
    assert party_names(baltic) == ["Estonia", "Finland"]
    ports = await discord_answer(discord_bot, "ports")  # one story has it: no story name needed
    assert party_names(ports) == ["Estonia", "Finland"]


async def test_discord_ambiguous_topic_is_an_ephemeral_question(discord_bot: FakeDiscord) -> None:
    question = await discord_answer(discord_bot, "nato")
    assert question["flags"] & 64 and not question.get("embeds")
    assert question["content"] == ("“nato” is a topic of two stories: `baltic`, `ukraine`. "
                                   "Try `/briefing baltic nato`.")
    listing = await discord_answer(discord_bot, "")
    assert listing["flags"] & 64 and "`baltic`: nato, ports" in listing["content"]


async def test_discord_autocomplete_offers_stories_and_their_topics(discord_bot: FakeDiscord) -> None:
    async def choices(typed: str) -> list[dict]:
        interaction_id, _ = await discord_bot.inject_autocomplete("topic", typed)
        callback = await discord_bot.wait_for("POST", f"/interactions/{interaction_id}/*", timeout=3)
        assert callback.json["type"] == 8
        return callback.json["data"]["choices"]

    everything = await choices("")
    values = [c["value"] for c in everything]
    assert {"baltic", "ukraine", "baltic nato", "ukraine nato", "baltic ports", "ukraine grain"} == set(values)
    assert {"name": "ukraine · Grain corridor", "value": "ukraine grain"} in everything
    assert [c["value"] for c in await choices("ukr NATO")] == ["ukraine nato"]
    assert [c["value"] for c in await choices("port")] == ["baltic ports"]
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in everything)


async def test_discord_autocomplete_caps_at_25_across_stories(tmp_path: Path) -> None:
    root = write_stories(tmp_path / "stories")
    extra = "".join(f'[topics.subject-{i:02d}]\ntitle = "Subject {i:02d}"\nkeywords = ["k{i}"]\n' for i in range(30))
    with (root / "ukraine" / "profile.toml").open("a", encoding="utf-8") as profile:
        profile.write(extra)
    async with FakeDiscord() as fake:
        settings = Settings(_env_file=None, documents=root, database_url=f"sqlite:///{tmp_path / 's.sqlite3'}",
                            discord_token=fake.token, discord_api_base=fake.api_base,
                            discord_gateway_url=fake.gateway_url)
        desk = build_desk(settings)
        task = asyncio.create_task(serve(settings.discord, desk, build_router(settings, desk)))
        try:
            await fake.wait_ready(timeout=10)
            interaction_id, _ = await fake.inject_autocomplete("topic", "")
            callback = await fake.wait_for("POST", f"/interactions/{interaction_id}/*", timeout=3)
            values = [c["value"] for c in callback.json["data"]["choices"]]
            assert len(values) == 25 and "baltic ports" in values  # the small story is not crowded out
        finally:
            task.cancel()
            await asyncio.wait_for(asyncio.gather(task, return_exceptions=True), 10)


async def test_python_m_bot_discord_over_a_root_of_stories(root: Path, tmp_path: Path) -> None:
    async with FakeDiscord() as fake:
        env = {k: v for k, v in os.environ.items() if not k.startswith(PREFIXES)}
        env.update(BRIEFING_DISCORD_TOKEN=fake.token, BRIEFING_DISCORD_API_BASE=fake.api_base,
                   BRIEFING_DISCORD_GATEWAY_URL=fake.gateway_url, BRIEFING_DOCUMENTS=str(root),
                   BRIEFING_DATABASE_URL=f"sqlite:///{tmp_path / 'process.sqlite3'}", PYTHONUNBUFFERED="1")
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "discord", cwd=REPO_ROOT, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        try:
            await fake.wait_ready(timeout=30)
            assert party_names(await discord_answer(fake, "baltic nato")) == ["Estonia", "Finland"]
            assert "two stories" in (await discord_answer(fake, "nato"))["content"]
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            try:
                _, err = await asyncio.wait_for(process.communicate(), 10)
            except asyncio.TimeoutError:
                process.kill()
                _, err = await process.communicate()
        assert process.returncode == 0, err.decode()


# --- Slack ------------------------------------------------------------------------------------------------

@pytest.fixture
async def slack_app(root: Path, tmp_path: Path) -> AsyncIterator[tuple[FakeSlack, str]]:
    """The Slack app (HTTP mode) serving a desk of two stories; yields the fake and the app's URL."""
    async with FakeSlack(tokens={BOT_TOKEN}) as slack:
        settings = Settings(_env_file=None, documents=root, database_url=f"sqlite:///{tmp_path / 'store.sqlite3'}",
                            slack_bot_token=BOT_TOKEN, slack_signing_secret=SECRET, slack_api_url=slack.api_url,
                            timezone="UTC")
        runner, port = await start_http(settings.slack, build_router(settings, build_desk(settings)), 0)
        try:
            yield slack, f"http://127.0.0.1:{port}"
        finally:
            await runner.cleanup()


async def slack_answer(slack: FakeSlack, url: str, text: str) -> dict:
    """Send `/briefing text` as Slack does (signed form fields) and return the first response_url body."""
    fields = slack.slash_command(text, channel_id="C42")
    body, ts = urlencode(fields), str(int(time.time()))
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": ts,
               "X-Slack-Signature": SignatureVerifier(SECRET).generate_signature(timestamp=ts, body=body)}
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{url}/slack/events", data=body, headers=headers) as resp:
            assert resp.status == 200
    return (await slack.wait_responses(fields["response_url"], 1, timeout=10))[0]


def shown(body: dict) -> str:
    """Everything a Slack message shows (its blocks; `text` is only the notification's short form)."""
    return json.dumps(body.get("blocks") or body.get("text"), ensure_ascii=False)


async def test_slack_briefs_the_named_or_implied_story(slack_app: tuple[FakeSlack, str]) -> None:
    slack, url = slack_app
    ukraine = json.dumps(await slack_answer(slack, url, "ukraine nato"), ensure_ascii=False)
    assert "Ukraine" in ukraine and "Russia" in ukraine and "Estonia" not in ukraine
    grain = await slack_answer(slack, url, "grain")
    assert grain["response_type"] == "in_channel" and "Russia" in json.dumps(grain)
    baltic = json.dumps(await slack_answer(slack, url, "baltic"), ensure_ascii=False)  # the story's overview
    assert "Estonia" in baltic and "Finland" in baltic and "Russia" not in baltic


async def test_slack_ambiguous_topic_help_and_unknown_name_the_stories(slack_app: tuple[FakeSlack, str]) -> None:
    slack, url = slack_app
    question = await slack_answer(slack, url, "nato")
    assert question["response_type"] == "ephemeral"
    assert "“nato” is a topic of two stories: `baltic`, `ukraine`. Try `/briefing baltic nato`." in question["text"]
    help_reply = await slack_answer(slack, url, "help")
    assert "`baltic`, `ukraine`" in shown(help_reply)  # Slack has no autocomplete: help names the stories
    unknown = await slack_answer(slack, url, "fisheries")
    assert unknown["response_type"] == "ephemeral" and "Stories: `baltic`, `ukraine`" in shown(unknown)


async def test_slack_subscription_per_story_posts_its_own_story(slack_app: tuple[FakeSlack, str], root: Path,
                                                                 tmp_path: Path) -> None:
    slack, url = slack_app
    assert "Subscribed #1: the ukraine · nato" in (await slack_answer(slack, url, "subscribe ukraine nato"))["text"]
    assert "Subscribed #2: the baltic · nato" in (await slack_answer(slack, url, "subscribe baltic nato"))["text"]
    assert "two stories" in (await slack_answer(slack, url, "subscribe nato at 09:00"))["text"]
    settings = Settings(_env_file=None, documents=root, database_url=f"sqlite:///{tmp_path / 'store.sqlite3'}",
                        slack_bot_token=BOT_TOKEN, slack_api_url=slack.api_url, timezone="UTC")
    store = Store(settings.database_url)
    try:
        clock = build_clock(settings, build_desk(settings), store=store)
        ukraine, baltic = store.list()
        assert await clock.run_slot(ukraine.id, SLOT) == "sent"
        first = json.dumps(slack.posted, ensure_ascii=False)
        assert "ukraine · " in first and "Russia" in first and "Estonia" not in first
        slack.posted.clear()
        assert await clock.run_slot(baltic.id, SLOT) == "sent"
        second = json.dumps(slack.posted, ensure_ascii=False)
        assert "baltic · " in second and "Estonia" in second and "Russia" not in second
        assert all(p["channel"] == "C42" for p in slack.posted)
        slack.posted.clear()
        assert await clock.run_slot(ukraine.id, SLOT.replace(day=26)) == "sent"  # what changed, in its story
        again = json.dumps(slack.posted, ensure_ascii=False)
        assert "No new statements since" in again and "Russia" in again and "Estonia" not in again
    finally:
        store.close()
