"""Which documents a change of the corpus's lexicon can change, so an index extracts only those again.

Extraction reads the lexicon in two ways only: the mentions of a sentence (the aliases, a person's party and
canonical name) and, through PartyLexicon.titles_of, the titles of a person named earlier ('the minister
added'). A change of the first kind can change any document whose text names the entry; a change of a person's
titles alone changes only a document whose extraction asked for that person's titles, which TitleReads records.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from summarizer.parties import Mention, PartyLexicon


@dataclass(frozen=True, slots=True)
class LexiconChange:
    """Entries that changed between two lexicons of the same parties and aliases."""

    named: frozenset[str]  # whose mentions may change: added, removed, other party or name; and aliases leading to them
    titled: frozenset[str]  # whose titles alone changed


def lexicon_change(old: PartyLexicon, new: PartyLexicon) -> LexiconChange | None:
    """What changed from `old` to `new`; None when the parties or their aliases differ (everything may change)."""
    if old.parties != new.parties or old.alias_party != new.alias_party:
        return None
    named: set[str] = set()
    titled: set[str] = set()
    for k in old.persons.keys() | new.persons.keys() | old.person_names.keys() | new.person_names.keys():
        a, b = old.persons.get(k), new.persons.get(k)
        if a is None or b is None or a[0] != b[0] or old.person_names.get(k) != new.person_names.get(k):
            named.add(k)
        elif a[1] != b[1]:
            titled.add(k)
    leads = {k for names in (old.person_names, new.person_names) for k, v in names.items() if v in named}
    return LexiconChange(frozenset(named | leads), frozenset(titled))


def names_pattern(names: frozenset[str]) -> re.Pattern | None:
    """One case-insensitive search for any of `names` (None for none): a sentence holding none of them has the
    same mentions under both lexicons."""
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)), re.IGNORECASE)


@dataclass
class TitleReads(PartyLexicon):
    """A lexicon that remembers whose titles extraction asked for (what a change of titles alone can reach),
    made for one document: it also keeps each text's mentions, since extraction and then topic assignment
    both look for them in a statement's sentence (the lexicon does not change meanwhile)."""

    read: set[str] = field(default_factory=set)
    _found: dict[str, list[Mention]] = field(default_factory=dict)

    @classmethod
    def of(cls, lexicon: PartyLexicon) -> "TitleReads":
        """The same lexicon (its compiled patterns shared), recording."""
        return cls(**{f.name: getattr(lexicon, f.name) for f in fields(PartyLexicon)})

    def find(self, text: str) -> list[Mention]:
        if text not in self._found:
            self._found[text] = super().find(text)
        return list(self._found[text])

    def titles_of(self, person: str) -> frozenset[str]:
        self.read.add(person)
        return super().titles_of(person)
