"""Every country with its names, demonyms and capital (from the countryinfo package), plus blocs,
organisations and seats of power (summarizer/data/gazetteer_extra.txt): the names that may stand for a party.

Loaded on first use and cached: reading the package's country files costs some 50 ms, which a briefing
with a profile naming no country never pays.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from countryinfo import CountryInfo

from summarizer.words import word_table

# A capital stands for its country in news ("Moscow said") only for larger countries; the capitals of
# small states and territories (Victoria, Hamilton, Kingston upon a dependency) mostly name other places.
_CAPITAL_MIN_POPULATION = 1_000_000
_ISO_CODE = re.compile(r"^[A-Z]{2,3}$")
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f' .\-]+$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One country, bloc or organisation: its canonical name, the names a text may use, and what it is."""

    name: str
    aliases: tuple[str, ...]  # every other name standing for it (names, demonyms, capitals, seats of power)
    kind: str  # country | bloc | alliance | agency | court | armed | ...
    names: tuple[str, ...] = ()  # its full names (not abbreviations, demonyms or places): display candidates
    demonyms: tuple[str, ...] = ()  # 'Russian', 'Russians'
    small_capitals: tuple[str, ...] = ()  # a small state's capital: its name only once the state is named

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def read_table(resource: str) -> list[tuple[str, list[str]]]:
    """Rows 'a | b | c' of a data table, comments and blank lines skipped (several rows share a kind)."""
    rows = []
    for line in files("summarizer").joinpath("data", resource).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, rest = line.partition(":") if re.match(r"^[\w-]+:", line) else ("", "", line)
        rows.append((key.strip(), [p.strip() for p in (rest if sep else line).split("|") if p.strip()]))
    return rows


@cache
def demonyms() -> frozenset[str]:
    """Every demonym of the gazetteer ('Russian', 'Americans')."""
    return frozenset(d for entry in gazetteer() for d in entry.demonyms)


@cache
def place_names() -> frozenset[str]:
    """Every name of the gazetteer that is not a demonym ('Russia', 'New Delhi', 'Kremlin')."""
    return frozenset(n for entry in gazetteer() for n in entry.all_names) - demonyms()


@cache
def country_names() -> dict[str, str]:
    """Each name or demonym of a country -> the country's name ('Portuguese' -> 'Portugal')."""
    return {n: e.name for e in gazetteer() if e.kind == "country" for n in (*e.all_names, *e.demonyms)}


@cache
def gazetteer() -> tuple[Entry, ...]:
    """Countries (package data merged with hand additions), then blocs and organisations."""
    countries = _package_countries()
    by_name = {n: key for key, entry in countries.items() for n in entry.all_names}
    extra: list[Entry] = []
    for _, parts in read_table("gazetteer_extra.txt"):
        kind, name, aliases = parts[0], parts[1], tuple(parts[2:])
        key = next((by_name[n] for n in (name, *aliases) if n in by_name), None) if kind == "country" else None
        if key is None:
            extra.append(Entry(name, aliases, kind, (name,)))
            continue
        old = countries[key]
        merged = tuple(dict.fromkeys(a for a in (old.name, *old.aliases, *aliases) if a != name))
        names = tuple(dict.fromkeys(n for n in (old.name, *old.names) if n != name))
        countries[key] = Entry(name, merged, "country", (name, *names), old.demonyms, old.small_capitals)
    hand = {n for entry in extra for n in entry.all_names}  # hand rows win: 'Brussels' is the EU's
    countries = {k: Entry(e.name, tuple(a for a in e.aliases if a not in hand), e.kind,
                          tuple(n for n in e.names if n not in hand), e.demonyms, e.small_capitals)
                 for k, e in countries.items()}
    return _unshared((*countries.values(), *extra))


def _package_countries() -> dict[str, Entry]:
    """One entry per ISO code (the package has a few duplicates, e.g. Burma and Myanmar), largest first."""
    skip = set(word_table("not_parties")["entries"])
    rows = sorted((d for d in CountryInfo.all().values() if d.get("ISO", {}).get("alpha2")),
                  key=lambda d: -(d.get("population") or 0))
    out: dict[str, Entry] = {}
    for data in rows:
        if data["name"] in skip or "," in data["name"]:
            continue
        code = data["ISO"]["alpha2"]
        names = [data["name"], *(a for a in data.get("altSpellings") or () if _usable_name(a))]
        demonyms = []
        for demonym in re.split(r"[,/]", data.get("demonym") or ""):
            demonym = demonym.strip()
            if demonym and demonym not in names:
                demonyms += [demonym, *([demonym + "s"] if demonym.endswith(("an", "i")) else [])]
        aliases = [*names[1:], *demonyms]
        capital = data.get("capital")
        small = []
        if isinstance(capital, str) and capital:
            (aliases if (data.get("population") or 0) >= _CAPITAL_MIN_POPULATION else small).append(capital)
        if names[0].endswith(" Islands"):  # 'the Faroes', 'the Falklands'
            aliases.append(names[0][:-len(" Islands")] + "s")
        aliases += [ascii_name(a) for a in (*names, *aliases) if ascii_name(a) != a]  # wire copy drops accents: Bogota
        aliases += [n.replace(" of the ", " of ") for n in names if " of the " in n]  # 'Republic of Congo
        small += [ascii_name(c) for c in small if ascii_name(c) != c]
        if code in out:
            old = out[code]
            aliases = [old.name, *old.aliases, *names]
            names, demonyms = [old.name, *old.names], [*old.demonyms, *demonyms]
        out[code] = Entry(names[0], tuple(dict.fromkeys(a for a in aliases if a != names[0])), "country",
                          tuple(dict.fromkeys(names)), tuple(demonyms), tuple(small))
    return out


def ascii_name(name: str) -> str:
    """A name without its accents ('Bogotá' -> 'Bogota'); names whose letters do not all fold stay as they are."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return folded if len(folded) == len(name) else name


def _usable_name(name: str) -> bool:
    """Names a news text may use: Latin script, no ISO code ('IND', 'CAN'), no 'Korea, Republic of'."""
    return bool(_LATIN.match(name)) and not _ISO_CODE.match(name) and "," not in name and not name.isupper()


def _unshared(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """A name claimed by several entries ('Chinese': China and Hong Kong) stays with the first (largest)."""
    seen: set[str] = set()
    out = []
    for entry in entries:
        keep = tuple(a for a in entry.aliases if a not in seen and a != entry.name)
        seen.update((entry.name, *keep))
        out.append(Entry(entry.name, keep, entry.kind, tuple(n for n in entry.names if n == entry.name or n in keep),
                         tuple(d for d in entry.demonyms if d in keep), entry.small_capitals))
    return tuple(out)
