"""Freshness of scheduled posts with the real clock (APScheduler jobs), the real store and the real index: what a
channel has not seen is marked new, nothing new gives one line or (quiet) no post, a backlog never floods."""
from __future__ import annotations

import asyncio
import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from apscheduler.triggers.date import DateTrigger

from bot.app.commands import Reply
from bot.app.schedules import Schedule
from bot.app.service import BriefingService
from bot.app.subscriptions import dated
from bot.infra.clock import Clock
from bot.infra.articles import Article
from bot.infra.corpus import write_corpus
from bot.infra.documents import DocumentFolder
from bot.infra.index import Index, IndexedFolder
from bot.infra.index_store import IndexStore
from bot.infra.store import Store
from bot.infra.triggers import last_slot
from bot.render import discord as discord_render, slack as slack_render
from bot.render.terminal import render_briefing
from summarizer import Briefing
from tests.infra.fresh_story import NEW_QUOTE, THURSDAY, write_story

UTC = timezone.utc
DAY = datetime(2026, 11, 20, 8, tzinfo=UTC)
class Posts:
    """A `deliver` that keeps every briefing it is asked to post (REST delivery is tested in test_delivery.py)."""

    def __init__(self) -> None:
        self.briefings: list[Briefing] = []

    async def __call__(self, target, briefing, key=None) -> int:
        self.briefings.append(briefing)
        return 1


class World:
    """A documents folder, its index and the subscriptions store in one SQLite file, and a clock over them."""

    def __init__(self, tmp_path: Path, profile: bool = False, documents: int = 0) -> None:
        self.folder = tmp_path / "docs"
        if not documents:
            write_story(self.folder, profile)
        else:  # generated news with their own profile.toml
            write_corpus(self.folder, documents, seed=documents)
        self.url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
        self.store = Store(self.url)
        corpus = IndexedFolder(DocumentFolder.open(self.folder), Index(IndexStore(self.url), workers=1),
                               story="s", recheck_seconds=0)
        self.service = BriefingService(corpus)
        self.posts = Posts()
        self.clock = Clock(self.service, self.store, self.posts, poll_seconds=0.1, lock_ttl=1.0)

    def write(self, name: str, text: str) -> None:
        (self.folder / name).write_text(text, encoding="utf-8")

    async def fire(self, sub_id: int, slot: datetime) -> str:
        """Fire the subscription's slot as a real APScheduler job; the ledger's state of that slot."""
        self.clock.scheduler.add_job(self.clock._fire, DateTrigger(datetime.now(UTC) + timedelta(milliseconds=50)),
                                     args=[sub_id, slot])
        for _ in range(1500):
            row = self.store.delivery(sub_id, slot)
            if row is not None and row.state != "claimed":
                await asyncio.gather(*self.clock._inflight)
                return row.state
            await asyncio.sleep(0.02)
        raise AssertionError(f"slot {slot} of #{sub_id} never finished")


@pytest.fixture(params=["profile", "auto"])
async def world(request, tmp_path) -> World:
    """The seed story's profile, or parties and topics discovered from the documents (auto mode)."""
    w = World(tmp_path, profile=request.param == "profile")
    await w.clock.start()
    yield w
    await w.clock.stop()
    w.store.close()


def new_positions(briefing: Briefing) -> list[str]:
    return [pos.sources[0].quote for p in briefing.parties for pos in p.positions if pos.new]


def since_notes(briefing: Briefing) -> list[str]:
    return [n for n in briefing.notes if " since " in n]


async def test_a_statement_ingested_after_the_last_post_is_marked_new_in_the_next(world):
    sub = world.store.add("slack", "C1", Schedule.parse(at="08:00", tz="UTC"), "nato")
    assert await world.fire(sub.id, DAY) == "sent"
    first = world.posts.briefings[-1]
    assert new_positions(first) == [] and since_notes(first) == []  # a first post marks nothing
    world.write("003_thursday.txt", THURSDAY)
    assert await world.fire(sub.id, DAY + timedelta(days=1)) == "sent"
    second = world.posts.briefings[-1]
    assert [q[:len(NEW_QUOTE)] for q in new_positions(second)] == [NEW_QUOTE]
    old = [pos for p in second.parties for pos in p.positions if not pos.new]
    assert len(old) >= 2 and all("003_thursday" not in s.document for pos in old for s in pos.sources)
    assert {s.quote for pos in old for s in pos.sources} <= {s.quote for s in first.sources()}
    [note] = since_notes(second)
    assert note.startswith("New since ") and "United States (1)" in note and "1 of the lines below" in note
    assert await world.fire(sub.id, DAY + timedelta(days=2)) == "sent"
    third = world.posts.briefings[-1]
    assert new_positions(third) == [] and since_notes(third)[0].startswith("No new statements since ")


async def test_an_article_another_process_ingested_is_marked_new_in_the_next_post(world):
    """Feed articles reach the index through the clock's refresh job or `ingest` in another process, not through
    the folder: the warm service of the clock still sees them."""
    sub = world.store.add("slack", "C1", Schedule.parse(at="08:00", tz="UTC"), "nato")
    assert await world.fire(sub.id, DAY) == "sent"
    other = IndexedFolder(DocumentFolder.open(world.folder), Index(IndexStore(world.url), workers=1), story="s")
    article = Article("https://news.example/washington", "Washington weighs in", "Example News", None, THURSDAY)
    other.index.ingest("s", world.folder, other.folder.profile_path, other.profile(), pytest.fail,
                       articles=[article])
    assert await world.fire(sub.id, DAY + timedelta(days=1)) == "sent"
    post = world.posts.briefings[-1]
    assert [q[:len(NEW_QUOTE)] for q in new_positions(post)] == [NEW_QUOTE]
    assert [s.url for s in post.sources() if s.quote.startswith(NEW_QUOTE)] == ["https://news.example/washington"]


async def test_the_new_mark_reaches_every_format(world):
    sub = world.store.add("discord", "42", Schedule.parse(at="08:00", tz="UTC"), "nato")
    assert await world.fire(sub.id, DAY) == "sent"
    world.write("003_thursday.txt", THURSDAY)
    assert await world.fire(sub.id, DAY + timedelta(days=1)) == "sent"
    posted = world.posts.briefings[-1]
    text = render_briefing(posted, "text")
    assert text.count("[new]") == 1 and "- [new] The White House said" in text
    assert render_briefing(posted, "markdown").count("- **new** The White House") == 1
    positions = [pos for p in json.loads(render_briefing(posted, "json"))["parties"] for pos in p["positions"]]
    assert [pos["new"] for pos in positions].count(True) == 1 and len(positions) >= 3
    slack = json.dumps(slack_render.to_messages(Reply(briefing=posted)), ensure_ascii=False)
    assert slack.count("• *new* The White House") == 1 and slack.count("*new*") == 1
    discord = json.dumps(discord_render.to_messages(Reply(briefing=posted)), ensure_ascii=False)
    assert discord.count("• **new** The White House") == 1 and discord.count("**new**") == 1


async def test_nothing_new_gives_the_line_and_a_quiet_subscription_posts_nothing(world):
    loud = world.store.add("slack", "C1", Schedule.parse(at="08:00", tz="UTC"), "nato")
    quiet = world.store.add("slack", "C2", Schedule.parse(at="08:00", tz="UTC"), "nato", quiet=True)
    assert await world.fire(loud.id, DAY) == "sent" and await world.fire(quiet.id, DAY) == "sent"
    first_post_at = world.store.get(quiet.id).last_post_at
    assert len(world.posts.briefings) == 2  # a first post always goes out, quiet or not
    next_day = DAY + timedelta(days=1)
    assert await world.fire(loud.id, next_day) == "sent"
    assert since_notes(world.posts.briefings[-1])[0].startswith("No new statements since ")
    assert await world.fire(quiet.id, next_day) == "quiet"
    assert len(world.posts.briefings) == 3  # nothing posted for the quiet one
    row = world.store.delivery(quiet.id, next_day)
    assert row.state == "quiet" and row.attempts == 0 and "nothing posted" in row.error
    assert world.store.get(quiet.id).last_post_at == first_post_at  # its next post still counts from the last
    assert await world.clock.run_slot(quiet.id, next_day) == "duplicate"  # the slot is done: never retried
    world.write("003_thursday.txt", THURSDAY)
    assert await world.fire(quiet.id, DAY + timedelta(days=2)) == "sent"
    assert [q[:len(NEW_QUOTE)] for q in new_positions(world.posts.briefings[-1])] == [NEW_QUOTE]


async def test_a_quiet_slot_is_done_for_the_catch_up_after_a_restart(world):
    """A clock restarted soon after a quiet slot neither posts it late nor records it as missed."""
    await world.clock.stop()  # down: the slots below run by hand, as a clock that then died would have run them
    at = (datetime.now(UTC) - timedelta(minutes=5)).strftime("%H:%M")
    sub = world.store.add("slack", "C1", Schedule.parse(at=at, tz="UTC"), "nato", quiet=True,
                          created_at=DAY - timedelta(days=3))
    slot = last_slot(sub.schedule, datetime.now(UTC))
    assert await world.clock.run_slot(sub.id, slot - timedelta(days=1)) == "sent"
    assert await world.clock.run_slot(sub.id, slot) == "quiet"
    world.clock = Clock(world.service, world.store, world.posts, poll_seconds=0.1, lock_ttl=1.0)
    await world.clock.start()  # its catch-up looks at `slot`, within the grace
    await asyncio.sleep(0.3)
    await asyncio.gather(*world.clock._inflight)
    assert world.clock.scheduler.get_job(f"sub-{sub.id}") is not None
    assert [d.state for d in world.store.deliveries(sub.id)] == ["sent", "quiet"]
    assert len(world.posts.briefings) == 1


async def test_a_first_post_on_a_large_backlog_marks_nothing_and_is_one_bounded_post(tmp_path):
    world = World(tmp_path, documents=150)
    await world.clock.start()
    try:
        sub = world.store.add("slack", "C1", Schedule.parse(at="08:00", tz="UTC"), "nato")
        assert await world.fire(sub.id, DAY) == "sent"
        [post] = world.posts.briefings
        assert not post.is_empty and new_positions(post) == [] and since_notes(post) == []
        assert post == dated(world.service.brief("nato"), DAY.date())  # the plain briefing, nothing more
    finally:
        await world.clock.stop()
        world.store.close()


async def test_a_backlog_arriving_after_a_post_is_one_bounded_post(tmp_path):
    world = World(tmp_path, documents=3)
    await world.clock.start()
    try:
        sub = world.store.add("discord", "42", Schedule.parse(at="08:00", tz="UTC"), "nato")
        assert await world.fire(sub.id, DAY) == "sent"
        backlog = write_corpus(tmp_path / "backlog", 150, seed=33)
        for path in sorted(backlog.glob("*.txt")):
            shutil.copy(path, world.folder / f"late_{path.name}")
        assert await world.fire(sub.id, DAY + timedelta(days=1)) == "sent"
        assert len(world.posts.briefings) == 2  # one post for the slot, however much arrived
        post = world.posts.briefings[-1]
        assert new_positions(post) and since_notes(post)[0].startswith("New since ")
        plain = dated(world.service.brief("nato"), DAY.date() + timedelta(days=1))
        assert [pos.text for p in post.parties for pos in p.positions] == [
            pos.text for p in plain.parties for pos in p.positions]  # the same lines the corpus gives anyway
        grown = len(render_briefing(post, "text")) - len(render_briefing(plain, "text"))
        assert grown <= len(since_notes(post)[0]) + 8 * len(new_positions(post)) + 10  # the note and the marks
        assert len(discord_render.to_messages(Reply(briefing=post))) <= len(
            discord_render.to_messages(Reply(briefing=plain))) + 1
    finally:
        await world.clock.stop()
        world.store.close()
