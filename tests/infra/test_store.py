"""The store on a real SQLite file: subscriptions, the delivery ledger's unique claim, the clock lock."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from bot.app.schedules import Schedule
from bot.infra.store import Store

UTC = timezone.utc
DAILY = Schedule.parse(at="08:00", days="mon-fri", tz="Europe/Berlin")


def test_subscription_round_trip(store):
    sub = store.add("slack", "C1", DAILY, "nato", team="T1", created_by="U1")
    again = store.get(sub.id)
    assert again == sub
    assert (again.platform, again.channel, again.team, again.topic, again.created_by) == ("slack", "C1", "T1", "nato", "U1")
    assert again.schedule == DAILY and again.state == "active" and again.target == "slack:C1"
    assert again.created_at.tzinfo is UTC


def test_overview_and_cron_subscriptions(store):
    cron = Schedule.parse(cron="0 9 * * 1-5", tz="UTC")
    sub = store.add("discord", "123", cron)
    assert store.get(sub.id).topic is None
    assert store.get(sub.id).schedule == cron


def test_list_filters_by_channel_and_state(store):
    a = store.add("slack", "C1", DAILY)
    b = store.add("slack", "C2", DAILY)
    c = store.add("discord", "C1", DAILY)
    store.pause(b.id, "slack channel_not_found")
    assert [s.id for s in store.list()] == [a.id, b.id, c.id]
    assert [s.id for s in store.list("slack", "C1")] == [a.id]
    assert [s.id for s in store.list(state="active")] == [a.id, c.id]
    paused = store.get(b.id)
    assert (paused.state, paused.paused_reason) == ("paused", "slack channel_not_found")
    store.resume(b.id)
    assert store.get(b.id).state == "active" and store.get(b.id).paused_reason is None


def test_version_changes_with_every_subscription_change(store):
    seen = [store.version()]
    sub = store.add("slack", "C1", DAILY)
    seen.append(store.version())
    store.pause(sub.id, "x")
    seen.append(store.version())
    store.delete(sub.id)
    seen.append(store.version())
    assert len(set(seen)) == 4


def test_another_process_sees_changes(url, store):
    other = Store(url)  # as a CLI process would
    before = store.version()
    other.add("slack", "C9", DAILY)
    assert store.version() != before
    assert [s.channel for s in store.list()] == ["C9"]
    other.close()


def test_ids_are_never_reused(store):
    first = store.add("slack", "C1", DAILY)
    store.delete(first.id)
    assert store.add("slack", "C1", DAILY).id != first.id


def test_claim_is_unique_per_subscription_and_slot(store):
    sub = store.add("slack", "C1", DAILY)
    slot = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
    assert store.claim(sub.id, slot) is True
    assert store.claim(sub.id, slot) is False
    assert store.claim(sub.id, slot + timedelta(days=1)) is True
    # the same instant given in another zone is the same slot
    assert store.claim(sub.id, slot.astimezone(timezone(timedelta(hours=1)))) is False
    store.finish(sub.id, slot, "sent", attempts=2)
    row = store.delivery(sub.id, slot)
    assert (row.state, row.attempts, row.slot) == ("sent", 2, slot)
    assert row.sent_at is not None and row.sent_at.tzinfo is UTC


def test_deleting_a_subscription_drops_its_ledger(store):
    sub = store.add("slack", "C1", DAILY)
    store.claim(sub.id, datetime(2026, 11, 25, 7, 0, tzinfo=UTC))
    assert store.delete(sub.id) is True
    assert store.deliveries(sub.id) == []
    assert store.delete(sub.id) is False


def test_record_result(store):
    sub = store.add("slack", "C1", DAILY)
    store.record_result(sub.id, error="slack ratelimited; gave up after 4 tries")
    assert store.get(sub.id).last_error.startswith("slack ratelimited")
    posted = datetime(2026, 11, 25, 7, 0, 3, tzinfo=UTC)
    store.record_result(sub.id, posted_at=posted)
    assert (store.get(sub.id).last_post_at, store.get(sub.id).last_error) == (posted, None)


def test_scheduler_lock_single_owner(store):
    assert store.acquire_lock("a", ttl=30)
    assert store.acquire_lock("a", ttl=30)  # re-entrant for its owner
    assert not store.acquire_lock("b", ttl=30)
    assert store.lock_holder()[0] == "a"
    assert store.heartbeat("a", ttl=30) and not store.heartbeat("b", ttl=30)
    store.release_lock("b")  # not b's: no effect
    assert store.lock_holder()[0] == "a"
    store.release_lock("a")
    assert store.lock_holder() is None
    assert store.acquire_lock("b", ttl=30)


def test_expired_lock_is_taken_over(store):
    assert store.acquire_lock("crashed", ttl=0.2)
    time.sleep(0.3)
    assert store.acquire_lock("next", ttl=30)
    assert not store.heartbeat("crashed", ttl=30)


def test_a_dedicated_clock_preempts_only_standby_owners(store):
    assert store.acquire_lock("run:host:1:a", ttl=30)
    assert not store.acquire_lock("run:host:2:b", ttl=30)  # standby owners don't preempt each other
    assert store.acquire_lock("clock:host:3:c", ttl=30, preempt="run:")
    assert not store.acquire_lock("clock:host:4:d", ttl=30, preempt="run:")
    assert store.lock_holder()[0] == "clock:host:3:c"
