"""Sentence boundaries in time linear in the text: pysbd for ordinary paragraphs, bounded rules for page-long ones.

pysbd's abbreviation pass re-scans the whole text once per abbreviation it finds, so its cost grows with the
square of a paragraph's length; a page that lost its line breaks is one paragraph. Paragraphs up to
LONG_PARAGRAPH characters go to pysbd (bounded cost each); longer ones to a one-pass rule splitter that uses
pysbd's own English abbreviation lists. No sentence is longer than MAX_SENTENCE characters.
"""
from __future__ import annotations

import re
import string
from collections.abc import Iterator

import pysbd
from pysbd.lang.english import English

LONG_PARAGRAPH = 3000  # characters; news paragraphs are far shorter
MAX_SENTENCE = 2000  # characters; a longer run without a boundary is cut at spaces into windows
_ABBREVIATIONS = frozenset(English.Abbreviation.ABBREVIATIONS)
_PLAIN_ABBREVIATIONS = frozenset(a.strip() for a in _ABBREVIATIONS if a.strip().isascii() and a.strip().isalpha())
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")  # the only non-ASCII letters re.IGNORECASE takes for ASCII
_PREPOSITIVE = frozenset(English.Abbreviation.PREPOSITIVE_ABBREVIATIONS)
_NUMBER_ABBREVIATIONS = frozenset(English.Abbreviation.NUMBER_ABBREVIATIONS)
_SENTENCE_STARTERS = frozenset(English.AbbreviationReplacer.SENTENCE_STARTERS)
_END_RUN = re.compile(r"[.!?]+")  # finditer matches each run once, so the scan is linear
# closing quotes/brackets, a space, then what opens a sentence; every part bounded or single-pass
_AFTER_END = re.compile(r"([\"'\u201d\u2019)\]]{0,3})\s+[\"'\u201c\u2018(\[]?([A-Z0-9][A-Za-z]{0,15})")
_MULTI_PERIOD = re.compile(r"(?:[a-z]\.)+[a-z]")
_OPENERS = "\"'\u201c\u2018(["
_DIGITS, _LETTERS = string.digits, string.ascii_letters


class _AbbreviationReplacer(English.AbbreviationReplacer):
    """pysbd's abbreviation pass, same result: every replacement it makes puts '∯' for the period right after
    an abbreviation, so an abbreviation of letters only that no period follows is skipped (pysbd runs two
    regular expressions for each of ~40 per line, mostly in vain). Lines with a letter that re.IGNORECASE
    matches with an ASCII letter but str.lower() does not map to it take pysbd's own path."""

    def search_for_abbreviations_in_string(self, text: str) -> str:
        if not _FOLDS_TO_ASCII.isdisjoint(text):
            return super().search_for_abbreviations_in_string(text)
        lowered = text.lower()
        for abbr in self.lang.Abbreviation.ABBREVIATIONS:
            stripped = abbr.strip()
            if stripped not in lowered or (stripped in _PLAIN_ABBREVIATIONS and f"{stripped}." not in lowered):
                continue
            abbrev_match = re.findall(r"(?:^|\s|\r|\n){}".format(stripped), text, flags=re.IGNORECASE)
            if not abbrev_match:
                continue
            char_array = re.findall(r"(?<={" + str(re.escape(stripped)) + "} ).{1}", text)
            for ind, match in enumerate(abbrev_match):
                text = self.scan_for_replacements(text, match, ind, char_array)
        return text


class _English(English):
    AbbreviationReplacer = _AbbreviationReplacer


_SEGMENTER = pysbd.Segmenter(language="en", clean=False, char_span=False)
_SEGMENTER.language_module = _English

# A plain paragraph: only these characters, single spaces, apostrophes inside words, no '--' nor a hyphen before
# a quote, and every period ends a word of two or more letters (or a number of three or more digits) that is no
# pysbd abbreviation, before the paragraph's end or a space and a letter or an opening quote, outside quotes.
# On such text every rewriting rule of pysbd's pipeline finds nothing to rewrite (lists, abbreviations, numbers,
# ellipses, '!' and '?', parentheses, periods inside quotes), so its sentences are its boundary regex's matches.
_PLAIN_CHARS = re.compile(r"[A-Za-z0-9 ,;:%$/\"\u201c\u201d'\u2019\u2014\u2013.-]+")
_NOT_PLAIN = re.compile(r"  |--|-[\"'\u201c\u201d]|['\u2019](?![A-Za-z])|\.(?!$| [A-Za-z\"\u201c])")
_APOSTROPHE_AFTER_NON_LETTER = re.compile(r"[^A-Za-z]['\u2019]")
_DOUBLE_QUOTED = (re.compile(r'"[^"\\]+"'), re.compile("\u201c[^\u201d\\\\]+\u201d"))  # pysbd's pairing
_BOUNDARY = re.compile(English.SENTENCE_BOUNDARY_REGEX)
_ALL_LETTERS = re.compile(r"[a-zA-Z]*")
_ABBREVIATION_WORDS = frozenset(a.strip().lower() for a in _ABBREVIATIONS)
_QUOTE_MARK = "&\u238b&"  # pysbd's stand-in for an apostrophe inside double quotes
# pysbd pairs '"' with '"' and '\u201c' with '\u201d' only: copy that opens a quotation with one style and closes it
# with the other ('"We feel we have not been heard,\u201d said X. A draft ...') hid every later sentence end of the
# paragraph inside a quotation. Sentences are found on a copy with one style (same length) and cut from the text.
_ONE_QUOTE_STYLE = str.maketrans("\u201c\u201d", '""')


def _is_plain(paragraph: str) -> bool:
    """True for a paragraph on which pysbd's rewriting rules are all no-ops (see above)."""
    if (not _PLAIN_CHARS.fullmatch(paragraph) or paragraph[0] == " " or paragraph[-1] == " "
            or _NOT_PLAIN.search(paragraph) or paragraph[0] in "'\u2019"
            or (("'" in paragraph or "\u2019" in paragraph) and _APOSTROPHE_AFTER_NON_LETTER.search(paragraph))):
        return False
    if "." not in paragraph:
        return True
    for token in paragraph.split(" "):  # a period ends its token (checked above), so one per token at most
        if token.endswith(".") and not _plain_period(token[:-1]):
            return False
    return not any("." in q.group() for pattern in _DOUBLE_QUOTED for q in pattern.finditer(paragraph))


def _plain_period(before: str) -> bool:
    """A period after `before` ends a sentence for every rule of pysbd: after three or more digits, or after
    two or more ASCII letters that are no abbreviation of its list."""
    number = before.rstrip(_DIGITS)
    if len(number) < len(before):
        return len(before) - len(number) >= 3
    word = before[len(before.rstrip(_LETTERS)):]
    return len(word) >= 2 and word.lower() not in _ABBREVIATION_WORDS


def _plain_segments(paragraph: str) -> list[str]:
    """pysbd's segments of a plain paragraph, by its own boundary regex and post-processing, without its rules."""
    if "." not in paragraph:
        pieces = [paragraph]
    else:
        text = paragraph if paragraph[-1] == "." else paragraph + "\u0238"  # pysbd's temporary end mark
        if "'" in text:
            for pattern in _DOUBLE_QUOTED:
                text = pattern.sub(lambda q: q.group().replace("'", _QUOTE_MARK), text)
        pieces = [m.group().replace("\u0238", "") for m in _BOUNDARY.finditer(text)]
    out = []
    for piece in pieces:
        if not (len(piece) > 2 and _ALL_LETTERS.fullmatch(piece)):
            piece = piece.strip()
        if piece:
            out.append(piece.replace(_QUOTE_MARK, "'"))
    return out


def segments(paragraph: str) -> list[str]:
    """pysbd's segments of a paragraph: plain ones without running its ~200 rewriting rules, which give the
    same result there (tests/core/test_sentence_splitting.py compares both on every test story)."""
    if _is_plain(paragraph):
        return _plain_segments(paragraph)
    return _SEGMENTER.processor(paragraph).process()


def pysbd_sentences(paragraph: str) -> list[str]:
    """pysbd's sentences of a paragraph, located with str.find (pysbd's char spans compile a regex each)."""
    if not paragraph:
        return []
    found: list[str] = []
    end = 0
    uniform = paragraph.translate(_ONE_QUOTE_STYLE)
    for sentence in segments(uniform):
        start = uniform.find(sentence, end)
        if start < 0:  # pysbd accepts a match that overlaps the previous sentence's span
            start = uniform.find(sentence, max(0, end - len(sentence)))
        if start < 0:
            continue  # pysbd drops a segment it cannot find in the original text
        end = start + len(sentence)
        if sentence.strip():
            found.append(paragraph[start:end].strip())
    return found


def long_paragraph_sentences(paragraph: str) -> Iterator[str]:
    """Sentences of a page-long paragraph, lazily, in one pass: ends at . ! ? before a capital, abbreviations
    and initials kept."""
    start = 0
    for run in _END_RUN.finditer(paragraph):
        after = _AFTER_END.match(paragraph, run.end())
        if after is None or _continues(paragraph, run, after):
            continue
        close = run.end() + len(after.group(1))
        yield from windows(paragraph, start, close)
        start = close
    yield from windows(paragraph, start, len(paragraph))


def windows(text: str, start: int, end: int) -> list[str]:
    """text[start:end] stripped, in pieces of at most MAX_SENTENCE characters cut at a space where one is."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append(text[start:cut].strip())
        start = cut
    pieces.append(text[start:end].strip())
    return [p for p in pieces if p]


def _continues(paragraph: str, run: re.Match, after: re.Match) -> bool:
    """True when the period of `run` ends an abbreviation or an initial rather than a sentence."""
    if run.group() != ".":
        return False
    before = paragraph[max(0, run.start() - 32):run.start()]
    if not before or before[-1].isspace():
        return False
    word = before.split()[-1].lstrip(_OPENERS).lower()
    next_word = after.group(2)
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    if _MULTI_PERIOD.fullmatch(word):
        return next_word not in _SENTENCE_STARTERS  # "the U.S. The talks ..." ends; "U.S. officials" does not
    if word in _PREPOSITIVE:
        return True
    return word in _NUMBER_ABBREVIATIONS and next_word[:1].isdigit()
