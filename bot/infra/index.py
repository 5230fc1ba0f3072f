"""The index as the service sees it: bring a story up to date when its folder changed, and read its analysis."""
from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

from bot.infra import index_work as work
from bot.infra.index_codec import found_from_plain, unpack
from bot.infra.index_store import IndexStore
from bot.infra.ingest import Ingest, IngestSummary, Progress, doc_order, scan, signature
from summarizer import Analysis, Document, Profile
from summarizer.analysis import assemble
from summarizer.extraction import lexicon_of, parties_of

Warn = Callable[[str], None]


class Index:
    """Stories' analyses backed by the store; one ingest at a time per process."""

    def __init__(self, store: IndexStore, workers: int | None = None) -> None:
        self.store = store
        self.workers = workers
        self._lock = threading.Lock()

    def is_current(self, story: str, folder: Path, profile_path: Path | None, profile: Profile) -> bool:
        state = self.store.story(story)
        return state is not None and state[0] == signature(scan(folder), profile_path, profile)

    def ingest(self, story: str, folder: Path, profile_path: Path | None, profile: Profile, warn: Warn,
               progress: Progress | None = None) -> IngestSummary:
        """Bring the story's index up to date with its folder (only what changed is read)."""
        with self._lock:
            return Ingest(self.store, story, profile, warn, progress, self.workers).run(folder, profile_path)

    def refresh(self, story: str, folder: Path, profile_path: Path | None, profile: Profile,
                warn: Warn) -> IngestSummary | None:
        """Ingest only when the folder or profile changed since the last finished ingest."""
        if self.is_current(story, folder, profile_path, profile):
            return None
        return self.ingest(story, folder, profile_path, profile, warn)

    def analysis(self, story: str, profile: Profile) -> Analysis:
        """The story's analysis from the index alone (no document is read or split)."""
        rows = sorted(self.store.documents(story).values(), key=lambda r: doc_order(r.doc))
        hashes = list(dict.fromkeys(r.content for r in rows))
        data = self.store.column("found", hashes, "people", "mentions")
        if profile.parties:
            parties = profile.parties
        else:
            parties = parties_of((), (work.mentions_reading(json.loads(data[h][2])) for h in hashes if h in data))
        lexicon = lexicon_of(parties, (work.people_list(data[h][1]) for h in hashes if h in data))
        decoded: dict[str, list] = {}
        found = []
        for row in rows:
            if row.content not in decoded:
                blob = data.get(row.content, (None,))[0]
                decoded[row.content] = found_from_plain(row.doc, unpack(blob)) if blob else []
            found.append(decoded[row.content])
        documents = [Document(id=r.doc, text="", title=r.title, url=r.url) for r in rows]
        return assemble(documents, found, lexicon, profile)
