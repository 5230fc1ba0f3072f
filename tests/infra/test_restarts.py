"""Restarts and lost answers keep every post exactly once: a shutdown in a long Retry-After wait hands the slot
back to the next clock; a Discord post whose answer was lost is recorded as sent, never posted twice."""
from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.app.errors import DeliveryInterrupted
from bot.app.schedules import Schedule
from bot.cli.wiring import build_poster
from bot.infra.clock import Clock
from bot.infra.delivery.discord import post_discord
from bot.infra.delivery.retry import Retry, RetryPolicy, send_all
from bot.infra.store import now_utc
from bot.infra.triggers import last_slot
from tests.infra.test_delivery import FAST, SLOT, StubService, discord_api, settings, slack, store  # noqa: F401


def clock(settings, store, drain: float = 0.5) -> Clock:
    return Clock(StubService(), store, build_poster(settings, FAST), drain_seconds=drain)


async def test_shutdown_in_a_long_retry_wait_hands_the_slot_back_and_the_next_clock_posts_it_once(
        settings, store, slack):
    schedule = Schedule.parse(at=(now_utc() - timedelta(minutes=5)).strftime("%H:%M"), tz="UTC")  # 5 min late
    sub = store.add("slack", "C1", schedule, "nato", created_at=now_utc().replace(year=2025))
    slot = last_slot(schedule)
    slack.fail("chat.postMessage", status=429, retry_after=45)
    first = clock(settings, store)
    task = asyncio.ensure_future(first.run_slot(sub.id, slot))
    first._track(task)
    await slack.wait_for(lambda: slack.calls("chat.postMessage"), timeout=10)  # the 429 arrived: now waiting 45 s
    await asyncio.wait_for(first.stop(), 10)  # SIGTERM: drains 0.5 s, then stops the wait
    assert task.result() == "unclaimed" and store.delivery(sub.id, slot) is None
    assert slack.posted == []

    second = clock(settings, store)
    await second._catch_up(store.get(sub.id))  # what the restarted clock does for each subscription
    await slack.wait_for(lambda: slack.posted, timeout=10)
    await asyncio.gather(*second._inflight)
    assert len(slack.posted) == 1 and store.delivery(sub.id, slot).state == "sent"
    assert await second.run_slot(sub.id, slot) == "duplicate" and len(slack.posted) == 1


async def test_a_post_made_but_unanswered_is_sent_once_and_recorded_sent(settings, store, discord_api):
    sub = store.add("discord", "42", Schedule.parse(at="07:00", tz="UTC"), "nato")
    discord_api.fail("POST", "/channels/*/messages", status=502, accept=True)  # made, but the answer is lost
    assert await clock(settings, store).run_slot(sub.id, SLOT) == "sent"
    assert len(discord_api.find("POST", "/channels/42/messages")) == 2  # the retry went out...
    assert len(discord_api.channel_posts) == 1  # ...and Discord showed the message once
    assert store.delivery(sub.id, SLOT).state == "sent"


async def test_two_equal_posts_of_different_subscriptions_are_both_shown(settings, store, discord_api):
    """Same channel, same content (a quiet day), same slot: the nonce names the subscription, so neither is
    taken for a repeat of the other."""
    subs = [store.add("discord", "42", Schedule.parse(at="07:00", tz=zone), "nato") for zone in ("UTC", "Etc/UTC")]
    for sub in subs:
        assert await clock(settings, store).run_slot(sub.id, SLOT) == "sent"
    assert len(discord_api.channel_posts) == 2


async def test_a_retried_message_keeps_its_nonce_and_appears_once(settings, discord_api):
    discord_api.fail("POST", "/channels/*/messages", status=502, times=1, accept=True)
    message = {"content": "hello", "embeds": []}
    await post_discord(settings.discord, "42", [message], RetryPolicy(backoff=0.01), key="7@slot")
    await post_discord(settings.discord, "42", [message], RetryPolicy(backoff=0.01), key="8@slot")
    sent = discord_api.find("POST", "/channels/42/messages")
    assert len(sent) == 3 and sent[0].json["nonce"] == sent[1].json["nonce"] != sent[2].json["nonce"]
    assert [p["content"] for p in discord_api.channel_posts] == ["hello", "hello"]


async def test_stopped_mid_request_the_message_counts_as_posted_and_in_a_wait_it_does_not():
    """A request on its way may have been delivered: the slot is then not handed back (never twice)."""
    started = asyncio.Event()

    async def hangs(message: dict) -> None:
        started.set()
        await asyncio.Event().wait()

    async def limited(message: dict) -> None:
        started.set()
        raise Retry("429", after=45)

    for send, posted in ((hangs, 1), (limited, 0)):
        started.clear()
        task = asyncio.ensure_future(send_all([{"text": "a"}, {"text": "b"}], send, RetryPolicy(), "slack:C1"))
        await started.wait()
        task.cancel()
        with pytest.raises(DeliveryInterrupted) as stopped:
            await task
        assert stopped.value.posted == posted and not stopped.value.repeatable
