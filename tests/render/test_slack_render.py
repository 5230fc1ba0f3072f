"""Slack Block Kit rendering: limits held, nothing lost, text escaped, no invented links."""
from __future__ import annotations

import re

import pytest

from bot.app.commands import Reply
from bot.render.bounds import chat_bounded
from bot.render.slack import MAX_MESSAGE, escape, split_text, to_messages
from summarizer import Briefing, PartyBriefing
from tests.render.slack_samples import (
    all_text,
    assert_within_limits,
    big_briefing,
    briefing,
    flat,
    long_text,
    position,
    source,
)


@pytest.mark.parametrize("topic", ["nato", None])
def test_fifty_party_briefing_splits_within_limits_and_loses_nothing(topic: str | None) -> None:
    """A 50-party briefing with long positions and quotes, bounded for chat, still splits into valid messages
    holding every line and quote it shows."""
    b = chat_bounded(big_briefing(topic=topic))
    assert b.notes  # the chat bound applied
    messages = to_messages(Reply(briefing=big_briefing(topic=topic)))
    assert len(messages) > 1
    assert_within_limits(messages)
    text = flat(messages)
    for party in b.parties:
        if not party.positions:
            continue
        assert f"*{escape(party.name)}*" in text
        for pos in party.positions:
            assert escape(pos.text) in text
            for src in pos.sources:
                assert f"“{escape(src.quote)}”" in text
    assert messages[0]["blocks"][0]["type"] == "header"
    assert "part 2 of" in all_text(messages[1])


def test_each_message_carries_the_sources_it_cites() -> None:
    """Every [n] cited in a message has its source line in that same message."""
    for message in to_messages(Reply(briefing=big_briefing(30, 3))):
        text = all_text(message)
        sections = " ".join(b["text"]["text"] for b in message["blocks"] if b["type"] == "section")
        for n in set(re.findall(r"\[(\d+)\]", sections)):
            assert re.search(rf"(^|\n)\[{n}\] ", text), n


def test_overview_groups_by_topic_with_headers() -> None:
    """The overview (topic None) has a header per topic, parties under it."""
    b = briefing(
        PartyBriefing("Ukraine", (position("Wants NATO membership.", source("d.txt", "Q1."), topic="nato"),
                                  position("Rejects ceding land.", source("d.txt", "Q2."), topic="territory"))),
        PartyBriefing("Russia", (position("Opposes NATO expansion.", source("d.txt", "Q3."), topic="nato"),)),
        topic=None,
    )
    [message] = to_messages(Reply(briefing=b))
    headers = [blk["text"]["text"] for blk in message["blocks"] if blk["type"] == "header"]
    assert headers == ["Briefing: overview", "nato", "territory"]
    assert_within_limits([message])


@pytest.mark.parametrize("hostile", ["@everyone", "<@U123>", "<!channel>", "<!here|here>", "a & b", "<https://evil.example|click>"])
def test_document_text_is_escaped(hostile: str) -> None:
    """Mentions, broadcasts, links and & in documents reach Slack as inert text."""
    b = briefing(PartyBriefing(f"Party {hostile}", (
        position(f"Says {hostile} now.", source(f"doc {hostile}.txt", f"They said {hostile} loudly.")),
    )), notes=(f"note {hostile}",))
    for message in to_messages(Reply(briefing=b)) + to_messages(Reply(message=f"Nothing on {hostile}")):
        text = all_text(message)
        assert "<@" not in text and "<!" not in text and "<http" not in text
        assert re.search(r"&(?!amp;|lt;|gt;)", text) is None  # every & is an entity
        assert escape(hostile) in text
        assert_within_limits([message])


def test_escape() -> None:
    """& < > become entities, & first so nothing is double-escaped wrongly."""
    assert escape("<!channel> & <@U1> @everyone") == "&lt;!channel&gt; &amp; &lt;@U1&gt; @everyone"


def test_links_only_from_source_urls() -> None:
    """A source links only to its own http(s) URL; other sources show the document name and no link."""
    b = briefing(PartyBriefing("Ukraine", (
        position("One.", source("a.txt", "Quote a.", url="https://news.example/a?x=1&y=2")),
        position("Two.", source("b.txt", "Quote b.")),
        position("Three.", source("c.txt", "Quote c.", url="javascript:alert(1)")),
    )))
    [message] = to_messages(Reply(briefing=b))
    text = all_text(message)
    links = re.findall(r"<([^|>]+)\|([^>]*)>", text)
    assert links == [("https://news.example/a?x=1&amp;y=2", "a.txt")]
    assert "`b.txt`" in text and "`c.txt`" in text
    assert "http" not in text.replace("https://news.example/a", "")


def test_plain_message_reply() -> None:
    """A message Reply becomes escaped text plus one section."""
    [message] = to_messages(Reply(message="Nothing found on “<!here>”. Try `/briefing help`.", ephemeral=True))
    assert message["text"] == "Nothing found on “&lt;!here&gt;”. Try `/briefing help`."
    assert message["blocks"] == [{"type": "section", "text": {"type": "mrkdwn", "text": message["text"]}}]


def test_huge_plain_message_splits() -> None:
    """A plain message longer than one section splits into valid sections and messages, words whole."""
    text = long_text(7, 6000)
    messages = to_messages(Reply(message=text))
    assert_within_limits(messages)
    assert flat(messages).strip() == text


def test_one_position_with_many_long_sources_spills_into_later_messages() -> None:
    """A bullet whose sources alone exceed a message still loses nothing and keeps every limit."""
    sources = tuple(source(f"d{i}.txt", long_text(i, 800) + ".") for i in range(12))
    b = briefing(PartyBriefing("Ukraine", (position("Many sources.", *sources),)))
    shown = chat_bounded(b).sources()
    assert shown and len(shown[0].quote) > MAX_MESSAGE  # even one quote is longer than a message
    messages = to_messages(Reply(briefing=b))
    assert len(messages) > 1
    assert_within_limits(messages)
    text = flat(messages)
    for src in shown:
        assert src.quote in text
    assert "11 more sources saying much the same are not listed." in text


def test_split_text_keeps_words_and_links_whole() -> None:
    """Pieces never cut a word or a <url|label> link."""
    text = " ".join(["word"] * 50 + ["<https://x.example/a b|label with spaces>"] + ["tail"] * 50)
    pieces = split_text(text, 60)
    assert all(len(p) <= 60 for p in pieces)
    assert " ".join(pieces) == text
    assert any("<https://x.example/a b|label with spaces>" in p for p in pieces)


def test_empty_briefing_lists_known_topics() -> None:
    """An empty overview says so and lists the known topics."""
    b = Briefing(topic=None, title="Briefing: overview", known_topics=("nato", "territory"))
    [message] = to_messages(Reply(briefing=b))
    assert "Known topics: nato, territory" in all_text(message)
    assert_within_limits([message])


def test_absurd_names_and_unbroken_words_still_fit() -> None:
    """A 5000-character party name and a 9000-character unbroken word keep every limit."""
    b = briefing(PartyBriefing("N" * 5000, (position("x" * 9000, source("d.txt", "y" * 9000)),)))
    messages = to_messages(Reply(briefing=b))
    assert_within_limits(messages)
    assert flat(messages).replace(" ", "").count("x") >= 9000


def test_lone_angle_brackets_are_kept() -> None:
    """split_text never drops a character, even a '<' that opens no link."""
    text = "a < b and c <d " + "w " * 40
    assert " ".join(split_text(text.strip(), 20)) == " ".join(text.split())
