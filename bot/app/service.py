"""BriefingService: a corpus (documents + profile) -> briefings, re-read only when something changed."""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from datetime import datetime

from bot.app.errors import UsageError
from bot.app.freshness import statement_key
from bot.app.ports import Corpus, IndexedCorpus, Warn
from summarizer import Briefing, Topic
from summarizer.analysis import Analysis, analyze
from summarizer.briefing import suggest_topics
from summarizer.search import ClaimSearch
from summarizer.topics import slug

SUGGESTIONS = 5  # topics offered in a "did you mean"
KEPT_BRIEFINGS = 64  # briefings remembered per state of the corpus (a topic asked twice is answered at once)


class BriefingService:
    """Thread-safe facade the CLI, chat adapters and scheduler share (briefings run in worker threads)."""

    def __init__(self, corpus: Corpus, warn: Warn | None = None) -> None:
        self.corpus = corpus
        self._warn = warn or (lambda message: None)
        self._lock = threading.Lock()
        self._signature: Hashable | None = None
        self._analysis: Analysis | None = None
        self._search: ClaimSearch | None = None
        self._kept: OrderedDict[str, Briefing] = OrderedDict()

    def analysis(self) -> Analysis:
        """The current analysis; rebuilt (or read from the index) when a document or the profile changed."""
        return self._current()[0]

    def search(self) -> ClaimSearch:
        """The current analysis's search, which briefings are made from."""
        return self._current()[1]

    def _current(self) -> tuple[Analysis, ClaimSearch]:
        """The current analysis and its search, as one pair (another thread may be replacing them)."""
        with self._lock:
            signature = self.corpus.signature()
            if self._analysis is None or self._search is None or signature != self._signature:
                self._analysis = self._search = None  # one analysis in memory at a time, even while reloading
                self._kept.clear()
                self._analysis = self._read()
                self._search = ClaimSearch.build(self._analysis)
                self._signature = signature
            return self._analysis, self._search

    def _read(self) -> Analysis:
        if isinstance(self.corpus, IndexedCorpus):
            return self.corpus.analysis(self._warn)
        return analyze(self.corpus.documents(self._warn), self.corpus.profile())

    def brief(self, topic: str | None = None, since: datetime | None = None) -> Briefing:
        """The briefing on `topic` (a topic key or free words), or the overview when None; with `since`, only
        statements first seen from that moment on."""
        if since is not None:
            return self._brief_since(topic, since)
        if self._analysis is None and isinstance(self.corpus, IndexedCorpus):
            stored = self.corpus.stored_briefing(topic)  # a fresh process: no need to load the whole index
            if stored is not None:
                return stored
        _, search = self._current()
        key = slug(topic or "")
        with self._lock:
            kept = self._kept.get(key) if self._search is search else None
        if kept is not None:
            return kept
        briefing = search.brief(topic)
        with self._lock:
            if self._search is search:
                self._kept[key] = briefing
                while len(self._kept) > KEPT_BRIEFINGS:
                    self._kept.popitem(last=False)
        if isinstance(self.corpus, IndexedCorpus):
            self.corpus.keep_briefing(topic, briefing, search.analysis)  # a fresh process then answers at once
        return briefing

    def changes(self, topic: str | None, since: datetime) -> Briefing:
        """The briefing made only of statements first seen since `since` (what a scheduled post marks as new)."""
        return self._brief_since(topic, since)

    def new_statements(self, since: datetime) -> frozenset[str]:
        """Keys of the statements first seen since `since` (freshness.statement_key): their positions are new."""
        if not isinstance(self.corpus, IndexedCorpus):
            return frozenset()
        return frozenset(statement_key(c.statement.quote) for c in self.corpus.since(self.analysis(), since).claims)

    def _brief_since(self, topic: str | None, since: datetime) -> Briefing:
        if not isinstance(self.corpus, IndexedCorpus):
            raise UsageError("'since' needs the index (BRIEFING_DATABASE_URL)")
        return ClaimSearch.build(self.corpus.since(self.analysis(), since)).brief(topic)

    def topics(self) -> tuple[Topic, ...]:
        return self.analysis().topics

    def suggest(self, text: str, limit: int = SUGGESTIONS) -> list[str]:
        """Known topic keys closest to `text` (for autocomplete and 'did you mean')."""
        return suggest_topics(self.analysis(), text, limit)
