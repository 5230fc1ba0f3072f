"""What every renderer shares: source numbering, the one-line position form, grouping, greedy packing."""
from __future__ import annotations

import re

from summarizer import Briefing, Position, Source

ALSO_SHOWN = 3  # other documents named per source; the rest are counted ("and 41 more")
ALSO_SHOWN_CHAT = 1  # ... in Slack and Discord, where 24 source lines of an overview must stay within 2 messages

_WORD = re.compile(r"\S+")
# Never shown: NUL and the direction controls (U+202E makes "txt.exe" read "exe.txt" and hides what a line says).
_INVISIBLE = re.compile("[\x00\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """`text` without NULs and bidirectional controls."""
    return _INVISIBLE.sub("", text)


def split_words(text: str, limit: int, word: re.Pattern[str] = _WORD) -> list[str]:
    """Pieces of at most `limit` characters cut between words (`word` says what may not be cut, e.g. a
    link), nothing dropped; only a single word longer than `limit` itself is cut."""
    if len(text) <= limit:
        return [text]
    limit = max(limit, 1)
    words = [w[k:k + limit] for w in word.findall(text) for k in range(0, len(w), limit)]
    return pack(words, limit, " ")


def pack_lines(lines: list[str], limit: int, word: re.Pattern[str] = _WORD) -> list[str]:
    """Lines joined with newlines into chunks of at most `limit`; an over-long line is split between words."""
    return pack([piece for line in lines for piece in split_words(line, limit, word)], limit, "\n")


def pack(parts: list[str], limit: int, sep: str) -> list[str]:
    """Greedily join parts (each at most `limit` long) with `sep` into chunks of at most `limit`."""
    chunks: list[str] = []
    current = ""
    for part in parts:
        if current and len(current) + len(sep) + len(part) > limit:
            chunks.append(current)
            current = part
        else:
            current = f"{current}{sep}{part}" if current else part
    if current:
        chunks.append(current)
    return chunks


def source_numbers(briefing: Briefing) -> dict[tuple[str, str], int]:
    """Number each distinct source once, in reading order."""
    return {(s.document, s.quote): i for i, s in enumerate(briefing.sources(), 1)}


def position_line(position: Position, numbers: dict[tuple[str, str], int]) -> str:
    """'Text (according to X) [1][2]' — the one-line form every renderer shares."""
    refs = "".join(f"[{numbers[(s.document, s.quote)]}]" for s in position.sources)
    said = f" (according to {position.reported_by})" if position.reported_by else ""
    return f"{position.text}{said} {refs}".strip()


def also_in(source: Source, count: int = ALSO_SHOWN) -> str:
    """' (also in a, b, c and 41 more)': `count` of the other documents that carried the sentence, then how many
    more (syndication is unbounded); '' for none."""
    if not source.also:
        return ""
    shown = ", ".join(source.also[:count])
    more = len(source.also) - count
    return f" (also in {shown}" + (f" and {more} more)" if more > 0 else ")")


def new_mark(position: Position, mark: str) -> str:
    """`mark` and a space before a position that is new since the reader's previous briefing, else nothing.
    Every renderer marks with the word "new" (emphasised where the format can): it reads the same in any font,
    terminal or screen reader, is found by a search for "new", and keeps plain-text columns aligned."""
    return f"{mark} " if position.new else ""


def grouped(briefing: Briefing) -> list[tuple[str | None, list[tuple[str, list[Position]]]]]:
    """[(topic title or None, [(party, positions)])]: one group for a topic briefing, one per topic for the overview."""
    if briefing.topic is not None:
        return [(None, [(p.name, list(p.positions)) for p in briefing.parties if p.positions])]
    topics: dict[str, list[tuple[str, list[Position]]]] = {}
    for party in briefing.parties:
        for pos in party.positions:
            rows = topics.setdefault(pos.topic, [])
            if not rows or rows[-1][0] != party.name:
                rows.append((party.name, []))
            rows[-1][1].append(pos)
    return [(briefing.topic_title(key), rows) for key, rows in topics.items()]


def empty_message(briefing: Briefing) -> str:
    known = ", ".join(briefing.known_topics) or "none"
    said = briefing.notes[0].rstrip(".") if briefing.notes else "No positions found"
    return f"{said}. Known topics: {known}."


