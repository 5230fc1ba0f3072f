"""Plain data of the core: documents and profiles in, a Briefing out."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """One cleaned source text; `id` is what a reader sees (a path or URL)."""

    id: str
    text: str
    title: str = ""
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Party:
    """A side of the story and the names that stand for it."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject the parties hold positions on."""

    key: str
    keywords: tuple[str, ...] = ()
    title: str = ""

    @property
    def label(self) -> str:
        return self.title or self.key.replace("-", " ").replace("_", " ")


@dataclass(frozen=True, slots=True)
class Profile:
    """Parties and topics of one story; empty tuples mean 'discover them'."""

    parties: tuple[Party, ...] = ()
    topics: tuple[Topic, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """Where a position was said: the verbatim quote and its document."""

    document: str
    quote: str
    url: str | None = None
    sentence: str = ""  # the whole sentence, when `quote` is one party's part of it
    also: tuple[str, ...] = ()  # other documents that carried the same sentence (syndicated copies)


@dataclass(frozen=True, slots=True)
class Position:
    """One short line of what a party holds, with the sentences it came from."""

    text: str
    topic: str
    sources: tuple[Source, ...]
    reported_by: str | None = None  # "according to X" when another party reports it
    writer: str = "offline"  # "model" when a language model wrote `text` and the faithfulness guard accepted it
    new: bool = False  # every statement behind it was first seen since the reader's previous briefing


@dataclass(frozen=True, slots=True)
class PartyBriefing:
    name: str
    positions: tuple[Position, ...] = ()


@dataclass(frozen=True, slots=True)
class Briefing:
    """What each party holds on a topic (or, with topic None, on every topic)."""

    topic: str | None
    title: str
    parties: tuple[PartyBriefing, ...] = ()
    known_topics: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())
    topic_titles: tuple[tuple[str, str], ...] = ()  # (key, title) of every known topic, for headings

    def topic_title(self, key: str) -> str:
        return dict(self.topic_titles).get(key, key)

    @property
    def is_empty(self) -> bool:
        return not any(p.positions for p in self.parties)

    def sources(self) -> list[Source]:
        """Every distinct source in reading order (for numbered source lists)."""
        seen: dict[tuple[str, str], Source] = {}
        for party in self.parties:
            for position in party.positions:
                for src in position.sources:
                    seen.setdefault((src.document, src.quote), src)
        return list(seen.values())
