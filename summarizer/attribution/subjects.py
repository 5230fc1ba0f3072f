"""The subject a clause opens with, for a cue whose own subject the walk back cannot reach: '(Dateline) - Small
island states walked out, saying ...', 'X met Y and called on Z', 'X issued a statement rejecting ...', and the
subject a pronoun after an opening subordinate clause stands for ('While X has yet to reply, it has ...')."""
from __future__ import annotations

from summarizer.attribution.agents import take
from summarizer.attribution.cues import Cue
from summarizer.attribution.nominals import PHRASE_REACH, relation_after, subject_phrase
from summarizer.attribution.view import SentenceView
from summarizer.lexicon import COPULAS, MODALS
from summarizer.parties import PEOPLE_NOUNS, Mention
from summarizer.words import word_set

TIME_PLACE = word_set("time_place_words")
OPENING_ADVERBIAL = 7  # most words of an opening 'On the sidelines of the summit,' before its comma

_SUBORDINATORS = frozenset("while although though after as since when because whereas".split())


def opening_subject(cue: Cue, view: SentenceView) -> None:
    """'(Dateline) - Small island states walked out on Tuesday, saying ...': the clause's opening subject."""
    k = 0
    for j, w in enumerate(view.lower[:cue.index]):
        if w in ("-", "—", "–") and j < 16:
            k = j + 1  # past a dateline
    k = _past_opening_adverbial(view, k)
    while view.word(k) in ("the", "a", "both"):  # 'Both Sudan and Egypt are downstream, and fear ...'
        k += 1
    m = view.tok_mention.get(k)
    if m is None and k not in view.tok_mention:
        _opening_phrase(cue, view, k)  # 'A top advisor to Iran's Supreme Leader has issued a threat, declaring'
        return
    if m is None or not m.party or (m.possessive and relation_after(view, k, cue.index - 1)):
        return
    end = k
    while view.tok_mention.get(end + 1) is m:
        end += 1
    other = view.tok_mention.get(end + 2) if view.word(end + 1) == "and" else None
    if m.kind == "adjective" and other is not None and other.kind == "adjective" and other.party \
            and _people_within(view, end + 2):  # 'The Egyptian and Sudanese fisheries ministers'
        take(cue, view, m, k, "subject")
        cue.holders = tuple(dict.fromkeys((*cue.holders, other.party)))
    elif m.kind != "adjective" or view.people_after(k):
        take(cue, view, m, k, "subject")
        if other is not None and other.party and other.kind != "adjective" and m.kind != "adjective":
            cue.holders = tuple(dict.fromkeys((*cue.holders, other.party)))  # 'X and Y issued statements urging'


_AUXILIARIES = COPULAS | MODALS  # the verb after an opening phrase: "A top advisor to X's leader has issued ..."


def _opening_phrase(cue: Cue, view: SentenceView, k: int) -> None:
    """The holder a noun phrase opening the clause names, up to its auxiliary ('A top advisor to X's leader has')."""
    verb = next((j for j in range(k + 1, min(cue.index, k + PHRASE_REACH)) if view.lower[j] in _AUXILIARIES), None)
    if verb is None or any(view.lower[j] == "," for j in range(k, verb)):
        return
    found = subject_phrase(view, verb - 1)
    if found is not None and found[1] <= k:
        cue.assign(*found)


def _past_opening_adverbial(view: SentenceView, k: int) -> int:
    """'In November, Sudan boycotted talks ... and argued that ...': the subject follows a time or occasion
    phrase the clause opens with (only words of time and occasion: 'In Pakistan, officials said' is a place)."""
    comma = next((j for j in range(k, min(k + OPENING_ADVERBIAL, len(view.lower))) if view.lower[j] == ","), None)
    if comma is None or comma == k:
        return k
    opening = view.lower[k:comma]
    if all(w in TIME_PLACE or w.isdigit() or w in ("earlier", "later") for w in opening):
        return comma + 1
    return k


def _people_within(view: SentenceView, k: int, reach: int = 3) -> bool:
    """'Sudanese fisheries ministers': people a few modifiers after an adjective mention."""
    for j in range(k + 1, k + 1 + reach):
        if view.word(j) in PEOPLE_NOUNS:
            return True
        if not view.word(j).isalpha():
            return False
    return False


def subordinate_subject(view: SentenceView, j: int) -> Mention | None:
    """'While the Congolese government has yet to respond, it has repeated ...': a pronoun opening the main
    clause stands for the subject of the subordinate clause the sentence opens with."""
    if view.word(j - 1) != "," or view.word(0) not in _SUBORDINATORS or "," in view.lower[:j - 1]:
        return None
    k = 1 + (view.word(1) in ("the", "a"))
    m = view.tok_mention.get(k)
    return m if m is not None and m.party and (m.kind != "adjective" or view.people_after(k)) else None
