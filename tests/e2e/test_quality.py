"""Briefing quality on annotated stories (the seed and four wire-style stories of other conflicts).

A compact version of the shared scorer: an item counts for a gold (party, topic) pair when it sits under that
party and quotes the pair's evidence; an item quoting evidence under a party that holds nothing in it is wrong.
"""
import json
import unicodedata
from pathlib import Path

import pytest

from bot.infra.documents import load_documents
from summarizer import Party, Profile, Topic, analyze, brief

STORIES = Path(__file__).resolve().parents[1] / "data" / "stories"


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    for a, b in {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}.items():
        text = text.replace(a, b)
    return " ".join(text.split()).lower()


def _score(story: Path, with_profile: bool) -> tuple[float, float, int]:
    gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
    parties = tuple(Party(n, tuple(a)) for n, a in gold["parties"].items()) if with_profile else ()
    topics = tuple(Topic(k, tuple(w)) for k, w in gold["topics"].items()) if with_profile else ()
    analysis = analyze(load_documents(story, warn=lambda m: None), Profile(parties, topics))
    evidence = [p for d in gold["docs"] for p in d["positions"]]
    alias = {_norm(a): n for n, aliases in gold["parties"].items() for a in (n, *aliases)}
    pairs = hits = matched = correct = 0
    for topic in gold["topics"]:
        items = [(alias.get(_norm(p.name)), [_norm(s.quote) for s in pos.sources])
                 for p in brief(analysis, topic).parties for pos in p.positions]
        for party, quotes in items:
            holders = {e["party"] for e in evidence if any(_norm(e["evidence"]) in q for q in quotes)}
            matched += bool(holders)
            correct += party in holders
        wanted = {e["party"] for e in evidence if e["topic"] == topic}
        pairs += len(wanted)
        hits += sum(any(p == e["party"] and any(_norm(e["evidence"]) in q for q in quotes)
                        for p, quotes in items for e in evidence if e["topic"] == topic and e["party"] == w)
                    for w in wanted)
    return hits / pairs, correct / max(1, matched), matched


@pytest.mark.parametrize("story", ["seed", "gaza", "trade", "iran", "kashmir"])
def test_positions_go_to_the_right_party_with_high_recall(story):
    recall, precision, matched = _score(STORIES / story, with_profile=True)
    assert matched > 0
    assert precision == 1.0
    assert recall >= (1.0 if story == "seed" else 0.8)


def test_seed_without_profile_discovers_parties_and_still_attributes_right():
    recall, precision, _ = _score(STORIES / "seed", with_profile=False)
    assert recall >= 0.8 and precision >= 0.9
