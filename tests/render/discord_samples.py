"""Sample briefings and checks for Discord messages, shared by the renderer and the adapter tests."""
from __future__ import annotations

import re

from bot.chat.discord import to_discord_embeds
from bot.render.discord import CONTENT, embed_length
from summarizer import Briefing, PartyBriefing, Position, Source

LINK = re.compile(r"\]\((https?://[^)\s]+)\)")


def words(prefix: str, n: int) -> str:
    return " ".join(f"{prefix}w{k}" for k in range(n))


def big_briefing(parties: int = 50, topic: str | None = "nato", topics: tuple[str, ...] = ("nato",)) -> Briefing:
    """50 parties, long positions (some over 1024 characters alone), many sources, half with URLs."""
    out = []
    for i in range(parties):
        positions = []
        for j in range(4):
            length = 260 if j == 3 and i % 5 == 0 else 12 + (i * 7 + j * 13) % 40  # 260 words > 1024 chars
            sources = tuple(
                Source(document=f"docs/p{i}/article {j}-{k}.txt", quote=words(f"q{i}x{j}x{k}", 45) + ".",
                       url=f"https://news.example/p{i}/a{j}_{k}?ref=brief&x={k}" if (i + k) % 2 else None)
                for k in range(1 + (i + j) % 3)
            )
            positions.append(Position(text=words(f"p{i}x{j}", length), topic=topics[(i + j) % len(topics)],
                                      sources=sources, reported_by=f"Party{(i + 1) % parties}" if j == 2 else None))
        out.append(PartyBriefing(name=f"Party{i} of the long name number {i}", positions=tuple(positions)))
    return Briefing(topic=topic, title=f"Briefing: {topic or 'overview'}", parties=tuple(out),
                    known_topics=topics, notes=("Some sources are older than a week.",))


def check_limits(messages: list[dict]) -> None:
    """Every Discord limit, checked with discord.py's own Embed and len(embed)."""
    for message in messages:
        assert len(message["embeds"]) <= 10
        assert message["content"] is None or 0 < len(message["content"]) <= CONTENT
        embeds = to_discord_embeds(message)
        assert sum(len(e) for e in embeds) + len(message["content"] or "") <= 6000
        for raw, embed in zip(message["embeds"], embeds):
            assert len(embed) == embed_length(raw) <= 6000
            assert len(embed.title or "") <= 256 and len(embed.description or "") <= 4096
            assert len(embed.fields) <= 25
            for f in embed.fields:
                assert 0 < len(f.name) <= 256 and 0 < len(f.value) <= 1024


def flat(text: str) -> str:
    return " ".join(text.split())


def unescaped(text: str) -> str:
    """What a reader sees: Discord shows a backslash-escaped markdown character as the character itself."""
    return re.sub(r"\\([\\*_~`|<>\[\]#-])", r"\1", text)


def stream(messages: list[dict]) -> str:
    """All body text in reading order (descriptions and field values), whitespace-normalised."""
    parts = []
    for message in messages:
        parts.append(message["content"] or "")
        for embed in message["embeds"]:
            parts.append(embed.get("description", ""))
            parts += [f["value"] for f in embed.get("fields", ())]
    return unescaped(flat(" ".join(parts)))


def labels(messages: list[dict]) -> list[str]:
    embeds = [e for m in messages for e in m["embeds"]]
    return [unescaped(x) for e in embeds for x in [e.get("title", "")] + [f["name"] for f in e.get("fields", ())]]


def check_nothing_lost(briefing: Briefing, messages: list[dict]) -> None:
    """Every party with a line, every line, quote, document, link and note of `briefing` is in the messages."""
    body, names = stream(messages), labels(messages)
    for party in briefing.parties:
        assert party.name in names or not party.positions
        for position in party.positions:
            assert flat(position.text) in body
            for source in position.sources:
                assert flat(source.quote) in body and source.document in body
                if source.url:
                    assert f"]({source.url})" in body
    for note in briefing.notes:
        assert note in body


def _norm(token: str) -> str:
    return token.strip("“”[]().,:•—_")


def check_nothing_cut(briefing: Briefing, messages: list[dict]) -> None:
    """Every word in the output is a whole word of the input; every link is a whole source URL."""
    said = [briefing.title, *briefing.notes, *briefing.known_topics]
    for party in briefing.parties:
        said.append(party.name)
        for position in party.positions:
            said += [position.text, position.reported_by or ""]
            said += [f"{s.quote} {s.document}" for s in position.sources]
    vocabulary = {_norm(w) for w in " ".join(said).split()} | {"Sources", "Topics", "according", "to", "cont"}
    urls = {s.url for s in briefing.sources() if s.url}
    text = " ".join([stream(messages)] + labels(messages))
    assert set(LINK.findall(text)) == urls
    assert len(re.findall(r"https?://", text)) == len(LINK.findall(text))  # no bare or broken link anywhere
    text = re.sub(r"(\[\d+\])+", " ", LINK.sub("] ", text))
    for token in text.split():
        assert not _norm(token) or _norm(token) in vocabulary, token
