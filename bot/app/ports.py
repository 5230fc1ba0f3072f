"""What the use cases need from the outside world (protocols), and the values that cross those borders."""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from bot.app.schedules import Schedule
from summarizer import Briefing, Document, Profile, Topic
from summarizer.analysis import Analysis

Warn = Callable[[str], None]

ACTIVE, PAUSED = "active", "paused"  # the states of a subscription


@dataclass(frozen=True)
class Target:
    """A channel on a platform: where a briefing is posted."""

    platform: str  # slack | discord
    channel: str

    def __str__(self) -> str:
        return f"{self.platform}:{self.channel}"


@dataclass(frozen=True)
class Subscription:
    """A channel's scheduled briefing; `state` is ACTIVE or PAUSED (with the reason)."""

    id: int
    platform: str
    channel: str
    team: str
    topic: str | None
    schedule: Schedule
    created_by: str
    created_at: datetime
    state: str
    paused_reason: str | None
    last_post_at: datetime | None
    last_error: str | None
    story: str | None = None  # the story folder it briefs; None: the documents root is one story
    quiet: bool = False  # post nothing when nothing is new since the previous post

    @property
    def target(self) -> str:
        return f"{self.platform}:{self.channel}"


class Corpus(Protocol):
    """Where documents and the profile come from: a folder today; feeds and pages plug in here."""

    def signature(self) -> Hashable: ...  # changes whenever a document or the profile changes
    def documents(self, warn: Warn) -> list[Document]: ...
    def profile(self) -> Profile: ...  # raises ConfigError naming the file and key


@runtime_checkable
class IndexedCorpus(Corpus, Protocol):
    """A corpus whose analysis and briefings are kept in an index between processes (bot/infra/index.py)."""

    def analysis(self, warn: Warn) -> Analysis: ...  # refreshes the index first when the corpus changed
    def stored_briefing(self, query: str | None) -> Briefing | None: ...  # kept for this state of the index
    def keep_briefing(self, query: str | None, briefing: Briefing, analysis: Analysis) -> None: ...  # for the next
    def since(self, analysis: Analysis, moment: datetime) -> Analysis: ...  # statements first seen from then


class BriefingSource(Protocol):
    """What chat commands, autocomplete and the clock ask of the briefing service."""

    def brief(self, topic: str | None = None) -> Briefing: ...
    def suggest(self, text: str, limit: int = 5) -> list[str]: ...
    def topics(self) -> tuple[Topic, ...]: ...


@runtime_checkable
class FreshBriefingSource(BriefingSource, Protocol):
    """A briefing source that knows when each statement was first seen (the index), for 'what changed'."""

    def changes(self, topic: str | None, since: datetime) -> Briefing: ...
    def new_statements(self, since: datetime) -> frozenset[str]: ...  # keys of statements first seen since then


class SubscriptionRepository(Protocol):
    """Persistence of subscriptions (bot/infra/store.py implements it)."""

    def add(self, platform: str, channel: str, schedule: Schedule, topic: str | None = None, team: str = "",
            created_by: str = "", *, story: str | None = None, quiet: bool = False) -> Subscription: ...
    def get(self, sub_id: int) -> Subscription | None: ...
    def list(self, platform: str | None = None, channel: str | None = None,
             state: str | None = None) -> list[Subscription]: ...
    def delete(self, sub_id: int) -> bool: ...
    def resume(self, sub_id: int) -> None: ...
    def set_quiet(self, sub_id: int, quiet: bool) -> None: ...


class ModelError(Exception):
    """A language-model call that gave no usable line; `status` is what the warning names ('HTTP 500',
    'timeout', 'malformed answer'), never a message from the server and never a credential."""

    def __init__(self, status: str, retry_after: float | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.retry_after = retry_after  # seconds a 429 asked us to wait


class LineModel(Protocol):
    """One chat completion from a language model (bot/infra/llm.py); raises ModelError, nothing else."""

    name: str

    async def complete(self, system: str, user: str) -> str: ...


class LineCache(Protocol):
    """The model's answers by key, shared across briefings, restarts and processes (bot/infra/line_cache.py);
    the writer checks each one with the guard again before showing it."""

    def get(self, key: str) -> str | None: ...
    def put(self, key: str, model: str, line: str) -> None: ...


class Deliver(Protocol):
    """Posts a briefing to a channel; returns the HTTP attempts it took (raises DeliveryError). `key` names the
    post (subscription and slot) so that a platform can drop a repeat of it."""

    def __call__(self, target: Target, briefing: Briefing, key: str | None = None) -> Awaitable[int]: ...


# The next slot of a schedule after a time (default: now); None when it never fires again.
NextRun = Callable[[Schedule, datetime | None], datetime | None]
