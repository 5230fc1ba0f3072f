"""BriefingService: a corpus (documents + profile) -> briefings, re-read only when something changed."""
from __future__ import annotations

import threading
from collections.abc import Hashable

from bot.app.ports import Corpus, Warn
from summarizer import Analysis, Briefing, Topic, analyze, brief, suggest_topics

SUGGESTIONS = 5  # topics offered in a "did you mean"


class BriefingService:
    """Thread-safe facade the CLI, chat adapters and scheduler share (briefings run in worker threads)."""

    def __init__(self, corpus: Corpus, warn: Warn | None = None) -> None:
        self.corpus = corpus
        self._warn = warn or (lambda message: None)
        self._lock = threading.Lock()
        self._signature: Hashable | None = None
        self._analysis: Analysis | None = None

    def analysis(self) -> Analysis:
        """The current analysis; rebuilt when a document or the profile changed."""
        with self._lock:
            signature = self.corpus.signature()
            if self._analysis is None or signature != self._signature:
                profile = self.corpus.profile()
                self._analysis = analyze(self.corpus.documents(self._warn), profile)
                self._signature = signature
            return self._analysis

    def brief(self, topic: str | None = None) -> Briefing:
        """The briefing on `topic` (a topic key or free words), or the overview when None."""
        return brief(self.analysis(), topic)

    def topics(self) -> tuple[Topic, ...]:
        return self.analysis().topics

    def suggest(self, text: str, limit: int = SUGGESTIONS) -> list[str]:
        """Known topic keys closest to `text` (for autocomplete and 'did you mean')."""
        return suggest_topics(self.analysis(), text, limit)
