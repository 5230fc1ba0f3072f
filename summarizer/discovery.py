"""Auto mode (no profile): the parties of a story are the countries, blocs and organisations that hold a
stance in it. A place only mentioned (a venue, a dateline city, the seat of a court, a trading partner)
is no party: every candidate must be the holder of at least one attributed statement."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from summarizer.abbreviations import groups
from summarizer.attribution import Statement, extract
from summarizer.gazetteer import Entry, demonyms, gazetteer
from summarizer.lexicon import TITLE_WORDS
from summarizer.model import Party
from summarizer.organisations import LEADING_WORDS as _LEADING
from summarizer.organisations import Candidate, link_nouns, org_heads, text_candidates
from summarizer.parties import PEOPLE_NOUNS, PartyLexicon, build_lexicon
from summarizer.people import bare_surname
from summarizer.text import Sentence
from summarizer.words import word_set

_NEVER_PARTIES = frozenset({"region"})
_STRONG = 0.8  # a party must hold a stance somewhere, not only a 'could' or 'will'


def discover_lexicon(texts: list[str], documents: Sequence[list[Sentence]]
                     ) -> tuple[PartyLexicon, list[list[Statement]]]:
    """The lexicon of every candidate, its `parties` those holding a stance (most statements first), and the
    statements of each document (found on the way, so they need not be extracted again)."""
    candidates = find_candidates(texts)
    countries = [c for c in candidates if c.kind == "country"]
    home = countries[0] if len(countries) == 1 else _governed(countries, texts)
    if home is not None:  # a story of one country: 'the government' is its government
        home.add(*sorted(word_set("government_nouns")))
    lexicon = build_lexicon(tuple(Party(c.name, tuple(c.aliases)) for c in candidates), texts, organisations=True)
    candidates = _people_named_alone(lexicon, candidates)
    if len(countries) > 1:
        _officials_of_the_country(lexicon, documents, {c.name for c in countries})
        _officials_of_the_outlet(lexicon, texts, {c.name for c in countries})
    if home is not None:
        _adopt_officials(lexicon, home.name, leaders=len(countries) == 1)
    if home is None or len(countries) > 1:
        _officials_from_context(lexicon, documents, {c.name for c in countries})
    if len(countries) > 1:  # last, the weaker sign: a leader of the outlet's country titled without its name
        _officials_of_the_outlet(lexicon, texts, {c.name for c in countries}, leaders=True)
    _standings(lexicon, texts, {c.name for c in countries})
    found = [extract(sentences, lexicon) for sentences in documents]
    statements: Counter[str] = Counter(st.holder for sts in found for st in sts)
    strong = {st.holder for sts in found for st in sts if st.strength >= _STRONG}
    held = [c for c in candidates if statements[c.name] and c.name in strong
            and c.kind not in _NEVER_PARTIES]
    held.sort(key=lambda c: -statements[c.name])
    lexicon.parties = tuple(Party(c.name, tuple(c.aliases)) for c in held)
    return lexicon, found


def _people_named_alone(lexicon: PartyLexicon, candidates: list[Candidate]) -> list[Candidate]:
    """A name found alone as a subject ('Guo added', 'Sisi warned') that is a part of a person the texts tie
    to a party ('Chinese Foreign Ministry spokesman Guo Jiakun', 'President Abdel Fattah al-Sisi'): that person,
    not a party of its own (a family name written first, or a surname without its article). So is a titled
    name of no party ('Prime Minister Shehbaz' where another text has "Pakistan's Prime Minister Shehbaz
    Sharif")."""
    owners: dict[str, set[str]] = {}
    for alias, (party, _) in lexicon.persons.items():
        full = lexicon.person_names.get(alias, alias).split()
        if party and len(full) >= 2:
            for part in (full[0], bare_surname(full[-1])):
                owners.setdefault(part, set()).add(party)
    merged = {c.name: owners[c.name].copy().pop() for c in candidates
              if c.kind == "named" and not c.aliases and len(owners.get(c.name, ())) == 1}
    for alias, (party, titles) in list(lexicon.persons.items()):  # 'Prime Minister Shehbaz' of no named country
        if party is None and " " not in alias and len(owners.get(alias, ())) == 1:
            lexicon.persons[alias] = (next(iter(owners[alias])), titles)
    if not merged:
        return candidates
    for name, party in merged.items():
        lexicon.alias_party.pop(name, None)
        lexicon.persons[name] = (party, lexicon.persons.get(name, (None, frozenset()))[1])
        lexicon.person_names.setdefault(name, name)
    lexicon.parties = tuple(p for p in lexicon.parties if p.name not in merged)
    lexicon.compile()
    return [c for c in candidates if c.name not in merged]


def _governed(countries: list[Candidate], texts: list[str]) -> Candidate | None:
    """The one country whose government the texts name ("Colombia's government", 'the Colombian government'):
    a story of several countries, where 'the government' is that one's."""
    nouns = "|".join(sorted(word_set("government_nouns")))
    named = []
    for country in countries:
        names = [n for n in (country.name, *country.aliases) if n[:1].isupper()]
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + rf")(?:['’]s)? (?:{nouns})\b")
        if any(pattern.search(text) for text in texts):
            named.append(country)
    return named[0] if len(named) == 1 else None


_STANDING = re.compile(r"\b(ruling|governing|opposition)\s+(?:party\s+|leader\s+|candidate\s+)?$", re.IGNORECASE)


def _standings(lexicon: PartyLexicon, texts: list[str], countries: set[str]) -> None:
    """'the ruling People's Progress Party', 'Opposition leader Ruth Roe' (of the Civic Party): the one party
    so described is 'the ruling party' or 'the opposition party' wherever the texts say so."""
    found: dict[str, set[str]] = {}
    for text in texts:
        for mention in lexicon.find(text):
            standing = _STANDING.search(text[max(0, mention.start - 40):mention.start])
            if standing and mention.party and mention.party not in countries:
                found.setdefault(standing.group(1).lower(), set()).add(mention.party)
    for standing, parties in found.items():
        name = "opposition party" if standing == "opposition" else f"{standing} party"
        if len(parties) == 1 and name not in lexicon.alias_party:
            lexicon.alias_party[name] = next(iter(parties))
    if found:
        lexicon.compile()


# Titles every country has one holder of: in a story of several countries, 'President Donald Trump' of no named
# country is not the president of the country whose government the texts name
_LEADER_TITLES = frozenset({"president", "prime", "premier", "chancellor", "king", "emir", "leader"})


def _adopt_officials(lexicon: PartyLexicon, country: str, leaders: bool = True) -> None:
    """'Transport Minister Jane Roe' of no named country belongs to the story's only country (or, of several
    countries, to the one whose government the texts name, unless the title is a head of state's)."""
    titles = word_set("government_titles")
    for alias, (party, held) in list(lexicon.persons.items()):
        if party is None and held & titles and "former" not in held and (leaders or not held & _LEADER_TITLES):
            lexicon.persons[alias] = (country, held)


_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?][\"”’]?\s+|\n")  # (not the 'U.S.' of 'U.S. President X')


def _outlet_country(lexicon: PartyLexicon, text: str, countries: set[str], leaders: bool = False) -> str | None:
    """The country whose officials a text titles without naming it ('Defence Minister Khawaja Asif' in a paper
    of his country, where other countries' are 'Afghan Foreign Minister ...'): the one such country, or None.
    Leaders count only when asked: many papers write 'President Donald Trump' whatever their country."""
    titles = word_set("government_titles")
    found = set()
    for mention in lexicon.find(text):
        party, held = lexicon.persons.get(mention.surface, (None, frozenset()))
        if mention.kind != "person" or party not in countries or not held & titles \
                or (held & _LEADER_TITLES and not leaders):
            continue
        clause = _SENTENCE_END.split(text[max(0, mention.start - 120):mention.start])[-1]
        words = re.findall(r"[\w’'.-]+", clause)
        k = len(words)
        while k and (words[k - 1].lower() in TITLE_WORDS or words[k - 1] in ("and", "of")):
            k -= 1
        if k == len(words) or not words[k].istitle():
            continue  # no title written before the name here
        before = {m.party for m in lexicon.find(words[k - 1].removesuffix("’s").removesuffix("'s"))} if k else set()
        if not before & countries:
            found.add(party)
    return next(iter(found)) if len(found) == 1 else None


_THE_COUNTRYS = re.compile(r"\b[Tt]he (?:country|nation)['’]s\s+((?:[A-Z][\w.-]*\s+){1,8})")


def _officials_of_the_country(lexicon: PartyLexicon, documents: Sequence[list[Sentence]], countries: set[str]) -> None:
    """'Pakistan reported eight civilians killed. The country's Defence Minister Khawaja Asif told AFP ...': an
    official of 'the country' belongs to the one country the sentence before names (whatever the outlet's)."""
    titles = word_set("government_titles")
    for sentences in documents:
        for prev, sentence in zip(sentences, sentences[1:]):
            m = _THE_COUNTRYS.search(sentence.text)
            if m is None:
                continue
            people = [p for p in lexicon.find(m.group(1)) if p.kind == "person" and p.party is None
                      and lexicon.persons.get(p.surface, (None, frozenset()))[1] & titles]
            named = {p.party for p in lexicon.find(prev.text) if p.kind != "person"} & countries
            if len(people) == 1 and len(named) == 1:
                person = lexicon.person_names.get(people[0].surface, people[0].surface)
                for alias in [a for a in lexicon.persons if lexicon.person_names.get(a, a) == person]:
                    lexicon.persons[alias] = (next(iter(named)), lexicon.persons[alias][1])


def _officials_of_the_outlet(lexicon: PartyLexicon, texts: list[str], countries: set[str],
                             leaders: bool = False) -> None:
    """A minister of no named country, in a story of several, belongs to the country whose officials his
    texts title without naming it: papers name the country of foreign officials, not of their own."""
    titles = word_set("government_titles")
    untied = {alias for alias, (party, held) in lexicon.persons.items()
              if party is None and held & titles and (leaders or not held & _LEADER_TITLES) and "former" not in held}
    homes: dict[str, set[str | None]] = {}
    for text in texts:
        named = {lexicon.person_names.get(m.surface, m.surface) for m in lexicon.find(text)
                 if m.kind == "person" and m.surface in untied}
        if named:
            home = _outlet_country(lexicon, text, countries, leaders)
            for person in named:
                homes.setdefault(person, set()).add(home)
    for alias in untied:
        home = homes.get(lexicon.person_names.get(alias, alias), {None})
        if len(home) == 1 and None not in home:
            lexicon.persons[alias] = (next(iter(home)), lexicon.persons[alias][1])


def _officials_from_context(lexicon: PartyLexicon, documents: Sequence[list[Sentence]], countries: set[str]) -> None:
    """'The United States stepped up its efforts. Secretary of State Jane Roe said ...': an official of no
    named country, whose sentence names no country, belongs to the one country the sentence before names."""
    titles = word_set("government_titles")
    untied = {alias for alias, (party, held) in lexicon.persons.items()
              if party is None and held & titles and "former" not in held}
    for sentences in documents:
        for prev, sentence in zip(sentences, sentences[1:]):
            if not untied or prev.paragraph != sentence.paragraph:
                continue
            mentions = lexicon.find(sentence.text)
            people = [m for m in mentions if m.kind == "person" and m.party is None and m.surface in untied]
            if not people or any(m.party in countries for m in mentions):
                continue
            leader = bool(lexicon.persons[people[0].surface][1] & _LEADER_TITLES)
            # (a head of state is not the country an adjective names: '... no Pakistani facilities were hit.
            # Prime Minister Narendra Modi monitored ...')
            named = {m.party for m in lexicon.find(prev.text) if m.kind != "person"
                     and not (leader and m.kind == "adjective")}
            # (nor where the sentence before names a person of another country: 'Aliyev's comments were portrayed
            # by Pashinian's critics as proof of Azerbaijani pressure. Foreign Minister Ararat Mirzoyan denied ...')
            named |= {m.party for m in lexicon.find(prev.text) if m.kind == "person" and m.party in countries}
            if len(named) == 1 and named <= countries:
                person = lexicon.person_names.get(people[0].surface, people[0].surface)
                for alias in [a for a in untied if lexicon.person_names.get(a, a) == person]:
                    lexicon.persons[alias] = (next(iter(named)), lexicon.persons[alias][1])
                    untied.discard(alias)


def find_candidates(texts: list[str]) -> list[Candidate]:
    """Gazetteer entries mentioned in the texts, then organisations named there, then common nouns."""
    counts = _gazetteer_mentions(texts)
    entries = {e.name: e for e in gazetteer()}
    out = [_candidate(entries[name], counts) for name in sorted(  # ties by name: the same order in every process
        {entries_of_name()[n].name for n in counts}, key=lambda n: (-sum(counts[a] for a in entries[n].all_names), n))]
    by_name = {c.name: c for c in out}
    lookup = {n: e.name if e.kind == "country" else e.name + "*" for e in gazetteer()
              if e.kind not in _NEVER_PARTIES for n in e.all_names if n[:1].isupper()}
    for cand in text_candidates(texts, lookup.get, lambda name: name in entries_of_name()):
        if cand.country:
            owner = by_name.get(cand.country) or _candidate(entries[cand.country], counts)
            if owner.name not in by_name:
                by_name[owner.name] = owner
                out.append(owner)
            owner = by_name[owner.name]  # (the entry found under its display name: 'DR Congo', not a copy of it)
            owner.add(cand.name, *cand.aliases)
        elif cand.name not in by_name:
            by_name[cand.name] = cand
            out.append(cand)
    for group, members in {g: m for text in texts for g, m in groups(text)}.items():
        if group not in by_name:  # its members listed together are the group: 'France, Britain and Germany'
            by_name[group] = Candidate(group, "group")
            out.append(by_name[group])
        by_name[group].add(members)
    for cand in out:
        members = _MEMBERS.match(cand.name) if cand.kind != "country" else None
        if members:  # 'Alliance of Small Island States': 'small island states' stands for it
            cand.add(members.group(1).lower())
    out.extend(link_nouns(out, texts))
    for cand in out:
        if cand.name not in entries and cand.kind != "country":
            _most_used_name(cand, texts)
    return out


_LEGAL_NAME = re.compile(r"\s(?:Inc|Corp|Corporation|Ltd|LLC|plc|PLC|SA|AG|GmbH|NV|Co|Holdings)\.?$")


def _place_word(word: str) -> bool:
    """A demonym or a name the gazetteer knows ('African' of 'African Group of Negotiators')."""
    return word in demonyms() or word in entries_of_name()


def _most_used_name(cand: Candidate, texts: list[str]) -> None:
    """A body the texts name is shown under the capitalised name they use most on its own ('Meta', not 'Meta
    Platforms Inc.'; 'Arab Group', not 'Arab Group of Nations' said once): what readers, and the articles, call it.
    An abbreviation never replaces the name it stands for ('Federal Trade Authority', not 'FTA'); one word only
    names a company of a legal name ('Apple' of 'Apple Inc.'): another body's first word is often a place ('the
    Mekong River Commission', not 'the Mekong'; 'African Group')."""
    names = [n for n in (cand.name, *cand.aliases) if n[:1].isupper() and len(n) > 2 and (
        " " in n or n == cand.name or _LEGAL_NAME.search(cand.name) and not _place_word(n) and not n.isupper())]
    if len(names) < 2:
        return
    found = re.compile("|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in sorted(names, key=len, reverse=True)))
    uses = Counter(m.group() for text in texts for m in found.finditer(text))  # the longest name at each place
    best = max(names, key=lambda n: (uses[n], n == cand.name, len(n)))
    if len(best) < len(cand.name) and uses[best] > uses[cand.name]:  # (not 'U.S. Federal Shipping Board')
        old = cand.name
        cand.name = best
        cand.aliases = [a for a in cand.aliases if a != best] + [old]


# A body named after its members; the members' plural noun phrase stands for it in news copy.
_MEMBERS = re.compile(r"^(?:Alliance|Association|Coalition|Community|Federation|Forum|Group|League|"
                      r"Organi[sz]ation|Union) of (?:the )?((?:[A-Z][a-z]+ ){1,3}[A-Z][a-z]+s)$")


def _candidate(entry: Entry, counts: Counter[str]) -> Candidate:
    """A gazetteer entry, shown under the full name the texts use most for it ('Czechia', 'Ivory Coast')."""
    names = entry.names or (entry.name,)
    shown = max(names, key=lambda n: (counts[n], n == entry.name))
    small = [c for c in entry.small_capitals if c not in entries_of_name()]  # named state: 'Reykjavik said'
    return Candidate(shown, entry.kind, [n for n in (*entry.all_names, *small) if n != shown])


@cache
def entries_of_name() -> dict[str, Entry]:
    return {n: e for e in gazetteer() for n in e.all_names}


@cache
def _gazetteer_regex() -> re.Pattern:
    names = sorted(entries_of_name(), key=len, reverse=True)
    return re.compile(r"(?<![\w@#])(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def _gazetteer_mentions(texts: list[str]) -> Counter[str]:
    """How often each gazetteer name is used as a name of its own (not inside 'New Jersey', 'Jordan Bardella').
    A one-word name of a group that the texts also give a person as surname ('Thérèse Kayikwamba Wagner') and
    never write as a group ('the Wagner Group', 'Wagner fighters') is that person's: 'Wagner added' is hers."""
    counts: Counter[str] = Counter()
    surnames: set[str] = set()
    for text in texts:
        for m in _gazetteer_regex().finditer(text):
            if not _inside_longer_name(text, m.start(), m.end()):
                counts[m.group(1)] += 1
            elif " " not in m.group(1) and entries_of_name()[m.group(1)].kind != "country" \
                    and _after_given_name(text, m.start()):
                surnames.add(m.group(1))
    for name in surnames:
        if not any(re.search(rf"\b{re.escape(name)}\s+(?:{_GROUP_WORDS})\b", text) for text in texts):
            counts.pop(name, None)
    return counts


def _after_given_name(text: str, start: int) -> bool:
    """Does a capitalised word that is no place, people or title stand just before ('Kayikwamba Wagner', not
    'Afghan Taliban' or 'President Wagner')?"""
    before = re.search(r"(\w+) $", text[max(0, start - 40):start])
    if before is None:
        return False
    word = before.group(1)
    return word[:1].isupper() and word not in entries_of_name() and word not in demonyms() \
        and word.lower() not in TITLE_WORDS and word not in _LEADING


# words after a group's one-word name that show it is the group ('Wagner Group', 'Wagner mercenaries')
_GROUP_WORDS = "Group|group|mercenaries|fighters|forces|troops|militia|militants|members|leaders|commanders"


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """A capitalised word before it (not a sentence start or a title), or a canonical name followed by one
    that is no title, office or organisation word ('China Daily')."""
    before = re.search(r"(\S+) $", text[max(0, start - 40):start])
    if before:
        word = before.group(1)
        head = text[max(0, start - len(word) - 3):start - len(word) - 1].rstrip()
        initial = not head or head[-1] in ".!?\"“”:("
        if word[:1].isupper() and word.isalpha() and not initial and word.lower() not in TITLE_WORDS \
                and word not in _LEADING:
            return True
    after = re.match(r" ([A-Z][a-z]+)\b", text[end:end + 30])
    name = text[start:end]
    return bool(after) and entries_of_name()[name].name == name and after.group(1).lower() not in (
        TITLE_WORDS | PEOPLE_NOUNS) and after.group(1) not in org_heads()
