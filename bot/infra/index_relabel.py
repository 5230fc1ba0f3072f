"""When the corpus's lexicon changed, find the stored extractions it cannot change (summarizer/relabel.py): they
only take the new lexicon's key; the others are extracted again."""
from __future__ import annotations

import json
import re

from bot.infra.briefing_store import unpack
from bot.infra.index_codec import lexicon_from_plain
from bot.infra.index_store import IndexStore
from summarizer import Profile
from summarizer.parties import PartyLexicon
from summarizer.relabel import LexiconChange, lexicon_change, names_pattern

CHUNK = 200  # readings decoded at once (a large story holds thousands)


def relabel(store: IndexStore, story: str, profile: Profile, todo: list[str], current: dict[str, tuple],
            lexicon: PartyLexicon, key: str) -> list[str]:
    """Of the contents to extract, those extracted under the story's previous lexicon that its change cannot
    reach are marked as extracted under `key`; the others are returned."""
    previous = store.lexicon(story)
    if previous is None or previous[0] == key:
        return todo
    plain = unpack(previous[1])
    old = lexicon_from_plain(plain, profile.parties) if plain.get("topics") == repr(profile.topics) else None
    change = lexicon_change(old, lexicon) if old is not None else None
    stale = [h for h in todo if current.get(h, (None,))[0] == previous[0]]
    if change is None or not stale:
        return todo
    reached = _reached(store, stale, change)
    same = [h for h in stale if h not in reached]
    store.set_lexicon_key(same, key)
    kept = set(same)
    return [h for h in todo if h not in kept]


def title_reads(stored: str | None) -> frozenset[str] | None:
    """The persons whose titles a content's extraction read (a JSON list in the 'mentions' column); None when
    not known (extracted by an earlier version, which stored '{}')."""
    value = json.loads(stored) if stored else None
    return frozenset(value) if isinstance(value, list) else None


def _reached(store: IndexStore, stale: list[str], change: LexiconChange) -> set[str]:
    """The contents a lexicon change can reach: extraction read the titles of a person whose titles changed,
    or a sentence names an entry whose mentions may change (any changed entry, for a content extracted before
    the titles read were kept)."""
    reads = store.column("mentions", stale)
    named, every = names_pattern(change.named), names_pattern(change.named | change.titled)
    reached: set[str] = set()
    search: dict[str, re.Pattern] = {}
    for h in stale:
        known = title_reads(reads.get(h, (None,))[0])
        if known is not None and not change.titled.isdisjoint(known):
            reached.add(h)
        elif (pattern := named if known is not None else every) is not None:
            search[h] = pattern
    wanted = list(search)
    for start in range(0, len(wanted), CHUNK):
        readings = store.column("reading", wanted[start:start + CHUNK])
        reached.update(h for h, (blob,) in readings.items()
                       if search[h].search("\n".join(text for _, text in unpack(blob)["s"])))
    return reached
