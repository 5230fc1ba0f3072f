"""`brief` and `topics`: the terminal adapter."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.render import render_briefing, render_topics
from bot.service import BriefingService
from config.settings import Settings


def _service(args: argparse.Namespace, settings: Settings) -> BriefingService:
    from bot.cli import UsageError

    docs: Path = args.docs if args.docs is not None else settings.documents
    if not docs.is_dir():
        raise UsageError(f"{docs}: documents folder not found or not a folder")
    profile = args.profile if args.profile is not None else settings.profile
    if profile in ("auto", Path("auto")):
        service = BriefingService(docs, None, warn=_warn)
        service.profile_path = None
        return service
    return BriefingService(docs, Path(profile) if profile else None, warn=_warn)


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def run_brief(args: argparse.Namespace, settings: Settings) -> int:
    service = _service(args, settings)
    topic = " ".join(args.topic).strip() or None
    briefing = service.brief(topic)
    print(render_briefing(briefing, args.format))
    return 0


def run_topics(args: argparse.Namespace, settings: Settings) -> int:
    service = _service(args, settings)
    analysis = service.analysis()
    print(render_topics(analysis.topics, analysis.parties, args.format))
    return 0
