"""`python -m bot ingest [--docs DIR]`: bring the index up to date (progress on a terminal, else one line)."""
from __future__ import annotations

import argparse
import sys
import time

from bot.cli.basics import build_story_folders
from bot.infra.index import IndexedFolder
from bot.infra.web import fetch_into
from config.settings import Settings
from summarizer.search import ClaimSearch


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Ingest the folder (each story of a root of stories), then keep the briefing of every topic and the overview."""
    corpora = build_story_folders(settings, documents=args.docs, profile=args.profile, story=args.story)
    for name, corpus in corpora.items():
        line = _ingest_one(corpus, settings, fetch=len(corpora) == 1)
        print(f"{name}: {line}" if len(corpora) > 1 else line)
    return 0


def _ingest_one(corpus: IndexedFolder, settings: Settings, fetch: bool) -> str:
    tty = sys.stderr.isatty()
    start = time.perf_counter()
    progress = _progress if tty else None
    if fetch and (settings.feeds or settings.urls):
        summary = fetch_into(corpus, settings.feeds, settings.urls, _warn, progress)
    else:
        summary = corpus.refresh(_warn, progress)
    if tty:
        print(file=sys.stderr)
    analysis = corpus.index.analysis(corpus.story, corpus.profile())
    corpus.store_briefings(ClaimSearch.build(analysis), [t.key for t in analysis.topics] + [None])
    line = summary.line() if summary else f"{len(analysis.documents)} documents: up to date"
    return f"{line} ({time.perf_counter() - start:.1f} s)"


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def _progress(phase: str, done: int, total: int) -> None:
    width = 30
    filled = width * done // total if total else width
    print(f"\r{phase:<10} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end="", file=sys.stderr,
          flush=True)
