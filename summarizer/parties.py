"""Who is who: party aliases (profile, gazetteer, people linked by their titles) and mentions in a sentence."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from summarizer.gazetteer import ascii_name, demonyms, gazetteer, place_names
from summarizer.lexicon import ORG_WORDS, TITLE_WORDS
from summarizer.model import Party
from summarizer.people import NAME_PARTICLES, apply_people, bare_surname, casefold_key, learn_people
from summarizer.words import word_set

_ADJECTIVE_ENDINGS = ("an", "ian", "ese", "ish", "ch", "i", "ic")
_NOT_SURNAMES = ORG_WORDS | TITLE_WORDS | word_set("organisation_heads") | word_set("stopwords")
MIN_SURNAME = 3  # letters of the shortest surname a profile's full name lends ('Ek' would match too much)
# Heads that make "European allies", "Russian officials" a holder (unlike "Russian forces").
PEOPLE_NOUNS = frozenset("""
officials official leaders leader presidents allies ally government governments president minister ministers diplomats
diplomat authorities side delegation delegations negotiators negotiator lawmakers spokesman spokeswoman
spokesperson envoy envoys counterpart counterparts administration ambassador military army commanders generals
foreign defense defence prime state sources source intelligence parliament media presidency chancellor premier
cabinet ministry embassy capitals partners nations countries states members member people public
office camp team aides aide staff department mission representatives negotiating spokesmen advisers advisors
""".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """A name standing for a party (or a person) at [start, end) of a sentence."""

    start: int
    end: int
    party: str | None
    kind: str  # name | person | adjective
    surface: str
    possessive: bool = False
    person: str | None = None  # canonical person name, when the mention is a person


@dataclass
class PartyLexicon:
    """Aliases of every party plus the people tied to them; finds mentions in text."""

    parties: tuple[Party, ...]
    alias_party: dict[str, str]
    persons: dict[str, tuple[str | None, frozenset[str]]] = field(default_factory=dict)  # alias -> (party, titles)
    person_names: dict[str, str] = field(default_factory=dict)  # alias -> canonical person name
    _regex: re.Pattern | None = None
    _iregex: re.Pattern | None = None
    _blockers: frozenset[str] = frozenset()
    # a profile's party names shaped like a person's ('Orbis', 'Caribbean Community'): the people named after them
    # may be another party's ('Orbis machinists' are the union), as after a named group they are not ('JNIM
    # militants')
    plain_names: frozenset[str] = frozenset()

    def compile(self) -> "PartyLexicon":
        # a region no party answers to is matched, longest first, so that the party inside it is not ('Latin
        # America' is no mention of America), and then dropped
        self._blockers = _region_names() - self._all_aliases()
        cased = sorted((a for a in self._all_aliases() | self._blockers if a != a.lower()), key=len, reverse=True)
        lower = sorted((a for a in self._all_aliases() if a == a.lower()), key=len, reverse=True)
        self._regex = _alternation(cased, 0)
        self._iregex = _alternation(lower, re.IGNORECASE)
        return self

    def _all_aliases(self) -> Iterable[str]:
        return set(self.alias_party) | set(self.persons)

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions, longest first, in text order."""
        found: list[Mention] = []
        for regex in (self._regex, self._iregex):
            if regex is None:
                continue
            for m in regex.finditer(text):
                article = _NAME_ARTICLE.search(text, max(0, m.start("a") - 4), m.start("a"))
                start = article.start() if article else m.start("a")  # 'Al-Burhan' of the alias 'Burhan'
                found.append(self._mention(m.group("a"), start, m.end("a"), bool(m.group("p"))))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out: list[Mention] = []
        for m in found:
            if out and m.start < out[-1].end:
                continue
            out.append(m)
        # 'JNIM militants said': the named group's fighters, not the noun of the story's other armed group
        out = [m for k, m in enumerate(out)
               if not (k and m.surface.islower() and out[k - 1].surface not in self.plain_names
                       and _names_its_members(out[k - 1], m, text))]
        return [m for m in out if m.surface not in self._blockers]

    def _mention(self, surface: str, start: int, end: int, possessive: bool) -> Mention:
        key = surface if surface in self.alias_party or surface in self.persons else surface.lower()
        key = next((k for k in (surface, key) if k in self.persons), key)
        if key in self.persons:
            party, _ = self.persons[key]
            return Mention(start, end, party, "person", surface, possessive, self.person_names.get(key, key))
        party = self.alias_party.get(key) or self.alias_party.get(casefold_key(self.alias_party, surface), None)
        kind = "adjective" if _looks_adjective(surface, party) else "name"
        return Mention(start, end, party, kind, surface, possessive)

    def titles_of(self, person: str) -> frozenset[str]:
        return self.persons.get(person, (None, frozenset()))[1]


# the Arabic article a name takes in news copy, attached by a hyphen ('al-Burhan', 'Al-Burhan', 'el-Sisi')
_NAME_ARTICLE = re.compile(r"(?<![\w-])(?:[Aa]l|[Ee]l|[Aa][dnrstz])-$")


def _names_its_members(name: Mention, noun: Mention, text: str) -> bool:
    """Is the common noun the head of a name set right before it ('JNIM militants', not 'Kabul militants')?"""
    return (name.kind == "name" and not name.possessive and name.party != noun.party and not name.surface.islower()
            and text[name.end:noun.start] == " " and name.surface not in place_names())


def _alternation(aliases: list[str], flags: int) -> re.Pattern | None:
    """One regex of every alias, tried longest first. A trailing period of "U.S." must not swallow a sentence
    end; possessive 's is part of the mention."""
    if not aliases:
        return None
    return re.compile(rf"(?P<a>{_by_first_character(aliases, flags)})(?P<p>['’]s?)?(?![\w])", flags)


def _by_first_character(aliases: list[str], flags: int) -> str:
    """The aliases as one alternative per first character, each holding its aliases in their order: 'N(?:ATO|...)'.
    Only aliases sharing a first character can match at the same place, so the first alias that matches is
    the same as in a flat alternation; but the regex engine now skips places whose character starts no alias,
    and checks the character before a name (no word character, @ or #) only where one starts. Unless the
    regex ignores case and a first character is not ASCII (whose case folding may join two of them)."""
    if flags & re.IGNORECASE and not all(a[0].isascii() for a in aliases):
        return r"(?<![\w@#])(?:" + "|".join(re.escape(a) for a in aliases) + ")"
    groups: dict[str, list[str]] = {}
    for alias in aliases:
        groups.setdefault(alias[0].lower() if flags & re.IGNORECASE else alias[0], []).append(alias)
    return "|".join(re.escape(group[0][0]) + r"(?<![\w@#](?s:.))(?:" + "|".join(re.escape(a[1:]) for a in group)
                    + ")" for group in groups.values())


def _looks_adjective(surface: str, party: str | None) -> bool:
    if party is None or surface == party or surface.isupper() or "." in surface or surface in place_names():
        return False
    if surface in demonyms():
        return not surface.endswith("s")
    word = surface.split()[-1]
    return word[:1].isupper() and word.endswith(_ADJECTIVE_ENDINGS) and not word.endswith("s")


def build_lexicon(parties: tuple[Party, ...], texts: list[str], organisations: bool = False) -> PartyLexicon:
    """Profile parties (or candidates of auto mode, see discovery.py), their metonyms, and titled people;
    with `organisations`, no alias of a party is taken for a person's name ('Southern Freight')."""
    lexicon = party_lexicon(parties, organisations)
    learn_people(lexicon, texts)
    _join_respellings(lexicon)
    return lexicon.compile()


def lexicon_with_people(parties: tuple[Party, ...], people: Iterable[list[list]],
                        organisations: bool = False) -> PartyLexicon:
    """build_lexicon from each text's people as people_in found them (an index keeps those per text)."""
    lexicon = party_lexicon(parties, organisations)
    for found in people:
        apply_people(lexicon, found)
    _join_respellings(lexicon)
    return lexicon.compile()


def _join_respellings(lexicon: PartyLexicon) -> None:
    """'Prime Minister Nikol Pashinian' of no named country is 'Armenian Prime Minister Nikol Pashinyan' of
    another outlet: the same first name and a surname one letter apart (transliterations differ: -ian/-yan,
    -sky/-skyy) make the same person, of the party the other spelling was given."""
    known: dict[str, list[tuple[str, str]]] = {}
    for name, (party, _) in lexicon.persons.items():
        words = ascii_name(name).split()  # (and 'Jose Raul Mulino' is 'José Raúl Mulino': copy drops accents)
        if party is not None and len(words) >= 2:
            known.setdefault(words[0], []).append((words[-1], party))
    for name, (party, titles) in list(lexicon.persons.items()):
        words = name.split()
        folded = ascii_name(name).split()
        if party is not None or len(words) < 2 or len(words[-1]) < 5:
            continue
        match = {p for surname, p in known.get(folded[0], ()) if surname[:3] == folded[-1][:3]
                 and (surname == folded[-1] or _one_letter_apart(surname, folded[-1]))}
        if len(match) == 1:
            party = match.pop()
            for key in (name, words[-1]):
                if lexicon.persons.get(key, (None,))[0] is None and key in lexicon.persons:
                    lexicon.persons[key] = (party, lexicon.persons[key][1])


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter replaced, added or dropped ('Pashinian'/'Pashinyan', 'Zelensky'/'Zelenskyy')."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))


def people_key(lexicon: PartyLexicon) -> str:
    """Fingerprint of what people_in reads from a lexicon (its aliases): a text's people are valid under it."""
    return hashlib.sha256(repr(sorted(lexicon.alias_party.items())).encode()).hexdigest()[:16]


def party_lexicon(parties: tuple[Party, ...], organisations: bool = False) -> PartyLexicon:
    """The parties, their aliases and metonyms, before any person is learned from the texts."""
    alias_party: dict[str, str] = {}
    for party in parties:
        for alias in (party.name, *party.aliases):
            alias_party.setdefault(_alias_key(alias), party.name)
    _add_metonyms(parties, alias_party)
    _add_short_forms(parties, alias_party)
    lexicon = PartyLexicon(parties=parties, alias_party=alias_party)
    names = {party.name for party in parties}  # (a party's own name is never a person's: 'Hamas', 'Quad')
    lexicon.plain_names = frozenset(n for n in names if not organisations and _looks_like_person(n))
    for alias, party in alias_party.items():
        if organisations or alias in names:
            continue
        words = alias.split()  # ('President Rob Garner': a titled person, 'Garner' to the pronouns after him)
        titled = next((k for k, w in enumerate(words[:-1]) if w.lower() not in TITLE_WORDS), len(words) - 1)
        if _looks_like_person(" ".join(words[titled:])):
            lexicon.persons[alias] = (party, frozenset(w.lower() for w in words[:titled]))
            lexicon.person_names[alias] = " ".join(words[titled:])
    _add_surnames(lexicon)
    return lexicon.compile()


def _add_surnames(lexicon: PartyLexicon) -> None:
    """A profile's person named in full ('Joel Kaplan') is 'Kaplan' once news has introduced him: the surname
    answers for the same party, unless it is another party's name or two parties' people share it."""
    owners: dict[str, set[str]] = {}
    full_names: dict[str, str] = {}
    for full, (party, _) in lexicon.persons.items():
        words = full.split()
        surname = bare_surname(words[-1])
        if len(words) > 1 and len(surname) >= MIN_SURNAME and surname[:1].isupper() and words[-2] not in NAME_PARTICLES \
                and surname.lower() not in _NOT_SURNAMES and not re.search(r"-[a-z]", surname):
            # ('UN Verification Mission' is no person's name; 'Yoon Suk-yeol' ends in his given name)
            owners.setdefault(surname, set()).add(party)
            full_names.setdefault(surname, full)
    for surname, parties in owners.items():
        if len(parties) == 1 and surname not in lexicon.alias_party and surname not in lexicon.persons \
                and surname not in _gazetteer_names():
            lexicon.persons[surname] = (parties.pop(), frozenset())
            lexicon.person_names[surname] = full_names[surname]


@cache
def _region_names() -> frozenset[str]:
    """Regions of the gazetteer ('Latin America'): a party's name inside one does not name the party."""
    return frozenset(n for e in gazetteer() if e.kind == "region" for n in e.all_names)


@cache
def _gazetteer_names() -> frozenset[str]:
    return frozenset(n for entry in gazetteer() for n in entry.all_names)


def _looks_like_person(alias: str) -> bool:
    """'Zelenskyy', 'Rafael Grossi': capitalised, not a place or body we know, no word of an organisation."""
    words = alias.split()
    return (alias not in _gazetteer_names() and not alias.isupper() and "." not in alias and len(words) <= 3
            and all(w[:1].isupper() or re.match(r"(al|el|bin|ibn|von|van|de|der|du|da|di)\b", w) for w in words)
            and not any(w.lower() in ORG_WORDS or w.lower() in TITLE_WORDS for w in words))


def _alias_key(alias: str) -> str:
    return alias if alias != alias.lower() else alias.lower()


def _add_metonyms(parties: tuple[Party, ...], alias_party: dict[str, str]) -> None:
    """A party that names a country also answers to its capital, people and seats of power."""
    for entry in gazetteer():
        canon, names = entry.name, entry.aliases
        group = entry.all_names
        owners = {alias_party[n] for n in group if n in alias_party}
        if len(owners) != 1:
            continue
        owner = owners.pop()
        if canon not in alias_party and not any(n in alias_party for n in group[:1]):
            # only expand when the profile names the country itself (or its first synonym)
            if not any(alias_party.get(n) == owner for n in (canon, *names[:2])):
                continue
        for name in group:
            alias_party.setdefault(name, owner)


# 'Caribbean leaders' speak for the Caribbean Community, 'European officials' for the European Union.
_MEMBER_NOUNS = ("leaders", "officials", "ministers", "diplomats", "negotiators", "delegates", "envoys",
                 "member states", "states", "countries", "nations", "governments")
_BODY_HEADS = frozenset("union community league authority council commission alliance bloc organisation "
                        "organization group".split())


def _add_short_forms(parties: tuple[Party, ...], alias_party: dict[str, str]) -> None:
    """How news refers back to a body named in full: the members of an '<Adjective> <Body>' ('Caribbean
    leaders' for the Caribbean Community) and a described group without its first modifier ('the island states'
    for 'small island states'). Never a form another party already answers to."""
    for party in parties:
        for alias in (party.name, *party.aliases):
            words = alias.split()
            if len(words) == 2 and words[1].lower() in _BODY_HEADS and words[0][:1].isupper() \
                    and words[0].endswith(_ADJECTIVE_ENDINGS) and alias_party.get(words[0], party.name) == party.name:
                for noun in _MEMBER_NOUNS:
                    alias_party.setdefault(f"{words[0]} {noun}", party.name)
            if len(words) >= 3 and alias.islower():
                alias_party.setdefault("the " + " ".join(words[1:]), party.name)
