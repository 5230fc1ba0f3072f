"""Holders named after their cue or by a possessive: 'according to the Kremlin', 'according to him', 'concerns
voiced by European allies', "Hegseth's remarks", 'comments from the Kremlin'."""
from __future__ import annotations

from summarizer.attribution.cues import Cue
from summarizer.attribution.discourse import Attribution
from summarizer.attribution.view import SentenceView
from summarizer.parties import Mention

_QUANTIFIERS = frozenset({"the", "a", "many", "some", "several"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
_OBJECT_OF = frozenset({"rejection", "criticism", "opposition", "support"})  # acts on what 'of' names
_CLAUSE_OPENERS = frozenset("and but while whereas although though that as because since if when".split())


QUOTED_REACH = 8  # tokens from 'as saying' back to 'quoted' ('quoted Deputy Foreign Minister Ryabkov as saying')
_QUOTING = frozenset({"quoted", "quotes", "quoting", "cited", "cites", "citing"})


def take(cue: Cue, view: SentenceView, m: Mention, j: int, via: str, *, from_start: bool = True) -> None:
    """Make `m` the holder; the holder token is where its mention starts (when j lies in it)."""
    if m.party is None:
        cue.holder_token, cue.via = j, "nobody"  # a person of no party: nobody's position, nothing to inherit
        return
    at = view.mention_start(j) if from_start and view.tok_mention.get(j) is m else j
    cue.assign(Attribution((m.party,), via, m.person), at)


def agent_after(cue: Cue, view: SentenceView, k: int) -> None:
    """'according to the Kremlin', 'concerns voiced by European allies'."""
    if view.word(k) in _QUANTIFIERS:
        k += 1
    if k in view.tok_mention:
        take(cue, view, view.tok_mention[k], k, "by", from_start=False)
    elif cue.kind == "according":
        _agent_reference(cue, view, k)


def quoted_as_saying(cue: Cue, view: SentenceView) -> bool:
    """'state media quoted him as saying', 'Interfax quoted Peskov as saying': the one quoted said it, not the
    outlet that quotes him. True when the cue is such a 'saying' (its holder then set when one is known)."""
    if view.word(cue.index - 1) != "as" or not view.lower[cue.index].startswith("say"):
        return False
    q = next((q for q in range(cue.index - 2, max(-1, cue.index - QUOTED_REACH), -1) if view.lower[q] in _QUOTING),
             None)
    if q is None:
        return False
    k = q + 1 + (view.word(q + 1) in ("the", "a", "an"))
    if k in view.tok_mention:
        m = view.tok_mention[k]
        take(cue, view, m, k, "person" if m.kind == "person" else "subject")
    elif k < cue.index - 1:
        _agent_reference(cue, view, k)
    return True


def _agent_reference(cue: Cue, view: SentenceView, k: int) -> None:
    """'According to him', 'according to Diarra' (a name an earlier apposition tied to a party): the
    discourse gives the agent, as it would give the subject of 'he said' or 'Diarra said'."""
    w, state = view.lower[k] if k < len(view.lower) else "", view.state
    if w in ("him", "her"):
        found = state.person_pronoun(view.index, w)
    elif w == "it":
        found = state.it_pronoun(view.index)
    else:
        party = state.nominal.names.get(view.toks[k][0]) if k < len(view.toks) else None
        found = Attribution((party,), "role", view.toks[k][0]) if party else None
    if found is not None:
        cue.assign(found, k)


_HEARSAY = frozenset("believed thought alleged suspected reputed rumoured rumored".split())
HEARSAY_REACH = 5  # tokens between 'believed to' and the noun ('believed to have received military support')


def possessor(cue: Cue, view: SentenceView) -> None:
    """"Hegseth's remarks", 'Russian demands', 'comments from the Kremlin'."""
    i = cue.index
    before = view.lower[max(0, i - HEARSAY_REACH):i]
    if any(w in _HEARSAY and after in ("to", "of") for w, after in zip(before, before[1:])):
        return  # 'M23 fighters, widely believed to receive support from Rwanda,': what others believe, not Rwanda's
    for j in (i - 1, i - 2, i - 3):
        if j >= 0 and j in view.tok_mention:
            if not _in_object_position(view, view.mention_start(j)):
                take(cue, view, view.tok_mention[j], j, "possessive")
            return
    if view.word(i + 1) == "of" and (view.lower[i] in _OBJECT_OF or _POSSESSIVE_PRONOUNS & set(view.lower[max(0, i - 3):i])):
        return  # 'their rejection of American annexation', 'criticism of Moscow': what 'of' names is the object
    agent_after(cue, view, i + 3 if view.word(i + 2) in ("the", "a") else i + 2)


def _in_object_position(view: SentenceView, j: int) -> bool:
    """"would only discuss the guerrillas' demands": a possessive after a verb or preposition names a topic."""
    k = j - 1
    while k >= 0 and view.lower[k] in ("the", "a", "an"):
        k -= 1
    tok = view.toks[k][0] if k >= 0 else ""
    return k >= 0 and tok[:1].isalpha() and tok.islower() and view.lower[k] not in _CLAUSE_OPENERS
