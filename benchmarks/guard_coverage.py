"""Print the faithfulness guard's figures: content-word coverage of faithful and unfaithful lines, and how
the offline lines of the seed and test stories fare (a script, not a test).

python benchmarks/guard_coverage.py
  - per (source, candidate) pair of tests/data/faithfulness_pairs.json: kind, coverage, verdict, reason
  - the lowest coverage of a faithful line and the highest of an 'added claim' line: MIN_COVERAGE sits between
  - the share of offline lines (python -m bot brief --format json, per story) the guard would accept
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.faithfulness import MIN_COVERAGE, check_line, content_coverage, tokens  # noqa: E402
from summarizer.model import Party  # noqa: E402


def pair_figures() -> None:
    data = json.loads((ROOT / "tests" / "data" / "faithfulness_pairs.json").read_text(encoding="utf-8"))
    parties = {name: Party(name, tuple(aliases)) for name, aliases in data["parties"].items()}
    by_kind: dict[str, list[float]] = {}
    for pair in data["pairs"]:
        party = parties.get(pair["party"], Party(pair["party"]))
        sources = [pair["source"], *pair.get("extra_sources", [])]
        coverage, _ = content_coverage(tokens(pair["candidate"]), tokens(" ".join(sources)), party)
        verdict = check_line(pair["candidate"], sources, party, [p for p in parties.values() if p != party])
        by_kind.setdefault(pair["kind"], []).append(coverage)
        print(f"{pair['kind']:<15} coverage {coverage:.2f}  {'accept' if verdict.accepted else 'reject'}  "
              f"{verdict.reason}")
    print()
    for kind, values in by_kind.items():
        print(f"{kind:<15} n={len(values):<3} coverage min {min(values):.2f} max {max(values):.2f}")
    print(f"MIN_COVERAGE = {MIN_COVERAGE}")


def offline_figures() -> None:
    stories = [("seeds", ROOT / "seeds")] + [(p.name, p) for p in sorted((ROOT / "tests/data/stories").iterdir())]
    accepted = total = 0
    for name, folder in stories:
        args = [sys.executable, "-m", "bot", "brief", "--docs", str(folder), "--format", "json"]
        if not (folder / "profile.toml").exists():
            args += ["--profile", "auto"]
        out = json.loads(subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True).stdout)
        for party in out["parties"]:
            for pos in party["positions"]:
                sources = [s["sentence"] for s in pos["sources"]]
                verdict = check_line(pos["text"], sources, Party(party["name"]))
                total += 1
                accepted += verdict.accepted
                if not verdict.accepted:
                    print(f"{name}: offline line rejected ({verdict.reason}): {pos['text']}")
    print(f"offline lines the guard accepts: {accepted}/{total}")


if __name__ == "__main__":
    pair_figures()
    print()
    offline_figures()
