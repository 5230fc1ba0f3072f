"""`ingest`, `brief --story`, `brief --since` and feeds through the CLI, with the index in a temporary store."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.infra.corpus import write_corpus
from tests.fakes.news_fake import FakeNews
from tests.infra.news_pages import article_page, rss

ROOT = Path(__file__).resolve().parents[2]
STORIES = ROOT / "tests" / "data" / "stories"
UKRAINE = """[parties."Ukraine"]\naliases = ["Kyiv", "Zelensky"]\n[parties."Russia"]\naliases = ["Moscow", "Kremlin"]
[topics.nato]\nkeywords = ["NATO", "alliance"]\n[topics.sanctions]\nkeywords = ["sanctions"]\n"""
TRADE = """[parties."China"]\naliases = ["Beijing", "Chinese"]\n[parties."United States"]\naliases = ["Washington", "U.S."]
[topics.tariffs]\nkeywords = ["tariffs", "duties"]\n[topics.sanctions]\nkeywords = ["sanctions", "export controls"]\n"""


@pytest.fixture(autouse=True)
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_DATABASE_URL", f"sqlite:///{tmp_path / 'store.sqlite3'}")
    monkeypatch.delenv("BRIEFING_FEEDS", raising=False)
    monkeypatch.delenv("BRIEFING_URLS", raising=False)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def root(tmp_path) -> Path:
    """A documents root holding two stories, each a folder with its own profile."""
    (tmp_path / "root" / "ukraine").mkdir(parents=True)
    shutil.copy(ROOT / "seeds" / "000_e83a8d69b52f3ee3.txt", tmp_path / "root" / "ukraine")
    (tmp_path / "root" / "ukraine" / "profile.toml").write_text(UKRAINE, encoding="utf-8")
    shutil.copytree(STORIES / "trade", tmp_path / "root" / "trade", ignore=shutil.ignore_patterns("gold.json"))
    (tmp_path / "root" / "trade" / "profile.toml").write_text(TRADE, encoding="utf-8")
    return tmp_path / "root"


def test_ingest_prints_one_line_then_up_to_date(capsys, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 5, seed=1)
    code, out, _ = run(capsys, "ingest", "--docs", str(corpus))
    assert code == 0 and out.startswith("5 documents: 5 new, 0 changed, 0 removed, 5 extracted, ")
    assert out.count("\n") == 1
    code, out, _ = run(capsys, "ingest", "--docs", str(corpus))
    assert code == 0 and out.startswith("5 documents: up to date")


def _parties(out: str) -> set[str]:
    return {p["name"] for p in json.loads(out)["parties"]}


def test_story_named_or_implied_by_its_topic(capsys, root):
    code, out, _ = run(capsys, "brief", "tariffs", "--docs", str(root), "--story", "trade", "--format", "json")
    assert code == 0 and _parties(out) <= {"China", "United States"} and "China" in _parties(out)
    code, implied, _ = run(capsys, "brief", "tariffs", "--docs", str(root), "--format", "json")
    assert code == 0 and implied == out
    code, out, _ = run(capsys, "brief", "nato", "--docs", str(root), "--format", "json")
    assert code == 0 and "Ukraine" in _parties(out) and _parties(out) <= {"Ukraine", "Russia"}


def test_ambiguous_topic_and_unknown_story_are_questions(capsys, root):
    code, _, err = run(capsys, "brief", "sanctions", "--docs", str(root))
    assert code == 2 and "“sanctions” is a topic of several stories: trade, ukraine. Which one?" in err
    code, _, err = run(capsys, "brief", "nato", "--docs", str(root), "--story", "gaza")
    assert code == 2 and "no story “gaza”" in err and "trade, ukraine" in err


def test_since(capsys, root):
    code, _, err = run(capsys, "brief", "nato", "--docs", str(root), "--since", "soon")
    assert code == 2 and "--since soon" in err
    code, out, _ = run(capsys, "brief", "nato", "--docs", str(root), "--since", "1h", "--format", "json")
    assert code == 0 and "Ukraine" in _parties(out)  # everything was first seen just now


def test_ingest_fetches_feeds_and_sources_link_to_the_articles(capsys, tmp_path, monkeypatch):
    folder = tmp_path / "gaza"
    folder.mkdir()
    (folder / "profile.toml").write_text('[parties."Israel"]\naliases = ["Israeli"]\n[parties."Hamas"]\n'
                                         'aliases = []\n[topics.guarantees]\nkeywords = ["guarantees"]\n')
    with FakeNews() as news:
        page = news.add("/world/doha", article_page())
        feed = news.add("/rss.xml", rss([(page, "Talks resume in Doha", "Tue, 03 Mar 2026 09:30:00 GMT")]),
                        content_type="application/rss+xml", etag='"1"')
        monkeypatch.setenv("BRIEFING_FEEDS", json.dumps([feed]))
        code, out, _ = run(capsys, "ingest", "--docs", str(folder))
        assert code == 0 and out.startswith("1 documents: 1 new")
        code, out, _ = run(capsys, "ingest", "--docs", str(folder))
        assert code == 0 and out.startswith("1 documents: 0 new, 0 changed, 0 removed, 0 extracted")
        assert news.hits("/rss.xml")[-1].get("If-None-Match") == '"1"' and len(news.hits("/world/doha")) == 1
    code, out, _ = run(capsys, "brief", "guarantees", "--docs", str(folder), "--format", "json")
    sources = [s for p in json.loads(out)["parties"] for pos in p["positions"] for s in pos["sources"]]
    assert code == 0 and sources
    assert all(s["url"] == page and s["document"] == page for s in sources)


def test_ingest_of_a_root_of_stories_ingests_each(capsys, root):
    code, out, _ = run(capsys, "ingest", "--docs", str(root))
    lines = out.splitlines()
    assert code == 0 and [line.split(":")[0] for line in lines] == ["trade", "ukraine"]
    assert all("1 documents: 1 new" in line for line in lines)
