"""What moved since a moment: the "new" mark on positions, the note saying what is new (or that nothing is), the
post a subscription makes, and the ages people type (`brief --since 24h`, `/briefing nato since:yesterday`)."""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from bot.app.errors import UsageError
from bot.app.ports import BriefingSource, FreshBriefingSource, Subscription
from summarizer import Briefing, Position
from summarizer.text import dedupe_key

UTC = timezone.utc
AGES = "30m, 24h, 7d or yesterday"
MOMENT = "%Y-%m-%d %H:%M UTC"  # how a note names the moment it counts from


def age(text: str) -> timedelta:
    """'30m', '24h', '7d', 'yesterday' as a duration; UsageError naming the text otherwise."""
    if text.strip().lower() == "yesterday":
        return timedelta(days=1)
    match = re.fullmatch(r"\s*(\d{1,6})\s*([mhd])\s*", text.lower())
    if not match or int(match.group(1)) == 0:
        raise UsageError(f"{text}: give an age or interval such as 30m, 24h or 7d")
    return timedelta(**{{"m": "minutes", "h": "hours", "d": "days"}[match.group(2)]: int(match.group(1))})


def moment_ago(text: str, now: datetime | None = None) -> datetime:
    """The moment `text` ago ('24h', 'yesterday'), in UTC; UsageError naming the value otherwise."""
    try:
        return (now or datetime.now(UTC)) - age(text)
    except (UsageError, OverflowError):
        raise UsageError(f"since {text[:40]!r}: give an age such as {AGES}") from None


def statement_key(quote: str) -> str:
    """How a position's source is matched with a statement the index first saw at some moment."""
    return dedupe_key(quote)


def is_new(position: Position, new_keys: Collection[str]) -> bool:
    """New when every statement behind it is new: a line the previous post could already have said is not."""
    return bool(position.sources) and all(statement_key(s.quote) in new_keys for s in position.sources)


def mark_new(briefing: Briefing, new_keys: Collection[str] | None = None) -> Briefing:
    """Each position flagged new or not (None: every position, for a briefing made only of new statements)."""
    def flag(position: Position) -> Position:
        return replace(position, new=new_keys is None or is_new(position, new_keys))

    parties = tuple(replace(p, positions=tuple(flag(pos) for pos in p.positions)) for p in briefing.parties)
    return replace(briefing, parties=parties)


def changes_note(fresh: Briefing, since: datetime, marked: int = 0) -> str:
    """'New since <moment>: Party (n), …' (and how many lines below carry the mark), or 'No new statements since'."""
    moment = since.astimezone(UTC).strftime(MOMENT)
    counts = [(p.name, len(p.positions)) for p in fresh.parties if p.positions]
    if not counts:
        return f"No new statements since {moment}."
    news = ", ".join(f"{name} ({n})" for name, n in counts)
    return f"New since {moment}: {news}" + (f"; {marked} of the lines below are marked new." if marked else ".")


def with_changes(briefing: Briefing, fresh: Briefing, since: datetime, new_keys: Collection[str]) -> Briefing:
    """The briefing with its new positions marked and a note of what is new since the channel's previous post."""
    marked = mark_new(briefing, new_keys)
    count = sum(pos.new for p in marked.parties for pos in p.positions)
    return replace(marked, notes=marked.notes + (changes_note(fresh, since, count),))


def scheduled_briefing(service: BriefingSource, sub: Subscription) -> Briefing | None:
    """A subscription's post. The first one marks nothing (a backlog never floods a channel); later ones mark
    what is new since the previous post. None: the subscription is quiet and nothing is new (post nothing)."""
    briefing = service.brief(sub.topic)
    if sub.last_post_at is None or not isinstance(service, FreshBriefingSource):
        return briefing
    fresh = service.changes(sub.topic, sub.last_post_at)
    if fresh.is_empty and sub.quiet:
        return None
    return with_changes(briefing, fresh, sub.last_post_at, service.new_statements(sub.last_post_at))


def since_briefing(service: FreshBriefingSource, topic: str | None, since: datetime) -> Briefing:
    """Only what is new since `since`, every line marked, with the note (`brief --since`, `/briefing … since:`)."""
    fresh = mark_new(service.changes(topic, since))
    return replace(fresh, notes=(changes_note(fresh, since),) + fresh.notes)
