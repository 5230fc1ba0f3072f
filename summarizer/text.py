"""Sentences with offsets, tokens, and light normalisation (pysbd: rule-based, offline)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pysbd
import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
_SEGMENTER = pysbd.Segmenter(language="en", clean=False, char_span=True)
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.'’-][A-Za-z0-9]+)*\.?|[^\w\s]", re.UNICODE)
_REPORTING_TAIL = re.compile(
    r"^[A-Z][\w.'’ -]{0,60}\b(said|says|added|told|stated|declared|wrote|insisted|warned)\b[^\"“”]{0,60}\.$"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one document; `index` orders sentences within the document."""

    doc: str
    index: int
    paragraph: int
    text: str


def normalize(text: str) -> str:
    """Unicode-normalised, straight quotes, single spaces (keeps case)."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def dedupe_key(text: str) -> str:
    """Key under which two copies of a sentence count as one (case, quotes and punctuation ignored)."""
    return " ".join(re.findall(r"\w+", normalize(text).lower()))


def split_sentences(doc_id: str, text: str) -> list[Sentence]:
    """Sentences of a document, paragraph by paragraph (pysbd is quadratic on huge strings)."""
    out: list[Sentence] = []
    for p_index, paragraph in enumerate(p for p in text.split("\n") if p.strip()):
        for piece in _paragraph_sentences(paragraph):
            out.append(Sentence(doc_id, len(out), p_index, re.sub(r"\s+", " ", piece)))
    return out


@lru_cache(maxsize=8192)
def _paragraph_sentences(paragraph: str) -> tuple[str, ...]:
    """Sentences of one paragraph (cached: syndicated copies repeat paragraphs word for word)."""
    # Slack's "<!channel>" is no sentence end: hide its "!" from the segmenter.
    protected = paragraph.replace("<!", "<\ue000")
    pieces = [s.sent.strip().replace("<\ue000", "<!") for s in _SEGMENTER.segment(protected) if s.sent.strip()]
    return tuple(_merge_split_quotes(pieces))


def _merge_split_quotes(pieces: list[str]) -> list[str]:
    """'"We will not give up." Zelensky said.' is one statement: join a quote with its short speaker tail."""
    merged: list[str] = []
    for piece in pieces:
        if merged and merged[-1][:1] in "\"“" and merged[-1].rstrip()[-1:] in "\"”" and _REPORTING_TAIL.match(piece):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for words and punctuation; a trailing period stays off words except abbreviations."""
    out = []
    for m in TOKEN.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if word.endswith(".") and len(word) > 1 and not _is_abbreviation(word):
            out.append((word[:-1], start, end - 1))
            out.append((".", end - 1, end))
        else:
            out.append((word, start, end))
    return out


def _is_abbreviation(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Za-z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|Gov|Sgt|Capt|Adm|Maj|Prof|St|Jr|Sr)\.", word))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) English stem, so that negotiations/negotiating and guarantee(s) meet."""
    w = word.lower().replace("’", "'")
    return _STEMMER.stemWord(w[:-2] if w.endswith("'s") else w)
