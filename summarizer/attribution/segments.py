"""From resolved cues to statements: consecutive cues of one holder form a group, each group a segment."""
from __future__ import annotations

from dataclasses import dataclass

from summarizer.attribution.cues import DEFAULT_STRENGTH, STRENGTH, Cue, inside_quote
from summarizer.attribution.statement import Statement
from summarizer.attribution.view import SentenceView
from summarizer.lexicon import CLAUSE_BREAKS, MENTAL_VERBS, MODALS, REPORTING_VERBS

_MODAL_LEFT = MODALS | {"would", "could", "might", "may"}
NOBODY = "\0nobody"  # the holder of a group that only bounds others: a person of no party who speaks


@dataclass
class Group:
    """Cues of one holder (or holders) and where its segment may start."""

    holders: tuple[str, ...]
    cues: list[Cue]
    start_token: int
    reported_by: str | None = None


def group(cues: list[Cue], lower: list[str]) -> list[Group]:
    """Consecutive cues of the same holder(s) form one group; a holder inside another's complement is reported."""
    groups: list[Group] = []
    for cue in cues:
        if groups and groups[-1].holders == cue.holders:
            groups[-1].cues.append(cue)
        elif groups and groups[-1].cues[0].kind == "according" and len(groups[-1].cues) == 1:
            frame = groups.pop()  # 'According to the Kremlin, Ukraine has rejected ...'
            groups.append(Group(cue.holders, [cue], frame.start_token, frame.holders[0]))
        elif cue.kind == "according" and groups:
            groups[-1].reported_by = cue.holders[0]  # '..., according to the Kremlin.'
        elif cue.kind == "modal" and groups:
            continue  # 'X said Russia must withdraw' is X's stance, not Russia's
        else:
            _add(groups, Group(cue.holders, [cue], min(cue.holder_token, cue.index)), lower)
    return groups


def _add(groups: list[Group], new: Group, lower: list[str]) -> None:
    """'Zelensky said Putin wants ...': Putin's stance, as Zelensky reports it. But 'X said Europe must
    defend itself' is X's own prescription: it stays in X's statement."""
    if groups and _in_complement(groups[-1], new, lower):
        prev, cue = groups[-1], new.cues[0]
        silent = prev.holders == (NOBODY,)  # a person of no party: what he reports is the party's own
        if silent or cue.kind == "verb" and lower[cue.index] in MENTAL_VERBS | REPORTING_VERBS \
                and not _after_modal(cue.index, lower):
            new.reported_by, new.start_token = None if silent else prev.holders[0], prev.start_token
            groups[-1] = new
        else:
            prev.cues.append(cue)
        return
    groups.append(new)


def _in_complement(prev: Group, new: Group, lower: list[str]) -> bool:
    """Does the new holder stand right inside the complement of the previous group's saying verb?"""
    last = prev.cues[-1]
    between = lower[last.index + 1:new.start_token]
    return last.kind in ("verb", "according") and (
        last.reporting or last.index + 1 == new.start_token or "that" in between[:2]) \
        and not (set(between) & CLAUSE_BREAKS) and "," not in between and prev.start_token <= last.index


def _after_modal(i: int, lower: list[str]) -> bool:
    j = i - 1
    while j >= 0 and (lower[j].endswith("ly") or lower[j] in ("not", "never", "also", "still")):
        j -= 1
    return j >= 0 and lower[j] in _MODAL_LEFT


def segments(groups: list[Group], view: SentenceView) -> list[Statement]:
    """One statement per holder of each group; the sentence is cut at the clause break between groups."""
    if not groups:
        return []
    toks, lower, text = view.toks, view.lower, view.text
    first = groups[0]
    opening = max((k for k in range(2, first.start_token) if lower[k] in CLAUSE_BREAKS
                   and lower[k - 1 - (lower[k - 1] == "even")] == "," and not inside_quote(k, lower)),
                  default=None)  # ', but', ', even though' (after some clause)
    # '..., even though Caracas does not recognise its jurisdiction': the clause before the break is no one's
    bounds = [toks[opening][1] if opening is not None and first.cues[0].index > opening else 0]
    for prev, grp in zip(groups, groups[1:]):
        lo, hi = prev.cues[-1].index + 1, grp.start_token
        if grp.cues[0].kind in ("according", "passive") or grp.start_token > grp.cues[0].index:
            hi = grp.cues[0].index
        cut = next((k for k in range(hi - 1, lo - 1, -1) if lower[k] in CLAUSE_BREAKS or lower[k] == ","), None)
        if cut is None and hi - 1 > lo and view.relative_subject(hi):
            cut = hi - 1  # 'the region that Venezuela claims': the relative clause keeps its pronoun
        bounds.append(toks[cut][1] if cut is not None else toks[max(hi, lo)][1])
    bounds.append(len(text))
    out = []
    for grp, start, end in zip(groups, bounds, bounds[1:]):
        if text[start:end].strip(" ,;") == "":
            continue
        first = grp.cues[0]
        strength = max(STRENGTH.get(c.kind, DEFAULT_STRENGTH) for c in grp.cues)
        named = first.holder_token >= 0 and first.via not in ("pronoun", "inherit", "document")
        holder_at = toks[first.holder_token][1] if named else -1
        cue_at = tuple(toks[c.index][1] for c in grp.cues)
        for holder in grp.holders:
            out.append(Statement(view.sentence, start, end, holder, first.via, strength, grp.reported_by,
                                 first.speaker, len(groups) > 1, holder_at, cue_at,
                                 grp.holders if len(grp.holders) > 1 else ()))
    return out
