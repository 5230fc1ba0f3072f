"""Who is who: party aliases (profile, gazetteer, people linked by their titles) and mentions in a sentence."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from summarizer.gazetteer import GAZETTEER
from summarizer.lexicon import HEAD_TITLES, TITLE_WORDS
from summarizer.model import Party

_PARTICLES = frozenset({"von", "der", "van", "de", "da", "di", "du", "bin", "ibn", "al", "el", "la", "le"})
_NAME_TOKEN = re.compile(r"(?:[A-Z]|(?:al|el|bin|ibn)-[A-Z])[a-zA-Z'’-]+$")
_ADJECTIVE_ENDINGS = ("an", "ian", "ese", "ish", "ch", "i", "ic")
# Heads that make "European allies", "Russian officials" a holder (unlike "Russian forces").
PEOPLE_NOUNS = frozenset("""
officials official leaders leader allies ally government governments president minister ministers diplomats
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

    def compile(self) -> "PartyLexicon":
        cased = sorted((a for a in self._all_aliases() if a != a.lower()), key=len, reverse=True)
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
                found.append(self._mention(m.group("a"), m.start("a"), m.end("a"), bool(m.group("p"))))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out: list[Mention] = []
        for m in found:
            if out and m.start < out[-1].end:
                continue
            out.append(m)
        return out

    def _mention(self, surface: str, start: int, end: int, possessive: bool) -> Mention:
        key = surface if surface in self.alias_party or surface in self.persons else surface.lower()
        key = next((k for k in (surface, key) if k in self.persons), key)
        if key in self.persons:
            party, _ = self.persons[key]
            return Mention(start, end, party, "person", surface, possessive, self.person_names.get(key, key))
        party = self.alias_party.get(key) or self.alias_party.get(_casefold_lookup(self.alias_party, surface), None)
        kind = "adjective" if _looks_adjective(surface, party) else "name"
        return Mention(start, end, party, kind, surface, possessive)

    def titles_of(self, person: str) -> frozenset[str]:
        return self.persons.get(person, (None, frozenset()))[1]


def _casefold_lookup(table: dict[str, str], surface: str) -> str:
    low = surface.lower()
    return next((k for k in table if k.lower() == low), surface)


def _alternation(aliases: list[str], flags: int) -> re.Pattern | None:
    if not aliases:
        return None
    body = "|".join(re.escape(a) for a in aliases)
    # A trailing period of "U.S." must not swallow a sentence end; possessive 's is part of the mention.
    return re.compile(rf"(?<![\w@#])(?P<a>{body})(?P<p>['’]s?)?(?![\w])", flags)


def _looks_adjective(surface: str, party: str | None) -> bool:
    if party is None or surface == party or surface.isupper() or "." in surface:
        return False
    word = surface.split()[-1]
    return word[:1].isupper() and word.endswith(_ADJECTIVE_ENDINGS) and not word.endswith("s")


def build_lexicon(parties: tuple[Party, ...], texts: list[str]) -> PartyLexicon:
    """Profile parties (or, when empty, parties discovered from `texts`), metonyms, and titled people."""
    if not parties:
        parties = discover_parties(texts)
    alias_party: dict[str, str] = {}
    for party in parties:
        for alias in (party.name, *party.aliases):
            alias_party.setdefault(_alias_key(alias), party.name)
    _add_metonyms(parties, alias_party)
    lexicon = PartyLexicon(parties=parties, alias_party=alias_party)
    for alias, party in alias_party.items():
        if _looks_like_person(alias):
            lexicon.persons[alias] = (party, frozenset())
            lexicon.person_names[alias] = alias
    lexicon.compile()
    _learn_people(lexicon, texts)
    return lexicon.compile()


_GAZETTEER_NAMES = frozenset(n for canon, names in GAZETTEER for n in (canon, *names))
_ORG_WORDS = frozenset("""ministry department council agency office commission union organization organisation forces
party authority administration house group bank fund court nations assembly army guard government parliament
congress senate committee alliance front movement coalition league state states republic kingdom federation
street palace""".split())


def _looks_like_person(alias: str) -> bool:
    """'Zelenskyy', 'Rafael Grossi': capitalised, not a place or body we know, no word of an organisation."""
    words = alias.split()
    return (alias not in _GAZETTEER_NAMES and not alias.isupper() and "." not in alias and len(words) <= 3
            and all(w[:1].isupper() or re.match(r"(al|el|bin|ibn|von|van|de|der|du|da|di)\b", w) for w in words)
            and not any(w.lower() in _ORG_WORDS or w.lower() in TITLE_WORDS for w in words))


def _alias_key(alias: str) -> str:
    return alias if alias != alias.lower() else alias.lower()


def _add_metonyms(parties: tuple[Party, ...], alias_party: dict[str, str]) -> None:
    """A party that names a country also answers to its capital, people and seats of power."""
    for canon, names in GAZETTEER:
        group = (canon, *names)
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


def discover_parties(texts: list[str], minimum: int = 1, limit: int = 10) -> tuple[Party, ...]:
    """Gazetteer parties mentioned at least `minimum` times, most mentioned first."""
    counts: Counter[str] = Counter()
    joined = "\n".join(texts)
    for canon, names in GAZETTEER:
        pattern = "|".join(re.escape(n) for n in sorted((canon, *names), key=len, reverse=True))
        counts[canon] = len(re.findall(rf"(?<![\w@#])(?:{pattern})(?![\w])", joined))
    chosen = [c for c, n in counts.most_common() if n >= minimum][:limit]
    table = dict(GAZETTEER)
    return tuple(Party(name=c, aliases=table[c]) for c in sorted(chosen, key=lambda c: -counts[c]))


def _learn_people(lexicon: PartyLexicon, texts: list[str]) -> None:
    """'Russian President Vladimir Putin', 'President Zelensky of Ukraine', 'Lavrov, Russia's foreign
    minister' tie a person to a party; a titled person of no party is remembered too (for pronouns)."""
    for text in texts:
        for sentence in text.split("\n"):
            words = re.findall(r"[\w'’.-]+|[,;:]", sentence)
            for i in range(len(words)):
                _person_at(lexicon, words, i)
                _person_before_apposition(lexicon, words, i)


def _person_at(lexicon: PartyLexicon, words: list[str], i: int) -> None:
    if i > 0 and _is_title(words[i - 1]):
        return  # only a run's first title starts a name; checked first so that a run is walked once
    titles: list[str] = []
    j = i
    while j < len(words) and _is_title(words[j]):
        titles.append(words[j].lower().rstrip("."))
        j += 1
    if not titles or titles[-1] not in HEAD_TITLES:
        return
    name = []
    while j < len(words) and len(name) < 4 and (_NAME_TOKEN.match(words[j].rstrip(".")) or (
            name and words[j] in _PARTICLES and _name_follows(words, j + 1))) \
            and not _is_title(words[j]):
        token = words[j].rstrip(".,")
        if _alias_key(token) in lexicon.alias_party and not name:
            return  # "President Putin" is fine but "Minister Russia" is not a name
        name.append(re.sub(r"['’]s$", "", token))
        j += 1
        if words[j - 1].endswith(".") and len(token) > 1:
            break  # "Putin." ends the sentence
    if not name:
        return
    party = _party_before(lexicon, words, i) or _party_after_of(lexicon, words, j)
    full = " ".join(name)
    if full in lexicon.alias_party:
        party = party or lexicon.alias_party[full]
    surname = name[-1]
    if party is None:
        party = lexicon.alias_party.get(surname) or lexicon.alias_party.get(full)
    for alias in {full, surname}:
        known = lexicon.persons.get(alias)
        if known and known[0] and party and known[0] != party:
            continue  # two people of different parties share a surname: keep the first
        if alias in lexicon.alias_party and lexicon.alias_party[alias] != party:
            continue
        old_titles = known[1] if known else frozenset()
        lexicon.persons[alias] = ((known[0] if known and known[0] else party), old_titles | frozenset(titles))
        lexicon.person_names[alias] = full


def _person_before_apposition(lexicon: PartyLexicon, words: list[str], i: int) -> None:
    """'Rafael Grossi, the head of the IAEA,' / 'Sergei Lavrov, Russia's foreign minister,'."""
    if i > 0 and (_NAME_TOKEN.match(words[i - 1]) or _is_title(words[i - 1])):
        return
    for size in (3, 2):
        name = words[i:i + size]
        if len(name) < size or not all(_NAME_TOKEN.match(w) and not _is_title(w) for w in name):
            continue
        if i + size >= len(words) or words[i + size] != ",":
            continue
        if any(_alias_key(w) in lexicon.alias_party and w not in lexicon.persons for w in name):
            return
        party = _party_after_of(lexicon, words, i + size)
        if party:
            full, surname = " ".join(name), name[-1]
            for alias in (full, surname):
                if alias not in lexicon.persons or lexicon.persons[alias][0] in (None, party):
                    lexicon.persons[alias] = (party, frozenset(w.lower() for w in words[i + size + 1:i + size + 5]
                                                               if _is_title(w)))
                    lexicon.person_names[alias] = full
        return


def _name_follows(words: list[str], j: int) -> bool:
    """After 'von' in 'Ursula von der Leyen': more particles, then a capitalised name."""
    while j < len(words) and words[j] in _PARTICLES:
        j += 1
    return j < len(words) and bool(_NAME_TOKEN.match(words[j]))


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in TITLE_WORDS or word.lower() in TITLE_WORDS


def _party_before(lexicon: PartyLexicon, words: list[str], i: int) -> str | None:
    for size in (3, 2, 1):
        if i - size < 0:
            continue
        phrase = re.sub(r"['’]s$", "", " ".join(words[i - size:i]))
        party = lexicon.alias_party.get(phrase) or lexicon.alias_party.get(phrase.lower())
        if party:
            return party
    return None


def _party_after_of(lexicon: PartyLexicon, words: list[str], j: int) -> str | None:
    if j < len(words) and words[j] == "of":
        for size in (3, 2, 1):
            phrase = " ".join(words[j + 1:j + 1 + size]).rstrip(".,")
            party = lexicon.alias_party.get(phrase) or lexicon.alias_party.get(phrase.lower())
            if party:
                return party
    if j + 3 < len(words) and words[j] == "," and words[j + 1].lower() in ("the", "a") and _is_title(words[j + 2]):
        k = j + 2  # "Rafael Grossi, the head of the IAEA"
        while k < len(words) and _is_title(words[k]):
            k += 1
        if k < len(words) and words[k] == "of":
            found = _party_after_of(lexicon, words, k)
            if found:
                return found
    if j + 1 < len(words) and words[j] == ",":  # "Sergei Lavrov, Russia's foreign minister"
        k = j + 1 + (words[j + 1].lower() in ("the", "a"))
        for size in (3, 2, 1):
            phrase = re.sub(r"['’]s$", "", " ".join(words[k:k + size]))
            party = lexicon.alias_party.get(phrase) or lexicon.alias_party.get(phrase.lower())
            if party and k + size < len(words) and _is_title(words[k + size]):
                return party
    return None
