"""Platform-neutral `/briefing` command handling: text in, a Reply (briefing or message) out."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from bot.app.errors import UsageError
from bot.app.freshness import AGES, MOMENT, moment_ago, since_briefing
from bot.app.ports import BriefingSource, FreshBriefingSource
from summarizer import Briefing

MAX_INPUT = 200  # characters of command text we look at; the rest is ignored
SUBSCRIPTION_VERBS = ("subscribe", "unsubscribe", "subscriptions")
HELP_WORDS = ("help", "-h", "--help", "?")
SINCE = "since:"  # `/briefing nato since:24h`: only what is new since then

HELP = (
    "Usage: `/briefing` (overview of every topic), `/briefing <topic or words>` (each party's position, "
    "with sources), `/briefing <topic> since:24h` (only what is new since then: 30m, 24h, 7d, yesterday), "
    "`/briefing help`. Daily posts: `/briefing subscribe [topic] [at HH:MM] [tz Zone] "
    "[days mon-fri] [quiet]`, `/briefing subscriptions`, `/briefing unsubscribe [id]`."
)


@dataclass(frozen=True)
class CommandContext:
    """Who asked, where: filled in by each adapter."""

    platform: str  # "slack" | "discord"
    channel: str
    user: str = ""
    team: str = ""  # Slack team id or Discord guild id
    can_manage: bool = True  # Discord: member may manage the channel


@dataclass(frozen=True)
class Reply:
    """What to answer: a briefing, or a short message; `ephemeral` shows it to the asker only."""

    briefing: Briefing | None = None
    message: str = ""
    ephemeral: bool = False
    suggestions: tuple[str, ...] = field(default=())


class SubscriptionVerbs(Protocol):
    """`/briefing subscribe | unsubscribe | subscriptions` (bot/app/subscriptions.py)."""

    def handle(self, verb: str, args: list[str], ctx: CommandContext) -> Reply: ...


def clean_text(text: str) -> str:
    """Bound and normalise user input: printable characters only, single spaces, at most MAX_INPUT."""
    text = "".join(ch if ch.isprintable() else " " for ch in (text or "")[: MAX_INPUT * 2])
    return re.sub(r"\s+", " ", text).strip()[:MAX_INPUT]


class Router:
    """Turns `/briefing` text into a Reply. Blocking: call it from a worker thread."""

    def __init__(self, service: BriefingSource, subscriptions: SubscriptionVerbs | None = None) -> None:
        self.service = service
        self.subscriptions = subscriptions

    def handle(self, text: str, ctx: CommandContext) -> Reply:
        text = clean_text(text)
        words = text.split(" ") if text else []
        verb = words[0].lower() if words else ""
        if verb in HELP_WORDS:
            return Reply(message=HELP, ephemeral=True)
        if verb in SUBSCRIPTION_VERBS:
            if self.subscriptions is None:
                return Reply(message="Subscriptions are not available on this deployment.", ephemeral=True)
            return self.subscriptions.handle(verb, words[1:], ctx)
        words, since = split_since(words)
        if since is not None:
            return self.since(" ".join(words), since)
        if not text:
            return Reply(briefing=self.service.brief(None))
        briefing = self.service.brief(text)
        if briefing.is_empty:
            return unknown_topic(self.service, text, f"Nothing found on “{text}”", " Try `/briefing help`.")
        return Reply(briefing=briefing)

    def since(self, text: str, since: str) -> Reply:
        """Only the statements first seen since `since` ago, each line marked new; a bad age told to the asker."""
        try:
            moment = moment_ago(since)
        except UsageError:
            return Reply(message=f"`since:{since[:40]}` is not an age: use {AGES}, e.g. "
                                 f"`/briefing {text or 'nato'} since:24h`.", ephemeral=True)
        if not isinstance(self.service, FreshBriefingSource):
            return Reply(message="`since:` needs the index, which this deployment does not keep.", ephemeral=True)
        if text and self.service.brief(text).is_empty:
            return unknown_topic(self.service, text, f"Nothing found on “{text}”", " Try `/briefing help`.")
        briefing = since_briefing(self.service, text or None, moment)
        if briefing.is_empty:
            return Reply(message=f"No new statements on {text or 'any topic'} since {moment.strftime(MOMENT)}.")
        return Reply(briefing=briefing)


def split_since(words: list[str]) -> tuple[list[str], str | None]:
    """(the other words, the value of the one `since:VALUE` word; None without one). One word, like every
    `name:value` option, so that a router over several stories passes it on untouched."""
    for i, word in enumerate(words):
        if word.lower().startswith(SINCE):
            return words[:i] + words[i + 1:], word[len(SINCE):]
    return words, None


def unknown_topic(service: BriefingSource, text: str, lead: str, tail: str = "") -> Reply:
    """'<lead>. Closest known topics: `a`, `b`.<tail>' to the asker only: the one "did you mean" of chat."""
    suggestions = tuple(service.suggest(text))
    known = ", ".join(f"`{s}`" for s in suggestions) or "none yet"
    return Reply(message=f"{lead}. Closest known topics: {known}.{tail}", ephemeral=True, suggestions=suggestions)
