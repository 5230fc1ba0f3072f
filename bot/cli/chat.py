"""`python -m bot slack [--http]` and `python -m bot discord [sync | invite]`: one chat platform alone."""
from __future__ import annotations

import argparse
import asyncio

import discord

from bot.app.errors import UsageError
from bot.chat import discord as discord_chat
from bot.chat import slack as slack_chat
from bot.cli.run import run_until_signal
from bot.cli.basics import build_desk
from bot.cli.wiring import build_router, http_host
from config.settings import Settings

INVITE_URL = ("https://discord.com/oauth2/authorize?client_id={app_id}&scope=bot+applications.commands"
              "&permissions={permissions}")


def missing_slack_settings(settings: Settings, http: bool) -> list[str]:
    """Names of the environment variables this mode needs but does not have."""
    slack = settings.slack
    needed = {"BRIEFING_SLACK_BOT_TOKEN": slack.bot_token}
    if http:
        needed["BRIEFING_SLACK_SIGNING_SECRET"] = slack.signing_secret
    else:
        needed["BRIEFING_SLACK_APP_TOKEN"] = slack.app_token
    return [env for env, value in needed.items() if not value]


def slack_command(args: argparse.Namespace, settings: Settings) -> int:
    """`python -m bot slack [--http] [--port N]`: run until interrupted."""
    http = bool(getattr(args, "http", False))
    missing = missing_slack_settings(settings, http)
    if missing:
        hint = "" if http else " (or, for HTTP mode: --http with BRIEFING_SLACK_SIGNING_SECRET)"
        mode = "HTTP mode" if http else "Socket Mode"
        raise UsageError(f"Slack {mode} needs {' and '.join(missing)}{hint}")
    desk = build_desk(settings)
    desk.topics()  # read each story's documents and profile now: a bad profile fails at start, not on first command
    router = build_router(settings, desk)  # /briefing subscribe|unsubscribe|subscriptions backed by the store
    if http:
        port = args.port if getattr(args, "port", None) is not None else settings.port
        run_until_signal(slack_chat.serve_http(settings.slack, router, port,
                                               http_host(settings, getattr(args, "host", None))))
    else:
        run_until_signal(slack_chat.serve_socket(settings.slack, router))
    return 0


def discord_command(args: argparse.Namespace, settings: Settings) -> int:
    """`python -m bot discord [sync [--guild ID] | invite]`."""
    token = settings.discord.token
    if not token:
        raise UsageError("Discord needs a bot token: set BRIEFING_DISCORD_TOKEN (or DISCORD_TOKEN)")
    discord_chat.configure_endpoints(settings.discord)
    action = getattr(args, "discord_command", None)
    try:
        if action == "sync":
            return asyncio.run(sync_commands(token, getattr(args, "guild", None), getattr(args, "clear", False)))
        if action == "invite":
            return asyncio.run(print_invite(token))
        desk = build_desk(settings)
        run_until_signal(discord_chat.serve(settings.discord, desk, build_router(settings, desk)))
        return 0
    except discord.LoginFailure:
        raise UsageError("Discord rejected the bot token (BRIEFING_DISCORD_TOKEN)") from None
    except discord.PrivilegedIntentsRequired:  # cannot happen with our intents; kept for a clear message
        raise UsageError("Discord refused the intents requested") from None


async def sync_commands(token: str, guild_id: int | None, clear: bool = False) -> int:
    """Log in over REST only and register /briefing globally (up to an hour to show) or in one guild (instant).

    With `clear`, register nothing there instead (removes a development guild copy before a global sync).
    """
    async with discord_chat.BriefingClient() as client:
        await client.login(token)
        guild = discord.Object(id=guild_id) if guild_id else None
        if clear:
            client.tree.clear_commands(guild=guild)
        elif guild is not None:
            client.tree.copy_global_to(guild=guild)
        registered = await client.tree.sync(guild=guild)
    where = f"in guild {guild_id}" if guild_id else "globally (may take up to an hour to appear)"
    if clear:
        print(f"removed every command of application {client.application_id} {where.split(' (')[0]}")
    for command in registered:
        options = " ".join(f"[{o.name}]" for o in command.options)
        print(f"registered /{command.name} {options} {where} for application {client.application_id}")
    return 0


async def print_invite(token: str) -> int:
    """Print the invite URL: bot + applications.commands scopes and exactly PERMISSIONS."""
    async with discord_chat.BriefingClient() as client:
        await client.login(token)  # GET /oauth2/applications/@me gives the application id
        app_id = client.application_id
    print(INVITE_URL.format(app_id=app_id, permissions=discord_chat.PERMISSIONS.value))
    return 0


