"""What a sentence teaches the sentences after it about holders not named by a party's name.

'The SMA's head, Veronica Lagos, rejected' (a person spoke: a later 'she' is hers), "Bolivia's chief negotiator,
Marta Vargas," (a later 'Vargas' is Bolivia's), 'Restrepo welcomed' (a person of no known party: a later 'she'
names no one), and the party a sentence opens with (a later 'Their chief observer').
"""
from __future__ import annotations

from summarizer.attribution.cues import DOCUMENTS, Cue
from summarizer.attribution.nominals import (
    HEADS, HOLDER_HEADS, ORG_HEADS, head_of, holder_head, holder_of, is_name_block, phrase_start,
)
from summarizer.attribution.view import SentenceView
from summarizer.lexicon import DETERMINERS, ROLE_NOUNS, STOPWORDS, TITLE_WORDS

_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
# plural heads of an armed or marching group ('The M23 rebels', 'Sudanese troops'): a later 'they' is theirs
_FORCES = frozenset("rebels fighters militants insurgents troops soldiers forces militias protesters strikers".split())
_ISSUING = frozenset("sent send sends issued issue issues released release releases published wrote writes "
                     "posted submitted delivered addressed".split())
_PERSON_HEADS = frozenset(w for w in HOLDER_HEADS if not w.endswith("s") or w.endswith("ss"))


def role_speaker(view: SentenceView, cue_index: int, holder_token: int) -> str | None:
    """"The SMA's head, Veronica Lagos, rejected": the person who spoke for the party ('she' may follow)."""
    m = view.tok_mention.get(holder_token)
    if m is None or not (m.possessive or m.kind == "adjective"):
        return None
    k = holder_token
    while k < cue_index and view.tok_mention.get(k) is m:
        k += 1
    head = k
    while k < cue_index and view.lower[k] != ",":
        head, k = k, k + 1
    if not (view.lower[head] in ROLE_NOUNS or view.lower[head] in _PERSON_HEADS):
        return None
    block = (k + 1, cue_index - 2)
    if k < cue_index and view.word(cue_index - 1) == "," and block[0] <= block[1] and is_name_block(view, *block):
        return " ".join(view.toks[j][0] for j in range(block[0], block[1] + 1))
    return view.text[view.toks[holder_token][1]:view.toks[head][2]]


def learn_names(view: SentenceView) -> None:
    """"Bolivia's chief negotiator, Marta Vargas, arrived": remember the name for 'Vargas rejected' later."""
    if view.lower.count(",") < 2:
        return  # no block between two commas
    commas = [k for k, w in enumerate(view.lower) if w == ","]
    for a, b in zip(commas, commas[1:]):
        if a > 0 and is_name_block(view, a + 1, b - 1) and not any(k in view.tok_mention for k in range(a + 1, b)):
            start = phrase_start(view, a - 1)
            if start <= a - 1 and holder_head(view, head_of(view, start, a - 1)):
                holder_of(view, start, a - 1, (a + 1, b - 1))
        elif a > 0 and (person := _person_between(view, a + 1, b - 1)) is not None:
            # 'The foreign minister of Congo, Thérèse Wagner, told ...': a later 'the foreign minister' is her
            start = phrase_start(view, a - 1)
            titles = frozenset(w for w in view.lower[start:a] if w in TITLE_WORDS or w in ROLE_NOUNS)
            if titles and start <= a - 1 and holder_head(view, head_of(view, start, a - 1)):
                view.state.nominal.titles[person.split()[-1]] = titles


def _person_between(view: SentenceView, a: int, b: int) -> str | None:
    """The person a mention ending at b names, when the tokens a..b are that name, a given name or two before it
    aside ('Thérèse Kayikwamba Wagner' with 'Kayikwamba Wagner' known)."""
    m = view.tok_mention.get(b)
    if m is None or m.kind != "person" or b - a > 4:
        return None
    start = view.mention_start(b)
    if start < a or any(k in view.tok_mention or not view.toks[k][0][:1].isupper() for k in range(a, start)):
        return None
    return m.person or m.surface


def learn_bodies(view: SentenceView) -> None:
    """'The Malawi Electoral Commission declared': a later 'the commission' is that body, whichever party it is
    (none, when the name is no party's), not the party whose alias happens to hold the word."""
    if ORG_HEADS.isdisjoint(view.lower) and (
            "'s" not in view.text or ORG_HEADS.isdisjoint(w.removesuffix("'s") for w in view.lower)):
        return  # no body's head word in the sentence: nothing to learn (most sentences)
    toks, k = view.toks, 0
    while k < len(toks):
        if not toks[k][0][:1].isupper() or view.lower[k] in DETERMINERS:
            k += 1
            continue
        end = k
        while end + 1 < len(toks) and (toks[end + 1][0][:1].isupper() or (
                view.lower[end + 1] in ("of", "for", "the") and end + 2 < len(toks) and toks[end + 2][0][:1].isupper())):
            end += 1
        words = {view.lower[j].removesuffix("'s") for j in range(k, end + 1)} & ORG_HEADS
        if words and end > k:
            party = next((view.tok_mention[j].party for j in range(k, end + 1) if j in view.tok_mention), None)
            for word in words:
                view.state.nominal.bodies[word] = party
        k = end + 1
    if "government" in view.lower:
        _learn_government(view)


def _learn_government(view: SentenceView) -> None:
    """'The Congolese government confirmed ...', "Congo's government", 'the government of Congo': a later 'the
    government said' in the document is that country's (the latest one named so)."""
    for k, m in view.tok_mention.items():
        if not m.party or view.tok_mention.get(k + 1) is m:
            continue  # a party's name (or its leader's: 'the Kagame government'), seen at its last token
        start = view.mention_start(k)
        if view.lower[k] == "government" or view.word(k + 1) == "government" \
                or view.lower[start - 2:start] == ["government", "of"]:
            view.state.nominal.bodies["government"] = m.party


_SPOKES = ("spokesperson", "spokesman", "spokeswoman")


def learn_spokespeople(view: SentenceView, holders: set[str]) -> None:
    """'"...," an Apple spokesperson said': a later 'the spokesperson added' is Apple's, whichever of the three
    words it uses. The party named right before the word ('a Commission spokesman', "Apple's spokeswoman") or
    after 'for' ('a spokesperson for the ministry') and holding a stance in this sentence (`holders`)."""
    for k, w in enumerate(view.lower):
        if w not in _SPOKES:
            continue
        m = view.tok_mention.get(k - 1) or (view.tok_mention.get(k + 2 if view.word(k + 2) != "the" else k + 3)
                                            if view.word(k + 1) == "for" else None)
        if m is not None and m.party in holders:
            for spokes in _SPOKES:
                view.state.nominal.bodies[spokes] = m.party


def learn_documents(view: SentenceView, holders: set[str]) -> None:
    """Who sent the letter a later 'the letter said' means: 'a statement from/issued by X', 'X sent a letter',
    or the one party holding a stance in the sentence that says 'in a statement'. `holders`: that sentence's."""
    lower = view.lower
    if DOCUMENTS.isdisjoint(lower):
        return  # no letter or statement named (most sentences)
    for k, w in enumerate(lower):
        if w not in DOCUMENTS or view.word(k - 1) not in ("a", "an"):
            continue
        after = k + 3 if view.word(k + 1) in _ISSUING and view.word(k + 2) == "by" else k + 2
        issuer = view.tok_mention.get(after) if view.word(after - 1) in ("from", "by") else None
        if issuer is None:
            issuer = next((view.tok_mention[j] for j in range(k - 3, -1, -1) if j in view.tok_mention
                           and lower[j + 1:k - 1] and set(lower[j + 1:k - 1]) & _ISSUING
                           and not view.object_of_preposition(j)), None)
        party = issuer.party if issuer is not None else (next(iter(holders)) if len(holders) == 1 else None)
        if party:
            view.state.documents[w] = (party, view.index)


def unnamed_speakers(view: SentenceView) -> list[str]:
    """Capitalised names of no known party that speak here ('Restrepo welcomed'): a later 'she' is theirs."""
    return [view.toks[cue.index - 1][0] for cue in view.cues if unnamed_speaker(view, cue)]


def unnamed_speaker(view: SentenceView, cue: Cue) -> bool:
    """Is the word just before the cue a capitalised name of no known party ('..., Bolous said')?"""
    j, verb = cue.index - 1, view.lower[cue.index]
    if cue.holders or j < 0 or j in view.tok_mention or not view.toks[j][0][:1].isupper() \
            or not (cue.reporting or verb.endswith("ed")) or view.word(j - 1) in DETERMINERS:
        return False
    return view.lower[j] not in HEADS and view.lower[j] not in STOPWORDS and view.lower[j] not in _PRONOUNS


def opening_party(view: SentenceView) -> tuple[str | None, bool]:
    """The party a sentence opens with ('The European Union's observers were ...'), for a later 'Their', and
    whether its phrase is plural ("The SMA's lawyers", for a later 'they')."""
    for k in range(min(3, len(view.lower))):
        m = view.tok_mention.get(k)
        if m is not None:
            j = k
            while view.tok_mention.get(j) is m:
                j += 1
            after = view.word(j)
            return m.party, after.endswith("s") and not after.endswith("ss") and (after in HEADS or after in _FORCES)
        if view.lower[k] not in DETERMINERS:
            return None, False
    return None, False
