"""The daily post of a briefing from 10,000 articles (the clock, the real REST delivery, the loopback fakes) is one
or two messages a channel, with the notes on what was left out, and mentions nobody."""
from __future__ import annotations

import json

from bot.app.schedules import Schedule
from bot.cli.wiring import build_poster
from bot.infra.clock import Clock
from summarizer import Briefing
from tests.infra.test_delivery import (  # noqa: F401  (fixtures)
    FAST, SLOT, StubService, channel_posts, discord_api, settings, slack, store)
from tests.render.chat_samples import wire_briefing

BIG = wire_briefing()


class WireService(StubService):
    def brief(self, topic=None) -> Briefing:
        return BIG


def clock(settings, store) -> Clock:
    return Clock(WireService(), store, build_poster(settings, FAST))


async def test_a_daily_slack_post_of_a_wire_scale_briefing_is_one_or_two_messages(settings, store, slack):
    sub = store.add("slack", "C1", Schedule.parse(at="07:00", tz="UTC"), "nato")
    assert await clock(settings, store).run_slot(sub.id, SLOT) == "sent"
    assert 1 <= len(slack.posted) <= 2
    blocks = " ".join(json.dumps(p["blocks"], ensure_ascii=False) for p in slack.posted)
    assert "more lines are not shown" in blocks and "more sources saying much the same" in blocks
    assert "<!" not in blocks and "<@" not in blocks


async def test_a_daily_discord_post_of_a_wire_scale_briefing_is_one_or_two_messages(settings, store, discord_api):
    channel = str(discord_api.channel_id)
    sub = store.add("discord", channel, Schedule.parse(at="07:00", tz="UTC"), "nato")
    assert await clock(settings, store).run_slot(sub.id, SLOT) == "sent"
    posts = channel_posts(discord_api)
    assert 1 <= len(posts) <= 2
    body = json.dumps([p.json for p in posts], ensure_ascii=False)
    assert "more lines are not shown" in body and "more sources saying much the same" in body
    assert all(p.json["allowed_mentions"] == {"parse": []} for p in posts)
