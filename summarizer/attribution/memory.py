"""What a document has taught about holders named without a party's name: people introduced in an apposition
('the government's chief negotiator, Camila Restrepo,' -> 'Restrepo said') and the party each sentence opens with."""
from __future__ import annotations

from dataclasses import dataclass, field

MEMORY_SIZE = 60  # names and sentence openers kept per document


@dataclass
class NominalMemory:
    """Names learned from appositions (surname and full name -> party) and each sentence's opening party."""

    names: dict[str, str] = field(default_factory=dict)
    openers: dict[int, str] = field(default_factory=dict)
    bodies: dict[str, str | None] = field(default_factory=dict)  # 'commission' -> party of the latest '... Commission'
    plural_openers: dict[int, str] = field(default_factory=dict)  # "The SMA's lawyers counter": a later 'they'
    titles: dict[str, frozenset[str]] = field(default_factory=dict)  # surname -> title words of its apposition

    def learn(self, name_tokens: list[str], party: str, titles: frozenset[str] = frozenset()) -> None:
        """'Camila Restrepo' teaches 'Camila Restrepo' and 'Restrepo' (a later bare surname means the same person);
        'The foreign minister of X, Y,' teaches that Y is a foreign minister (for a later 'the foreign minister')."""
        if not name_tokens:
            return
        self.names[" ".join(name_tokens)] = party
        self.names[name_tokens[-1]] = party
        if titles:
            self.titles[name_tokens[-1]] = titles
        while len(self.names) > MEMORY_SIZE:
            del self.names[next(iter(self.names))]
        while len(self.titles) > MEMORY_SIZE:
            del self.titles[next(iter(self.titles))]

    def opened(self, index: int, party: str, plural: bool) -> None:
        self.openers[index] = party
        if plural:
            self.plural_openers[index] = party
        for table in (self.openers, self.plural_openers):
            for old in [k for k in table if k < index - MEMORY_SIZE]:
                del table[old]
