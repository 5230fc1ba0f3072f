"""Text and markdown briefings stay short however many parties, lines and syndicated copies there are: lines and
quoted sources are shared out by how widely each party was reported; a small briefing is shown whole."""
from __future__ import annotations

import json

from bot.render.bounds import LINES_PER_TOPIC, LINES_SHOWN, QUOTES_SHOWN, bounded, share
from bot.render.terminal import render_briefing
from summarizer import Briefing, PartyBriefing, Position, Source

KB = 1024


def _party(name: str, lines: int, sources: int = 3, copies: int = 0, topic: str = "nato") -> PartyBriefing:
    positions = tuple(
        Position(text=f"{name} line {k} on the alliance and its members, in about fifteen words here.", topic=topic,
                 sources=tuple(Source(document=f"news/{name}-{k}-{s}.txt",
                                      quote=f"{name} said thing {k}, told by outlet {s}, about the alliance and the "
                                            f"membership question that divides the parties this week.",
                                      also=tuple(f"wire/{name}-{k}-{s}-{c}.txt" for c in range(copies)))
                              for s in range(sources)))
        for k in range(lines))
    return PartyBriefing(name, positions)


def _briefing(parties: list[PartyBriefing], topic: str | None = "nato") -> Briefing:
    return Briefing(topic=topic, title="NATO membership: where each party stands", parties=tuple(parties))


def _shown(briefing: Briefing) -> dict[str, int]:
    return {p.name: len(p.positions) for p in briefing.parties if p.positions}


def test_share_gives_everything_when_it_fits_else_rounds_in_order():
    assert share([5, 5, 2], 20) == [5, 5, 2]
    assert share([5, 5, 5, 5, 5], 12) == [3, 3, 2, 2, 2]
    assert share([1] * 25, 20) == [1] * 20 + [0] * 5
    assert share([], 3) == []


def test_a_small_briefing_is_shown_whole():
    briefing = _briefing([_party(n, 2, sources=2) for n in ("Ukraine", "Russia", "United States", "NATO")])
    assert bounded(briefing) == briefing
    assert "note:" not in render_briefing(briefing, "text")


def test_a_briefing_with_few_parties_keeps_every_line_and_shares_the_quotes():
    briefing = _briefing([_party(n, 5) for n in ("Ukraine", "Russia", "United States", "NATO")])
    shown = bounded(briefing)
    assert _shown(shown) == {"Ukraine": 5, "Russia": 5, "United States": 5, "NATO": 5}
    assert all(len(pos.sources) == 1 for p in shown.parties for pos in p.positions)  # 20 lines, 20 quotes
    assert "40 more sources saying much the same are not listed." in render_briefing(briefing, "text")


def test_many_parties_share_the_lines_by_how_widely_they_were_reported():
    parties = [_party(f"Party{k:02d}", 5, copies=k) for k in range(18)]  # Party17 is the most widely carried
    briefing = _briefing(parties)
    shown = bounded(briefing)
    counts = _shown(shown)
    assert sum(counts.values()) == LINES_SHOWN and len(counts) == 18  # every party keeps a line
    assert counts["Party17"] == counts["Party16"] == 2 and counts["Party00"] == 1
    assert all(1 <= len(pos.sources) for p in shown.parties for pos in p.positions)  # every line keeps a source
    assert len(shown.sources()) == max(QUOTES_SHOWN, LINES_SHOWN)
    text = render_briefing(briefing, "text")
    assert len(text.encode()) < 8 * KB and len(render_briefing(briefing, "markdown").encode()) < 8 * KB
    assert "70 more lines are not shown" in " ".join(text.split())
    [all_lines] = [sum(len(p["positions"]) for p in json.loads(render_briefing(briefing, "json"))["parties"])]
    assert all_lines == 90  # the JSON keeps every line


def test_parties_beyond_the_budget_are_named():
    briefing = _briefing([_party(f"Party{k:02d}", 1, copies=25 - k) for k in range(25)])
    text = " ".join(render_briefing(briefing, "text").split())
    assert "not shown: Party20, Party21, Party22, Party23, Party24." in text
    assert "Party19 line 0" in text and "Party20 line 0" not in text


def test_the_overview_keeps_a_few_lines_per_topic():
    parties = [PartyBriefing(f"Party{k:02d}", _party(f"Party{k:02d}", 1, topic="nato").positions
                             + _party(f"Party{k:02d}", 1, topic="aid").positions) for k in range(10)]
    shown = bounded(_briefing(parties, topic=None))
    for topic in ("nato", "aid"):
        assert sum(pos.topic == topic for p in shown.parties for pos in p.positions) == LINES_PER_TOPIC


def test_the_text_does_not_grow_with_syndication():
    small = render_briefing(_briefing([_party(f"Party{k:02d}", 5, copies=1) for k in range(18)]), "text")
    large = render_briefing(_briefing([_party(f"Party{k:02d}", 5, copies=600) for k in range(18)]), "text")
    assert len(large.encode()) < 8 * KB and len(large) - len(small) < 2 * KB
