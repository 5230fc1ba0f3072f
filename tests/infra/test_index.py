"""The incremental index: same briefings as a direct read, only changes processed, copies collapse, crash-safe."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.infra.documents import load_documents
from bot.app.service import BriefingService
from bot.infra.corpus import write_corpus
from bot.infra.documents import DocumentFolder
from bot.infra.index import Index, IndexedFolder
from bot.infra.index_store import IndexStore
from config.profile import load_profile
from summarizer import Profile
from summarizer.analysis import analyze
from summarizer.briefing import brief
from summarizer.search import ClaimSearch

ROOT = Path(__file__).resolve().parents[2]
STORIES = [ROOT / "seeds", *sorted((ROOT / "tests" / "data" / "stories").iterdir())]


@pytest.fixture
def index(tmp_path):
    store = IndexStore(f"sqlite:///{tmp_path / 'index.sqlite3'}")
    yield Index(store, workers=1)
    store.close()


def _profile(folder: Path, auto: bool) -> tuple[Path | None, Profile]:
    path = folder / "profile.toml"
    if auto or not path.is_file():
        return None, Profile()
    return path, load_profile(path)


def _same_as_direct(index: Index, story: str, folder: Path, profile: Profile) -> None:
    direct = analyze(load_documents(folder, warn=lambda m: None), profile)
    indexed = index.analysis(story, profile)
    assert [t.key for t in indexed.topics] == [t.key for t in direct.topics]
    for topic in [t.key for t in direct.topics] + [None, "ceasefire talks"]:
        assert brief(indexed, topic) == brief(direct, topic), topic


@pytest.mark.parametrize("auto", [False, True], ids=["profile", "auto"])
@pytest.mark.parametrize("folder", STORIES, ids=[p.name for p in STORIES])
def test_briefings_from_the_index_equal_a_direct_read(index, folder, auto):
    profile_path, profile = _profile(folder, auto)
    summary = index.ingest(folder.name, folder, profile_path, profile, warn=pytest.fail)
    assert summary.documents == len(load_documents(folder, warn=lambda m: None))
    _same_as_direct(index, folder.name, folder, profile)


def _ingest_one(index: Index, tmp_path: Path, story: str, profile_toml: str, article: str) -> Profile:
    """A story folder of one article and its profile, ingested; its profile back."""
    folder = tmp_path / story
    folder.mkdir()
    (folder / "profile.toml").write_text(profile_toml)
    (folder / "a.txt").write_text(article)
    profile_path, profile = _profile(folder, auto=False)
    index.ingest(story, folder, profile_path, profile, warn=pytest.fail)
    return profile


def test_topics_found_at_ingest_read_each_document_headline_as_a_direct_read_does(index, tmp_path):
    # a reaction whose paragraph names no topic takes its headline's; the index assigns topics at ingest
    profile = _ingest_one(index, tmp_path, "quota",
                          '[parties.Peru]\naliases = ["Lima"]\n[parties.Chile]\naliases = ["Santiago"]\n'
                          '[topics.fishing]\nkeywords = ["quota", "catch"]\n[topics.talks]\nkeywords = ["talks"]\n',
                          "Chile halves mackerel quota for Peruvian fleet\n"
                          "Chile said on Monday it would halve the mackerel quota for Peruvian trawlers.\n\n"
                          "President Ana Quispe was in Cusco on a state visit. "
                          "Peru's foreign minister called the decision unlawful.\n")
    shown = brief(index.analysis("quota", profile), "fishing")
    assert [pos.text for p in shown.parties if p.name == "Peru" for pos in p.positions] == [
        "Peru's foreign minister called the decision unlawful"]
    _same_as_direct(index, "quota", tmp_path / "quota", profile)


def test_the_index_keeps_the_articles_own_quotation_marks_as_a_direct_read_does(index, tmp_path):
    # the core reads ‘…’ as a quotation; the sources a user sees quote the article as it is printed
    profile = _ingest_one(index, tmp_path, "marks",
                          '[parties.Peru]\naliases = ["Lima", "Ana Quispe"]\n[parties.Chile]\naliases = ["Santiago"]\n'
                          '[topics.fishing]\nkeywords = ["quota", "catch"]\n',
                          "Peru rejects Chile's quota\nAna Quispe spoke in Lima on Monday.\n"
                          "‘Chile’s quota for our trawlers is unlawful and we will not accept it,’ she said.\n")
    shown = brief(index.analysis("marks", profile), "fishing")
    quotes = [s.quote for p in shown.parties if p.name == "Peru" for pos in p.positions for s in pos.sources]
    assert "‘Chile’s quota for our trawlers is unlawful and we will not accept it,’ she said." in quotes
    assert not [p for p in shown.parties if p.name == "Chile"]
    _same_as_direct(index, "marks", tmp_path / "marks", profile)


def test_only_new_changed_and_removed_documents_are_processed(index, tmp_path):
    folder = tmp_path / "story"
    write_corpus(folder, 6, seed=3)
    profile_path, profile = _profile(folder, False)
    first = index.ingest("s", folder, profile_path, profile, warn=pytest.fail)
    assert (first.added, first.extracted) == (6, 6)
    assert index.refresh("s", folder, profile_path, profile, warn=pytest.fail) is None  # nothing changed
    write_corpus(tmp_path / "more", 8, seed=4)
    shutil.copy(tmp_path / "more" / "00007.txt", folder / "00100.txt")
    (folder / "00001.txt").write_text((tmp_path / "more" / "00006.txt").read_text(), encoding="utf-8")
    (folder / "00002.txt").unlink()
    again = index.refresh("s", folder, profile_path, profile, warn=pytest.fail)
    assert (again.added, again.changed, again.removed, again.documents) == (1, 1, 1, 6)
    # the two new texts, and those that name a person whose entry the new texts changed in the lexicon
    assert 2 <= again.extracted <= 6
    _same_as_direct(index, "s", folder, profile)


def test_a_person_learned_anew_re_extracts_only_the_documents_that_name_them(index, tmp_path):
    folder = tmp_path / "story"
    write_corpus(folder, 4, seed=3)
    (folder / "a.txt").write_text("Kowalczyk rejected the plan for a ceasefire on Monday, officials said.\n\n"
                                  "Warsaw welcomed the talks on Tuesday.\n", encoding="utf-8")
    profile_path, profile = _profile(folder, False)
    assert index.ingest("s", folder, profile_path, profile, warn=pytest.fail).extracted == 5
    (folder / "b.txt").write_text("Polish Foreign Minister Anna Kowalczyk rejected any ceasefire that freezes the "
                                  "front line.\n\nShe said Warsaw would not accept it.\n", encoding="utf-8")
    again = index.refresh("s", folder, profile_path, profile, warn=pytest.fail)
    assert again.extracted == 2  # b.txt, and a.txt that names her; the other articles keep their statements
    _same_as_direct(index, "s", folder, profile)


def test_new_titles_of_a_person_re_extract_only_the_documents_that_read_her_titles(index, tmp_path):
    folder = tmp_path / "story"
    write_corpus(folder, 4, seed=3)
    (folder / "a.txt").write_text("Polish Foreign Minister Anna Kowalczyk met her counterparts in Vienna on Monday."
                                  "\n\nThe minister rejected any ceasefire that freezes the front line, officials "
                                  "said.\n", encoding="utf-8")
    (folder / "c.txt").write_text("Kowalczyk rejected the plan for a ceasefire on Monday, officials said.\n\n"
                                  "Warsaw welcomed the talks on Tuesday.\n", encoding="utf-8")
    profile_path, profile = _profile(folder, False)
    assert index.ingest("s", folder, profile_path, profile, warn=pytest.fail).extracted == 6
    (folder / "b.txt").write_text("Polish Deputy Prime Minister Anna Kowalczyk said Warsaw would not accept it.\n\n"
                                  "Warsaw welcomed the talks on Tuesday.\n", encoding="utf-8")
    again = index.refresh("s", folder, profile_path, profile, warn=pytest.fail)
    assert again.extracted == 2  # b.txt, and a.txt where 'the minister' asked for her titles; not c.txt
    _same_as_direct(index, "s", folder, profile)


def test_syndicated_copies_share_one_extraction_and_one_statement(index, tmp_path):
    folder = tmp_path / "story"
    write_corpus(folder, 3, seed=5)
    shutil.copy(folder / "00000.txt", folder / "00000_wire_copy.txt")
    profile_path, profile = _profile(folder, False)
    summary = index.ingest("s", folder, profile_path, profile, warn=pytest.fail)
    assert summary.documents == 4 and summary.extracted == 3
    analysis = index.analysis("s", profile)
    copied = [c for c in analysis.claims if "story/00000_wire_copy.txt" in c.documents]
    assert copied and all(c.documents[:2] == ["story/00000.txt", "story/00000_wire_copy.txt"] for c in copied)
    _same_as_direct(index, "s", folder, profile)


def test_unreadable_files_warn_and_leave_the_index(index, tmp_path):
    folder = tmp_path / "story"
    write_corpus(folder, 2, seed=6)
    profile_path, profile = _profile(folder, False)
    index.ingest("s", folder, profile_path, profile, warn=pytest.fail)
    (folder / "00001.txt").write_bytes(b"PNG\x00\x01\x02 binary" * 20)
    warnings: list[str] = []
    summary = index.refresh("s", folder, profile_path, profile, warn=warnings.append)
    assert len(warnings) == 1 and warnings[0].startswith("skipped story/00001.txt: ")
    assert (summary.skipped, summary.removed, summary.documents) == (1, 1, 1)


_INGEST = """
import sys
from pathlib import Path
import bot.infra.ingest as ingest
from bot.infra.documents import DocumentFolder
from bot.infra.index import Index, IndexedFolder
from bot.infra.index_store import IndexStore
from config.profile import load_profile
ingest.BATCH = 5
folder = Path(sys.argv[1])
Index(IndexStore(sys.argv[2]), workers=1).ingest("s", folder, folder / "profile.toml",
                                                  load_profile(folder / "profile.toml"), print)
"""


def _tables(db: Path) -> dict[str, list]:
    """The index's contents without the clock's part (first-seen times)."""
    with sqlite3.connect(db) as conn:
        return {
            "documents": conn.execute("select story, doc, content, size, mtime_ns, title, url from index_documents "
                                      "order by doc").fetchall(),
            "contents": conn.execute("select content, text, reading, mentions, parties_key, people, lexicon_key, "
                                     "found from index_contents order by content").fetchall(),
            "stories": conn.execute("select story, signature, lexicon_key from index_stories").fetchall(),
            "seen": conn.execute("select story, claim from index_statement_seen order by claim").fetchall(),
        }


def _documents_in(db: Path) -> int:
    try:
        with sqlite3.connect(db) as conn:
            return conn.execute("select count(*) from index_documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_a_kill_mid_ingest_then_a_rerun_gives_the_same_index_as_one_run(tmp_path):
    folder = write_corpus(tmp_path / "story", 40, seed=8)
    killed, whole = tmp_path / "killed.sqlite3", tmp_path / "whole.sqlite3"
    command = [sys.executable, "-c", _INGEST, str(folder), f"sqlite:///{killed}"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _documents_in(killed) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.kill()
    process.wait()
    assert 0 < _documents_in(killed) < 40, "the kill came too late to test anything"
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-c", _INGEST, str(folder), f"sqlite:///{whole}"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    assert _tables(killed) == _tables(whole)


def test_claim_search_gives_the_same_briefings_as_a_full_scan(index, tmp_path):
    folder = write_corpus(tmp_path / "story", 30, seed=9)
    profile_path, profile = _profile(folder, False)
    index.ingest("s", folder, profile_path, profile, warn=pytest.fail)
    analysis = index.analysis("s", profile)
    search = ClaimSearch.build(analysis)
    for query in [t.key for t in analysis.topics] + [None, "gas pipeline", "prisoner swap"]:
        assert search.brief(query) == brief(analysis, query), query
    for folder in STORIES:
        analysis = analyze(load_documents(folder, warn=lambda m: None), _profile(folder, False)[1])
        search = ClaimSearch.build(analysis)
        for query in [t.key for t in analysis.topics] + [None, "ceasefire talks"]:
            assert search.brief(query) == brief(analysis, query), (folder.name, query)


def test_statements_remember_when_they_were_first_seen(index, tmp_path):
    folder = write_corpus(tmp_path / "story", 2, seed=10)
    corpus = IndexedFolder(DocumentFolder.open(folder), index, story="s", recheck_seconds=0)
    corpus.refresh(pytest.fail)
    before_second = datetime.now(timezone.utc)
    write_corpus(tmp_path / "more", 3, seed=11)
    shutil.copy(tmp_path / "more" / "00002.txt", folder / "00009.txt")
    corpus.refresh(pytest.fail)
    analysis = corpus.analysis(pytest.fail)
    fresh = corpus.since(analysis, before_second)
    assert fresh.claims and len(fresh.claims) < len(analysis.claims)
    assert all(c.documents == ["story/00009.txt"] for c in fresh.claims)
    later = corpus.since(analysis, datetime.now(timezone.utc) + timedelta(seconds=1))
    assert later.claims == ()


def test_stored_briefings_serve_one_state_of_the_folder(index, tmp_path):
    folder = write_corpus(tmp_path / "story", 5, seed=12)
    corpus = IndexedFolder(DocumentFolder.open(folder), index, story="s", recheck_seconds=0)
    corpus.refresh(pytest.fail)
    analysis = corpus.index.analysis("s", corpus.profile())
    search = ClaimSearch.build(analysis)
    corpus.store_briefings(search, ["nato", None])
    assert corpus.stored_briefing("nato") == search.brief("nato")
    assert corpus.stored_briefing(None) == search.brief(None)
    assert corpus.stored_briefing("sanctions") is None  # never stored
    shutil.copy(folder / "00001.txt", folder / "00009.txt")
    assert corpus.stored_briefing("nato") is None  # the folder changed since
    corpus.refresh(pytest.fail)
    assert corpus.stored_briefing("nato") is None  # a new state of the index


def test_service_over_the_index_follows_the_folder(index, tmp_path):
    folder = write_corpus(tmp_path / "story", 4, seed=13)
    service = BriefingService(IndexedFolder(DocumentFolder.open(folder), index, story="s", recheck_seconds=0))
    profile = load_profile(folder / "profile.toml")

    def direct(topic):
        return brief(analyze(load_documents(folder, warn=lambda m: None), profile), topic)

    assert service.brief("nato") == direct("nato") and service.brief(None) == direct(None)
    assert service.brief("nato") is service.brief("nato")  # kept while nothing changed
    write_corpus(tmp_path / "more", 6, seed=14)
    shutil.copy(tmp_path / "more" / "00005.txt", folder / "00010.txt")
    assert service.brief("nato") == direct("nato")


def test_a_group_s_line_from_the_index_names_every_party_as_a_direct_read_does(index, tmp_path):
    # statements keep the parties that held a stance together ('They urged ...' after three named): the index too
    article = ("Truce call\n\nSardon, Arkadia and Norvia called on Friday for a three-month truce in the war. "
               "They described the truce as the only way out of the war for the whole region.\n")
    profile = _ingest_one(index, tmp_path, "group",
                          '[parties.Sardon]\naliases = ["Sardonian"]\n[parties.Arkadia]\naliases = ["Arkadian"]\n'
                          '[parties.Norvia]\naliases = ["Norvian"]\n'
                          '[topics.truce]\nkeywords = ["truce", "war"]\n', article)
    _same_as_direct(index, "group", tmp_path / "group", profile)
    lines = [p.text for g in brief(index.analysis("group", profile), "truce").parties for p in g.positions]
    assert "Sardon, Arkadia and Norvia described the truce as the only way out of the war for the whole region" in lines
