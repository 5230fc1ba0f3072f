"""What earlier sentences of a document tell about pronouns, roles and 'the two leaders'."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer.attribution.memory import NominalMemory
from summarizer.attribution.statement import Statement
from summarizer.parties import Mention, PartyLexicon


@dataclass(frozen=True, slots=True)
class Reach:
    """How many sentences back each kind of reference may reach."""

    he_recent_holder: int = 2  # 'he' -> the person who last held a stance
    he_recent_person: int = 2  # 'he' -> the first person of the latest sentence naming one
    he_known_sex: int = 8  # 'she' -> the last person known to be a woman, when the sentence before names none
    it: int = 1  # 'it' -> the party that held the previous stance
    they: int = 1  # 'they' -> 'the two leaders' just before
    role: int = 6  # 'the prime minister' -> a person with that title
    pair: int = 1  # 'the two leaders' -> the two parties' people just named
    pair_holders: int = 2  # 'both sides' -> the only two parties holding stances in these last sentences
    document: int = 4  # 'the letter said' -> the party that sent a letter
    group: int = 2  # 'they', 'the ministers' -> the parties a sentence just before named together as subject
    document_it: int = 2  # '..., it said' -> the letter that spoke just before
    memory: int = 30  # entries kept per list


REACH = Reach()
OTHER_SEX = {"he": "she", "she": "he", "his": "she", "him": "she", "her": "he"}  # whom a pronoun cannot be


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who holds a cue's stance, as a strategy found it."""

    holders: tuple[str, ...]
    via: str
    speaker: str | None = None


# Plural heads of a subject that a later 'they' can stand for: 'council members expressed concern ... They also
# called for accountability', 'Pakistani officials said ... They added'
_PLURAL_PEOPLE = frozenset({"members", "officials", "ministers", "leaders", "diplomats", "envoys", "negotiators",
                            "delegates", "representatives", "lawmakers", "legislators", "authorities", "spokespeople",
                            "lawyers", "judges", "commanders", "mediators", "aides", "advisers", "advisors"})
_WORDS = re.compile(r"[\w'’-]+")
_HEAD_ROLES = frozenset({"president", "minister", "secretary", "chancellor", "spokesman", "premier"})


@dataclass
class Discourse:
    """Persons named and holders found so far in the document, newest last."""

    persons: list[tuple[str, str | None, int]] = field(default_factory=list)  # (person, party, sentence index)
    holders: list[tuple[str, str | None, str, int]] = field(default_factory=list)  # (party, person, kind, index)
    nominal: NominalMemory = field(default_factory=NominalMemory)  # names and openers (attribution/nominals.py)
    previous: tuple[int, tuple[str, ...], tuple[str, ...]] = (-1, (), ())  # last sentence: index, holders, named
    quoted: tuple[int, Statement] | None = None  # the sentence before, when one holder spoke in quotes there
    sexes: dict[str, str] = field(default_factory=dict)  # surname -> 'he' or 'she', from Mr/Ms or a pronoun
    objects: set[tuple[str, int]] = field(default_factory=set)  # (person, index) named only after a preposition
    documents: dict[str, tuple[str, int]] = field(default_factory=dict)  # 'letter' -> (party that sent one, index)
    document_spoke: tuple[str, int] | None = None  # the party whose letter or statement last spoke, and where
    group: tuple[tuple[str, ...], int] | None = None  # parties that last held one stance together, and where
    previous_words: list[str] = field(default_factory=list)  # the last sentence's tokens, lower-cased
    reporters: tuple[int, frozenset[str]] = (-1, frozenset())  # the last sentence's '..., X said' speakers
    silent: tuple[int, tuple[str, ...]] = (-1, ())  # the last sentence's speakers of no party ('Albares confirmed')
    blocks: dict[int, int] = field(default_factory=dict)  # sentence -> opener of its multi-paragraph quotation
    voices: dict[int, tuple[str, str | None, float]] = field(default_factory=dict)  # opener -> (holder, speaker,
    # strength) of the quotation it opens

    def sex_of(self, person: str | None) -> str | None:
        return self.sexes.get(person.split()[-1]) if person else None

    def other_sex(self, person: str, pronoun: str) -> bool:
        """Is `person` known to be of the sex `pronoun` rules out?"""
        return self.sex_of(person) == OTHER_SEX.get(pronoun, "")

    def person_pronoun(self, index: int, pronoun: str = "") -> Attribution | None:
        """'he'/'she' with no person earlier in the sentence: the previous sentence's person, else the
        latest person who held a stance, else the first person of the latest sentence naming one; never one
        known to be of the other sex ('she' after a sentence on 'Mr Lund ... he')."""
        other = OTHER_SEX.get(pronoun)
        fits = [p for p in self.persons if other is None or self.sex_of(p[0]) != other]
        # who spoke in the previous sentence, not someone named in what he said ('The general said that while
        # President Bazoum had claimed ... . "...," he said')
        spoke = [h for h in self.holders
                 if h[3] == index - 1 and h[1] and (other is None or self.sex_of(h[1]) != other)]
        if len(spoke) > 1 and self.reporters[0] == index - 1:  # 'X ... asked for asylum, Y said. She said': Y
            spoke = [h for h in spoke if h[1] in self.reporters[1]] or spoke
        if spoke:
            return Attribution((spoke[0][0],), "pronoun", spoke[0][1])
        # (not one only named after a preposition: 'The bloc condemned the detention of Bazoum. He said ...')
        previous = [p for p in fits if p[2] == index - 1 and (p[0], p[2]) not in self.objects]
        silent = self.silent[1] if self.silent[0] == index - 1 else ()
        previous.sort(key=lambda p: p[0] not in silent)  # who spoke there first: 'Minister Albares confirmed that
        # González left at his own request. "...," he wrote' is Albares's, of no party
        if previous:  # the person the previous sentence was about ('Grossi said ... He urged')
            person, party, _ = previous[0]
            party = party or self._spoke_for(person)
            return Attribution((party,), "pronoun", person) if party else None
        same = [p for p in fits if other is not None and self.sex_of(p[0]) not in (None, other)
                and index - p[2] <= REACH.he_known_sex and (p[0], p[2]) not in self.objects]
        recent = [h for h in self.holders if h[1] and index - h[3] <= REACH.he_recent_holder
                  and (other is None or self.sex_of(h[1]) != other)]
        # the last she named ('Holm ... her party'), unless a speaker held a stance after that sentence ('Musk
        # ... since he took over' then 'Moraes ordered ... He also asked ... And he threatened': Moraes)
        if same and (not recent or same[-1][2] >= recent[-1][3]) \
                and (party := same[-1][1] or self._spoke_for(same[-1][0])):
            return Attribution((party,), "pronoun", same[-1][0])
        if recent:
            return Attribution((recent[-1][0],), "pronoun", recent[-1][1])
        persons = [p for p in fits if index - p[2] <= REACH.he_recent_person]
        persons = [p for p in persons if (p[0], p[2]) not in self.objects] or persons
        if persons:
            last_sentence = max(p[2] for p in persons)
            person, party, _ = next(p for p in persons if p[2] == last_sentence)
            if party:
                return Attribution((party,), "pronoun", person)
        return None

    def _spoke_for(self, person: str) -> str | None:
        """The party an apposition tied a person of no known party to ("The commission's chairperson, Grace
        Phiri, defended the count. She said ...")."""
        return self.nominal.names.get(person) or self.nominal.names.get(person.split()[-1])

    def previous_party(self, index: int) -> str | None:
        """The one party that held a stance in the sentence before `index`, else the one party it names."""
        seen, holders, named = self.previous
        if seen != index - 1:
            return None
        for parties in (set(holders), set(named)):
            if len(parties) == 1:
                return next(iter(parties))
            if parties:
                return None
        return None

    def recent_parties(self, index: int) -> list[set[str]]:
        """Parties of each of the last sentences, the one before first: those that held a stance there, and
        those the sentence just before names."""
        seen, _, named = self.previous
        out = []
        for back in range(1, REACH.pair_holders + 1):
            held = {h[0] for h in self.holders if h[3] == index - back}
            out.append(held | (set(named) if back == 1 and seen == index - 1 else set()))
        return out

    def document(self, noun: str, index: int) -> Attribution | None:
        """'The letter said ...': the party that sent, issued or wrote a letter a few sentences before."""
        found = self.documents.get(noun)
        if found is None or index - found[1] > REACH.document:
            return None
        self.document_spoke = (found[0], index)
        return Attribution((found[0],), "document")

    def document_it(self, index: int) -> Attribution | None:
        """'Ethiopia was seeking ..., it said' after 'The letter said ...': the letter, not the clause's subject."""
        spoke = self.document_spoke
        return Attribution((spoke[0],), "document") if spoke and 0 < index - spoke[1] <= REACH.document_it else None

    def joint(self, index: int) -> Attribution | None:
        """'Saudi Arabia, the US and the UAE called for a truce. They/The ministers/The joint statement urged
        ...': the parties that held the last stance together, while one of the next sentences goes on with them."""
        if self.group is None or index - self.group[1] > REACH.group:
            return None
        return Attribution(self.group[0], "plural")

    def it_pronoun(self, index: int) -> Attribution | None:
        recent = [h for h in self.holders if h[2] != "person" and index - h[3] <= REACH.it]
        return Attribution((recent[-1][0],), "pronoun") if recent else None

    def they_pronoun(self, index: int) -> Attribution | None:
        recent = [h for h in self.holders if h[2] == "plural" and index - h[3] <= REACH.they]
        return Attribution((recent[-1][0],), "pronoun") if recent else None

    def role(self, role: set[str], index: int, lexicon: PartyLexicon) -> Attribution | None:
        """'the prime minister added': the latest person whose titles hold the role word."""
        fits = []  # (person, party, seen) of every person remembered whose titles hold the role
        for person, party, seen in reversed(self.persons):
            titles = lexicon.titles_of(person) or self.nominal.titles.get(person.split()[-1], frozenset())
            party = party or self._spoke_for(person)
            if party and titles and role & titles and role & titles >= (role & _HEAD_ROLES):
                if index - seen <= REACH.role:
                    return Attribution((party,), "role", person)
                if role <= titles:
                    fits.append((person, party, seen))
        # further back: the one person the document gave the whole title ('The foreign minister of Congo, Thérèse
        # Wagner, told the council ...' ten sentences before 'The foreign minister also called for ...')
        fits.extend((surname, party, -1) for surname, titles in self.nominal.titles.items()
                    if role <= titles and (party := self.nominal.names.get(surname)))
        if len({f[0].split()[-1] for f in fits}) == 1:
            return Attribution((fits[0][1],), "role", fits[0][0])
        return None

    def pair(self, index: int) -> Attribution | None:
        """'The two leaders agreed': the parties of the two latest persons of different parties."""
        parties: list[str] = []
        for _, party, seen in reversed(self.persons):
            if index - seen <= REACH.pair and party and party not in parties:
                parties.append(party)
        if len(parties) >= 2:
            return Attribution(tuple(reversed(parties[:2])), "plural")
        held: list[str] = []  # 'Both sides accused each other': the two parties that just held stances
        for party, _, _, seen in reversed(self.holders):
            if index - seen <= REACH.pair_holders and party not in held:
                held.append(party)
        return Attribution(tuple(reversed(held)), "plural") if len(held) == 2 else None

    def remember(self, mentions: list[Mention], statements: list[Statement], index: int,
                 governed: frozenset[int] | set[int] = frozenset(), words: list[str] | None = None) -> None:
        """Keep a sentence's persons, holders and words; `governed` (ids of mentions only a preposition's objects)
        are not among the parties it names."""
        self.previous_words = words or []
        self.reporters = (index, frozenset(s.speaker for s in statements if s.speaker and (
            s.attribution_last or s.segment.startswith(","))))  # (a tail cut off from the content it reports)
        for m in mentions:
            if m.kind == "person":
                self.persons.append((m.person or m.surface, m.party, index))
                if id(m) in governed:
                    self.objects.add((m.person or m.surface, index))
        self.previous = (index, tuple(s.holder for s in statements),
                         tuple(m.party for m in mentions if m.party and m.kind != "person" and id(m) not in governed))
        together: dict[tuple[int, int], list[str]] = {}
        for s in statements:
            if s.via in ("subject", "plural"):
                together.setdefault((s.start, s.end), []).append(s.holder)
        joint = max(together.values(), key=len, default=[])
        if len(joint) >= 2:
            self.group = (tuple(dict.fromkeys(joint)), index)
        for s in statements:
            kind = "plural" if s.via == "plural" or _plural_subject(s) else "person" if s.speaker else "party"
            self.holders.append((s.holder, s.speaker, kind, index))
        del self.persons[:-REACH.memory]
        self.objects = {o for o in self.objects if index - o[1] <= 1}
        del self.holders[:-REACH.memory]


def _plural_subject(statement: Statement) -> bool:
    """Is the statement's holder named by a plural noun of people ('council members', 'Afghan officials')?"""
    after = [c for c in statement.cue_at if c > statement.holder_at]
    if statement.holder_at < 0 or not after:
        return False
    words = _WORDS.findall(statement.sentence.text[statement.holder_at:min(after)].lower())
    while words and (words[-1].endswith("ly") or words[-1] in ("also", "have", "had", "were", "are")):
        words.pop()  # 'officials also said', 'members have urged'
    return bool(words) and words[-1] in _PLURAL_PEOPLE
