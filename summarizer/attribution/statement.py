"""A party's stance in one sentence: the segment that holds it, its holder, and where the holder and cues are."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarizer.compress import clauses
from summarizer.lexicon import COPULAS, FINITE_STANCE_VERBS, MODALS, REPORTING_VERBS
from summarizer.text import Sentence

# A last clause of at most this many words that holds the holder and every cue is an attribution tail.
ATTRIBUTION_TAIL_WORDS = 10
_COMPLEMENT_STARTS = ("that ", "to ", "including ", "which ", "and ")
# 'but will keep its red lines': a second predicate of the same subject, no subject of its own
_PREDICATE_STARTS = MODALS | COPULAS | FINITE_STANCE_VERBS | REPORTING_VERBS | frozenset(
    {"has", "have", "had", "did", "does"})
_CONNECTORS = ("but ", "while ", "whereas ", "although ", "though ", "however, ", "yet ", "and ")


@dataclass(frozen=True, slots=True)
class Statement:
    """A party's stance: a segment of one sentence, its holder(s), and how the holder was found."""

    sentence: Sentence
    start: int
    end: int
    holder: str
    via: str  # subject | person | pronoun | role | plural | possessive | by | quote | inherit
    strength: float
    reported_by: str | None = None
    speaker: str | None = None
    split: bool = False  # the sentence holds other holders' stances too
    holder_at: int = -1  # where the holder is named in the sentence (-1: an earlier sentence)
    cue_at: tuple[int, ...] = ()  # where the stance cues are
    joint: tuple[str, ...] = ()  # every party holding this stance together ('They urged' after three named)

    @property
    def segment(self) -> str:
        return self.sentence.text[self.start:self.end].strip()

    @property
    def stance_spans(self) -> list[tuple[int, int]]:
        """Clauses of the segment that name the holder or carry a cue, and a complement right after one."""
        return list(_stance_spans(self))

    @property
    def _quote_then_speaker(self) -> bool:
        """'"We want them back at work, but we cannot pay more," she said': every cue after the quote closes."""
        text = self.sentence.text
        opening = text[self.start:self.end].lstrip()[:1]
        close = max(text.rfind('"', self.start, self.end), text.rfind("”", self.start, self.end))
        return opening in ('"', "“") and bool(self.cue_at) and close > self.start and min(self.cue_at) > close \
            and (self.holder_at < 0 or self.holder_at > close)

    @property
    def attribution_last(self) -> bool:
        """The holder and cues sit in a short last clause after the content ('..., the minister said')."""
        spans = clauses(self.sentence.text[self.start:self.end], self.start)
        if len(spans) < 2 or not self.cue_at:
            return False
        a, b = spans[-1]
        # (not a clause of its own after a subordinator: '..., as Congo accused Rwanda of ignoring calls')
        return all(a <= c < b for c in self.cue_at) and len(tail_context_cut(self.sentence.text[a:b]).split()) \
            <= ATTRIBUTION_TAIL_WORDS and (self.holder_at < 0 or a <= self.holder_at < b) \
            and not _SUBORDINATE_TAIL.match(self.sentence.text[a:b])

    @property
    def stance_text(self) -> str:
        return " ".join(self.sentence.text[a:b] for a, b in self.stance_spans)

    @property
    def quote(self) -> str:
        """The whole sentence, or this holder's part of it when the sentence was split."""
        return strip_connectors(self.segment) if self.split else self.sentence.text

    @property
    def printed_quote(self) -> str:
        """`quote` with the article's own quotation marks (the sentence's analysed text differs in them only)."""
        if not self.split:
            return self.sentence.printed
        quote = self.quote
        if not self.sentence.verbatim:
            return quote
        at = self.sentence.text.find(quote, self.start)
        return self.sentence.verbatim[at:at + len(quote)] if at >= 0 else quote


_SUBORDINATE_TAIL = re.compile(r"\s*(?:as|while|after|when|because|since|before|although|though|whereas)\s",
                               re.IGNORECASE)
# '..., Zakharova said in the wake of the talks between the leaders in Washington': the occasion after the verb
_TAIL_CONTEXT = re.compile(r"\s(?:in the wake of|after|following|during|amid|amidst|ahead of|before|while|when|as)\s",
                           re.IGNORECASE)
SAYING = re.compile(r"\b(?:said|says|told|added|stated|noted|wrote|declared|insisted|warned|argued)\b")
LISTED_NAME = re.compile(r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")


@lru_cache(maxsize=1024)  # a statement's stems, its topics and its line each read its spans
def _stance_spans(st: Statement) -> tuple[tuple[int, int], ...]:
    spans = clauses(st.sentence.text[st.start:st.end], st.start)
    keep, previous = [], False
    for a, b in spans:
        piece = st.sentence.text[a:b].lstrip().lower()
        # a name of a list the holder opens ('Poland, Hungary, and Slovakia will ...') is part of the subject
        own = a <= st.holder_at < b or any(a <= c < b for c in st.cue_at) or (
            previous and bool(LISTED_NAME.match(st.sentence.text[a:b].strip())))
        if own or (previous and (piece.startswith(_COMPLEMENT_STARTS) or same_subject(piece))):
            keep.append((a, b))
        previous = own
    if keep and keep[-1] == spans[-1] and len(keep) == 1 and len(spans) > 1 and (
            st.attribution_last or st._quote_then_speaker):
        return tuple(spans)  # 'Aid has slowed sharply, the United Nations said.': the content comes first
    return tuple(keep or spans)


def same_subject(piece: str) -> bool:
    """'but will maintain its red lines ...', 'but rejected the plan': the holder's own second predicate."""
    words = piece.split(None, 2)
    return len(words) > 1 and words[0] == "but" and words[1] in _PREDICATE_STARTS


def strip_connectors(text: str) -> str:
    """'but Russia has opposed this move' -> 'Russia has opposed this move'."""
    text = text.strip(" ,;")
    for word in _CONNECTORS:
        if text.lower().startswith(word):
            return text[len(word):].strip(" ,;")
    return text


def tail_context_cut(tail: str) -> str:
    """An attribution tail without the occasion after its saying verb ('Zakharova said in the wake of the talks
    in Washington' -> 'Zakharova said')."""
    verb = SAYING.search(tail)
    cut = _TAIL_CONTEXT.search(tail, verb.end()) if verb else None
    return tail[:cut.start()] if cut else tail
