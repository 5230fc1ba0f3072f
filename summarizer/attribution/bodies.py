"""A body named again by a generic noun: 'Hezbollah said ... The group also said', 'The EU imposed ... The bloc
said', 'NATO ... The alliance warned', 'Amazon ... The retailer argued'. News names a body once, then by what it
is; the noun stands for the one recent party of a kind it fits (never a country: a country is no 'group')."""
from __future__ import annotations

from functools import lru_cache

from summarizer.attribution.view import SentenceView
from summarizer.gazetteer import gazetteer
from summarizer.model import Party
from summarizer.words import word_table

_BODIES = frozenset({"bloc", "alliance", "agency", "un", "court", "armed", None})
# generic noun -> kinds of body it may stand for (None: a body the gazetteer does not know, such as a company)
GENERIC: dict[str, frozenset[str | None]] = {
    **{head: frozenset({None}) for head in word_table("company_heads")["heads"]},
    "group": frozenset({"armed", None}), "militants": frozenset({"armed", None}),
    "militia": frozenset({"armed", None}), "movement": frozenset({"armed", None}),
    "bloc": frozenset({"bloc", "alliance"}), "alliance": frozenset({"alliance", "bloc"}),
    "organisation": _BODIES, "organization": _BODIES, "body": _BODIES,
    "agency": frozenset({"agency", "un"}), "watchdog": frozenset({"agency", None}),
}


@lru_cache(maxsize=16)
def party_kinds(parties: tuple[Party, ...]) -> dict[str, str | None]:
    """Each party's kind in the gazetteer ('country', 'bloc', 'armed', ...), None when it is not listed."""
    known: dict[str, str] = {}
    for entry in gazetteer():
        for name in entry.all_names:
            known.setdefault(name, entry.kind)
    out: dict[str, str | None] = {}
    for party in parties:
        kinds = {known[a] for a in (party.name, *party.aliases) if a in known}
        out[party.name] = "country" if "country" in kinds else (kinds.pop() if len(kinds) == 1 else None)
    return out


def body_of_context(view: SentenceView, word: str) -> str | None:
    """The one party of the last sentences a generic noun ('the group', 'the bloc') can stand for."""
    fits = GENERIC.get(word)
    if fits is None:
        return None
    kinds = party_kinds(view.lexicon.parties)
    for recent in view.state.recent_parties(view.index):  # the sentence before first, then the one before it
        found = {p for p in recent if kinds.get(p) in fits}
        if found:
            return found.pop() if len(found) == 1 else None
    return None
