"""People tied to parties by their titles: 'Russian President Vladimir Putin', 'Secretary of State Marco
Rubio', 'Sergei Lavrov, Russia's foreign minister', "Acme's chief executive, Jane Roe", 'union leader X'."""
from __future__ import annotations

import re
from functools import cache, lru_cache
from collections.abc import Iterator
from itertools import compress, count
from typing import Protocol

from summarizer.appositions import apposition_party
from summarizer.lexicon import HEAD_TITLES, ORG_WORDS, REPORTING_VERBS, STANCE_VERBS, STOPWORDS, TITLE_WORDS
from summarizer.words import word_set

NAME_PARTICLES = frozenset({"von", "der", "van", "de", "da", "di", "du", "bin", "ibn", "al", "el", "la", "le"})
# (a quotation mark is a token: a quotation's last words are no name with the words after it)
_WORD = re.compile(r"[\w'’.-]+|[,;:\"“”]")
_SENT_TO = frozenset({"envoy", "ambassador", "representative"})
# (letters with accents too: 'José Raúl Mulino', 'Núñez', 'Šefčovič')
_NAME_TOKEN = re.compile(r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž]|(?:al|el|bin|ibn)-[A-Z])(?:[^\W\d_]|['’-])+$")


class Names(Protocol):
    """What people learning reads and fills in (a PartyLexicon)."""

    alias_party: dict[str, str]
    persons: dict[str, tuple[str | None, frozenset[str]]]
    person_names: dict[str, str]


def _alias_key(alias: str) -> str:
    return alias if alias != alias.lower() else alias.lower()


def learn_people(lexicon: Names, texts: list[str]) -> None:
    """'Russian President Vladimir Putin', 'President Zelensky of Ukraine', 'Lavrov, Russia's foreign
    minister' tie a person to a party; a titled person of no party is remembered too (for pronouns)."""
    for text in texts:
        apply_people(lexicon, people_in(lexicon.alias_party, text))


def people_in(alias_party: dict[str, str], text: str) -> list[list]:
    """The people one text names with a title, in order, found from the party aliases alone (no other text's
    people), so an index can keep them per document: [kind, name words, party, titles] each."""
    found: list[list] = []
    for sentence in text.split("\n"):
        words = _WORD.findall(sentence)
        finders = list(map(_word_finders, words))
        for i in compress(count(), finders):  # the words that start a finder (most start none)
            for finder in finders[i]:
                person = finder(alias_party, words, i)
                if person is not None:
                    found.append(person)
    return found + _name_parts(found, text)


# (and 'Anwar, who spoke to both leaders, had said': the part alone before a relative clause about him)
_LONE_USE = r"(?:\b(?:Mr|Ms|Mrs|Dr)\.?\s+{0}\b|\b{0}\s+(?:[a-z]+ly\s+)?(?:said|told|wrote|spoke|had|was|will|would|" \
            r"[a-z]+(?:s|ed))\b|\b{0},\s+who\s)"


def bare_surname(word: str) -> str:
    """A surname without its article: 'al-Sisi' -> 'Sisi'."""
    return re.sub(r"^(?:al|el|Al|El)-", "", word)


def _name_parts(found: list[list], text: str) -> list[list]:
    """A person's name by a part other than the last word, where the text uses that part alone: a family name
    written first ('spokesman Guo Jiakun' ... 'Guo added'), a given name some countries use ('Prime Minister
    Paetongtarn Shinawatra' ... 'Ms Paetongtarn'), a surname without its article ('al-Sisi' ... 'Sisi said')."""
    parts: dict[str, list] = {}
    for kind, name, party, titles in found:
        if party is None or len(name) < 2:
            continue
        for part in {name[0], bare_surname(name[-1])} - {name[-1]}:
            if _is_name(part) and not _is_title(part) and re.search(_LONE_USE.format(re.escape(part)), text):
                parts[part] = ["titled", [part], party, titles] if part not in parts or \
                    parts[part][2] == party else None
    return [p for p in parts.values() if p is not None]


@lru_cache(maxsize=65536)  # called for every word of every text, and words repeat
def _word_finders(word: str) -> tuple:
    """The finders that can start at `word` (most words start none)."""
    title = _is_title(word)
    return _finders(title, not title and _is_name(word), word.endswith(("'s", "’s")))


_LED_GROUPS = frozenset("delegation team mission government cabinet negotiators side".split())
# title words that are also part of a name after a first name ('President Hassan Sheikh Mohamud')
_NAME_TITLES = frozenset({"sheikh", "sheik", "shaikh"})


@cache
def _finders(title: bool, bare: bool, possessive: bool) -> tuple:
    """The finders that can start at such a word, in order: most words start none, and each costs a call."""
    return tuple(f for f, wanted in ((_person_at, title), (_person_before_apposition, bare),
                                     (_person_after_possessive_title, possessive), (_person_of_party, bare)) if wanted)


def apply_people(lexicon: Names, found: list[list]) -> None:
    """Add one text's people (people_in) to the lexicon: the first party given to a name stays."""
    for kind, name, party, titles in found:
        _APPLY[kind](lexicon, name, party, frozenset(titles))


_HONORIFICS = frozenset("dr prof mr mrs ms sir dame rev".split())


def _person_at(alias_party: dict[str, str], words: list[str], i: int) -> list | None:
    if i > 0 and _is_title(words[i - 1]):
        return None  # only a run's first title starts a name: a run of titles is walked once, not once per title
    titles: list[str] = []
    j, head, anchored = i, False, False
    while j < len(words) and (_is_title(words[j]) or (  # 'Secretary of State Marco Rubio'
            words[j] == "of" and titles and j + 1 < len(words) and _is_title(words[j + 1]))):
        if words[j] == "of":
            anchored = head
        else:
            titles.append(words[j].lower().rstrip("."))
            head = titles[-1] in _head_titles() or anchored
        j += 1
    if not titles or not head:
        return None
    while j + 1 < len(words) and words[j].rstrip(".").lower() in _HONORIFICS:
        j += 1  # 'Committee chair Dr Jack Fletcher': the honorific is no part of the name
    name = []
    while j < len(words) and _proper_count(name) < 4 and (_is_name(words[j].rstrip(".")) or (
            name and words[j] in NAME_PARTICLES and _name_follows(words, j + 1))) \
            and (not _is_title(words[j]) or name and words[j].lower() in _NAME_TITLES and _name_follows(words, j + 1)):
        token = words[j].rstrip(".,")
        if _alias_key(token) in alias_party and not name:
            return None  # "President Putin" is fine but "Minister Russia" is not a name
        name.append(re.sub(r"['’]s$", "", token))
        j += 1
        if words[j - 1].endswith(".") and len(token) > 1:
            break  # "Putin." ends the sentence
    if not name:
        return None
    party = _party_before_modifiers(alias_party, words, i) or _party_after_of(alias_party, words, j) \
        or _party_leading(alias_party, words, i)
    if "former" in titles or "former" in (w.lower() for w in words[max(0, i - 4):i]):
        party = None  # 'Former Botswana president X' speaks for himself, not for Botswana
        titles.append("former")
    full = " ".join(name)
    if full in alias_party:
        party = party or alias_party[full]
    if party is None:  # 'Abdel Fattah Al-Burhan' of the alias 'Burhan' or 'Abdel Fattah al-Burhan' (another case
        # only for a full name: 'Trump' is not an abbreviation 'TRUMP')
        party = alias_party.get(name[-1]) or alias_party.get(full) or alias_party.get(bare_surname(name[-1])) \
            or (alias_party.get(casefold_key(alias_party, full)) if " " in full else None)
    return ["titled", name, party, sorted(set(titles))]


def casefold_key(table: dict[str, str], surface: str) -> str:
    """The key of `table` that is `surface` in another letter case, else `surface`."""
    low = surface.lower()
    return next((k for k in table if k.lower() == low), surface)


def _add_titled(lexicon: Names, name: list[str], party: str | None, titles: frozenset[str]) -> None:
    full = " ".join(name)
    for alias in {full, name[-1]}:
        known = lexicon.persons.get(alias)
        if known and known[0] and party and known[0] != party:
            continue  # two people of different parties share a surname: keep the first
        if alias in lexicon.alias_party and lexicon.alias_party[alias] != party:
            continue
        old_titles = known[1] if known else frozenset()
        lexicon.persons[alias] = ((known[0] if known and known[0] else party), old_titles | titles)
        lexicon.person_names[alias] = full


def _bare_names(words: list[str], i: int) -> Iterator[list[str]]:
    """Untitled full names of three, then two words starting a name run at `i` (the apposition and 'of' finders)."""
    if i > 0 and (_is_name(words[i - 1]) or _is_title(words[i - 1])):
        return
    for size in (3, 2):
        name = words[i:i + size]
        if len(name) == size and all(_is_name(w) and not _is_title(w) and w.lower() not in ORG_WORDS for w in name):
            yield name  # not 'Democratic Republic (of Congo)


def _person_before_apposition(alias_party: dict[str, str], words: list[str], i: int) -> list | None:
    """'Rafael Grossi, the head of the IAEA,' / 'Sergei Lavrov, Russia's foreign minister,'."""
    if "," not in words[i + 2:i + 4]:  # no comma after a name of two or three words: most capitalised words
        return None
    for name in _bare_names(words, i):
        size = len(name)
        if i + size >= len(words) or words[i + size] != ",":
            continue
        party = _party_after_of(alias_party, words, i + size)
        if not party:
            return None
        return ["apposition", name, party, sorted({w.lower() for w in words[i + size + 1:i + size + 5]
                                                   if _is_title(w)})]
    return None


def _add_apposition(lexicon: Names, name: list[str], party: str | None, titles: frozenset[str]) -> None:
    if any(_alias_key(w) in lexicon.alias_party and w not in lexicon.persons for w in name) \
            or _alias_key(" ".join(name)) in lexicon.alias_party:
        return  # a party's name read as a person's only once it is known as a person ('United Arab Emirates')
    full, surname = " ".join(name), name[-1]
    for alias in (full, surname):
        if alias not in lexicon.persons or lexicon.persons[alias][0] in (None, party):
            lexicon.persons[alias] = (party, titles)
            lexicon.person_names[alias] = full


def _person_after_possessive_title(alias_party: dict[str, str], words: list[str], i: int) -> list | None:
    """"Acme's chief executive, Jane Roe, said', "India's environment minister, Arvind Rao,", "China's
    ambassador to the U.S., Xie Feng,": a possessor, a role ending in or holding a title, a name in commas."""
    if not words[i].endswith(("'s", "’s")):
        return None
    party = _party_before(alias_party, words, i + 1)
    comma = next((k for k in range(i + 1, min(i + 8, len(words))) if words[k] == ","), None)
    if not party or comma is None:
        return None
    titles = frozenset(w.lower() for w in words[i + 1:comma] if _is_title(w))
    if not titles & _head_titles() or not words[i + 1][:1].islower():
        return None
    name, j = [], comma + 1
    while j < len(words) and _is_title(words[j]) and words[j][:1].isupper():
        j += 1  # "the commission's chairperson, Justice Grace Phiri,"
    while j < len(words) and _proper_count(name) < 4 and (_is_name(words[j]) and not _is_title(words[j]) or (
            name and words[j] in NAME_PARTICLES and _name_follows(words, j + 1))):
        name.append(words[j])
        j += 1
    if name and (j >= len(words) or words[j] == ","):
        return ["possessive", name, party, sorted(titles)]
    return None


def _proper_count(name: list[str]) -> int:
    """Words of a name other than its particles: 'Jose Luis Ramos da Costa' has four."""
    return sum(1 for w in name if w not in NAME_PARTICLES)


def _add_possessive(lexicon: Names, name: list[str], party: str | None, titles: frozenset[str]) -> None:
    for alias in {" ".join(name), name[-1]}:
        if alias not in lexicon.persons and alias not in lexicon.alias_party:
            lexicon.persons[alias] = (party, titles)
            lexicon.person_names[alias] = " ".join(name)


def _party_named_at(alias_party: dict[str, str], words: list[str], k: int) -> str | None:
    """The party whose name starts at `k`, after an article and up to two lowercase modifiers ('the ruling
    People's Progress Party', 'the Alliance for Democratic Change')."""
    starts = [k]
    if k < len(words) and words[k].lower() in ("the", "a", "an"):
        starts.append(k + 1)
        starts += [k + 1 + n for n in (1, 2) if all(w.isalpha() and w.islower()
                                                    for w in words[k + 1:k + 1 + n]) and k + 1 + n < len(words)]
    for start in starts:
        for size in (5, 4, 3, 2, 1):
            if start + size > len(words):
                continue
            phrase = re.sub(r"['’]s$", "", " ".join(words[start:start + size]).rstrip(".,"))
            if start > k and not phrase[:1].isupper():
                continue  # past an article, only a name: 'the commission' is no party's name here
            party = alias_party.get(phrase) or alias_party.get(phrase.lower())
            if party:
                return party
    return None


def _person_of_party(alias_party: dict[str, str], words: list[str], i: int) -> list | None:
    """'Ruth Mvula of the Alliance for Democratic Change': a full name with no title, then 'of' and a party."""
    if "of" not in words[i + 2:i + 4]:  # no 'of' after a name of two or three words: most capitalised words
        return None
    for name in _bare_names(words, i):
        size = len(name)
        if any(_alias_key(w) in alias_party for w in name) or i + size >= len(words) or words[i + size] != "of":
            continue
        party = _party_named_at(alias_party, words, i + size + 1)
        if party and " ".join(name) not in alias_party:
            return ["of_party", name, party, []]
        return None
    return None


def _add_of_party(lexicon: Names, name: list[str], party: str | None, titles: frozenset[str]) -> None:
    full = " ".join(name)
    for alias in (full, name[-1]):
        known = lexicon.persons.get(alias)
        if known is None or known[0] is None:
            lexicon.persons[alias] = (party, known[1] if known else frozenset())
            lexicon.person_names[alias] = full


_APPLY = {"titled": _add_titled, "apposition": _add_apposition, "possessive": _add_possessive,
          "of_party": _add_of_party}


def _name_follows(words: list[str], j: int) -> bool:
    """After 'von' in 'Ursula von der Leyen': more particles, then a capitalised name."""
    while j < len(words) and words[j] in NAME_PARTICLES:
        j += 1
    return j < len(words) and bool(_is_name(words[j]))


@lru_cache(maxsize=65536)
def _is_name(word: str) -> bool:
    return _NAME_TOKEN.match(word) is not None


@cache
def _titles() -> frozenset[str]:
    """Titles of the lexicon plus those of organisations' people ('chief executive', 'commissioner')."""
    return TITLE_WORDS | word_set("organisation_titles")


@cache
def _head_titles() -> frozenset[str]:
    return HEAD_TITLES | word_set("organisation_titles")


def _is_head_title(word: str) -> bool:
    return word.lower().rstrip(".") in _head_titles()


@lru_cache(maxsize=65536)  # called for every word of every text, and words repeat
def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in _titles() or word.lower() in _titles()


def _party_before(alias_party: dict[str, str], words: list[str], i: int) -> str | None:
    for size in (3, 2, 1):
        if i - size < 0:
            continue
        phrase = re.sub(r"['’]s$", "", " ".join(words[i - size:i]))
        party = alias_party.get(phrase) or alias_party.get(phrase.lower())
        if party:
            return party
    return None


def _party_before_modifiers(alias_party: dict[str, str], words: list[str], i: int) -> str | None:
    """The party right before a title, or before up to two lowercase words of its office ('EU foreign policy
    chief Kaja Kallas')."""
    for skip in (0, 1, 2):
        if skip and (words[i].lower() in _SENT_TO or i - skip < 0 or not all(_office_word(w) for w in words[i - skip:i])):
            return None  # "the US's Ukraine peace envoy": a country before an envoy is where they are sent
        party = _party_before(alias_party, words, i - skip)
        if party:
            return party
    return None


def _party_leading(alias_party: dict[str, str], words: list[str], i: int) -> str | None:
    """'a high-level Pakistani delegation led by Defence Minister X': the party of the group he leads."""
    if i < 3 or [w.lower() for w in words[i - 2:i]] != ["led", "by"] or words[i - 3].lower() not in _LED_GROUPS:
        return None
    return _party_before(alias_party, words, i - 3)


def _office_word(word: str) -> bool:
    """A lowercase word of an office ('foreign', 'policy'), not a verb or a function word ('declared', 'the')."""
    return word.isalpha() and word.islower() and not word.endswith(("ed", "ing")) and word not in STOPWORDS \
        and word not in STANCE_VERBS and word not in REPORTING_VERBS


def _party_after_of(alias_party: dict[str, str], words: list[str], j: int) -> str | None:
    if j < len(words) and words[j] == "of":
        party = _party_named_at(alias_party, words, j + 1)
        if party:
            return party
    if j < len(words) and words[j] == ",":  # 'Sergei Lavrov, Russia's foreign minister', 'X, the head of the IAEA'
        return apposition_party(alias_party, words, j, _is_head_title)
    return None
