"""A small story for freshness tests: Monday's and Tuesday's articles, and Thursday's, which says something new."""
from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import update

from bot.app.service import BriefingService
from bot.infra.documents import DocumentFolder
from bot.infra.index import Index, IndexedFolder
from bot.infra.index_store import IndexStore, seen
from config.settings import REPO_ROOT

MONDAY = ("Talks resume in Geneva\n\nUkraine insists that NATO membership is the only real guarantee of its "
          "security, Zelensky said on Monday.\n\nRussia rejects any NATO membership for Ukraine, Lavrov told "
          "reporters in Moscow.\n")
TUESDAY = ("Allies meet in Brussels\n\nRutte said NATO allies remain committed to an open door for Ukraine's "
           "accession.\n\nThe Kremlin insists that Crimea and the other annexed territory will never be returned "
           "to Ukraine.\n")
THURSDAY = ("Washington weighs in\n\nThe White House said on Thursday that Washington would not support Ukraine "
            "joining NATO while the war goes on.\n")
NEW_QUOTE = "The White House said on Thursday that Washington would not support Ukraine joining NATO"


def write_story(folder: Path, profile: bool = True) -> Path:
    """Monday's and Tuesday's articles (and the seed story's profile) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    if profile:
        shutil.copy(REPO_ROOT / "seeds" / "profile.toml", folder)
    (folder / "001_monday.txt").write_text(MONDAY, encoding="utf-8")
    (folder / "002_tuesday.txt").write_text(TUESDAY, encoding="utf-8")
    return folder


def aged_story(folder: Path, url: str, days: int = 3) -> BriefingService:
    """The indexed story whose first two articles the index first saw `days` ago and Thursday's just now."""
    write_story(folder)
    index = Index(IndexStore(url), workers=1)
    service = BriefingService(IndexedFolder(DocumentFolder.open(folder), index, recheck_seconds=0))
    service.analysis()
    with index.store.tx() as conn:
        conn.execute(update(seen).values(first_seen=datetime.now(timezone.utc) - timedelta(days=days)))
    (folder / "003_thursday.txt").write_text(THURSDAY, encoding="utf-8")
    service.analysis()
    return service
