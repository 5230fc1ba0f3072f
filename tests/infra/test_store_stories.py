"""The story of a subscription in the store, and a store made before stories brought up to date in place."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, text

from bot.app.errors import DuplicateSubscriptionError
from bot.app.schedules import Schedule
from bot.infra.store import Store

DAILY = Schedule.parse(at="08:00", tz="UTC")

# The subscriptions table and unique index as the store made them before subscriptions had a story.
OLD_TABLE = """CREATE TABLE subscriptions (
    id {id_type} PRIMARY KEY {autoincrement}, platform VARCHAR(16) NOT NULL, channel VARCHAR(64) NOT NULL,
    team VARCHAR(64) NOT NULL, topic VARCHAR(200), at_time VARCHAR(5), days VARCHAR(40), cron VARCHAR(120),
    timezone VARCHAR(64) NOT NULL, created_by VARCHAR(64) NOT NULL, created_at TIMESTAMP NOT NULL,
    state VARCHAR(16) NOT NULL, paused_reason VARCHAR(300), last_post_at TIMESTAMP, last_error VARCHAR(500))"""
OLD_INDEX = """CREATE UNIQUE INDEX uq_subscriptions_channel_topic_schedule ON subscriptions
    (platform, channel, coalesce(topic, ''), coalesce(at_time, ''), coalesce(days, ''), coalesce(cron, ''),
     timezone)"""
OLD_ROW = """INSERT INTO subscriptions (id, platform, channel, team, topic, at_time, timezone, created_by, created_at,
    state) VALUES (7, 'slack', 'C1', 'T1', 'nato', '08:00', 'UTC', 'U1', '2026-11-01 08:00:00', 'active')"""


def index_names(store: Store) -> set[str]:
    """The subscriptions table's index names (SQLAlchemy does not reflect expression indexes)."""
    query = ("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'subscriptions'"
             if store.engine.dialect.name == "sqlite" else
             "SELECT indexname FROM pg_indexes WHERE tablename = 'subscriptions'")
    with store.engine.connect() as conn:
        return {row[0] for row in conn.execute(text(query))}


def test_the_story_is_stored_and_part_of_the_unique_key(store):
    ukraine = store.add("slack", "C1", DAILY, "nato", story="ukraine")
    baltic = store.add("slack", "C1", DAILY, "nato", story="baltic")
    flat = store.add("slack", "C1", DAILY, "nato")
    assert [(s.id, s.story) for s in store.list()] == [(ukraine.id, "ukraine"), (baltic.id, "baltic"), (flat.id, None)]
    with pytest.raises(DuplicateSubscriptionError) as again:
        store.add("slack", "C1", DAILY, "nato", story="baltic")
    assert again.value.existing == baltic.id


def test_a_store_made_before_stories_gains_the_column_and_keeps_its_rows(url):
    engine = create_engine(url)
    with engine.begin() as conn:
        sqlite = engine.dialect.name == "sqlite"
        conn.execute(text(OLD_TABLE.format(id_type="INTEGER" if sqlite else "SERIAL",
                                           autoincrement="AUTOINCREMENT" if sqlite else "")))
        conn.execute(text(OLD_INDEX))
        conn.execute(text(OLD_ROW))
    engine.dispose()
    store, second = Store(url), Store(url)  # two processes starting on the old store: both fine
    try:
        columns = {c["name"] for c in inspect(store.engine).get_columns("subscriptions")}
        assert "story" in columns
        indexes = index_names(store)
        assert "uq_subscriptions_channel_story_topic_schedule" in indexes
        assert "uq_subscriptions_channel_topic_schedule" not in indexes
        [old] = store.list()
        assert (old.id, old.topic, old.story, old.schedule) == (7, "nato", None, DAILY)
        added = second.add("slack", "C1", DAILY, "nato", story="ukraine")  # the old key would refuse it
        assert added.story == "ukraine" and len(store.list()) == 2
        with pytest.raises(DuplicateSubscriptionError):
            store.add("slack", "C1", DAILY, "nato")  # the old row still counts
    finally:
        store.close()
        second.close()
