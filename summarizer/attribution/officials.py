"""Officials named by a government title and no country ('Secretary of State Jane Roe said', 'the foreign
ministry spokesman said'): news English names the country once, in or right before the official's sentence.

The official speaks for the one party named before him in his own clause ("Venezuela's assembly approved the
law, and President X said"), else for the one party that held a stance in the sentence before ('Iranian officials accused
... . ..., the foreign ministry spokesman said'), else for the one party that sentence names ('The United
States stepped up its efforts. Secretary of State Jane Roe said'). Anything else stays unattributed.
"""
from __future__ import annotations

from summarizer.attribution.discourse import Attribution
from summarizer.attribution.view import SentenceView
from summarizer.words import word_set

_GOVERNMENT = word_set("government_titles") | frozenset({"ministry", "minister's", "ministry's"})
_FORMER = frozenset({"former", "ex", "late", "then"})


def official_of_context(view: SentenceView, start: int, end: int, speaker: str | None) -> Attribution | None:
    """The party an untied government official of the phrase [start, end] speaks for, from the sentence before."""
    words = {view.lower[k].removesuffix("'s").removesuffix("’s") for k in range(max(0, start - 1), end + 1)}
    if not words & _GOVERNMENT or words & _FORMER or any(
            view.tok_mention[k].party for k in range(start, end + 1) if k in view.tok_mention):
        return None
    named = _named_before(view, start)
    party = (named.pop() if len(named) == 1 else None) if named else view.state.previous_party(view.index)
    if party is None:
        return None
    for k in range(start, end + 1):  # a later bare surname is the same official ('Roe added')
        m = view.tok_mention.get(k)
        if m is not None and m.kind == "person":
            view.state.nominal.learn(m.surface.split(), party)
    return Attribution((party,), "role", speaker)


def _named_before(view: SentenceView, start: int) -> set[str]:
    """Parties named before the official in his own sentence ("Venezuela's assembly approved the law, and
    President X said"), not in what he is reported to say ('The E3 have no standing, the spokesman said')."""
    if start > 0 and view.lower[start - 1] == ",":
        return set()
    return {m.party for k, m in view.tok_mention.items() if k < start and m.party and m.kind != "person"}
