"""The clock refreshes the index now and then every interval, with real APScheduler and a real store."""
from __future__ import annotations

import asyncio
import shutil
from datetime import datetime, timedelta, timezone

from bot.app.schedules import Schedule
from bot.app.service import BriefingService
from bot.cli.basics import build_indexed_folder
from bot.cli.wiring import refresh_index
from bot.infra.documents import DocumentFolder
from bot.infra.index import Index, IndexedFolder
from bot.infra.index_store import IndexStore
from bot.infra.clock import Clock
from bot.infra.corpus import write_corpus
from bot.infra.store import Store
from config.settings import Settings
from summarizer import Briefing


class StubService:
    def brief(self, topic=None) -> Briefing:
        return Briefing(topic=topic, title="stub")


async def _no_post(target, briefing, **options) -> int:
    return 1


async def test_refresh_runs_at_start_then_every_interval(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    calls: list[float] = []
    clock = Clock(StubService(), store, _no_post, poll_seconds=0.1, lock_ttl=1.0,
                  refresh=lambda: calls.append(1), refresh_seconds=0.3)
    await clock.start()
    await asyncio.sleep(1.0)
    await clock.stop()
    store.close()
    assert 2 <= len(calls) <= 5


async def test_a_failing_refresh_does_not_stop_the_clock(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite3'}")

    def broken() -> None:
        raise OSError("disk gone")

    clock = Clock(StubService(), store, _no_post, poll_seconds=0.1, lock_ttl=1.0, refresh=broken,
                  refresh_seconds=0.2)
    await clock.start()
    await asyncio.sleep(0.5)
    assert clock.active
    await clock.stop()
    store.close()


async def test_the_wired_refresh_ingests_the_documents_folder(tmp_path):
    corpus = write_corpus(tmp_path / "docs", 3, seed=2)
    settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'store.sqlite3'}", documents=corpus)
    await asyncio.to_thread(refresh_index, settings)
    indexed = build_indexed_folder(settings)
    assert indexed.refresh(lambda m: None) is None  # already current
    assert len(indexed.index.store.documents(indexed.story)) == 3


class Recorder:
    def __init__(self) -> None:
        self.briefings: list[Briefing] = []

    async def __call__(self, target, briefing, **options) -> int:
        self.briefings.append(briefing)
        return 1


async def test_posts_after_the_first_say_what_is_new_since_the_last(tmp_path):
    folder = write_corpus(tmp_path / "docs", 3, seed=20)
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    corpus = IndexedFolder(DocumentFolder.open(folder), Index(IndexStore(store.engine.url.render_as_string(
        hide_password=False)), workers=1), story="s", recheck_seconds=0)
    posts = Recorder()
    clock = Clock(BriefingService(corpus), store, posts, poll_seconds=0.1, lock_ttl=1.0)
    sub = store.add("slack", "C1", Schedule.parse(at="08:00", tz="UTC"), "nato")
    day = datetime(2026, 11, 20, 8, tzinfo=timezone.utc)
    assert await clock.run_slot(sub.id, day) == "sent"
    assert not any("since" in note for note in posts.briefings[-1].notes)  # a first post marks nothing
    write_corpus(tmp_path / "more", 5, seed=21)
    shutil.copy(tmp_path / "more" / "00004.txt", folder / "00050.txt")
    assert await clock.run_slot(sub.id, day + timedelta(days=1)) == "sent"
    [note] = [n for n in posts.briefings[-1].notes if "since" in n]
    assert note.startswith("New since ") and "(" in note
    assert await clock.run_slot(sub.id, day + timedelta(days=2)) == "sent"
    assert posts.briefings[-1].notes[-1].startswith("No new statements since ")
    store.close()
