"""Slack Block Kit rendering: limits held, nothing lost, text escaped, no invented links."""
from __future__ import annotations

import json
import re

import pytest
from slack_sdk.models.blocks import Block

from bot.router import Reply
from bot.slack_render import (
    MAX_BLOCKS,
    MAX_CONTEXT_ELEMENTS,
    MAX_ELEMENT,
    MAX_MESSAGE,
    escape,
    split_text,
    to_messages,
)
from summarizer import Briefing, PartyBriefing, Position, Source

WORDS = "ceasefire negotiators insisted guarantees sovereignty withdrawal sanctions referendum corridor".split()


def source(doc: str, quote: str, url: str | None = None) -> Source:
    return Source(document=doc, quote=quote, url=url)


def position(text: str, *sources: Source, topic: str = "nato") -> Position:
    return Position(text=text, topic=topic, sources=sources)


def briefing(*parties: PartyBriefing, topic: str | None = "nato", notes: tuple[str, ...] = ()) -> Briefing:
    return Briefing(topic=topic, title=f"Briefing: {topic or 'overview'}", parties=parties, notes=notes)


def long_text(seed: int, words: int) -> str:
    return " ".join(f"{WORDS[(seed + i) % len(WORDS)]}{seed}x{i}" for i in range(words))


def big_briefing(parties: int = 50, positions: int = 4, topic: str | None = "nato") -> Briefing:
    """Many parties, long positions, long quotes, some with URLs (a document per party)."""
    out = []
    for p in range(parties):
        poss = []
        for k in range(positions):
            quote = long_text(p * 100 + k, 60) + "."
            url = f"https://news.example/{p}/{k}?a=1&b=2" if k % 2 else None
            poss.append(position(long_text(p * 1000 + k, 45), source(f"docs/party{p}.txt", quote, url),
                                 topic=["nato", "territory"][k % 2] if topic is None else topic))
        out.append(PartyBriefing(f"Party {p} & Co", tuple(poss)))
    return briefing(*out, topic=topic)


def all_text(message: dict, key: str | None = None) -> str:
    """Every string in a message (or only those under `key`), joined: what a reader or a pinger could see."""
    found: list[str] = []

    def walk(node: object, name: str | None = None) -> None:
        if isinstance(node, dict):
            for k, value in node.items():
                walk(value, k)
        elif isinstance(node, list):
            for value in node:
                walk(value, name)
        elif isinstance(node, str) and (key is None or name == key):
            found.append(node)

    walk(message)
    return "\n".join(found)


def assert_within_limits(messages: list[dict]) -> None:
    for message in messages:
        assert message["text"] and len(message["text"]) <= 300
        blocks = message["blocks"]
        assert 1 <= len(blocks) <= MAX_BLOCKS
        assert len(json.dumps(blocks, ensure_ascii=False)) <= MAX_MESSAGE
        for raw in blocks:
            Block.parse(raw).validate_json()  # slack_sdk's own validators (section 3000, header 150, ...)
            if raw["type"] == "context":
                assert len(raw["elements"]) <= MAX_CONTEXT_ELEMENTS
                assert all(len(e["text"]) <= MAX_ELEMENT for e in raw["elements"])


def flat(messages: list[dict]) -> str:
    """Block text of all messages with the splitting undone (pieces are joined by a space or a newline)."""
    bodies = [m["blocks"][1:] if "(part " in all_text(m["blocks"][0]) else m["blocks"] for m in messages]
    return re.sub(r"\s+", " ", "\n".join(all_text({"b": b}, "text") for b in bodies))


@pytest.mark.parametrize("topic", ["nato", None])
def test_fifty_party_briefing_splits_within_limits_and_loses_nothing(topic: str | None) -> None:
    """A 50-party briefing with long positions and quotes splits into valid messages holding every line and quote."""
    b = big_briefing(topic=topic)
    messages = to_messages(Reply(briefing=b))
    assert len(messages) > 1
    assert_within_limits(messages)
    text = flat(messages)
    for party in b.parties:
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
    sources = tuple(source(f"d{i}.txt", long_text(i, 300) + ".") for i in range(12))
    b = briefing(PartyBriefing("Ukraine", (position("Many sources.", *sources),)))
    messages = to_messages(Reply(briefing=b))
    assert len(messages) > 1
    assert_within_limits(messages)
    text = flat(messages)
    for src in sources:
        assert src.quote in text


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
