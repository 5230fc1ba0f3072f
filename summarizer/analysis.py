"""Analysis of a set of documents: parties, topics, and every attributed statement (computed once, reused)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from summarizer.attribution import Statement, extract
from summarizer.discovery import discover_lexicon
from summarizer.extraction import Found, describe, name_shadow, read, title_stems
from summarizer.model import Document, Party, Profile, Topic
from summarizer.parties import PartyLexicon, build_lexicon
from summarizer.text import dedupe_key
from summarizer.topics import discover_topics, is_anaphoric


@dataclass(slots=True)
class Claim:
    """One statement and every document that carried it (syndicated copies share one claim); slots: a large
    index holds hundreds of thousands."""

    statement: Statement
    documents: list[str]
    stems: str  # stems of the statement's segment
    sentence_stems: str
    context_stems: str  # the previous sentence, for 'such aspirations', 'this move', 'he'
    neighbour_stems: str  # the sentences before and after it in its paragraph
    order: int  # first appearance, for stable output
    antecedent: str = ""  # what 'this move' or 'such plans' may stand for: the sentence's earlier part or the one before
    topics: tuple[str, ...] | None = None  # the story's topics it belongs under, when known in advance (an index)
    lead_stems: str = ""  # its document's headline: what a reaction naming no topic is about
    _leans_back: bool | None = field(default=None, repr=False, compare=False)

    @property
    def leans_back(self) -> bool:
        """The stance leans on what came before ('such aspirations', 'he', 'the two leaders'); computed once,
        as every topic's relevance asks."""
        if self._leans_back is None:
            self._leans_back = is_anaphoric(self.statement.stance_text) or self.statement.via == "plural"
        return self._leans_back


@dataclass
class Analysis:
    documents: tuple[Document, ...]  # briefings read their ids, titles and URLs; an index's leave the text out
    parties: tuple[Party, ...]
    topics: tuple[Topic, ...]
    claims: tuple[Claim, ...]
    lexicon: PartyLexicon
    _urls: dict[str, str | None] = field(default_factory=dict)

    def url_of(self, document: str) -> str | None:
        return self._urls.get(document)


def analyze(documents: Sequence[Document], profile: Profile) -> Analysis:
    """Split, attribute and de-duplicate every document (pure; deterministic for the same input)."""
    documents = tuple(documents)
    split = [list(read(doc).sentences) for doc in documents]
    lexicon, statements = corpus_lexicon(profile, [d.text for d in documents], split)
    shadow = name_shadow(lexicon)
    found = [describe(sentences, sts, shadow) for sentences, sts in zip(split, statements)]
    return assemble(documents, found, lexicon, profile)


def corpus_lexicon(profile: Profile, texts: list[str], split: Sequence[list]) -> tuple[PartyLexicon, list]:
    """The corpus's lexicon (the profile's parties and the people the texts name, else the parties discovered
    from who holds stances) and each document's statements."""
    if profile.parties:
        lexicon = build_lexicon(profile.parties, texts)
        return lexicon, [extract(sentences, lexicon) for sentences in split]
    return discover_lexicon(texts, split)


def assemble(documents: Sequence[Document], found: Iterable[Sequence[Found]], lexicon: PartyLexicon,
             profile: Profile) -> Analysis:
    """The analysis from each document's statements, in document order (syndicated copies collapse)."""
    claims: list[Claim] = []
    made: dict[int, Claim] = {}  # by the hash of (holder, quote key): an index load holds no key (~30 MB at 10,000)
    clashes: dict[tuple[str, str], Claim] = {}  # the rare claim whose hash another already took, by its whole key
    shadow = name_shadow(lexicon)
    for doc, statements in zip(documents, found):
        lead = title_stems(doc.title, shadow) if statements else ""  # one string per document, shared by its claims
        for f in statements:
            claim = _made(f, made, clashes)
            if claim is not None:
                if doc.id not in claim.documents:
                    claim.documents.append(doc.id)
                continue
            claim = Claim(f.statement, [doc.id], f.stems, f.sentence_stems, f.context_stems, f.neighbour_stems,
                          len(claims), f.antecedent, f.topics, lead)
            claims.append(claim)
            if made.setdefault(hash((f.statement.holder, f.key)), claim) is not claim:
                clashes[f.statement.holder, f.key] = claim
    topics = profile.topics or discover_topics([c.stems for c in claims])
    return Analysis(tuple(documents), lexicon.parties, topics, tuple(claims), lexicon,
                    {d.id: d.url for d in documents})


def _made(f: Found, made: dict[int, Claim], clashes: dict[tuple[str, str], Claim]) -> Claim | None:
    """The claim already made for f's holder and quote key (a Found's key is dedupe_key of its quote)."""
    claim = made.get(hash((f.statement.holder, f.key)))
    if claim is None:
        return None
    st = claim.statement
    if st.holder == f.statement.holder and (st is f.statement or st.quote == f.statement.quote
                                            or dedupe_key(st.quote) == f.key):
        return claim
    return clashes.get((f.statement.holder, f.key))
