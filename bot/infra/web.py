"""Feeds and pages into a story's index (kept apart from the index so a briefing never loads the extractor)."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.infra.feeds import refresh as refresh_sources
from bot.infra.fetch import Fetcher, Validators
from bot.infra.index import IndexedFolder
from bot.infra.ingest import IngestSummary, Progress

Warn = Callable[[str], None]


def fetch_into(corpus: IndexedFolder, feeds: Sequence[str], pages: Sequence[str], warn: Warn,
               progress: Progress | None = None, fetcher: Fetcher | None = None) -> IngestSummary:
    """Fetch the feeds and pages (conditional GET with stored validators), then ingest the folder and what is new."""
    store = corpus.index.store
    known = {url: Validators(*v) for url, v in store.validators().items()}
    seen = {d for d in store.documents(corpus.story) if d.startswith(("http://", "https://"))}
    client = fetcher or Fetcher()
    try:
        result = refresh_sources(client, feeds, pages, known, seen, warn)
    finally:
        if fetcher is None:
            client.close()
    store.save_validators({url: (v.etag, v.last_modified) for url, v in result.validators.items()})
    return corpus.index.ingest(corpus.story, corpus.folder.folder, corpus.folder.profile_path, corpus.profile(),
                               warn, progress, result.articles)
