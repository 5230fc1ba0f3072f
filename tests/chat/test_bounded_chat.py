"""A briefing from 10,000 articles reaches Slack and Discord (the real slack-bolt and discord.py against the
loopback fakes) in one message on a topic (two or three for the overview), with the notes on what was left out,
and nothing pings."""
from __future__ import annotations

import asyncio
import json

import pytest

from bot.app.commands import Reply, Router
from bot.app.service import BriefingService
from bot.infra.documents import DocumentFolder
from bot.render import discord as discord_render
from bot.render import slack as slack_render
from bot.render.bounds import chat_bounded
from tests.chat.test_discord_e2e import (  # noqa: F401  (fixtures, restore_endpoints autouse)
    SEEDS, FixedService as DiscordService, Start, as_messages, fake, followups, restore_endpoints, start_bot)
from tests.chat.test_slack_e2e import FixedService, serve, slack  # noqa: F401  (fixtures)
from tests.fakes.discord_fake import FakeDiscord
from tests.render.chat_samples import wire_briefing
from tests.render.discord_samples import check_limits, check_nothing_lost, stream
from tests.render.slack_samples import all_text, assert_within_limits

pytestmark = pytest.mark.usefixtures("clean_env")
SETTLE = 0.5  # seconds to let a reply that should not exist arrive anyway


@pytest.mark.parametrize("topic, most", [("nato", 1), (None, 2)])
async def test_a_wire_scale_briefing_reaches_slack_in_one_or_two_replies(slack, serve, topic, most) -> None:
    big = wire_briefing(topic=topic)
    shown = chat_bounded(big)
    count = len(slack_render.to_messages(Reply(briefing=big)))
    assert count <= most and "more lines are not shown" in " ".join(shown.notes)
    bot = await serve(Router(FixedService(big)))
    fields = slack.slash_command("nato")
    assert (await bot.command(fields))[0] == 200
    await slack.wait_responses(fields["response_url"], count, timeout=15)
    await asyncio.sleep(SETTLE)
    responses = slack.responses_to(fields["response_url"])
    assert len(responses) == count and not slack.calls("chat.postMessage")
    assert_within_limits([{"text": r["text"], "blocks": r["blocks"]} for r in responses])
    text = " ".join(all_text([r["blocks"] for r in responses]).split())
    for note in shown.notes:
        assert slack_render.escape(note) in text
    raw = json.dumps(responses, ensure_ascii=False)
    assert "<!" not in raw and "<@" not in raw


@pytest.mark.parametrize("topic, most", [("nato", 1), (None, 3)])
async def test_a_wire_scale_briefing_reaches_discord_in_a_few_messages(fake: FakeDiscord, start_bot: Start,
                                                                      topic, most) -> None:
    big = wire_briefing(topic=topic)
    shown = chat_bounded(big)
    count = len(discord_render.to_messages(Reply(briefing=big)))
    assert count <= most
    await start_bot(DiscordService(BriefingService(DocumentFolder(SEEDS)), big))
    _, token = await fake.inject_command({"topic": "nato"})
    await followups(fake, token, count, timeout=15)
    await asyncio.sleep(SETTLE)
    bodies = [r.json for r in fake.find("POST", f"/webhooks/*/{token}")]
    assert len(bodies) == count
    messages = as_messages(bodies)
    check_limits(messages)
    check_nothing_lost(shown, messages)  # the notes included
    assert "more lines are not shown" in stream(messages)
    assert all(body["allowed_mentions"] == {"parse": []} for body in bodies)
