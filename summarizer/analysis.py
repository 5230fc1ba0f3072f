"""PLACEHOLDER (being replaced): analysis of documents."""
from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.model import Document, Party, Profile, Topic


@dataclass(frozen=True)
class Analysis:
    documents: tuple[Document, ...]
    parties: tuple[Party, ...]
    topics: tuple[Topic, ...]
    sentences: tuple[tuple[str, str], ...]


def analyze(documents, profile: Profile) -> Analysis:
    sents = []
    for d in documents:
        for s in re.split(r"(?<=[.!?])\s+", d.text):
            sents.append((d.id, s))
    return Analysis(tuple(documents), profile.parties, profile.topics, tuple(sents))
