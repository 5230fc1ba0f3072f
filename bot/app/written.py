"""A briefing service whose lines the model writer rewrites, with the waiting policy of its caller."""
from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Protocol

from bot.app.writer import LineWriter
from summarizer.model import Briefing

log = logging.getLogger(__name__)


class Briefings(Protocol):
    """What the writer needs of the briefing service (BriefingService satisfies it)."""

    def brief(self, topic: str | None = None) -> Briefing: ...

    def suggest(self, text: str, limit: int = 5) -> list[str]: ...

    def topics(self): ...

    def analysis(self): ...

    def changes(self, topic: str | None, since: datetime) -> Briefing: ...

    def new_statements(self, since: datetime) -> frozenset[str]: ...


class WrittenBriefings:
    """Briefings with model-written lines. `wait=True` (terminal, scheduled posts) calls the model and waits
    up to the writer's deadline. `wait=False` (chat commands, which must answer within the platform's limit)
    never calls the model in the request: it shows the lines already in the cache, and offline lines for the
    rest, and asks the model for those in the background so the next request finds them cached."""

    def __init__(self, service: Briefings, writer: LineWriter, wait: bool = True) -> None:
        self.service = service
        self.writer = writer
        self.wait = wait
        self._background: ThreadPoolExecutor | None = None
        self._pending: set[str | None] = set()
        self._lock = threading.Lock()

    def brief(self, topic: str | None = None) -> Briefing:
        briefing = self.service.brief(topic)
        parties = self.service.analysis().parties
        if self.wait:
            return self.writer.rewrite_blocking(briefing, parties, call_model=True)
        written = self.writer.rewrite_blocking(briefing, parties, call_model=False)
        if any(p.writer == "offline" for party in written.parties for p in party.positions):
            self._warm(topic, briefing, parties)
        return written

    def _warm(self, topic: str | None, briefing: Briefing, parties) -> None:
        """Write the missing lines in a background thread, one run per topic at a time."""
        with self._lock:
            if topic in self._pending:
                return
            self._pending.add(topic)
            if self._background is None:
                self._background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="model-writer")
        self._background.submit(self._write, topic, briefing, parties)

    def _write(self, topic: str | None, briefing: Briefing, parties) -> None:
        try:
            self.writer.rewrite_blocking(briefing, parties, call_model=True)
        except Exception:  # a background warm-up must never take the chat process down
            log.exception("model writer: background run failed")
        finally:
            with self._lock:
                self._pending.discard(topic)

    def drain(self) -> None:
        """Wait for background runs (shutdown, tests)."""
        with self._lock:
            background, self._background = self._background, None
        if background is not None:
            background.shutdown(wait=True)

    def suggest(self, text: str, limit: int = 5) -> list[str]:
        return self.service.suggest(text, limit)

    def changes(self, topic: str | None, since: datetime) -> Briefing:
        """Only the new statements, with offline lines (the writer rewrites whole topics, not their news)."""
        return self.service.changes(topic, since)

    def new_statements(self, since: datetime) -> frozenset[str]:
        return self.service.new_statements(since)

    def topics(self):
        return self.service.topics()

    def analysis(self):
        return self.service.analysis()
