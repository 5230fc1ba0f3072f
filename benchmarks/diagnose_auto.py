"""Why auto mode (no profile) misses gold positions: one line per gold position of a test story, with the
stage that lost it. A diagnostic script, not a test.

python benchmarks/diagnose_auto.py [STORY ...] [--all]

Stages, first failing one shown: `no-claim` (no statement quotes the evidence sentence), `holder` (claims
exist but under parties the scorer does not map to the gold party; their names shown), `unnamed` (the right
holder's discovered name matches no gold name or alias), `relevance` (below the topic threshold), `topic` (the
topic assigner puts it under other topics), `selection` (relevant and assigned, but not among the party's
lines), `ok`. Also prints the discovered parties and the gold party each maps to.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.infra.documents import load_documents  # noqa: E402
from summarizer import Profile  # noqa: E402
from summarizer.analysis import analyze  # noqa: E402
from summarizer.briefing import brief  # noqa: E402
from summarizer.relevance import MIN_RELEVANCE, TopicAssigner, relevance  # noqa: E402
from summarizer.topics import TopicMatcher, find_topic  # noqa: E402
from tests.story_scoring import STORIES, gold_positions, load_gold, norm, party_key  # noqa: E402


def diagnose(story: str, show_all: bool) -> Counter:
    gold = load_gold(story)
    docs = load_documents(STORIES / story, warn=lambda m: None)
    analysis = analyze(docs, Profile())
    print(f"== {story}: discovered parties")
    for party in analysis.parties:
        print(f"   {party.name!r:45} -> {party_key(party.name, gold['parties'])}   aliases={list(party.aliases)[:8]}")
    assigner = TopicAssigner(analysis.topics, analysis.lexicon)
    stages: Counter = Counter()
    briefings = {t: brief(analysis, t) for t in gold["topics"]}
    for pos in gold_positions(gold):
        ev = norm(pos["evidence"])
        topic = find_topic(analysis.topics, pos["topic"])
        matcher = TopicMatcher.build(topic)
        shown = {(pb.name, norm(s.quote)) for pb in briefings[pos["topic"]].parties for p in pb.positions
                 for s in p.sources}
        hit = any(party_key(name, gold["parties"]) == pos["party"] and ev in q for name, q in shown)
        claims = [c for c in analysis.claims if ev in norm(c.statement.quote)]
        right = [c for c in claims if party_key(c.statement.holder, gold["parties"]) == pos["party"]]
        detail = ""
        if hit:
            stage = "ok"
        elif not claims:
            sentence = [c for c in analysis.claims if ev in norm(c.statement.sentence.text)]
            stage = "no-claim"
            detail = f"sentence claims: {[c.statement.holder for c in sentence]}"
        elif not right:
            stage = "holder"
            detail = f"holders: {sorted({c.statement.holder for c in claims})}"
        else:
            best = max(right, key=lambda c: relevance(c, matcher))
            rel = relevance(best, matcher)
            if rel < MIN_RELEVANCE:
                stage, detail = "relevance", f"{rel:.2f} terms={[p for p, _ in matcher.terms][:8]}"
            elif not assigner.belongs(best, topic):
                stage, detail = "topic", f"assigned {sorted(assigner.topics_of(best))}"
            else:
                stage = "selection"
                listed = [p.text for pb in briefings[pos['topic']].parties if pb.name == best.statement.holder
                          for p in pb.positions]
                detail = f"rel {rel:.2f}; party lines: {len(listed)}"
        stages[stage] += 1
        if show_all or stage != "ok":
            print(f"   [{stage}] {pos['party']} / {pos['topic']}: {pos['evidence'][:90]!r} {detail}")
    print(f"   stages: {dict(stages)}  (auto topics: {[t.key for t in analysis.topics]})")
    return stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stories", nargs="*")
    parser.add_argument("--all", action="store_true", help="print found positions too")
    args = parser.parse_args()
    stories = args.stories or sorted(p.parent.name for p in STORIES.glob("*/gold.json"))
    total: Counter = Counter()
    for story in stories:
        total += diagnose(story, args.all)
    print(f"all: {dict(total)}")


if __name__ == "__main__":
    main()
