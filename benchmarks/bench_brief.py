"""Print speed and memory figures of the briefing pipeline (a script, not a timed test).

python benchmarks/bench_brief.py [--copies N]
  - wall time of `python -m bot brief nato` on seeds/ (a fresh process, as a user runs it)
  - documents per second and milliseconds per briefing on a synthetic corpus of N varied articles
  - peak memory (tracemalloc) of analysing that corpus
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.infra.documents import load_documents  # noqa: E402
from config.profile import load_profile  # noqa: E402
from summarizer import Document  # noqa: E402
from summarizer.analysis import analyze  # noqa: E402
from summarizer.briefing import brief  # noqa: E402


def cli_wall_time(runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bot", "brief", "nato"], cwd=ROOT, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def corpus(copies: int) -> list[Document]:
    """Seed and test stories, with sentences shuffled per copy so that nothing de-duplicates away."""
    sources = load_documents(ROOT / "seeds", warn=lambda m: None)
    for story in sorted((ROOT / "tests" / "data" / "stories").iterdir()):
        sources += load_documents(story, warn=lambda m: None)
    rng = random.Random(7)
    docs = []
    for n in range(copies):
        base = sources[n % len(sources)]
        lines = base.text.split("\n")
        rng.shuffle(lines)  # distinct text per copy (no cache hits), sentence boundaries intact
        docs.append(Document(id=f"copy{n}/{base.id}", text="\n".join(f"Update {n}: {line}" for line in lines)))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=200)
    args = parser.parse_args()
    print(f"python -m bot brief nato (seeds, best of 5): {cli_wall_time():.3f} s wall")
    docs = corpus(args.copies)
    profile = load_profile(ROOT / "seeds" / "profile.toml")
    start = time.perf_counter()
    analysis = analyze(docs, profile)
    elapsed = time.perf_counter() - start
    tracemalloc.start()  # a second pass: tracing slows Python down several times
    analyze(corpus(args.copies // 4 or 1), profile)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = sum(len(d.text) for d in docs) / 1e6
    print(f"analyse {len(docs)} documents ({size:.1f} MB): {elapsed:.2f} s = {len(docs) / elapsed:.0f} documents/s, "
          f"peak {peak / 1e6:.1f} MB traced (on a quarter of them)")
    topics = [t.key for t in analysis.topics] + [None]
    start = time.perf_counter()
    for topic in topics:
        brief(analysis, topic)
    per = (time.perf_counter() - start) / len(topics) * 1000
    print(f"briefing from an analysis of {len(analysis.claims)} statements: {per:.1f} ms per briefing")


if __name__ == "__main__":
    main()
