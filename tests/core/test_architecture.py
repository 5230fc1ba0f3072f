"""The core stays pure, and the generic package names resolve to this project."""
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {"discord", "slack_bolt", "slack_sdk", "apscheduler", "aiohttp", "sqlalchemy", "pydantic_settings",
             "pydantic", "bot", "config", "asyncio", "sqlite3", "socket", "requests", "httpx"}


def test_importing_the_core_loads_no_platform_library_nor_our_adapters():
    code = ("import sys, summarizer; from summarizer.analysis import analyze; from summarizer.briefing import brief;"
            "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))")
    loaded = set(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                check=True).stdout.split())
    assert not (loaded & FORBIDDEN), loaded & FORBIDDEN


def test_generic_package_names_resolve_to_this_repository():
    for name in ("bot", "config", "summarizer"):
        origin = Path(importlib.util.find_spec(name).origin).resolve()
        assert ROOT in origin.parents, f"{name} imported from {origin}"
