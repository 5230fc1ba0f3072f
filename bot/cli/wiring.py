"""Building the objects every command needs from the settings: the composition root's one toolbox."""
from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from pydantic import ValidationError

from bot.app.commands import Router
from bot.app.errors import ConfigError
from bot.app.ports import BriefingSource, Deliver, Warn
from bot.app.service import BriefingService
from bot.app.subscriptions import SubscriptionCommands
from bot.infra.clock import POLL_SECONDS, Clock
from bot.infra.delivery.poster import ChannelPoster
from bot.infra.delivery.retry import RetryPolicy
from bot.infra.documents import DocumentFolder
from bot.infra.store import Store
from bot.infra.triggers import next_run
from config.settings import Settings

log = logging.getLogger("bot")


def load_settings() -> Settings:
    """Settings from the environment and .env; ConfigError naming the first bad variable."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigError(f"setting {'.'.join(map(str, first['loc']))}: {first['msg']}") from None


def build_service(settings: Settings, documents: Path | None = None, profile: str | Path | None = None,
                  warn: Warn = log.warning) -> BriefingService:
    """The briefing service of a documents folder and profile (defaults: the settings'; 'auto': discover)."""
    folder = DocumentFolder.open(documents if documents is not None else settings.documents,
                                 profile if profile is not None else settings.profile)
    return BriefingService(folder, warn=warn)


def open_store(settings: Settings) -> Store:
    return Store(settings.database_url)


def build_router(settings: Settings, service: BriefingSource) -> Router:
    """The `/briefing` router with subscriptions backed by the store (what both chat adapters use)."""
    commands = SubscriptionCommands(partial(open_store, settings), service, settings.timezone, next_run)
    return Router(service, commands)


def build_poster(settings: Settings, retry: RetryPolicy = RetryPolicy()) -> ChannelPoster:
    """Posting over the platforms' REST APIs, with only their credentials and endpoints."""
    return ChannelPoster(settings.slack, settings.discord, retry)


def build_clock(settings: Settings, service: BriefingSource, *, standby: bool = False, store: Store | None = None,
                deliver: Deliver | None = None, poll_seconds: float = POLL_SECONDS) -> Clock:
    """The scheduler of the store's subscriptions (standby: give way to a dedicated clock process)."""
    return Clock(service, store or open_store(settings), deliver or build_poster(settings),
                 grace=settings.misfire_grace_seconds, poll_seconds=poll_seconds, standby=standby)
