"""Discord renderer: every Discord limit holds, nothing is lost, no word or link is cut."""
from __future__ import annotations

import re
import subprocess
import sys

import discord
import pytest

from bot.discord_render import CONTENT, embed_length, to_discord_embeds, to_messages
from bot.router import Reply
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


def stream(messages: list[dict]) -> str:
    """All body text in reading order (descriptions and field values), whitespace-normalised."""
    parts = []
    for message in messages:
        parts.append(message["content"] or "")
        for embed in message["embeds"]:
            parts.append(embed.get("description", ""))
            parts += [f["value"] for f in embed.get("fields", ())]
    return flat(" ".join(parts))


def labels(messages: list[dict]) -> list[str]:
    embeds = [e for m in messages for e in m["embeds"]]
    return [x for e in embeds for x in [e.get("title", "")] + [f["name"] for f in e.get("fields", ())]]


def check_nothing_lost(briefing: Briefing, messages: list[dict]) -> None:
    body, names = stream(messages), labels(messages)
    for party in briefing.parties:
        assert party.name in names
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


def test_fifty_party_briefing_fits_every_limit_and_loses_nothing() -> None:
    briefing = big_briefing()
    messages = to_messages(Reply(briefing=briefing))
    assert len(messages) > 1  # it really had to be split
    check_limits(messages)
    check_nothing_lost(briefing, messages)
    check_nothing_cut(briefing, messages)


def test_overview_groups_by_topic_within_limits() -> None:
    topics = ("nato", "territory", "negotiations")
    briefing = big_briefing(topic=None, topics=topics)
    messages = to_messages(Reply(briefing=briefing))
    check_limits(messages)
    check_nothing_lost(briefing, messages)
    titles = [e.get("title") for m in messages for e in m["embeds"]]
    assert all(t in titles for t in topics)


def test_position_longer_than_a_field_continues_between_words() -> None:
    text = words("long", 400)  # about 3200 characters: four fields
    briefing = Briefing("nato", "Briefing: nato", (PartyBriefing("Ukraine", (Position(text, "nato", (
        Source("a.txt", "A quote."),)),)),))
    messages = to_messages(Reply(briefing=briefing))
    check_limits(messages)
    fields = [f for m in messages for e in m["embeds"] for f in e.get("fields", ())]
    assert [f["name"] for f in fields] == ["Ukraine"] + ["Ukraine (cont.)"] * (len(fields) - 1)
    assert len(fields) >= 3
    assert flat(" ".join(f["value"] for f in fields)) == f"• {text} [1]"


def test_seed_like_briefing_is_one_message_with_numbered_sources() -> None:
    src = Source("seeds/a.txt", "Ukraine views NATO membership as crucial.", url=None)
    linked = Source("b.txt", "Russia has opposed this move.", url="https://example.org/b")
    briefing = Briefing("nato", "Briefing: nato", (
        PartyBriefing("Ukraine", (Position("Sees NATO membership as crucial.", "nato", (src,)),)),
        PartyBriefing("Russia", (Position("Opposes it.", "nato", (linked, src)),)),
    ))
    [message] = to_messages(Reply(briefing=briefing))
    check_limits([message])
    first, sources = message["embeds"]
    assert first["title"] == "Briefing: nato"
    assert first["fields"] == [
        {"name": "Ukraine", "value": "• Sees NATO membership as crucial. [1]", "inline": False},
        {"name": "Russia", "value": "• Opposes it. [2][1]", "inline": False},
    ]
    assert sources["title"] == "Sources"
    assert sources["description"] == (
        "[1] seeds/a.txt — “Ukraine views NATO membership as crucial.”\n"
        "[2] [b.txt](https://example.org/b) — “Russia has opposed this move.”"
    )


def test_plain_message() -> None:
    assert to_messages(Reply(message="Usage: `/briefing nato`")) == [
        {"content": "Usage: `/briefing nato`", "embeds": []}
    ]


def test_long_message_splits_between_lines_and_words() -> None:
    lines = [f"#{i} " + words(f"m{i}", 30) for i in range(40)]
    messages = to_messages(Reply(message="\n".join(lines)))
    check_limits(messages)
    assert len(messages) > 1
    assert "\n".join(m["content"] for m in messages) == "\n".join(lines)


def test_empty_briefing_says_so() -> None:
    [message] = to_messages(Reply(briefing=Briefing("x", "Briefing: x", known_topics=("nato", "territory"))))
    assert message["embeds"][0]["description"] == "No positions found. Known topics: nato, territory."


def test_overlong_title_and_party_name_keep_every_word() -> None:
    title, name = words("t", 60), words("n", 60)  # 60 words: over 256 characters each
    briefing = Briefing("x", title, (PartyBriefing(name, (Position("Holds it.", "x", (Source("a", "Q."),)),)),))
    messages = to_messages(Reply(briefing=briefing))
    check_limits(messages)
    first = messages[0]["embeds"][0]
    assert flat(first["title"] + " " + first["description"]) == title
    field = first["fields"][0]
    assert flat(field["name"] + " " + field["value"]).startswith(name)


def test_renderer_imports_without_discord() -> None:
    code = "import sys; sys.modules['discord'] = None; import bot.discord_render; print('ok')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert done.stdout.strip() == "ok", done.stderr


@pytest.mark.parametrize("url", ["https://example.org/a_(b)", "https://example.org/" + "x" * 900])
def test_links_are_never_cut(url: str) -> None:
    sources = tuple(Source(f"doc {k}", words(f"q{k}", 700), url=url + f"?k={k}") for k in range(8))  # > 4096 each
    briefing = Briefing("x", "B", (PartyBriefing("P", (Position("T.", "x", sources),)),))
    messages = to_messages(Reply(briefing=briefing))
    check_limits(messages)
    body = stream(messages)
    for source in sources:
        assert f"[{source.document}]({source.url})" in body
    assert isinstance(to_discord_embeds(messages[0])[0], discord.Embed)
