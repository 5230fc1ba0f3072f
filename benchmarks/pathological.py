"""Print the analysis time of hostile one-line documents (a script, not a timed test).

python benchmarks/pathological.py [--timeout S] [--cases NAME ...]
Each case writes one file into a fresh folder and times, in a fresh process, loading it and analysing it with
the seed profile (what `brief` does). A case still running after --timeout seconds is killed and shown as such.
  - one-line-100k / 1m / 5m: real article text with every line break removed, repeated to the size
  - varied-1m / 5m: every test story's sentences, shuffled and numbered per copy so nothing repeats, on one
    line (give --budget 1000 to time their whole analysis instead of the loader's skip)
  - updated-32k: the line "Updated " followed by 32 KB of "a" (a boilerplate pattern's worst case)
  - brackets-100k: 100,000 "[" on one line (a link-list pattern's worst case)
  - open-tags-100k: "<a " 33,333 times in an .html file (html.parser's worst case)
The 1 MB -> 5 MB growth is printed too: linear text handling keeps it near x5.
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KB = 1024

_CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from bot.infra.documents import load_documents
budget = {budget}
from config.profile import load_profile
from summarizer.analysis import analyze
start = time.perf_counter()
docs = load_documents(Path({folder!r}), warn=lambda m: print('warning:', m[:120], file=sys.stderr),
                      **({{'budget': budget}} if budget else {{}}))
analysis = analyze(docs, load_profile(Path({profile!r})))
print(f"{{time.perf_counter() - start:.3f}} {{len(analysis.claims)}}")
"""


def one_line_article(size: int) -> str:
    """Seed article text joined into a single line, repeated up to `size` bytes of UTF-8."""
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    line = " ".join(part.strip() for part in seed.splitlines() if part.strip()) + " "
    data = (line * (size // len(line) + 1)).encode("utf-8")[:size]
    return data.decode("utf-8", errors="ignore")


def one_line_varied(size: int) -> str:
    """Sentences of every test story, shuffled and numbered per copy (nothing repeats), on one line."""
    lines = [part.strip() for path in sorted((ROOT / "tests" / "data" / "stories").rglob("*.*"))
             if path.suffix in (".txt", ".md") for part in path.read_text(encoding="utf-8").splitlines()
             if len(part.strip()) > 40]
    rng, out, total, copy = random.Random(7), [], 0, 0
    while total < size:
        rng.shuffle(lines)
        for line in lines:
            out.append(f"Update {copy}: {line}")
            total += len(out[-1].encode("utf-8")) + 1
        copy += 1
    return " ".join(out).encode("utf-8")[:size].decode("utf-8", errors="ignore")


CASES = {
    "one-line-100k": lambda: one_line_article(100 * KB),
    "one-line-1m": lambda: one_line_article(1024 * KB),
    "one-line-5m": lambda: one_line_article(5 * 1024 * KB),
    "varied-1m": lambda: one_line_varied(1024 * KB),
    "varied-5m": lambda: one_line_varied(5 * 1024 * KB),
    "updated-32k": lambda: "Updated " + "a" * (32 * KB),
    "brackets-100k": lambda: "[" * 100_000,
    "open-tags-100k": lambda: "<a " * 33_333,
}


def run_case(name: str, timeout: float, budget: float | None) -> float | None:
    """Seconds the child took to load and analyse the case's file (None when killed at `timeout`)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        suffix = ".html" if "tags" in name else ".txt"
        (folder / f"{name}{suffix}").write_text(CASES[name](), encoding="utf-8")
        code = _CHILD.format(root=str(ROOT), folder=str(folder), profile=str(ROOT / "seeds" / "profile.toml"),
                             budget=budget)
        try:
            done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout,
                                  check=True)
        except subprocess.TimeoutExpired:
            return None
        for line in done.stderr.splitlines():
            print(f"    {line}")
        return float(done.stdout.split()[0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--budget", type=float, help="per-file time budget of the loader (default: its own)")
    parser.add_argument("--cases", nargs="*", default=list(CASES), choices=list(CASES))
    args = parser.parse_args()
    figures: dict[str, float | None] = {}
    for name in args.cases:
        wall = time.perf_counter()
        figures[name] = run_case(name, args.timeout, args.budget)
        shown = f"{figures[name]:.3f} s" if figures[name] is not None else f"> {args.timeout:.0f} s (killed)"
        print(f"{name:15} {shown}   (process wall {time.perf_counter() - wall:.1f} s)", flush=True)
    for kind in ("one-line", "varied"):
        small, large = figures.get(f"{kind}-1m"), figures.get(f"{kind}-5m")
        if small and large:
            print(f"{kind} growth 1 MB -> 5 MB: x{large / small:.2f} (linear: ~x5, limit x7.5)")


if __name__ == "__main__":
    main()
