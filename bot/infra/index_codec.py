"""The core's per-document results as plain data for the index (packed by briefing_store.pack), and back."""
from __future__ import annotations

from summarizer import Party
from summarizer.attribution import Statement
from summarizer.extraction import Found, Reading
from summarizer.parties import PartyLexicon
from summarizer.text import Sentence


def reading_to_plain(reading: Reading) -> dict:
    return {"s": [[s.paragraph, s.text, s.verbatim] if s.verbatim else [s.paragraph, s.text]
                  for s in reading.sentences]}


def reading_from_plain(doc: str, plain: dict) -> Reading:
    sentences = tuple(Sentence(doc, k, *row) for k, row in enumerate(plain["s"]))
    return Reading(doc, sentences)


def found_to_plain(found: tuple[Found, ...]) -> list:
    """One short list per statement; the sentence is stored once per statement, without the document id
    (identical copies of a document share one row)."""
    out = []
    for f in found:
        st, s = f.statement, f.statement.sentence
        out.append([s.index, s.paragraph, s.text, st.start, st.end, st.holder, st.via, st.strength, st.reported_by,
                    st.speaker, st.split, st.holder_at, list(st.cue_at), f.key, f.stems, f.sentence_stems,
                    f.context_stems, f.neighbour_stems, f.antecedent,
                    list(f.topics) if f.topics is not None else None, s.verbatim, list(st.joint)])
    return out


def found_from_plain(doc: str, plain: list, names: dict | None = None) -> list[Found]:
    """Statements back; a sentence (its text and stems) is one object shared by its statements and its
    neighbours' contexts (a statement's own stems too when it is the whole sentence), and the short values every
    document repeats (holders, offsets, strengths, topics) are one object per load when `names` is given (a large
    index holds hundreds of thousands of statements)."""
    shared: dict = {}
    names = {} if names is None else names
    out = []
    for (index, paragraph, text, start, end, holder, via, strength, reported_by, speaker, split, holder_at, cue_at,
         key, stems, sentence_stems, context_stems, neighbour_stems, antecedent, topics, verbatim, joint) in plain:
        text, stems, sentence_stems, context_stems, neighbour_stems, antecedent = (
            shared.setdefault(v, v) for v in (text, stems, sentence_stems, context_stems, neighbour_stems, antecedent))
        holder, via, reported_by, speaker = (names.setdefault(v, v) for v in (holder, via, reported_by, speaker))
        sentence = shared.setdefault((index, paragraph, text), Sentence(doc, index, paragraph, text, verbatim))
        cue_at = tuple(cue_at)
        start, end, holder_at, cue_at = (names.setdefault(v, v) for v in (start, end, holder_at, cue_at))
        strength = names.setdefault(("strength", strength), strength)  # keyed apart: 1.0 == 1, an offset
        statement = Statement(sentence=sentence, start=start, end=end, holder=holder, via=via, strength=strength,
                              reported_by=reported_by, speaker=speaker, split=split, holder_at=holder_at,
                              cue_at=cue_at, joint=names.setdefault(tuple(joint), tuple(joint)))
        if topics is not None:
            topics = tuple(topics)
            topics = names.setdefault(topics, topics)
        out.append(Found(statement, key, stems, sentence_stems, context_stems, neighbour_stems, antecedent, topics))
    return out


def lexicon_to_plain(lexicon: PartyLexicon) -> dict:
    """The names of a lexicon, and its parties as text (to tell whether the profile changed)."""
    return {"parties": repr(lexicon.parties), "aliases": lexicon.alias_party,
            "persons": {a: [p, sorted(t)] for a, (p, t) in lexicon.persons.items()}, "names": lexicon.person_names}


def lexicon_from_plain(plain: dict, parties: tuple[Party, ...]) -> PartyLexicon | None:
    """The lexicon back, for the given parties; None when it was made for other parties."""
    if plain.get("parties") != repr(parties):
        return None
    persons = {a: (p, frozenset(t)) for a, (p, t) in plain["persons"].items()}
    return PartyLexicon(parties, dict(plain["aliases"]), persons, dict(plain["names"]))
