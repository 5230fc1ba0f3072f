"""Building the store, the router, the poster and the clock: what the chat and scheduling commands need."""
from __future__ import annotations

from functools import partial

from bot.app.commands import Router
from bot.app.desk import StoryDesk
from bot.app.freshness import age
from bot.app.ports import BriefingSource, Deliver, Warn
from bot.app.story_router import StoryRouter
from bot.app.subscriptions import SubscriptionCommands
from bot.chat import slack as slack_chat
from bot.cli.basics import build_story_folders, log
from bot.cli.model import with_writer
from bot.infra.clock import POLL_SECONDS, Clock
from bot.infra.delivery.poster import ChannelPoster
from bot.infra.delivery.retry import RetryPolicy
from bot.infra.store import Store
from bot.infra.triggers import next_run
from bot.infra.web import fetch_into
from config.settings import Settings


def http_host(settings: Settings, given: str | None = None) -> str:
    """Where Slack HTTP mode listens: `given` (--host), else every interface where the platform set PORT (a
    PaaS routes to it), else this machine only."""
    if given:
        return given
    return slack_chat.PUBLIC_HOST if "port" in settings.model_fields_set else slack_chat.LOCAL_HOST


def open_store(settings: Settings) -> Store:
    return Store(settings.database_url)


def build_router(settings: Settings, service: BriefingSource | StoryDesk) -> Router:
    """The `/briefing` router with subscriptions backed by the store (what both chat adapters use); over a
    desk of stories, `/briefing [story] <topic>`."""
    commands = SubscriptionCommands(partial(open_store, settings), service, settings.timezone, next_run)
    source = with_writer(settings, service, wait=False)
    return StoryRouter(source, commands) if isinstance(source, StoryDesk) else Router(source, commands)


def build_poster(settings: Settings, retry: RetryPolicy = RetryPolicy()) -> ChannelPoster:
    """Posting over the platforms' REST APIs, with only their credentials and endpoints."""
    return ChannelPoster(settings.slack, settings.discord, retry)


def build_clock(settings: Settings, service: BriefingSource, *, standby: bool = False, store: Store | None = None,
                deliver: Deliver | None = None, poll_seconds: float = POLL_SECONDS) -> Clock:
    """The scheduler of the store's subscriptions (standby: give way to a dedicated clock process); it also
    refreshes the index from the folder, feeds and pages every BRIEFING_REFRESH."""
    return Clock(with_writer(settings, service, wait=True), store or open_store(settings),
                 deliver or build_poster(settings), grace=settings.misfire_grace_seconds, poll_seconds=poll_seconds,
                 standby=standby, refresh=partial(refresh_index, settings),
                 refresh_seconds=age(settings.refresh).total_seconds())


def refresh_index(settings: Settings, warn: Warn = log.warning) -> None:
    """One refresh of the configured documents folder (every story in it), feeds and pages into the index."""
    corpora = build_story_folders(settings)
    for corpus in corpora.values():
        if (settings.feeds or settings.urls) and len(corpora) == 1:
            fetch_into(corpus, settings.feeds, settings.urls, warn)
        else:
            corpus.refresh(warn)
