"""Pure core: documents and a profile in, a typed Briefing out. No I/O, no platform libraries.

Importing the package loads only the model types (a stored briefing is rendered without the analysis code):
the work itself is `summarizer.analysis.analyze`, `summarizer.briefing.brief` and `suggest_topics`.
"""
from summarizer.model import Briefing, Document, Party, PartyBriefing, Position, Profile, Source, Topic

__all__ = ["Briefing", "Document", "Party", "PartyBriefing", "Position", "Profile", "Source", "Topic"]
