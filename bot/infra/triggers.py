"""APScheduler triggers of a Schedule: next and last fire times, a repeated wall-clock time posting once."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.combining import OrTrigger
from apscheduler.triggers.cron import CronTrigger

from bot.app.schedules import Schedule, cron_trigger_kwargs

MAX_FOLD_SKIPS = 1000  # repeated wall-clock times skipped in a row before giving up (never reached in practice)
# How far last_slot looks back, widening step by step so a minutely schedule costs little and a yearly one works.
LOOK_BACK = (timedelta(hours=2), timedelta(days=2), timedelta(days=40), timedelta(days=400))
MAX_SLOTS_PER_WINDOW = 20000


def just_after(when: datetime) -> datetime:
    """A microsecond later, computed in UTC: local arithmetic would drop `fold` and step back an hour."""
    return when.astimezone(timezone.utc) + timedelta(microseconds=1)


class OncePerWallClock(BaseTrigger):
    """Skips the second pass of a repeated local time (DST fall-back), so 02:30 posts once, as cron does."""

    def __init__(self, inner: BaseTrigger) -> None:
        self.inner = inner

    def get_next_fire_time(self, previous_fire_time, now):
        for _ in range(MAX_FOLD_SKIPS):
            when = self.inner.get_next_fire_time(previous_fire_time, now)
            if when is None or not (when.fold and when.replace(fold=0).utcoffset() != when.utcoffset()):
                return when
            previous_fire_time, now = when, just_after(when)
        return None

    def __str__(self) -> str:
        return str(self.inner)


def trigger(schedule: Schedule) -> BaseTrigger:
    """The APScheduler trigger that fires at every slot of `schedule`."""
    tz = ZoneInfo(schedule.timezone)
    if schedule.cron is not None:
        parts = [CronTrigger(**kwargs, timezone=tz) for kwargs in cron_trigger_kwargs(schedule.cron)]
        inner = parts[0] if len(parts) == 1 else OrTrigger(parts)
    else:
        hour, minute = schedule.at.split(":")
        inner = CronTrigger(hour=int(hour), minute=int(minute), day_of_week=schedule.days, timezone=tz)
    return OncePerWallClock(inner)


def next_run(schedule: Schedule, now: datetime | None = None) -> datetime | None:
    """The next slot after `now` (default: the present)."""
    now = now or datetime.now(timezone.utc)
    return trigger(schedule).get_next_fire_time(None, now)


def last_slot(schedule: Schedule, now: datetime | None = None) -> datetime | None:
    """The latest scheduled time at or before `now` (UTC), looking back at most ~400 days."""
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    fires = trigger(schedule)
    for window in LOOK_BACK:
        last, when = None, fires.get_next_fire_time(None, now - window)
        for _ in range(MAX_SLOTS_PER_WINDOW):
            if when is None or when > now:
                break
            last = when
            when = fires.get_next_fire_time(when, just_after(when))
        if last is not None:
            return last.astimezone(timezone.utc)
    return None
