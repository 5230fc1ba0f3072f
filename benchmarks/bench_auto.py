"""Print what auto mode (no profile: parties discovered) costs next to a profile (a script, not a timed test).

python benchmarks/bench_auto.py [--copies N]
  - first-use load of the country gazetteer (countryinfo package data plus hand rows)
  - analysis time of the test stories (repeated N times) in auto mode and with a profile of the same parties
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.infra.documents import load_documents  # noqa: E402
from summarizer import Profile  # noqa: E402
from summarizer.analysis import analyze  # noqa: E402
from summarizer.gazetteer import gazetteer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=5)
    copies = parser.parse_args().copies
    start = time.perf_counter()
    gazetteer()
    print(f"gazetteer first load: {1000 * (time.perf_counter() - start):.0f} ms ({len(gazetteer())} entries)")
    stories = sorted(p for p in (ROOT / "tests" / "data" / "stories").iterdir() if p.is_dir())
    docs = [d for story in stories for d in load_documents(story, warn=lambda m: None)] * copies
    analyze(docs[:2], Profile())  # warm caches (regexes, word lists)
    start = time.perf_counter()
    auto = analyze(docs, Profile())
    auto_s = time.perf_counter() - start
    start = time.perf_counter()
    analyze(docs, Profile(parties=auto.parties))
    profile_s = time.perf_counter() - start
    print(f"{len(docs)} documents: auto {auto_s:.2f} s, profile of the same {len(auto.parties)} parties "
          f"{profile_s:.2f} s")


if __name__ == "__main__":
    main()
