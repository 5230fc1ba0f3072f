"""Hostile files in the documents folder: each is briefed (or skipped with a warning) within a time bound.

Before the linear-time rewrite these took from 7 s ('[' x 100,000) to hours (a 5 MB line). The bound is on the
briefing process's CPU time, which other work on a shared machine does not stretch (there a plain seed briefing
can take 7 s of wall-clock time); the wall clock is bounded too, generously, by the subprocess timeout.
"""
from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))
MB = 1024 * 1024


def _one_line_article(size: int) -> str:
    line = " ".join(part.strip() for part in SEED.read_text(encoding="utf-8").splitlines() if part.strip()) + " "
    return (line * (size // len(line) + 1)).encode("utf-8")[:size].decode("utf-8", errors="ignore")


def _varied_one_line(size: int) -> str:
    """Numbered sentences that never repeat, so nothing de-duplicates away."""
    words = SEED.read_text(encoding="utf-8").split()
    out, total, n = [], 0, 0
    while total < size:
        start = (n * 7) % (len(words) - 12)
        out.append(f"Kyiv said on day {n} that {' '.join(words[start:start + 12])} mattered.")
        total += len(out[-1]) + 1
        n += 1
    return " ".join(out).encode("utf-8")[:size].decode("utf-8", errors="ignore")


CASES = {
    "one-line-5mb.txt": (lambda: _one_line_article(5 * MB), 10.0),
    "varied-one-line-5mb.txt": (lambda: _varied_one_line(5 * MB), 10.0),
    "updated.txt": (lambda: "Updated " + "a" * 32 * 1024, 5.0),
    "brackets.txt": (lambda: "[" * 100_000, 5.0),
    "open-tags.html": (lambda: "<a " * 33_333, 5.0),
    "titles.txt": (lambda: "President " * 100_000, 5.0),
}


WALL_CLOCK_LIMIT = 90.0  # seconds; the old code needed minutes to hours for most cases


def _brief(folder: Path) -> tuple[subprocess.CompletedProcess, float]:
    """Run `brief` on `folder` in a fresh process; (result, CPU seconds it used)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "bot", "brief", "nato", "--docs", str(folder), "--format", "json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=WALL_CLOCK_LIMIT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return done, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_file_does_not_stall_the_briefing(tmp_path, name):
    make, bound = CASES[name]
    shutil.copy(SEED, tmp_path / SEED.name)
    shutil.copy(ROOT / "seeds" / "profile.toml", tmp_path / "profile.toml")
    (tmp_path / name).write_text(make(), encoding="utf-8")
    done, cpu = _brief(tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert cpu < bound, f"{name}: {cpu:.1f} s of CPU"
    ukraine = [p for p in json.loads(done.stdout)["parties"] if p["name"] == "Ukraine"]
    assert ukraine and ukraine[0]["positions"], "the seed article is still briefed"
    if "varied" in name:  # too much distinct text for a news article: cut short (or, on a slow machine, over the
        # per-file budget and skipped), named, the rest briefed
        assert f"{tmp_path.name}/{name}" in done.stderr
        assert "read only its first" in done.stderr or "not read within" in done.stderr
