"""Schedules (DST, crontab day numbers) and the clock with real APScheduler on a real SQLite store."""
from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger

from bot.app.errors import ClockLockedError, ScheduleError
from bot.app.schedules import Schedule, cron_trigger_kwargs, parse_days
from bot.infra.clock import Clock, job_id
from bot.infra.store import Store
from bot.infra.triggers import just_after, last_slot, trigger
from config.settings import Settings
from summarizer import Briefing

UTC = timezone.utc


def fires(schedule: Schedule, start: datetime, end: datetime) -> list[datetime]:
    """Every fire time of `schedule` in [start, end), in UTC."""
    fire, out, prev, now = trigger(schedule), [], None, start
    while (when := fire.get_next_fire_time(prev, now)) is not None and when < end:
        out.append(when.astimezone(UTC))
        prev, now = when, just_after(when)
    return out


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- daylight saving --------------------------------------------------------------------------------------

@pytest.mark.parametrize("zone, start, expected", [
    # Europe/Berlin springs forward on 29 Mar 2026 (02:00 -> 03:00) and falls back on 25 Oct 2026
    ("Europe/Berlin", utc(2026, 3, 27), [utc(2026, 3, 27, 6), utc(2026, 3, 28, 6), utc(2026, 3, 29, 5), utc(2026, 3, 30, 5)]),
    ("Europe/Berlin", utc(2026, 10, 23), [utc(2026, 10, 23, 5), utc(2026, 10, 24, 5), utc(2026, 10, 25, 6), utc(2026, 10, 26, 6)]),
    # America/New_York springs forward on 8 Mar 2026 and falls back on 1 Nov 2026
    ("America/New_York", utc(2026, 3, 6, 5), [utc(2026, 3, 6, 12), utc(2026, 3, 7, 12), utc(2026, 3, 8, 11), utc(2026, 3, 9, 11)]),
    ("America/New_York", utc(2026, 10, 30, 5), [utc(2026, 10, 30, 11), utc(2026, 10, 31, 11), utc(2026, 11, 1, 12), utc(2026, 11, 2, 12)]),
])
def test_0700_stays_0700_local_across_dst(zone, start, expected):
    schedule = Schedule.parse(at="07:00", tz=zone)
    got = fires(schedule, start, start + timedelta(days=4))
    assert got == expected
    assert {t.astimezone(ZoneInfo(zone)).strftime("%H:%M") for t in got} == {"07:00"}


@pytest.mark.parametrize("zone, day, expected_utc, local", [
    # 02:30 does not exist on spring-forward day: it posts once, at 03:30 local (an hour later)
    ("Europe/Berlin", (2026, 3, 29), [utc(2026, 3, 29, 1, 30)], "03:30"),
    ("America/New_York", (2026, 3, 8), [utc(2026, 3, 8, 7, 30)], "03:30"),
    # 02:30 happens twice in Berlin on fall-back day: it posts once, at the first 02:30
    ("Europe/Berlin", (2026, 10, 25), [utc(2026, 10, 25, 0, 30)], "02:30"),
    # New York repeats 01:00-02:00, so 02:30 happens once
    ("America/New_York", (2026, 11, 1), [utc(2026, 11, 1, 7, 30)], "02:30"),
])
def test_0230_posts_exactly_once_on_dst_days(zone, day, expected_utc, local):
    tz = ZoneInfo(zone)
    start = datetime(*day, tzinfo=tz)
    got = fires(Schedule.parse(at="02:30", tz=zone), start, start + timedelta(hours=23))
    assert got == expected_utc
    assert got[0].astimezone(tz).strftime("%H:%M") == local


def test_repeated_local_hour_posts_once_in_new_york():
    start = datetime(2026, 11, 1, tzinfo=ZoneInfo("America/New_York"))
    got = fires(Schedule.parse(at="01:30", tz="America/New_York"), start, start + timedelta(hours=24))
    assert got == [utc(2026, 11, 1, 5, 30)]  # 01:30 EDT; not again at 01:30 EST


def test_days_before_and_after_dst_keep_one_post_a_day():
    for zone in ("Europe/Berlin", "America/New_York"):
        start = datetime(2026, 3, 1, tzinfo=ZoneInfo(zone))
        got = fires(Schedule.parse(at="02:30", tz=zone), start, start + timedelta(days=250))
        days = [t.astimezone(ZoneInfo(zone)).date() for t in got]
        assert len(days) == len(set(days)) == 250


# --- crontab semantics ------------------------------------------------------------------------------------

SUNDAY = datetime(2026, 11, 29, tzinfo=UTC)  # a Sunday


def weekdays_of(expr: str, days: int = 14) -> list[str]:
    got = fires(Schedule.parse(cron=expr, tz="UTC"), SUNDAY - timedelta(days=6), SUNDAY - timedelta(days=6) + timedelta(days=days))
    return [t.strftime("%a") for t in got]


def test_crontab_0_and_7_are_sunday():
    assert weekdays_of("0 9 * * 0") == ["Sun", "Sun"]
    assert weekdays_of("0 9 * * 7") == ["Sun", "Sun"]
    assert weekdays_of("0 9 * * sun") == ["Sun", "Sun"]
    # the trap this avoids: APScheduler's own from_crontab takes 0 as Monday
    aps = CronTrigger.from_crontab("0 9 * * 0", timezone=UTC)
    assert aps.get_next_fire_time(None, SUNDAY).strftime("%a") == "Mon"


def test_crontab_ranges_lists_and_steps():
    assert weekdays_of("0 9 * * 1-5", 7) == ["Mon", "Tue", "Wed", "Thu", "Fri"]
    assert sorted(weekdays_of("0 9 * * 1,3,5", 7)) == ["Fri", "Mon", "Wed"]
    assert sorted(weekdays_of("0 9 * * */2", 7)) == ["Sat", "Sun", "Thu", "Tue"]  # 0,2,4,6
    assert sorted(weekdays_of("0 9 * * 1-5/2", 7)) == ["Fri", "Mon", "Wed"]
    assert sorted(weekdays_of("0 9 * * 5-7", 7)) == ["Fri", "Sat", "Sun"]
    assert cron_trigger_kwargs("0 9 * * 1-5")[0]["day_of_week"] == "mon,tue,wed,thu,fri"


def test_crontab_day_of_month_or_day_of_week():
    # crontab(5): with both restricted, a day matching either one runs (13th of the month, or any Friday)
    got = fires(Schedule.parse(cron="0 9 13 * 5", tz="UTC"), utc(2026, 11, 1), utc(2026, 12, 1))
    assert [t.day for t in got] == [6, 13, 20, 27]  # Fridays of Nov 2026 and Friday the 13th
    got = fires(Schedule.parse(cron="0 9 1 * 1", tz="UTC"), utc(2026, 11, 1), utc(2026, 12, 1))
    assert [t.day for t in got] == [1, 2, 9, 16, 23, 30]


def test_crontab_minutes_hours_months_and_zone():
    got = fires(Schedule.parse(cron="*/20 6-7 * jan,feb *", tz="Europe/Berlin"), utc(2026, 1, 5), utc(2026, 1, 6))
    assert [t.astimezone(ZoneInfo("Europe/Berlin")).strftime("%H:%M") for t in got] == [
        "06:00", "06:20", "06:40", "07:00", "07:20", "07:40"]
    assert fires(Schedule.parse(cron="0 9 * 2 *", tz="UTC"), utc(2026, 3, 1), utc(2026, 12, 31)) == []


@pytest.mark.parametrize("kwargs, part", [
    ({"cron": "0 9 * *"}, "5 fields"),
    ({"cron": "60 9 * * *"}, "minute '60'"),
    ({"cron": "0 24 * * *"}, "hour '24'"),
    ({"cron": "0 9 0 * *"}, "day-of-month '0'"),
    ({"cron": "0 9 * 13 *"}, "month '13'"),
    ({"cron": "0 9 * * 8"}, "day-of-week '8'"),
    ({"cron": "0 9 * * 5-1"}, "backwards"),
    ({"cron": "*/0 9 * * *"}, "step"),
    ({"at": "24:00"}, "hour"),
    ({"at": "7.30"}, "HH:MM"),
    ({"at": "07:00", "days": "mon-fry"}, "'fry'"),
    ({"at": "07:00", "tz": "Europe/Berlim"}, "Europe/Berlim"),
    ({"at": "07:00", "cron": "* * * * *"}, "either"),
])
def test_errors_name_the_bad_part(kwargs, part):
    with pytest.raises(ScheduleError, match=part.replace("*", r"\*")):
        Schedule.parse(**{"tz": "UTC", **kwargs})


def test_day_names_and_zone_normalised():
    assert parse_days("Mon-Fri") == "mon-fri"
    assert parse_days("weekdays") == "mon-fri"
    assert parse_days("sat,sun,mon") == "mon,sat-sun" or parse_days("sat,sun,mon") == "mon,sat,sun"
    assert parse_days("mon-sun") is None and parse_days(None) is None
    assert Schedule.parse(at="7:05", tz="europe/berlin") == Schedule("Europe/Berlin", at="07:05")


def test_last_slot():
    daily = Schedule.parse(at="08:00", tz="UTC")
    assert last_slot(daily, utc(2026, 11, 25, 9, 30)) == utc(2026, 11, 25, 8)
    assert last_slot(daily, utc(2026, 11, 25, 8)) == utc(2026, 11, 25, 8)
    assert last_slot(daily, utc(2026, 11, 25, 7, 59)) == utc(2026, 11, 24, 8)
    yearly = Schedule.parse(cron="0 9 1 1 *", tz="UTC")
    assert last_slot(yearly, utc(2026, 11, 25)) == utc(2026, 1, 1, 9)
    minutely = Schedule.parse(cron="* * * * *", tz="UTC")
    assert last_slot(minutely, utc(2026, 11, 25, 9, 30, 59)) == utc(2026, 11, 25, 9, 30)


# --- the clock --------------------------------------------------------------------------------------------

class StubService:
    def brief(self, topic=None) -> Briefing:
        return Briefing(topic=topic, title=f"Briefing: {topic or 'overview'}")


class Recorder:
    """A `deliver` that records posts (the real REST delivery is tested in test_delivery.py)."""

    def __init__(self, delay: float = 0.0) -> None:
        self.posts: list[tuple[str, str]] = []
        self.delay = delay

    async def __call__(self, target, briefing, key=None) -> int:
        await asyncio.sleep(self.delay)
        self.posts.append((str(target), briefing.title))
        return 1


@pytest.fixture
def settings(url) -> Settings:
    return Settings(_env_file=None, database_url=url, misfire_grace_seconds=3600, timezone="UTC")


@pytest.fixture
def store(settings) -> Store:
    s = Store(settings.database_url)
    yield s
    s.close()


def make_clock(settings, store, deliver=None, **kw) -> Clock:
    kw.setdefault("poll_seconds", 0.1)
    kw.setdefault("lock_ttl", 1.0)
    return Clock(StubService(), store, deliver or Recorder(), grace=settings.misfire_grace_seconds, **kw)


def minute_ago_daily(minutes: int) -> Schedule:
    """A daily schedule whose last slot was `minutes` ago (UTC)."""
    return Schedule.parse(at=(datetime.now(UTC) - timedelta(minutes=minutes)).strftime("%H:%M"), tz="UTC")


async def test_restarted_twice_keeps_one_job_per_subscription(settings, store):
    subs = [store.add("slack", "C1", Schedule.parse(at="08:00", tz="UTC"), "nato"),
            store.add("discord", "42", Schedule.parse(cron="0 9 * * 1-5", tz="Europe/Berlin"))]
    for _ in range(3):
        clock = make_clock(settings, store)
        await clock.start()
        try:
            await clock.sync()  # a second sync changes nothing either
            jobs = clock.scheduler.get_jobs()
            assert sorted(j.id for j in jobs) == sorted(job_id(s.id) for s in subs)
            for job in jobs:
                assert (job.coalesce, job.max_instances, job.misfire_grace_time) == (True, 1, 3600)
        finally:
            await clock.stop()


async def test_changes_in_the_store_reach_the_running_clock(settings, store):
    clock = make_clock(settings, store)
    await clock.start()
    try:
        other = Store(settings.database_url)  # e.g. `python -m bot subscribe` in another process
        sub = other.add("slack", "C1", Schedule.parse(at="08:00", tz="UTC"))
        await wait_until(lambda: clock.scheduler.get_job(job_id(sub.id)) is not None)
        other.pause(sub.id, "manual")
        await wait_until(lambda: clock.scheduler.get_job(job_id(sub.id)) is None)
        other.resume(sub.id)
        await wait_until(lambda: clock.scheduler.get_job(job_id(sub.id)) is not None)
        other.delete(sub.id)
        await wait_until(lambda: not clock.scheduler.get_jobs())
        other.close()
    finally:
        await clock.stop()


async def wait_until(predicate, timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


async def test_same_slot_triggered_twice_posts_once(settings, store):
    sub = store.add("slack", "C1", Schedule.parse(at="08:00", tz="UTC"), "nato")
    recorder = Recorder(delay=0.05)
    clock = make_clock(settings, store, recorder)
    await clock.start()
    try:
        slot = utc(2026, 11, 25, 8)
        at = datetime.now(UTC) + timedelta(milliseconds=300)
        # two real APScheduler jobs firing for the same slot at the same moment
        for name in ("first", "second"):
            clock.scheduler.add_job(clock._fire, DateTrigger(at), args=[sub.id, slot], id=name)
        await wait_until(lambda: store.delivery(sub.id, slot) and store.delivery(sub.id, slot).state == "sent")
        await wait_until(lambda: not ({"first", "second"} & {j.id for j in clock.scheduler.get_jobs()}))  # both fired...
        await asyncio.gather(*clock._inflight)  # ...and whatever they started has ended
        assert recorder.posts == [("slack:C1", "Daily briefing — 2026-11-25 · Briefing: nato")]
        assert await clock.run_slot(sub.id, slot) == "duplicate"
        assert len(recorder.posts) == 1
    finally:
        await clock.stop()


async def test_concurrent_runs_of_one_slot_post_once(settings, store):
    sub = store.add("discord", "42", Schedule.parse(at="08:00", tz="UTC"))
    recorder = Recorder(delay=0.05)
    clock = make_clock(settings, store, recorder)
    slot = utc(2026, 11, 25, 8)
    results = await asyncio.gather(*(clock.run_slot(sub.id, slot) for _ in range(5)))
    assert sorted(results) == ["duplicate"] * 4 + ["sent"]
    assert len(recorder.posts) == 1
    assert store.delivery(sub.id, slot).state == "sent"
    assert store.get(sub.id).last_post_at is not None


async def test_killed_after_claiming_never_posts_twice(settings, store):
    sub = store.add("slack", "C1", minute_ago_daily(5), created_at=datetime.now(UTC) - timedelta(days=2))
    slot = last_slot(sub.schedule)
    assert store.claim(sub.id, slot)  # the "killed" process got this far, then died
    recorder = Recorder()
    clock = make_clock(settings, store, recorder)
    await clock.start()  # a new scheduler instance on the same store: it closes the dead claim as it starts
    try:
        assert store.delivery(sub.id, slot).state == "failed"
        await asyncio.gather(*clock._inflight)
        assert await clock.run_slot(sub.id, slot) == "duplicate"
        assert recorder.posts == []
        row = store.delivery(sub.id, slot)
        assert row.state == "failed" and row.error.startswith("interrupted")
    finally:
        await clock.stop()


async def test_missed_post_within_grace_is_sent_once(settings, store):
    sub = store.add("slack", "C1", minute_ago_daily(10), "nato", created_at=datetime.now(UTC) - timedelta(days=1))
    recorder = Recorder()
    for _ in range(2):  # the clock was down at the slot; it starts, then restarts
        clock = make_clock(settings, store, recorder)
        await clock.start()
        try:
            await wait_until(lambda: len(recorder.posts) >= 1)
            await asyncio.gather(*clock._inflight)  # the catch-up (where a repeat would come from) has ended
        finally:
            await clock.stop()
    assert len(recorder.posts) == 1
    assert [d.state for d in store.deliveries(sub.id)] == ["sent"]


async def test_missed_post_beyond_grace_is_skipped_once(settings, store, caplog):
    settings = settings.model_copy(update={"misfire_grace_seconds": 300})
    sub = store.add("slack", "C1", minute_ago_daily(10), "nato", created_at=datetime.now(UTC) - timedelta(days=1))
    recorder = Recorder()
    for _ in range(2):
        clock = make_clock(settings, store, recorder)
        await clock.start()  # the catch-up decides during start()
        await asyncio.gather(*clock._inflight)
        await clock.stop()
    assert recorder.posts == []
    rows = store.deliveries(sub.id)
    assert [r.state for r in rows] == ["skipped"] and "grace 300 s" in rows[0].error
    assert sum("skipped" in r.getMessage() for r in caplog.records) == 1


async def test_new_subscription_does_not_backfill(settings, store):
    sub = store.add("slack", "C1", minute_ago_daily(10), "nato")  # created now, its slot was 10 min ago
    recorder = Recorder()
    clock = make_clock(settings, store, recorder)
    await clock.start()  # the catch-up decides during start()
    await asyncio.gather(*clock._inflight)
    await clock.stop()
    assert recorder.posts == [] and store.deliveries(sub.id) == []


async def test_failed_briefing_marks_the_slot_failed(settings, store):
    class Broken(StubService):
        def brief(self, topic=None):
            raise RuntimeError("documents unreadable")

    sub = store.add("slack", "C1", Schedule.parse(at="08:00", tz="UTC"))
    clock = Clock(Broken(), store, Recorder(), grace=settings.misfire_grace_seconds)
    slot = utc(2026, 11, 25, 8)
    assert await clock.run_slot(sub.id, slot) == "failed"
    assert store.delivery(sub.id, slot).state == "failed"
    assert "documents unreadable" in store.get(sub.id).last_error
    assert store.get(sub.id).state == "active"


async def test_second_clock_on_the_same_store_refuses(settings, store):
    first = make_clock(settings, store)
    await first.start()
    try:
        second = make_clock(settings, Store(settings.database_url))
        started = time.monotonic()
        with pytest.raises(ClockLockedError, match="exactly one clock"):
            await second.start()
        assert time.monotonic() - started < 3
        assert second.scheduler is None
    finally:
        await first.stop()
    third = make_clock(settings, store)  # once the first stopped, a clock may start
    await third.start()
    await third.stop()


async def test_a_crashed_clocks_lock_is_taken_over_after_it_expires(settings, store):
    store.acquire_lock("crashed-host:1:dead", ttl=0.5)  # never heartbeats again
    clock = make_clock(settings, store)
    started = time.monotonic()
    await clock.start()
    try:
        assert time.monotonic() - started < 2.5
        assert store.lock_holder()[0] == clock.owner
    finally:
        await clock.stop()
    assert store.lock_holder() is None


async def test_run_mode_clock_stands_by_and_takes_over(settings, store):
    dedicated = make_clock(settings, store)
    await dedicated.start()
    embedded = make_clock(settings, Store(settings.database_url), standby=True)  # inside `python -m bot run`
    await embedded.start()  # does not refuse: the chat adapters in that process keep running
    try:
        await asyncio.sleep(0.3)
        assert dedicated.active and not embedded.active
        await dedicated.stop()
        await wait_until(lambda: embedded.active)
        assert store.lock_holder()[0] == embedded.owner
    finally:
        await embedded.stop()
        await dedicated.stop()


async def test_dedicated_clock_preempts_a_run_mode_clock(settings, store):
    store.add("slack", "C1", Schedule.parse(at="08:00", tz="UTC"))
    embedded = make_clock(settings, Store(settings.database_url), standby=True)
    await embedded.start()
    assert embedded.active and len(embedded.scheduler.get_jobs()) == 1
    dedicated = make_clock(settings, store)
    started = time.monotonic()
    await dedicated.start()  # the Procfile's `clock` wins over `worker: python -m bot run`
    try:
        assert time.monotonic() - started < 0.5 and dedicated.active
        await wait_until(lambda: not embedded.active)
        assert len(dedicated.scheduler.get_jobs()) == 1
        assert store.lock_holder()[0] == dedicated.owner
    finally:
        await dedicated.stop()
        await embedded.stop()
