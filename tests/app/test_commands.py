"""The router and the error family, with a stand-in briefing source: no platform, no store."""
from __future__ import annotations

import pytest

from bot.app.commands import HELP, MAX_INPUT, CommandContext, Reply, Router, clean_text
from bot.app.errors import (
    BriefingError, ClockLockedError, ConfigError, DeliveryError, PermanentDeliveryError, ScheduleError, UsageError,
)
from summarizer import Briefing, PartyBriefing, Position, Source

HERE = CommandContext(platform="slack", channel="C1", user="U1")


class Source1:
    """Knows one topic, 'nato'; suggests it for anything else."""

    def __init__(self) -> None:
        self.asked: list[str | None] = []

    def brief(self, topic: str | None = None) -> Briefing:
        self.asked.append(topic)
        if topic not in (None, "nato"):
            return Briefing(topic=None, title="", known_topics=("nato",))
        line = Position("Wants to join NATO.", "nato", (Source("a.txt", "Kyiv wants to join NATO."),))
        return Briefing(topic=topic, title="NATO", parties=(PartyBriefing("Ukraine", (line,)),))

    def suggest(self, text: str, limit: int = 5) -> list[str]:
        return ["nato"]

    def topics(self) -> tuple:
        return ()


class Verbs:
    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str]]] = []

    def handle(self, verb: str, args: list[str], ctx: CommandContext) -> Reply:
        self.calls.append((verb, args))
        return Reply(message=f"{verb} done")


def test_empty_text_is_the_overview_and_a_topic_is_briefed():
    service = Source1()
    router = Router(service)
    assert router.handle("", HERE).briefing.topic is None
    assert router.handle("  nato ", HERE).briefing.topic == "nato"
    assert service.asked == [None, "nato"]


@pytest.mark.parametrize("text", ["help", "HELP", "-h", "?"])
def test_help_is_private(text):
    assert Router(Source1()).handle(text, HERE) == Reply(message=HELP, ephemeral=True)


def test_unknown_topic_says_so_once_with_suggestions_to_the_asker_only():
    reply = Router(Source1()).handle("weather", HERE)
    assert reply.briefing is None and reply.ephemeral and reply.suggestions == ("nato",)
    assert reply.message.count("Nothing found") == 1 and "“weather”" in reply.message and "`nato`" in reply.message


def test_subscription_verbs_go_to_the_subscriptions_or_say_they_are_off():
    verbs = Verbs()
    assert Router(Source1(), verbs).handle("Subscribe nato at 07:00", HERE).message == "subscribe done"
    assert verbs.calls == [("subscribe", ["nato", "at", "07:00"])]
    off = Router(Source1()).handle("subscriptions", HERE)
    assert off.ephemeral and "not available" in off.message


def test_input_is_bounded_and_printable():
    assert clean_text("a\x00b\n\tc   d") == "a b c d"
    assert len(clean_text("x" * 10 * MAX_INPUT)) == MAX_INPUT


@pytest.mark.parametrize("error, status", [
    (UsageError, 2), (ConfigError, 2), (ScheduleError, 2), (DeliveryError, 1), (PermanentDeliveryError, 1),
    (ClockLockedError, 3), (BriefingError, 1),
])
def test_one_error_family_carries_the_exit_status(error, status):
    assert issubclass(error, BriefingError) and error("x").exit_code == status
