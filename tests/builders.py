"""Small builders so core tests read like data."""
from __future__ import annotations

from summarizer import Briefing, Document, Party, Profile, Topic
from summarizer.analysis import analyze
from summarizer.attribution import Statement, extract
from summarizer.briefing import brief
from summarizer.parties import build_lexicon
from summarizer.text import split_sentences


def document(text: str, id: str = "doc.txt", url: str | None = None) -> Document:
    return Document(id=id, text=text.strip(), title=text.strip().split("\n", 1)[0], url=url)


def profile(parties: dict[str, list[str]] | None = None, topics: dict[str, list[str]] | None = None) -> Profile:
    return Profile(
        parties=tuple(Party(name, tuple(aliases)) for name, aliases in (parties or {}).items()),
        topics=tuple(Topic(key, tuple(words)) for key, words in (topics or {}).items()),
    )


def briefing(texts: list[str] | str, topic: str | None, parties=None, topics=None) -> Briefing:
    texts = [texts] if isinstance(texts, str) else texts
    docs = [document(t, id=f"doc{i}.txt") for i, t in enumerate(texts)]
    return brief(analyze(docs, profile(parties, topics)), topic)


def statements(text: str, parties: dict[str, list[str]]) -> list[Statement]:
    """The statements attribution finds in one text under a profile's parties."""
    lexicon = build_lexicon(tuple(Party(n, tuple(a)) for n, a in parties.items()), [text])
    return extract(split_sentences("doc", text), lexicon)


def lines_by_party(text: str, topic: str | None, parties, topics) -> dict[str, list[str]]:
    """Each party's lines in one topic's briefing (None: the overview)."""
    return {p.name: [pos.text for pos in p.positions] for p in briefing(text, topic, parties, topics).parties}


def every_line(text: str, parties, topics) -> dict[str, set[str]]:
    """Each party's lines in every topic briefing and the overview."""
    out: dict[str, set[str]] = {}
    for topic in (*topics, None):
        for party, found in lines_by_party(text, topic, parties, topics).items():
            out.setdefault(party, set()).update(found)
    return out


def holders_of(b: Briefing, fragment: str) -> set[str]:
    """Parties whose positions quote a sentence containing `fragment`."""
    return {p.name for p in b.parties for pos in p.positions for s in pos.sources if fragment in s.quote}
