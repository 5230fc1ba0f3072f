"""Briefing quality on every annotated story (issue 9): the bars a user's briefing must clear, story by story.

Each story under tests/data/stories/ holds wire-style articles and a gold.json (the shared seed.json format) whose
profile is what a user would write before reading. Briefings come from the CLI contract, scored by
tests/story_scoring.py with the shared scorer's figures. Bars are the issue's; cases the core does not meet yet
are listed in KNOWN_GAPS with today's figure (non-strict xfail): delete an entry once the core clears it.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from tests.story_scoring import STORIES, auto_party_check, listed_parties, load_gold, score, story_briefings

ALL = sorted(p.parent.name for p in STORIES.glob("*/gold.json"))
OLDER = {"seed", "gaza", "trade", "iran", "kashmir"}  # attributed perfectly before issue 9: that bar stays

KNOWN_GAPS = {
    # (check, story): figure measured when the entry was written or last updated (2026-11-26)
    ("recall", "election"): "pair_recall 0.688 (fraud lines whose words name no fraud: 'the numbers announced are "
                            "not the numbers our agents signed', 'voting had been largely peaceful')",
    ("recall", "gaza"): "pair_recall 0.812 (one topic per line: 'urged Hamas to accept the proposal' only under "
                        "hostages; missing ceasefire: United States, Jordan; governance: Hamas)",
    ("recall", "kashmir"): "pair_recall 0.833 (Rubio 'welcomed their common sense' has no ceasefire word; the "
                           "sentence before is about diplomacy)",
    ("recall", "trade"): "pair_recall 0.833 ('not seeking to decouple ... would protect strategic industries' "
                         "names no export-control term)",
    ("recall", "border"): "pair_recall 0.769 ('Caribbean leaders' is not a profile alias; 'urging both sides to "
                          "avoid any use of force' names no talks term)",
}


def cases(check: str, stories=ALL) -> list:
    """Stories as parameters, each marked xfail where KNOWN_GAPS records a gap for this check."""
    return [pytest.param(s, marks=pytest.mark.xfail(strict=False, reason=KNOWN_GAPS[(check, s)]))
            if (check, s) in KNOWN_GAPS else s for s in stories]


@lru_cache(maxsize=None)
def figures(story: str, with_profile: bool) -> dict:
    """The scorer's figures for a story (computed once per run: each briefing is a `python -m bot` process)."""
    return score(load_gold(story), story_briefings(story, with_profile))


@pytest.mark.parametrize("story", cases("clean_lines", ALL))
def test_lines_read_on_their_own(story):
    result = figures(story, True)
    assert result["items"] > 0
    assert result["clean_line_rate"] >= 0.95, result["line_defects"]


@pytest.mark.parametrize("story", cases("attribution", ALL))
def test_positions_go_to_the_party_that_holds_them(story):
    result = figures(story, True)
    assert result["attribution_precision"] is not None, "no item quotes a gold evidence sentence"
    assert result["attribution_precision"] >= (1.0 if story in OLDER else 0.95)


@pytest.mark.parametrize("story", cases("topic", ALL))
def test_lines_sit_under_their_own_topic(story):
    result = figures(story, True)
    assert result["topic_precision"] is not None, "no item is attributed right"
    assert result["topic_precision"] >= 0.85


@pytest.mark.parametrize("story", cases("recall", ALL))
def test_each_party_position_on_each_topic_is_found(story):
    result = figures(story, True)
    missed = {t: [p for p, hit in parties.items() if not hit] for t, parties in result["per_topic"].items()}
    assert result["pair_recall"] >= (1.0 if story == "seed" else 0.85), {t: m for t, m in missed.items() if m}


@pytest.mark.parametrize("story", cases("concise", ALL))
def test_lines_are_short_and_not_repeated(story):
    result = figures(story, True)
    assert result["duplicate_items"] == 0
    assert result["words_per_position"] is not None and 8 <= result["words_per_position"] <= 20


@pytest.mark.parametrize("story", cases("cut_short", ALL))
def test_no_line_is_cut_short(story):
    texts = figures(story, True)["texts"] + figures(story, False)["texts"]
    assert not [t for t in texts if "\u2026" in t or "..." in t]


@pytest.mark.parametrize("story", cases("auto_found", ALL))
def test_auto_mode_finds_every_party_that_holds_a_stance(story):
    missed, _ = auto_party_check(load_gold(story), _listed(story))
    assert not missed


@pytest.mark.parametrize("story", cases("auto_strays", ALL))
def test_auto_mode_lists_only_parties_that_hold_a_stance(story):
    _, strays = auto_party_check(load_gold(story), _listed(story))
    assert not strays


@lru_cache(maxsize=None)
def _listed(story: str) -> tuple:
    return tuple(listed_parties(story))


def test_seed_without_profile_holds_recall_and_precision():
    result = figures("seed", False)
    assert result["pair_recall"] == 1.0
    assert result["attribution_precision"] == 1.0


@pytest.mark.parametrize("story", cases("auto_clean_seed", ["seed"]))
def test_seed_without_profile_lines_read_on_their_own(story):
    assert figures(story, False)["clean_line_rate"] == 1.0


@pytest.mark.parametrize("story", cases("clean_seed", ["seed"]))
def test_seed_with_profile_every_line_reads_on_its_own(story):
    assert figures(story, True)["clean_line_rate"] == 1.0


def test_the_seed_with_the_profile_it_ships_with_gives_every_gold_pair():
    # `python -m bot brief TOPIC` on seeds/ reads seeds/profile.toml (the scorer's '--profile auto' on the seed
    # folder does too): the README's first briefing must hold every annotated position's party
    from tests.story_scoring import ROOT, run_cli
    gold = load_gold("seed")
    briefings = {topic: run_cli("brief", topic, "--docs", str(ROOT / "seeds")) for topic in gold["topics"]}
    figures = score(gold, briefings)
    assert (figures["pair_recall"], figures["attribution_precision"], figures["clean_line_rate"]) == (1.0, 1.0, 1.0)
