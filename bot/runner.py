"""`python -m bot run`: every configured chat platform and the clock in one asyncio process; shared wiring."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Awaitable

from bot.router import Router
from bot.service import BriefingService
from config.settings import Settings

log = logging.getLogger(__name__)

NOTHING_CONFIGURED = """\
No chat platform is configured. Set, in the environment or a .env file:
  Discord: BRIEFING_DISCORD_TOKEN
  Slack:   BRIEFING_SLACK_BOT_TOKEN, plus BRIEFING_SLACK_APP_TOKEN (Socket Mode)
           or BRIEFING_SLACK_SIGNING_SECRET (HTTP mode, on $PORT)
To try the briefings locally without any chat account: python -m bot brief nato"""


def build_service(settings: Settings) -> BriefingService:
    """The briefing service of settings.documents and settings.profile ('auto': discover from documents)."""
    return BriefingService.from_settings(settings, warn=log.warning)


def build_router(settings: Settings, service) -> Router:
    """The `/briefing` router with subscriptions backed by the store (what both chat adapters should use)."""
    from bot.store import Store
    from bot.subscription_commands import SubscriptionCommands

    return Router(service, SubscriptionCommands(lambda: Store(settings.database_url), service, settings))


def run_until_signal(main: Awaitable[None]) -> None:
    """Run `main` until it ends or SIGTERM/SIGINT cancels it (process managers stop processes with SIGTERM)."""

    async def runner() -> None:
        task = asyncio.ensure_future(main)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, task.cancel)
        with contextlib.suppress(asyncio.CancelledError):
            await task

    asyncio.run(runner())


async def serve_all(settings: Settings, service, router: Router) -> None:
    """Each configured adapter and the clock, concurrently; the first to fail stops the others."""
    from bot.scheduling import serve_clock

    # standby: if a dedicated `clock` process runs on this store, it schedules and this one waits
    services: list[Awaitable[None]] = [serve_clock(settings, service, standby=True)]
    if settings.discord_enabled:
        from bot.discord_adapter import serve

        services.append(serve(settings, service, router))
    if settings.slack_enabled:
        from bot import slack_adapter

        if settings.secret("slack_app_token"):
            services.append(slack_adapter.serve_socket(settings, router))
        else:
            services.append(slack_adapter.serve_http(settings, router, settings.port))
    tasks = [asyncio.ensure_future(s) for s in services]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for task in done:
            task.result()  # re-raise the first failure
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def cli(args, settings: Settings) -> int:
    """`python -m bot run`."""
    from bot.scheduling import EXIT_LOCKED, ClockLockedError

    if not (settings.discord_enabled or settings.slack_enabled):
        print(NOTHING_CONFIGURED, file=sys.stderr)
        return 2
    service = build_service(settings)
    service.analysis()  # a bad profile fails now, not on the first command
    try:
        run_until_signal(serve_all(settings, service, build_router(settings, service)))
    except ClockLockedError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    return 0
