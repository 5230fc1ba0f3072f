"""The optional model writer, built from BRIEFING_LLM_*: what `brief`, `post`, the clock and the chat router
wrap the briefing service with. Light to import: the model client and the store's database library are
imported only when a model is configured."""
from __future__ import annotations

from bot.app.errors import ConfigError
from bot.app.desk import StoryDesk
from bot.app.ports import BriefingSource
from bot.app.service import BriefingService
from bot.app.writer import LineWriter
from bot.app.written import WrittenBriefings
from bot.infra.line_cache import SqlLineCache
from bot.infra.llm import OpenAICompatibleModel
from config.settings import Settings


def build_writer(settings: Settings) -> LineWriter | None:
    """The model writer of BRIEFING_LLM_*, with its cache in the store; None without a base URL."""
    llm = settings.llm
    if llm is None:
        return None
    if not llm.model:
        raise ConfigError("setting BRIEFING_LLM_MODEL: must name the model when BRIEFING_LLM_BASE_URL is set")
    model = OpenAICompatibleModel(llm.base_url, llm.model, api_key=llm.api_key, timeout=llm.timeout)
    return LineWriter(model, SqlLineCache(settings.database_url), max_calls=llm.max_calls, deadline=llm.timeout)


def with_writer(settings: Settings, service: BriefingService | StoryDesk, wait: bool) -> BriefingSource:
    """The service itself without a model; else its briefings with model lines: waiting for the model up to
    the timeout (terminal, scheduled posts) or never (chat commands: cached lines, the rest in the background).
    A desk of stories gets one writer, shared by each story's service."""
    writer = build_writer(settings)
    if writer is None:
        return service
    if isinstance(service, StoryDesk):
        return service.wrapped(lambda story: WrittenBriefings(story, writer, wait=wait))
    return WrittenBriefings(service, writer, wait=wait)
