"""Word lists of news English, kept as package data (summarizer/data/*.txt) so they are edited as data."""
from __future__ import annotations

from functools import cache
from importlib.resources import files


def _lines(name: str) -> list[str]:
    text = files("summarizer").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    return [line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()]


@cache
def word_set(name: str) -> frozenset[str]:
    """Every white-space separated word of data/NAME.txt ('#' starts a comment)."""
    return frozenset(word for line in _lines(name) for word in line.split())


@cache
def word_table(name: str) -> dict[str, tuple[str, ...]]:
    """'key: a, b c' lines of data/NAME.txt; items split on commas when the line has any, else on spaces."""
    table: dict[str, tuple[str, ...]] = {}
    for line in _lines(name):
        key, _, rest = line.partition(":")
        items = rest.split(",") if "," in rest else rest.split()
        table[key.strip()] = tuple(item.strip() for item in items if item.strip())
    return table
