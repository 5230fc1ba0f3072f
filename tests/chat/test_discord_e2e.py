"""End to end: the real discord.py client, driven over REST and the gateway by the loopback fake of Discord."""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import discord
import pytest

from bot.app.commands import Reply, Router
from bot.app.service import BriefingService
from bot.chat.discord import PERMISSIONS, serve
from bot.cli.chat import discord_command
from bot.infra.documents import DocumentFolder
from bot.render.bounds import chat_bounded
from config.settings import REPO_ROOT, Settings
from summarizer import Briefing
from tests.fakes.discord_fake import FakeDiscord
from tests.render.discord_samples import big_briefing, check_limits, check_nothing_cut, check_nothing_lost

SEEDS = REPO_ROOT / "seeds"
PREFIXES = ("BRIEFING_", "DISCORD_", "SLACK_")


@pytest.fixture(autouse=True)
def restore_endpoints(clean_env, monkeypatch: pytest.MonkeyPatch) -> None:
    """No deployment setting of the machine may leak in; discord.py's process-wide endpoints are restored."""
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY",
                        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        yield server


def settings_for(fake: FakeDiscord, **extra: object) -> Settings:
    return Settings(_env_file=None, discord_token=fake.token, discord_api_base=fake.api_base,
                    discord_gateway_url=fake.gateway_url, **extra)


Start = Callable[[object], Awaitable[None]]


@pytest.fixture
async def start_bot(fake: FakeDiscord) -> AsyncIterator[Start]:
    """start_bot(service): run `serve()` against the fake until the test ends."""
    tasks: list[asyncio.Task] = []

    async def start(service: object) -> None:
        tasks.append(asyncio.create_task(serve(settings_for(fake).discord, service, Router(service))))
        await fake.wait_ready(timeout=10)

    yield start
    for task in tasks:
        task.cancel()
        await asyncio.wait_for(asyncio.gather(task, return_exceptions=True), 10)


class SlowService:
    """The real BriefingService, but every briefing takes `delay` seconds (a slow summarizer)."""

    def __init__(self, inner: BriefingService, delay: float) -> None:
        self.inner, self.delay = inner, delay

    def brief(self, topic: str | None = None) -> Briefing:
        time.sleep(self.delay)
        return self.inner.brief(topic)

    def suggest(self, text: str, limit: int = 5) -> list[str]:
        return self.inner.suggest(text, limit)

    def topics(self):
        return self.inner.topics()


class FixedService(SlowService):
    """Answers every topic with one given briefing (e.g. an oversized one)."""

    def __init__(self, inner: BriefingService, briefing: Briefing) -> None:
        super().__init__(inner, 0)
        self.briefing = briefing

    def brief(self, topic: str | None = None) -> Briefing:
        return self.briefing


async def followups(fake: FakeDiscord, token: str, count: int, timeout: float = 10) -> list[dict]:
    """The json of the first `count` follow-up messages of one interaction."""
    last = await fake.wait_for("POST", f"/webhooks/*/{token}", timeout, count=count)
    assert last.status == 200
    return [r.json for r in fake.find("POST", f"/webhooks/*/{token}")]


def expected_count(briefing: Briefing) -> int:
    from bot.render.discord import to_messages

    return len(to_messages(Reply(briefing=briefing)))


def as_messages(bodies: list[dict]) -> list[dict]:
    return [{"content": b.get("content"), "embeds": b.get("embeds") or []} for b in bodies]


# ---- (a) sync ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("guild", [None, 987654321])
async def test_sync_registers_briefing_with_topic_autocomplete(fake: FakeDiscord, guild: int | None,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(command="discord", discord_command="sync", guild=guild)
    status = await asyncio.wait_for(asyncio.to_thread(discord_command, args, settings_for(fake)), 10)
    assert status == 0
    path = f"/applications/{fake.application_id}" + (f"/guilds/{guild}" if guild else "") + "/commands"
    [put] = fake.find("PUT", path)
    [command] = put.json
    assert command["name"] == "briefing" and command["type"] == 1 and command["description"]
    options = {o["name"]: o for o in command["options"]}
    assert options["topic"]["type"] == 3 and options["topic"]["autocomplete"] is True
    assert options["topic"]["required"] is False and options["topic"]["description"]
    assert options["private"]["type"] == 5 and options["private"]["required"] is False
    assert len(fake.find("PUT", "/applications/*")) == 1  # never both globally and in the guild
    out = capsys.readouterr()
    assert "/briefing" in out.out and fake.token not in out.out + out.err
    assert not fake.frames  # REST only: sync never opens the gateway


async def test_sync_clear_removes_the_guild_copy(fake: FakeDiscord, capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(command="discord", discord_command="sync", guild=987, clear=True)
    assert await asyncio.wait_for(asyncio.to_thread(discord_command, args, settings_for(fake)), 10) == 0
    [put] = fake.find("PUT", f"/applications/{fake.application_id}/guilds/987/commands")
    assert put.json == [] and "removed" in capsys.readouterr().out


async def test_invite_url_has_exactly_the_needed_permissions(fake: FakeDiscord,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(command="discord", discord_command="invite")
    assert await asyncio.wait_for(asyncio.to_thread(discord_command, args, settings_for(fake)), 10) == 0
    needed = discord.Permissions(view_channel=True, send_messages=True, embed_links=True,
                                 send_messages_in_threads=True)
    assert PERMISSIONS == needed
    assert capsys.readouterr().out.strip() == (
        f"https://discord.com/oauth2/authorize?client_id={fake.application_id}"
        f"&scope=bot+applications.commands&permissions={needed.value}"
    )


def test_missing_token_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli.main import main

    assert main(["discord"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "BRIEFING_DISCORD_TOKEN" in err[0]


# ---- (b) + (c) defer under 3 s with a 5 s briefing, then the whole seed briefing ------------------------------
async def test_slow_briefing_is_deferred_in_time_then_followed_up_with_every_party(
        fake: FakeDiscord, start_bot: Start) -> None:
    real = BriefingService(DocumentFolder(SEEDS))
    expected = real.brief("nato")
    assert expected.parties and not expected.is_empty
    await start_bot(SlowService(real, delay=5))
    sent = time.monotonic()
    interaction_id, token = await fake.inject_command({"topic": "nato"})
    callback = await fake.wait_for("POST", f"/interactions/{interaction_id}/{token}/callback", timeout=3)
    assert callback.json["type"] == 5 and callback.time - sent < 3  # deferred: "thinking…"
    assert not (callback.json.get("data") or {}).get("flags", 0) & 64  # public unless private:True
    bodies = await followups(fake, token, expected_count(expected), timeout=15)
    assert fake.find("POST", f"/webhooks/*/{token}")[0].time - sent >= 5
    messages = as_messages(bodies)
    check_limits(messages)
    check_nothing_lost(expected, messages)  # every party, position, quote and document of the real briefing
    titles = [f["name"] for m in messages for e in m["embeds"] for f in e.get("fields", ())]
    assert [p.name for p in expected.parties if p.positions] == [t for t in titles if "(cont.)" not in t]
    assert all(not (b.get("flags") or 0) & 64 for b in bodies)


async def test_event_loop_stays_free_while_a_briefing_runs(fake: FakeDiscord, start_bot: Start) -> None:
    """The briefing runs in a worker thread: the event loop keeps serving other interactions meanwhile."""
    real = BriefingService(DocumentFolder(SEEDS))
    await start_bot(SlowService(real, delay=2))
    _, slow_token = await fake.inject_command({"topic": "nato"})
    autocomplete_id, _ = await fake.inject_autocomplete("topic", "na")
    choices = await fake.wait_for("POST", f"/interactions/{autocomplete_id}/*", timeout=1.5)
    assert choices.json["type"] == 8
    assert not fake.find("POST", f"/webhooks/*/{slow_token}")  # the slow one is still thinking
    await followups(fake, slow_token, 1, timeout=10)


# ---- (d) mentions never ping ------------------------------------------------------------------------------------
MENTION_DOC = """Ukraine insists that NATO membership is the only real guarantee, @everyone and <@123> and <!channel> heard.
Russia rejects NATO membership for Ukraine outright, says a statement sent to <@123> and @everyone <!channel>.
The United States says NATO membership is not on the table now, @here <@&456> @everyone <!channel>.
"""

MENTION_PROFILE = """
[parties."Ukraine"]
aliases = ["Ukraine", "Kyiv"]
[parties."Russia"]
aliases = ["Russia", "Moscow"]
[parties."United States"]
aliases = ["United States", "Washington"]
[topics.nato]
keywords = ["NATO", "membership"]
"""


async def test_every_message_forbids_mentions(fake: FakeDiscord, start_bot: Start, tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(MENTION_DOC, encoding="utf-8")
    (tmp_path / "profile.toml").write_text(MENTION_PROFILE, encoding="utf-8")
    service = BriefingService(DocumentFolder(tmp_path))
    await start_bot(service)
    tokens = []
    for options in ({"topic": "nato"}, {}, {"topic": "@everyone <!channel>"}, {"topic": "nato", "private": True}):
        _, token = await fake.inject_command(options)
        tokens.append(token)
        await fake.wait_for("POST", f"/webhooks/*/{token}", timeout=10)
    await asyncio.sleep(0.2)  # let any further follow-ups of the last command land
    sent = fake.messages()
    assert len(sent) >= len(tokens)
    assert "@everyone" in json.dumps([r.json for r in sent], ensure_ascii=False)  # the text really was there
    for request in sent:
        assert request.json["allowed_mentions"] == {"parse": []}, request.json


# ---- (e) oversized briefing -----------------------------------------------------------------------------------
async def test_fifty_party_briefing_arrives_split_within_limits(fake: FakeDiscord, start_bot: Start) -> None:
    """Bounded for chat, the briefing still needs several messages: all arrive, within limits, nothing lost."""
    huge = big_briefing(parties=50)
    shown = chat_bounded(huge)
    assert shown.notes  # the chat bound applied
    await start_bot(FixedService(BriefingService(DocumentFolder(SEEDS)), huge))
    _, token = await fake.inject_command({"topic": "nato"})
    count = expected_count(huge)
    assert count > 1
    messages = as_messages(await followups(fake, token, count, timeout=15))
    check_limits(messages)
    check_nothing_lost(shown, messages)
    check_nothing_cut(shown, messages)


# ---- (f) unknown topic ----------------------------------------------------------------------------------------
async def test_unknown_topic_gets_an_ephemeral_reply_with_suggestions(fake: FakeDiscord, start_bot: Start) -> None:
    service = BriefingService(DocumentFolder(SEEDS))
    text = "natoo"
    assert service.brief(text).is_empty
    suggestions = service.suggest(text)
    assert suggestions
    await start_bot(service)
    _, token = await fake.inject_command({"topic": text})
    [reply] = await followups(fake, token, 1)
    assert reply["flags"] & 64  # ephemeral
    assert all(f"`{s}`" in reply["content"] for s in suggestions)
    # the public "thinking…" message was removed, so nothing public remains
    assert fake.find("DELETE", f"/webhooks/*/{token}/messages/@original")


async def test_private_option_defers_and_answers_ephemerally(fake: FakeDiscord, start_bot: Start) -> None:
    await start_bot(BriefingService(DocumentFolder(SEEDS)))
    interaction_id, token = await fake.inject_command({"topic": "nato", "private": True})
    callback = await fake.wait_for("POST", f"/interactions/{interaction_id}/*", timeout=3)
    assert callback.json == {"type": 5, "data": {"flags": 64}}
    bodies = await followups(fake, token, 1)
    assert all(b["flags"] & 64 for b in bodies)
    assert not fake.find("DELETE", f"/webhooks/*/{token}/messages/*")


async def test_a_failing_briefing_gets_a_short_ephemeral_apology(fake: FakeDiscord, start_bot: Start,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    class Broken(SlowService):
        def brief(self, topic: str | None = None) -> Briefing:
            raise RuntimeError("index unavailable")

    await start_bot(Broken(BriefingService(DocumentFolder(SEEDS)), 0))
    _, token = await fake.inject_command({"topic": "nato"})
    [reply] = await followups(fake, token, 1)
    assert reply["flags"] & 64 and reply["content"].startswith("Sorry") and len(reply["content"]) < 200
    assert "RuntimeError" in caplog.text and fake.token not in caplog.text


# ---- (g) autocomplete -----------------------------------------------------------------------------------------
async def test_autocomplete_offers_at_most_25_filtered_topics(fake: FakeDiscord, start_bot: Start,
                                                              tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ukraine wants peace. Russia wants land.\n", encoding="utf-8")
    profile = '[parties."Ukraine"]\naliases = ["Ukraine"]\n'
    profile += "".join(f'[topics.topic-{i:02d}]\ntitle = "Subject {i:02d}"\nkeywords = ["k{i}"]\n'
                       for i in range(40))
    profile += '[topics.nato]\ntitle = "NATO membership"\nkeywords = ["NATO"]\n'
    (tmp_path / "profile.toml").write_text(profile, encoding="utf-8")
    await start_bot(BriefingService(DocumentFolder(tmp_path)))

    async def choices(typed: str) -> list[dict]:
        interaction_id, _ = await fake.inject_autocomplete("topic", typed)
        callback = await fake.wait_for("POST", f"/interactions/{interaction_id}/*", timeout=3)
        assert callback.json["type"] == 8
        return callback.json["data"]["choices"]

    everything = await choices("")
    assert len(everything) == 25
    assert [c["value"] for c in await choices("NA")] == ["nato"]
    some = await choices("subject 1")
    assert [c["value"] for c in some] == [f"topic-{i}" for i in range(10, 20)]
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in everything + some)


# ---- (h) the real process -------------------------------------------------------------------------------------
async def test_python_m_bot_discord_connects_and_answers(fake: FakeDiscord) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(PREFIXES)}
    env.update(BRIEFING_DISCORD_TOKEN=fake.token, BRIEFING_DISCORD_API_BASE=fake.api_base,
               BRIEFING_DISCORD_GATEWAY_URL=fake.gateway_url, PYTHONUNBUFFERED="1")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "discord", cwd=REPO_ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        await fake.wait_ready(timeout=20)
        assert fake.identify is not None and fake.identify["token"] == fake.token
        assert not fake.identify["intents"] & ((1 << 1) | (1 << 8) | (1 << 15))  # no privileged intents
        _, token = await fake.inject_command({"topic": "nato"})
        [first, *_] = await followups(fake, token, 1, timeout=20)
        names = [f["name"] for e in first["embeds"] for f in e.get("fields", ())]
        assert [p.name for p in BriefingService(DocumentFolder(SEEDS)).brief("nato").parties if p.positions][0] in names
        assert first["allowed_mentions"] == {"parse": []}
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        try:
            out, err = await asyncio.wait_for(process.communicate(), 10)
        except asyncio.TimeoutError:
            process.kill()
            out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    assert fake.token not in out.decode() + err.decode()
    assert b"connected to Gateway" in err


# ---- the fake itself: scripted failures, for the scheduler's channel posts ---------------------------------------
async def test_fake_scripts_429_then_success_and_403_for_channel_posts(fake: FakeDiscord) -> None:
    settings = settings_for(fake)
    from bot.chat.discord import BriefingClient, configure_endpoints

    configure_endpoints(settings.discord)
    fake.fail("POST", "/channels/*/messages", status=429, times=1, retry_after=0.05)
    async with BriefingClient() as client:
        await client.login(fake.token)
        channel = client.get_partial_messageable(fake.channel_id)
        message = await asyncio.wait_for(channel.send("daily @everyone"), 5)  # discord.py retries the 429 itself
        assert message.content == "daily @everyone"
        fake.fail("POST", f"/channels/{fake.channel_id}/messages", status=403, times=1)
        with pytest.raises(discord.Forbidden) as denied:
            await asyncio.wait_for(channel.send("again"), 5)
    assert denied.value.code == 50001
    posts = fake.find("POST", "/channels/*/messages")
    assert [p.status for p in posts] == [429, 200, 403]
    assert posts[1].time - posts[0].time >= 0.05
    assert posts[1].json["allowed_mentions"] == {"parse": []}
    assert [m.json["content"] for m in fake.messages()] == ["daily @everyone"]
