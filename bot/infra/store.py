"""The store: subscriptions, the delivery ledger and the scheduler lock (SQLite by default, PostgreSQL alike).

This database is the one source of truth for schedules. APScheduler keeps its jobs in its in-memory job store
and the clock re-derives them from here on start and whenever `version()` changes. Jobs are deliberately not
pickled into the database with SQLAlchemyJobStore: a pickled job store must never be shared between
schedulers, pickles break when code moves, and a second copy of the schedule could disagree with this one.
Only portable SQL is used (unique constraints decide claims and the lock), so several processes on
PostgreSQL (web, worker, clock) see the same state.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import (Boolean, Column, Index, Integer, MetaData, String, Table, UniqueConstraint, create_engine,
                        delete, false, func, insert, or_, select, update)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from bot.app.errors import DuplicateSubscriptionError
from bot.app.ports import ACTIVE, PAUSED, Subscription
from bot.app.schedules import MAX_CRON, Schedule
from bot.app.subscriptions import MAX_CHANNEL, MAX_TOPIC
from bot.infra.sql import UTCDateTime
from bot.infra.store_migrations import add_missing_columns, replace_index, tolerant

UTC = timezone.utc
LOCK_NAME, VERSION_KEY = "clock", "subscriptions_version"
MAX_REASON = 300  # characters of a pause reason kept
MAX_ERROR = 500  # characters of an error kept
SQLITE_BUSY_SECONDS = 30  # wait for another process's write instead of failing with "database is locked"
MAX_ID = 2**63 - 1  # ids beyond a 64-bit integer name no row (and would overflow the driver)
MAX_STORY = 100  # characters of a story (folder) name


metadata = MetaData()

subscriptions = Table(
    "subscriptions", metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", String(16), nullable=False),  # slack | discord
    Column("channel", String(MAX_CHANNEL), nullable=False),
    Column("team", String(64), nullable=False, default=""),  # Slack team / Discord guild
    Column("topic", String(MAX_TOPIC)),  # NULL: the overview
    Column("at_time", String(5)),  # HH:MM, or NULL with cron
    Column("days", String(40)),  # day names (mon-fri); NULL: every day
    Column("cron", String(MAX_CRON)),  # 5-field crontab, or NULL with at_time
    Column("timezone", String(64), nullable=False),
    Column("created_by", String(64), nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("state", String(16), nullable=False, default=ACTIVE),  # active | paused
    Column("paused_reason", String(MAX_REASON)),
    Column("last_post_at", UTCDateTime),
    Column("last_error", String(MAX_ERROR)),
    Column("story", String(MAX_STORY)),  # story folder under the documents root; NULL: the root is one story
    Column("quiet", Boolean, server_default=false()),  # post nothing when nothing is new (NULL: no, an older row)
    sqlite_autoincrement=True,  # never reuse an id a user has seen
)
# One subscription per channel, story, topic and schedule, however it was made (chat, CLI, two processes at
# once). NULL (the overview, a daily time without days) counts as one value, so the columns are coalesced.
unique_subscription = Index(
    "uq_subscriptions_channel_story_topic_schedule", subscriptions.c.platform, subscriptions.c.channel,
    *(func.coalesce(subscriptions.c[name], "") for name in ("story", "topic", "at_time", "days", "cron")),
    subscriptions.c.timezone, unique=True,
)
REPLACED_INDEXES = ("uq_subscriptions_channel_topic_schedule",)  # the unique key before stories

deliveries = Table(
    "deliveries", metadata,
    Column("id", Integer, primary_key=True),
    Column("subscription_id", Integer, nullable=False),
    Column("slot", UTCDateTime, nullable=False),  # the scheduled fire time
    Column("state", String(16), nullable=False),  # claimed | sent | failed | skipped | quiet
    Column("claimed_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime),
    Column("attempts", Integer, nullable=False, default=1),
    Column("error", String(MAX_ERROR)),
    UniqueConstraint("subscription_id", "slot", name="uq_deliveries_subscription_slot"),
)

scheduler_lock = Table(
    "scheduler_lock", metadata,
    Column("name", String(32), primary_key=True),  # one row: LOCK_NAME
    Column("owner", String(200), nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
)

store_meta = Table(
    "store_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Integer, nullable=False),
)


def _subscription(row) -> Subscription:
    schedule = Schedule(row.timezone, at=row.at_time, days=row.days, cron=row.cron)
    return Subscription(row.id, row.platform, row.channel, row.team, row.topic, schedule, row.created_by,
                        row.created_at, row.state, row.paused_reason, row.last_post_at, row.last_error, row.story,
                        bool(row.quiet))


@dataclass(frozen=True)
class Delivery:
    subscription_id: int
    slot: datetime
    state: str
    claimed_at: datetime
    sent_at: datetime | None
    attempts: int
    error: str | None


def now_utc() -> datetime:
    return datetime.now(UTC)


class Store:
    """Thread-safe (one engine, short transactions); blocking: call from worker threads in async code."""

    def __init__(self, url: str) -> None:
        args = {"timeout": SQLITE_BUSY_SECONDS} if url.startswith("sqlite") else {}
        self.engine: Engine = create_engine(url, connect_args=args, pool_pre_ping=True)
        try:
            metadata.create_all(self.engine)
        except (OperationalError, ProgrammingError):
            metadata.create_all(self.engine)  # another process created the tables at the same moment
        tolerant(self.engine, insert(store_meta).values(key=VERSION_KEY, value=0))  # or another process did
        add_missing_columns(self.engine, subscriptions)  # a store made before a column was added
        replace_index(self.engine, unique_subscription, REPLACED_INDEXES)

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    # --- subscriptions -------------------------------------------------------------------------------------

    def version(self) -> int:
        """A stamp that changes whenever any subscription changes (the clock polls it)."""
        with self._tx() as conn:
            return conn.execute(select(store_meta.c.value).where(store_meta.c.key == VERSION_KEY)).scalar_one()

    def _bump(self, conn: Connection) -> None:
        conn.execute(update(store_meta).where(store_meta.c.key == VERSION_KEY).values(value=store_meta.c.value + 1))

    def add(self, platform: str, channel: str, schedule: Schedule, topic: str | None = None, team: str = "",
            created_by: str = "", created_at: datetime | None = None, story: str | None = None,
            quiet: bool = False) -> Subscription:
        values = dict(platform=platform, channel=channel, team=team or "", topic=topic, at_time=schedule.at,
                      days=schedule.days, cron=schedule.cron, timezone=schedule.timezone, created_by=created_by or "",
                      created_at=created_at or now_utc(), state=ACTIVE, story=story, quiet=quiet)
        try:
            with self._tx() as conn:
                new_id = conn.execute(insert(subscriptions).values(**values)).inserted_primary_key[0]
                self._bump(conn)
        except IntegrityError:  # the unique index: this channel has this story, topic and schedule already
            same = next((s.id for s in self.list(platform, channel)
                         if (s.story, s.topic, s.schedule) == (story, topic, schedule)), None)
            raise DuplicateSubscriptionError(f"{platform}:{channel} already has the {topic or 'overview'} briefing "
                                             f"{schedule.describe()}: subscription {same}", same) from None
        return self.get(new_id)

    def get(self, sub_id: int) -> Subscription | None:
        if not 0 < sub_id <= MAX_ID:
            return None
        with self._tx() as conn:
            row = conn.execute(select(subscriptions).where(subscriptions.c.id == sub_id)).first()
        return _subscription(row) if row else None

    def list(self, platform: str | None = None, channel: str | None = None,
             state: str | None = None) -> list[Subscription]:
        query = select(subscriptions).order_by(subscriptions.c.id)
        for column, value in (("platform", platform), ("channel", channel), ("state", state)):
            if value is not None:
                query = query.where(subscriptions.c[column] == value)
        with self._tx() as conn:
            return [_subscription(row) for row in conn.execute(query)]

    def delete(self, sub_id: int) -> bool:
        if not 0 < sub_id <= MAX_ID:
            return False
        with self._tx() as conn:
            gone = conn.execute(delete(subscriptions).where(subscriptions.c.id == sub_id)).rowcount
            conn.execute(delete(deliveries).where(deliveries.c.subscription_id == sub_id))
            self._bump(conn)
        return bool(gone)

    def pause(self, sub_id: int, reason: str) -> None:
        with self._tx() as conn:
            conn.execute(update(subscriptions).where(subscriptions.c.id == sub_id)
                         .values(state=PAUSED, paused_reason=reason[:MAX_REASON], last_error=reason[:MAX_ERROR]))
            self._bump(conn)

    def resume(self, sub_id: int) -> None:
        with self._tx() as conn:
            conn.execute(update(subscriptions).where(subscriptions.c.id == sub_id)
                         .values(state=ACTIVE, paused_reason=None, last_error=None))
            self._bump(conn)

    def set_quiet(self, sub_id: int, quiet: bool) -> None:
        with self._tx() as conn:
            conn.execute(update(subscriptions).where(subscriptions.c.id == sub_id).values(quiet=quiet))
            self._bump(conn)

    def record_result(self, sub_id: int, posted_at: datetime | None = None, error: str | None = None) -> None:
        """After a post: the time it went out, or the error (status only; no version bump)."""
        values = {"last_post_at": posted_at, "last_error": None} if posted_at else {"last_error": (error or "")[:MAX_ERROR]}
        with self._tx() as conn:
            conn.execute(update(subscriptions).where(subscriptions.c.id == sub_id).values(**values))

    # --- delivery ledger -----------------------------------------------------------------------------------

    def claim(self, sub_id: int, slot: datetime, state: str = "claimed", error: str | None = None) -> bool:
        """Claim one (subscription, slot) before posting; False if anyone claimed it before (unique key)."""
        try:
            with self._tx() as conn:
                conn.execute(insert(deliveries).values(subscription_id=sub_id, slot=slot, state=state,
                                                       claimed_at=now_utc(), attempts=1, error=error))
            return True
        except IntegrityError:
            return False

    def finish(self, sub_id: int, slot: datetime, state: str, error: str | None = None, attempts: int = 1) -> None:
        values = {"state": state, "error": (error or None) and error[:MAX_ERROR], "attempts": attempts}
        if state == "sent":
            values["sent_at"] = now_utc()
        with self._tx() as conn:
            conn.execute(update(deliveries).where(deliveries.c.subscription_id == sub_id,
                                                  deliveries.c.slot == slot).values(**values))

    def unclaim(self, sub_id: int, slot: datetime) -> None:
        """Hand back a claim whose post never started, so that the next clock posts that slot once."""
        with self._tx() as conn:
            conn.execute(delete(deliveries).where(deliveries.c.subscription_id == sub_id,
                                                  deliveries.c.slot == slot, deliveries.c.state == "claimed"))

    def deliveries(self, sub_id: int | None = None, state: str | None = None) -> list[Delivery]:
        query = select(deliveries).order_by(deliveries.c.slot)
        if sub_id is not None:
            query = query.where(deliveries.c.subscription_id == sub_id)
        if state is not None:
            query = query.where(deliveries.c.state == state)
        with self._tx() as conn:
            return [Delivery(*r[1:]) for r in conn.execute(query)]

    def delivery(self, sub_id: int, slot: datetime) -> Delivery | None:
        with self._tx() as conn:
            r = conn.execute(select(deliveries).where(deliveries.c.subscription_id == sub_id,
                                                      deliveries.c.slot == slot)).first()
        return Delivery(*r[1:]) if r else None

    # --- scheduler lock: exactly one clock per store ---------------------------------------------------------

    def acquire_lock(self, owner: str, ttl: float, preempt: str | None = None) -> bool:
        """Take the clock lock if it is free, expired, ours, or held by an owner starting with `preempt`."""
        now = now_utc()
        expires = now + timedelta(seconds=ttl)
        takeable = [scheduler_lock.c.expires_at < now, scheduler_lock.c.owner == owner]
        if preempt:
            takeable.append(scheduler_lock.c.owner.startswith(preempt, autoescape=True))
        with self._tx() as conn:
            taken = conn.execute(
                update(scheduler_lock).where(scheduler_lock.c.name == LOCK_NAME, or_(*takeable))
                .values(owner=owner, expires_at=expires)
            ).rowcount
        if taken:
            return True
        try:
            with self._tx() as conn:
                conn.execute(insert(scheduler_lock).values(name=LOCK_NAME, owner=owner, expires_at=expires))
            return True
        except IntegrityError:
            return False

    def heartbeat(self, owner: str, ttl: float) -> bool:
        """Extend our lock; False if someone else holds it now."""
        with self._tx() as conn:
            return bool(conn.execute(
                update(scheduler_lock).where(scheduler_lock.c.name == LOCK_NAME, scheduler_lock.c.owner == owner)
                .values(expires_at=now_utc() + timedelta(seconds=ttl))
            ).rowcount)

    def release_lock(self, owner: str) -> None:
        with self._tx() as conn:
            conn.execute(delete(scheduler_lock).where(scheduler_lock.c.name == LOCK_NAME,
                                                      scheduler_lock.c.owner == owner))

    def lock_holder(self) -> tuple[str, datetime] | None:
        with self._tx() as conn:
            row = conn.execute(select(scheduler_lock).where(scheduler_lock.c.name == LOCK_NAME)).first()
        return (row.owner, row.expires_at) if row else None
