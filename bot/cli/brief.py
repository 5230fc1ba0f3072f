"""`brief` and `topics`: the terminal adapter."""
from __future__ import annotations

import argparse
import sys

from bot.app.service import BriefingService
from bot.cli.basics import build_service
from bot.cli.model import with_writer
from bot.render.terminal import render_briefing, render_topics
from config.settings import Settings


def _service(args: argparse.Namespace, settings: Settings) -> BriefingService:
    return build_service(settings, documents=args.docs, profile=args.profile, warn=_warn)


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def run_brief(args: argparse.Namespace, settings: Settings) -> int:
    service = _service(args, settings)
    topic = " ".join(args.topic).strip() or None
    briefing = with_writer(settings, service, wait=True).brief(topic)
    print(render_briefing(briefing, args.format))
    return 0


def run_topics(args: argparse.Namespace, settings: Settings) -> int:
    service = _service(args, settings)
    analysis = service.analysis()
    print(render_topics(analysis.topics, analysis.parties, args.format))
    return 0
