"""What every command needs: the settings and the briefing service (no platform, store or scheduler library)."""
from __future__ import annotations

import logging
from pathlib import Path

from pydantic import ValidationError

from bot.app.errors import ConfigError
from bot.app.ports import Warn
from bot.app.service import BriefingService
from bot.infra.documents import DocumentFolder
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
