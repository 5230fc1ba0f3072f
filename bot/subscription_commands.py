"""`/briefing subscribe | unsubscribe | subscriptions` from Slack and Discord (router.SubscriptionCommands)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.router import CommandContext, Reply
from bot.schedules import Schedule, ScheduleError
from bot.store import Store, Subscription
from config.settings import Settings

CLAUSES = ("at", "tz", "days")
USAGE = ("Usage: `/briefing subscribe [topic] [at HH:MM] [tz Zone] [days mon-fri]` (defaults: the overview, "
         "at 08:00, every day), `/briefing subscriptions`, `/briefing unsubscribe [id]`.")
NOT_ALLOWED = ("Only members who can manage this channel (Manage Channels) may change its daily briefings. "
               "`/briefing subscriptions` shows them.")


def local_time(when: datetime | None, zone: str) -> str:
    """'Wed 2026-11-25 08:00 CET' in the subscription's zone, or 'never'."""
    return when.astimezone(ZoneInfo(zone)).strftime("%a %Y-%m-%d %H:%M %Z") if when else "never"


def next_run(sub: Subscription, now: datetime | None = None) -> str:
    if sub.state != "active":
        return "— (paused)"
    return local_time(sub.schedule.next_run(now), sub.schedule.timezone)


def state_text(sub: Subscription) -> str:
    if sub.state == "paused":
        return f"paused: {sub.paused_reason or 'no reason recorded'}"
    return f"active (last error: {sub.last_error})" if sub.last_error else "active"


def summary_line(sub: Subscription) -> str:
    return (f"#{sub.id} · {sub.topic or 'overview'} · {sub.schedule.describe()} · next {next_run(sub)} · "
            f"last post {local_time(sub.last_post_at, sub.schedule.timezone)} · {state_text(sub)}")


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

    def __init__(self, store: Store | Callable[[], Store], service, settings: Settings) -> None:
        self._store, self.service, self.settings = store, service, settings

    @property
    def store(self) -> Store:
        """Opened on first use, so a chat process touches the database only when subscriptions are used."""
        if not isinstance(self._store, Store):
            self._store = self._store()
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
        try:
            words, clauses = split_clauses(args)
            schedule = Schedule.parse(at=clauses.get("at"), days=clauses.get("days"),
                                      tz=clauses.get("tz") or self.settings.timezone)
        except ScheduleError as exc:
            return Reply(message=f"Could not subscribe: {exc}. {USAGE}", ephemeral=True)
        topic = None
        if words:
            briefing = self.service.brief(words)
            if briefing.is_empty:
                suggestions = tuple(self.service.suggest(words))
                known = ", ".join(f"`{s}`" for s in suggestions) or "none yet"
                return Reply(message=f"Unknown topic “{words}”. Closest known topics: {known}.",
                             ephemeral=True, suggestions=suggestions)
            topic = briefing.topic or words
        for sub in self.store.list(ctx.platform, ctx.channel):
            if sub.topic == topic and sub.schedule == schedule:
                if sub.state == "paused":
                    self.store.resume(sub.id)
                    return Reply(message=f"Resumed daily briefing #{sub.id} (it was paused: {sub.paused_reason}). "
                                         f"Next post: {next_run(self.store.get(sub.id))}.")
                return Reply(message=f"This channel already has that daily briefing: #{sub.id}.", ephemeral=True)
        sub = self.store.add(ctx.platform, ctx.channel, schedule, topic, team=ctx.team, created_by=ctx.user)
        return Reply(message=f"Subscribed #{sub.id}: the {topic or 'overview'} briefing, "
                             f"{schedule.describe()}. Next post: {next_run(sub)}.")

    def unsubscribe(self, args: list[str], ctx: CommandContext) -> Reply:
        here = self.store.list(ctx.platform, ctx.channel)
        if args:
            text = args[0].lstrip("#")
            chosen = [s for s in here if text.isdigit() and s.id == int(text)]
            if not chosen:
                return Reply(message=f"No subscription #{text} in this channel. `/briefing subscriptions` "
                                     f"lists them.", ephemeral=True)
        elif len(here) == 1:
            chosen = here
        elif not here:
            return Reply(message="This channel has no daily briefings.", ephemeral=True)
        else:
            lines = "\n".join(summary_line(s) for s in here)
            return Reply(message=f"This channel has several daily briefings; say which, e.g. "
                                 f"`/briefing unsubscribe {here[0].id}`:\n{lines}", ephemeral=True)
        self.store.delete(chosen[0].id)
        return Reply(message=f"Unsubscribed #{chosen[0].id} ({chosen[0].topic or 'overview'}, "
                             f"{chosen[0].schedule.describe()}).")

    def subscriptions(self, ctx: CommandContext) -> Reply:
        here = self.store.list(ctx.platform, ctx.channel)
        if not here:
            return Reply(message=f"This channel has no daily briefings. {USAGE}", ephemeral=True)
        lines = "\n".join(summary_line(s) for s in here)
        return Reply(message=f"Daily briefings in this channel:\n{lines}", ephemeral=True)
