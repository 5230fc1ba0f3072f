"""How much of a briefing a reader sees in text and markdown: a few lines and a few quoted sources, shared out by
how widely each party was reported, so that what a reader gets does not grow with the corpus (a wire sentence in
hundreds of outlets, twenty parties with five lines each). The JSON keeps every line, with capped source lists."""
from __future__ import annotations

from dataclasses import replace

from summarizer import Briefing, Position

LINES_SHOWN = 20  # position lines of a topic briefing: four parties keep all five of theirs
LINES_PER_TOPIC = 6  # position lines per topic of the overview (one per party, the most reported parties)
QUOTES_SHOWN = 20  # quoted sources per briefing; every line shown keeps at least one
SOURCES_PER_LINE = 3

Rows = list[tuple[int, list[int]]]  # (party index, indices of its positions) under one topic


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
    kept = _kept_lines(briefing)
    lines = [(i, j) for i, party in enumerate(briefing.parties) for j in range(len(party.positions)) if (i, j) in kept]
    wants = [min(len(briefing.parties[i].positions[j].sources), SOURCES_PER_LINE) for i, j in lines]
    sources = dict(zip(lines, share(wants, max(QUOTES_SHOWN, len(lines)))))
    parties = tuple(replace(p, positions=tuple(_cut(pos, sources[(i, j)]) for j, pos in enumerate(p.positions)
                                               if (i, j) in kept)) for i, p in enumerate(briefing.parties))
    left = sum(len(briefing.parties[i].positions[j].sources) - n for (i, j), n in sources.items())
    notes = _notes(briefing, parties, left)
    return replace(briefing, parties=parties, notes=briefing.notes + notes) if notes else briefing


def _cut(position: Position, n: int) -> Position:
    return position if n >= len(position.sources) else replace(position, sources=position.sources[:n])


def _kept_lines(briefing: Briefing) -> set[tuple[int, int]]:
    budget = LINES_SHOWN if briefing.topic is not None else LINES_PER_TOPIC
    kept: set[tuple[int, int]] = set()
    for rows in _groups(briefing).values():
        order = sorted(rows, key=lambda row: -_reach(briefing, row))  # stable: ties keep the briefing's order
        for (i, positions), n in zip(order, share([len(p) for _, p in order], budget)):
            kept.update((i, j) for j in positions[:n])
    return kept


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
