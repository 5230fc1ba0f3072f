"""Stored briefings: read with sqlite3 only for the index's current state, written by the service for the next
process, and never served once the folder, the profile or the index moved on."""
from __future__ import annotations

import argparse
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.app.service import BriefingService
from bot.cli.stored import stored_text
from bot.infra.briefing_store import briefing_key, read_stored, sqlite_path
from bot.infra.corpus import write_corpus
from bot.infra.documents import DocumentFolder
from bot.infra.folders import scan, signature, story_key
from bot.infra.index import Index, IndexedFolder
from bot.infra.index_store import IndexStore
from bot.render.terminal import render_briefing
from config.settings import Settings
from summarizer.search import ClaimSearch

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'index.sqlite3'}"


@pytest.fixture
def corpus(tmp_path, url):
    store = IndexStore(url)
    folder = write_corpus(tmp_path / "story", 5, seed=21)
    indexed = IndexedFolder(DocumentFolder.open(folder), Index(store, workers=1), recheck_seconds=0)
    yield indexed
    store.close()


def _current(corpus: IndexedFolder) -> str:
    return signature(scan(corpus.folder.folder), corpus.folder.profile_path, corpus.profile())


def test_sqlite_paths_are_read_only_from_plain_file_urls():
    assert sqlite_path("sqlite:///briefing.sqlite3") == Path("briefing.sqlite3")
    assert sqlite_path("sqlite:////var/lib/bot/index.db") == Path("/var/lib/bot/index.db")
    assert sqlite_path("sqlite+pysqlite:///x.db") == Path("x.db")
    for other in ("sqlite://", "sqlite:///:memory:", "sqlite:///x.db?timeout=5", "sqlite:///a%20b.db",
                  "postgresql://u@127.0.0.1/db", "sqlite+aiosqlite:///x.db"):
        assert sqlite_path(other) is None, other


def test_briefing_keys_are_the_query_as_asked():
    assert briefing_key(None) == briefing_key("  ") == ""
    assert briefing_key(" NATO ") == "NATO" and briefing_key("nato") == "nato"
    assert briefing_key("x" * 301) is None


def test_a_missing_store_is_a_miss_and_is_not_created(tmp_path):
    url = f"sqlite:///{tmp_path / 'none.sqlite3'}"
    assert read_stored(url, "story", "nato", "0" * 32) is None
    assert not (tmp_path / "none.sqlite3").exists()


def test_the_plain_read_serves_only_the_current_ingest(corpus, url):
    corpus.refresh(pytest.fail)
    search = ClaimSearch.build(corpus.index.analysis(corpus.story, corpus.profile()))
    corpus.store_briefings(search, ["nato", None])
    assert corpus.story == story_key(corpus.folder.folder)
    current = _current(corpus)
    assert read_stored(url, corpus.story, "nato", current) == search.brief("nato") == corpus.stored_briefing("nato")
    assert read_stored(url, corpus.story, None, current) == search.brief(None)
    assert read_stored(url, corpus.story, "sanctions", current) is None  # never stored
    assert read_stored(url, corpus.story, "nato", "f" * 32) is None  # the folder is not as it was ingested
    assert read_stored(url.replace("sqlite", "postgresql"), corpus.story, "nato", current) is None
    corpus.index.store.finish(corpus.story, current, "k", datetime.now(timezone.utc))  # a later ingest, same files
    assert read_stored(url, corpus.story, "nato", current) is None
    assert corpus.stored_briefing("nato") is None


def test_the_service_keeps_what_it_made_for_the_next_process(corpus, url):
    made = BriefingService(corpus).brief("nato")
    assert read_stored(url, corpus.story, "nato", _current(corpus)) == made
    fresh = IndexedFolder(corpus.folder, corpus.index, recheck_seconds=0)
    assert fresh.stored_briefing("nato") == made
    assert BriefingService(fresh).brief("nato") == made


def test_a_briefing_from_an_analysis_the_folder_no_longer_vouches_for_is_not_kept(corpus, url):
    service = BriefingService(corpus)
    old = service.analysis()
    shutil.copy(corpus.folder.folder / "00001.txt", corpus.folder.folder / "00009.txt")
    service.analysis()  # re-read after the change
    corpus.keep_briefing("nato", ClaimSearch.build(old).brief("nato"), old)
    assert read_stored(url, corpus.story, "nato", _current(corpus)) is None


def _args(**given) -> argparse.Namespace:
    values = {"topic": ["nato"], "docs": None, "profile": None, "story": None, "format": "text", "since": None}
    return argparse.Namespace(**{**values, **given})


def test_the_terminal_reads_the_store_only_when_nothing_else_decides(corpus, url, tmp_path):
    made = BriefingService(corpus).brief("nato")
    settings = Settings(database_url=url, documents=corpus.folder.folder)
    assert stored_text(_args(), settings) == render_briefing(made, "text")
    assert stored_text(_args(format="json"), settings) == render_briefing(made, "json")
    assert stored_text(_args(since="24h"), settings) is None  # narrowed to new statements: the full path
    with_model = Settings(database_url=url, documents=corpus.folder.folder, llm_base_url="http://127.0.0.1:9/v1",
                          llm_model="m")
    assert stored_text(_args(), with_model) is None  # the model writer rewrites lines: the full path
    assert stored_text(_args(topic=["energy"]), settings) is None  # not stored yet
    (corpus.folder.folder / "00002.txt").unlink()
    assert stored_text(_args(), settings) is None  # the folder changed: refreshed by the full path


def test_the_scan_keeps_the_order_and_files_of_a_plain_path_sort(tmp_path):
    for name in ("a-b.txt", "a/b.txt", "a b.txt", "A.txt", "é.txt", "a/c/d.md", "z.html", "notes.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "dir.txt").mkdir()  # a folder named like a document is no document
    expected = [p for p in sorted(tmp_path.rglob("*")) if p.suffix in (".txt", ".md", ".html") and p.is_file()]
    assert [f.path for f in scan(tmp_path)] == expected
