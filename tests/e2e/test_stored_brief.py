"""`python -m bot brief` from the stored briefing: byte for byte what the full path prints, without loading
SQLAlchemy or the analysis, and never once the folder or profile changed."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = {"sqlalchemy", "summarizer.analysis", "summarizer.briefing", "pysbd"}
RUN = ("import runpy, sys\nsys.argv = ['bot', *sys.argv[1:]]\nstatus = 0\ntry:\n"
       "    runpy.run_module('bot', run_name='__main__')\nexcept SystemExit as exc:\n    status = exc.code\n"
       "sys.stdout.flush()\nprint('modules:', ' '.join(sorted(sys.modules)), file=sys.stderr)\nsys.exit(status)")


@pytest.fixture
def docs(tmp_path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path / "seeds"


def brief(store: Path, docs: Path, *args: str) -> tuple[str, set[str]]:
    """stdout of `python -m bot brief ARGS` and the modules the process loaded."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFING_")}
    env.update(BRIEFING_DATABASE_URL=f"sqlite:///{store}", BRIEFING_DOCUMENTS=str(docs))
    proc = subprocess.run([sys.executable, "-c", RUN, "brief", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    modules = proc.stderr.strip().splitlines()[-1].removeprefix("modules: ").split()
    return proc.stdout, set(modules)


@pytest.mark.parametrize("args", [("nato",), ("nato", "--format", "json"), ("nato", "--profile", "auto"),
                                  ("nato", "--profile", "auto", "--format", "json"), (), ("--format", "markdown"),
                                  ("security", "guarantees")], ids=" ".join)
def test_the_stored_briefing_is_what_the_full_path_prints(tmp_path, docs, args):
    full, loaded = brief(tmp_path / "store.sqlite3", docs, *args)  # a fresh store: ingest, brief, keep
    assert loaded & HEAVY
    stored, light = brief(tmp_path / "store.sqlite3", docs, *args)
    assert not light & HEAVY, light & HEAVY
    assert stored == full and full.strip()


def test_a_changed_folder_is_never_answered_from_the_store(tmp_path, docs):
    before, _ = brief(tmp_path / "store.sqlite3", docs, "nato")
    brief(tmp_path / "store.sqlite3", docs, "nato")
    seed = next(docs.glob("*.txt"))
    shutil.copy(seed, docs / "copy.txt")  # a syndicated copy: the sources now name two documents
    after, loaded = brief(tmp_path / "store.sqlite3", docs, "nato")
    assert loaded & HEAVY
    expected, _ = brief(tmp_path / "fresh.sqlite3", docs, "nato")
    assert after == expected != before
    again, light = brief(tmp_path / "store.sqlite3", docs, "nato")
    assert again == expected and not light & HEAVY


def test_a_changed_profile_is_never_answered_from_the_store(tmp_path, docs):
    brief(tmp_path / "store.sqlite3", docs, "nato")
    profile = docs / "profile.toml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("[topics.nato]", "[topics.alliance]"),
                       encoding="utf-8")
    after, loaded = brief(tmp_path / "store.sqlite3", docs, "nato")
    expected, _ = brief(tmp_path / "fresh.sqlite3", docs, "nato")
    assert loaded & HEAVY and after == expected


def test_problems_are_reported_by_the_full_path_as_before(tmp_path, docs):
    brief(tmp_path / "store.sqlite3", docs, "nato")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFING_")}
    env.update(BRIEFING_DATABASE_URL=f"sqlite:///{tmp_path / 'store.sqlite3'}", BRIEFING_DOCUMENTS=str(docs))
    for args, named in ((["--profile", str(tmp_path / "missing.toml")], "missing.toml"),
                        (["--docs", str(tmp_path / "nowhere")], "nowhere")):
        proc = subprocess.run([sys.executable, "-m", "bot", "brief", "nato", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2 and proc.stderr.startswith("error: ") and named in proc.stderr, proc.stderr
        assert proc.stderr.count("\n") == 1 and not proc.stdout
