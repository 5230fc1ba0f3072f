"""Text normalisation and the slug keys of topics and queries: light on purpose (the start-up path that answers
`brief` from a stored briefing uses them without loading the analysis)."""
from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def normalize(text: str) -> str:
    """Unicode-normalised, straight quotes, single spaces (keeps case)."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalize(text).lower()).strip("-")
