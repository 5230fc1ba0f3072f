"""Sentences, tokens, and light normalisation (rule-based, offline)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from summarizer.keys import straight
from summarizer.splitting import LONG_PARAGRAPH, long_paragraph_sentences, pysbd_sentences, windows

_STEMMER = snowballstemmer.stemmer("english")
_WHITESPACE = re.compile(r"\s+")
_SPACING = re.compile(r"\s\s|[^\S ]")  # what _WHITESPACE would change: a run, or a space other than ' '
_WORDS = re.compile(r"\w+")
TOKEN = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+|,\d{3}(?!\d))*\.?|[^\w\s]", re.UNICODE)  # '40,000' is one
# TOKEN's tokens with a word's trailing period already split off, in one pass: an abbreviation ('U.S.', 'Mr.')
# is matched whole first, only where TOKEN's word would be exactly it (no letter or digit follows); any other
# word stops before its final period, which then matches as punctuation on its own.
_SPLIT_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![^\W_])"
    r"|(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|Gov|Sgt|Capt|Adm|Maj|Prof|St|Jr|Sr)\.(?![^\W_])"
    r"|[^\W_]+(?:[.'’-][^\W_]+|,\d{3}(?!\d))*|[^\w\s]", re.UNICODE)
_REPORTING_TAIL = re.compile(
    r"^[A-Z][\w.'’ -]{0,60}\b(said|says|added|told|stated|declared|wrote|insisted|warned)\b[^\"“”]{0,60}\.$"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one document; `index` orders sentences within the document."""

    doc: str
    index: int
    paragraph: int
    text: str  # as the core reads it: single quotation marks made double (see `double_quoted`)
    verbatim: str = ""  # as the article prints it, when that differs from `text` (same length, same offsets)

    @property
    def printed(self) -> str:
        return self.verbatim or self.text


@lru_cache(maxsize=16384)  # a sentence is keyed when read and again as each of its statements' quote
def dedupe_key(text: str) -> str:
    """Key under which two copies of a sentence count as one (case, quotes and punctuation ignored)."""
    return " ".join(_WORDS.findall(straight(text).lower()))  # the words alone: no need to normalise spaces


def split_sentences(doc_id: str, text: str) -> list[Sentence]:
    """Sentences of a document, paragraph by paragraph; time linear in the text's length (see splitting.py)."""
    out: list[Sentence] = []
    for p_index, paragraph in enumerate(p for p in text.split("\n") if p.strip()):
        for piece in paragraph_sentences(paragraph):
            spaced = _WHITESPACE.sub(" ", piece) if _SPACING.search(piece) else piece
            read = double_quoted(spaced)
            out.append(Sentence(doc_id, len(out), p_index, read, spaced if read is not spaced else ""))
    return out


_DECADE = re.compile(r"\d0s\b")  # "the '90s": an apostrophe, not a quotation
_SINGLE_MARK = re.compile("[\u2018\u2019']")
_CLOSING_MARK = re.compile("[\u2019']")


def double_quoted(text: str) -> str:
    """A sentence quoted British-style (‘…’ or '…') with double quotation marks instead, one character for one,
    so that speech is read the same whichever marks an outlet uses: "‘It will happen,’ he said" is his quote,
    while "Trump’s", "it'll" and "the farmers’ union" keep their apostrophes. A sentence that already uses double
    marks is left as it is (its single marks are quotes within a quote). The text itself is returned when nothing
    changes."""
    if "\u2018" not in text and "'" not in text and "\u2019" not in text or any(q in text for q in '"\u201c\u201d'):
        return text
    marks: dict[int, str] = {}
    opened = -1
    n = len(text)
    for m in _SINGLE_MARK.finditer(text):
        i, ch = m.start(), m.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else ""
        if ch != "\u2019" and opened < 0 and (before.isspace() or before in "([:\u2014\u2013") and after.isalnum() \
                and not _DECADE.match(text, i + 1):
            opened = i
            continue
        if ch == "\u2018" or before.isspace() or after.isalnum():
            continue  # an opening mark inside a word ('Trump‘s'), or an apostrophe ('it’ll')
        if opened >= 0:
            if before in "sS" and after == " " and _closes_later(text, i + 1):
                continue  # 'the farmers’ union' inside a quotation that closes further on
            marks[opened], marks[i] = "\u201c", "\u201d"
            opened = -1
        elif before in ",.!?" and (not after or after.isspace()):
            marks[i] = "\u201d"  # the end of a quotation opened in an earlier sentence
    if opened == 0:
        marks[0] = "\u201c"  # a quotation that goes on in the next sentence
    if not marks:
        return text
    chars = list(text)
    for i, mark in marks.items():
        chars[i] = mark
    return "".join(chars)


def _closes_later(text: str, start: int) -> bool:
    """Is there a closing mark further on in the sentence (one no letter or digit follows)?"""
    for m in _CLOSING_MARK.finditer(text, start):
        k = m.start()
        if not text[k - 1].isspace() and (k + 1 >= len(text) or not text[k + 1].isalnum()):
            return True
    return False


def paragraph_sentences(paragraph: str) -> Iterable[str]:
    """Sentences of one paragraph (lazily for a page-long one), none longer than splitting.MAX_SENTENCE."""
    if len(paragraph) > LONG_PARAGRAPH:
        return _merge_split_quotes(long_paragraph_sentences(paragraph))
    return _short_paragraph_sentences(paragraph)


@lru_cache(maxsize=8192)
def _short_paragraph_sentences(paragraph: str) -> tuple[str, ...]:
    """Cached: syndicated copies repeat paragraphs word for word."""
    # Slack's "<!channel>" is no sentence end: hide its "!" from the segmenter.
    protected = paragraph.replace("<!", "<\ue000")
    pieces = [s.replace("<\ue000", "<!") for s in pysbd_sentences(protected)]
    return tuple(_merge_split_quotes(windowed for piece in pieces for windowed in windows(piece, 0, len(piece))))


def _merge_split_quotes(pieces: Iterable[str]) -> Iterator[str]:
    """'"We will not give up." Zelensky said.' is one statement: join a quote with its short speaker tail."""
    held: str | None = None
    for piece in pieces:
        if held is not None and held[:1] in "\"“" and held.rstrip()[-1:] in "\"”" and _REPORTING_TAIL.match(piece):
            held = f"{held} {piece}"
            continue
        if held is not None:
            yield held
        held = piece
    if held is not None:
        yield held


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for words and punctuation; a trailing period stays off words except abbreviations."""
    return [(m.group(), m.start(), m.end()) for m in _SPLIT_TOKEN.finditer(text)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) English stem, so that negotiations/negotiating and guarantee(s) meet."""
    w = word.lower().replace("’", "'")
    return _STEMMER.stemWord(w[:-2] if w.endswith("'s") else w)
