"""`since:` and `quiet` from chat (Router), `brief --since` and `subscribe --quiet` from the CLI, and the store's
`quiet` column added to a store made before it, with the real index and store."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import MetaData, Table, create_engine, insert, inspect

from bot.app.commands import CommandContext, Router, split_since
from bot.app.desk import StoryDesk
from bot.app.service import BriefingService
from bot.app.story_router import StoryRouter
from bot.app.freshness import age, moment_ago
from bot.app.errors import UsageError
from bot.cli.main import main as cli_main
from bot.cli.wiring import build_router
from bot.infra.documents import DocumentFolder
from bot.infra.store import Store, subscriptions
from config.settings import Settings
from tests.infra.fresh_story import NEW_QUOTE, aged_story, write_story

HERE = CommandContext(platform="slack", channel="C1", user="U1", team="T1")
pytestmark = pytest.mark.usefixtures("clean_env")


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'store.sqlite3'}", timezone="UTC",
                    documents=tmp_path / "docs")


@pytest.fixture
def service(settings):
    return aged_story(settings.documents, settings.database_url)


@pytest.fixture
def router(settings, service) -> Router:
    return build_router(settings, service)


def test_ages_people_type():
    assert age("yesterday") == age("24h") == age("1d") == timedelta(days=1)
    assert age("30m") == timedelta(minutes=30) and age(" 7d ") == timedelta(days=7)
    now = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)
    assert moment_ago("24h", now) == datetime(2026, 11, 25, 12, tzinfo=timezone.utc)
    for bad in ("soon", "0h", "-1d", "24", "99999999999d", ""):
        with pytest.raises(UsageError):
            moment_ago(bad, now)


def test_since_is_read_wherever_it_stands():
    assert split_since("nato since:24h".split()) == (["nato"], "24h")
    assert split_since("since:yesterday security guarantees".split()) == (["security", "guarantees"], "yesterday")
    assert split_since("nato since: 7d".split()) == (["nato", "7d"], "")  # an empty value: told, not guessed
    assert split_since("nato".split()) == (["nato"], None)


def test_since_answers_only_what_is_new_with_the_marks(router):
    reply = router.handle("nato since:24h", HERE)
    assert reply.briefing is not None and not reply.ephemeral
    positions = [pos for p in reply.briefing.parties for pos in p.positions]
    assert [pos.sources[0].quote[:len(NEW_QUOTE)] for pos in positions] == [NEW_QUOTE]
    assert all(pos.new for pos in positions)
    assert reply.briefing.notes[0].startswith("New since ") and "United States (1)" in reply.briefing.notes[0]
    week = router.handle("nato since:7d", HERE).briefing
    assert len([pos for p in week.parties for pos in p.positions]) >= 3  # the older articles too
    assert router.handle("since:yesterday", HERE).briefing.notes[0].startswith("New since ")  # the overview


def test_since_with_nothing_new_says_so(router):
    reply = router.handle("nato since:30m", HERE)
    assert reply.briefing is not None  # Thursday's article was first seen a moment ago
    reply = router.handle("territory since:30m", HERE)
    assert reply.briefing is None and reply.message.startswith("No new statements on territory since ")


@pytest.mark.parametrize("text", ["nato since:soon", "nato since:", "since:0h nato", "nato since:12"])
def test_a_bad_since_is_told_to_the_asker_only(router, text):
    reply = router.handle(text, HERE)
    assert reply.ephemeral and reply.briefing is None
    assert "is not an age" in reply.message and "30m, 24h, 7d or yesterday" in reply.message


def test_since_on_an_unknown_topic_suggests_topics(router):
    reply = router.handle("zzzz since:24h", HERE)
    assert reply.ephemeral and "Closest known topics" in reply.message


def test_since_through_the_router_of_several_stories(settings, service, tmp_path):
    """`/briefing ukraine nato since:24h` over a desk of two stories: the option goes to that story's router."""
    other = BriefingService(DocumentFolder.open(write_story(tmp_path / "other")))
    router = StoryRouter(StoryDesk({"ukraine": service, "other": other}))
    reply = router.handle("ukraine nato since:24h", HERE)
    assert reply.briefing is not None
    assert [pos.new for p in reply.briefing.parties for pos in p.positions] == [True]
    assert router.handle("ukraine nato since:soon", HERE).ephemeral


def test_subscribe_quiet_from_chat_and_listed(router, settings):
    reply = router.handle("subscribe nato at 07:00 quiet", HERE)
    assert reply.message.startswith("Subscribed #1: the nato briefing, 07:00 daily (UTC), quiet when nothing is new")
    store = Store(settings.database_url)
    [sub] = store.list()
    assert sub.quiet and sub.topic == "nato"
    assert "quiet when nothing is new" in router.handle("subscriptions", HERE).message
    reply = router.handle("subscribe nato at 07:00", HERE)  # the same, without quiet: it says so again
    assert reply.message == "Daily briefing #1 now says when nothing is new."
    assert not store.get(1).quiet and len(store.list()) == 1
    assert router.handle("subscribe nato at 07:00", HERE).ephemeral  # nothing to change: "already has"
    store.close()


def test_cli_brief_since_marks_and_subscribe_quiet(settings, service, monkeypatch, capsys):
    monkeypatch.setenv("BRIEFING_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("BRIEFING_DOCUMENTS", str(settings.documents))
    assert cli_main(["brief", "nato", "--since", "24h", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    positions = [pos for p in out["parties"] for pos in p["positions"]]
    assert [pos["new"] for pos in positions] == [True] and positions[0]["sources"][0]["quote"].startswith(NEW_QUOTE)
    assert cli_main(["brief", "nato", "--since", "24h"]) == 0
    text = capsys.readouterr().out
    assert "- [new] The White House said" in text and "note: New since " in text
    assert cli_main(["brief", "nato"]) == 0
    assert "[new]" not in capsys.readouterr().out  # a plain briefing marks nothing
    assert cli_main(["subscribe", "slack:C9", "--topic", "nato", "--at", "07:00", "--quiet"]) == 0
    assert ", quiet when nothing is new; next run " in capsys.readouterr().out
    assert cli_main(["subscriptions"]) == 0
    assert capsys.readouterr().out.splitlines()[1].endswith("active · quiet when nothing is new")


def test_a_store_made_before_quiet_gains_the_column(url):
    """SQLite always; PostgreSQL too when BRIEFING_TEST_POSTGRES_URL names one."""
    engine = create_engine(url)
    old = MetaData()
    Table("subscriptions", old, *(c._copy() for c in subscriptions.columns if c.name != "quiet"))
    old.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(old.tables["subscriptions"]).values(
            platform="slack", channel="C1", team="", topic="nato", at_time="08:00", timezone="UTC", created_by="",
            created_at=datetime(2026, 11, 1, tzinfo=timezone.utc), state="active"))
    store = Store(url)
    try:
        assert "quiet" in {c["name"] for c in inspect(engine).get_columns("subscriptions")}
        [sub] = store.list()
        assert sub.quiet is False and sub.topic == "nato"
        store.set_quiet(sub.id, True)
        assert store.get(sub.id).quiet is True
        Store(url).close()  # a second process opening the migrated store changes nothing
        assert store.get(sub.id).quiet is True
    finally:
        store.close()
        engine.dispose()
