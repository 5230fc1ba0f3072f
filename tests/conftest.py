"""Fixtures shared across the test layers: a real store (SQLite; PostgreSQL when asked) and a clean environment."""
from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine

from bot.infra.store import Store, metadata

POSTGRES = os.environ.get("BRIEFING_TEST_POSTGRES_URL")  # e.g. postgresql+psycopg://u@127.0.0.1/db: opt-in
DEPLOYMENT_PREFIXES = ("BRIEFING_", "SLACK_", "DISCORD_")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    """A real SQLite file; also a PostgreSQL database when BRIEFING_TEST_POSTGRES_URL names one (emptied)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
        return
    if not POSTGRES:
        pytest.skip("set BRIEFING_TEST_POSTGRES_URL to run the store tests on PostgreSQL too")
    engine = create_engine(POSTGRES)
    metadata.drop_all(engine)
    yield POSTGRES
    metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture
def store(url) -> Store:
    s = Store(url)
    yield s
    s.close()


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No BRIEFING_*/SLACK_*/DISCORD_* (or PORT) from the developer's shell reaches the app under test."""
    for name in list(os.environ):
        if name.startswith(DEPLOYMENT_PREFIXES) or name == "PORT":
            monkeypatch.delenv(name)
