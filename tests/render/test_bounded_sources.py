"""A source carried by hundreds of syndicated copies stays a short line (text) and a capped list (JSON)."""
from __future__ import annotations

import json

from bot.render.terminal import ALSO_KEPT, ALSO_SHOWN, render_briefing
from summarizer import Briefing, PartyBriefing, Position, Source

COPIES = tuple(f"wire/copy{n:03d}.txt" for n in range(630))


def _briefing(also: tuple[str, ...]) -> Briefing:
    source = Source(document="wire/original.txt", quote="Russia said it would not accept NATO troops.", also=also)
    position = Position(text="Would not accept NATO troops.", topic="nato", sources=(source,))
    return Briefing(topic="nato", title="NATO", parties=(PartyBriefing("Russia", (position,)),))


def test_text_names_a_few_documents_then_counts_the_rest():
    text = render_briefing(_briefing(COPIES), "text")
    assert "wire/copy000.txt, wire/copy001.txt, wire/copy002.txt and 627 more" in " ".join(text.split())
    assert "copy003" not in text and len(text) < 1000
    assert "and" not in render_briefing(_briefing(COPIES[:2]), "markdown").split("also in")[1].split(")")[0]


def test_json_keeps_a_short_list_a_count_and_a_capped_full_list():
    [source] = json.loads(render_briefing(_briefing(COPIES), "json"))["parties"][0]["positions"][0]["sources"]
    assert source["also_in"] == list(COPIES[:ALSO_SHOWN]) and source["also_in_count"] == 630
    assert source["also_in_all"] == list(COPIES[:ALSO_KEPT])


def test_a_line_echoed_by_many_near_identical_sentences_shows_three_sources():
    sources = tuple(Source(document=f"wire/{n}.txt", quote=f"Russia said on day {n} it would not accept NATO troops.")
                    for n in range(40))
    position = Position(text="Would not accept NATO troops.", topic="nato", sources=sources)
    briefing = Briefing(topic="nato", title="NATO", parties=(PartyBriefing("Russia", (position,)),))
    text = render_briefing(briefing, "text")
    assert "day 2 " in text and "day 3 " not in text
    assert "37 more sources saying much the same are not listed" in " ".join(text.split())
    [party] = json.loads(render_briefing(briefing, "json"))["parties"]
    assert len(party["positions"][0]["sources"]) == 10 and party["positions"][0]["sources_count"] == 40
