"""Discord adapter: `/briefing` over the gateway (discord.py 2.x), plus `python -m bot discord sync|invite`."""
from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import discord
import yarl
from discord import app_commands

from bot.app.commands import SINCE, CommandContext, Reply, Router
from bot.app.desk import StoryDesk
from bot.app.ports import BriefingSource
from bot.app.story_router import story_choices
from bot.render.discord import Payload, to_messages
from config.settings import DiscordSettings

log = logging.getLogger(__name__)

APOLOGY = "Sorry, the briefing could not be prepared just now. Please try again in a minute."
AUTOCOMPLETE_SECONDS = 2.0  # Discord drops an autocomplete answer after 3 s
CHOICES = 25  # Discord shows at most 25 autocomplete choices
CHOICE_LENGTH = 100  # characters of a choice's name and value
LOGGED_TEXT = 80  # characters of a failed command's text worth a log line
# Exactly what the bot needs: see the channel, post there and in its threads, with embeds.
PERMISSIONS = discord.Permissions(view_channel=True, send_messages=True, embed_links=True,
                                  send_messages_in_threads=True)
NO_MENTIONS = discord.AllowedMentions.none()


def configure_endpoints(settings: DiscordSettings) -> None:
    """Point discord.py at `settings.api_base` and, when set, `settings.gateway_url`.

    discord.py has no constructor argument for either. REST (including interaction callbacks and webhook
    follow-ups) builds every URL from the class attribute `Route.BASE`. The gateway: a plain `Client` (2.7) never
    asks GET /gateway/bot; `Client.connect` opens `DiscordWebSocket.DEFAULT_GATEWAY`, later resumes at READY's
    `resume_gateway_url`, and falls back to DEFAULT_GATEWAY after an invalid session. Both are process-wide, which is
    fine: one process talks to one Discord.
    """
    discord.http.Route.BASE = settings.api_base.rstrip("/")
    if settings.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


class BriefingClient(discord.Client):
    """Gateway client with /briefing; no privileged intents, and no message of ours can ever ping anyone."""

    def __init__(self, service: BriefingSource | None = None, router: Router | None = None) -> None:
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
    """The command tree: one `/briefing [topic] [since] [private]` command with topic autocomplete."""
    tree = app_commands.CommandTree(client)

    @tree.command(name="briefing", description="Who holds what on a topic, each line with its source")
    @app_commands.describe(
        topic="[story] topic (e.g. nato, or ukraine nato) or any words; leave empty for the overview",
        since="Only what is new since then: 30m, 24h, 7d or yesterday",
        private="Show the answer only to you (default: everyone in the channel)",
    )
    async def briefing(interaction: discord.Interaction, topic: str | None = None, since: str | None = None,
                       private: bool = False) -> None:
        await answer(interaction, command_text(topic, since), private)

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


def command_text(topic: str | None, since: str | None) -> str:
    """The options as the words the router reads: `nato since:24h` (Slack users type the same)."""
    words = " ".join((topic or "").split())
    return f"{words} {SINCE}{''.join(since.split())}".strip() if since is not None else words


def topic_choices_for(service: BriefingSource, typed: str) -> list[app_commands.Choice[str]]:
    """Known topics whose key or title contains what was typed (closest suggestions if none), at most 25;
    over several stories, each story and its `story topic` pairs."""
    if isinstance(service, StoryDesk) and service.several:
        return [app_commands.Choice(name=name, value=value) for name, value in story_choices(service, typed, CHOICES)]
    typed = typed.strip().lower()
    topics = [(t.key, t.label) for t in service.topics()]
    hits = [(key, label) for key, label in topics if typed in key.lower() or typed in label.lower()]
    if not hits and typed:
        labels = dict(topics)
        hits = [(key, labels.get(key, key)) for key in service.suggest(typed, CHOICES)]
    return [app_commands.Choice(name=_choice_name(key, label), value=key[:CHOICE_LENGTH]) for key, label in hits[:CHOICES]]


def _choice_name(key: str, label: str) -> str:
    name = key if label.lower() == key.lower().replace("-", " ").replace("_", " ") else f"{label} ({key})"
    return name if len(name) <= CHOICE_LENGTH else key[:CHOICE_LENGTH]


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
        log.error("/briefing %r failed: %s", text[:LOGGED_TEXT], type(exc).__name__, exc_info=True)
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


def to_discord_embeds(payload: Payload) -> list[discord.Embed]:
    """discord.Embed objects for one message payload of `render.discord.to_messages` (for `send(embeds=...)`)."""
    return [discord.Embed.from_dict(embed) for embed in payload["embeds"]]


async def serve(settings: DiscordSettings, service: BriefingSource, router: Router) -> None:
    """Run the gateway client until cancelled (`python -m bot discord`, and `python -m bot run`)."""
    if not settings.token:
        raise ValueError("BRIEFING_DISCORD_TOKEN is not set")
    configure_endpoints(settings)
    client = BriefingClient(service, router)
    async with client:
        await client.start(settings.token, reconnect=True)


def _quietly(func: Any) -> None:
    try:
        func()
    except Exception as exc:
        log.warning("warming the briefing service failed: %s", type(exc).__name__)
