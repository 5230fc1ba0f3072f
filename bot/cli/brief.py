"""`brief` and `topics`: the terminal adapter."""
from __future__ import annotations

import argparse
import sys
from datetime import datetime

from bot.app.errors import UsageError
from bot.app.freshness import AGES, moment_ago, since_briefing
from bot.app.service import BriefingService
from bot.cli.basics import build_service
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
    # 'since' briefs only the new statements, each marked, with offline lines (the model writer briefs whole topics)
    briefing = since_briefing(service, topic, since) if since else with_writer(settings, service,
                                                                                 wait=True).brief(topic)
    print(render_briefing(briefing, args.format))
    return 0


def parse_since(text: str, now: datetime | None = None) -> datetime:
    """'30m', '24h', '7d', 'yesterday' -> the moment that long ago (UTC)."""
    try:
        return moment_ago(text, now)
    except UsageError:
        raise UsageError(f"--since {text}: give an age such as {AGES}") from None


def run_topics(args: argparse.Namespace, settings: Settings) -> int:
    service = _service(args, settings)
    analysis = service.analysis()
    print(render_topics(analysis.topics, analysis.parties, args.format))
    return 0
