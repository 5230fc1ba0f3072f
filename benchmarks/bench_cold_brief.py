"""Cold-process `python -m bot brief TOPIC --docs CORPUS` on a generated corpus: wall time and peak memory.

python benchmarks/bench_cold_brief.py [--documents 1000] [--topic nato] [--corpus DIR]
Prints one JSON object. The corpus (bot/infra/corpus.py, seed 7) is written to a temporary folder unless
--corpus names one that exists. A script that prints figures, not a timed test.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.infra.corpus import write_corpus  # noqa: E402


def cold_brief(corpus: Path, topic: str, env: dict[str, str]) -> dict:
    """One fresh process, as a user runs it; peak memory from the child's rusage (kB on Linux)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "bot", "brief", topic, "--docs", str(corpus)], cwd=ROOT,
                          capture_output=True, env=env)
    wall = time.perf_counter() - start
    if done.returncode:
        sys.exit(done.stderr.decode(errors="replace")[-2000:])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"wall_s": round(wall, 2), "peak_mb": round(peak, 1), "output_kb": round(len(done.stdout) / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--topic", default="nato")
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus if args.corpus and args.corpus.is_dir() else write_corpus(Path(tmp) / "corpus",
                                                                                        args.documents)
        env = {**os.environ, "BRIEFING_DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3"}
        figures = {"documents": sum(1 for _ in corpus.glob("*.txt")), **cold_brief(corpus, args.topic, env)}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
