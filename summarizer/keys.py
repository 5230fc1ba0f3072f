"""Text normalisation and the slug keys of topics and queries: light on purpose (the start-up path that answers
`brief` from a stored briefing uses them without loading the analysis)."""
from __future__ import annotations

import re
import unicodedata

_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-"))


def normalize(text: str) -> str:
    """Unicode-normalised, straight quotes, single spaces (keeps case)."""
    return " ".join(straight(text).split())  # str.split and regex \s agree on what is a space


def straight(text: str) -> str:
    """Unicode-normalised (NFKC), straight quotes and dashes: `normalize` without its spacing, for a caller that
    only reads the words. An ASCII text is its own form; the quotes are replaced one by one (str.translate
    with a table is many times slower on a text that is not ASCII)."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKC", text)
    for curly, plain in _QUOTES:
        text = text.replace(curly, plain)
    return text


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalize(text).lower()).strip("-")
