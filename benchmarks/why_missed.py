"""Say why a profile briefing misses each gold (party, topic) pair of an annotated story.

python benchmarks/why_missed.py [STORY ...] [--all]

For every gold position whose pair the topic's briefing misses (or every position with --all) it prints the
first stage that loses it: the evidence sentence not found (splitting, repeats), no statement of the gold party
quoting it (attribution: who holds it instead), not relevant enough to the topic, put under another topic
(assignment), no clean line (line writer), or not picked (selection: the per-party cap, merging).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.infra.documents import load_documents  # noqa: E402
from summarizer.analysis import analyze  # noqa: E402
from summarizer.briefing import _lines, _score  # noqa: E402
from summarizer.extraction import read  # noqa: E402
from summarizer.lines import write_line  # noqa: E402
from summarizer.model import Party, Profile, Topic  # noqa: E402
from summarizer.relevance import MIN_RELEVANCE, TopicAssigner, relevance  # noqa: E402
from summarizer.selection import PER_PARTY  # noqa: E402
from summarizer.topics import TopicMatcher  # noqa: E402
from tests.story_scoring import STORIES, gold_positions, load_gold, norm  # noqa: E402


def profile_of(gold: dict) -> Profile:
    parties = tuple(Party(n, tuple(a)) for n, a in gold["parties"].items())
    return Profile(parties, tuple(Topic(k, tuple(w)) for k, w in gold["topics"].items()))


def diagnose(story: str, show_all: bool) -> None:
    gold = load_gold(story)
    docs = load_documents(STORIES / story, lambda m: None)
    analysis = analyze(docs, profile_of(gold))
    assigner = TopicAssigner(analysis.topics, analysis.lexicon)
    picked = _picks(analysis, assigner)
    positions = gold_positions(gold)
    _off_topic(story, picked, positions)
    hit = {}
    for p in positions:
        ev = norm(p["evidence"])
        found = any(ev in norm(c.statement.quote) for pk in picked.get((p["party"], p["topic"]), []) for c in pk.claims)
        hit.setdefault((p["party"], p["topic"]), []).append(found)
    for p in positions:
        if show_all or not any(hit[(p["party"], p["topic"])]):
            _explain(story, p, analysis, assigner, picked, docs)


def _picks(analysis, assigner: TopicAssigner) -> dict[tuple[str, str], list]:
    """Each (party, topic)'s picked lines, as briefing.py picks them."""
    picked: dict[tuple[str, str], list] = {}
    for topic in analysis.topics:
        matcher = TopicMatcher.build(topic)
        ranked: dict[str, list] = {}
        for claim in analysis.claims:
            rel = relevance(claim, matcher, headline=topic.key in assigner.keys)
            if rel >= MIN_RELEVANCE and assigner.belongs(claim, topic):
                ranked.setdefault(claim.statement.holder, []).append((_score(claim, rel), claim))
        for party, items in ranked.items():
            picked[(party, topic.key)] = _lines(items, PER_PARTY, matcher)
    return picked


def _explain(story: str, p: dict, analysis, assigner: TopicAssigner, picked: dict, docs) -> None:
    """Print every statement of the evidence sentence and the first stage that loses the gold pair."""
    pair, ev = (p["party"], p["topic"]), norm(p["evidence"])
    topic = next(t for t in analysis.topics if t.key == p["topic"])
    matcher = TopicMatcher.build(topic)
    mark = "HIT " if any(ev in norm(c.statement.quote) for pk in picked.get(pair, []) for c in pk.claims) else "MISS"
    print(f"\n[{story}] {mark} {p['party']} / {p['topic']}: {p['evidence'][:90]!r}")
    claims = [c for c in analysis.claims if ev in norm(c.statement.sentence.text)]
    if not claims:
        sent = [s.text for d in docs for s in read(d).sentences if ev in norm(s.text)]
        print("   stage: NO STATEMENT in sentence" + (f" (sentence: {sent[0][:160]!r})" if sent else
                                                       " (evidence sentence not found: split/repeat)"))
        return
    for c in claims:
        st, line = c.statement, write_line(c.statement, c.antecedent, matcher)
        print(f"   holder={st.holder} via={st.via} split={st.split} quote_has_ev={ev in norm(st.quote)} "
              f"rel={relevance(c, matcher):.2f} topics={sorted(assigner.topics_of(c))} "
              f"line={(line.text, line.fit) if line else None}")
        print(f"      quote: {st.quote[:200]!r}")
    right = [c for c in claims if c.statement.holder == p["party"] and ev in norm(c.statement.quote)]
    if not right:
        print("   stage: ATTRIBUTION (no statement of the gold party quoting the evidence)")
    elif relevance(right[0], matcher) < MIN_RELEVANCE:
        print("   stage: RELEVANCE")
    elif not assigner.belongs(right[0], topic):
        print("   stage: TOPIC ASSIGNMENT")
    elif write_line(right[0].statement, right[0].antecedent, matcher) is None:
        print("   stage: LINE (no clean line)")
    else:
        print(f"   stage: SELECTION ({len(picked.get(pair, []))} picks): "
              + " | ".join(pk.text for pk in picked.get(pair, [])))


def _off_topic(story: str, picked: dict, positions: list[dict]) -> None:
    """Lines given to the right party under a topic the gold does not give that sentence (topic precision)."""
    for (party, topic), picks in picked.items():
        for pick in picks:
            quotes = [norm(c.statement.quote) for c in pick.claims]
            gold = [p for p in positions if p["party"] == party and any(norm(p["evidence"]) in q for q in quotes)]
            quoted = [p for p in positions if any(norm(p["evidence"]) in q for q in quotes)]
            if quoted and not gold:
                print(f"[{story}] WRONG-PARTY {party} under {topic} (gold: {sorted({p['party'] for p in quoted})}): "
                      f"{pick.text!r}")
            if gold and not any(p["topic"] == topic for p in gold):
                print(f"[{story}] OFF-TOPIC {party} under {topic} (gold: {sorted({p['topic'] for p in gold})}): "
                      f"{pick.text!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stories", nargs="*")
    parser.add_argument("--all", action="store_true", help="every gold position, not only missed pairs")
    args = parser.parse_args()
    for story in args.stories or sorted(p.parent.name for p in STORIES.glob("*/gold.json")):
        diagnose(story, args.all)


if __name__ == "__main__":
    main()
