"""Pure core: documents and a profile in, a typed Briefing out. No I/O, no platform libraries."""
from summarizer.model import Briefing, Document, Party, PartyBriefing, Position, Profile, Source, Topic
from summarizer.analysis import Analysis, analyze
from summarizer.briefing import brief, suggest_topics

__all__ = [
    "Analysis", "Briefing", "Document", "Party", "PartyBriefing", "Position", "Profile", "Source", "Topic",
    "analyze", "brief", "suggest_topics",
]
