"""`brief` and `topics`: the terminal adapter."""
from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone

from bot.app.errors import UsageError
from bot.app.service import BriefingService
from bot.cli.basics import age, build_service
from bot.cli.model import with_writer
from bot.render.terminal import render_briefing, render_topics
from config.settings import Settings


def _service(args: argparse.Namespace, settings: Settings, topic: str | None = None) -> BriefingService:
    return build_service(settings, documents=args.docs, profile=args.profile, warn=_warn, story=args.story,
                         topic=topic)


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def run_brief(args: argparse.Namespace, settings: Settings) -> int:
    topic = " ".join(args.topic).strip() or None
    since = parse_since(args.since) if args.since else None
    service = _service(args, settings, topic)
    # 'since' briefs only the new statements, with offline lines (the model writer briefs whole topics)
    briefing = service.brief(topic, since=since) if since else with_writer(settings, service, wait=True).brief(topic)
    print(render_briefing(briefing, args.format))
    return 0


def parse_since(text: str, now: datetime | None = None) -> datetime:
    """'30m', '24h', '7d', 'yesterday' -> the moment that long ago (UTC)."""
    try:
        return (now or datetime.now(timezone.utc)) - age(text)
    except UsageError:
        raise UsageError(f"--since {text}: give an age such as 30m, 24h, 7d or 'yesterday'") from None


def run_topics(args: argparse.Namespace, settings: Settings) -> int:
    service = _service(args, settings)
    analysis = service.analysis()
    print(render_topics(analysis.topics, analysis.parties, args.format))
    return 0
