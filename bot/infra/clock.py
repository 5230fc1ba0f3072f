"""The clock: one APScheduler job per active subscription, derived from the store; exactly-once posting.

Jobs live in APScheduler's in-memory job store and are rebuilt from the database on start and whenever the
store's version stamp changes (polled every few seconds, so changes from chat or from the CLI in another
process apply without a restart). Every post first claims (subscription, slot) in the delivery ledger; the
unique key makes a second trigger, a catch-up after restart, or an overlapping run a no-op. A claim left
behind by a process that died mid-post is never re-sent: delivery is at most once per slot.
"""
from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app.desk import story_source
from bot.app.errors import ClockLockedError, DeliveryError, DeliveryInterrupted, PermanentDeliveryError
from bot.app.freshness import scheduled_briefing
from bot.app.ports import ACTIVE, BriefingSource, Deliver, Subscription, Target
from bot.app.schedules import Schedule
from bot.app.subscriptions import dated
from bot.infra.clock_lock import STANDBY_ROLE, take_lock
from bot.infra.store import Store, now_utc
from bot.infra.triggers import last_slot, trigger

log = logging.getLogger(__name__)
UTC = timezone.utc
POLL_SECONDS = 10.0  # how soon a change made elsewhere reaches the running clock
GRACE_SECONDS = 3600  # a slot missed by less than this (downtime, busy loop) is still posted
DRAIN_SECONDS = 20.0  # how long stop() waits for posts in progress
MIN_LOCK_TTL = 30.0  # seconds; the lock lives at least this long, and LOCK_TTL_POLLS polls
LOCK_TTL_POLLS = 3  # heartbeats a lock survives missing before another clock may take it
REFRESH_SECONDS = 1800.0  # how often feeds, pages and the folder are read into the index (BRIEFING_REFRESH)
REFRESH_JOB = "refresh-index"
QUIET = "quiet: no new statements since the previous post, nothing posted"
INTERRUPTED = "interrupted: the clock stopped before confirming this post; not re-sent (at most once per slot)"


def job_id(sub_id: int) -> str:
    return f"sub-{sub_id}"


class Clock:
    """Runs the subscriptions of one store on an AsyncIOScheduler; start() and stop() on the running loop.

    A dedicated clock (`python -m bot clock`) insists on the store's lock: it refuses to start while another
    dedicated clock is alive, and preempts a standby-capable one. With `standby=True` (the scheduler inside
    `python -m bot run`) it only takes a free lock, otherwise waits as a standby and takes over when the
    lock frees up; preempted, it goes back to standby. Either way one clock schedules per store.
    """

    def __init__(self, service: BriefingSource, store: Store, deliver: Deliver, *, grace: int = GRACE_SECONDS,
                 poll_seconds: float = POLL_SECONDS, lock_ttl: float | None = None,
                 drain_seconds: float = DRAIN_SECONDS, standby: bool = False,
                 refresh: Callable[[], object] | None = None, refresh_seconds: float = REFRESH_SECONDS) -> None:
        self.service, self.store, self.deliver = service, store, deliver
        self.refresh, self.refresh_seconds = refresh, refresh_seconds
        self.grace = grace
        self.poll_seconds = poll_seconds
        self.lock_ttl = lock_ttl if lock_ttl is not None else max(MIN_LOCK_TTL, LOCK_TTL_POLLS * poll_seconds)
        self.drain_seconds = drain_seconds
        self.standby = standby
        role = STANDBY_ROLE if standby else "clock:"
        self.owner = f"{role}{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.scheduler: AsyncIOScheduler | None = None
        self._jobs: dict[str, Schedule] = {}
        self._version: int | None = None
        self._inflight: set[asyncio.Task] = set()
        self._poller: asyncio.Task | None = None
        self._locked = False

    @property
    def active(self) -> bool:
        return self.scheduler is not None

    # --- lifecycle -----------------------------------------------------------------------------------------

    async def start(self) -> None:
        if not self.standby:
            await take_lock(self.store, self.owner, self.lock_ttl)
            await self._activate()
        elif await asyncio.to_thread(self.store.acquire_lock, self.owner, self.lock_ttl):
            await self._activate()
        else:
            log.info("clock: another clock is active on this store; this one stands by")
        self._poller = asyncio.create_task(self._poll())

    async def run_forever(self) -> None:
        """Until cancelled, or until a dedicated clock loses its lock (ClockLockedError)."""
        await self._poller

    async def stop(self) -> None:
        if self._poller is not None:
            self._poller.cancel()
            await asyncio.gather(self._poller, return_exceptions=True)
        await self._deactivate()
        if self._locked:
            await asyncio.to_thread(self.store.release_lock, self.owner)
            self._locked = False
        log.info("clock: stopped")

    async def _activate(self) -> None:
        self._locked = True
        await self._close_interrupted_claims()
        self.scheduler = AsyncIOScheduler(timezone=UTC, job_defaults={
            "coalesce": True, "max_instances": 1, "misfire_grace_time": self.grace})
        self.scheduler.start()  # needs the running loop (APScheduler >= 3.11)
        self._jobs, self._version = {}, None
        if self.refresh is not None:  # feeds, pages and the folder into the index, now and then every interval
            self.scheduler.add_job(self._refresh, "interval", seconds=self.refresh_seconds, id=REFRESH_JOB,
                                   next_run_time=datetime.now(UTC))
        await self.sync()
        log.info("clock: scheduling %d subscription job(s) (%s)", len(self._jobs), self.owner)

    async def _refresh(self) -> None:
        try:
            await asyncio.to_thread(self.refresh)
        except Exception:  # noqa: BLE001 - a failed refresh must not stop the clock; the next interval retries
            log.exception("clock: refresh of the index failed")

    async def _deactivate(self) -> None:
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        self.scheduler, self._jobs = None, {}
        if self._inflight:  # let posts in progress finish, so their slots end as sent or failed
            _, waiting = await asyncio.wait(set(self._inflight), timeout=self.drain_seconds)
            for task in waiting:  # e.g. in a long Retry-After wait: stopped, each hands its slot back
                task.cancel()
            if waiting:
                await asyncio.wait(waiting, timeout=self.drain_seconds)

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self.poll_seconds)
            try:
                await self._tick()
            except ClockLockedError:
                raise
            except Exception:  # the database may be briefly unreachable: keep running, try again
                log.exception("clock: polling the store failed")

    async def _tick(self) -> None:
        """Heartbeat (or, on standby, try to take over), then re-sync if any subscription changed."""
        if not self._locked:
            if await asyncio.to_thread(self.store.acquire_lock, self.owner, self.lock_ttl):
                log.info("clock: the store's lock is free; taking over")
                await self._activate()
            return
        if not await asyncio.to_thread(self.store.heartbeat, self.owner, self.lock_ttl):
            self._locked = False
            if not self.standby:
                raise ClockLockedError("clock: lost the store's scheduler lock to another clock; stopping")
            log.warning("clock: another clock took over this store; standing by")
            await self._deactivate()
            return
        if await asyncio.to_thread(self.store.version) != self._version:
            await self.sync()

    # --- jobs derived from the store -----------------------------------------------------------------------

    async def sync(self) -> None:
        """Make the scheduler's jobs match the active subscriptions (one job each, id sub-<id>)."""
        version = await asyncio.to_thread(self.store.version)
        active = {job_id(s.id): s for s in await asyncio.to_thread(self.store.list, None, None, ACTIVE)}
        for jid in [j for j in self._jobs if j not in active]:
            self._remove_job(jid)
        added = []
        for jid, sub in active.items():
            if self._jobs.get(jid) != sub.schedule:
                self.scheduler.add_job(self._fire, trigger=trigger(sub.schedule), args=[sub.id], id=jid,
                                       name=f"{sub.target} {sub.topic or 'overview'}", replace_existing=True)
                self._jobs[jid] = sub.schedule
                added.append(sub)
        self._version = version
        for sub in added:
            await self._catch_up(sub)

    def _remove_job(self, jid: str) -> None:
        try:
            self.scheduler.remove_job(jid)
        except JobLookupError:
            pass
        self._jobs.pop(jid, None)

    async def _catch_up(self, sub: Subscription) -> None:
        """A slot missed while no job existed (downtime): post it once within the grace, else skip it once."""
        now = now_utc()
        slot = last_slot(sub.schedule, now)
        if slot is None or slot <= sub.created_at:
            return  # a new subscription never backfills
        if await asyncio.to_thread(self.store.delivery, sub.id, slot) is not None:
            return
        late = (now - slot).total_seconds()
        if late <= self.grace:
            log.info("clock: #%d missed %s by %.0f s (within the grace): posting it now", sub.id, slot, late)
            self._track(asyncio.create_task(self.run_slot(sub.id, slot)))
            return
        reason = f"missed by {late:.0f} s while the clock was down (grace {self.grace} s): skipped"
        if await asyncio.to_thread(self.store.claim, sub.id, slot, "skipped", reason):
            log.warning("clock: #%d slot %s %s", sub.id, slot.isoformat(), reason)

    async def _close_interrupted_claims(self) -> None:
        for claim in await asyncio.to_thread(self.store.deliveries, None, "claimed"):
            await asyncio.to_thread(self.store.finish, claim.subscription_id, claim.slot, "failed", INTERRUPTED)
            log.warning("clock: #%d slot %s %s", claim.subscription_id, claim.slot.isoformat(), INTERRUPTED)

    def _track(self, task: asyncio.Task) -> None:
        self._inflight.add(task)
        task.add_done_callback(self._inflight.discard)

    async def _fire(self, sub_id: int, slot: datetime | None = None) -> None:
        """The APScheduler job; the post itself is shielded so that shutdown lets it finish."""
        task = asyncio.ensure_future(self.run_slot(sub_id, slot))
        self._track(task)
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError:
            if task.done():
                raise
            log.info("clock: shutting down; the post for #%d may finish first", sub_id)  # stop() drains it

    # --- one post ------------------------------------------------------------------------------------------

    async def run_slot(self, sub_id: int, slot: datetime | None = None) -> str:
        """Claim, brief, render, deliver; returns sent | quiet | duplicate | failed | paused | unclaimed | inactive |
        none."""
        sub = await asyncio.to_thread(self.store.get, sub_id)
        if sub is None or sub.state != ACTIVE:
            return "inactive"
        slot = slot or last_slot(sub.schedule, now_utc())
        if slot is None:
            return "none"
        if not await asyncio.to_thread(self.store.claim, sub_id, slot):
            log.info("clock: #%d slot %s already claimed: not posting again", sub_id, slot.isoformat())
            return "duplicate"
        try:
            source = story_source(self.service, sub.story, sub.topic)  # the subscription's story, when several
            briefing = await asyncio.to_thread(scheduled_briefing, source, sub)
            made = now_utc()  # the index as briefed (refreshed first): the next post marks what it sees later
            day = slot.astimezone(ZoneInfo(sub.schedule.timezone)).date()
            attempts = None if briefing is None else await self.deliver(
                Target(sub.platform, sub.channel), dated(briefing, day), key=f"{sub_id}@{slot.isoformat()}")
        except DeliveryInterrupted as exc:
            return await self._interrupted(sub_id, slot, exc)
        except PermanentDeliveryError as exc:
            await asyncio.to_thread(self.store.finish, sub_id, slot, "failed", str(exc))
            await asyncio.to_thread(self.store.pause, sub_id, str(exc))
            if self.active:
                self._remove_job(job_id(sub_id))
            log.error("clock: #%d to %s paused: %s", sub_id, sub.target, exc)
            return "paused"
        except Exception as exc:
            reason = str(exc) if isinstance(exc, DeliveryError) else f"{type(exc).__name__}: {exc}"
            if not isinstance(exc, DeliveryError):
                log.exception("clock: #%d slot %s crashed", sub_id, slot.isoformat())
            await asyncio.to_thread(self.store.finish, sub_id, slot, "failed", reason)
            await asyncio.to_thread(self.store.record_result, sub_id, None, reason)
            log.error("clock: #%d to %s failed: %s", sub_id, sub.target, reason)
            return "failed"
        if attempts is None:  # a quiet subscription with nothing new: the slot is done, nothing posted
            await asyncio.to_thread(self.store.finish, sub_id, slot, "quiet", QUIET, 0)
            log.info("clock: #%d slot %s: %s", sub_id, slot.isoformat(), QUIET)
            return "quiet"
        await asyncio.to_thread(self.store.finish, sub_id, slot, "sent", None, attempts)
        await asyncio.to_thread(self.store.record_result, sub_id, made)
        log.info("clock: #%d posted slot %s to %s", sub_id, slot.isoformat(), sub.target)
        return "sent"

    async def _interrupted(self, sub_id: int, slot: datetime, exc: DeliveryInterrupted) -> str:
        """Shutdown stopped this post: hand the slot back when sending it again repeats nothing (the next clock
        posts it within the grace), else record what happened."""
        if exc.posted == 0 or exc.repeatable:
            await asyncio.to_thread(self.store.unclaim, sub_id, slot)
            log.warning("clock: #%d slot %s: %s; handed back to the next clock", sub_id, slot.isoformat(), exc)
            return "unclaimed"
        await asyncio.to_thread(self.store.finish, sub_id, slot, "failed", f"interrupted: {exc}")
        log.error("clock: #%d slot %s: %s; the rest was not sent (at most once)", sub_id, slot.isoformat(), exc)
        return "failed"


async def serve_clock(clock: Clock) -> None:
    """Run the scheduler until cancelled (REST posting only, no gateway); releases the lock on the way out."""
    await clock.start()
    try:
        await clock.run_forever()
    finally:
        await clock.stop()
