"""Discord adapter: `/briefing` over the gateway (discord.py 2.x), plus `python -m bot discord sync|invite`."""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
from typing import Any, Protocol

import discord
import yarl
from discord import app_commands

from bot.discord_render import to_discord_embeds, to_messages
from bot.router import CommandContext, Reply, Router
from config.settings import Settings

log = logging.getLogger(__name__)

APOLOGY = "Sorry, the briefing could not be prepared just now. Please try again in a minute."
AUTOCOMPLETE_SECONDS = 2.0  # Discord drops an autocomplete answer after 3 s
CHOICES = 25  # Discord shows at most 25 autocomplete choices
# Exactly what the bot needs: see the channel, post there and in its threads, with embeds.
PERMISSIONS = discord.Permissions(view_channel=True, send_messages=True, embed_links=True,
                                  send_messages_in_threads=True)
NO_MENTIONS = discord.AllowedMentions.none()


class TopicSource(Protocol):
    """What the adapter needs from a BriefingService (any object with these works, e.g. a slow test double)."""

    def brief(self, topic: str | None = None) -> Any: ...
    def suggest(self, text: str, limit: int = 5) -> list[str]: ...
    def topics(self) -> Any: ...


def configure_endpoints(settings: Settings) -> None:
    """Point discord.py at `settings.discord_api_base` and, when set, `settings.discord_gateway_url`.

    discord.py has no constructor argument for either. REST (including interaction callbacks and webhook
    follow-ups) builds every URL from the class attribute `Route.BASE`. The gateway: a plain `Client` (2.7) never
    asks GET /gateway/bot; `Client.connect` opens `DiscordWebSocket.DEFAULT_GATEWAY`, later resumes at READY's
    `resume_gateway_url`, and falls back to DEFAULT_GATEWAY after an invalid session. Both are process-wide, which is
    fine: one process talks to one Discord.
    """
    discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    if settings.discord_gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


class BriefingClient(discord.Client):
    """Gateway client with /briefing; no privileged intents, and no message of ours can ever ping anyone."""

    def __init__(self, service: TopicSource | None = None, router: Router | None = None) -> None:
        intents = discord.Intents.none()
        intents.guilds = True  # channel and permission data for interactions; interactions need no intent
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False  # never joins voice: no noise
        super().__init__(intents=intents, allowed_mentions=NO_MENTIONS)
        self.service = service
        self.router = router
        self.tree = build_tree(self)

    async def setup_hook(self) -> None:
        if self.service is not None:  # warm the analysis so the first /briefing and autocomplete are quick
            self._warm = asyncio.create_task(asyncio.to_thread(_quietly, self.service.topics))


def build_tree(client: BriefingClient) -> app_commands.CommandTree:
    """The command tree: one `/briefing [topic] [private]` command with topic autocomplete."""
    tree = app_commands.CommandTree(client)

    @tree.command(name="briefing", description="Who holds what on a topic, each line with its source")
    @app_commands.describe(
        topic="A topic (e.g. nato) or any words; leave empty for the overview of every topic",
        private="Show the answer only to you (default: everyone in the channel)",
    )
    async def briefing(interaction: discord.Interaction, topic: str | None = None, private: bool = False) -> None:
        await answer(interaction, topic or "", private)

    @briefing.autocomplete("topic")
    async def topic_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        service = client.service
        if service is None:
            return []
        try:
            return await asyncio.wait_for(asyncio.to_thread(topic_choices_for, service, current),
                                          AUTOCOMPLETE_SECONDS)
        except Exception as exc:  # a late or failed suggestion list must not break typing
            log.warning("topic autocomplete failed: %s", type(exc).__name__)
            return []

    return tree


def topic_choices_for(service: TopicSource, typed: str) -> list[app_commands.Choice[str]]:
    """Known topics whose key or title contains what was typed (closest suggestions if none), at most 25."""
    typed = typed.strip().lower()
    topics = [(t.key, t.label) for t in service.topics()]
    hits = [(key, label) for key, label in topics if typed in key.lower() or typed in label.lower()]
    if not hits and typed:
        labels = dict(topics)
        hits = [(key, labels.get(key, key)) for key in service.suggest(typed, CHOICES)]
    return [app_commands.Choice(name=_choice_name(key, label), value=key[:100]) for key, label in hits[:CHOICES]]


def _choice_name(key: str, label: str) -> str:
    name = key if label.lower() == key.lower().replace("-", " ").replace("_", " ") else f"{label} ({key})"
    return name if len(name) <= 100 else key[:100]


async def answer(interaction: discord.Interaction, text: str, private: bool) -> None:
    """Defer at once (Discord's 3 s deadline), brief in a worker thread, then send the follow-up message(s)."""
    await interaction.response.defer(thinking=True, ephemeral=private)
    client: BriefingClient = interaction.client  # type: ignore[assignment]
    ctx = CommandContext(
        platform="discord",
        channel=str(interaction.channel_id or ""),
        user=str(interaction.user.id),
        team=str(interaction.guild_id or ""),
        can_manage=interaction.permissions.manage_channels,
    )
    try:
        # A worker thread: a slow briefing must never block the gateway heartbeat or other interactions.
        reply = await asyncio.to_thread(client.router.handle, text, ctx)  # type: ignore[union-attr]
        await send_reply(interaction, reply, private)
    except Exception as exc:
        log.error("/briefing %r failed: %s", text[:80], type(exc).__name__, exc_info=True)
        await _apologize(interaction, private)


async def send_reply(interaction: discord.Interaction, reply: Reply, private: bool) -> None:
    """Follow-ups after defer(): the first replaces the 'thinking…' message, the others are new messages."""
    ephemeral = private or reply.ephemeral
    if ephemeral and not private:
        # The first follow-up would edit the public 'thinking…' message (its visibility was fixed by defer()),
        # so delete that one and send fresh ephemeral messages instead.
        await interaction.delete_original_response()
    for message in to_messages(reply):
        await interaction.followup.send(content=message["content"], embeds=to_discord_embeds(message),
                                        ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)


async def _apologize(interaction: discord.Interaction, private: bool) -> None:
    """A short ephemeral apology, whatever state the deferred response is in."""
    try:
        if not private:
            with contextlib.suppress(discord.NotFound):
                await interaction.delete_original_response()
        await interaction.followup.send(APOLOGY, ephemeral=True, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException as exc:
        log.error("could not send the apology either: %s %s", exc.status, type(exc).__name__)


async def serve(settings: Settings, service: TopicSource, router: Router) -> None:
    """Run the gateway client until cancelled (`python -m bot discord`, and `python -m bot run`)."""
    token = require_token(settings)
    configure_endpoints(settings)
    client = BriefingClient(service, router)
    async with client:
        await client.start(token, reconnect=True)


def require_token(settings: Settings) -> str:
    from bot.cli import UsageError

    token = settings.secret("discord_token")
    if not token:
        raise UsageError("Discord needs a bot token: set BRIEFING_DISCORD_TOKEN (or DISCORD_TOKEN)")
    return token


def cli(args: argparse.Namespace, settings: Settings) -> int:
    """`python -m bot discord [sync [--guild ID] | invite]`."""
    from bot.cli import UsageError

    token = require_token(settings)
    _redact_logs(token)
    configure_endpoints(settings)
    action = getattr(args, "discord_command", None)
    try:
        if action == "sync":
            return asyncio.run(sync_commands(token, getattr(args, "guild", None), getattr(args, "clear", False)))
        if action == "invite":
            return asyncio.run(print_invite(token))
        service, router = _build(settings)
        asyncio.run(_until_terminated(serve(settings, service, router)))
        return 0
    except discord.LoginFailure:
        raise UsageError("Discord rejected the bot token (BRIEFING_DISCORD_TOKEN)") from None
    except discord.PrivilegedIntentsRequired:  # cannot happen with our intents; kept for a clear message
        raise UsageError("Discord refused the intents requested") from None


def _build(settings: Settings) -> tuple[Any, Router]:
    from bot.runner import build_router, build_service

    service = build_service(settings)
    return service, build_router(settings, service)  # with subscriptions backed by the store


async def sync_commands(token: str, guild_id: int | None, clear: bool = False) -> int:
    """Log in over REST only and register /briefing globally (up to an hour to show) or in one guild (instant).

    With `clear`, register nothing there instead (removes a development guild copy before a global sync).
    """
    async with BriefingClient() as client:
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
    async with BriefingClient() as client:
        await client.login(token)  # GET /oauth2/applications/@me gives the application id
        app_id = client.application_id
    print(f"https://discord.com/oauth2/authorize?client_id={app_id}&scope=bot+applications.commands"
          f"&permissions={PERMISSIONS.value}")
    return 0


async def _until_terminated(main: Any) -> None:
    """Run `main`, cancelling it cleanly on SIGTERM (Procfile process managers stop workers with it)."""
    task = asyncio.ensure_future(main)
    with contextlib.suppress(NotImplementedError):
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
    with contextlib.suppress(asyncio.CancelledError):
        await task


def _quietly(func: Any) -> None:
    try:
        func()
    except Exception as exc:
        log.warning("warming the briefing service failed: %s", type(exc).__name__)


class _Redact(logging.Filter):
    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = message.replace(self.secret, "[token]"), None
        return True


def _redact_logs(token: str) -> None:
    """Belt and braces: no log line of this process may carry the token, whoever writes it."""
    for handler in logging.getLogger().handlers:
        handler.addFilter(_Redact(token))


__all__ = ["BriefingClient", "build_tree", "cli", "configure_endpoints", "serve", "send_reply"]
