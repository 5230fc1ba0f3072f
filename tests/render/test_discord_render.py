"""Discord renderer: every Discord limit holds, nothing is lost, no word or link is cut."""
from __future__ import annotations

import subprocess
import sys

import discord
import pytest

from bot.app.commands import Reply
from bot.chat.discord import to_discord_embeds
from bot.render.bounds import chat_bounded
from bot.render.discord import source_line, to_messages
from summarizer import Briefing, PartyBriefing, Position, Source
from tests.render.discord_samples import (
    big_briefing,
    check_limits,
    check_nothing_cut,
    check_nothing_lost,
    flat,
    stream,
    words,
)


def test_fifty_party_briefing_fits_every_limit_and_loses_nothing() -> None:
    """Bounded for chat, the briefing is still too big for one message: it is split, and nothing of it is lost."""
    briefing = big_briefing()
    shown = chat_bounded(briefing)
    assert len(shown.sources()) < len(briefing.sources())  # the chat bound applied
    messages = to_messages(Reply(briefing=briefing))
    assert len(messages) > 1  # it really had to be split
    check_limits(messages)
    check_nothing_lost(shown, messages)
    check_nothing_cut(shown, messages)


def test_overview_groups_by_topic_within_limits() -> None:
    topics = ("nato", "territory", "negotiations")
    briefing = big_briefing(topic=None, topics=topics)
    messages = to_messages(Reply(briefing=briefing))
    check_limits(messages)
    check_nothing_lost(chat_bounded(briefing), messages)
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
    code = "import sys; sys.modules['discord'] = None; import bot.render.discord; print('ok')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert done.stdout.strip() == "ok", done.stderr


@pytest.mark.parametrize("url", ["https://example.org/a_(b)", "https://example.org/" + "x" * 900])
def test_links_are_never_cut(url: str) -> None:
    sources = tuple(Source(f"doc {k}", words(f"q{k}", 700), url=url + f"?k={k}") for k in range(8))  # > 4096 each
    briefing = Briefing("x", "B", (PartyBriefing("P", (Position("T.", "x", sources),)),))
    messages = to_messages(Reply(briefing=briefing))
    check_limits(messages)
    body = stream(messages)
    shown = chat_bounded(briefing).sources()
    assert shown and len(source_line(1, shown[0])) > 4096  # a source line longer than a description
    for source in shown:
        assert f"[{source.document}]({source.url})" in body
    assert isinstance(to_discord_embeds(messages[0])[0], discord.Embed)
