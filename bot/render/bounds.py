"""How much of a briefing a reader sees in text, markdown and chat: a few lines and a few quoted sources, shared out
by how widely each party was reported, so that what a reader gets does not grow with the corpus (a wire sentence in
hundreds of outlets, twenty parties with five lines each). The JSON keeps every line, with capped source lists."""
from __future__ import annotations

from dataclasses import dataclass, replace

from summarizer import Briefing, PartyBriefing, Position

LINES_SHOWN = 20  # position lines of a topic briefing: four parties keep all five of theirs
LINES_PER_TOPIC = 6  # position lines per topic of the overview (one per party, the most reported parties)
QUOTES_SHOWN = 20  # quoted sources per briefing; every line shown keeps at least one
SOURCES_PER_LINE = 3

Rows = list[tuple[int, list[int]]]  # (party index, indices of its positions) under one topic


@dataclass(frozen=True)
class Budget:
    """How much of a briefing one kind of output shows."""

    lines: int = LINES_SHOWN  # position lines of a topic briefing
    lines_per_topic: int = LINES_PER_TOPIC  # ... per topic of the overview
    overview_lines: int | None = None  # ... of the whole overview (None: every topic keeps lines_per_topic)
    quotes: int = QUOTES_SHOWN  # quoted sources (at least one per line shown)
    sources_per_line: int = SOURCES_PER_LINE
    chars: int | None = None  # characters of lines and quotes shown; fewer lines while over (one always stays)
    new_first: bool = False  # lines new since the reader's previous post go before the rest (a scheduled post)

    def smaller(self, overview: bool) -> Budget | None:
        """One line and one quote fewer (on a topic, or in the whole overview), or None at one line."""
        if overview and (self.overview_lines or 0) > 1:
            return replace(self, overview_lines=self.overview_lines - 1, quotes=max(1, self.quotes - 1))
        if not overview and self.lines > 1:
            return replace(self, lines=self.lines - 1, quotes=max(1, self.quotes - 1))
        return None


TEXT = Budget()
# Chat: a Discord message holds 6,000 characters and 10 embeds, a Slack one about 10,000 (serialised blocks), and a
# Slack command gets 5 replies through response_url. 12 lines with a quote each (news-length sentences: ~5 KB) fit
# one message on either platform; the overview gets 3 lines a topic, 24 in all (2 Slack or 3 Discord messages for
# ten topics); and at most 12,000 characters of lines and quotes however long the sentences (one line always stays).
# What moved since the channel's previous post is what a daily post is for: new lines are kept first.
CHAT = Budget(lines=12, lines_per_topic=3, overview_lines=24, quotes=12, sources_per_line=2, chars=12_000,
              new_first=True)
NAMES_SHOWN = 5  # parties (or topics) named in a chat note on what was left out; the rest are counted


def share(wants: list[int], budget: int) -> list[int]:
    """How many of its items each claimant keeps: all of them when everything fits; else rounds of one more
    each, claimants in the order given (the most prominent first), until the budget is spent."""
    if sum(wants) <= budget:
        return list(wants)
    kept = [0] * len(wants)
    for round_ in range(1, max(wants, default=0) + 1):
        for k, want in enumerate(wants):
            if budget > 0 and want >= round_:
                kept[k] += 1
                budget -= 1
    return kept


def bounded(briefing: Briefing) -> Briefing:
    """The briefing as a reader sees it: at most LINES_SHOWN lines on a topic (LINES_PER_TOPIC per topic of the
    overview) and QUOTES_SHOWN quoted sources, with notes saying what was left out."""
    parties, left = trimmed(briefing, TEXT)
    notes = _notes(briefing, parties, left)
    return replace(briefing, parties=parties, notes=briefing.notes + notes) if notes else briefing


def trimmed(briefing: Briefing, budget: Budget) -> tuple[tuple[PartyBriefing, ...], int]:
    """The parties with only the lines and quoted sources `budget` shows, and how many sources were left out."""
    ranked = _ranked(briefing, budget.new_first)
    parties, left = _trimmed(briefing, ranked, budget)
    overview = briefing.topic is None
    smaller = budget.smaller(overview)
    while budget.chars is not None and _chars(parties) > budget.chars and smaller is not None:
        parties, left = _trimmed(briefing, ranked, smaller)
        smaller = smaller.smaller(overview)
    return parties, left


def _chars(parties: tuple[PartyBriefing, ...]) -> int:
    return sum(len(pos.text) + sum(len(s.quote) for s in pos.sources) for p in parties for pos in p.positions)


Ranked = list[tuple[Rows, int]]  # each group's rows, the most widely reported party first, and the group's reach


def _trimmed(briefing: Briefing, ranked: Ranked, budget: Budget) -> tuple[tuple[PartyBriefing, ...], int]:
    kept = _kept_lines(briefing, ranked, budget)
    lines = [(i, j) for i, party in enumerate(briefing.parties) for j in range(len(party.positions)) if (i, j) in kept]
    wants = [min(len(briefing.parties[i].positions[j].sources), budget.sources_per_line) for i, j in lines]
    sources = dict(zip(lines, share(wants, max(budget.quotes, len(lines)))))
    parties = tuple(replace(p, positions=tuple(_cut(pos, sources[(i, j)]) for j, pos in enumerate(p.positions)
                                               if (i, j) in kept)) for i, p in enumerate(briefing.parties))
    left = sum(len(briefing.parties[i].positions[j].sources) - n for (i, j), n in sources.items())
    return parties, left


def _cut(position: Position, n: int) -> Position:
    return position if n >= len(position.sources) else replace(position, sources=position.sources[:n])


def _ranked(briefing: Briefing, new_first: bool) -> Ranked:
    """Each group's rows, the most widely reported party first (ties keep the briefing's order), and the group's
    reach: worked out once however often the budget is tried. With `new_first`, parties with new lines go first
    and so do their new lines."""
    ranked = []
    for rows in _groups(briefing).values():
        reach = {row[0]: _reach(briefing, row) for row in rows}
        if new_first:
            rows = [(i, sorted(js, key=lambda j: not briefing.parties[i].positions[j].new)) for i, js in rows]
        fresh = {i: new_first and briefing.parties[i].positions[js[0]].new for i, js in rows}
        ranked.append((sorted(rows, key=lambda row: (not fresh[row[0]], -reach[row[0]])), sum(reach.values())))
    return ranked


def _kept_lines(briefing: Briefing, ranked: Ranked, budget: Budget) -> set[tuple[int, int]]:
    kept: set[tuple[int, int]] = set()
    for (rows, _), lines in zip(ranked, _topic_lines(briefing, ranked, budget)):
        for (i, positions), n in zip(rows, share([len(p) for _, p in rows], lines)):
            kept.update((i, j) for j in positions[:n])
    return kept


def _topic_lines(briefing: Briefing, ranked: Ranked, budget: Budget) -> list[int]:
    """Lines each group may show: the topic's budget, or for the overview a share of `overview_lines` with the
    most widely reported topics served first."""
    if briefing.topic is not None:
        return [budget.lines] * len(ranked)
    if budget.overview_lines is None:
        return [budget.lines_per_topic] * len(ranked)
    wants = [min(sum(len(p) for _, p in rows), budget.lines_per_topic) for rows, _ in ranked]
    order = sorted(range(len(ranked)), key=lambda g: -ranked[g][1])
    shares = dict(zip(order, share([wants[g] for g in order], budget.overview_lines)))
    return [shares[g] for g in range(len(ranked))]


def _groups(briefing: Briefing) -> dict[str | None, Rows]:
    """Each party's positions under each topic (one topic for a topic briefing)."""
    groups: dict[str | None, Rows] = {}
    for i, party in enumerate(briefing.parties):
        for j, pos in enumerate(party.positions):
            rows = groups.setdefault(pos.topic if briefing.topic is None else None, [])
            if not rows or rows[-1][0] != i:
                rows.append((i, []))
            rows[-1][1].append(j)
    return groups


def _reach(briefing: Briefing, row: tuple[int, list[int]]) -> int:
    """How widely a party was reported on the topic: the documents behind its lines."""
    positions = briefing.parties[row[0]].positions
    return sum(1 + len(s.also) for j in row[1] for s in positions[j].sources)


def _notes(briefing: Briefing, shown: tuple, sources_left: int) -> tuple[str, ...]:
    notes = []
    lines = sum(len(p.positions) for p in briefing.parties) - sum(len(p.positions) for p in shown)
    if lines:
        missing = [p.name for p, s in zip(briefing.parties, shown) if p.positions and not s.positions]
        notes.append(f"{lines} more lines are not shown (the most widely reported parties first; the JSON format "
                     f"lists them all)" + (f"; not shown: {', '.join(missing)}." if missing else "."))
    if sources_left:
        notes.append(f"{sources_left} more sources saying much the same are not listed.")
    return tuple(notes)


def chat_bounded(briefing: Briefing) -> Briefing:
    """The briefing as a chat reader gets it: the CHAT budget, with short notes on what was left out and where
    to find all of it."""
    parties, left = trimmed(briefing, CHAT)
    notes = _chat_notes(briefing, parties, left)
    return replace(briefing, parties=parties, notes=briefing.notes + notes) if notes else briefing


def _chat_notes(briefing: Briefing, shown: tuple[PartyBriefing, ...], sources_left: int) -> tuple[str, ...]:
    notes = []
    lines = sum(len(p.positions) for p in briefing.parties) - sum(len(p.positions) for p in shown)
    if lines:
        parties = [p.name for p, s in zip(briefing.parties, shown) if p.positions and not s.positions]
        topics = _topics(briefing.parties) - _topics(shown)
        titles = [briefing.topic_title(t) for t in dict.fromkeys(
            pos.topic for p in briefing.parties for pos in p.positions) if t in topics]
        command = " ".join(["python -m bot brief", *([briefing.topic] if briefing.topic else []), "--format json"])
        first = "new lines, then " if any(pos.new for p in briefing.parties for pos in p.positions) else ""
        are = "line is" if lines == 1 else "lines are"
        notes.append(f"{lines} more {are} not shown ({first}the most widely reported parties come first)"
                     + (f"; parties not shown: {_some(parties)}" if parties else "")
                     + (f"; topics not shown: {_some(titles)}" if titles else "")
                     + f". All of them: {command}")
    if sources_left:
        notes.append(f"{sources_left} more sources saying much the same are not listed.")
    return tuple(notes)


def _topics(parties: tuple[PartyBriefing, ...]) -> set[str]:
    return {pos.topic for p in parties for pos in p.positions}


def _some(names: list[str]) -> str:
    """'A, B, C, D, E and 12 more': a note on what was left out must not itself grow with the corpus."""
    more = len(names) - NAMES_SHOWN
    return ", ".join(names[:NAMES_SHOWN]) + (f" and {more} more" if more > 0 else "")
