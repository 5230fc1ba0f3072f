"""Who waits for the model: terminal and scheduled briefings do (up to the timeout), chat commands never do."""
from __future__ import annotations

import asyncio
import time

import pytest

from bot.app.writer import LineWriter
from bot.app.written import WrittenBriefings
from bot.infra.line_cache import SqlLineCache
from bot.infra.llm import OpenAICompatibleModel
from bot.app.service import BriefingService
from bot.infra.documents import DocumentFolder
from tests.fakes.openai_fake import FakeOpenAI, Reply
from tests.infra.writer_samples import GOOD, MODEL, PROFILE_TOML, STORY

@pytest.fixture
def service(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "001.txt").write_text(STORY, encoding="utf-8")
    (docs / "profile.toml").write_text(PROFILE_TOML, encoding="utf-8")
    return BriefingService(DocumentFolder.open(docs))


@pytest.fixture
async def llm():
    async with FakeOpenAI(answer=lambda call: GOOD[call.party]) as fake:
        yield fake


def _written(llm, tmp_path, service, wait: bool, timeout: float = 5.0) -> WrittenBriefings:
    model = OpenAICompatibleModel(llm.base_url, MODEL, timeout=timeout)
    cache = SqlLineCache(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    return WrittenBriefings(service, LineWriter(model, cache, deadline=timeout), wait=wait)


def _writers(briefing) -> list[str]:
    return [p.writer for party in briefing.parties for p in party.positions]


async def test_a_chat_command_answers_at_once_even_with_a_slow_model(llm, tmp_path, service):
    llm.script(*[Reply(content=GOOD["Ukraine"], delay=2.0)] * 3)
    chat = _written(llm, tmp_path, service, wait=False, timeout=1.0)
    start = time.monotonic()
    briefing = await asyncio.to_thread(chat.brief, "nato")
    assert time.monotonic() - start < 0.8
    assert briefing == service.brief("nato")
    await asyncio.to_thread(chat.drain)


async def test_a_chat_command_shows_the_lines_written_in_the_background_next_time(llm, tmp_path, service):
    chat = _written(llm, tmp_path, service, wait=False)
    assert set(_writers(await asyncio.to_thread(chat.brief, "nato"))) == {"offline"}
    await asyncio.to_thread(chat.drain)
    assert len(llm.requests) == 3
    second = await asyncio.to_thread(chat.brief, "nato")
    assert _writers(second) == ["model"] * 3 and len(llm.requests) == 3


async def test_a_waiting_caller_gets_model_lines_and_a_restart_reuses_them(llm, tmp_path, service):
    terminal = _written(llm, tmp_path, service, wait=True)
    first = await asyncio.to_thread(terminal.brief, "nato")
    assert _writers(first) == ["model"] * 3
    restarted = _written(llm, tmp_path, service, wait=True)
    assert await asyncio.to_thread(restarted.brief, "nato") == first and len(llm.requests) == 3
