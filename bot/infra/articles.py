"""An article fetched from the web, as the index keeps it (no fetching or parsing library is loaded here)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Article:
    """A fetched news article: where it lives, who published it, when, and its main text."""

    url: str
    title: str
    outlet: str
    published: datetime | None
    text: str
