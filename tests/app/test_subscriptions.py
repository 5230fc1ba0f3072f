"""Subscriptions from chat (Router, and the real Slack and Discord slash paths) and from the operator CLI."""
from __future__ import annotations

import asyncio
import time
from urllib.parse import urlencode

import aiohttp
import pytest
from slack_sdk.signature import SignatureVerifier

from bot.app.commands import CommandContext, Router
from bot.app.service import BriefingService
from bot.cli.main import main as cli_main
from bot.cli.wiring import build_router
from bot.infra.documents import DocumentFolder
from bot.infra.store import Store
from config.settings import REPO_ROOT, Settings
from tests.fakes.discord_fake import FakeDiscord
from tests.fakes.slack_fake import FakeSlack

SEEDS = REPO_ROOT / "seeds"
SECRET = "test-signing-secret-subscriptions"
SLACK_HERE = CommandContext(platform="slack", channel="C1", user="U1", team="T1")
DISCORD_MOD = CommandContext(platform="discord", channel="42", user="7", team="99", can_manage=True)
DISCORD_MEMBER = CommandContext(platform="discord", channel="42", user="8", team="99", can_manage=False)

pytestmark = pytest.mark.usefixtures("clean_env")


@pytest.fixture(scope="module")
def service() -> BriefingService:
    return BriefingService(DocumentFolder(SEEDS))


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'store.sqlite3'}",
                    timezone="Europe/Berlin", documents=SEEDS)


@pytest.fixture
def router(settings, service) -> Router:
    return build_router(settings, service)


@pytest.fixture
def store(settings) -> Store:
    s = Store(settings.database_url)
    yield s
    s.close()


# --- chat, through Router.handle --------------------------------------------------------------------------

@pytest.mark.parametrize("ctx", [SLACK_HERE, DISCORD_MOD], ids=["slack", "discord"])
def test_subscribe_list_unsubscribe_from_chat(router, store, ctx):
    reply = router.handle("subscribe nato at 07:30 tz America/New_York days mon-fri", ctx)
    assert reply.message.startswith("Subscribed #1: the nato briefing, 07:30 mon-fri (America/New_York)")
    assert "Next post:" in reply.message and ("EST" in reply.message or "EDT" in reply.message)
    [sub] = store.list()
    assert (sub.platform, sub.channel, sub.team, sub.created_by, sub.topic) == (
        ctx.platform, ctx.channel, ctx.team, ctx.user, "nato")
    listing = router.handle("subscriptions", ctx)
    assert listing.ephemeral
    assert "#1 · nato · 07:30 mon-fri (America/New_York) · next " in listing.message
    assert "last post never · active" in listing.message
    gone = router.handle("unsubscribe", ctx)  # the channel's only subscription
    assert gone.message.startswith("Unsubscribed #1")
    assert store.list() == []


def test_defaults_are_the_overview_at_0800_every_day_in_the_configured_zone(router, store):
    reply = router.handle("subscribe", SLACK_HERE)
    assert "the overview briefing, 08:00 daily (Europe/Berlin)" in reply.message
    [sub] = store.list()
    assert sub.topic is None and sub.schedule.at == "08:00" and sub.schedule.days is None


def test_topic_words_are_resolved_and_clauses_found_anywhere(router, store):
    router.handle("subscribe at 06:15 security guarantees tz utc", SLACK_HERE)
    [sub] = store.list()
    assert sub.topic == "security-guarantees"
    assert (sub.schedule.at, sub.schedule.timezone) == ("06:15", "UTC")


def test_unknown_topic_gets_suggestions_and_no_subscription(router, store):
    reply = router.handle("subscribe natto at 07:00", SLACK_HERE)
    assert reply.ephemeral and "Unknown topic" in reply.message and "`nato`" in reply.message
    assert "nato" in reply.suggestions
    assert store.list() == []


@pytest.mark.parametrize("text, part", [
    ("subscribe nato at 25:00", "hour must be 00-23"),
    ("subscribe nato tz Mars/Olympus", "Mars/Olympus"),
    ("subscribe nato days mon-fry", "'fry'"),
    ("subscribe nato at", "`at` needs a value"),
    ("subscribe nato at 07:00 at 08:00", "twice"),
])
def test_bad_schedules_are_refused_naming_the_part(router, store, text, part):
    reply = router.handle(text, SLACK_HERE)
    assert reply.ephemeral and part in reply.message and "Usage" in reply.message
    assert store.list() == []


def test_only_channel_managers_change_discord_subscriptions(router, store):
    refused = router.handle("subscribe nato", DISCORD_MEMBER)
    assert refused.ephemeral and "Manage Channels" in refused.message
    assert store.list() == []
    router.handle("subscribe nato", DISCORD_MOD)
    assert router.handle("unsubscribe 1", DISCORD_MEMBER).ephemeral
    assert len(store.list()) == 1
    assert "#1 · nato" in router.handle("subscriptions", DISCORD_MEMBER).message  # reading is fine


def test_unsubscribe_with_several_lists_them_and_ids_are_per_channel(router, store):
    router.handle("subscribe nato at 07:00", SLACK_HERE)
    router.handle("subscribe territory at 09:00", SLACK_HERE)
    router.handle("subscribe nato at 07:00", DISCORD_MOD)  # id 3, another channel
    several = router.handle("unsubscribe", SLACK_HERE)
    assert several.ephemeral and "#1 · nato" in several.message and "#2 · territory" in several.message
    assert len(store.list()) == 3
    assert "No subscription #3 in this channel" in router.handle("unsubscribe 3", SLACK_HERE).message
    assert router.handle("unsubscribe #2", SLACK_HERE).message.startswith("Unsubscribed #2")
    assert [s.id for s in store.list()] == [1, 3]
    assert "no daily briefings" in router.handle("unsubscribe", CommandContext("slack", "C-empty")).message


def test_subscriptions_show_paused_reason_and_last_error(router, store):
    router.handle("subscribe nato at 07:00", SLACK_HERE)
    router.handle("subscribe territory at 09:00", SLACK_HERE)
    store.pause(1, "slack channel_not_found")
    store.record_result(2, error="slack ratelimited; gave up after 4 tries")
    text = router.handle("subscriptions", SLACK_HERE).message
    assert "next — (paused) · last post never · paused: slack channel_not_found" in text
    assert "active (last error: slack ratelimited; gave up after 4 tries)" in text


def test_subscribing_again_resumes_a_paused_subscription(router, store):
    router.handle("subscribe nato at 07:00", SLACK_HERE)
    store.pause(1, "slack not_in_channel")
    reply = router.handle("subscribe nato at 07:00", SLACK_HERE)
    assert reply.message.startswith("Resumed daily briefing #1 (it was paused: slack not_in_channel)")
    assert store.get(1).state == "active" and len(store.list()) == 1
    assert "already has" in router.handle("subscribe nato at 07:00", SLACK_HERE).message


# --- the operator CLI -------------------------------------------------------------------------------------

@pytest.fixture
def env(settings, monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEFING_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("BRIEFING_DOCUMENTS", str(SEEDS))
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_cli_subscribe_list_unsubscribe(env, store, capsys):
    assert cli_main(["subscribe", "slack:C1", "--topic", "nato", "--cron", "0 7 * * 1-5", "--tz", "Europe/Berlin"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("subscription 1: slack:C1 nato cron '0 7 * * 1-5' (Europe/Berlin); next run ")
    assert cli_main(["subscribe", "discord:42", "--at", "6:30", "--days", "weekdays"]) == 0
    assert "subscription 2: discord:42 overview 06:30 mon-fri (UTC)" in capsys.readouterr().out
    assert cli_main(["subscriptions"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["ID", "TARGET", "TOPIC", "SCHEDULE", "NEXT", "RUN", "LAST", "POST", "STATE"]
    assert table[1].split()[:3] == ["1", "slack:C1", "nato"] and table[1].endswith("active")
    assert table[2].split()[:3] == ["2", "discord:42", "overview"]
    assert cli_main(["unsubscribe", "1"]) == 0
    assert [s.id for s in store.list()] == [2]
    assert cli_main(["unsubscribe", "1"]) == 1
    assert "no subscription 1" in capsys.readouterr().err


@pytest.mark.parametrize("argv, message", [
    (["subscribe", "teams:C1", "--at", "07:00"], "expected slack:CHANNEL or discord:CHANNEL"),
    (["subscribe", "C1", "--at", "07:00"], "expected slack:CHANNEL or discord:CHANNEL"),
    (["subscribe", "slack:C1", "--at", "07:00", "--tz", "Nowhere/City"], "Nowhere/City"),
    (["subscribe", "slack:C1", "--cron", "0 7 * * 9"], "day-of-week '9'"),
    (["subscribe", "slack:C1", "--cron", "0 7 * * 1", "--days", "mon"], "--days goes with --at"),
    (["subscribe", "slack:C1", "--at", "07:00", "--topic", "natto"], "closest known topics: nato"),
    (["post", "--to", "slack:"], "expected a channel id"),
])
def test_cli_usage_errors_exit_2(env, store, capsys, argv, message):
    assert cli_main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    assert store.list() == []


async def test_cli_post_goes_to_every_target(env, monkeypatch, capsys):
    async with FakeSlack() as slack, FakeDiscord() as discord_api:
        monkeypatch.setenv("BRIEFING_SLACK_BOT_TOKEN", "xoxb-post")
        monkeypatch.setenv("BRIEFING_SLACK_API_URL", slack.api_url)
        monkeypatch.setenv("BRIEFING_DISCORD_TOKEN", discord_api.token)
        monkeypatch.setenv("BRIEFING_DISCORD_API_BASE", discord_api.api_base)
        argv = ["post", "nato", "--to", "slack:C1", "--to", f"discord:{discord_api.channel_id}"]
        status = await asyncio.to_thread(cli_main, argv)
        assert status == 0
        assert "slack:C1: posted" in capsys.readouterr().out
        assert slack.posted and all(p["channel"] == "C1" for p in slack.posted)
        posts = discord_api.find("POST", "/channels/*/messages")
        assert posts and posts[0].json["allowed_mentions"] == {"parse": []}
        assert "NATO" in posts[0].json["embeds"][0]["title"]
        discord_api.fail("POST", "/channels/*/messages", status=403)
        assert await asyncio.to_thread(cli_main, argv) == 1
        assert "permanent error: discord HTTP 403" in capsys.readouterr().err


# --- the real slash command paths -------------------------------------------------------------------------

async def slack_command(url: str, fields: dict) -> int:
    body, ts = urlencode(fields), str(int(time.time()))
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": ts,
               "X-Slack-Signature": SignatureVerifier(SECRET).generate_signature(timestamp=ts, body=body)}
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{url}/slack/events", data=body, headers=headers) as resp:
            return resp.status


async def test_slack_slash_command_subscribes(settings, service, store):
    from bot.chat.slack import start_http

    async with FakeSlack() as slack:
        app_settings = settings.model_copy(update={"slack_api_url": slack.api_url})
        app_settings = Settings(_env_file=None, **{**dict(app_settings), "slack_bot_token": "xoxb-sub",
                                                   "slack_signing_secret": SECRET})
        runner, port = await start_http(app_settings.slack, build_router(app_settings, service), 0, host="127.0.0.1")
        try:
            url = f"http://127.0.0.1:{port}"
            fields = slack.slash_command("subscribe nato at 07:30 days mon-fri", channel_id="C77")
            assert await slack_command(url, fields) == 200
            [answer] = await slack.wait_responses(fields["response_url"], 1, timeout=10)
            assert "Subscribed #1: the nato briefing, 07:30 mon-fri (Europe/Berlin)" in str(answer)
            assert answer.get("response_type") == "in_channel"
            [sub] = store.list()
            assert (sub.platform, sub.channel, sub.team) == ("slack", "C77", slack.team_id)
            fields = slack.slash_command("subscriptions", channel_id="C77")
            await slack_command(url, fields)
            [listing] = await slack.wait_responses(fields["response_url"], 1, timeout=10)
            assert "#1 · nato" in str(listing) and listing.get("response_type") == "ephemeral"
        finally:
            await runner.cleanup()


async def test_discord_slash_command_subscribes_only_for_channel_managers(settings, service, store, monkeypatch):
    import discord

    from bot.chat.discord import serve

    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY",
                        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    async with FakeDiscord() as fake:
        app_settings = Settings(_env_file=None, **{**dict(settings), "discord_token": fake.token,
                                                   "discord_api_base": fake.api_base,
                                                   "discord_gateway_url": fake.gateway_url})
        task = asyncio.create_task(serve(app_settings.discord, service, build_router(app_settings, service)))
        try:
            await fake.wait_ready(timeout=10)
            _, token = await fake.inject_command({"topic": "subscribe nato at 07:30"}, permissions="0")
            refusal = await fake.wait_for("POST", f"/webhooks/*/{token}", timeout=10)
            assert "Manage Channels" in refusal.json["content"] and refusal.json.get("flags") == 64
            assert store.list() == []
            _, token = await fake.inject_command({"topic": "subscribe nato at 07:30"})
            done = await fake.wait_for("POST", f"/webhooks/*/{token}", timeout=10)
            assert "Subscribed #1: the nato briefing" in str(done.json)
            [sub] = store.list()
            assert (sub.platform, sub.channel, sub.team) == ("discord", str(fake.channel_id), str(fake.guild_id))
        finally:
            task.cancel()
            await asyncio.wait_for(asyncio.gather(task, return_exceptions=True), 10)
