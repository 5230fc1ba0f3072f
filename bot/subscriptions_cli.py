"""Operator CLI: `subscribe`, `subscriptions`, `unsubscribe`, `post` (each f(args, settings) -> exit status)."""
from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.delivery import DeliveryError, PermanentDeliveryError, Target, dated, parse_target, post_briefing
from bot.schedules import Schedule, ScheduleError, parse_zone
from bot.store import Store
from bot.subscription_commands import local_time, next_run
from config.settings import Settings


def _usage(message: str) -> Exception:
    from bot.cli import UsageError

    return UsageError(message)


def _target(text: str) -> Target:
    try:
        return parse_target(text)
    except ValueError as exc:
        raise _usage(str(exc)) from None


def _topic(service, words: str | None) -> str | None:
    """A known topic (canonical key when the summarizer resolves one), or a usage error with suggestions."""
    if not words or not words.strip():
        return None
    briefing = service.brief(words.strip())
    if briefing.is_empty:
        known = ", ".join(service.suggest(words.strip())) or "none"
        raise _usage(f"topic {words!r}: nothing found; closest known topics: {known}")
    return briefing.topic or words.strip()


def subscribe(args: argparse.Namespace, settings: Settings) -> int:
    from bot.runner import build_service

    target = _target(args.target)
    if args.cron is not None and args.days is not None:
        raise _usage("--days goes with --at; put the days in the cron expression instead")
    try:
        schedule = Schedule.parse(at=args.at, days=args.days, cron=args.cron, tz=args.tz or settings.timezone)
    except ScheduleError as exc:
        raise _usage(str(exc)) from None
    topic = _topic(build_service(settings), args.topic)
    sub = Store(settings.database_url).add(target.platform, target.channel, schedule, topic, created_by="cli")
    print(f"subscription {sub.id}: {sub.target} {topic or 'overview'} {schedule.describe()}; "
          f"next run {next_run(sub)}")
    return 0


def list_subscriptions(args: argparse.Namespace, settings: Settings) -> int:
    subs = Store(settings.database_url).list()
    if not subs:
        print("no subscriptions (add one with: python -m bot subscribe slack:CHANNEL --at 08:00)")
        return 0
    rows = [("ID", "TARGET", "TOPIC", "SCHEDULE", "NEXT RUN", "LAST POST", "STATE")]
    for sub in subs:
        state = sub.state + (f": {sub.paused_reason}" if sub.paused_reason else "")
        if sub.state == "active" and sub.last_error:
            state += f" (last error: {sub.last_error})"
        rows.append((str(sub.id), sub.target, sub.topic or "overview", sub.schedule.describe(), next_run(sub),
                     local_time(sub.last_post_at, sub.schedule.timezone), state))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1])
    return 0


def unsubscribe(args: argparse.Namespace, settings: Settings) -> int:
    if not Store(settings.database_url).delete(args.id):
        print(f"error: no subscription {args.id} (see: python -m bot subscriptions)", file=sys.stderr)
        return 1
    print(f"unsubscribed {args.id}")
    return 0


def post(args: argparse.Namespace, settings: Settings) -> int:
    """One-off post of a briefing to every --to target (no ledger: an operator action, not a slot)."""
    from bot.runner import build_service

    targets = [_target(text) for text in args.to]
    service = build_service(settings)
    topic = _topic(service, " ".join(args.topic))
    try:
        today = datetime.now(ZoneInfo(parse_zone(settings.timezone))).date()
    except ScheduleError as exc:
        raise _usage(f"BRIEFING_TIMEZONE: {exc}") from None
    briefing = dated(service.brief(topic), today, label="Briefing")
    return asyncio.run(_post_all(settings, targets, briefing))


async def _post_all(settings: Settings, targets: list[Target], briefing) -> int:
    results = await asyncio.gather(*(post_briefing(settings, t, briefing) for t in targets), return_exceptions=True)
    status = 0
    for target, result in zip(targets, results):
        if isinstance(result, BaseException):
            if not isinstance(result, DeliveryError):
                raise result
            kind = "permanent error" if isinstance(result, PermanentDeliveryError) else "failed"
            print(f"{target}: {kind}: {result}", file=sys.stderr)
            status = 1
        else:
            print(f"{target}: posted")
    return status
