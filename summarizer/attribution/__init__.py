"""Who holds which stance in each sentence: cues, their holders, and one segment per holder.

Rule-based on purpose (no trained model can be downloaded here): a stance cue (a verb such as 'rejected',
an adjective after a copula such as 'is opposed', a noun with a possessor such as "Hegseth's remarks") takes
as holder the party in subject position before it, a speaker after a quote, the agent of 'voiced by', or a
pronoun, role ('the minister') or plural ('the two leaders') resolved from earlier sentences.
Stages: cues.py (find cues), holders.py (resolve each), discourse.py (memory across sentences), segments.py.
"""
from __future__ import annotations

from summarizer.attribution.blocks import block_quotes, voiced
from summarizer.attribution.cues import (
    drop_denied_clauses, drop_others_in_reported_speech, drop_others_in_speech, drop_prescribed_in_reported_speech,
    drop_unowned_reports, find_cues)
from summarizer.attribution.discourse import Discourse
from summarizer.attribution.holders import learn_sexes, resolve
from summarizer.attribution.learning import (
    learn_bodies, learn_documents, learn_names, learn_spokespeople, opening_party, unnamed_speaker, unnamed_speakers)
from summarizer.attribution.quotes import continued_quote, quoted_holder
from summarizer.attribution.segments import NOBODY, group, segments
from summarizer.attribution.statement import Statement
from summarizer.attribution.view import SentenceView
from summarizer.parties import PartyLexicon
from summarizer.text import Sentence

__all__ = ["Statement", "extract", "sentence_statements"]


def extract(sentences: list[Sentence], lexicon: PartyLexicon) -> list[Statement]:
    """Statements of one document's sentences, in order (discourse state flows sentence to sentence)."""
    state = Discourse(blocks=block_quotes(sentences))
    out: list[Statement] = []
    for sentence in sentences:
        out.extend(sentence_statements(SentenceView.of(sentence, lexicon, state)))
    return out


def sentence_statements(view: SentenceView) -> list[Statement]:
    """The statements of one sentence; remembers its persons and holders for the sentences after it."""
    learn_names(view)
    learn_sexes(view)
    view.cues = find_cues(view)
    for cue in view.cues:
        resolve(cue, view)
    drop_unowned_reports(view.cues, view.lower)
    drop_denied_clauses(view.cues, view)
    drop_others_in_reported_speech(view.cues, view)
    drop_prescribed_in_reported_speech(view.cues, view)
    quoted = view.state.quoted
    drop_others_in_speech(view.cues, view.lower, quoted[1].holder if quoted and quoted[0] == view.index - 1 else None)
    # a person of no party who says something bounds the clause of the party after him, and holds no stance
    # ('"...," Bolous said, according to a statement by the Congolese government': the quote is not Congo's)
    for cue in view.cues:
        if cue.kind == "verb" and cue.reporting and not cue.via and unnamed_speaker(view, cue):
            cue.via, cue.holder_token = "nobody", cue.index - 1
    silent = [c for c in view.cues if not c.holders and c.via == "nobody" and c.kind == "verb" and c.reporting]
    for cue in silent:
        cue.holders = (NOBODY,)
    groups = group([c for c in view.cues if c.holders], view.lower)
    if len(groups) > 1:  # "Russia's demands, Ukraine said, were unacceptable": the noun is Ukraine's topic
        groups = [g for g in groups if any(c.kind != "noun" for c in g.cues)] or groups
    statements = [st for st in segments(groups, view) if st.holder != NOBODY]
    for cue in silent:
        cue.holders = ()
    statements = statements or ([] if any(g.holders != (NOBODY,) for g in groups)
                                else continued_quote(view, view.state.quoted))
    statements = voiced(view, statements)
    # a party named only after a preposition ('peace with Azerbaijan') does not adopt the next sentence's official
    governed = {id(m) for k, m in view.tok_mention.items() if view.object_of_preposition(k)}
    view.state.remember(view.mentions, statements, view.index, governed, view.lower)
    last = quoted_holder(statements, view.text)
    view.state.quoted = (view.index, last) if last is not None else None
    speakers = unnamed_speakers(view)
    view.state.persons.extend((name, None, view.index) for name in speakers)
    view.state.silent = (view.index, tuple(speakers))
    learn_bodies(view)
    learn_documents(view, {st.holder for st in statements})
    learn_spokespeople(view, {st.holder for st in statements})
    opener, plural = opening_party(view)
    if opener is not None:
        view.state.nominal.opened(view.index, opener, plural)
    return statements
