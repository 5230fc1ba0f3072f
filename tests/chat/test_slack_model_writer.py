"""A slash command with a slow language model configured: the real slack-bolt app answers in time with offline
lines, and the next command shows the model lines written meanwhile (loopback fakes of Slack and the model)."""
from __future__ import annotations

import asyncio
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
import pytest
from slack_sdk.signature import SignatureVerifier

from bot.chat.slack import start_http
from bot.cli.basics import build_service
from bot.cli.wiring import build_router
from config.settings import Settings
from tests.fakes.openai_fake import FakeOpenAI, Reply
from tests.fakes.slack_fake import FakeSlack

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SIGNING = "test-signing-secret-model-writer"
BOT_TOKEN = "xoxb-test-model-writer"
LINE = "Sees NATO membership as crucial for its national security against Russian aggression"

pytestmark = pytest.mark.usefixtures("clean_env")


async def _command(url: str, fields: dict[str, str]) -> int:
    """POST a signed slash command to the app; its HTTP status."""
    body, ts = urlencode(fields), str(int(time.time()))
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": ts,
               "X-Slack-Signature": SignatureVerifier(SIGNING).generate_signature(timestamp=ts, body=body)}
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{url}/slack/events", data=body, headers=headers) as resp:
            return resp.status


async def test_a_slow_model_never_delays_the_answer_and_its_lines_come_next_time(tmp_path):
    async with FakeSlack(tokens={BOT_TOKEN}) as slack, FakeOpenAI() as llm:
        llm.answer = lambda call: LINE if call.party == "Ukraine" else call.draft
        llm.script(Reply(content=LINE, delay=5.0))  # the first call is slower than Slack's patience
        settings = Settings(_env_file=None, slack_bot_token=BOT_TOKEN, slack_signing_secret=SIGNING,
                            slack_api_url=slack.api_url, documents=SEEDS, llm_base_url=llm.base_url,
                            llm_model="fake-model", llm_timeout=8, database_url=f"sqlite:///{tmp_path / 's.db'}")
        service = build_service(settings)
        service.analysis()  # the documents are read before the clock starts: only the model is timed
        router = build_router(settings, service)
        runner, port = await start_http(settings.slack, router, 0, host="127.0.0.1")
        try:
            fields = slack.slash_command("nato")
            start = time.monotonic()
            assert await _command(f"http://127.0.0.1:{port}", fields) == 200
            [first] = await slack.wait_responses(fields["response_url"], 1, timeout=10)
            assert time.monotonic() - start < 3.0
            assert LINE not in str(first)
            await asyncio.to_thread(router.service.drain)  # the background run, bounded by the timeout
            fields = slack.slash_command("nato")
            calls = len(llm.requests)
            assert await _command(f"http://127.0.0.1:{port}", fields) == 200
            [second] = await slack.wait_responses(fields["response_url"], 1, timeout=10)
            assert LINE in str(second) and len(llm.requests) == calls
        finally:
            await runner.cleanup()
