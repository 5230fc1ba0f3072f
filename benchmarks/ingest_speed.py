"""Cold ingest of a generated corpus: wall time, CPU time of this process and its workers, and where it goes.

python benchmarks/ingest_speed.py [--documents 1000] [--corpus DIR] [--workers N] [--profile read|extract|parent]
Prints one JSON object: documents/s (wall), user+sys CPU seconds of the parent and of the pool's workers
(RUSAGE_CHILDREN, counted once the pool has shut down), and CPU ms per document. With --profile, a cProfile of
one part, sorted by cumulative and internal time, is printed first: `read` (sentence splitting of every
document), `extract` (find_statements of every reading, under the corpus's lexicon) or `parent` (the whole
ingest in this process, one worker, so that SQLite writes, pickling, compression and hashing show) or `pool`
(the parent process alone while the pool works: what the workers wait on).
The corpus (bot/infra/corpus.py, seed 7) is written to a temporary folder unless --corpus names one. A script
that prints figures; it asserts nothing.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.infra.corpus import write_corpus  # noqa: E402
from bot.infra.documents import DocumentFolder  # noqa: E402
from bot.infra.index import Index, IndexedFolder  # noqa: E402
from bot.infra.index_store import IndexStore  # noqa: E402
from summarizer.extraction import find_statements, read  # noqa: E402
from summarizer.parties import build_lexicon  # noqa: E402


def cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def cold_ingest(corpus: Path, db: Path, workers: int | None) -> dict:
    """One cold ingest through the index (as `bench` does), timed by wall clock and CPU."""
    folder = DocumentFolder.open(corpus)
    indexed = IndexedFolder(folder, Index(IndexStore(f"sqlite:///{db}"), workers=workers), recheck_seconds=0)
    count = sum(1 for _ in corpus.rglob("*.txt"))
    parent, children = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    indexed.refresh(lambda message: None)
    wall = time.perf_counter() - start
    parent, children = cpu(resource.RUSAGE_SELF) - parent, cpu(resource.RUSAGE_CHILDREN) - children
    return {"documents": count, "cold_ingest_docs_per_s": round(count / wall, 1), "wall_s": round(wall, 2),
            "cpu_parent_s": round(parent, 2), "cpu_workers_s": round(children, 2),
            "cpu_ms_per_doc": round((parent + children) * 1000 / count, 2)}


def profile_core(corpus: Path, part: str) -> None:
    """cProfile of reading or of extracting every document of the corpus, in this process."""
    folder = DocumentFolder.open(corpus)
    documents = folder.documents(lambda message: None)
    profile = folder.profile()
    profiler = cProfile.Profile()
    if part == "read":
        profiler.runcall(lambda: [read(d) for d in documents])
    else:
        readings = [read(d) for d in documents]
        lexicon = build_lexicon(profile.parties, [d.text for d in documents])
        profiler.runcall(lambda: [find_statements(r, lexicon) for r in readings])
    _print_stats(profiler)


def _print_stats(profiler: cProfile.Profile) -> None:
    stats = pstats.Stats(profiler, stream=sys.stderr)
    stats.sort_stats("cumulative").print_stats(35)
    stats.sort_stats("tottime").print_stats(35)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--profile", choices=("read", "extract", "parent", "pool"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ingest-speed-") as tmp:
        corpus = args.corpus if args.corpus and args.corpus.exists() else None
        corpus = corpus or write_corpus(args.corpus or Path(tmp) / "corpus", args.documents)
        if args.profile in ("read", "extract"):
            profile_core(corpus, args.profile)
            return
        if args.profile in ("parent", "pool"):
            profiler = cProfile.Profile()
            workers = 1 if args.profile == "parent" else args.workers
            figures = profiler.runcall(cold_ingest, corpus, Path(tmp) / "index.sqlite3", workers)
            _print_stats(profiler)
        else:
            figures = cold_ingest(corpus, Path(tmp) / "index.sqlite3", args.workers)
        print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
