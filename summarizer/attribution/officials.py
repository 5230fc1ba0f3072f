"""Officials named by a government title and no country ('Secretary of State Jane Roe said', 'the foreign
ministry spokesman said'): news English names the country once, in or right before the official's sentence.

The official speaks for the one party that held a stance in the sentence before ('Iranian officials accused
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
    party = view.state.previous_party(view.index)
    if party is None:
        return None
    for k in range(start, end + 1):  # a later bare surname is the same official ('Roe added')
        m = view.tok_mention.get(k)
        if m is not None and m.kind == "person":
            view.state.nominal.learn(m.surface.split(), party)
    return Attribution((party,), "role", speaker)
