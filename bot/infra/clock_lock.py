"""The store's clock lock as a dedicated clock takes it: exactly one scheduler per store."""
from __future__ import annotations

import asyncio
import logging
from functools import partial

from bot.app.errors import ClockLockedError
from bot.infra.store import Store, now_utc

log = logging.getLogger("bot.infra.clock")
STANDBY_ROLE = "run:"  # lock owners with this prefix give way to a dedicated clock


async def take_lock(store: Store, owner: str, lock_ttl: float) -> None:
    """Take the store's clock lock; wait out a crashed holder's lock, refuse (ClockLockedError) if it is alive."""
    take = partial(store.acquire_lock, owner, lock_ttl, STANDBY_ROLE)
    if await asyncio.to_thread(take):
        return
    holder = await asyncio.to_thread(store.lock_holder)
    if holder is not None:
        wait = min((holder[1] - now_utc()).total_seconds(), lock_ttl) + 0.5
        log.info("clock: lock held by %s; waiting %.1f s to see whether it is alive", holder[0], wait)
        await asyncio.sleep(max(wait, 0))
        if await asyncio.to_thread(take):
            return
        holder = await asyncio.to_thread(store.lock_holder) or holder
    owner_text = holder[0] if holder else "unknown"
    raise ClockLockedError(
        f"another clock is running on this store ({owner_text}); exactly one clock may run per store. "
        f"Stop it first (its lock expires {lock_ttl:g} s after its last heartbeat)."
    )
