"""BriefingService: documents folder + profile -> briefings, re-read only when files change."""
from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from bot.documents import load_documents, folder_signature
from config.profile import load_profile
from summarizer import Analysis, Briefing, Profile, Topic, analyze, brief, suggest_topics

Warn = Callable[[str], None]


class BriefingService:
    """Thread-safe facade the CLI, chat adapters and scheduler share (briefings run in worker threads)."""

    def __init__(self, documents: Path, profile: Path | None = None, warn: Warn | None = None,
                 auto: bool = False) -> None:
        self.documents = documents
        self.profile_path = None if auto else profile if profile is not None else _default_profile(documents)
        self._warn = warn or (lambda message: None)
        self._lock = threading.Lock()
        self._signature: tuple | None = None
        self._analysis: Analysis | None = None

    @classmethod
    def from_settings(cls, settings, documents: Path | None = None, profile: str | Path | None = None,
                      warn: Warn | None = None) -> "BriefingService":
        """The service of a documents folder and profile ('auto': discover parties and topics); the one way
        the CLI, the chat adapters and the clock build it. Raises UsageError for a missing folder."""
        from bot.cli import UsageError

        documents = documents if documents is not None else settings.documents
        if not documents.is_dir():
            raise UsageError(f"{documents}: documents folder not found or not a folder")
        profile = profile if profile is not None else settings.profile
        auto = profile is not None and str(profile) == "auto"
        return cls(documents, None if auto or profile is None else Path(profile), warn=warn, auto=auto)

    def analysis(self) -> Analysis:
        """The current analysis; rebuilt when a document or the profile changed."""
        with self._lock:
            signature = folder_signature(self.documents, self.profile_path)
            if self._analysis is None or signature != self._signature:
                profile = load_profile(self.profile_path) if self.profile_path else Profile()
                docs = load_documents(self.documents, warn=self._warn)
                self._analysis = analyze(docs, profile)
                self._signature = signature
            return self._analysis

    def brief(self, topic: str | None = None) -> Briefing:
        """The briefing on `topic` (a topic key or free words), or the overview when None."""
        return brief(self.analysis(), topic)

    def topics(self) -> tuple[Topic, ...]:
        return self.analysis().topics

    def suggest(self, text: str, limit: int = 5) -> list[str]:
        """Known topic keys closest to `text` (for autocomplete and 'did you mean')."""
        return suggest_topics(self.analysis(), text, limit)


def _default_profile(documents: Path) -> Path | None:
    candidate = documents / "profile.toml"
    return candidate if candidate.is_file() else None
