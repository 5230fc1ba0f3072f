"""`python -m bot run` (every configured chat platform and the clock in one asyncio process) and `clock`."""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable

from bot.app.commands import Router
from bot.app.errors import ConfigError
from bot.app.ports import BriefingSource
from bot.chat import discord as discord_chat
from bot.chat import slack as slack_chat
from bot.cli.basics import build_desk
from bot.cli.wiring import build_clock, build_router, http_host
from bot.infra.clock import serve_clock
from config.settings import Settings

log = logging.getLogger(__name__)

NOTHING_CONFIGURED = """\
No chat platform is configured. Set, in the environment or a .env file:
  Discord: BRIEFING_DISCORD_TOKEN
  Slack:   BRIEFING_SLACK_BOT_TOKEN, plus BRIEFING_SLACK_APP_TOKEN (Socket Mode)
           or BRIEFING_SLACK_SIGNING_SECRET (HTTP mode, on $PORT)
To try the briefings locally without any chat account: python -m bot brief nato"""


def run_until_signal(main: Awaitable[None]) -> None:
    """Run `main` until it ends or SIGTERM/SIGINT cancels it (process managers stop processes with SIGTERM)."""

    async def runner() -> None:
        task = asyncio.ensure_future(main)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not on this platform / thread
                loop.add_signal_handler(sig, task.cancel)
        with contextlib.suppress(asyncio.CancelledError):
            await task

    asyncio.run(runner())


async def serve_all(settings: Settings, service: BriefingSource, router: Router) -> None:
    """Each configured adapter and the clock, concurrently; the first to fail stops the others."""
    # standby: if a dedicated `clock` process runs on this store, it schedules and this one waits
    services: list[Awaitable[None]] = [serve_clock(build_clock(settings, service, standby=True))]
    if settings.discord_enabled:
        services.append(discord_chat.serve(settings.discord, service, router))
    if settings.slack_enabled:
        if settings.slack.app_token:
            services.append(slack_chat.serve_socket(settings.slack, router))
        else:
            services.append(slack_chat.serve_http(settings.slack, router, settings.port, http_host(settings)))
    tasks = [asyncio.ensure_future(s) for s in services]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for task in done:
            task.result()  # re-raise the first failure
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def run_command(args: argparse.Namespace, settings: Settings) -> int:
    """`python -m bot run`."""
    if not (settings.discord_enabled or settings.slack_enabled):
        raise ConfigError(NOTHING_CONFIGURED)
    desk = build_desk(settings)
    desk.topics()  # a bad profile fails now, not on the first command
    run_until_signal(serve_all(settings, desk, build_router(settings, desk)))
    return 0


def clock_command(args: argparse.Namespace, settings: Settings) -> int:
    """`python -m bot clock`: the daily-post scheduler alone, until SIGTERM/SIGINT."""
    run_until_signal(serve_clock(build_clock(settings, build_desk(settings))))
    return 0
