"""`brief` answered from the briefing stored for the index's current state, in a process that loads neither
SQLAlchemy nor the analysis (a terminal briefing should take well under a second; see bot/__main__.py).

It answers only when it can be sure the answer is the one the full path would give: a plain SQLite store, no
model writer, no --since, the story's last ingest made from the folder and profile exactly as they are now, and
a briefing stored for that ingest (by `ingest`, or by an earlier `brief` of the same question). Anything else,
errors included, is left to the full path (bot/cli/terminal.py), which says what is wrong as always.
"""
from __future__ import annotations

import argparse
from collections.abc import Sequence

from bot.app.errors import BriefingError
from bot.cli.dispatch import EXIT_INTERRUPTED, guarded, load_settings
from bot.cli.parser import build_parser
from bot.infra.briefing_store import read_stored
from bot.infra.folders import StoryFolder, scan, signature, story_key
from bot.infra.stories import story_folder
from bot.render.terminal import render_briefing
from config.settings import Settings


def answer(argv: Sequence[str]) -> int | None:
    """The exit status of a `brief` answered from the store; None when the full path must answer."""
    if list(argv[:1]) != ["brief"]:
        return None
    args = build_parser().parse_args(argv)
    try:
        text = stored_text(args, load_settings())
    except (BriefingError, OSError, ValueError):
        return None  # the full path meets the same problem and says what it is
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return None if text is None else guarded(lambda: print(text))


def stored_text(args: argparse.Namespace, settings: Settings) -> str | None:
    """The rendered stored briefing, or None when there is none for the folder as it is now."""
    if args.since or settings.llm is not None:
        return None  # 'since' narrows the analysis; a model writer rewrites lines
    topic = " ".join(args.topic).strip() or None
    root = args.docs if args.docs is not None else settings.documents
    folder = StoryFolder.open(story_folder(root, args.story, topic),
                              args.profile if args.profile is not None else settings.profile)
    current = signature(scan(folder.folder), folder.profile_path, folder.profile())
    briefing = read_stored(settings.database_url, story_key(folder.folder), topic, current)
    return None if briefing is None else render_briefing(briefing, args.format)
