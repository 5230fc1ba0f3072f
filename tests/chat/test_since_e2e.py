"""`since:` end to end: real slack-bolt (HTTP mode) and real discord.py against the loopback fakes, over the
real index: only what is new since then, marked; a bad value gets a short answer to the asker only."""
from __future__ import annotations

import argparse
import asyncio
import json

import pytest

from bot.app.commands import Router
from bot.chat.discord import command_text
from bot.cli.chat import discord_command
from tests.chat.test_discord_e2e import fake, followups, restore_endpoints, settings_for, start_bot  # noqa: F401
from tests.chat.test_slack_e2e import serve, slack  # noqa: F401
from tests.fakes.slack_fake import FakeSlack
from tests.infra.fresh_story import aged_story
from tests.render.slack_samples import all_text

pytestmark = pytest.mark.usefixtures("clean_env")


@pytest.fixture
def service(tmp_path):
    """The freshness story: Monday's and Tuesday's articles first seen three days ago, Thursday's just now."""
    return aged_story(tmp_path / "docs", f"sqlite:///{tmp_path / 'store.sqlite3'}")


async def test_slack_since_answers_only_the_new_statement_marked(slack: FakeSlack, serve, service) -> None:  # noqa: F811
    bot = await serve(Router(service))
    fields = slack.slash_command("nato since:yesterday")
    assert (await bot.command(fields))[0] == 200
    [response] = await slack.wait_responses(fields["response_url"], 1, timeout=15)
    assert response["response_type"] == "in_channel"
    text = all_text(response["blocks"])
    assert "• *new* The White House said" in text and text.count("*new*") == 1
    assert "Zelensky" not in text and "Lavrov" not in text  # first seen three days ago
    assert "New since " in text and "United States (1)" in text


async def test_slack_bad_since_is_ephemeral(slack: FakeSlack, serve, service) -> None:  # noqa: F811
    bot = await serve(Router(service))
    fields = slack.slash_command("nato since:tomorrow")
    assert (await bot.command(fields))[0] == 200
    [response] = await slack.wait_responses(fields["response_url"], 1, timeout=15)
    assert response["response_type"] == "ephemeral"
    assert "since:tomorrow" in all_text(response["blocks"]) and "24h" in all_text(response["blocks"])


def test_discord_options_become_the_words_slack_users_type() -> None:
    assert command_text("nato", "24h") == "nato since:24h"
    assert command_text(None, "7 d") == "since:7d"
    assert command_text("security  guarantees", None) == "security guarantees"


async def test_discord_since_option_is_registered(fake) -> None:  # noqa: F811
    args = argparse.Namespace(command="discord", discord_command="sync", guild=None)
    assert await asyncio.wait_for(asyncio.to_thread(discord_command, args, settings_for(fake)), 10) == 0
    [put] = fake.find("PUT", f"/applications/{fake.application_id}/commands")
    options = {o["name"]: o for o in put.json[0]["options"]}
    assert options["since"]["type"] == 3 and options["since"]["required"] is False
    assert "24h" in options["since"]["description"]


async def test_discord_since_answers_only_the_new_statement_marked(fake, start_bot, service) -> None:  # noqa: F811
    await start_bot(service)
    _, token = await fake.inject_command({"topic": "nato", "since": "24h"})
    bodies = await followups(fake, token, 1)
    raw = json.dumps(bodies, ensure_ascii=False)
    assert not bodies[0].get("flags", 0) & 64  # public, like any briefing
    assert "• **new** The White House said" in raw and raw.count("**new**") == 1
    assert "Zelensky" not in raw and "New since " in raw


async def test_discord_bad_since_is_ephemeral(fake, start_bot, service) -> None:  # noqa: F811
    await start_bot(service)
    _, token = await fake.inject_command({"topic": "nato", "since": "soon"})
    [reply] = await followups(fake, token, 1)
    assert reply["flags"] & 64 and "since:soon" in reply["content"] and "30m, 24h, 7d or yesterday" in reply["content"]
