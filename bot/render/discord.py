"""Discord message payloads from a Reply: embeds within every Discord limit, split, never cut, nothing lost."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any
from urllib.parse import quote

from bot.app.commands import Reply
from bot.render.bounds import chat_bounded
from bot.render.common import (ALSO_SHOWN_CHAT, also_in, grouped, new_mark, pack_lines, position_line,
                               source_numbers, split_words, visible)
from summarizer import Briefing, Position, Source

# Discord's limits (characters, except FIELDS and EMBEDS): https://discord.com/developers/docs/resources/message
TITLE, DESCRIPTION, FIELD_NAME, FIELD_VALUE = 256, 4096, 256, 1024
FIELDS, EMBEDS, TOTAL, CONTENT = 25, 10, 6000, 2000
COLOR = 0x3B6EA5
NEW = "**new**"  # bold, before a position new since the channel's previous post
CONTINUED = " (cont.)"
# A markdown link is one unbreakable token, even when its text has spaces.
_TOKEN = re.compile(r"\[[^\]\n]*\]\([^)\s]*\)\S*|\S+")
# What Discord reads as markdown in article text: emphasis, code, spoilers, masked links ([text](url)), quotes,
# headings, mentions and timestamps (<@1>, <t:1>), and a list dash at the start of a word.
_MARKDOWN = re.compile(r"[\\*_~`|<>\[\]#]|(?<!\S)-")
_URL_SAFE = "!#$%&'()*+,-./:;=?@[]_~"  # kept as they are; anything else (spaces, quotes, controls) is encoded

Payload = dict[str, Any]


def to_messages(reply: Reply) -> list[Payload]:
    """One {"content": str|None, "embeds": [embed dicts]} per Discord message, each within every limit; a
    briefing is bounded for chat first."""
    messages: list[Payload] = [{"content": c, "embeds": []} for c in pack(reply.message.splitlines(), CONTENT)]
    embeds = briefing_embeds(chat_bounded(reply.briefing)) if reply.briefing is not None else []
    for embed in embeds:
        last = messages[-1] if messages else None
        if last is None or len(last["embeds"]) >= EMBEDS or message_length(last) + embed_length(embed) > TOTAL:
            last = {"content": None, "embeds": []}
            messages.append(last)
        last["embeds"].append(embed)
    return messages or [{"content": "Nothing to show.", "embeds": []}]


def briefing_embeds(briefing: Briefing) -> list[Payload]:
    """Title and notes, one field per party (per topic for the overview), then the numbered sources."""
    numbers = source_numbers(briefing)
    embeds = _Embeds()
    header = [f"_{escape(note)}_" for note in briefing.notes]
    if briefing.is_empty:
        header.append(escape(f"No positions found. Known topics: {', '.join(briefing.known_topics) or 'none'}."))
    groups = grouped(briefing)
    if briefing.topic is None and not briefing.is_empty:
        header.append("Topics: " + escape(", ".join(str(topic) for topic, _ in groups)))
    embeds.section(visible(briefing.title), header)  # embed titles show no markdown: nothing to escape
    for topic, parties in groups:
        if topic is not None:
            embeds.section(visible(topic), [])
        for name, positions in parties:
            embeds.fields(escape(name), [f"• {new_mark(pos, NEW)}{position_line(_escaped(pos), numbers)}"
                                            for pos in positions])
    if numbers:
        embeds.section("Sources", [source_line(n, src) for src, n in zip(briefing.sources(), numbers.values())])
    return embeds.done()


def source_line(number: int, source: Source) -> str:
    """'[n] document (also in a and 41 more) — “quote”'; the document is a link only when the source has a
    usable URL (never invented)."""
    where = escape(source.document)
    url = safe_url(source.url)
    if url:
        where = f"[{escape(source.document.replace('[', '(').replace(']', ')'))}]({url})"
    return f"[{number}] {where}{escape(also_in(source, ALSO_SHOWN_CHAT))} — “{escape(source.quote)}”"


def escape(text: str) -> str:
    """Article text shown as written: markdown characters escaped, invisible controls removed, so a quote can
    never turn into a disguised link, a mention or formatting."""
    return _MARKDOWN.sub(lambda m: "\\" + m.group(), visible(text))


def safe_url(url: str | None) -> str | None:
    """An http(s) URL that cannot break out of a markdown link: spaces, quotes and controls percent-encoded,
    parentheses too unless balanced; None for any other scheme."""
    url = visible(url or "").strip()
    if not re.match(r"https?://[^\s/?#]", url, re.IGNORECASE):
        return None
    url = quote(url, safe=_URL_SAFE)
    depth = 0
    for ch in url:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            break
    return url if depth == 0 else url.replace("(", "%28").replace(")", "%29")


def _escaped(position: Position) -> Position:
    reported = escape(position.reported_by) if position.reported_by else position.reported_by
    return replace(position, text=escape(position.text), reported_by=reported)


class _Embeds:
    """Builds embed dicts; starts a continuation embed whenever one would break a limit."""

    def __init__(self) -> None:
        self.embeds: list[Payload] = []

    def section(self, title: str, lines: list[str]) -> None:
        """A titled embed whose description holds `lines` (more embeds if they exceed the description limit)."""
        titles = wrap_words(title, TITLE)
        lines = ([" ".join(titles[1:])] if len(titles) > 1 else []) + lines
        chunks = pack(lines, DESCRIPTION) or [""]
        for i, chunk in enumerate(chunks):
            embed: Payload = {"color": COLOR, "fields": []}
            if i == 0 and titles[0]:
                embed["title"] = titles[0]
            if chunk:
                embed["description"] = chunk
            self.embeds.append(embed)

    def fields(self, name: str, lines: list[str]) -> None:
        """One field named `name` holding `lines`, continued in further fields past 1024 characters."""
        names = wrap_words(name, FIELD_NAME) or ["\u200b"]
        lines = ([" ".join(names[1:])] if len(names) > 1 else []) + lines
        more = names[0] + CONTINUED if len(names[0]) + len(CONTINUED) <= FIELD_NAME else CONTINUED.strip()
        for i, value in enumerate(pack(lines, FIELD_VALUE) or ["\u200b"]):
            self._field(names[0] if i == 0 else more, value)

    def _field(self, name: str, value: str) -> None:
        embed = self.embeds[-1] if self.embeds else None
        if embed is None or len(embed["fields"]) >= FIELDS or embed_length(embed) + len(name) + len(value) > TOTAL:
            embed = {"color": COLOR, "fields": []}
            self.embeds.append(embed)
        embed["fields"].append({"name": name, "value": value, "inline": False})

    def done(self) -> list[Payload]:
        for embed in self.embeds:
            if not embed["fields"]:
                del embed["fields"]
        return self.embeds


def pack(lines: list[str], limit: int) -> list[str]:
    """Join whole lines with newlines into chunks of at most `limit`; an overlong line is split between words."""
    return pack_lines(lines, limit, _TOKEN)


def wrap_words(text: str, limit: int) -> list[str]:
    """Split `text` between words (a markdown link is one word) into pieces of at most `limit`.

    Only a single word longer than `limit` itself is cut (no Discord field could hold it whole).
    """
    return split_words(text, limit, _TOKEN)


def embed_length(embed: Payload) -> int:
    """What Discord counts toward the 6000-character total (same as `len(discord.Embed)`)."""
    return (
        len(embed.get("title", ""))
        + len(embed.get("description", ""))
        + sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", ()))
        + len(embed.get("footer", {}).get("text", ""))
        + len(embed.get("author", {}).get("name", ""))
    )


def message_length(message: Payload) -> int:
    """Characters of one message: its content plus every embed (kept at most TOTAL, stricter than Discord)."""
    return len(message.get("content") or "") + sum(embed_length(e) for e in message["embeds"])
