"""Per-document work of the core, in steps an index can cache by content: reading a document (sentences, party
mentions), learning its people (given the parties), and extracting its statements (given the whole lexicon).

Everything here is plain data in and out, so a caller may store it and run it in worker processes. A corpus's
lexicon is the profile's parties plus the people each document introduces, merged in document order (a
document never overrides who an earlier one said a person is).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarizer.attribution import Statement, extract
from summarizer.gazetteer import GAZETTEER
from summarizer.model import Document, Party
from summarizer.parties import PartyLexicon, _learn_people, build_lexicon
from summarizer.text import Sentence, dedupe_key, split_sentences
from summarizer.topics import is_anaphoric, stems_of

Person = tuple[str, str | None, tuple[str, ...], str]  # alias, party, titles, full name
_GAZETTEER_PATTERNS = [
    (canon, re.compile(r"(?<![\w@#])(?:" + "|".join(re.escape(n) for n in sorted((canon, *names), key=len,
                                                                                  reverse=True)) + r")(?![\w])"))
    for canon, names in GAZETTEER
]


@dataclass(frozen=True, slots=True)
class Reading:
    """What a document says before anyone is resolved: its sentences and how often it names known parties."""

    doc: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Found:
    """One statement with the stems that ranking needs, computed once per document."""

    statement: Statement
    key: str  # quote under which syndicated copies collapse
    stems: str
    sentence_stems: str
    context_stems: str  # the previous sentence, for 'such aspirations', 'this move', 'he'
    neighbour_stems: str  # the sentences before and after it in its paragraph
    anaphoric: bool  # its stance leans on an earlier sentence ('this move', 'such aspirations')
    antecedent: str = ""  # what 'this move' or 'such plans' may stand for: the sentence's earlier part or the one before


def read(doc: Document) -> Reading:
    """Sentences (repeats and headlines dropped) and gazetteer party mentions of one document."""
    counts = {canon: n for canon, pattern in _GAZETTEER_PATTERNS if (n := len(pattern.findall(doc.text)))}
    return Reading(doc.id, tuple(unique_sentences(split_sentences(doc.id, doc.text))), tuple(sorted(counts.items())))


def parties_of(profile_parties: tuple[Party, ...], readings: Iterable[Reading]) -> tuple[Party, ...]:
    """The profile's parties, or, when it names none, the parties the documents mention most."""
    if profile_parties:
        return profile_parties
    total: Counter[str] = Counter()
    for reading in readings:
        total.update(dict(reading.mentions))
    return discover_parties_from_counts(total)


def discover_parties_from_counts(counts: Counter[str], minimum: int = 1, limit: int = 10) -> tuple[Party, ...]:
    """discover_parties() from mention counts already summed over the documents."""
    table = dict(GAZETTEER)
    order = [canon for canon, _ in GAZETTEER]
    chosen = sorted((c for c in order if counts.get(c, 0) >= minimum), key=lambda c: -counts[c])[:limit]
    return tuple(Party(name=c, aliases=table[c]) for c in chosen)


def people_of(doc: Document, parties: tuple[Party, ...]) -> tuple[Person, ...]:
    """The people one document ties to parties ('Russian Foreign Minister Sergei Lavrov'), given the parties."""
    base = _base_lexicon(parties)
    learned = PartyLexicon(base.parties, dict(base.alias_party), dict(base.persons), dict(base.person_names))
    _learn_people(learned, [doc.text])
    out = []
    for alias, (party, titles) in learned.persons.items():
        if base.persons.get(alias) != (party, titles) or base.person_names.get(alias) != learned.person_names[alias]:
            out.append((alias, party, tuple(sorted(titles)), learned.person_names[alias]))
    return tuple(out)


@lru_cache(maxsize=4)
def _base_lexicon(parties: tuple[Party, ...]) -> PartyLexicon:
    """The parties' lexicon before any document taught it people (read-only: callers copy its tables)."""
    return build_lexicon(parties, [])


def lexicon_of(parties: tuple[Party, ...], people: Iterable[Sequence[Person]]) -> PartyLexicon:
    """The corpus's lexicon: the parties, then each document's people in document order (first party wins)."""
    lexicon = build_lexicon(parties, [])
    for found in people:
        for alias, party, titles, full in found:
            known = lexicon.persons.get(alias)
            if known and known[0] and party and known[0] != party:
                continue
            old = known[1] if known else frozenset()
            lexicon.persons[alias] = ((known[0] if known and known[0] else party), old | frozenset(titles))
            lexicon.person_names[alias] = full
    return lexicon.compile()


def lexicon_key(lexicon: PartyLexicon) -> str:
    """A short fingerprint of everything extraction reads from the lexicon (statements are cached under it)."""
    parts = [repr(lexicon.parties), repr(sorted(lexicon.alias_party.items())),
             repr(sorted((a, p, sorted(t)) for a, (p, t) in lexicon.persons.items())),
             repr(sorted(lexicon.person_names.items()))]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def find_statements(reading: Reading, lexicon: PartyLexicon) -> tuple[Found, ...]:
    """Every attributed statement of one read document, with its ranking stems."""
    sentences = list(reading.sentences)
    stems = lru_cache(maxsize=None)(stems_of)  # a sentence is the context of several statements
    out = []
    for st in extract(sentences, lexicon):
        k = st.sentence.index
        prev = sentences[k - 1] if k else None
        nxt = sentences[k + 1] if k + 1 < len(sentences) else None
        near = [n.text for n in (prev, nxt) if n is not None and n.paragraph == st.sentence.paragraph]
        stance = st.stance_text
        out.append(Found(st, dedupe_key(st.quote), stems(stance), stems(st.sentence.text),
                         stems(prev.text) if prev else " ", stems(" ".join(near)), is_anaphoric(stance),
                         _antecedent(st, prev)))
    return tuple(out)


def _antecedent(st: Statement, previous: Sentence | None) -> str:
    """The part of the sentence before a split statement, else the previous sentence of the same paragraph."""
    if st.split and st.sentence.text[:st.start].strip():
        return st.sentence.text[:st.start]
    return previous.text if previous is not None and previous.paragraph == st.sentence.paragraph else ""


def unique_sentences(sentences: list[Sentence]) -> list[Sentence]:
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
