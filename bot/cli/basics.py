"""What every command needs: the briefing service over the index (no platform or scheduler library;
SQLAlchemy only for the index in the store)."""
from __future__ import annotations

import logging
import re
from datetime import timedelta
from pathlib import Path

from bot.app.errors import UsageError
from bot.app.ports import Warn
from bot.app.service import BriefingService
from bot.infra.documents import DocumentFolder
from bot.infra.index import Index, IndexedFolder
from bot.infra.index_store import IndexStore
from bot.infra.stories import story_folder, story_folders
from config.settings import Settings

log = logging.getLogger("bot")


def build_service(settings: Settings, documents: Path | None = None, profile: str | Path | None = None,
                  warn: Warn = log.warning, story: str | None = None, topic: str | None = None) -> BriefingService:
    """The briefing service of a documents folder and profile (defaults: the settings'; 'auto': discover),
    backed by the index in the store; under a root of story folders, the story named or implied by `topic`."""
    return BriefingService(build_indexed_folder(settings, documents, profile, story, topic), warn=warn)


def build_indexed_folder(settings: Settings, documents: Path | None = None, profile: str | Path | None = None,
                         story: str | None = None, topic: str | None = None) -> IndexedFolder:
    """The documents folder (or story folder) whose analysis lives in the index of the settings' store."""
    root = documents if documents is not None else settings.documents
    folder = DocumentFolder.open(story_folder(root, story, topic), profile if profile is not None else settings.profile)
    return IndexedFolder(folder, Index(IndexStore(settings.database_url)))


def build_story_folders(settings: Settings, documents: Path | None = None, profile: str | Path | None = None,
                        story: str | None = None) -> dict[str, IndexedFolder]:
    """Every story to ingest: the one named, each story folder of a root of stories, or the folder itself."""
    root = documents if documents is not None else settings.documents
    stories = story_folders(root) if story is None else {}
    if not stories:
        return {story or root.name: build_indexed_folder(settings, documents, profile, story)}
    return {name: build_indexed_folder(settings, documents, profile, name) for name in stories}


def age(text: str) -> timedelta:
    """'30m', '24h', '7d', 'yesterday' as a duration; UsageError naming the text otherwise."""
    if text.strip().lower() == "yesterday":
        return timedelta(days=1)
    match = re.fullmatch(r"\s*(\d+)\s*([mhd])\s*", text.lower())
    if not match or int(match.group(1)) == 0:
        raise UsageError(f"{text}: give an age or interval such as 30m, 24h or 7d")
    return timedelta(**{{"m": "minutes", "h": "hours", "d": "days"}[match.group(2)]: int(match.group(1))})
