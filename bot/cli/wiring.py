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
from bot.app.writer import LineWriter
from bot.app.written import WrittenBriefings
from bot.infra.clock import POLL_SECONDS, Clock
from bot.infra.delivery.poster import ChannelPoster
from bot.infra.delivery.retry import RetryPolicy
from bot.infra.documents import DocumentFolder
from bot.infra.line_cache import SqlLineCache
from bot.infra.llm import OpenAICompatibleModel
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


def build_writer(settings: Settings) -> LineWriter | None:
    """The model writer of BRIEFING_LLM_*, with its cache in the store; None without a base URL."""
    llm = settings.llm
    if llm is None:
        return None
    if not llm.model:
        raise ConfigError("setting BRIEFING_LLM_MODEL: must name the model when BRIEFING_LLM_BASE_URL is set")
    model = OpenAICompatibleModel(llm.base_url, llm.model, api_key=llm.api_key, timeout=llm.timeout)
    return LineWriter(model, SqlLineCache(settings.database_url), max_calls=llm.max_calls, deadline=llm.timeout)


def with_writer(settings: Settings, service: BriefingService, wait: bool) -> BriefingSource:
    """The service itself without a model; else its briefings with model lines: waiting for the model up to
    the timeout (terminal, scheduled posts) or never (chat commands: cached lines, the rest in the background)."""
    writer = build_writer(settings)
    return service if writer is None else WrittenBriefings(service, writer, wait=wait)


def open_store(settings: Settings) -> Store:
    return Store(settings.database_url)


def build_router(settings: Settings, service: BriefingSource) -> Router:
    """The `/briefing` router with subscriptions backed by the store (what both chat adapters use)."""
    commands = SubscriptionCommands(partial(open_store, settings), service, settings.timezone, next_run)
    return Router(with_writer(settings, service, wait=False), commands)


def build_poster(settings: Settings, retry: RetryPolicy = RetryPolicy()) -> ChannelPoster:
    """Posting over the platforms' REST APIs, with only their credentials and endpoints."""
    return ChannelPoster(settings.slack, settings.discord, retry)


def build_clock(settings: Settings, service: BriefingSource, *, standby: bool = False, store: Store | None = None,
                deliver: Deliver | None = None, poll_seconds: float = POLL_SECONDS) -> Clock:
    """The scheduler of the store's subscriptions (standby: give way to a dedicated clock process)."""
    return Clock(with_writer(settings, service, wait=True), store or open_store(settings), deliver or build_poster(settings),
                 grace=settings.misfire_grace_seconds, poll_seconds=poll_seconds, standby=standby)
