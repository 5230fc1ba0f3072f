"""The party an apposition after a person's name gives them: 'Kebede Alemu, a spokesman for the Ethiopian foreign
ministry,', 'Rosa Lind, an AWG spokeswoman,', 'Pia Sol, president and chief executive of Meridian,', 'Sergei
Lavrov, Russia's foreign minister,'. Wire copy names most speakers this way, once, then by surname alone."""
from __future__ import annotations

import re
from collections.abc import Callable

APPOSITION_WORDS = 10  # an aside longer than this is a clause, not a title
_BREAKS = frozenset({",", ";", ":"})
_ARTICLES = frozenset({"the", "a", "an"})
# A party after one of these is where or to whom the person works, not whom they speak for ('envoy to Sudan').
_OBJECT_PREPS = frozenset("to in at with against on over into toward towards about near outside between".split())
_CLAUSE_WORDS = frozenset("who whom whose which that where when said says told".split())
_FORMER = re.compile(r"(?:former|ex|onetime|one-time|retired)$|ex-", re.IGNORECASE)
MAX_ALIAS_WORDS = 5
_AIDES = frozenset("adviser advisor aide counsellor counselor assistant".split())
_LEADERS = frozenset("leader president king emir premier minister chancellor".split())


def apposition_party(alias_party: dict[str, str], words: list[str], comma: int,
                     is_head_title: Callable[[str], bool]) -> str | None:
    """The party named in the title apposition opened by the comma at `comma`, or None when the aside holds no
    title ('a critic of the government'), is a clause ('who ...'), a former office or names only a place or
    counterpart ('ambassador to the U.S.')."""
    span = _aside(words, comma + 1)
    if span is None or not any(is_head_title(w) for w in span):
        return None
    if span[0].lower() in _CLAUSE_WORDS or any(_FORMER.match(w) for w in span):
        return None
    for p in range(len(span)):
        if _object_position(span, p):
            continue
        party = _alias_at(alias_party, span, p)
        if party:
            return party
    return None


def _aside(words: list[str], start: int) -> list[str] | None:
    """The words up to the comma, colon or end closing the apposition; None when it runs on like a clause."""
    end = start
    while end < len(words) and words[end] not in _BREAKS:
        end += 1
        if end - start > APPOSITION_WORDS:
            return None
    return words[start:end] or None


def _object_position(span: list[str], p: int) -> bool:
    before = span[p - 1].lower() if p > 0 else ""
    if before in _ARTICLES and p > 1:
        before = span[p - 2].lower()
    # ('adviser to Iran's supreme leader': whom he serves, a leader of that party)
    serves = before == "to" and p > 1 and span[p - 2].lower() in _AIDES and re.search(r"['’]s$", span[p]) \
        and any(w.lower() in _LEADERS for w in span[p + 1:p + 3])
    return before in _OBJECT_PREPS and not serves


def _alias_at(alias_party: dict[str, str], span: list[str], p: int) -> str | None:
    """The party whose alias (a possessive counts) starts at span[p], longest alias first."""
    for size in range(min(MAX_ALIAS_WORDS, len(span) - p), 0, -1):
        phrase = re.sub(r"['’]s$", "", " ".join(span[p:p + size]).rstrip("."))
        if phrase.lower() in _ARTICLES:
            continue
        party = alias_party.get(phrase) or alias_party.get(phrase.lower())
        if party:
            return party
    return None
