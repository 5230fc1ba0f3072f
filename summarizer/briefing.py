"""PLACEHOLDER (being replaced): naive briefing."""
from __future__ import annotations

from summarizer.model import Briefing, PartyBriefing, Position, Source


def brief(analysis, topic):
    topics = [t for t in analysis.topics if topic is None or t.key == topic]
    parties = []
    for party in analysis.parties:
        positions = []
        for t in topics:
            for doc, s in analysis.sentences:
                if any(a in s for a in (party.name, *party.aliases)) and any(k.lower() in s.lower() for k in t.keywords):
                    positions.append(Position(text=" ".join(s.split()[:15]), topic=t.key, sources=(Source(doc, s),)))
                    break
        parties.append(PartyBriefing(party.name, tuple(positions)))
    return Briefing(topic=topic, title=f"Briefing: {topic or 'overview'}", parties=tuple(parties),
                    known_topics=tuple(t.key for t in analysis.topics))


def suggest_topics(analysis, text, limit=5):
    return [t.key for t in analysis.topics][:limit]
