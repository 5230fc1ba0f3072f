"""Holders named by a noun phrase, not by a party's own name.

"India's environment minister, Arvind Rao, rejected", 'Pakistani military spokesman Lt Gen X accused', 'Its chief
executive, Y, said', 'the commission said', 'a Commission spokesperson said', '"...," said the alliance's chair'.
Tried when the subject walk of holders.py finds no party: the phrase is read for a possessor or party adjective
(not "Ukraine's allies"), 'the head of X', a possessive pronoun resolved from earlier sentences, a body's head
noun that names exactly one party, or a name an earlier apposition tied to a party.
"""
from __future__ import annotations

import re
from functools import lru_cache

from summarizer.attribution.bodies import GENERIC, body_of_context, party_kinds
from summarizer.attribution.cues import inside_quote
from summarizer.attribution.discourse import Attribution
from summarizer.attribution.officials import (
    named_as_object, of_another_place, official_of_context, other_bodies, titled_apposition,
)
from summarizer.attribution.view import SERVICE_NOUNS, SentenceView
from summarizer.gazetteer import country_names
from summarizer.lexicon import (
    CLAUSE_BREAKS, COPULAS, DETERMINERS, MODALS, PREPOSITIONS, ROLE_NOUNS, STANCE_VERBS, STOPWORDS, TITLE_WORDS,
)
from summarizer.model import Party
from summarizer.parties import PEOPLE_NOUNS, Mention
from summarizer.words import word_set, word_table

ORG_HEADS = word_set("organisation_heads")
HOLDER_HEADS = word_set("holder_heads")
RELATION_NOUNS = word_set("relation_nouns")
_COMPANY = word_table("company_heads")
_BODY_HEADS = ORG_HEADS - {"company", "corporation", "group"}  # head words of bodies that are no company
_VERB_MODIFIERS = word_set("verb_modifiers")
_GOVERNMENT_TITLES = frozenset({"minister", "ministry", "cabinet"})
_FORMER = re.compile(r"(?:former|ex)$|ex-")  # 'former president', 'ex-minister'
_HOLDER_PREPS = frozenset({"of", "for", "from"})
_STAFF = frozenset("judges judge officials official diplomats diplomat lawyers negotiators staff aides "
                   "spokesperson spokesman spokeswoman sources source economists researchers".split())
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
_WORKFORCE = frozenset("workers employees staff machinists pilots engineers drivers miners nurses".split())
_NOT_NOMINAL = CLAUSE_BREAKS | COPULAS | MODALS | _VERB_MODIFIERS | frozenset(
    "and or nor that who whom which where when if as than because since so".split())
_AFFILIATION_VERBS = frozenset("led leads heads headed chairs chaired runs ran represents represented".split())
HEADS = ROLE_NOUNS | TITLE_WORDS | PEOPLE_NOUNS | ORG_HEADS | HOLDER_HEADS
PHRASE_REACH = 12  # tokens one subject phrase may span
# 'an official involved in the talks', 'a diplomat based in Geneva': a head's participle before its phrase
_POSTMODIFIERS = frozenset({"involved", "based", "stationed", "posted", "familiar", "engaged"})
APPOSITION_REACH = 14  # tokens of ', Arvind Rao,' or ', who led the AU mission,'
RELATION_REACH = 3  # adjectives between a possessor and a relation noun
SPEAKER_TAIL = 16  # tokens after an inverted 'said' that may name the speaker


def names_workforce(view: SentenceView, k: int) -> bool:
    """Does the mention at token k only qualify the workers after it ('Boeing workers', 'Orbis machinists')?"""
    m = view.tok_mention[k]
    end = next(j for j in range(k, len(view.lower) + 1) if view.tok_mention.get(j) is not m)
    return not m.possessive and view.word(end) in _WORKFORCE


def subject_phrase(view: SentenceView, before: int) -> tuple[Attribution, int] | None:
    """The holder named by the phrase ending at token `before` (over an apposition of names), and where it starts."""
    end, apposition = before, None
    if view.word(end) == ",":
        opening = _apposition_start(view, end)
        if opening is None:
            return None
        apposition, end = (opening + 1, before - 1), opening - 1
    start = phrase_start(view, end)
    if start > end or not holder_head(view, head_of(view, start, end)):
        return None
    if start in view.tok_mention and view.object_of_preposition(start):
        return None  # 'Rebels in the Democratic Republic of Congo said': the place is no subject
    if view.word(start - 1) in ("to", "with", "against", "toward", "towards", "at"):
        return None  # 'X has written to Spain's government expressing concerns': the addressee is no subject
    # 'Former Ghanaian president X said': a former office holder speaks for no party (but for a body he leads)
    former = any(_FORMER.match(view.lower[k]) for k in range(max(0, start - 1), end + 1))
    found = None if former else holder_of(view, start, end, apposition)
    if found is None and apposition is not None:
        found = _affiliation(view, *apposition) or titled_apposition(view, start, end, apposition)
    elif found is not None and found.via == "role" and apposition is not None:
        # 'the regional government president Ana Roe, of the Popular Party,': the party the apposition names, not
        # the one a government official of the sentence before would speak for
        found = _affiliation(view, *apposition) or found
    other = view.tok_mention.get(start - 2) if view.word(start - 1) == "and" else None
    if other is not None and other.party:
        # 'The EU and the island states are pushing', 'Egyptian and Qatari mediators pressing'
        if (found is None and not view.object_of_preposition(start - 2)) or (
                found is not None and other.kind == "adjective" and view.tok_mention.get(start) is not None
                and other.party not in found.holders):
            held = (other.party, *found.holders) if found is not None else (other.party,)
            found, start = Attribution(held, "subject"), view.mention_start(start - 2)
    return (found, start) if found is not None else None


def speaker_phrase(view: SentenceView, verb: int) -> tuple[Attribution, int] | None:
    """'"...," said the alliance's chair, Tala Fa'amausili.' / 'said Aurelio Pineda, the head of the delegation.'"""
    last = len(view.lower) - 1
    while last > verb and view.lower[last] in (".", "!", "?", '"', "”"):
        last -= 1
    if last - verb > SPEAKER_TAIL or view.word(verb + 1) in ("to", "that"):
        return None
    pieces, start = [], verb + 1
    for k in range(verb + 1, last + 2):
        if k > last or view.lower[k] == ",":
            if start <= k - 1:
                pieces.append((start, k - 1))
            start = k + 1
    for a, b in pieces[:2]:
        if not holder_head(view, head_of(view, a, b)):
            continue
        other = next(((x, y) for x, y in pieces[:2] if (x, y) != (a, b)), None)
        found = holder_of(view, a, b, other if other and is_name_block(view, *other) else None)
        if found is not None:
            return found, a
    return None


def holder_head(view: SentenceView, k: int) -> bool:
    """Can the word at k head a phrase that holds a view? Names, titles, bodies, officials; not 'overcapacity'."""
    word = view.lower[k].removesuffix("'s").removesuffix("’s")
    if view.reporters(k):
        return False
    return k in view.tok_mention or word in HEADS or word in GENERIC or word in party_heads(view.lexicon.parties) \
        or view.toks[k][0][:1].isupper()


def head_of(view: SentenceView, start: int, end: int) -> int:
    """The head of a phrase: its last word before any 'of', 'to', 'in' ('minister of natural resources')."""
    for k in range(start + 1, end + 1):
        if view.lower[k] in PREPOSITIONS and k not in view.tok_mention:
            return k - 2 if view.lower[k - 1] in _POSTMODIFIERS and k - 2 >= start else k - 1
    return end


def phrase_start(view: SentenceView, end: int) -> int:
    """First token of the noun phrase ending at `end` ('Vietnam's deputy minister of natural resources')."""
    lower, start, k = view.lower, end + 1, end
    while k >= 0 and end - k < PHRASE_REACH:
        w = lower[k]
        if k in view.tok_mention or _nominal(view, k):
            start = k
        elif w in DETERMINERS or w in _POSSESSIVE_PRONOUNS:
            start = k
            if not (k > 1 and lower[k - 1] in PREPOSITIONS and (lower[k - 2] in HEADS or (
                    k > 2 and lower[k - 2] in _POSTMODIFIERS and lower[k - 3] in HEADS))):
                break
        elif w in PREPOSITIONS and k > 0 and lower[k - 1] in HEADS:
            start = k  # 'minister of natural resources', 'ambassador to the U.S.'
        elif w in PREPOSITIONS and k > 1 and lower[k - 1] in _POSTMODIFIERS and lower[k - 2] in HEADS:
            start, k = k - 1, k - 1
        else:
            break
        k -= 1
    return start


def holder_of(view: SentenceView, start: int, end: int, apposition: tuple[int, int] | None = None) -> Attribution | None:
    """The party a noun phrase names, with the person it names (for 'she said' later) when it names one."""
    objects = _objects(view, start, end)
    speaker = _speaker(view, start, end, apposition)
    for k in range(start, end + 1):
        m = view.tok_mention.get(k)
        if m is None or m.party is None or k in objects or (m.possessive and relation_after(view, k, end)):
            continue
        if m.possessive and _named_after(view, m, k, end, objects) and not _person_head(view, k, end):
            continue  # "Germany's VDA industry body": the body named, not the country it belongs to
        if names_workforce(view, k):
            continue  # 'Boeing workers rejected the offer': its workers, not the company
        if m.kind == "person":
            speaker = m.person or m.surface
        found = Attribution((m.party,), "subject", speaker)
        break
    else:
        found = None if of_another_place(view, start, end) else _pronoun_owner(view, start, speaker) \
            or _named_body(view, start, end, objects, speaker) or official_of_context(view, start, end, speaker)
    if found is not None and found.via == "role" and apposition is not None and is_name_block(view, *apposition):
        found = _apposed_person(view, *apposition) or found  # 'The Health Secretary, Mr Streeting, called': his
    if found is not None and apposition is not None and is_name_block(view, *apposition):
        view.state.nominal.learn([view.toks[k][0] for k in range(apposition[0], apposition[1] + 1)], found.holders[0],
                                 frozenset(w for w in view.lower[start:end + 1] if w in TITLE_WORDS or w in ROLE_NOUNS))
    return found


def _named_after(view: SentenceView, m: Mention, k: int, end: int, objects: set[int]) -> bool:
    """Does another party's own name follow the possessive mention `m` inside the phrase?"""
    return any(j not in objects and view.tok_mention[j] is not m and view.tok_mention[j].party not in (None, m.party)
               and not view.tok_mention[j].possessive and view.tok_mention[j].kind != "adjective"
               and view.tok_mention[j].surface[:1].isupper()  # ("Pakistan's foreign ministry": a common noun)
               for j in range(k + 1, end + 1) if j in view.tok_mention)


def _person_head(view: SentenceView, k: int, end: int) -> bool:
    """"Chile's Peru border envoy Tomas Vidal": a person's office keeps the possessor's side."""
    return any(view.lower[j] in PEOPLE_NOUNS or view.lower[j] in ROLE_NOUNS for j in range(k + 1, end + 1))


def _nominal(view: SentenceView, k: int) -> bool:
    """A word that may stand inside a subject phrase: names, titles, nouns, adjectives (not verbs, not clauses)."""
    tok, w = view.toks[k][0], view.lower[k]
    if w in _NOT_NOMINAL or w in DETERMINERS or w in PREPOSITIONS or not tok[:1].isalnum():
        return False
    if tok[:1].isupper() or w in HEADS:
        return True
    return w not in STANCE_VERBS and not w.endswith("ed") and not w.endswith("ing")


def _apposition_start(view: SentenceView, comma: int) -> int | None:
    """The comma that opens ', Arvind Rao,' or ', who led the AU mission,' closed at `comma`."""
    for k in range(comma - 1, max(-1, comma - APPOSITION_REACH), -1):
        w = view.lower[k]
        if w == ",":
            return k if k > 0 else None
        if w in (";", '"', "“", "”") or (w in STANCE_VERBS and w not in _AFFILIATION_VERBS and k not in view.tok_mention):
            return None
    return None


def is_name_block(view: SentenceView, a: int, b: int) -> bool:
    """', Arvind Rao,': capitalised words only."""
    return b - a < 5 and all(view.toks[k][0][:1].isupper() for k in range(a, b + 1))


def _objects(view: SentenceView, start: int, end: int) -> set[int]:
    """Tokens after 'to', 'in', 'at' inside the phrase: 'ambassador to the U.S.' is not the U.S."""
    for k in range(start, end + 1):
        if view.lower[k] in PREPOSITIONS and view.lower[k] not in _HOLDER_PREPS \
                and not (view.lower[k] == "to" and k > start and view.lower[k - 1] in SERVICE_NOUNS) \
                and not _works_at(view, k):
            return set(range(k, end + 1))  # (not 'a top advisor to Iran's leader': whom he serves)
    return set()


def _works_at(view: SentenceView, k: int) -> bool:
    """'judges at the World Court', 'officials at the State Department': people of the body named after 'at' (not
    of a country: 'diplomats at Ghana's border' are only there)."""
    if view.lower[k] != "at" or view.lower[k - 1] not in _STAFF:
        return False
    m = view.tok_mention.get(k + 1 + (view.word(k + 1) == "the"))
    return m is not None and m.kind == "name" and m.surface not in country_names()


def relation_after(view: SentenceView, k: int, end: int) -> bool:
    """"Ukraine's allies", "Malawi's main opposition party": the possessive names someone else."""
    m = view.tok_mention[k]
    j = k
    while j <= end and view.tok_mention.get(j) is m:
        j += 1
    last = min(end, j + RELATION_REACH)
    while j < last and view.lower[j] not in RELATION_NOUNS | HEADS and view.toks[j][0].isalpha() \
            and (view.toks[j][0].islower() or getattr(view.tok_mention.get(j), "party", m.party) != m.party):
        j += 1  # past adjectives: "Ukraine's closest allies", "Sullivan's Filipino counterpart"
    return j <= end and view.lower[j] in RELATION_NOUNS


def _speaker(view: SentenceView, start: int, end: int, apposition: tuple[int, int] | None) -> str | None:
    """The person a phrase names ('Arvind Rao', 'the commission's chairperson'), or None for a body."""
    if apposition is not None and is_name_block(view, *apposition):
        return " ".join(view.toks[k][0] for k in range(apposition[0], apposition[1] + 1))
    head = view.lower[end]
    if head in ROLE_NOUNS or head in TITLE_WORDS or view.toks[end][0][:1].isupper() and end not in view.tok_mention:
        return view.text[view.toks[start][1]:view.toks[end][2]]
    return None


def _pronoun_owner(view: SentenceView, start: int, speaker: str | None) -> Attribution | None:
    """'Its chief executive', 'Their chief observer', 'Her party': the owner from earlier sentences."""
    w, state, index = view.lower[start], view.state, view.index
    if w not in _POSSESSIVE_PRONOUNS:
        return None
    if w in ("his", "her"):
        # "Sudan's irrigation minister X said his government insists": the person who just spoke in the same
        # sentence, before anyone of the sentences before
        said = [c for c in view.cues if c.index < start and c.holders and 0 <= c.holder_token < c.index
                and (c.speaker or set(view.lower[c.holder_token:c.index]) & (TITLE_WORDS | ROLE_NOUNS))
                and not inside_quote(c.holder_token, view.lower) and not state.other_sex(c.speaker or "", w)]
        if said:
            return Attribution(said[-1].holders, "pronoun", said[-1].speaker)
        if any(view.toks[k][0].endswith(("'s", "’s")) and view.toks[k][0][:1].isupper() and k not in view.tok_mention
               and view.lower[k][:-2] not in STOPWORDS for k in range(start)):
            return None  # "Macron's visit was a signal ..., his office said": his is Macron, of no party
        found = state.person_pronoun(index, w)
    else:
        found = state.it_pronoun(index) if w == "its" else state.they_pronoun(index)
        opener = state.nominal.openers.get(index - 1)
        if found is None and opener is not None:
            found = Attribution((opener,), "pronoun")
    return Attribution(found.holders, "pronoun", speaker) if found is not None else None


def _apposed_person(view: SentenceView, a: int, b: int) -> Attribution | None:
    """The party of the one person of known party the apposition names (over the party a title would guess)."""
    people = {view.tok_mention[k].party: view.tok_mention[k] for k in range(a, b + 1)
              if k in view.tok_mention and view.tok_mention[k].kind == "person" and view.tok_mention[k].party}
    if len(people) != 1:
        return None
    m = next(iter(people.values()))
    return Attribution((m.party,), "person", m.person or m.surface)


def _named_body(view: SentenceView, start: int, end: int, objects: set[int], speaker: str | None) -> Attribution | None:
    """'the commission', "the council's president", 'a Commission spokesperson', 'the rebel delegation', 'Restrepo'."""
    if view.lower[start] in ("his", "her"):
        return None  # 'Her party' is the party of a person the discourse could not resolve, not the last 'party'
    heads = party_heads(view.lexicon.parties)
    # 'European Justice Commissioner X': the official of a body no mention stands for, not of 'the government'
    foreign = any(view.toks[k][0] in other_bodies() for k in range(start, end + 1) if k not in view.tok_mention)
    for k in range(start, end + 1):
        if k in objects:
            continue
        tok = view.toks[k][0]
        word = view.lower[k].removesuffix("'s").removesuffix("’s")
        if word in _GOVERNMENT_TITLES and foreign:
            continue
        word = "the government" if word in _GOVERNMENT_TITLES else word  # 'Labour Minister X', no country named
        if word in ORG_HEADS and tok[:1].isupper() and k > 0 and view.toks[k - 1][0][:1].isupper() \
                and view.lower[k - 1] not in DETERMINERS:
            continue  # a word inside another body's proper name ('the Malawi Electoral Commission')
        if k > 0 and view.lower[k - 1] in word_set("observer_modifiers") and not view.toks[k - 1][0][:1].isupper():
            continue  # 'the monitoring group said': a body reporting on the story, not its one group
        bodies = view.state.nominal.bodies
        party = _company_just_before(view, word, start) or (
            bodies[word] if word in bodies else heads.get(word) if (word in ORG_HEADS or word in heads) else None)
        if party is not None and not tok[:1].isupper() and named_as_object(view, end, party):
            return None  # 'the government ... hand over the islands to Mauritius' is not Mauritius's government
        party = party or (view.state.nominal.names.get(tok) if tok[:1].isupper() else None)
        if party is None and view.lower[start] == "the":  # 'The group also said', 'the bloc's envoy'
            party = body_of_context(view, word)
        if party is not None:
            return Attribution((party,), "role", speaker)
    return None


def _company_just_before(view: SentenceView, word: str, start: int) -> str | None:
    """'..., Meta's Kaplan said. The company said it will appeal': 'the company' is the one party the sentence
    before gave a stance to (or named), when that party may be a company: no country, bloc or other body the
    gazetteer knows, nor a name holding a body's head word ('Machinists Union'). The story's one party whose
    alias reads like a company ('iPhone maker') is no better a guess when the text has just spoken of another."""
    if word not in _COMPANY["heads"] or view.lower[start] != "the" \
            or any(w.removesuffix("'s").removesuffix("’s") == word for w in view.state.previous_words) \
            or any(k < start and m.party for k, m in view.tok_mention.items()):
        return None  # ('Lagos said the agency had given the company two years. The company's lawyers ...'; 'Ford
        # sources said that the company believes ...': the party this sentence names)
    party = view.state.previous_party(view.index)
    if party is None or party_kinds(view.lexicon.parties).get(party) is not None:
        return None
    names = next(((p.name, *p.aliases) for p in view.lexicon.parties if p.name == party), ())
    if any(w in _BODY_HEADS for name in names for w in name.lower().split()):
        return None
    return party


@lru_cache(maxsize=16)
def party_heads(parties: tuple[Party, ...]) -> dict[str, str]:
    """Head nouns that name exactly one party: its body word ('commission'), 'company' for a company, 'rebel'."""
    owners: dict[str, set[str]] = {}
    for party in parties:
        for alias in (party.name, *party.aliases):
            words = alias.lower().split()
            for word in words:
                if word in ORG_HEADS and word not in ("group", "party"):
                    owners.setdefault(word, set()).add(party.name)
            if words and words[-1] in _COMPANY["endings"] or any(w in _COMPANY["heads"] for w in words):
                for head in _COMPANY["heads"]:
                    owners.setdefault(head, set()).add(party.name)
            if alias.lower() in ("government", "the government"):
                owners.setdefault("the government", set()).add(party.name)  # the story's own government
            if len(words) == 1 and alias.islower() and alias.endswith("s"):
                owners.setdefault(alias[:-1], set()).add(party.name)  # 'rebels' -> 'the rebel delegation'
    return {word: next(iter(names)) for word, names in owners.items() if len(names) == 1}


def _affiliation(view: SentenceView, a: int, b: int) -> Attribution | None:
    """', who led the AU mission,': the person speaks for the body they lead; ', of the Popular Party,': for the
    party the apposition names."""
    member = view.lower[a] in ("of", "from") and b - a <= 5
    if not member and (view.lower[a] != "who" or not any(view.lower[k] in _AFFILIATION_VERBS
                                                         for k in range(a, b + 1))):
        return None
    for k in range(a, b + 1):
        m = view.tok_mention.get(k)
        if m is not None and m.party is not None:
            return Attribution((m.party,), "subject")
    return None

