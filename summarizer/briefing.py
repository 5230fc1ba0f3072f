"""From an Analysis to a Briefing: pick, per party, the statements that best state its stance on a topic."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from summarizer.analysis import Analysis, Claim
from summarizer.lines import Line, write_line
from summarizer.model import Briefing, PartyBriefing, Position, Source, Topic
from summarizer.relevance import MIN_RELEVANCE, TopicAssigner
from summarizer.relevance import relevance as topic_relevance
from summarizer.selection import OVERVIEW_PER_PARTY, PER_PARTY, Pick, select
from summarizer.topics import TopicMatcher, find_topic, slug, stems_of


@dataclass(frozen=True, slots=True)
class Weights:
    """How topic relevance and the way a holder was found rank a party's statements."""

    relevance_cap: float = 3.0
    per_extra_source: float = 0.1  # a stance carried by several outlets ranks a little higher
    reported: float = 0.2  # a stance reported by another party ranks lower than its own words


WEIGHTS = Weights()
HEADLINE = 0.5  # relevance a headline about a guessed topic lends each statement of its article
HEADLINE_FILLS = 2  # ... of a party with fewer statements than this on the topic in its own words
WALL_WORDS = 40  # a line longer than this is a wall of text in a chat message, whatever else the party said
# How sure the way a holder was found is: a named subject beats a pronoun resolved across sentences.
CERTAINTY = {"subject": 0.3, "person": 0.3, "possessive": 0.25, "by": 0.25, "quote": 0.3, "role": 0.15,
             "plural": 0.15, "pronoun": 0.1, "document": 0.1, "inherit": 0.2}


def brief(analysis: Analysis, query: str | None, assigner: TopicAssigner | None = None) -> Briefing:
    """The briefing on `query` (topic key, title or free words); the overview of every topic when None.
    An `assigner` of the same analysis may be passed to reuse the topics it already gave to claims."""
    known = tuple(t.key for t in analysis.topics)
    if query is None or not query.strip():
        return overview(analysis, assigner or TopicAssigner(analysis.topics, analysis.lexicon))
    topic = find_topic(analysis.topics, query)
    parties = _party_briefings(analysis, topic, PER_PARTY, assigner)
    title = f"{topic.label[:1].upper()}{topic.label[1:]}: where each party stands"
    notes = () if any(p.positions for p in parties) else (f"No positions found on “{query.strip()}”.",)
    return Briefing(topic=topic.key, title=title, parties=parties, known_topics=known, notes=notes,
                    topic_titles=_titles(analysis, topic))


def overview(analysis: Analysis, assigner: TopicAssigner,
             narrowed: Callable[[Topic], Analysis] | None = None) -> Briefing:
    """One line per party per topic; `narrowed(topic)` may give an analysis holding only the claims that can
    matter to the topic (search.py). A party's line given under one topic is not given again under another."""
    merged: dict[str, list[Position]] = {}
    shown: dict[str, set[str]] = {}  # party -> its lines given so far
    for topic in analysis.topics:
        scope = narrowed(topic) if narrowed is not None else analysis
        for party in _party_briefings(scope, topic, OVERVIEW_PER_PARTY, assigner, shown):
            merged.setdefault(party.name, []).extend(party.positions)
    parties = tuple(PartyBriefing(p.name, tuple(merged[p.name])) for p in analysis.parties if merged.get(p.name))
    return Briefing(topic=None, title="Overview: where each party stands", parties=parties,
                    known_topics=tuple(t.key for t in analysis.topics), topic_titles=_titles(analysis))


def _titles(analysis: Analysis, extra: Topic | None = None) -> tuple[tuple[str, str], ...]:
    topics = analysis.topics + ((extra,) if extra is not None and extra not in analysis.topics else ())
    return tuple((t.key, t.label[:1].upper() + t.label[1:]) for t in topics)


def _party_briefings(analysis: Analysis, topic: Topic, per_party: int, assigner: TopicAssigner | None = None,
                     shown: dict[str, set[str]] | None = None) -> tuple[PartyBriefing, ...]:
    """Each party's lines on `topic`; a line in `shown[party]` is not given again, and the lines picked are
    added to it."""
    matcher = TopicMatcher.build(topic)
    assigner = assigner or TopicAssigner(analysis.topics, analysis.lexicon)
    ranked: dict[str, list[tuple[float, Claim]]] = {}
    framed = framed_documents(analysis, matcher)
    fallback: dict[str, list[tuple[float, Claim]]] = {}  # by their article's headline only
    for claim in analysis.claims:
        relevance = topic_relevance(claim, matcher, headline=topic.key in assigner.keys)
        if relevance >= MIN_RELEVANCE and assigner.belongs(claim, topic):
            ranked.setdefault(claim.statement.holder, []).append((_score(claim, relevance), claim))
        elif framed.intersection(claim.documents) and assigner.lent(claim, topic):
            fallback.setdefault(claim.statement.holder, []).append((_score(claim, relevance + HEADLINE), claim))
    for holder, claims in fallback.items():  # a party that says little on the topic in so many words
        if len(ranked.get(holder, ())) < HEADLINE_FILLS:
            ranked.setdefault(holder, []).extend(claims)
    out = []
    for party in analysis.parties:
        said = shown.setdefault(party.name, set()) if shown is not None else set()
        picks = _lines(ranked.get(party.name, []), per_party, matcher, said)
        said.update(pick.text for pick in picks)
        positions = tuple(_position(analysis, pick, topic) for pick in picks)
        if positions:
            out.append(PartyBriefing(party.name, positions))
    return tuple(out)


def framed_documents(analysis: Analysis, matcher: TopicMatcher) -> frozenset[str]:
    """Documents whose headline names a topic no user gave keywords for: their statements are about it even
    when their own words are not ('welcomed their common sense' under a ceasefire headline)."""
    if not matcher.broad:
        return frozenset()
    return frozenset(d.id for d in analysis.documents if d.title and matcher.score(stems_of(d.title)) > 0)


def _score(claim: Claim, relevance: float) -> float:
    st = claim.statement
    return min(relevance, WEIGHTS.relevance_cap) + st.strength + CERTAINTY.get(st.via, 0.0) \
        + WEIGHTS.per_extra_source * (len(claim.documents) - 1) - (WEIGHTS.reported if st.reported_by else 0.0)


def _lines(ranked: list[tuple[float, Claim]], limit: int, matcher: TopicMatcher,
           said: set[str] = frozenset()) -> list[Pick]:
    """A party's lines: claims whose standalone line fits 8 to 24 words; a longer line (up to WALL_WORDS) only
    when the party has nothing else to say on the topic. A line in `said` (given under another topic) is not
    given again, and a party that had one gets no long line instead."""
    written: dict[int, Line | None] = {}  # each claim's line is written once, even when the fallback runs
    repeated = False

    def line_of(claim: Claim) -> Line | None:
        nonlocal repeated
        if id(claim) not in written:
            line = write_line(claim.statement, claim.antecedent, matcher)
            if line is not None and line.text in said:
                line, repeated = None, True
            written[id(claim)] = line
        return written[id(claim)]

    def fitting(claim: Claim) -> str | None:
        line = line_of(claim)
        return line.text if line is not None and line.fit > 0 else None

    def any_line(claim: Claim) -> str | None:
        line = line_of(claim)
        return line.text if line is not None and len(line.text.split()) <= WALL_WORDS else None

    return select(ranked, limit, fitting) or ([] if repeated else select(ranked, 1, any_line))


def _position(analysis: Analysis, pick: Pick, topic: Topic) -> Position:
    claims = pick.claims
    lead = claims[0].statement
    carriers: dict[str, list[str]] = {}  # quote -> documents, so a syndicated sentence is one source
    for claim in claims:
        docs = carriers.setdefault(claim.statement.printed_quote, [])
        docs.extend(d for d in claim.documents if d not in docs)
    sentences = {c.statement.printed_quote: c.statement.sentence.printed for c in claims}
    sources = [Source(document=docs[0], quote=quote, url=analysis.url_of(docs[0]), sentence=sentences[quote],
                      also=tuple(docs[1:])) for quote, docs in carriers.items()]
    return Position(text=pick.text, topic=topic.key, sources=tuple(sources), reported_by=lead.reported_by)


def suggest_topics(analysis: Analysis, text: str, limit: int = 5) -> list[str]:
    """Known topic keys closest to `text`: by spelling, then by shared words."""
    if not analysis.topics:
        return []
    choices = {t.key: " ".join((t.key, t.title, *t.keywords)) for t in analysis.topics}
    query = slug(text).replace("-", " ")
    if not query:
        return [t.key for t in analysis.topics][:limit]
    scored = process.extract(query, choices, scorer=fuzz.WRatio, limit=limit)
    return [key for _, score, key in scored if score >= 40] or [t.key for t in analysis.topics][:limit]
