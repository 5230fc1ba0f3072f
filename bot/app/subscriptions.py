"""Subscriptions, shared by chat (`/briefing subscribe | unsubscribe | subscriptions`) and the operator CLI."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.app.commands import CommandContext, Reply, unknown_topic
from bot.app.desk import route
from bot.app.errors import DuplicateSubscriptionError, ScheduleError, UsageError
from bot.app.ports import ACTIVE, PAUSED, BriefingSource, NextRun, Subscription, SubscriptionRepository, Target
from bot.app.schedules import Schedule
from summarizer import Briefing

PLATFORMS = ("slack", "discord")
MAX_CHANNEL = 64  # characters of a channel id (the store's column)
MAX_TOPIC = 200  # characters of a topic key or free-text topic (the store's column)
MAX_ID_DIGITS = 18  # a subscription id fits a 64-bit integer column
CLAUSES = ("at", "tz", "days")
QUIET = "quiet"  # the subscribe word: post nothing (instead of "No new statements since …") when nothing is new
USAGE = ("Usage: `/briefing subscribe [story] [topic] [at HH:MM] [tz Zone] [days mon-fri] [quiet]` (defaults: the "
         "overview, at 08:00, every day; `quiet`: no post when nothing is new), `/briefing subscriptions`, "
         "`/briefing unsubscribe [id]`.")
NOT_ALLOWED = ("Only members who can manage this channel (Manage Channels) may change its daily briefings. "
               "`/briefing subscriptions` shows them.")


def parse_target(text: str) -> Target:
    """'slack:C123' or 'discord:123456789' -> Target; UsageError naming the bad part otherwise."""
    platform, colon, channel = (text or "").partition(":")
    platform = platform.strip().lower()
    channel = channel.strip().lstrip("#")
    if not colon or platform not in PLATFORMS:
        raise UsageError(f"target {text!r}: expected slack:CHANNEL or discord:CHANNEL")
    if platform == "discord" and not channel.isdigit():
        raise UsageError(f"target {text!r}: a Discord channel is its numeric id")
    if not re.fullmatch(rf"[A-Za-z0-9_-]{{1,{MAX_CHANNEL}}}", channel):
        raise UsageError(f"target {text[:MAX_CHANNEL + 20]!r}: expected a channel id such as C0123ABCD "
                         f"(at most {MAX_CHANNEL} characters)")
    return Target(platform, channel)


def dated(briefing: Briefing, day: date, label: str = "Daily briefing") -> Briefing:
    """The briefing with a dated title ('Daily briefing — 2026-11-25 · NATO membership')."""
    return replace(briefing, title=f"{label} — {day.isoformat()} · {briefing.title}")


def known_topic(service: BriefingSource, words: str | None) -> str | None:
    """The canonical key of a topic the user named (None: the overview); UsageError with suggestions if unknown."""
    if not words or not words.strip():
        return None
    if len(words.strip()) > MAX_TOPIC:
        raise UsageError(f"topic of {len(words.strip())} characters: at most {MAX_TOPIC}")
    briefing = service.brief(words.strip())
    if briefing.is_empty:
        known = ", ".join(service.suggest(words.strip())) or "none"
        raise UsageError(f"topic {words!r}: nothing found; closest known topics: {known}")
    return briefing.topic or words.strip()


def local_time(when: datetime | None, zone: str) -> str:
    """'Wed 2026-11-25 08:00 CET' in the subscription's zone, or 'never'."""
    return when.astimezone(ZoneInfo(zone)).strftime("%a %Y-%m-%d %H:%M %Z") if when else "never"


def next_run_text(sub: Subscription, next_run: NextRun, now: datetime | None = None) -> str:
    """When `sub` posts next, in its zone ('— (paused)' while paused)."""
    if sub.state != ACTIVE:
        return "— (paused)"
    return local_time(next_run(sub.schedule, now), sub.schedule.timezone)


def state_text(sub: Subscription) -> str:
    if sub.state == PAUSED:
        return f"paused: {sub.paused_reason or 'no reason recorded'}"
    return f"active (last error: {sub.last_error})" if sub.last_error else "active"


def quiet_text(sub: Subscription) -> str:
    """How a subscription behaves when nothing is new since its previous post."""
    return "quiet when nothing is new" if sub.quiet else "says when nothing is new"


def briefing_name(story: str | None, topic: str | None) -> str:
    """'ukraine · nato', 'nato', 'ukraine · overview' or 'overview': what a subscription posts."""
    return " · ".join(part for part in (story, topic or "overview") if part)


def summary_line(sub: Subscription, next_run: NextRun) -> str:
    return (f"#{sub.id} · {briefing_name(sub.story, sub.topic)} · {sub.schedule.describe()} · "
            f"next {next_run_text(sub, next_run)} · "
            f"last post {local_time(sub.last_post_at, sub.schedule.timezone)} · {state_text(sub)}"
            + (f" · {quiet_text(sub)}" if sub.quiet else ""))


def split_clauses(words: list[str]) -> tuple[str | None, dict[str, str]]:
    """'nato at 07:30 tz Europe/Berlin' -> ('nato', {'at': '07:30', 'tz': 'Europe/Berlin'})."""
    topic, clauses, i = [], {}, 0
    while i < len(words):
        key = words[i].lower()
        if key in CLAUSES:
            if i + 1 >= len(words):
                raise ScheduleError(f"`{key}` needs a value, e.g. at 08:00, tz Europe/Berlin, days mon-fri")
            if key in clauses:
                raise ScheduleError(f"`{key}` is given twice")
            clauses[key] = words[i + 1]
            i += 2
        else:
            topic.append(words[i])
            i += 1
    return " ".join(topic).strip() or None, clauses


class SubscriptionCommands:
    """Blocking (store and briefing calls): the router runs it in a worker thread."""

    def __init__(self, open_store: Callable[[], SubscriptionRepository], service: BriefingSource,
                 timezone: str, next_run: NextRun) -> None:
        self._open_store, self.service, self.timezone, self.next_run = open_store, service, timezone, next_run
        self._store: SubscriptionRepository | None = None

    @property
    def store(self) -> SubscriptionRepository:
        """Opened on first use, so a chat process touches the database only when subscriptions are used."""
        if self._store is None:
            self._store = self._open_store()
        return self._store

    def handle(self, verb: str, args: list[str], ctx: CommandContext) -> Reply:
        if verb in ("subscribe", "unsubscribe") and not ctx.can_manage:
            return Reply(message=NOT_ALLOWED, ephemeral=True)
        if verb == "subscribe":
            return self.subscribe(args, ctx)
        if verb == "unsubscribe":
            return self.unsubscribe(args, ctx)
        return self.subscriptions(ctx)

    def subscribe(self, args: list[str], ctx: CommandContext) -> Reply:
        quiet = any(word.lower() == QUIET for word in args)
        args = [word for word in args if word.lower() != QUIET]
        try:
            words, clauses = split_clauses(args)
            schedule = Schedule.parse(at=clauses.get("at"), days=clauses.get("days"),
                                      tz=clauses.get("tz") or self.timezone)
        except ScheduleError as exc:
            return Reply(message=f"Could not subscribe: {exc}. {USAGE}", ephemeral=True)
        if words and len(words) > MAX_TOPIC:
            return Reply(message=f"Could not subscribe: a topic is at most {MAX_TOPIC} characters. {USAGE}",
                         ephemeral=True)
        chosen = self._story_topic(words)
        if isinstance(chosen, Reply):
            return chosen
        story, topic = chosen
        for sub in self.store.list(ctx.platform, ctx.channel):
            if (sub.story, sub.topic, sub.schedule) == (story, topic, schedule):
                if sub.state == PAUSED:
                    self.store.resume(sub.id)
                    return Reply(message=f"Resumed daily briefing #{sub.id} (it was paused: {sub.paused_reason}). "
                                         f"Next post: {next_run_text(self.store.get(sub.id), self.next_run)}.")
                if sub.quiet != quiet:
                    self.store.set_quiet(sub.id, quiet)
                    return Reply(message=f"Daily briefing #{sub.id} now {quiet_text(self.store.get(sub.id))}.")
                return Reply(message=f"This channel already has that daily briefing: #{sub.id}.", ephemeral=True)
        try:
            sub = self.store.add(ctx.platform, ctx.channel, schedule, topic, team=ctx.team, created_by=ctx.user,
                                 story=story, quiet=quiet)
        except DuplicateSubscriptionError as exc:  # made meanwhile from the CLI or another chat process
            return Reply(message=f"This channel already has that daily briefing: #{exc.existing}.", ephemeral=True)
        quiet_note = f", {quiet_text(sub)}" if sub.quiet else ""
        return Reply(message=f"Subscribed #{sub.id}: the {briefing_name(story, topic)} briefing, "
                             f"{schedule.describe()}{quiet_note}. Next post: {next_run_text(sub, self.next_run)}.")

    def _story_topic(self, words: str | None) -> tuple[str | None, str | None] | Reply:
        """(story, topic key) of `[story] [topic]`; a Reply when the topic is unknown or the story unclear."""
        routed = route(self.service, words or "", "/briefing subscribe")
        if routed.source is None:
            return Reply(message=f"Could not subscribe: {routed.question}", ephemeral=True,
                         suggestions=routed.suggestions)
        if not routed.topic:
            return routed.story, None
        briefing = routed.source.brief(routed.topic)
        if briefing.is_empty:
            return unknown_topic(routed.source, routed.topic, f"Unknown topic “{routed.topic}”")
        return routed.story, briefing.topic or routed.topic

    def unsubscribe(self, args: list[str], ctx: CommandContext) -> Reply:
        here = self.store.list(ctx.platform, ctx.channel)
        if args:
            text = args[0].lstrip("#")
            chosen = [s for s in here if text.isdigit() and len(text) <= MAX_ID_DIGITS and s.id == int(text)]
            if not chosen:
                text = text[:MAX_ID_DIGITS + 2]
                return Reply(message=f"No subscription #{text} in this channel. `/briefing subscriptions` "
                                     f"lists them.", ephemeral=True)
        elif len(here) == 1:
            chosen = here
        elif not here:
            return Reply(message="This channel has no daily briefings.", ephemeral=True)
        else:
            lines = "\n".join(summary_line(s, self.next_run) for s in here)
            return Reply(message=f"This channel has several daily briefings; say which, e.g. "
                                 f"`/briefing unsubscribe {here[0].id}`:\n{lines}", ephemeral=True)
        self.store.delete(chosen[0].id)
        return Reply(message=f"Unsubscribed #{chosen[0].id} ({briefing_name(chosen[0].story, chosen[0].topic)}, "
                             f"{chosen[0].schedule.describe()}).")

    def subscriptions(self, ctx: CommandContext) -> Reply:
        here = self.store.list(ctx.platform, ctx.channel)
        if not here:
            return Reply(message=f"This channel has no daily briefings. {USAGE}", ephemeral=True)
        lines = "\n".join(summary_line(s, self.next_run) for s in here)
        return Reply(message=f"Daily briefings in this channel:\n{lines}", ephemeral=True)
