"""Pure renderers for the terminal and documents: text, markdown, json."""
from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Sequence

from summarizer import Briefing, Party, Position, Source, Topic


_WORD = re.compile(r"\S+")


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


def render_briefing(briefing: Briefing, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return to_markdown(briefing)
    return to_text(briefing)


def briefing_to_dict(briefing: Briefing) -> dict:
    """The JSON contract of ARCHITECTURE.md section 3 (plus title, known_topics, notes)."""
    return {
        "topic": briefing.topic,
        "title": briefing.title,
        "parties": [
            {"name": party.name, "positions": [_position_dict(p) for p in party.positions]}
            for party in briefing.parties
        ],
        "known_topics": list(briefing.known_topics),
        "notes": list(briefing.notes),
    }


def _position_dict(position: Position) -> dict:
    out = {
        "text": position.text,
        "topic": position.topic,
        "sources": [
            {"document": s.document, "url": s.url, "quote": s.quote, "sentence": s.sentence or s.quote,
             "also_in": list(s.also)}
            for s in position.sources
        ],
    }
    if position.reported_by:
        out["reported_by"] = position.reported_by
    return out


def source_numbers(briefing: Briefing) -> dict[tuple[str, str], int]:
    """Number each distinct source once, in reading order."""
    return {(s.document, s.quote): i for i, s in enumerate(briefing.sources(), 1)}


def position_line(position: Position, numbers: dict[tuple[str, str], int]) -> str:
    """'Text (according to X) [1][2]' — the one-line form every renderer shares."""
    refs = "".join(f"[{numbers[(s.document, s.quote)]}]" for s in position.sources)
    said = f" (according to {position.reported_by})" if position.reported_by else ""
    return f"{position.text}{said} {refs}".strip()


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


def _empty_message(briefing: Briefing) -> str:
    known = ", ".join(briefing.known_topics) or "none"
    said = briefing.notes[0].rstrip(".") if briefing.notes else "No positions found"
    return f"{said}. Known topics: {known}."


def to_text(briefing: Briefing, width: int = 88) -> str:
    numbers = source_numbers(briefing)
    lines = [briefing.title, "=" * min(len(briefing.title), width)]
    if briefing.is_empty:
        lines += ["", _empty_message(briefing)]
    for topic, parties in grouped(briefing):
        if topic is not None:
            lines += ["", f"## {topic}"]
        for name, positions in parties:
            lines += ["", name]
            for pos in positions:
                lines += textwrap.wrap(position_line(pos, numbers), width, initial_indent="  - ",
                                       subsequent_indent="    ")
    if numbers:
        lines += ["", "Sources"]
        for src, n in zip(briefing.sources(), numbers.values()):
            also = f" (also in {', '.join(src.also)})" if src.also else ""
            lines += textwrap.wrap(f"[{n}] {src.document}{also}: “{src.quote}”", width, subsequent_indent="    ")
    lines += [f"note: {note}" for note in briefing.notes if not briefing.is_empty]
    return "\n".join(lines)


def to_markdown(briefing: Briefing) -> str:
    numbers = source_numbers(briefing)
    lines = [f"# {briefing.title}"]
    if briefing.is_empty:
        lines += ["", _empty_message(briefing)]
    for topic, parties in grouped(briefing):
        if topic is not None:
            lines += ["", f"## {topic}"]
        for name, positions in parties:
            lines += ["", f"**{name}**", ""]
            lines += [f"- {position_line(pos, numbers)}" for pos in positions]
    if numbers:
        lines += ["", "**Sources**", ""]
        for src, n in zip(briefing.sources(), numbers.values()):
            where = f"[{src.document}]({src.url})" if src.url else f"`{src.document}`"
            also = f" (also in {', '.join(src.also)})" if src.also else ""
            lines.append(f"{n}. {where}{also}: “{src.quote}”")
    lines += [f"_{note}_" for note in briefing.notes if not briefing.is_empty]
    return "\n".join(lines)


def render_topics(topics: Sequence[Topic], parties: Sequence[Party], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(
            {
                "topics": [{"key": t.key, "title": t.label, "keywords": list(t.keywords)} for t in topics],
                "parties": [{"name": p.name, "aliases": list(p.aliases)} for p in parties],
            },
            ensure_ascii=False,
            indent=2,
        )
    lines = ["Topics"] + [f"  {t.key:<24} {t.label}" for t in topics]
    lines += ["", "Parties"] + [f"  {p.name:<24} {', '.join(p.aliases[:6])}" for p in parties]
    return "\n".join(lines)
