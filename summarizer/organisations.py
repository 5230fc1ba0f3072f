"""Non-state parties named in the text itself: organisations by their head word ('Federal Trade Authority',
'Acme Corp'), abbreviations ('the Federal Trade Authority (FTA)', 'FTA'), and the common nouns that stand
for them ('the regulator', 'the union', 'the rebels')."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from summarizer.abbreviations import CAP as _CAP
from summarizer.abbreviations import LINK as _LINK
from summarizer.abbreviations import NAME_SPAN as _SPAN
from summarizer.abbreviations import abbreviations, initials
from summarizer.gazetteer import demonyms
from summarizer.lexicon import FINITE_STANCE_VERBS, MODALS, STANCE_VERBS, STOPWORDS, TITLE_WORDS
from summarizer.words import word_set, word_table


_ALL_CAPS = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]*[A-Z0-9](?:-[A-Z0-9]+)?)(?![\w-])")
# Nouns naming a kind of firm; 'giant' only after an industry word ('the aerospace giant', not 'the giant')
_FIRM = (r"(?:company|firm|(?:car|auto|plane|chip|drug)maker|\w+-maker|manufacturer|retailer|airline|conglomerate|"
         r"insurer|lender|miner|[a-z-]+\s+giant|[\w-]+-owner|(?:media|social media|streaming|ride-hailing|online)\s+"
         r"platform)")  # ('iPhone-maker Apple', 'Instagram-owner Meta'; not 'the lawmaker Tom Holt')
_COMPANY = re.compile(
    rf"((?:{_CAP}\s+){{0,3}}{_CAP})['’]s\s+(?:chief executive|chief financial officer|CEO|chairman|chairwoman|"
    rf"founder|board|shareholders|shares|stock|takeover|merger|acquisition|buyout|general counsel|lawyers|"
    rf"executives|employees|plant|plants|factory|factories|workforce|customers|suppliers|mine|operations|permit|"
    rf"profits|revenue|earnings|quarterly|losses|sales|share price|market value|dividend)\b|"
    rf"\b[Ss]hares (?:in|of) ((?:{_CAP}\s+){{0,3}}{_CAP})|"
    # 'Boeing, the aerospace giant,' / 'the planemaker Boeing': the kind of firm named beside the name
    # (the firm noun ends its phrase: 'Holden, a company spokesman,' and 'the company's chief' name a person)
    rf"((?:{_CAP}\s+){{0,3}}{_CAP}),\s+(?:the|a)\s+(?:[a-z-]+\s+){{0,2}}{_FIRM}(?=\s*[,.;:)—–])|"
    rf"\b[Tt]he\s+(?:[a-z-]+\s+){{0,2}}{_FIRM}\s+((?:{_CAP}\s+){{0,3}}{_CAP})(?=\s*[,.;:)—–]|\s+[a-z])|"
    # 'Brightline is one of the largest oil companies', 'Brightline is a shipping firm'
    rf"((?:{_CAP}\s+){{0,3}}{_CAP})\s+is\s+(?:one\s+of\s+the\s+(?:[a-z-]+\s+){{0,3}}(?:companies|firms|"
    rf"manufacturers|operators|lenders|insurers|retailers|airlines)|an?\s+(?:[a-z-]+\s+){{0,2}}{_FIRM})\b")
LEADING_WORDS = frozenset("The A An In On At By For From With As But And Of To After While When Although Though If "
                           "Unless Because Since Once Until Whether However Meanwhile".split())


@dataclass
class Candidate:
    """A name that may be a party: its display name, the other names standing for it, and its kind."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None  # for a state organ: the country it belongs to

    def add(self, *names: str) -> None:
        for n in names:
            if n and n != self.name and n not in self.aliases:
                self.aliases.append(n)


@cache
def org_heads() -> dict[str, tuple[str, bool]]:
    """Head word -> (kind, droppable company suffix)."""
    return {item.rstrip("*"): (kind, item.endswith("*"))
            for kind, items in word_table("org_heads").items() for item in items}


@cache
def holder_nouns() -> dict[str, tuple[frozenset[str], bool]]:
    """Common noun -> (kinds it may stand for, may hold stances alone)."""
    out: dict[str, tuple[set[str], bool]] = {}
    for kind, items in word_table("holder_nouns").items():
        if kind in ("named-only", "ruling"):
            continue
        for item in items:
            kinds, alone = out.get(item.rstrip("*"), (set(), False))
            out[item.rstrip("*")] = (kinds | {kind}, alone or item.endswith("*"))
    return {n: (frozenset(k), alone) for n, (k, alone) in out.items()}


def organisation_spans(text: str, corpus: str = "") -> list[tuple[str, str, bool, str]]:
    """(name, kind, has a droppable suffix, owner) of every capitalised name with an organisation head word;
    the owner is a possessor before it ("Britain's" in "Britain's Competition Authority"), else ''. `corpus`
    (all texts) tells whether a word before 'and' is also a name on its own."""
    out = []
    for m in _SPAN.finditer(text):
        words = re.sub(r"['’]s$", "", m.group(0)).split()
        owned = [k for k, w in enumerate(words) if re.search(r"['’]s$", w)]
        owner = " ".join(words[:owned[-1] + 1]) if owned else ""
        for part in _split_pairs(words[owned[-1] + 1:] if owned else words, corpus or text):
            found = _named(part)
            if found:
                out.append((*found, owner))
    return out


def _split_pairs(words: list[str], text: str = "") -> list[list[str]]:
    """'Harbour Workers Union and Southern Freight Corporation': two names, cut at 'and' after a head;
    'Brasilia and the Caribbean Community': 'and the' starts a new name (no body's name holds 'and the'); 'Ford,
    Stellantis and General Motors': a list; 'Stellantis and General Motors' where the text also names
    'Stellantis' alone ('Stellantis also agreed'), unlike the 'Harbour' of 'Harbour and Rail Workers Union'."""
    parts, current = [], []
    # (not 'Commission for Conciliation, Mediation and Arbitration': one name whose words are linked)
    listed = any(w.endswith(",") for w in words[:-1]) and (not any(re.fullmatch(_LINK, w) for w in words
                                                                      if w != "and") or _named_list(words))
    for k, w in enumerate(words):
        if listed and w.endswith(","):
            parts.append([*current, w.rstrip(",")])
            current = []
        elif w == "and" and current and (current[-1].rstrip(",") in org_heads() or listed
                                         or (k + 1 < len(words) and words[k + 1] == "the")
                                         or (len(current) == 1 and _alone(current[0], text))):
            parts.append(current)
            current = []
        else:
            current.append(w)
    return [*parts, current]


def _named_list(words: list[str]) -> bool:
    """'Coalition for Changes, United National Movement, and Strong Georgia': a part after a comma is a whole
    name with its own head word (unlike the 'Mediation' of 'Commission for Conciliation, Mediation and ...')."""
    parts = " ".join(words).split(", ")
    return any(len(p.split()) >= 2 and p.split()[-1] in org_heads() for p in parts[1:-1])


def _alone(word: str, text: str) -> bool:
    """Is `word` used on its own in the text, before a lower-case word or a stop ('Stellantis also agreed')?"""
    return bool(re.search(rf"(?<![\w-]){re.escape(word)}(?=\s+(?!and\b)[a-z]|[,.;:])", text))


_TIED_TO = re.compile(r"[A-Z][\w'’]*-(?:linked|backed|led|allied|aligned|affiliated|supported|funded|based)")


def _named(words: list[str]) -> tuple[str, str, bool] | None:
    heads = org_heads()
    cut = next((j for j, w in enumerate(words) if w in ("of", "from", "at")), None)
    if cut and not any(w.rstrip(",") in heads for w in words[:cut]):
        words = words[cut + 1:]  # 'Leaders of the Council of Atacama Peoples', 'Jane Roe of the Alliance'
    while words and (words[0] in LEADING_WORDS or words[0] == "the" or _TIED_TO.fullmatch(words[0])):
        words = words[1:]  # ('al Qaeda-linked Group for the Support of Islam and Muslims': the group's name)
    while words and re.fullmatch(_LINK, words[-1]):
        words = words[:-1]
    found = [(k, heads[w.rstrip(",")]) for k, w in enumerate(words) if w.rstrip(",") in heads]
    if len(words) < 2 or not found:
        return None
    k, (kind, suffix) = found[-1]
    if k == 0 and _name_after_head(words):
        return " ".join(words).rstrip(","), kind, False
    if k + 1 < len(words) and words[k + 1] not in ("of", "for", "on"):
        words = words[:k + 1]  # 'European Union, Britain and Norway': the name ends at its head
    if k == 0 and not re.search(rf"\s{_LINK}\s", " ".join(words)):
        return None  # 'Union officials': a head word and no name
    return " ".join(words).rstrip(","), kind, suffix and k == len(words) - 1


def _name_after_head(words: list[str]) -> bool:
    """'Alliance Fleuve Congo', 'Union Nationale Africaine': a head word first, as French and Spanish names put
    it, then two or more capitalised words that are no title ('Union Minister X' is an official)."""
    rest = [w.rstrip(",") for w in words[1:]]
    return len(rest) >= 2 and all(w[:1].isupper() and w.lower() not in TITLE_WORDS for w in rest)


def _respelled(name: str, entry: str) -> bool:
    """Are the name's words, but for its link words, all words of the entry's name?"""
    words = set(entry.split())
    return all(w in words for w in name.split() if not re.fullmatch(_LINK, w))


def text_candidates(texts: list[str], country_of: Callable[[str], str | None],
                    known: Callable[[str], bool]) -> list[Candidate]:
    """Organisations and abbreviations of the texts; an organ of a known entity ('Russian Foreign Ministry',
    "Pakistan's army", 'UN Verification Mission') is returned with `country` set to that entity so its names
    join it (`country_of` tells the entity a name stands for, marked '*' when it absorbs every body it
    owns, as a bloc does); names already known are skipped."""
    ignore = {*word_table("not_parties")["outlets"], *word_table("not_parties")["things"]}
    by_name: dict[str, Candidate] = {}
    corpus = "\n".join(texts)

    @cache  # one pass over the corpus per name, however many spans open with a demonym before it
    def alone(rest: str) -> bool:  # the words after a demonym, written without it somewhere in the texts
        return any(not m.group(1) or m.group(1) not in demonyms()
                   for m in re.finditer(rf"(?:(\w+) )?(?<![\w-]){re.escape(rest)}(?![\w-])", corpus))

    for text in texts:
        for name, kind, suffix, owner in organisation_spans(text, corpus):
            if not (known(name) or name in ignore):
                _add_body(by_name, name, kind, country_of, owner, name.rsplit(" ", 1)[0] if suffix else "", alone)
        for name, abbreviation in abbreviations(text):
            if name.split()[-1] in _DOCUMENT_HEADS:
                ignore.add(abbreviation)  # the 'DMA' of 'Digital Markets Act (DMA)' is no body either
                continue
            spelled = next((c for c in by_name.values() if abbreviation in c.aliases), None)
            entry = (country_of(abbreviation) or "").rstrip("*")
            if known(name) and (country_of(name) or "").rstrip("*") == entry:
                continue  # 'the Democratic Republic of the Congo (DRC)': the known entry itself, spelled out
            if spelled is not None and name not in by_name:  # one body spelled two ways, one abbreviation
                spelled.add(name)
            elif entry and _respelled(name, entry) and not known(name) and name not in by_name:
                # 'Democratic Republic of Congo (DRC)': the known 'Democratic Republic of the Congo' respelled
                # (not 'Reporters Without Borders (RSF)', whose letters another body's abbreviation shares)
                by_name[name] = Candidate(name, "org", country=entry)
            elif name not in ignore:
                _add_body(by_name, name, by_name[name].kind if name in by_name else "org", country_of, "",
                          abbreviation, alone)
    names = {n for c in by_name.values() for n in (c.name, *c.aliases)}
    for name in (name for text in texts for name in company_signals(text)):
        if not (known(name) or name in ignore or name in names):
            _add_body(by_name, name, "company", country_of, "", "")
    names |= {n for c in by_name.values() for n in (c.name, *c.aliases)}
    for name in lone_subjects(texts):
        if not (known(name) or name in ignore or name in names or name in org_heads()):
            # of no kind: 'the union' or 'the company' is not taken to mean it (that is for a named kind)
            _add_body(by_name, name, "named", country_of, "", "")
    named = _joined_names(list(by_name.values()))
    _abbreviation_tokens(texts, named, ignore, known)
    _short_names(texts, named, known)
    return named


_BRANCHES = frozenset({"District", "Local", "Chapter", "Branch", "Lodge"})  # '... Workers District 751'


def _joined_names(named: list[Candidate]) -> list[Candidate]:
    """'Screen Actors Guild-American Federation of Television and Radio Artists' is the 'Screen Actors Guild'
    joined to another body by a hyphen: one party, under the shorter name; so is a union's district or local, and
    a name the texts also give without its 'of ...' ('Arab Group of Nations', 'the Arab Group')."""
    out = []
    for cand in named:
        short = next((c for c in named if c is not cand and not c.country and (cand.name.startswith(c.name + "-")
                      or cand.name[len(c.name) + 1:] in _BRANCHES and cand.name.startswith(c.name + " ")
                      or " " in c.name and cand.name.startswith(c.name + " of "))), None)
        if short is None or cand.country:
            out.append(cand)
        else:
            short.add(cand.name, *cand.aliases)
    return out


_ORGAN_KINDS = frozenset({"state", "armed"})
_GENERIC_ARMED = frozenset("armed defence defense security special military national border revolutionary republican "
                           "presidential coast home royal state air naval ground army the of".split())


_DOCUMENT_HEADS = frozenset("Act Law Bill Treaty Accord Accords Agreement Convention Charter Protocol Directive "
                            "Regulation Resolution Declaration Plan".split())


def _add_body(by_name: dict[str, Candidate], name: str, kind: str, country_of: Callable[[str], str | None],
              owner: str, alias: str, alone: Callable[[str], bool] = lambda rest: True) -> None:
    """A named body: an organ of a country ('Chinese Commerce Ministry'), or a body of its own, named without
    the country before it ('U.S. Federal Trade Commission' is the 'Federal Trade Commission'). A demonym that
    opens the name stays in it when the rest is never used alone ('British Medical Association'; `alone` says
    whether the texts write the rest on its own: 'Venezuelan National Electoral Council' is the 'National
    Electoral Council' they also name)."""
    if name.split()[-1] in _DOCUMENT_HEADS:
        return  # 'Digital Markets Act (DMA)', 'the Paris Agreement': a text that binds parties, none itself
    possessor = re.match(r"(.+?)['’]s (.+)$", name)
    if possessor:  # an abbreviation's name may carry its owner: "Chile's Superintendency of the Environment"
        owner, name = possessor.group(0)[:possessor.start(2) - 1], possessor.group(2)
    owner_name = re.sub(r"^(?:The|the)\s+|['’]s$", "", owner) if owner else ""
    if owner and not country_of(owner_name) and owner_name.split()[-1:] and \
            owner_name.split()[-1] in org_heads() and len(owner_name.split()) > 1:
        # "The British Medical Association's Resident Doctors Committee": a part of the body that owns it
        by_name.setdefault(owner_name, Candidate(owner_name, kind)).add(f"{owner} {name}", alias)
        return
    if owner and not country_of(re.sub(r"['’]s$", "", owner)):
        name, owner = f"{owner} {name}", ""  # "People's Progress Party" is one name
    country, rest = _organ_of(name, country_of)
    country = country or (country_of(re.sub(r"['’]s$", "", owner)) if owner else None)
    absorbs = bool(country) and country.endswith("*")
    country = country.rstrip("*") if country else None
    # 'Rapid Support Forces': a force of its own, not some state's
    own_force = kind == "armed" and country is None and bool(set(name.lower().split()[:-1]) - _GENERIC_ARMED)
    if kind in _ORGAN_KINDS and not own_force or absorbs or kind == "org" and country and not rest:
        if country is None:
            return  # 'the Defence Ministry', 'the Armed Forces', 'the Revolutionary Guards': whose?
        cand = by_name.setdefault(name, Candidate(name, kind, country=country))
    else:  # 'U.S. Federal Trade Commission' is the commission; 'Tokyo Electric Power Co.' a company named so,
        # and 'British Medical Association' a body whose name opens with a demonym ('Medical Association' is no name)
        own = name if kind == "company" or rest and name.split()[0] in demonyms() and not alone(rest) else rest or name
        cand = by_name.setdefault(own, Candidate(own, kind))
        cand.add(name)
    cand.add(alias)


def _organ_of(name: str, country_of: Callable[[str], str | None]) -> tuple[str | None, str]:
    """'Chinese Commerce Ministry' -> (China, 'Commerce Ministry'): a name opening with a country's name
    or demonym, and the rest of it."""
    words = name.split()
    for size in (3, 2, 1):
        if len(words) > size:
            country = country_of(" ".join(words[:size]))
            if country:
                return country, " ".join(words[size:])
    return None, ""


def company_signals(text: str) -> list[str]:
    """Names that only a company has: "Brightline's chief executive", "Brightline's takeover", 'shares in X'."""
    out = []
    for m in _COMPANY.finditer(text):
        words = next(g for g in m.groups() if g).split()
        while words and words[0] in LEADING_WORDS:
            words = words[1:]
        if any(w.lower() in TITLE_WORDS for w in words):
            continue  # 'the company Chief Executive Kelly Ortberg' names a person
        name = " ".join(words)
        if name and not name.isupper() and (
                len(words) > 1 or not re.search(rf"[A-Z][a-z]+\s+{re.escape(name)}\b", text)):
            out.append(name)  # a lone word another name precedes ('Elon Musk') is a person's
    return out


# A lone capitalised word stating something ('Boeing said', 'Gazprom rejected'), no capitalised word before it
_LONE_SUBJECT = re.compile(r"(?<![A-Za-z][ \t,])(?<![A-Z][\w.'’-])\b([A-Z][a-z][a-z-]+)\s+"
                           r"(?:(?:[a-z]+ly|also|has|have|had)\s+)?([a-z]+)\b")  # 'Sony initially rejected'
# 'Social media giant Meta said', 'iPhone-maker Apple demanded': the kind of firm before a lone subject
_DESCRIBED_SUBJECT = re.compile(rf"\b{_FIRM}\s+([A-Z][a-z][a-z-]+)\s+(?:(?:[a-z]+ly|also|has|have|had)\s+)?([a-z]+)\b")
LONE_SUBJECT_USES = 2  # statements a lone word must make to be a body: once may be a slip of style


def lone_subjects(texts: list[str]) -> list[str]:
    """Bodies news names by one word only ('Boeing said', 'Boeing maintains'): a capitalised word that is the
    subject of finite stance verbs at least twice, never written in lower case (not 'Officials said'), and
    never after a first name or a title (then it is a person's surname: 'Jon Holden', 'Mr Holden')."""
    uses: dict[str, int] = {}
    for text in texts:
        for pattern in (_LONE_SUBJECT, _DESCRIBED_SUBJECT):
            for m in pattern.finditer(text):
                word, verb = m.groups()
                if verb in _finite_stance_verbs() and word not in LEADING_WORDS and word.lower() not in STOPWORDS:
                    uses[word] = uses.get(word, 0) + 1
    words = [w for w, n in uses.items() if n >= LONE_SUBJECT_USES and w.lower() not in _institution_words()]
    if not words:
        return []
    joined = "\n".join(texts)  # each test below is one pass over the texts for every word, not one per word
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    lowered = set(re.findall(rf"\b({alternation.lower()})\b", joined))
    first_named = {m.group(2) for m in re.finditer(rf"\b([A-Z][\w.'’-]*)[^\S\n]+(?=({alternation})\b)", joined)
                   if not _not_a_first_name(m.group(1))}  # (not a headline's last word before the next line)
    # (nor a family name before a given name: 'Bang Moon-kyu', 'Wang Yi')
    family = set(re.findall(rf"\b({alternation})\s+(?:[A-Z][a-z]+-[a-z]+|[A-Z][a-z])\b", joined))
    # (nor a titled name's first word: 'spokesman Guo Jiakun')
    titles = "|".join(sorted(TITLE_WORDS, key=len, reverse=True))
    family |= set(re.findall(rf"\b(?i:{titles})\s+({alternation})\s+[A-Z][a-z]+\b", joined))
    return [w for w in words if w.lower() not in lowered and w not in first_named and w not in family]


def _not_a_first_name(before: str) -> bool:
    """A capitalised word before a name that is no first name or title: a possessor ("Musk's Starlink"), a
    sentence's last word ('Amazon. Starlink') or a word opening a clause ('If Starlink')."""
    return before.endswith((".", "'s", "’s")) or before in LEADING_WORDS or before in _CLAUSE_OPENERS \
        or bool(re.search(r"-[a-z]+$", before))  # 'Instagram-owner Meta', 'iPhone-maker Apple': what it is


_CLAUSE_OPENERS = frozenset("If Unless Although Though Because Since Once Until Whether Meanwhile However".split())


@cache
def _finite_stance_verbs() -> frozenset[str]:
    """Finite stance verbs but those of reporting news ('reported', 'cited'), which outlets are the subject of."""
    return FINITE_STANCE_VERBS - {"reported", "reports", "cited", "cites", "quoted", "quotes"}


@cache
def _institution_words() -> frozenset[str]:
    """Words that alone name an organ of some state ('Congress said', 'Parliament voted'): whose is not said."""
    return frozenset(holder_nouns()) | {w.lower() for w in org_heads()} | word_set("government_nouns")


def _abbreviation_tokens(texts: list[str], named: list[Candidate], ignore: set[str],
                         known: Callable[[str], bool]) -> None:
    """'HRWU' is the Harbour and Rail Workers Union when its letters are the name's initials; an
    abbreviation of nothing named is a candidate of its own ('M23')."""
    seen = {n for c in named for n in (c.name, *c.aliases)}
    for text in texts:
        for m in _ALL_CAPS.finditer(text):
            token = m.group(1)
            if token in ignore or token in seen or known(token) or token.isdigit() or _dateline(text, m.start()):
                continue
            seen.add(token)
            owner = next((c for c in named if initials(c.name) == token), None) or _prefix_owner(token, named)
            if owner is not None:
                owner.add(token)
            elif not _initials_of_person(token, texts):
                named.append(Candidate(token, "org"))


def _initials_of_person(token: str, texts: list[str]) -> bool:
    """'JD Vance': two or three capitals always followed by the same surname, which the texts also use alone as
    a speaker ('Vance said'), are a first name, not a body."""
    if len(token) > 3:
        return False
    after = {m.group(1) for text in texts for m in re.finditer(rf"(?<![\w-]){token}(?:\s+([A-Z][a-z]+))?", text)}
    if len(after) != 1 or None in after:
        return False
    surname = after.pop()
    alone = re.compile(rf"(?<!{token} )\b{surname}\s+(?:said|says|told|added|wrote|warned|insisted)\b")
    return surname.lower() not in TITLE_WORDS and any(alone.search(text) for text in texts)


def _prefix_owner(token: str, named: list[Candidate]) -> Candidate | None:
    """'IAM' for the International Association of Machinists and Aerospace Workers: the initials of the name's
    first words, when three letters or more and one body's only."""
    owners = [c for c in named if len(token) >= 3 and initials(c.name).startswith(token)]
    return owners[0] if len(owners) == 1 else None


def _dateline(text: str, start: int) -> bool:
    """'LILONGWE, Sept 21 (Wire) -': a capitalised place opening a paragraph is no body."""
    line_start = text.rfind("\n", 0, start) + 1
    return not re.sub(r"[A-Z .,/'-]", "", text[line_start:start])


def _short_names(texts: list[str], named: list[Candidate], known: Callable[[str], bool]) -> None:
    """'Brightline Media' is also 'Brightline' where that word alone is the subject of a verb ('Brightline
    said', 'Brightline has'), not where it opens another phrase ('Independent candidates')."""
    for cand in named:
        first = cand.name.split()[0]
        if cand.country or " " not in cand.name or len(first) < 4 or not first.isalpha() or known(first) \
                or first in LEADING_WORDS:
            continue
        alone = re.compile(rf"\b{re.escape(first)}\s+([a-z]+)\b")
        if any(m.group(1) in _subject_verbs() for text in texts for m in alone.finditer(text)) \
                and not _someones_surname(first, cand.name.split()[1], texts):
            cand.add(first)


def _someones_surname(word: str, second: str, texts: list[str]) -> bool:
    """'Donald Trump said' or 'President Trump' beside 'the Trump Route for International Peace': the word is a
    person's name, and 'Trump said' is his, not the route's."""
    named = re.compile(rf"\b([A-Z][a-z]+)\s+{re.escape(word)}\b(?!\s+{re.escape(second)}\b)")
    return any(m.group(1) not in LEADING_WORDS and m.group(1).lower() not in STOPWORDS
               for text in texts for m in named.finditer(text))


@cache
def _subject_verbs() -> frozenset[str]:
    return STANCE_VERBS | MODALS | word_set("subject_auxiliaries")


def link_nouns(candidates: list[Candidate], texts: list[str]) -> list[Candidate]:
    """Give each common noun of the texts ('the union') to the one candidate it can stand for; a noun that
    may stand alone ('the rebels') and finds none becomes a candidate of its own."""
    nouns = holder_nouns()
    present, apposed = _noun_uses(texts, nouns)
    by_name = {n: c for c in candidates for n in (c.name, *c.aliases) if n[:1].isupper()}
    new = []
    for noun in sorted(present):
        kinds, alone = nouns[noun]
        pool = _pool(noun, kinds, candidates)
        # else the one body of a kind the text did not tell, if the texts name it more than in passing ('the
        # junta' is not the monetary union named once)
        owner = _ruled(noun, candidates, texts) or _unique(
            [by_name[n] for n in apposed.get(noun, ()) if n in by_name]) or _unique(pool) or (
            None if pool else _unique([c for c in candidates if c.kind == "org" and _named_often(c, texts)]))
        if owner is not None:
            owner.add(noun)
        elif alone and not pool:
            new.append(Candidate(noun[:1].upper() + noun[1:], sorted(kinds)[0], [noun]))
    return new


def _ruled(noun: str, candidates: list[Candidate], texts: list[str]) -> Candidate | None:
    """The one country whose rulers the noun names in the texts ("Mali's military junta", 'the Malian junta')."""
    if noun not in word_table("holder_nouns")["ruling"]:
        return None
    owners = []
    for country in (c for c in candidates if c.kind == "country"):
        names = "|".join(re.escape(n) for n in (country.name, *country.aliases) if n[:1].isupper())
        if re.search(rf"(?<![\w-])(?:{names})(?:['’]s)?\s+(?:military\s+|ruling\s+)?(?i:{noun})\b",
                     "\n".join(texts)):
            owners.append(country)
    return _unique(owners)


def _named_often(candidate: Candidate, texts: list[str]) -> bool:
    """Do two paragraphs or more name the candidate?"""
    names = [n for n in (candidate.name, *candidate.aliases) if n[:1].isupper()]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    return sum(1 for text in texts for paragraph in text.split("\n") if pattern.search(paragraph)) >= 2


_NAMED_ENTITY_KINDS = frozenset({"country", "bloc", "un", "continent", "region"})


def _pool(noun: str, kinds: frozenset[str], candidates: list[Candidate]) -> list[Candidate]:
    """The candidates a noun may stand for: those of its kinds, and organisations whose name holds it ('the
    court': the Supreme Court); a kind marked named-only counts only through names."""
    pattern = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)
    named_only = set(word_table("holder_nouns")["named-only"])
    pool = [c for c in candidates if c.kind in kinds - named_only or (
        c.kind not in _NAMED_ENTITY_KINDS and pattern.search(c.name))]
    # a body named by the noun under another party ('the commission' of the European Union's 'European
    # Commission') is no less what it stands for than a candidate of its kind alone (the WTO)
    aliased = [c for c in candidates if c not in pool and c.kind in _NAMED_ENTITY_KINDS
               and any(a[:1].isupper() and a != c.name and pattern.search(a) for a in c.aliases)]
    return pool + aliased


def _noun_uses(texts: list[str], nouns) -> tuple[set[str], dict[str, set[str]]]:
    """Nouns used as 'the noun' (or opening a sentence), and the names set beside them: 'the regulator FTA',
    'the carmaker Acme Corp', 'Acme Corp, the carmaker'."""
    alternation = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    use = re.compile(rf"\b[Tt]he\s+({alternation})\b|(?:^|[.!?\"“]\s+)({alternation})\b", re.MULTILINE | re.IGNORECASE)
    # ('The union, the International Association of Machinists and Aerospace Workers, said')
    after = re.compile(rf"\b[Tt]he ({alternation}),? (?:the )?({_CAP}(?:\s+(?:(?:of|and|for)\s+)?{_CAP})*)")
    before = re.compile(rf"({_CAP}(?:\s+{_CAP})*), the ({alternation})\b")
    present: set[str] = set()
    apposed: dict[str, set[str]] = {}
    for text in texts:
        present.update((m.group(1) or m.group(2)).lower() for m in use.finditer(text))
        for m in after.finditer(text):
            apposed.setdefault(m.group(1), set()).add(m.group(2))
        for m in before.finditer(text):
            apposed.setdefault(m.group(2), set()).add(m.group(1))
    return present & set(nouns), apposed


def _unique(found: list[Candidate]) -> Candidate | None:
    return found[0] if len({id(c) for c in found}) == 1 else None
