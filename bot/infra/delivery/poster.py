"""The Deliver of bot/app/ports.py: render a briefing for the target's platform and post it over REST."""
from __future__ import annotations

import uuid

from bot.app.commands import Reply
from bot.app.ports import Target
from bot.infra.delivery.discord import post_discord
from bot.infra.delivery.retry import RetryPolicy
from bot.infra.delivery.slack import post_slack
from bot.render import discord as discord_render
from bot.render import slack as slack_render
from config.settings import DiscordSettings, SlackSettings
from summarizer import Briefing


class ChannelPoster:
    """Posts briefings with the platforms' credentials it was built with, and nothing else of the settings."""

    def __init__(self, slack: SlackSettings, discord: DiscordSettings, retry: RetryPolicy = RetryPolicy()) -> None:
        self.slack, self.discord, self.retry = slack, discord, retry

    async def __call__(self, target: Target, briefing: Briefing, key: str | None = None) -> int:
        """Post every rendered message of `briefing` to `target`; returns the HTTP attempts it took. `key` names
        the post (a subscription's slot); a one-off post gets a fresh one."""
        reply = Reply(briefing=briefing)
        if target.platform == "slack":
            return await post_slack(self.slack, target.channel, slack_render.to_messages(reply), self.retry)
        return await post_discord(self.discord, target.channel, discord_render.to_messages(reply), self.retry,
                                  key or uuid.uuid4().hex)
