"""The Procfile `clock` as a real process against the Slack fake: a post every minute, none repeated on restart.

Real minutes: about two. A second `clock` on the same store meanwhile refuses with exit status 3.
"""
from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.app.commands import Reply
from bot.app.service import BriefingService
from bot.app.subscriptions import dated
from bot.infra.documents import DocumentFolder
from bot.infra.store import Store
from bot.render.slack import to_messages
from config.settings import REPO_ROOT
from tests.fakes.slack_fake import FakeSlack

pytestmark = pytest.mark.slow
TOKEN = "xoxb-clock-process-test"


def environment(url: str, slack: FakeSlack) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFING_", "SLACK_", "DISCORD_"))}
    env.update(BRIEFING_DATABASE_URL=url, BRIEFING_SLACK_API_URL=slack.api_url,
               BRIEFING_SLACK_BOT_TOKEN=TOKEN, BRIEFING_SLACK_SIGNING_SECRET="clock-test-secret",
               BRIEFING_DOCUMENTS=str(REPO_ROOT / "seeds"), PYTHONUNBUFFERED="1")
    return env


async def bot(env: dict, log: Path, *args: str) -> asyncio.subprocess.Process:
    out = log.open("ab")
    try:
        return await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", *args, cwd=REPO_ROOT, env=env,
                                                    stdout=out, stderr=asyncio.subprocess.STDOUT)
    finally:
        out.close()


async def terminate(proc: asyncio.subprocess.Process, timeout: float = 15) -> int:
    if proc.returncode is None:
        proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(proc.wait(), timeout)
        except asyncio.TimeoutError:
            proc.kill()
            await proc.wait()
    return proc.returncode


def per_post() -> int:
    """Messages one dated nato briefing of the seeds takes on Slack."""
    day = datetime.now(timezone.utc).date()
    briefing = BriefingService(DocumentFolder(REPO_ROOT / "seeds")).brief("nato")
    return len(to_messages(Reply(briefing=dated(briefing, day))))


def ledger(url: str) -> list:
    store = Store(url)
    try:
        return store.deliveries()
    finally:
        store.close()


async def test_clock_posts_every_minute_and_a_restart_repeats_nothing(tmp_path, url):
    log = tmp_path / "clock.log"
    procs: list[asyncio.subprocess.Process] = []
    async with FakeSlack() as slack:
        env = environment(url, slack)
        subscribe = await bot(env, log, "subscribe", "slack:C1", "--topic", "nato", "--cron", "* * * * *")
        assert await asyncio.wait_for(subscribe.wait(), 30) == 0, log.read_text()
        per_post_count = per_post()

        def posts() -> int:
            return len(slack.posted)

        try:
            procs.append(await bot(env, log, "clock"))
            await asyncio.sleep(1.0)
            # a second clock on the same store sees the first one's heartbeat and refuses (within one lock TTL)
            procs.append(await bot(env, log, "clock"))
            assert await asyncio.wait_for(procs[1].wait(), 45) == 3, log.read_text()
            await slack.wait_for(lambda: posts() >= per_post_count, timeout=75)
            first_slot_done = time.time()

            # restart right after a post: the slot just posted must not be posted again
            assert await terminate(procs[0]) == 0, log.read_text()
            procs.append(await bot(env, log, "clock"))
            # The restarted clock's catch-up (where a repeat would come from) runs before its next slot's post.
            await slack.wait_for(lambda: posts() >= 2 * per_post_count, timeout=75)
        finally:
            for proc in procs:
                await terminate(proc)
        output = log.read_text()
        assert "another clock is running on this store" in output

    assert posts() == 2 * per_post_count, output
    assert all(p["channel"] == "C1" for p in slack.posted)
    assert all(call.token == TOKEN for call in slack.calls("chat.postMessage"))
    assert "Daily briefing — " in str(slack.posted[0]["blocks"]) and "NATO" in str(slack.posted[0]["blocks"])
    assert TOKEN not in output
    rows = ledger(url)
    assert [r.state for r in rows] == ["sent", "sent"]
    assert (rows[1].slot - rows[0].slot).total_seconds() == 60  # consecutive minutes, none repeated or lost
    assert rows[0].claimed_at.timestamp() <= first_slot_done < rows[1].claimed_at.timestamp()  # before, after restart


async def test_sigterm_in_a_long_retry_wait_hands_the_slot_to_the_next_clock(tmp_path, url):
    """Slack answers the first post with 429 and Retry-After: 45, longer than the clock's 20 s drain. SIGTERM then
    ends the clock cleanly with the slot handed back; the restarted clock posts that slot exactly once."""
    log = tmp_path / "clock.log"
    procs: list[asyncio.subprocess.Process] = []
    async with FakeSlack() as slack:
        env = environment(url, slack)
        subscribe = await bot(env, log, "subscribe", "slack:C1", "--topic", "nato", "--cron", "* * * * *")
        assert await asyncio.wait_for(subscribe.wait(), 30) == 0, log.read_text()
        slack.fail("chat.postMessage", status=429, retry_after=45)
        try:
            procs.append(await bot(env, log, "clock"))
            await slack.wait_for(lambda: slack.calls("chat.postMessage"), timeout=75)  # the 429: now waiting
            assert await terminate(procs[0], timeout=40) == 0, log.read_text()
            assert slack.posted == [] and ledger(url) == []  # nothing posted, nothing left claimed or failed
            procs.append(await bot(env, log, "clock"))
            await slack.wait_for(lambda: len(slack.posted) >= per_post(), timeout=30)  # the catch-up
        finally:
            for proc in procs:
                await terminate(proc)
        output = log.read_text()
    rows = ledger(url)
    assert rows and rows[0].state == "sent", output
    assert len(slack.posted) == per_post() * len([r for r in rows if r.state == "sent"]), output
    assert "handed back to the next clock" in output
