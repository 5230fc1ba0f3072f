"""Pure Slack renderer: a Reply becomes one or more Block Kit messages within Slack's limits."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from bot.app.commands import Reply
from bot.render.bounds import chat_bounded
from bot.render.common import (ALSO_SHOWN_CHAT, also_in, grouped, new_mark, position_line, source_numbers,
                               split_words, visible)
from bot.render.common import pack_lines as _pack_lines
from summarizer import Briefing, Source

MAX_BLOCKS = 50  # per message
MAX_HEADER = 150  # header plain_text
MAX_SECTION = 3000  # section text
MAX_CONTEXT_ELEMENTS = 10
MAX_ELEMENT = 2000  # one context element's text
# Slack rejects messages with msg_blocks_too_long at about 13k characters, below its documented limits
# (slackapi/bolt-js#2509); we budget the whole serialised `blocks` array, containers included.
MAX_MESSAGE = 10_000
MAX_NAME = 200  # a party label; longer "names" are not names, and the bullets need the room
MAX_FALLBACK = 300  # the `text` fallback only feeds notifications; the blocks carry everything
NEW = "*new*"  # bold, before a position new since the channel's previous post
_PART_SLACK = 40  # room left for the "part i of n" label, written after packing

_WORD = re.compile(r"(?:<[^<>]*>|\S)+")  # a word; a `<url|label>` link (even with spaces) is never split


def escape(text: str) -> str:
    """Slack's three control characters, so document text can never mention, ping or link."""
    return visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_messages(reply: Reply) -> list[dict]:
    """Messages ({"text", "blocks"}) for a Reply: a briefing, bounded for chat and split to fit Slack, or a plain
    message."""
    if reply.briefing is None:
        return _plain_messages(reply.message)
    return _briefing_messages(chat_bounded(reply.briefing))


# --- text splitting -------------------------------------------------------------------------------------


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, cut between words (links stay whole), nothing dropped."""
    return split_words(text, limit, _WORD)


def pack_lines(lines: list[str], limit: int) -> list[str]:
    """Join lines with newlines into chunks of at most `limit`; over-long lines are split between words."""
    return _pack_lines(lines, limit, _WORD)


# --- blocks ---------------------------------------------------------------------------------------------


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _header(text: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": _clip(text, MAX_HEADER), "emoji": False}}


def _contexts(lines: list[str]) -> list[dict]:
    elements = [{"type": "mrkdwn", "text": chunk} for chunk in pack_lines(lines, MAX_ELEMENT)]
    return [
        {"type": "context", "elements": elements[i : i + MAX_CONTEXT_ELEMENTS]}
        for i in range(0, len(elements), MAX_CONTEXT_ELEMENTS)
    ]


def _clip(text: str, limit: int) -> str:
    """A label shortened at a word boundary (headers and fallbacks only: the blocks keep the full text)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > limit // 2 else cut
    return re.sub(r"&[a-z]*$", "", cut).rstrip() + "…"  # never leave half an entity such as "&am"


def _size(blocks: list[dict]) -> int:
    return len(json.dumps(blocks, ensure_ascii=False))


def _plain_messages(message: str) -> list[dict]:
    text = escape(message)
    sections = [_section(chunk) for chunk in pack_lines(text.split("\n"), MAX_SECTION)] or [_section(" ")]
    return _bundle_plain(sections, _clip(text, MAX_FALLBACK) or " ")


def _bundle_plain(sections: list[dict], fallback: str) -> list[dict]:
    messages: list[dict] = []
    for block in sections:
        if messages and len(messages[-1]["blocks"]) < MAX_BLOCKS and _size(messages[-1]["blocks"] + [block]) <= MAX_MESSAGE:
            messages[-1]["blocks"].append(block)
        else:
            messages.append({"text": fallback, "blocks": [block]})
    return messages


# --- briefings ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    """One bullet (or a piece of a long one) with where it belongs and the sources it cites."""

    topic: str | None
    party: str
    text: str
    sources: tuple[int, ...]


@dataclass
class _Draft:
    """What one message will hold: bullets, the source pieces shown beside them, notes."""

    lines: list[_Line] = field(default_factory=list)
    pieces: list[tuple[int, int, str]] = field(default_factory=list)  # (source number, index, text)
    notes: list[str] = field(default_factory=list)

    def shown(self) -> set[int]:
        return {n for n, _, _ in self.pieces}

    def plus(self, line: _Line | None = None, pieces=(), notes=()) -> _Draft:
        return _Draft(self.lines + ([line] if line else []), self.pieces + list(pieces), self.notes + list(notes))

    def empty(self) -> bool:
        return not (self.lines or self.pieces or self.notes)


class _Packer:
    """Greedy: each message takes as many bullets as fit together with the sources they cite."""

    def __init__(self, title: str, pieces: dict[int, list[str]]) -> None:
        self.title = title
        self.pieces = pieces
        self.drafts: list[_Draft] = []
        self.draft = _Draft()

    def fits(self, draft: _Draft) -> bool:
        label = f"part {len(self.drafts) + 1} of 99" if self.drafts else ""
        blocks = _render(draft, label, self.title)
        return len(blocks) <= MAX_BLOCKS and _size(blocks) <= MAX_MESSAGE - _PART_SLACK

    def push(self) -> None:
        if not self.draft.empty():
            self.drafts.append(self.draft)
        self.draft = _Draft()

    def add_line(self, line: _Line) -> None:
        shown = self.draft.shown()
        trial = self.draft.plus(line, self._pieces(n for n in line.sources if n not in shown))
        if self.fits(trial):
            self.draft = trial
            return
        self.push()
        trial = self.draft.plus(line, self._pieces(line.sources))
        if self.fits(trial):
            self.draft = trial
            return
        self.draft = self.draft.plus(line)  # its sources alone overflow a message: they follow, piece by piece
        for piece in self._pieces(line.sources):
            self.add(pieces=[piece])

    def add(self, pieces=(), notes=()) -> None:
        """One source piece or note: always fits in a fresh message (each is at most one context element)."""
        trial = self.draft.plus(pieces=pieces, notes=notes)
        if not self.fits(trial):
            self.push()
            trial = self.draft.plus(pieces=pieces, notes=notes)
        self.draft = trial

    def _pieces(self, numbers) -> list[tuple[int, int, str]]:
        return [(n, i, text) for n in numbers for i, text in enumerate(self.pieces[n])]


def _briefing_messages(briefing: Briefing) -> list[dict]:
    numbers = source_numbers(briefing)
    pieces = {
        n: split_text(_source_line(n, src), MAX_ELEMENT) for src, n in zip(briefing.sources(), numbers.values())
    }
    title = escape(briefing.title)
    notes = [p for note in briefing.notes for p in split_text(f"_{escape(note)}_", MAX_ELEMENT)]
    lines = _lines(briefing, numbers)
    if not lines:
        known = ", ".join(briefing.known_topics) or "none"
        empty = [_header(title), _section(escape(f"No positions found. Known topics: {known}."))]
        return [{"text": _clip(title, MAX_FALLBACK), "blocks": empty + _contexts(notes)}]
    packer = _Packer(title, pieces)
    for line in lines:
        packer.add_line(line)
    for note in notes:
        packer.add(notes=[note])
    packer.push()
    total = len(packer.drafts)
    messages = []
    for i, draft in enumerate(packer.drafts, 1):
        part = f"part {i} of {total}" if total > 1 else ""
        parties = list(dict.fromkeys(line.party for line in draft.lines))
        fallback = f"{title} ({part})" if part else title
        if parties:
            fallback += " — " + ", ".join(_clip(escape(p), MAX_NAME) for p in parties)
        messages.append({"text": _clip(fallback, MAX_FALLBACK), "blocks": _render(draft, part, title)})
    return messages


def _lines(briefing: Briefing, numbers: dict[tuple[str, str], int]) -> list[_Line]:
    out = []
    for topic, parties in grouped(briefing):
        for name, positions in parties:
            room = MAX_SECTION - len(_party_label(name, True)) - 1  # a bullet always fits under its label
            for pos in positions:
                refs = tuple(dict.fromkeys(numbers[(s.document, s.quote)] for s in pos.sources))
                for piece in split_text("• " + new_mark(pos, NEW) + escape(position_line(pos, numbers)), room):
                    out.append(_Line(topic, name, piece, refs))
    return out


def _party_label(name: str, continued: bool) -> str:
    return f"*{_clip(escape(name), MAX_NAME)}*" + (" (continued)" if continued else "")


def _source_line(n: int, src: Source) -> str:
    """'[n] document (also in a and 41 more) — “quote”'; a link only for a real http(s) URL the source
    carries."""
    doc = escape(src.document)
    url = src.url or ""
    if url.startswith(("https://", "http://")) and not any(ch.isspace() for ch in url):
        where = f"<{escape(url).replace('|', '%7C')}|{doc}>"
    else:
        where = f"`{doc}`"
    return f"[{n}] {where}{escape(also_in(src, ALSO_SHOWN_CHAT))} — “{escape(src.quote)}”"


def _render(draft: _Draft, part: str, title: str) -> list[dict]:
    """Blocks of one message: header (or a 'continued' line), topic headers, party sections, sources, notes."""
    if not part or part.startswith("part 1 "):
        blocks = [_header(title)]
    else:
        blocks = [{"type": "context", "elements": [{"type": "mrkdwn", "text": _clip(f"*{title}* ({part})", MAX_ELEMENT)}]}]
    topic: str | None = None
    run: list[_Line] = []
    for line in draft.lines + [None]:  # type: ignore[list-item]
        if run and (line is None or (line.topic, line.party) != (run[0].topic, run[0].party)):
            blocks += _party_sections(run[0].party, [r.text for r in run])
            run = []
        if line is None:
            break
        if line.topic is not None and line.topic != topic:
            topic = line.topic
            blocks.append(_header(escape(topic)))
        run.append(line)
    if draft.pieces:
        pieces = sorted(draft.pieces)
        label = ["*Sources*"] if pieces[0][1] == 0 else []  # not above the tail of a quote split across messages
        blocks += _contexts(label + [text for _, _, text in pieces])
    if draft.notes:
        blocks += _contexts(draft.notes)
    return blocks


def _party_sections(party: str, bullets: list[str]) -> list[dict]:
    """'*Party*' and its bullets, in as many sections as 3000 characters need."""
    label = _party_label(party, True)
    chunks = pack_lines(bullets, MAX_SECTION - len(label) - 1)
    return [_section(f"{_party_label(party, i > 0)}\n{chunk}") for i, chunk in enumerate(chunks)]
