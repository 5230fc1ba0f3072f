"""REST delivery against the loopback Slack and Discord fakes: 429, 5xx, 403, no mentions, no tokens in logs."""
from __future__ import annotations

import asyncio
import logging
import os
import time
from datetime import datetime, timedelta, timezone

import pytest
from pydantic import SecretStr

from bot.app.errors import DeliveryError, PermanentDeliveryError, UsageError
from bot.app.ports import Target
from bot.app.schedules import Schedule
from bot.app.subscriptions import dated, parse_target, state_text
from bot.cli.wiring import build_poster
from bot.infra.clock import Clock, job_id
from bot.infra.delivery.discord import post_discord
from bot.infra.delivery.retry import RetryPolicy
from bot.infra.store import Store
from config.settings import Settings
from summarizer import Briefing, PartyBriefing, Position, Source
from tests.fakes.discord_fake import FakeDiscord
from tests.fakes.slack_fake import FakeSlack

SLOT = datetime(2026, 11, 25, 7, 0, tzinfo=timezone.utc)
SLACK_TOKEN = "xoxb-test-SECRET-slack-token"
FAST = RetryPolicy(tries=3, backoff=0.01)


def briefing(topic: str | None = "nato") -> Briefing:
    quote = "Ukraine views NATO membership as crucial, @everyone <!channel> says the text."
    position = Position("Sees NATO membership as crucial to its security.", "nato", (Source("seeds/a.txt", quote),))
    return Briefing(topic=topic, title="NATO membership", parties=(PartyBriefing("Ukraine", (position,)),),
                    known_topics=("nato",))


class StubService:
    def brief(self, topic=None) -> Briefing:
        return briefing(topic)

    def suggest(self, text, limit=5) -> list[str]:
        return ["nato"]

    def topics(self) -> tuple:
        return ()


@pytest.fixture
async def slack():
    async with FakeSlack() as fake:
        yield fake


@pytest.fixture
async def discord_api():
    async with FakeDiscord() as fake:
        yield fake


@pytest.fixture
def settings(tmp_path, slack, discord_api) -> Settings:
    return Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'store.sqlite3'}",
                    slack_bot_token=SLACK_TOKEN, slack_api_url=slack.api_url,
                    discord_token=discord_api.token, discord_api_base=discord_api.api_base, timezone="UTC")


@pytest.fixture
def store(settings) -> Store:
    s = Store(settings.database_url)
    yield s
    s.close()


def clock_for(settings, store, retry: RetryPolicy = FAST) -> Clock:
    return Clock(StubService(), store, build_poster(settings, retry))


def channel_posts(fake: FakeDiscord) -> list:
    return [r for r in fake.find("POST", "/channels/*/messages") if r.status == 200]


def test_targets():
    assert parse_target("slack:C0123") == Target("slack", "C0123")
    assert parse_target("discord:333000000000000003") == Target("discord", "333000000000000003")
    for bad in ("C0123", "teams:C1", "discord:general", "slack:", "slack:a b"):
        with pytest.raises(UsageError, match="target"):
            parse_target(bad)


def test_dated_title():
    assert dated(briefing(), SLOT.date()).title == "Daily briefing — 2026-11-25 · NATO membership"


async def test_slack_429_then_200_posts_exactly_once(settings, store, slack):
    sub = store.add("slack", "C1", Schedule.parse(at="07:00", tz="UTC"), "nato")
    slack.fail("chat.postMessage", status=429, retry_after=1)
    assert await clock_for(settings, store).run_slot(sub.id, SLOT) == "sent"
    calls = slack.calls("chat.postMessage")
    assert len(calls) == 2  # one 429, one success: slack_sdk does not retry behind our back
    assert calls[1].time - calls[0].time >= 0.95  # Retry-After: 1 honoured
    assert len(slack.posted) == 1 and slack.posted[0]["channel"] == "C1"
    assert calls[1].token == SLACK_TOKEN
    row = store.delivery(sub.id, SLOT)
    assert (row.state, row.attempts) == ("sent", 2)


async def test_slack_post_is_dated_and_mentions_nothing(settings, store, slack):
    sub = store.add("slack", "C1", Schedule.parse(at="07:00", tz="Europe/Berlin"), "nato")
    await clock_for(settings, store).run_slot(sub.id, SLOT)
    posted = slack.posted[0]
    blocks = posted["blocks"] if isinstance(posted["blocks"], str) else str(posted["blocks"])
    assert "Daily briefing — 2026-11-25" in blocks  # the slot's date in the subscription's zone
    assert "<!channel>" not in blocks and "&lt;!channel&gt;" in blocks
    assert posted.get("unfurl_links") in (False, "false", "0", 0)


async def test_discord_429_then_200_posts_exactly_once(settings, store, discord_api):
    channel = str(discord_api.channel_id)
    sub = store.add("discord", channel, Schedule.parse(at="07:00", tz="UTC"), "nato")
    discord_api.fail("POST", "/channels/*/messages", status=429, retry_after=1)
    started = time.monotonic()
    assert await clock_for(settings, store).run_slot(sub.id, SLOT) == "sent"
    assert time.monotonic() - started >= 0.95
    requests = discord_api.find("POST", f"/channels/{channel}/messages")
    assert [r.status for r in requests] == [429, 200]
    post = requests[1]
    assert post.headers["Authorization"] == f"Bot {discord_api.token}"
    assert post.json["allowed_mentions"] == {"parse": []}
    assert post.json["embeds"][0]["title"].startswith("Daily briefing — 2026-11-25")
    assert store.delivery(sub.id, SLOT).state == "sent"


async def test_5xx_is_retried_with_backoff(settings, slack, discord_api):
    slack.fail("chat.postMessage", status=500, times=2)
    discord_api.fail("POST", "/channels/*/messages", status=502, times=2)
    assert await build_poster(settings, FAST)(Target("slack", "C1"), briefing()) == 3
    assert await build_poster(settings, FAST)(Target("discord", "42"), briefing()) == 3
    assert len(slack.posted) == 1 and len(channel_posts(discord_api)) == 1


async def test_persistent_5xx_fails_the_slot_but_keeps_the_subscription(settings, store, slack):
    sub = store.add("slack", "C1", Schedule.parse(at="07:00", tz="UTC"))
    slack.fail("chat.postMessage", status=503, times=3)
    assert await clock_for(settings, store).run_slot(sub.id, SLOT) == "failed"
    assert len(slack.calls("chat.postMessage")) == 3 and slack.posted == []
    assert store.delivery(sub.id, SLOT).state == "failed"
    after = store.get(sub.id)
    assert after.state == "active" and "gave up after 3 tries" in after.last_error


async def test_too_long_retry_after_gives_up_at_once(settings, slack, discord_api):
    slack.fail("chat.postMessage", status=429, retry_after=120)
    discord_api.fail("POST", "/channels/*/messages", status=429, retry_after=120)
    started = time.monotonic()
    with pytest.raises(DeliveryError, match="too long"):
        await build_poster(settings)(Target("slack", "C1"), briefing())
    with pytest.raises(DeliveryError, match="too long"):
        await build_poster(settings)(Target("discord", "42"), briefing())
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("error", ["channel_not_found", "not_in_channel", "invalid_auth", "token_revoked"])
async def test_slack_permanent_errors_pause_the_subscription(settings, store, slack, error):
    sub = store.add("slack", "C1", Schedule.parse(at="07:00", tz="UTC"), "nato")
    slack.fail("chat.postMessage", error=error)
    clock = clock_for(settings, store)
    assert await clock.run_slot(sub.id, SLOT) == "paused"
    paused = store.get(sub.id)
    assert (paused.state, paused.paused_reason) == ("paused", f"slack {error}")
    assert state_text(paused) == f"paused: slack {error}"
    assert await clock.run_slot(sub.id, SLOT.replace(day=26)) == "inactive"  # later slots don't post
    assert len(slack.calls("chat.postMessage")) == 1 and slack.posted == []


async def test_discord_403_pauses_and_later_slots_do_not_post(settings, store, discord_api):
    channel = str(discord_api.channel_id)
    sub = store.add("discord", channel, Schedule.parse(cron="* * * * *", tz="UTC"), "nato")
    discord_api.fail("POST", "/channels/*/messages", status=403)
    clock = clock_for(settings, store)
    await clock.start()
    try:
        assert clock.scheduler.get_job(job_id(sub.id)) is not None
        assert await clock.run_slot(sub.id, SLOT) == "paused"
        assert clock.scheduler.get_job(job_id(sub.id)) is None  # no further triggers
        assert await clock.run_slot(sub.id, SLOT.replace(minute=1)) == "inactive"
    finally:
        await clock.stop()
    paused = store.get(sub.id)
    assert paused.state == "paused" and paused.paused_reason == "discord HTTP 403 Missing Access (50001)"
    assert len(discord_api.find("POST", "/channels/*/messages")) == 1 and channel_posts(discord_api) == []


async def test_discord_unknown_channel_is_permanent(settings, discord_api):
    discord_api.fail("POST", "/channels/*/messages", status=404)
    with pytest.raises(PermanentDeliveryError, match="404 Unknown Channel"):
        await build_poster(settings)(Target("discord", "42"), briefing())


async def test_tokens_never_reach_logs_or_errors(settings, store, slack, discord_api, caplog):
    caplog.set_level(logging.DEBUG)
    slack_sub = store.add("slack", "C1", Schedule.parse(at="07:00", tz="UTC"))
    discord_sub = store.add("discord", "42", Schedule.parse(at="07:00", tz="UTC"))
    slack.fail("chat.postMessage", status=429, retry_after=0)
    slack.fail("chat.postMessage", error="invalid_auth")
    discord_api.fail("POST", "/channels/*/messages", status=401)
    clock = clock_for(settings, store)
    assert await clock.run_slot(slack_sub.id, SLOT) == "paused"
    unauthorised = settings.model_copy(update={"discord_token": SecretStr("wrong-token-SECRET")})
    wrong = Clock(StubService(), store, build_poster(unauthorised, FAST))
    assert await wrong.run_slot(discord_sub.id, SLOT) == "paused"
    text = "\n".join(r.getMessage() for r in caplog.records)
    text += "".join(str(s.last_error) + str(s.paused_reason) for s in store.list())
    for secret in (SLACK_TOKEN, discord_api.token, "wrong-token-SECRET"):
        assert secret not in text


async def test_a_slow_platform_does_not_delay_the_other(settings, store, slack, discord_api):
    slack_sub = store.add("slack", "C1", Schedule.parse(at="07:00", tz="UTC"))
    discord_sub = store.add("discord", str(discord_api.channel_id), Schedule.parse(at="07:00", tz="UTC"))
    slack.fail("chat.postMessage", status=429, retry_after=1)  # Slack is slow to accept today
    clock = clock_for(settings, store)
    started = time.monotonic()
    results = await asyncio.gather(clock.run_slot(slack_sub.id, SLOT), clock.run_slot(discord_sub.id, SLOT))
    assert results == ["sent", "sent"]
    assert channel_posts(discord_api)[0].time - started < 0.8
    assert slack.calls("chat.postMessage")[-1].time - started >= 0.95


async def test_missing_token_fails_without_pausing(settings, store):
    sub = store.add("slack", "C1", Schedule.parse(at="07:00", tz="UTC"))
    no_slack = settings.model_copy(update={"slack_bot_token": None})
    clock = Clock(StubService(), store, build_poster(no_slack))
    assert await clock.run_slot(sub.id, SLOT) == "failed"
    assert store.get(sub.id).state == "active"
    assert "BRIEFING_SLACK_BOT_TOKEN" in store.get(sub.id).last_error


async def test_run_serves_discord_and_the_clock_in_one_process(settings, store, discord_api, monkeypatch):
    import discord

    from bot.cli.run import serve_all
    from bot.cli.wiring import build_router

    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)  # the adapter repoints these
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY",
                        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    run_settings = settings.model_copy(update={"discord_gateway_url": discord_api.gateway_url})
    assert run_settings.discord_enabled and not run_settings.slack_enabled
    due = (datetime.now(timezone.utc) - timedelta(minutes=5)).strftime("%H:%M")
    sub = store.add("discord", str(discord_api.channel_id), Schedule.parse(at=due, tz="UTC"), "nato",
                    created_at=datetime.now(timezone.utc) - timedelta(days=1))
    service = StubService()
    task = asyncio.create_task(serve_all(run_settings, service, build_router(run_settings, service)))
    try:
        await discord_api.wait_ready(timeout=10)  # the gateway client is up
        post = await discord_api.wait_for("POST", "/channels/*/messages", timeout=10, where=lambda r: r.status == 200)
        assert post.json["allowed_mentions"] == {"parse": []}
        assert store.deliveries(sub.id)[0].state in ("claimed", "sent")
    finally:
        task.cancel()
        await asyncio.wait_for(asyncio.gather(task, return_exceptions=True), 15)
    assert store.lock_holder() is None  # released on the way out
    assert [d.state for d in store.deliveries(sub.id)] == ["sent"]


def test_run_without_credentials_says_what_to_set(capsys, monkeypatch, tmp_path):
    from bot.cli.main import main

    for name in list(os.environ):
        if name.startswith(("BRIEFING_", "SLACK_", "DISCORD_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    for hint in ("BRIEFING_DISCORD_TOKEN", "BRIEFING_SLACK_BOT_TOKEN", "BRIEFING_SLACK_APP_TOKEN",
                 "BRIEFING_SLACK_SIGNING_SECRET", "python -m bot brief nato"):
        assert hint in err


async def test_discord_retries_carry_the_same_nonce_so_a_repeat_is_dropped(settings, discord_api):
    """A retried Discord post reuses its nonce with enforce_nonce, so Discord never shows it twice."""
    discord_api.fail("POST", "/channels/*/messages", status=502, times=1)
    await post_discord(settings.discord, "42", [{"content": "hello", "embeds": []}], RetryPolicy(backoff=0.01))
    sent = discord_api.find("POST", "/channels/42/messages")
    assert len(sent) == 2
    assert sent[0].json["nonce"] == sent[1].json["nonce"] and sent[0].json["enforce_nonce"] is True
