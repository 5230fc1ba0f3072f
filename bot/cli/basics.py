"""What every command needs: the briefing service over the index (no platform or scheduler library;
SQLAlchemy only for the index in the store)."""
from __future__ import annotations

import logging
from pathlib import Path

from bot.app.desk import StoryDesk
from bot.app.ports import Warn
from bot.app.service import BriefingService
from bot.infra.documents import DocumentFolder
from bot.infra.index import Index, IndexedFolder
from bot.infra.index_store import IndexStore
from bot.infra.stories import choose_story, story_folder, story_folders
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


def chosen_story(settings: Settings, story: str | None, topic: str | None) -> str | None:
    """The name of the story folder a subscription briefs (named, the only one, or the one with `topic`);
    None when the documents root is itself one story."""
    root = settings.documents
    return choose_story(root, story, topic).name if story or story_folders(root) else None


def build_desk(settings: Settings, warn: Warn = log.warning) -> StoryDesk:
    """One briefing service per story folder of the documents root (or one unnamed story: the root itself),
    for the chat processes and the clock."""
    named = bool(story_folders(settings.documents))
    return StoryDesk({name: BriefingService(folder, warn=warn) for name, folder in
                      build_story_folders(settings).items()}, named=named)

