"""Operator CLI: `subscribe`, `subscriptions`, `unsubscribe`, `post` (each f(args, settings) -> exit status)."""
from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.app.errors import BriefingError, DeliveryError, PermanentDeliveryError, UsageError
from bot.app.ports import ACTIVE, Deliver, Target
from bot.app.schedules import Schedule, parse_zone
from bot.app.subscriptions import (briefing_name, dated, known_topic, local_time, next_run_text, parse_target,
                                quiet_text)
from bot.cli.basics import build_service, chosen_story
from bot.cli.model import with_writer
from bot.cli.wiring import build_poster, open_store
from bot.infra.triggers import next_run
from config.settings import Settings
from summarizer import Briefing


def subscribe(args: argparse.Namespace, settings: Settings) -> int:
    target = parse_target(args.target)
    if args.cron is not None and args.days is not None:
        raise UsageError("--days goes with --at; put the days in the cron expression instead")
    schedule = Schedule.parse(at=args.at, days=args.days, cron=args.cron, tz=args.tz or settings.timezone)
    story = chosen_story(settings, getattr(args, "story", None), args.topic)
    topic = known_topic(build_service(settings, story=story, topic=args.topic), args.topic)
    sub = open_store(settings).add(target.platform, target.channel, schedule, topic, created_by="cli", story=story,
                                   quiet=args.quiet)
    print(f"subscription {sub.id}: {sub.target} {briefing_name(story, topic)} {schedule.describe()}"
          f"{', ' + quiet_text(sub) if sub.quiet else ''}; "
          f"next run {next_run_text(sub, next_run)}")
    return 0


def list_subscriptions(args: argparse.Namespace, settings: Settings) -> int:
    subs = open_store(settings).list()
    if not subs:
        print("no subscriptions (add one with: python -m bot subscribe slack:CHANNEL --at 08:00)")
        return 0
    stories = any(sub.story for sub in subs)  # a STORY column only where the documents root holds stories
    story_column = (lambda sub: (sub.story or "-",)) if stories else (lambda sub: ())
    rows = [("ID", "TARGET", *(("STORY",) if stories else ()), "TOPIC", "SCHEDULE", "NEXT RUN", "LAST POST",
             "STATE")]
    for sub in subs:
        state = sub.state + (f": {sub.paused_reason}" if sub.paused_reason else "")
        if sub.state == ACTIVE and sub.last_error:
            state += f" (last error: {sub.last_error})"
        state += f" · {quiet_text(sub)}" if sub.quiet else ""
        rows.append((str(sub.id), sub.target, *story_column(sub), sub.topic or "overview", sub.schedule.describe(),
                     next_run_text(sub, next_run), local_time(sub.last_post_at, sub.schedule.timezone), state))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1])
    return 0


def unsubscribe(args: argparse.Namespace, settings: Settings) -> int:
    if not open_store(settings).delete(args.id):
        raise BriefingError(f"no subscription {args.id} (see: python -m bot subscriptions)")
    print(f"unsubscribed {args.id}")
    return 0


def post(args: argparse.Namespace, settings: Settings) -> int:
    """One-off post of a briefing to every --to target (no ledger: an operator action, not a slot)."""
    targets = [parse_target(text) for text in args.to]
    words = " ".join(args.topic)
    service = build_service(settings, story=getattr(args, "story", None), topic=words or None)
    topic = known_topic(service, words)
    try:
        today = datetime.now(ZoneInfo(parse_zone(settings.timezone))).date()
    except UsageError as exc:
        raise UsageError(f"BRIEFING_TIMEZONE: {exc}") from None
    briefing = dated(with_writer(settings, service, wait=True).brief(topic), today, label="Briefing")
    return asyncio.run(_post_all(build_poster(settings), targets, briefing))


async def _post_all(deliver: Deliver, targets: list[Target], briefing: Briefing) -> int:
    results = await asyncio.gather(*(deliver(t, briefing) for t in targets), return_exceptions=True)
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
