"""Platform-neutral `/briefing` command handling: text in, a Reply (briefing or message) out."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from bot.app.ports import BriefingSource
from summarizer import Briefing

MAX_INPUT = 200  # characters of command text we look at; the rest is ignored
SUBSCRIPTION_VERBS = ("subscribe", "unsubscribe", "subscriptions")
HELP_WORDS = ("help", "-h", "--help", "?")

HELP = (
    "Usage: `/briefing` (overview of every topic), `/briefing <topic or words>` (each party's position, "
    "with sources), `/briefing help`. Daily posts: `/briefing subscribe [topic] [at HH:MM] [tz Zone] "
    "[days mon-fri]`, `/briefing subscriptions`, `/briefing unsubscribe [id]`."
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
        if not text:
            return Reply(briefing=self.service.brief(None))
        briefing = self.service.brief(text)
        if briefing.is_empty:
            return unknown_topic(self.service, text, f"Nothing found on “{text}”", " Try `/briefing help`.")
        return Reply(briefing=briefing)


def unknown_topic(service: BriefingSource, text: str, lead: str, tail: str = "") -> Reply:
    """'<lead>. Closest known topics: `a`, `b`.<tail>' to the asker only: the one "did you mean" of chat."""
    suggestions = tuple(service.suggest(text))
    known = ", ".join(f"`{s}`" for s in suggestions) or "none yet"
    return Reply(message=f"{lead}. Closest known topics: {known}.{tail}", ephemeral=True, suggestions=suggestions)
