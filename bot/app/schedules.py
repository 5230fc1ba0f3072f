"""Subscription schedules: `at HH:MM [days] [tz]` or a 5-field crontab, validated (pure; triggers: infra).

APScheduler 3 numbers day-of-week from 0 = Monday, even in `CronTrigger.from_crontab`; crontab numbers from
0 = Sunday (and 7 = Sunday too). So crontab expressions are parsed here and only day *names* reach APScheduler
(bot/infra/triggers.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.app.errors import ScheduleError

WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # APScheduler's order
CRON_DOW = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")  # crontab number -> name (0 and 7: Sunday)
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
FULL_DAYS = {d[:3]: d for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")}
DAY_ALIASES = {"weekdays": "mon-fri", "weekday": "mon-fri", "weekends": "sat,sun", "weekend": "sat,sun"}
EVERY_DAY = ("", "*", "daily", "every day", "everyday", "all", "mon-sun")
DEFAULT_AT = "08:00"  # the daily post time when the user gives none
MAX_CRON = 120  # characters of a crontab expression (the store's column)


def parse_time(text: str) -> str:
    """'8:05' -> '08:05'."""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", (text or "").strip())
    if not match:
        raise ScheduleError(f"time {text!r}: expected HH:MM, e.g. 08:00")
    hour, minute = int(match[1]), int(match[2])
    if hour > 23:
        raise ScheduleError(f"time {text!r}: hour must be 00-23")
    if minute > 59:
        raise ScheduleError(f"time {text!r}: minute must be 00-59")
    return f"{hour:02d}:{minute:02d}"


@lru_cache(maxsize=1)
def _zones_by_lower() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def parse_zone(name: str) -> str:
    """An IANA zone name, matched case-insensitively ('europe/berlin' -> 'Europe/Berlin')."""
    key = (name or "").strip()
    canonical = _zones_by_lower().get(key.lower(), key)
    try:
        ZoneInfo(canonical)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"time zone {name!r}: not an IANA zone name (e.g. Europe/Berlin, UTC)") from None
    return canonical


def _day(token: str, original: str) -> int:
    short = token[:3]
    if short in FULL_DAYS and token in (short, FULL_DAYS[short]):
        return WEEK.index(short)
    raise ScheduleError(f"days {original!r}: {token!r} is not a day name (mon, tue, ... sun)")


def parse_days(text: str | None) -> str | None:
    """'mon-fri', 'Mon,Wed,Fri', 'weekdays' -> a normalised day list; None means every day."""
    original = text or ""
    spec = DAY_ALIASES.get(original.strip().lower(), original.strip().lower())
    if spec in EVERY_DAY:
        return None
    chosen: set[int] = set()
    for part in spec.replace(" ", "").split(","):
        first, dash, last = part.partition("-")
        if not first or (dash and not last):
            raise ScheduleError(f"days {original!r}: {part!r} is not a day or a range like mon-fri")
        start = _day(first, original)
        end = _day(last, original) if dash else start
        chosen.update((start + i) % 7 for i in range((end - start) % 7 + 1))
    return None if len(chosen) == 7 else compact_days(chosen)


def compact_days(days: set[int]) -> str:
    """{0,1,2,3,4} -> 'mon-fri'; {0,2,4} -> 'mon,wed,fri' (APScheduler accepts both)."""
    ordered, parts, i = sorted(days), [], 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        parts.append(WEEK[ordered[i]] if i == j else f"{WEEK[ordered[i]]}{',' if j == i + 1 else '-'}{WEEK[ordered[j]]}")
        i = j + 1
    return ",".join(parts)


def _cron_value(token: str, field: str, lo: int, hi: int, names: tuple[str, ...] | None, base: int) -> int:
    if names and token.lower() in names:
        return names.index(token.lower()) + base
    if not token.isdigit() or not lo <= int(token) <= hi:
        raise ScheduleError(f"cron {field} {token!r}: expected a number {lo}-{hi}" + (" or a name" if names else ""))
    return int(token)


def cron_field(text: str, field: str, lo: int, hi: int, names: tuple[str, ...] | None = None, base: int = 0) -> set[int]:
    """Expand one crontab field ('*', '*/2', '1-5', '1,3,5', '10-20/5', names) to its set of numbers."""
    values: set[int] = set()
    for part in text.split(","):
        spec, slash, step_text = part.partition("/")
        if slash and (not step_text.isdigit() or int(step_text) == 0):
            raise ScheduleError(f"cron {field} {part!r}: step must be a positive number")
        step = int(step_text) if slash else 1
        if spec == "*":
            start, end = lo, hi
        else:
            first, dash, last = spec.partition("-")
            start = _cron_value(first, field, lo, hi, names, base)
            end = _cron_value(last, field, lo, hi, names, base) if dash else (hi if slash else start)
            if end < start:
                raise ScheduleError(f"cron {field} {part!r}: range runs backwards")
        values.update(range(start, end + 1, step))
    return values


def _csv(values: set[int], full: int = 0) -> str:
    return "*" if len(values) == full else ",".join(str(v) for v in sorted(values))


def cron_trigger_kwargs(expr: str) -> list[dict]:
    """A 5-field crontab -> CronTrigger kwargs (two sets when crontab's day-of-month OR day-of-week rule applies)."""
    fields = (expr or "").split()
    if len(fields) != 5:
        raise ScheduleError(
            f"cron {expr!r}: needs 5 fields (minute hour day-of-month month day-of-week), got {len(fields)}"
        )
    minute, hour, dom, month, dow = fields
    common = {
        "minute": _csv(cron_field(minute, "minute", 0, 59), 60),
        "hour": _csv(cron_field(hour, "hour", 0, 23), 24),
        "month": _csv(cron_field(month, "month", 1, 12, MONTHS, base=1), 12),
    }
    days = cron_field(dom, "day-of-month", 1, 31)
    weekdays = {WEEK.index(CRON_DOW[n]) for n in cron_field(dow, "day-of-week", 0, 7, CRON_DOW[:7])}
    by_day = {"day": _csv(days)} if len(days) < 31 else {}
    by_weekday = {"day_of_week": ",".join(WEEK[d] for d in sorted(weekdays))} if len(weekdays) < 7 else {}
    # crontab(5): when both day fields are restricted (neither starts with '*'), a day matching EITHER runs.
    if by_day and by_weekday and not dom.startswith("*") and not dow.startswith("*"):
        return [{**common, **by_day}, {**common, **by_weekday}]
    return [{**common, **by_day, **by_weekday}]


@dataclass(frozen=True)
class Schedule:
    """When a subscription posts: a daily time (+ day names) or a crontab, in an IANA zone."""

    timezone: str
    at: str | None = None
    days: str | None = None
    cron: str | None = None

    @classmethod
    def parse(cls, at: str | None = None, days: str | None = None, cron: str | None = None,
              tz: str = "UTC") -> "Schedule":
        """Validate user input; exactly one of `at` and `cron`."""
        zone = parse_zone(tz)
        if cron is not None:
            if at is not None or days is not None:
                raise ScheduleError("give either a cron expression or a time with days, not both")
            expr = " ".join(cron.split())
            if len(expr) > MAX_CRON:
                raise ScheduleError(f"cron expression of {len(expr)} characters: at most {MAX_CRON}")
            cron_trigger_kwargs(expr)
            return cls(zone, cron=expr)
        return cls(zone, at=parse_time(at if at is not None else DEFAULT_AT), days=parse_days(days))

    def describe(self) -> str:
        if self.cron is not None:
            return f"cron '{self.cron}' ({self.timezone})"
        return f"{self.at} {self.days or 'daily'} ({self.timezone})"
