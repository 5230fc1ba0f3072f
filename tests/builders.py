"""Small builders so core tests read like data."""
from __future__ import annotations

from summarizer import Briefing, Document, Party, Profile, Topic
from summarizer.analysis import analyze
from summarizer.briefing import brief


def document(text: str, id: str = "doc.txt", url: str | None = None) -> Document:
    return Document(id=id, text=text.strip(), title=text.strip().split("\n", 1)[0], url=url)


def profile(parties: dict[str, list[str]] | None = None, topics: dict[str, list[str]] | None = None) -> Profile:
    return Profile(
        parties=tuple(Party(name, tuple(aliases)) for name, aliases in (parties or {}).items()),
        topics=tuple(Topic(key, tuple(words)) for key, words in (topics or {}).items()),
    )


def briefing(texts: list[str] | str, topic: str | None, parties=None, topics=None) -> Briefing:
    texts = [texts] if isinstance(texts, str) else texts
    docs = [document(t, id=f"doc{i}.txt") for i, t in enumerate(texts)]
    return brief(analyze(docs, profile(parties, topics)), topic)


def holders_of(b: Briefing, fragment: str) -> set[str]:
    """Parties whose positions quote a sentence containing `fragment`."""
    return {p.name for p in b.parties for pos in p.positions for s in pos.sources if fragment in s.quote}
