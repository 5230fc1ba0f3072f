"""`python -m bot bench [--documents N]`: performance figures of the index and briefings, printed as JSON.

Makes a corpus of N news-like articles (or reads --corpus DIR), and measures: cold ingest (documents/s, both
cores), re-ingest after 1% of the articles changed (s), warm briefing latency p50/p95 for topic queries and the
overview (ms, in one process, index loaded), a whole-process `python -m bot brief TOPIC` (s), peak memory (MB)
and the size of the text briefing (KB). A benchmark prints figures; it asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.app.service import BriefingService
from bot.infra.corpus import article, write_corpus
from bot.infra.documents import DocumentFolder
from bot.infra.index import Index, IndexedFolder
from bot.infra.index_store import IndexStore
from bot.render.terminal import render_briefing
from config.settings import Settings
from summarizer.search import ClaimSearch

REPEATS = 3  # timed runs of each query on the warm index (memoised); made afresh: once
CHANGED = 0.01  # share of the articles rewritten before the re-ingest


def bench_command(args: argparse.Namespace, settings: Settings) -> int:
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        corpus = args.corpus or write_corpus(Path(tmp) / "corpus", args.documents)
        url = f"sqlite:///{Path(tmp) / 'index.sqlite3'}"
        print(json.dumps(measure(corpus, url, args.topic), indent=2))
    return 0


def measure(corpus: Path, url: str, topic: str) -> dict:
    store = IndexStore(url)
    folder = DocumentFolder.open(corpus)
    indexed = IndexedFolder(folder, Index(store), recheck_seconds=0)
    count = sum(1 for _ in corpus.rglob("*.txt"))
    start = time.perf_counter()
    indexed.refresh(lambda message: None)
    cold = time.perf_counter() - start
    _touch(corpus, max(1, int(count * CHANGED)))
    start = time.perf_counter()
    summary = indexed.refresh(lambda message: None)
    reingest = time.perf_counter() - start
    start = time.perf_counter()
    analysis = indexed.index.analysis(indexed.story, folder.profile())
    load = time.perf_counter() - start
    topics = [t.key for t in analysis.topics]
    start = time.perf_counter()
    indexed.store_briefings(ClaimSearch.build(analysis), [*topics, None])
    stored = time.perf_counter() - start
    statements = len(analysis.claims)
    del analysis  # the service below loads its own: peak memory is one analysis, as in a running bot
    service = BriefingService(IndexedFolder(folder, Index(store)))
    service.analysis()
    _latencies(service.brief, topics, 1)  # each briefing made once: what a warm service then answers from
    kept = _latencies(service.brief, topics, REPEATS)
    fresh = _latencies(service.search().afresh().brief, topics, 1)  # not a second search: a bot holds one
    text = render_briefing(service.brief(topic), "text")
    wall = _whole_process(corpus, url, topic)
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"documents": count, "cold_ingest_docs_per_s": round(count / cold, 1), "cold_ingest_s": round(cold, 2),
            "reingest_1pct_s": round(reingest, 2), "reingest_changed": summary.changed if summary else 0,
            "index_load_s": round(load, 2), "store_briefings_s": round(stored, 2), "statements": statements,
            **_figures("warm", kept), **_figures("warm_uncached", fresh),
            "whole_process_brief_s": round(wall, 2), "peak_mb": round(peak / 1024, 1),
            "text_briefing_kb": round(len(text.encode()) / 1024, 1), "cores": os.cpu_count()}


def _touch(corpus: Path, n: int) -> None:
    """Rewrite n articles with new text (as an outlet updating its stories)."""
    rng = random.Random(99)
    files = sorted(corpus.glob("*.txt"))
    for path in rng.sample(files, n):
        path.write_text(article(rng, rng.randint(0, 10**6)), encoding="utf-8")


def _latencies(brief, topics: list[str], repeats: int) -> tuple[list[float], list[float]]:
    """Milliseconds of each topic query and of the overview, `repeats` times over."""
    topic_ms, overview_ms = [], []
    for _ in range(repeats):
        for query in topics:
            start = time.perf_counter()
            brief(query)
            topic_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        brief(None)
        overview_ms.append((time.perf_counter() - start) * 1000)
    return topic_ms, overview_ms


def _figures(name: str, latencies: tuple[list[float], list[float]]) -> dict:
    topic_ms, overview_ms = latencies
    return {f"{name}_topic_p50_ms": _p(topic_ms, 50), f"{name}_topic_p95_ms": _p(topic_ms, 95),
            f"{name}_overview_p50_ms": _p(overview_ms, 50), f"{name}_overview_p95_ms": _p(overview_ms, 95)}


def _whole_process(corpus: Path, url: str, topic: str) -> float:
    env = {**os.environ, "BRIEFING_DATABASE_URL": url}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot", "brief", topic, "--docs", str(corpus)], env=env, check=True,
                   capture_output=True)
    return time.perf_counter() - start


def _p(values: list[float], percent: int) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * percent / 100))], 1)
