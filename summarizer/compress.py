"""A position line of 8 to 20 words: the clause of the statement that holds the stance, verbatim."""
from __future__ import annotations

import re

MAX_WORDS = 20
MIN_WORDS = 8
_CLAUSE_SPLIT = re.compile(r",\s+|;\s+|\s+(?=(?:while|whereas|but)\s)|\s+-{1,2}\s+|\s+[–—]\s+")
_LEADING = re.compile(
    r"^(?:(?:however|additionally|moreover|meanwhile|furthermore|also|but|and|yet|still|instead|indeed|"
    r"separately|in addition|at the same time|on the other hand|as a result|while|whereas|although|though|"
    r"especially|notably)\b[,]?\s*)+",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^[A-Z][A-Z/ .'-]{2,}(?:,[^-–—]{0,40})?\s+[-–—]{1,2}\s+")  # 'CAIRO, March 4 (Wire) - '
_PARTICIPLE_THAT = re.compile(r"^\w+ing\s+that\s+", re.IGNORECASE)


def clauses(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans of the clauses of `text` (shifted by `offset`)."""
    spans, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(text):
        if m.start() > start:
            spans.append((offset + start, offset + m.start()))
        start = m.end()
    if start < len(text):
        spans.append((offset + start, offset + len(text)))
    return spans


def words(text: str) -> int:
    return len(text.split())


def tidy(text: str) -> str:
    """Strip connectors and edge punctuation, capitalise; cut at MAX_WORDS on a word boundary with '…'."""
    text = _DATELINE.sub("", text.strip(" ,;:-–—"))
    text = _LEADING.sub("", text).strip()
    text = _PARTICIPLE_THAT.sub("", text)  # 'emphasizing that X must ...' -> 'X must ...'
    if re.match(r"^As\s", text) and "," not in text:
        text = text[3:]
    parts = text.split()
    if len(parts) > MAX_WORDS:
        text = " ".join(parts[:MAX_WORDS]).rstrip(",;:") + "…"
    text = text.rstrip(" ,;:")
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$|\b[A-Z]\.[A-Z]\.$", text):
        text = text[:-1]
    return text[:1].upper() + text[1:]
