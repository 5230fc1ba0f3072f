"""Per-document work of the core, in steps an index can cache by content: reading a document (its sentences)
and extracting its statements given the corpus's lexicon.

Everything here is plain data in and out, so a caller may store it and run it in worker processes. The lexicon
itself is corpus-wide (people learned from every text, in document order; in auto mode the parties discovered
from every document's statements), so a caller builds it from all texts (analysis.py shows how) and caches
statements under its fingerprint (lexicon_key).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarizer.attribution import Statement, extract
from summarizer.model import Document
from summarizer.parties import PartyLexicon
from summarizer.text import Sentence, dedupe_key, split_sentences
from summarizer.topics import NO_SHADOW, NameShadow, stems_of


@dataclass(frozen=True, slots=True)
class Reading:
    """What a document says before anyone is resolved: its sentences (repeats and headlines dropped)."""

    doc: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Found:
    """One statement with the stems that ranking needs, computed once per document."""

    statement: Statement
    key: str  # quote under which syndicated copies collapse
    stems: str
    sentence_stems: str
    context_stems: str  # the previous sentence, for 'such aspirations', 'this move', 'he'
    neighbour_stems: str  # the sentences before and after it in its paragraph
    antecedent: str = ""  # what 'this move' or 'such plans' may stand for: the sentence's earlier part or the one before
    topics: tuple[str, ...] | None = None  # keys of the topics it belongs under, when a caller found them once


def read(doc: Document) -> Reading:
    """The sentences of one document, repeats and headlines dropped."""
    return Reading(doc.id, tuple(unique_sentences(split_sentences(doc.id, doc.text))))


def lexicon_key(lexicon: PartyLexicon) -> str:
    """A short fingerprint of everything extraction reads from the lexicon (statements are cached under it)."""
    parts = [repr(lexicon.parties), repr(sorted(lexicon.alias_party.items())),
             repr(sorted((a, p, sorted(t)) for a, (p, t) in lexicon.persons.items())),
             repr(sorted(lexicon.person_names.items()))]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def find_statements(reading: Reading, lexicon: PartyLexicon) -> tuple[Found, ...]:
    """Every attributed statement of one read document, with its ranking stems."""
    sentences = list(reading.sentences)
    return describe(sentences, extract(sentences, lexicon), name_shadow(lexicon))


def name_shadow(lexicon: PartyLexicon) -> NameShadow:
    """The proper names of several words ('Rapid Support Forces', 'European Commission') a topic word inside
    them must not count in. Not a common noun standing for a party ('the alliance', 'NATO allies'): its noun
    says what it is, and a topic may be named for it ('NATO membership'). One per set of names: every document
    of an ingest and every assigner of a story share it (and its memo)."""
    return _shadow_of(tuple(sorted(a for a in lexicon.alias_party if _PROPER_NAME.fullmatch(a))))


@lru_cache(maxsize=8)
def _shadow_of(names: tuple[str, ...]) -> NameShadow:
    return NameShadow(names)


def title_stems(title: str, shadow: NameShadow) -> str:
    """A document's headline as ' stem stem ' for placing a short reaction under the topic it names."""
    return shadow(stems_of(title or ""))


# capitalised words, 'of', 'and', 'for', 'the' between them ('International Court of Justice'), two or more
_PROPER_NAME = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:(?:of|and|for|the)\s+)*[A-Z][\w.'’-]*)+")


def describe(sentences: Sequence[Sentence], statements: Sequence[Statement],
             shadow: NameShadow = NO_SHADOW) -> tuple[Found, ...]:
    """The ranking stems of each statement of one document (`sentences` as read, indexed from 0), party names
    of several words joined (`shadow`)."""
    stems = lru_cache(maxsize=None)(lambda text: shadow(stems_of(text)))  # a sentence is several statements' context
    out = []
    for st in statements:
        k = st.sentence.index
        prev = sentences[k - 1] if k else None
        nxt = sentences[k + 1] if k + 1 < len(sentences) else None
        near = [stems(n.text) for n in (prev, nxt) if n is not None and n.paragraph == st.sentence.paragraph]
        out.append(Found(st, dedupe_key(st.quote), stems(st.stance_text), stems(st.sentence.text),
                         stems(prev.text) if prev else " ", _joined(near), _antecedent(st, prev)))
    return tuple(out)


def _joined(parts: list[str]) -> str:
    """stems_of(" ".join(texts)) from each text's stems_of: no word runs across the space between two texts
    (and straight's NFKC keeps a space as a boundary), so the words are those of each text in turn."""
    parts = [p for p in parts if p != "  "]  # a text without words adds none
    return parts[0] if len(parts) == 1 else parts[0][:-1] + parts[1] if parts else "  "


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
        out.append(Sentence(s.doc, len(out), s.paragraph, s.text, s.verbatim))
    return out
