"""Print every quality figure of every annotated test story, with the gold profile and without one (auto mode).

python benchmarks/quality.py [STORY ...] [--json]

Briefings come from `python -m bot brief TOPIC --docs tests/data/stories/STORY --format json`, scored with
tests/story_scoring.py (the shared scorer's figures). The auto columns also list the gold parties auto mode
did not find and the parties it lists that hold no gold stance.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.story_scoring import (  # noqa: E402
    STORIES, auto_party_check, listed_parties, load_gold, score, story_briefings)

COLUMNS = [("pair_recall", "recall"), ("evidence_recall", "ev_rec"), ("attribution_precision", "attrib"),
           ("topic_precision", "topic"), ("unsupported_rate", "unsup"), ("words_per_position", "words"),
           ("duplicate_items", "dups"), ("clean_line_rate", "clean"), ("items", "items")]


def measure(story: str) -> dict:
    """Figures with the gold profile and in auto mode, plus auto mode's party check."""
    gold = load_gold(story)
    result = {}
    for mode, with_profile in (("profile", True), ("auto", False)):
        figures = score(gold, story_briefings(story, with_profile))
        figures.pop("texts")
        figures.pop("per_topic")
        result[mode] = figures
    missed, strays = auto_party_check(gold, listed_parties(story))
    result["auto_parties"] = {"missed": missed, "strays": strays}
    return result


def cell(value) -> str:
    return "-" if value is None else f"{value:g}" if isinstance(value, (int, float)) else str(value)


def print_table(results: dict[str, dict]) -> None:
    header = f"{'story':<10} {'mode':<8}" + "".join(f"{short:>8}" for _, short in COLUMNS) + "  defects"
    print(header)
    print("-" * len(header))
    for story, result in results.items():
        for mode in ("profile", "auto"):
            figures = result[mode]
            row = f"{story:<10} {mode:<8}" + "".join(f"{cell(figures[key]):>8}" for key, _ in COLUMNS)
            print(row + "  " + (", ".join(f"{k}={v}" for k, v in figures["line_defects"].items()) or "none"))
    print()
    print("auto mode parties (gold holders not found | listed parties holding no gold stance)")
    for story, result in results.items():
        check = result["auto_parties"]
        print(f"{story:<10} missed: {', '.join(check['missed']) or 'none'} | strays: {', '.join(check['strays']) or 'none'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stories", nargs="*", help="story folder names (default: all with a gold.json)")
    parser.add_argument("--json", action="store_true", help="print every figure as JSON")
    args = parser.parse_args()
    stories = args.stories or sorted(p.parent.name for p in STORIES.glob("*/gold.json"))
    results = {story: measure(story) for story in stories}
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print_table(results)


if __name__ == "__main__":
    main()
