"""Analysis of a set of documents: parties, topics, and every attributed statement (computed once, reused)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from summarizer.attribution import Statement, extract
from summarizer.model import Document, Party, Profile, Topic
from summarizer.parties import PartyLexicon, build_lexicon
from summarizer.text import Sentence, dedupe_key, split_sentences
from summarizer.topics import discover_topics, stems_of


@dataclass
class Claim:
    """One statement and every document that carried it (syndicated copies share one claim)."""

    statement: Statement
    documents: list[str]
    stems: str  # stems of the statement's segment
    sentence_stems: str
    context_stems: str  # the previous sentence, for 'such aspirations', 'this move', 'he'
    neighbour_stems: str  # the sentences before and after it in its paragraph
    order: int  # first appearance, for stable output
    antecedent: str = ""  # what 'this move' or 'such plans' may stand for: the sentence's earlier part or the one before


@dataclass
class Analysis:
    documents: tuple[Document, ...]
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
    lexicon = build_lexicon(profile.parties, [d.text for d in documents])
    claims: dict[tuple[str, str], Claim] = {}
    for doc in documents:
        sentences = _unique_sentences(split_sentences(doc.id, doc.text))
        previous = {s.index: sentences[k - 1] for k, s in enumerate(sentences) if k}
        following = {s.index: sentences[k + 1] for k, s in enumerate(sentences[:-1])}
        for st in extract(sentences, lexicon):
            key = (st.holder, dedupe_key(st.quote))
            if key in claims:
                if doc.id not in claims[key].documents:
                    claims[key].documents.append(doc.id)
                continue
            prev: Sentence | None = previous.get(st.sentence.index)
            near = [n.text for n in (prev, following.get(st.sentence.index))
                    if n is not None and n.paragraph == st.sentence.paragraph]
            claims[key] = Claim(st, [doc.id], stems_of(st.stance_text), stems_of(st.sentence.text),
                                stems_of(prev.text) if prev else " ", stems_of(" ".join(near)), len(claims),
                                _antecedent(st, prev))
    topics = profile.topics or discover_topics([c.stems for c in claims.values()])
    return Analysis(documents, lexicon.parties, topics, tuple(claims.values()), lexicon,
                    {d.id: d.url for d in documents})


def _antecedent(st: Statement, previous: Sentence | None) -> str:
    """The part of the sentence before a split statement, else the previous sentence of the same paragraph."""
    if st.split and st.sentence.text[:st.start].strip():
        return st.sentence.text[:st.start]
    return previous.text if previous is not None and previous.paragraph == st.sentence.paragraph else ""


def _unique_sentences(sentences: list[Sentence]) -> list[Sentence]:
    """Drop a sentence repeated within one document (pages that repeat their body), and headlines:
    a paragraph of one sentence with no closing punctuation states nobody's words."""
    seen: set[str] = set()
    paragraph_size: dict[int, int] = {}
    for s in sentences:
        paragraph_size[s.paragraph] = paragraph_size.get(s.paragraph, 0) + 1
    out = []
    for s in sentences:
        key = dedupe_key(s.text)
        if key in seen and len(key) > 20:
            continue
        if paragraph_size[s.paragraph] == 1 and not s.text.rstrip().endswith((".", "!", "?", '"', "”", "'", "’")):
            continue
        seen.add(key)
        out.append(Sentence(s.doc, len(out), s.paragraph, s.text))
    return out
