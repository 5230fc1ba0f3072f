"""Pure renderers for the terminal and documents: text, markdown, json."""
from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Sequence

from bot.render.bounds import bounded
from bot.render.common import ALSO_SHOWN, also_in, empty_message, grouped, new_mark, position_line, source_numbers
from summarizer import Briefing, Party, Position, Topic

TEXT_WIDTH = 88  # terminal columns of the text format
ALIASES_SHOWN = 6  # aliases listed per party by `topics`
NAME_COLUMN = 24  # width of the key/name column of `topics`
SOURCES_KEPT = 10  # sources per position in JSON (sources_count has them all)
ALSO_KEPT = 50  # other documents listed in JSON under also_in_all (a briefing must not grow with the corpus)
NEW_TEXT, NEW_MARKDOWN = "[new]", "**new**"  # before a position new since the previous briefing


def render_briefing(briefing: Briefing, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return to_markdown(bounded(briefing))
    return to_text(bounded(briefing))


def briefing_to_dict(briefing: Briefing) -> dict:
    """The JSON contract (docs/architecture.md, Contracts) plus title, known_topics, notes."""
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
             "also_in": list(s.also[:ALSO_SHOWN]), "also_in_count": len(s.also),
             "also_in_all": list(s.also[:ALSO_KEPT])}
            for s in position.sources[:SOURCES_KEPT]
        ],
        "sources_count": len(position.sources),
        "writer": position.writer,  # "model" only for a line the faithfulness guard accepted
        "new": position.new,  # every statement behind it first seen since the reader's previous briefing
    }
    if position.reported_by:
        out["reported_by"] = position.reported_by
    return out


def to_text(briefing: Briefing, width: int = TEXT_WIDTH) -> str:
    numbers = source_numbers(briefing)

    def party(name: str, positions: list[Position]) -> list[str]:
        return ["", name] + [piece for pos in positions for piece in textwrap.wrap(
            new_mark(pos, NEW_TEXT) + position_line(pos, numbers), width, initial_indent="  - ",
            subsequent_indent="    ")]

    lines = [briefing.title, "=" * min(len(briefing.title), width)] + _body(briefing, party)
    if numbers:
        lines += ["", "Sources"]
        for src, n in zip(briefing.sources(), numbers.values()):
            lines += textwrap.wrap(f"[{n}] {src.document}{also_in(src)}: “{src.quote}”", width,
                                   subsequent_indent="    ")
    lines += [f"note: {note}" for note in briefing.notes if not briefing.is_empty]
    return "\n".join(lines)


def to_markdown(briefing: Briefing) -> str:
    numbers = source_numbers(briefing)

    def party(name: str, positions: list[Position]) -> list[str]:
        return ["", f"**{name}**", ""] + [f"- {new_mark(pos, NEW_MARKDOWN)}{position_line(pos, numbers)}"
                                          for pos in positions]

    lines = [f"# {briefing.title}"] + _body(briefing, party)
    if numbers:
        lines += ["", "**Sources**", ""]
        for src, n in zip(briefing.sources(), numbers.values()):
            where = f"[{src.document}]({src.url})" if src.url else f"`{src.document}`"
            lines.append(f"{n}. {where}{also_in(src)}: “{src.quote}”")
    lines += [f"_{note}_" for note in briefing.notes if not briefing.is_empty]
    return "\n".join(lines)


def _body(briefing: Briefing, party: Callable[[str, list[Position]], list[str]]) -> list[str]:
    """The empty-briefing message, then each topic's heading (overview) and each party's lines."""
    lines = ["", empty_message(briefing)] if briefing.is_empty else []
    for topic, parties in grouped(briefing):
        if topic is not None:
            lines += ["", f"## {topic}"]
        for name, positions in parties:
            lines += party(name, positions)
    return lines


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
    lines = ["Topics"] + [f"  {t.key:<{NAME_COLUMN}} {t.label}" for t in topics]
    lines += ["", "Parties"] + [f"  {p.name:<{NAME_COLUMN}} {', '.join(p.aliases[:ALIASES_SHOWN])}" for p in parties]
    return "\n".join(lines)
