"""Stance cues of a sentence: verbs, adjectives after a copula, nouns with a possessor, passives, modals."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, count

from summarizer.lexicon import (
    CLAUSE_BREAKS, COPULAS, DETERMINERS, MODALS, PASSIVE_BY, REPORTING_VERBS, STANCE_ADJECTIVES, STANCE_NOUNS,
    STANCE_VERBS, TITLE_WORDS,
)
from summarizer.attribution.discourse import Attribution
from summarizer.attribution.view import SentenceView
from summarizer.parties import PEOPLE_NOUNS
from summarizer.words import word_set

VERB_MODIFIERS = word_set("verb_modifiers")
_HOLDER_HEADS = word_set("holder_heads")
_AUXILIARIES = COPULAS | MODALS | frozenset({"have", "had", "were", "are", "do", "did", "could", "might", "may"})
# 'has not commented', 'declined to respond': the absence of a stance, not one.
_NO_STANCE_NEGATED = frozenset("comment comments commented commenting respond responds responded responding reply "
                               "replies replied replying".split())
_NEGATORS = frozenset({"not", "n't", "never", "declined", "refused", "no"})
_TAKE = frozenset({"take", "takes", "took", "taken", "taking"})
_TAKEN_STANCES = frozenset({"line", "position", "stance", "view", "approach"})
_MAKE = frozenset({"make", "makes", "made", "making"})
_QUOTED = frozenset({"quoted", "cited"})
_OPENING_QUOTES = frozenset({'"', "“"})
_PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "they", "we", "i"})
_BASE_VERB_LEFT = word_set("base_verb_left")
_STRONG_NOUNS = word_set("strong_nouns")
_IRREGULAR_PAST = frozenset("said told thought felt saw sought held stood wrote spoke cast".split())
_PARTICIPLE_LEFT = frozenset({",", "while", "and", "by", "before", "after"})
_GERUND_LEFT = frozenset({"of", "for", "from", "about", "against", "without", "on"})  # 'accused X of backing'
# Every word some branch of find_cues needs: no other word can be a cue
DOCUMENTS = frozenset("statement letter message post communique declaration report note".split())
_READ = frozenset({"read", "reads"})  # '"...," the statement read': what a document says is its sender's
_CUE_WORDS = (frozenset({"according", "rule", "rules", "ruled", "ruling"}) | _READ | _QUOTED | PASSIVE_BY | _NO_STANCE_NEGATED
              | _TAKE | _MAKE | STANCE_VERBS | STANCE_ADJECTIVES | STANCE_NOUNS | MODALS)
NOUN_HOLDER_REACH = 3  # "Hegseth's (very recent) remarks": how far back a possessor may stand
# How strongly each kind of cue states a stance (a modal after a name is a weak one).
STRENGTH = {"verb": 1.0, "adjective": 0.9, "noun": 0.8, "passive": 0.85, "participle": 0.9, "modal": 0.4,
            "according": 0.9}
DEFAULT_STRENGTH = 0.5


@dataclass
class Cue:
    """A stance word at token `index` and, once resolved, its holder(s)."""

    index: int
    kind: str  # verb | adjective | noun | passive | modal | participle | according
    holders: tuple[str, ...] = ()
    holder_token: int = -1
    via: str = ""
    speaker: str | None = None
    reporting: bool = False

    def assign(self, found: Attribution, token: int) -> None:
        self.holders, self.via, self.speaker, self.holder_token = found.holders, found.via, found.speaker, token

    def inherit(self, other: "Cue", token: int | None = None) -> None:
        """Same holder as an earlier cue ('Hegseth's remarks have cast doubt', 'said ..., adding')."""
        self.holders, self.speaker, self.via = other.holders, other.speaker, "inherit"
        self.holder_token = other.holder_token if token is None else token


# 'Malawi's main opposition party': a stance noun naming another noun's side is no stance.
_NOUN_COMPOUNDS = frozenset("party parties leader leaders lawmakers figure figures candidate candidates".split())


def find_cues(view: SentenceView) -> list[Cue]:
    """Every stance cue of the sentence, left to right (tokens inside a party mention are never cues)."""
    cues: list[Cue] = []
    lower, mentions = view.lower, view.tok_mention
    if _CUE_WORDS.isdisjoint(lower):
        return cues  # no word that any branch below reads as a cue
    for i in compress(count(), map(_CUE_WORDS.__contains__, lower)):  # the words that can be cues
        if i in mentions:
            continue
        w = lower[i]
        nxt = view.word(i + 1)
        if w == "according" and nxt == "to":
            cues.append(Cue(i, "according"))
        elif w in _QUOTED and view.word(i - 1) in COPULAS and "as" in lower[i + 1:i + 8]:
            cues.append(Cue(i, "verb", reporting=True))  # 'X was quoted by state media as saying': X said it
        elif w in PASSIVE_BY and nxt == "by":
            if not _reduced_relative_after_a_verb(view, i, cues):
                cues.append(Cue(i, "passive"))
        elif w in _READ and view.word(i - 1) in DOCUMENTS:
            cues.append(Cue(i, "verb", reporting=True))
        elif w in ("rule", "rules", "ruled", "ruling") and nxt == "out":
            cues.append(Cue(i, "verb"))  # 'ruled out' (but 'NATO rules' is no stance)
        elif (w in _NO_STANCE_NEGATED or _taken_stance(lower, i)) and _NEGATORS & set(lower[max(0, i - 3):i]):
            continue  # 'has not commented', 'has not taken a position': no stance
        elif _taken_stance(lower, i):
            cues.append(Cue(i, "verb"))  # 'Iceland took a similar line', 'Oslo has taken a tougher stance'
        elif w in STANCE_VERBS and _verb_context(view, i):
            participle = w.endswith("ing") and view.word(i - 1) in _PARTICIPLE_LEFT
            cues.append(Cue(i, "participle" if participle else "verb", reporting=w in REPORTING_VERBS))
        elif w in STANCE_ADJECTIVES and _after_copula(view, i):
            cues.append(Cue(i, "adjective"))
        elif w in STANCE_NOUNS and _noun_holder_nearby(view, i) and nxt not in _NOUN_COMPOUNDS:
            cues.append(Cue(i, "noun"))
        elif w in MODALS and i > 0 and (i - 1) in mentions and mentions[i - 1].kind != "adjective" \
                and not any(c.reporting for c in cues):
            cues.append(Cue(i, "modal"))  # 'Analysts said Beijing could ...' is the analysts' guess
    return cues


_ADVERBS_BEFORE_PARTICIPLE = frozenset({"first", "also", "already", "long", "since", "recently", "previously"})


def _reduced_relative_after_a_verb(view: SentenceView, i: int, earlier: list[Cue]) -> bool:
    """'Both sides have agreed to talks within the framework endorsed by the AU': a passive participle right after
    a noun qualifies that noun inside a clause some earlier verb holds; its agent holds no stance on that clause
    (not 'The plan was endorsed by the AU', nor 'Concerns voiced by X grew', with no verb before it)."""
    j = i - 1
    while j >= 0 and (view.lower[j].endswith("ly") or view.lower[j] in _ADVERBS_BEFORE_PARTICIPLE):
        j -= 1
    prev = view.word(j)
    noun = prev.isalpha() and prev not in COPULAS and prev not in _AUXILIARIES \
        and prev not in ("been", "being", "get", "got", "and", "or", "but") and j not in view.tok_mention
    return noun and any(c.kind == "verb" for c in earlier)


def _verb_context(view: SentenceView, i: int) -> bool:
    """Is this stance word used as a verb here ('the plan' and "Russia's call" are nouns)?"""
    w, prev, nxt = view.lower[i], view.word(i - 1), view.word(i + 1)
    before = view.tok_mention.get(i - 1) if i > 0 else None
    if prev in DETERMINERS or (before is not None and before.possessive):
        return False
    if w.endswith("ed") or w in _IRREGULAR_PAST:
        return not (nxt == "by" and w not in PASSIVE_BY)  # "bolstered by": a passive of no stance
    if w.endswith("ing"):
        return prev not in _GERUND_LEFT  # 'accusing Rwanda of backing the group': the accuser's claim, not a verb
    if w.endswith("s") and not w.endswith("ss"):
        if w == "states" and nxt not in ("that", '"', "“", ":"):
            return False  # 'EU member states to lift', 'island states are pushing': the noun
        if nxt in _AUXILIARIES:
            return False  # 'the island states are pushing': a plural noun before its verb
        if w[:-1] in STANCE_NOUNS or w in STANCE_NOUNS:
            return before is not None or prev in VERB_MODIFIERS or prev in ("who", "which", "that", "he", "she", "it")
        return True
    # A base form ("support", "want", "call") is a verb only after a subject, modal or 'to'.
    plural_subject = prev.endswith("s") and (prev in PEOPLE_NOUNS or prev in _HOLDER_HEADS)  # 'officials say'
    k = view.mention_start(i - 1) - 1 if before is not None else -1
    while k > 0 and any(ch.isdigit() or ch == "-" for ch in view.lower[k]):
        k -= 1  # 'an 11-point EU plan'
    if before is not None and view.word(k) in ("the", "a", "an") and not before.surface.endswith("s"):
        return False  # 'the EU plan': a name before a noun
    return prev in _BASE_VERB_LEFT or plural_subject or (before is not None and before.kind != "adjective")


def _after_copula(view: SentenceView, i: int) -> bool:
    lower = view.lower
    j = i - 1
    while j >= 0 and (lower[j] in VERB_MODIFIERS or lower[j].endswith("ly")) and lower[j] not in COPULAS:
        j -= 1
    return j >= 0 and (lower[j] in COPULAS or lower[j] in ("been", "remains", "remain", "stayed", "appeared"))


def _noun_holder_nearby(view: SentenceView, i: int) -> bool:
    lower, mentions = view.lower, view.tok_mention
    for j in range(i - 1, i - 1 - NOUN_HOLDER_REACH, -1):
        if j >= 0 and j in mentions:
            m = mentions[j]
            return m.possessive or (m.kind == "adjective" and lower[i] in _STRONG_NOUNS and j == i - 1)
        if j >= 0 and lower[j] in DETERMINERS | {",", ";"}:
            break
    if view.word(i + 1) not in ("from", "by", "of"):
        return False
    return (i + 2) in mentions or (view.word(i + 2) in ("the", "a") and (i + 3) in mentions)


def drop_unowned_reports(cues: list[Cue], lower: list[str]) -> None:
    """'Analysts said Beijing could respond ...': a guess (a modal) after a named speaker of no party is theirs,
    not Beijing's stance, up to the next clause break; so is a deed they ascribe ('U.N. experts say the rebels
    are backed by Rwanda'). 'Union leaders said the company wants ...' still
    reports the company's stance, and an unresolved 'she said' names no one to give the guess to."""
    for k, cue in enumerate(cues):
        if not cue.reporting or cue.holders or _pronoun_subject(cue.index, lower):
            continue
        for later in cues[k + 1:]:
            if set(lower[cue.index:max(later.holder_token, later.index)]) & (CLAUSE_BREAKS | {";", '"', "“", "”"}):
                break
            if later.via != "inherit" and (later.kind in ("modal", "passive") or _after_modal(later.index, lower)):
                later.holders = ()


def drop_others_in_speech(cues: list[Cue], lower: list[str], continued: str | None = None) -> None:
    """Direct speech is its speaker's: 'Mohamud said: "If Ethiopia claimed it ..."' and a run-on quotation
    ('"... how Ethiopia wants access to the sea."' after 'Mohamud said') hold no stance of Ethiopia's. And
    'The spokesman said: "We welcome the fact that the president recognises the deal"': a title inside
    someone's speech is resolved in the speaker's world, not the story's last president, so it gives no one a
    stance. `continued` is the holder of the quotation the sentence before opened."""
    if _OPENING_QUOTES.isdisjoint(lower):
        return
    speakers = {h for c in cues if c.reporting and c.holders and not inside_quote(c.index, lower)
                for h in c.holders}
    unattributed = lower[0] in _OPENING_QUOTES and not any(c.reporting and not inside_quote(c.index, lower)
                                                           for c in cues)
    unknown = any(c.reporting and not c.holders and not inside_quote(c.index, lower) for c in cues)
    if not speakers and (unattributed or unknown):  # ('"...," the statement said': whose, it does not say)
        # a quotation with no speaker outside it: the one just quoted ('"..." the minister said. "..."'), or no
        # one known ('BMW CEO:' above '"The vote is a fatal signal ..."'), never a party named inside it
        speakers = {continued} if continued else {None}
    unframed = all(inside_quote(c.index, lower) for c in cues)  # no cue outside the quotation says whose it is
    for cue in cues:
        if cue.via == "role" and inside_quote(cue.holder_token, lower) and any(c.reporting for c in cues):
            cue.holders = ()
        elif cue.holder_token >= 0 and lower[cue.holder_token] in _PRONOUN_SUBJECTS - {"we", "i"} \
                and inside_quote(cue.holder_token, lower):
            cue.holders = ()  # '"... they agreed to start negotiations," he added': not the speaker, and whom else?
        elif cue.holders and not set(cue.holders) & speakers and inside_quote(cue.index, lower) and (
                speakers or unframed and cue.holder_token >= 0 and inside_quote(cue.holder_token, lower)):
            cue.holders = ()  # (and 'He continued, "... Only Belgrade wants this ..."': whoever he is, not Belgrade)


def drop_others_in_reported_speech(cues: list[Cue], view: SentenceView) -> None:
    """'Ethiopia was seeking to legitimize its policies ..., it said': a clause reported before its speaker is the
    speaker's account, not a stance of the party it is about."""
    lower = view.lower
    last = cues[-1] if cues else None
    if last is None or last.kind != "verb" or not last.reporting or not last.holders or last.holder_token < 0 \
            or inside_quote(last.index, lower) or _OPENING_QUOTES & set(lower):
        return
    comma = next((k for k in range(last.holder_token - 1, max(-1, last.holder_token - 4), -1) if lower[k] == ","), None)
    # (a tail 'X said', 'it said in a statement', 'a senior Taliban official told AFP': not '..., while India argues
    # that ...', '..., demanding that Moscow admit guilt' or '..., something Boeing has said it won't consider')
    if comma is None or len(lower) - last.index > 10 or "that" in lower[last.index:] or not all(
            lower[k] in DETERMINERS or lower[k] in TITLE_WORDS or view.toks[k][0][:1].isupper()
            for k in range(comma + 1, last.holder_token)):
        return
    for cue in cues[:-1]:
        if cue.index < comma and cue.holders and not set(cue.holders) & set(last.holders) and cue.kind != "according":
            cue.holders = ()


_DENYING = frozenset({"denied", "denies", "deny", "denying", "dismissed", "dismisses", "rejected", "rejects"})
_CLAIM_NOUNS = frozenset({"claim", "claims", "report", "reports", "suggestion", "suggestions", "allegation",
                          "allegations", "accusation", "accusations", "speculation", "rumours", "rumors"})


def drop_denied_clauses(cues: list[Cue], view: SentenceView) -> None:
    """'Mulino ... denied that the United States had sought the move': the subject of a clause someone denies
    holds no stance by it (the clause says what is denied, not what it did or wants)."""
    lower = view.lower
    for cue in cues:
        k = cue.holder_token
        if not cue.holders or k < 2 or cue.index <= k:
            continue
        j = k - 1 - (lower[k - 1] == "the")
        if j < 1 or lower[j] != "that":
            continue
        verb = j - 1 - (lower[j - 1] in _CLAIM_NOUNS)
        if verb >= 0 and lower[verb] in _DENYING:
            cue.holders = ()


_PRESCRIBING = frozenset({"must", "should", "ought"})  # what a party is told to do, not what it will do


def drop_prescribed_in_reported_speech(cues: list[Cue], view: SentenceView) -> None:
    """'Pristina and Belgrade must de-escalate ..., said the statement of X' (or '..., X said'): what parties
    must do, in words reported after them, is the speaker's call on them, not their stance (known speaker or not)."""
    lower = view.lower
    tail = next((c for c in reversed(cues) if c.kind == "verb" and c.reporting and not inside_quote(c.index, lower)
                 and _after_tail_comma(c.index, view)), None)
    if tail is None:
        return
    # (a tail's holder only inherited from the clause is no speaker found, unless the words after the verb name
    # the clause's party: '..., said Chinese Foreign Minister Wang Yi')
    named = {m.party for k, m in view.tok_mention.items() if tail.index < k <= tail.index + 6 and m.party}
    dropped = set()
    for cue in cues:
        if cue.kind == "modal" and lower[cue.index] in _PRESCRIBING and cue.index < tail.index and cue.holders \
                and (tail.via == "inherit" and not set(cue.holders) & named
                     or tail.via != "inherit" and not set(cue.holders) & set(tail.holders)):
            dropped.add(cue.holders)
            cue.holders = ()
    if tail.via == "inherit" and tail.holders in dropped:
        tail.holders = ()


def _after_tail_comma(i: int, view: SentenceView) -> bool:
    """Is the verb at i a tail attribution: right after a comma, or after a comma and a name or title?"""
    k = i - 1
    while k >= 0 and k >= i - 4 and view.lower[k] != "," and (
            view.lower[k] in DETERMINERS or view.lower[k] in TITLE_WORDS or view.toks[k][0][:1].isupper()):
        k -= 1
    return k >= 0 and view.lower[k] == ","


def inside_quote(k: int, lower: list[str]) -> bool:
    """Token k stands between an opening quote mark and its closing one. A straight mark opens or closes, so a
    quotation opened with one kind and closed with the other ('"We want talks,” he said') is still closed."""
    opened = False
    for w in lower[:k]:
        if w == "“":
            opened = True
        elif w == "”":
            opened = False
        elif w == '"':
            opened = not opened
    return opened


def _after_modal(i: int, lower: list[str]) -> bool:
    j = i - 1
    while j >= 0 and (lower[j] in ("not", "also", "still", "never") or lower[j].endswith("ly")):
        j -= 1
    return j >= 0 and lower[j] in MODALS | {"could", "might", "may"}


def _pronoun_subject(i: int, lower: list[str]) -> bool:
    j = i - 1
    while j >= 0 and (lower[j] in VERB_MODIFIERS or lower[j].endswith("ly")):
        j -= 1
    return j >= 0 and lower[j] in _PRONOUN_SUBJECTS


def _taken_stance(lower: list[str], i: int) -> bool:
    """'took a similar line', 'has taken a tougher stance', 'has made clear that', 'made it clear'."""
    if lower[i] in _MAKE:
        return "clear" in lower[i + 1:i + 3]
    return lower[i] in _TAKE and bool(_TAKEN_STANCES & set(lower[i + 1:i + 4]))
