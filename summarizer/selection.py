"""Which of a party's statements on a topic become lines: the strongest first, each saying something the lines
before it do not, and near-identical stances from several outlets merged into one line with several sources."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from summarizer.analysis import Claim
from summarizer.lexicon import STOPWORDS
from summarizer.text import dedupe_key, stem

PER_PARTY = 5  # lines per party in a topic briefing: enough for its distinct positions, still readable in chat
SURE_PER_PARTY = 3  # beyond this many, a line's holder must be named in its own sentence (no pronoun resolved
# across sentences): more positions must not cost attribution precision
OVERVIEW_PER_PARTY = 1
SAME_STANCE = 0.6  # share of content words two statements share (Jaccard) from which they are one stance
SAME_QUOTE = 90  # rapidfuzz ratio of two quotes from which they are one sentence with small edits
REDUNDANCY = 1.0  # how much a candidate's overlap with a line already picked lowers its rank
PER_EXTRA_STANCE = 0.1  # a stance several outlets carry in their own words ranks a little higher
_STOP_STEMS = frozenset(stem(w) for w in STOPWORDS)

Line = Callable[[Claim], "str | None"]  # the line of a claim; None when it has no clean line


@dataclass
class Pick:
    """One line of a party: the claims that state it (best first) and the text shown."""

    claims: list[Claim]
    score: float
    words: frozenset[str]
    text: str = ""
    keys: set[str] = field(default_factory=set)
    lead_key: str = ""  # dedupe key of the quote of the claim that started the group


def select(ranked: list[tuple[float, Claim]], limit: int, line: Line) -> list[Pick]:
    """Up to `limit` lines from scored claims: near-identical stances merged first, then the best line,
    then the best of the rest discounted by how much it repeats a line already picked (maximal marginal
    relevance). A stance whose claims have no clean line is skipped."""
    pool = _merge(sorted(ranked, key=lambda x: (-x[0], x[1].order)))
    picks: list[Pick] = []
    while pool and len(picks) < limit:
        best = max(pool, key=lambda p: (p.score - REDUNDANCY * _overlap(p, picks), -p.claims[0].order))
        pool.remove(best)
        if len(picks) >= SURE_PER_PARTY:
            best.claims = [c for c in best.claims if c.statement.holder_at >= 0]
        if best.claims and _lead_with_line(best, line):
            picks.append(best)
    return picks


def _merge(ranked: list[tuple[float, Claim]]) -> list[Pick]:
    """Groups of claims stating the same stance, each led by its best-ranked claim: a claim joins the first
    group that holds its quote, shares most of its content words, or whose lead quote is nearly the same."""
    groups: list[Pick] = []
    by_key: dict[str, int] = {}  # quote key -> first group holding it
    by_word: dict[str, list[int]] = {}  # content word -> groups whose lead holds it
    leads: list[str] = []  # each group's lead quote key
    for score, claim in ranked:
        words, key = _content(claim), dedupe_key(claim.statement.quote)
        k = _first_same(key, words, groups, by_key, by_word, leads)
        if k is None:
            by_key.setdefault(key, len(groups))
            for word in words:
                by_word.setdefault(word, []).append(len(groups))
            leads.append(key)
            groups.append(Pick([claim], score, words, keys={key}, lead_key=key))
        else:
            same = groups[k]
            same.claims.append(claim)
            same.keys.add(key)
            by_key[key] = min(by_key.get(key, k), k)
            same.score += PER_EXTRA_STANCE
    return groups


def _first_same(key: str, words: frozenset[str], groups: list[Pick], by_key: dict[str, int],
                by_word: dict[str, list[int]], leads: list[str]) -> int | None:
    """Index of the first group the claim belongs to, looking only at groups that can match: those holding
    the key, sharing a content word, or (found by rapidfuzz in one pass, each then checked as one pair)
    whose lead quote is nearly the same."""
    first = by_key.get(key, len(groups))
    shared: dict[int, int] = {}  # group -> content words it shares with the claim
    for word in words:
        for k in by_word.get(word, ()):
            shared[k] = shared.get(k, 0) + 1
    for k in sorted(shared):
        if k >= first:
            break
        if shared[k] / (len(words) + len(groups[k].words) - shared[k]) >= SAME_STANCE:  # Jaccard
            first = k
            break
    near = process.extract(key, leads[:first], scorer=fuzz.ratio, score_cutoff=SAME_QUOTE - 1, limit=None)
    for k in sorted(k for _, _, k in near):
        if fuzz.ratio(key, leads[k]) >= SAME_QUOTE:
            first = k
            break
    return first if first < len(groups) else None


def _lead_with_line(pick: Pick, line: Line) -> bool:
    """Put the best claim that has a clean line first; False when none has."""
    for k, claim in enumerate(pick.claims):
        text = line(claim)
        if text is not None:
            pick.claims.insert(0, pick.claims.pop(k))
            pick.text = text
            return True
    return False


def _content(claim: Claim) -> frozenset[str]:
    return frozenset(w for w in claim.stems.split() if w not in _STOP_STEMS and len(w) > 2)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _overlap(candidate: Pick, picks: list[Pick]) -> float:
    return max((_jaccard(candidate.words, p.words) for p in picks), default=0.0)
