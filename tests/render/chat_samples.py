"""A briefing at wire scale (what 10,000 articles give): many parties with five lines each, hundreds of sources
per line and syndicated copies of each; sentences of news length. Shared by the chat bound tests."""
from __future__ import annotations

from summarizer import Briefing, PartyBriefing, Position, Source

TOPICS = ("nato", "sanctions", "ceasefire", "energy", "grain", "prisoners", "aid", "territory", "nuclear", "trade")
# Parties reported least (so never shown in chat): their names must reach a note as inert text.
HOSTILE = ("@everyone Watch", "<!channel> Bloc", "<@U123> Front", "[Free](https://evil.example) Party")
FILLER = ("officials said on Tuesday that the talks would resume after the holiday in the capital, while aides "
          "cautioned that no date had been agreed").split()


def sentence(seed: int, words: int) -> str:
    return " ".join(f"{FILLER[(seed + k) % len(FILLER)]}" for k in range(words)) + f" ({seed})"


def wire_briefing(parties: int = 30, lines: int = 5, sources: int = 300, copies: int = 40,
                  topic: str | None = "nato", words: tuple[int, int] = (18, 32)) -> Briefing:
    """`parties` parties with `lines` lines each; every line backed by `sources` sentences, each carried by
    `copies` other outlets; lines of words[0] words, quotes of words[1] (about 120 and 200 characters)."""
    out = []
    for p in range(parties):
        name = HOSTILE[p - parties + len(HOSTILE)] if p >= parties - len(HOSTILE) else f"Party {p:02d}"
        also = tuple(f"wire{c}/copy-{p}.txt" for c in range(copies * (parties - p)))  # earlier: reported more
        positions = tuple(
            Position(text=sentence(p * 100 + k, words[0]), topic=topic or TOPICS[(p + k) % len(TOPICS)],
                     sources=tuple(Source(document=f"outlet{s % 97}/story-{p}-{k}-{s}.txt",
                                          quote=sentence(p * 10_000 + k * 1000 + s, words[1]),
                                          url=f"https://outlet{s % 97}.example/{p}/{k}/{s}" if s % 2 else None,
                                          also=also)
                                   for s in range(sources)))
            for k in range(lines))
        out.append(PartyBriefing(name, positions))
    return Briefing(topic=topic, title=f"Briefing: {topic or 'overview'}", parties=tuple(out),
                    known_topics=TOPICS, notes=("Some sources are older than a week.",))
