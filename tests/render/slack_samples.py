"""Sample briefings and checks for Slack messages, shared by the renderer and the adapter tests."""
from __future__ import annotations

import json
import re

from slack_sdk.models.blocks import Block

from bot.render.slack import MAX_BLOCKS, MAX_CONTEXT_ELEMENTS, MAX_ELEMENT, MAX_MESSAGE
from summarizer import Briefing, PartyBriefing, Position, Source

WORDS = "ceasefire negotiators insisted guarantees sovereignty withdrawal sanctions referendum corridor".split()


def source(doc: str, quote: str, url: str | None = None) -> Source:
    return Source(document=doc, quote=quote, url=url)


def position(text: str, *sources: Source, topic: str = "nato") -> Position:
    return Position(text=text, topic=topic, sources=sources)


def briefing(*parties: PartyBriefing, topic: str | None = "nato", notes: tuple[str, ...] = ()) -> Briefing:
    return Briefing(topic=topic, title=f"Briefing: {topic or 'overview'}", parties=parties, notes=notes)


def long_text(seed: int, words: int) -> str:
    return " ".join(f"{WORDS[(seed + i) % len(WORDS)]}{seed}x{i}" for i in range(words))


def big_briefing(parties: int = 50, positions: int = 4, topic: str | None = "nato") -> Briefing:
    """Many parties, long positions, long quotes, some with URLs (a document per party)."""
    out = []
    for p in range(parties):
        poss = []
        for k in range(positions):
            quote = long_text(p * 100 + k, 60) + "."
            url = f"https://news.example/{p}/{k}?a=1&b=2" if k % 2 else None
            poss.append(position(long_text(p * 1000 + k, 45), source(f"docs/party{p}.txt", quote, url),
                                 topic=["nato", "territory"][k % 2] if topic is None else topic))
        out.append(PartyBriefing(f"Party {p} & Co", tuple(poss)))
    return briefing(*out, topic=topic)


def oversized_after_bounding(parties: int = 50, words: int = 5000) -> Briefing:
    """big_briefing whose most widely reported party has one line of `words` words (about 15 characters each), as
    if no sentence splitter had cut it: the chat bound keeps that line, and it still needs more than 5 messages."""
    big = big_briefing(parties, 4)
    first = big.parties[0]
    [src] = first.positions[0].sources
    widest = Source(src.document, src.quote, src.url, also=tuple(f"wire/copy{c}.txt" for c in range(300)))
    line = Position(long_text(7, words), "nato", (widest,))
    return briefing(PartyBriefing(first.name, (line,) + first.positions[1:]), *big.parties[1:])


def all_text(message: dict, key: str | None = None) -> str:
    """Every string in a message (or only those under `key`), joined: what a reader or a pinger could see."""
    found: list[str] = []

    def walk(node: object, name: str | None = None) -> None:
        if isinstance(node, dict):
            for k, value in node.items():
                walk(value, k)
        elif isinstance(node, list):
            for value in node:
                walk(value, name)
        elif isinstance(node, str) and (key is None or name == key):
            found.append(node)

    walk(message)
    return "\n".join(found)


def assert_within_limits(messages: list[dict]) -> None:
    for message in messages:
        assert message["text"] and len(message["text"]) <= 300
        blocks = message["blocks"]
        assert 1 <= len(blocks) <= MAX_BLOCKS
        assert len(json.dumps(blocks, ensure_ascii=False)) <= MAX_MESSAGE
        for raw in blocks:
            Block.parse(raw).validate_json()  # slack_sdk's own validators (section 3000, header 150, ...)
            if raw["type"] == "context":
                assert len(raw["elements"]) <= MAX_CONTEXT_ELEMENTS
                assert all(len(e["text"]) <= MAX_ELEMENT for e in raw["elements"])


def flat(messages: list[dict]) -> str:
    """Block text of all messages with the splitting undone (pieces are joined by a space or a newline)."""
    bodies = [m["blocks"][1:] if "(part " in all_text(m["blocks"][0]) else m["blocks"] for m in messages]
    return re.sub(r"\s+", " ", "\n".join(all_text({"b": b}, "text") for b in bodies))
