"""What a chat reader gets does not grow with the corpus: a topic briefing from 10,000 articles is one Slack or
Discord message (the overview two or three), with notes saying what was left out (inert text, never a ping);
text output keeps its own budget."""
from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from bot.app.commands import Reply
from bot.render import discord as discord_render
from bot.render import slack as slack_render
from bot.render.bounds import CHAT, bounded, chat_bounded
from summarizer import Briefing, PartyBriefing, Position, Source
from tests.render.chat_samples import HOSTILE, TOPICS, sentence, wire_briefing
from tests.render.discord_samples import check_limits, check_nothing_lost, stream
from tests.render.slack_samples import assert_within_limits, flat

LINE_NOTE = re.compile(r"(\d+) more lines are not shown .*; parties not shown: (.*?) and (\d+) more\. All of them: "
                       r"python -m bot brief (nato )?--format json")


def _lines(briefing: Briefing) -> int:
    return sum(len(p.positions) for p in briefing.parties)


@pytest.mark.parametrize("topic, most", [("nato", (1, 1)), (None, (2, 3))])  # (Slack, Discord)
def test_a_wire_scale_briefing_is_a_few_messages_on_either_platform(topic: str | None, most: tuple) -> None:
    briefing = wire_briefing(topic=topic)  # 30 parties x 5 lines, 300 sources a line, 40+ copies a source
    shown = chat_bounded(briefing)
    slack = slack_render.to_messages(Reply(briefing=briefing))
    discord = discord_render.to_messages(Reply(briefing=briefing))
    assert len(slack) <= most[0] and len(discord) <= most[1]
    assert_within_limits(slack)
    check_limits(discord)
    check_nothing_lost(shown, discord)
    for note in shown.notes:
        assert slack_render.escape(note) in flat(slack)
    note = LINE_NOTE.search(" ".join(shown.notes))
    assert note and int(note.group(1)) == _lines(briefing) - _lines(shown)
    assert f"{_lines(shown) * 299} more sources saying much the same" in stream(discord)  # behind lines shown


def test_the_chat_budget_keeps_the_most_widely_reported_parties_and_a_quote_a_line() -> None:
    shown = chat_bounded(wire_briefing())
    assert [p.name for p in shown.parties if p.positions] == [f"Party {k:02d}" for k in range(CHAT.lines)]
    assert all(len(pos.sources) == 1 for p in shown.parties for pos in p.positions)
    overview = chat_bounded(wire_briefing(topic=None))
    per_topic = [sum(pos.topic == t for p in overview.parties for pos in p.positions) for t in TOPICS]
    assert sum(per_topic) == CHAT.overview_lines and max(per_topic) <= CHAT.lines_per_topic


def test_the_overview_names_topics_it_had_no_room_for() -> None:
    parties = [PartyBriefing(f"Party {k}", tuple(Position(sentence(k * 50 + t, 18), f"topic{t}",
                                                          (Source(f"d{k}-{t}.txt", sentence(t, 30)),))
                                                 for t in range(30))) for k in range(2)]
    shown = chat_bounded(Briefing(None, "Briefing: overview", tuple(parties)))
    assert _lines(shown) == CHAT.overview_lines
    assert "topics not shown: topic24, topic25, topic26, topic27, topic28 and 1 more." in " ".join(shown.notes)


def test_long_sentences_mean_fewer_lines_never_more_messages() -> None:
    briefing = wire_briefing(parties=20, sources=5, words=(300, 300))  # lines and quotes of ~2,000 characters
    shown = chat_bounded(briefing)
    assert 1 <= _lines(shown) < CHAT.lines
    assert sum(len(pos.text) + sum(len(s.quote) for s in pos.sources) for p in shown.parties
               for pos in p.positions) <= CHAT.chars
    assert len(slack_render.to_messages(Reply(briefing=briefing))) <= 2
    assert len(discord_render.to_messages(Reply(briefing=briefing))) <= 3


def test_names_in_a_note_never_ping_or_link() -> None:
    briefing = wire_briefing(parties=CHAT.lines + len(HOSTILE), lines=1, sources=2)
    [note] = [n for n in chat_bounded(briefing).notes if "parties not shown" in n]
    assert all(name in note for name in HOSTILE)
    slack = json.dumps(slack_render.to_messages(Reply(briefing=briefing)), ensure_ascii=False)
    assert "<!" not in slack and "<@" not in slack and "<https://evil" not in slack
    assert "&lt;!channel&gt; Bloc" in slack
    discord = discord_render.to_messages(Reply(briefing=briefing))
    raw = json.dumps(discord, ensure_ascii=False)
    assert "Free](https://evil" not in raw  # the bracket is escaped: no masked link
    assert "[Free](https://evil.example) Party" in stream(discord)


def test_a_daily_post_keeps_what_is_new_even_from_the_least_reported_party() -> None:
    briefing = wire_briefing(parties=25, sources=3)
    quiet = briefing.parties[-1]  # reported least: no line of it would be shown
    marked = replace(quiet, positions=quiet.positions[:4] + (replace(quiet.positions[4], new=True),))
    briefing = replace(briefing, parties=briefing.parties[:-1] + (marked,))
    shown = chat_bounded(briefing)
    assert [pos.text for pos in shown.parties[-1].positions] == [quiet.positions[4].text]
    assert _lines(shown) == CHAT.lines
    assert "(new lines, then the most widely reported parties come first)" in " ".join(shown.notes)
    assert not bounded(briefing).parties[-1].positions  # text keeps its own order


def test_a_source_names_another_outlet_then_counts_the_rest() -> None:
    copies = tuple(f"wire/copy{n:03d}.txt" for n in range(630))
    source = Source("wire/original.txt", "Russia said it would not accept NATO troops.", also=copies)
    briefing = Briefing("nato", "NATO", (PartyBriefing("Russia", (Position("Rejects NATO troops.", "nato",
                                                                            (source,)),)),))
    slack = flat(slack_render.to_messages(Reply(briefing=briefing)))
    discord = stream(discord_render.to_messages(Reply(briefing=briefing)))
    for shown in (slack, discord.replace("\\", "")):
        assert "(also in wire/copy000.txt and 629 more)" in shown
        assert "copy001" not in shown and len(shown) < 1000


def test_a_seed_sized_briefing_reaches_chat_whole() -> None:
    briefing = wire_briefing(parties=4, lines=3, sources=1, copies=0)
    assert chat_bounded(briefing) == briefing


def test_text_keeps_its_own_larger_budget() -> None:
    briefing = wire_briefing(sources=5)
    assert _lines(bounded(briefing)) == 20 and _lines(chat_bounded(briefing)) == CHAT.lines
