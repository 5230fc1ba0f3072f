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


def environment(db: Path, slack: FakeSlack) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFING_", "SLACK_", "DISCORD_"))}
    env.update(BRIEFING_DATABASE_URL=f"sqlite:///{db}", BRIEFING_SLACK_API_URL=slack.api_url,
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


async def terminate(proc: asyncio.subprocess.Process) -> int:
    if proc.returncode is None:
        proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(proc.wait(), 15)
        except asyncio.TimeoutError:
            proc.kill()
            await proc.wait()
    return proc.returncode


async def test_clock_posts_every_minute_and_a_restart_repeats_nothing(tmp_path):
    db, log = tmp_path / "store.sqlite3", tmp_path / "clock.log"
    procs: list[asyncio.subprocess.Process] = []
    async with FakeSlack() as slack:
        env = environment(db, slack)
        subscribe = await bot(env, log, "subscribe", "slack:C1", "--topic", "nato", "--cron", "* * * * *")
        assert await asyncio.wait_for(subscribe.wait(), 30) == 0, log.read_text()
        day = datetime.now(timezone.utc).date()
        per_post = len(to_messages(Reply(briefing=dated(BriefingService(DocumentFolder(REPO_ROOT / "seeds")).brief("nato"), day))))

        def posts() -> int:
            return len(slack.posted)

        try:
            procs.append(await bot(env, log, "clock"))
            await asyncio.sleep(1.0)
            # a second clock on the same store sees the first one's heartbeat and refuses (within one lock TTL)
            procs.append(await bot(env, log, "clock"))
            assert await asyncio.wait_for(procs[1].wait(), 45) == 3, log.read_text()
            await slack.wait_for(lambda: posts() >= per_post, timeout=75)
            first_slot_done = time.time()

            # restart right after a post: the slot just posted must not be posted again
            assert await terminate(procs[0]) == 0, log.read_text()
            procs.append(await bot(env, log, "clock"))
            await slack.wait_for(lambda: posts() >= 2 * per_post, timeout=75)
            await asyncio.sleep(3)  # anything extra would arrive now
        finally:
            for proc in procs:
                await terminate(proc)
        output = log.read_text()
        assert "another clock is running on this store" in output

    assert posts() == 2 * per_post, output
    assert all(p["channel"] == "C1" for p in slack.posted)
    assert all(call.token == TOKEN for call in slack.calls("chat.postMessage"))
    assert "Daily briefing — " in str(slack.posted[0]["blocks"]) and "NATO" in str(slack.posted[0]["blocks"])
    assert TOKEN not in output
    store = Store(f"sqlite:///{db}")
    rows = store.deliveries()
    store.close()
    assert [r.state for r in rows] == ["sent", "sent"]
    assert (rows[1].slot - rows[0].slot).total_seconds() == 60  # consecutive minutes, none repeated or lost
    assert rows[0].slot.timestamp() <= first_slot_done
