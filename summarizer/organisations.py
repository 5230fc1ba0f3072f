"""Non-state parties named in the text itself: organisations by their head word ('Federal Trade Authority',
'Acme Corp'), abbreviations ('the Federal Trade Authority (FTA)', 'FTA'), and the common nouns that stand
for them ('the regulator', 'the union', 'the rebels')."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from summarizer.words import word_table

_CAP = r"(?:[A-Z](?:[A-Za-z]{0,3}\.)+|[A-Z][\w&'’-]*|al-[A-Z][\w'’-]*)"  # 'Corp.', 'U.S.', not 'Monday.'

_LINK = r"(?:of|for|and|on|de|du|des|la|the|&)"
_SPAN = re.compile(rf"{_CAP}(?:(?:\s+{_LINK})*\s+{_CAP})*(?:(?:,\s+{_CAP}(?:\s+{_CAP})*)+,?\s+and\s+{_CAP}(?:\s+{_CAP})*)?")
_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z0-9&.-]{1,9})\)")
_ALL_CAPS = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]*[A-Z0-9](?:-[A-Z0-9]+)?)(?![\w-])")
LEADING_WORDS = frozenset("The A An In On At By For From With As But And Of To After While When".split())


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
        for item in items:
            kinds, alone = out.get(item.rstrip("*"), (set(), False))
            out[item.rstrip("*")] = (kinds | {kind}, alone or item.endswith("*"))
    return {n: (frozenset(k), alone) for n, (k, alone) in out.items()}


def initials(name: str) -> str:
    """'Harbour and Rail Workers Union' -> 'HRWU' (linking words skipped)."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())


def organisation_spans(text: str) -> list[tuple[str, str, bool]]:
    """(name, kind, has a droppable suffix) of every capitalised name with an organisation head word."""
    out = []
    for m in _SPAN.finditer(text):
        words = re.sub(r"['’]s$", "", m.group(0)).split()
        for part in _split_pairs(words):
            found = _named(part)
            if found:
                out.append(found)
    return out


def _split_pairs(words: list[str]) -> list[list[str]]:
    """'Harbour Workers Union and Southern Freight Corporation': two names, cut at 'and' after a head."""
    parts, current = [], []
    for w in words:
        if w == "and" and current and current[-1].rstrip(",") in org_heads():
            parts.append(current)
            current = []
        else:
            current.append(w)
    return [*parts, current]


def _named(words: list[str]) -> tuple[str, str, bool] | None:
    heads = org_heads()
    while words and words[0] in LEADING_WORDS:
        words = words[1:]
    while words and re.fullmatch(_LINK, words[-1]):
        words = words[:-1]
    found = [(k, heads[w.rstrip(",")]) for k, w in enumerate(words) if w.rstrip(",") in heads]
    if len(words) < 2 or not found:
        return None
    k, (kind, suffix) = found[-1]
    if k == 0 and not re.search(rf"\s{_LINK}\s", " ".join(words)):
        return None  # 'Union officials': a head word and no name
    return " ".join(words).rstrip(","), kind, suffix and k == len(words) - 1


def abbreviations(text: str) -> list[tuple[str, str]]:
    """(name, abbreviation) of 'the Federal Trade Authority (FTA)' where the letters fit the name."""
    out = []
    for m in _ABBREVIATION.finditer(text):
        before = text[max(0, m.start() - 120):m.start()].rstrip()
        spans = list(_SPAN.finditer(before))
        if not spans or spans[-1].end() != len(before):
            continue
        name = re.sub(r"^(?:The|the)\s+", "", spans[-1].group(0))
        abbreviation = m.group(1).replace(".", "")
        if _fits(abbreviation, name):
            out.append((name, m.group(1)))
    return out


def _fits(abbreviation: str, name: str) -> bool:
    """The abbreviation's letters are the name's initials, or a run of its capitals ('FTA', 'HRWU', 'IAEA')."""
    letters = re.sub(r"[^A-Z]", "", abbreviation.upper())
    capitals = re.sub(r"[^A-Z]", "", name)
    return bool(letters) and (letters == initials(name).upper() or _subsequence(letters, capitals)) \
        and letters[0] == name[:1].upper()


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def text_candidates(texts: list[str], country_of: Callable[[str], str | None],
                    known: Callable[[str], bool]) -> list[Candidate]:
    """Organisations and abbreviations of the texts; a state organ ('Russian Foreign Ministry') is
    returned with `country` set so its name joins that country; names already known are skipped."""
    by_name: dict[str, Candidate] = {}
    ignore = {*word_table("not_parties")["outlets"], *word_table("not_parties")["things"]}
    for text in texts:
        for name, kind, suffix in organisation_spans(text):
            if known(name) or name in ignore:
                continue
            country = _organ_of(name, country_of)
            if kind == "state" and country is None:
                continue  # 'the Defence Ministry': whose?
            cand = by_name.setdefault(name, Candidate(name, kind, country=country))
            if suffix:
                cand.add(name.rsplit(" ", 1)[0])
        for name, abbreviation in abbreviations(text):
            if name in ignore:
                continue
            cand = by_name.get(name) or by_name.setdefault(name, Candidate(name, "org", country=_organ_of(
                name, country_of)))
            cand.add(abbreviation)
    named = list(by_name.values())
    seen = {n for c in named for n in (c.name, *c.aliases)}
    for text in texts:
        for m in _ALL_CAPS.finditer(text):
            token = m.group(1)
            if token in ignore or token in seen or known(token):
                continue
            seen.add(token)
            owner = next((c for c in named if initials(c.name) == token), None)
            if owner is not None:
                owner.add(token)
            elif len(token) >= 2 and not token.isdigit():
                cand = Candidate(token, "org")
                named.append(cand)
                by_name[token] = cand
    return named


def _organ_of(name: str, country_of: Callable[[str], str | None]) -> str | None:
    """'Chinese Commerce Ministry' -> China: a name that opens with a country's name or demonym."""
    words = name.split()
    for size in (3, 2, 1):
        if len(words) > size:
            country = country_of(" ".join(words[:size]))
            if country:
                return country
    return None


def link_nouns(candidates: list[Candidate], texts: list[str]) -> list[Candidate]:
    """Give each common noun of the texts ('the union') to the one candidate it can stand for; a noun that
    may stand alone ('the rebels') and finds none becomes a candidate of its own."""
    nouns = holder_nouns()
    present, apposed = _noun_uses(texts, nouns)
    by_name = {n: c for c in candidates for n in (c.name, *c.aliases) if n[:1].isupper()}
    new = []
    for noun in sorted(present):
        kinds, alone = nouns[noun]
        pattern = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)
        owner = _unique([by_name[n] for n in apposed.get(noun, ()) if n in by_name]) or _unique(
            [c for c in candidates if pattern.search(c.name)]) or _unique([c for c in candidates if c.kind in kinds])
        if owner is not None:
            owner.add(noun)
        elif alone and not any(c.kind in kinds for c in candidates):
            new.append(Candidate(noun[:1].upper() + noun[1:], sorted(kinds)[0], [noun]))
    return new


def _noun_uses(texts: list[str], nouns) -> tuple[set[str], dict[str, set[str]]]:
    """Nouns used as 'the noun' (or opening a sentence), and the names set beside them: 'the regulator FTA',
    'the carmaker Acme Corp', 'Acme Corp, the carmaker'."""
    alternation = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    use = re.compile(rf"\b[Tt]he\s+({alternation})\b|(?:^|[.!?\"“]\s+)({alternation})\b", re.MULTILINE | re.IGNORECASE)
    after = re.compile(rf"\bthe ({alternation}),? ({_CAP}(?:\s+{_CAP})*)")
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
