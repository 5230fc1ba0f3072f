"""Fast briefings on large analyses: an inverted index from stems to claims narrows a topic to the claims that
can be relevant at all (any of its terms in the statement, its sentence, its neighbours or its headline); the
briefing is then made from those alone, so it is identical to one made from every claim."""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field, replace

from summarizer.analysis import Analysis, Claim
from summarizer.briefing import brief, framed_documents, overview
from summarizer.model import Briefing, Topic
from summarizer.relevance import TopicAssigner
from summarizer.topics import TopicMatcher, find_topic


@dataclass
class ClaimSearch:
    """Stem -> positions of the claims whose ranking stems contain it."""

    analysis: Analysis
    postings: dict[str, array]
    assigner: TopicAssigner | None = field(default=None, repr=False)  # shared: a claim's topics are found once

    def __post_init__(self) -> None:
        if self.assigner is None:
            self.assigner = TopicAssigner(self.analysis.topics, self.analysis.lexicon)

    @classmethod
    def build(cls, analysis: Analysis) -> "ClaimSearch":
        postings: dict[str, array] = {}
        for k, claim in enumerate(analysis.claims):
            words = set(f"{claim.stems} {claim.sentence_stems} {claim.context_stems} {claim.neighbour_stems} "
                        f"{claim.lead_stems}".split())
            for word in words:
                positions = postings.get(word)
                if positions is None:
                    positions = postings[word] = array("I")  # 4 bytes a position: millions of them at 10,000 documents
                positions.append(k)
        return cls(analysis, postings)

    def afresh(self) -> "ClaimSearch":
        """The same search (its postings shared) with an assigner that has found nothing yet: a briefing from
        it costs what one from a newly built search does."""
        return ClaimSearch(self.analysis, self.postings)

    def candidates(self, topic: Topic) -> tuple[Claim, ...]:
        """Claims holding the first stem of some term of the topic, in their original order."""
        matcher = TopicMatcher.build(topic)
        hits: set[int] = set()
        for phrase, _ in matcher.terms:
            hits.update(self.postings.get(phrase.split()[0], ()))
        claims = self.analysis.claims
        framed = framed_documents(self.analysis, matcher)
        hits.update(k for k, claim in enumerate(claims) if framed.intersection(claim.documents))
        return tuple(claims[k] for k in sorted(hits))

    def narrowed(self, topic: Topic) -> Analysis:
        return replace(self.analysis, claims=self.candidates(topic))

    def brief(self, query: str | None) -> Briefing:
        """brief(analysis, query), reading only the claims that can matter."""
        if query is None or not query.strip():
            return self._overview()
        return brief(self.narrowed(find_topic(self.analysis.topics, query)), query, self.assigner)

    def _overview(self) -> Briefing:
        return overview(self.analysis, self.assigner, self.narrowed)
