"""The annotated stories and the local scorer themselves: gold files that are well formed, and figures computed
the way the shared scorer computes them (so a story test fails for the core's sake, never the yardstick's)."""
from __future__ import annotations

import html
import re

import pytest

from tests.story_scoring import STORIES, auto_party_check, gold_positions, line_defects, load_gold, norm, score

ALL = sorted(p.parent.name for p in STORIES.glob("*/gold.json"))


def _plain(path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".html", ".htm"):
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return norm(text)


@pytest.mark.parametrize("story", ALL)
def test_gold_is_well_formed_and_every_snippet_is_verbatim(story):
    gold = load_gold(story)
    assert set(gold) == {"story", "parties", "topics", "docs"}
    texts = {p.name: _plain(p) for p in (STORIES / story).iterdir() if p.suffix in (".txt", ".md", ".html")}
    for doc in gold["docs"]:
        source = texts[doc["url"].rsplit("/", 1)[-1]]
        for pos in doc["positions"]:
            assert pos["party"] in gold["parties"] and pos["topic"] in gold["topics"], pos
            assert pos["position"].strip(), pos
            assert norm(pos["evidence"]) in source, pos["evidence"]


@pytest.mark.parametrize("story", ALL)
def test_every_profile_party_and_topic_carries_a_gold_stance(story):
    gold = load_gold(story)
    positions = gold_positions(gold)
    assert {p["party"] for p in positions} == set(gold["parties"])
    assert {p["topic"] for p in positions} == set(gold["topics"])


@pytest.mark.parametrize("text, defects", [
    ("Laos refuses to stop building the dam during talks.", []),
    ("He said the strike would go on.", ["pronoun_start"]),
    ("“We will not surrender,” the rebels said.", ["pronoun_start"]),  # a first-person quote needs its speaker
    ("FAL: “We did not come to surrender.”", []),
    ("These demands would bankrupt the company.", ["pronoun_start"]),
    ("The union wants a rise of 12% and…", ["cut_short"]),
    ("The regulator wants the halt kept...", ["cut_short"]),
    ("LIMA - Peru rejects the ruling.", ["dateline"]),
    ('The EU calls the plan "a step backwards.', ["unbalanced_quotes"]),
    ("rejects the offer as too little.", ["lowercase_start"]),
])
def test_line_defects_match_the_readme(text, defects):
    assert line_defects(text) == defects


GOLD = {"parties": {"Union": ["HRWU"], "Company": ["Freight Co"]}, "topics": {"wages": [], "strike": []},
        "docs": [{"id": "x/001", "positions": [
            {"party": "Union", "topic": "wages", "position": "", "evidence": "The union wants 12%"},
            {"party": "Company", "topic": "wages", "position": "", "evidence": "the company offers 5%"},
            {"party": "Union", "topic": "strike", "position": "", "evidence": "The strike goes on, the HRWU said"}]}]}


def _item(party: str, text: str, quote: str) -> dict:
    return {"name": party, "positions": [{"text": text, "sources": [{"quote": quote}]}]}


def test_scorer_credits_right_party_and_topic_and_counts_errors():
    both = "The union wants 12%, while the company offers 5%."
    wages = {"parties": [_item("HRWU", "The union wants a 12% rise.", both),
                         _item("Union", "The union wants a 12% rise again.", both),
                         _item("Freight Co", "The strike goes on, the HRWU said.", "The strike goes on, the HRWU said.")]}
    strike = {"parties": [_item("Company", "He says the company offers 5%…", both)]}
    result = score(GOLD, {"wages": wages, "strike": strike})
    assert result["per_topic"] == {"wages": {"Union": True, "Company": False}, "strike": {"Union": False}}
    assert result["pair_recall"] == round(1 / 3, 3)
    assert result["attribution_precision"] == 0.75  # the strike quote under the company is wrong
    assert result["topic_precision"] == round(2 / 3, 3)  # the company's wage line under "strike" is off topic
    assert result["duplicate_items"] == 1
    assert result["clean_line_rate"] == 0.75 and result["line_defects"] == {"pronoun_start": 1, "cut_short": 1}


def test_auto_party_check_matches_names_and_aliases_both_ways():
    listed = [{"name": "HRWU", "aliases": []}, {"name": "Durban", "aliases": ["Durban port"]}]
    missed, strays = auto_party_check(GOLD, listed)
    assert missed == ["Company"] and strays == ["Durban"]
