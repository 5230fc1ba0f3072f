"""Several stories through the CLI: `brief` with and without `--story`, `subscribe --story`, `subscriptions`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.infra.store import Store
from tests.stories_desk import write_stories


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two stories with different parties as the configured documents root, the store in a temporary file."""
    for name in ("BRIEFING_FEEDS", "BRIEFING_URLS", "BRIEFING_PROFILE", "BRIEFING_LLM_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    root = write_stories(tmp_path / "stories")
    monkeypatch.setenv("BRIEFING_DOCUMENTS", str(root))
    monkeypatch.setenv("BRIEFING_DATABASE_URL", f"sqlite:///{tmp_path / 'store.sqlite3'}")
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def parties(out: str) -> list[str]:
    return [p["name"] for p in json.loads(out)["parties"] if p["positions"]]


def test_brief_with_and_without_the_story(capsys, root):
    code, out, _ = run(capsys, "brief", "nato", "--story", "baltic", "--format", "json")
    assert code == 0 and parties(out) == ["Estonia", "Finland"]
    code, out, _ = run(capsys, "brief", "nato", "--story", "ukraine", "--format", "json")
    assert code == 0 and parties(out) == ["Ukraine", "Russia"]
    code, out, _ = run(capsys, "brief", "grain", "--format", "json")  # only one story has the topic
    assert code == 0 and parties(out) == ["Ukraine", "Russia"]
    code, _, err = run(capsys, "brief", "nato")
    assert code == 2 and "“nato” is a topic of several stories: baltic, ukraine. Which one?" in err


def test_subscribe_stores_the_story_and_subscriptions_lists_it(capsys, root, tmp_path):
    code, out, _ = run(capsys, "subscribe", "slack:C1", "--at", "08:00", "--topic", "nato", "--story", "ukraine")
    assert code == 0 and "ukraine · nato 08:00" in out
    code, out, _ = run(capsys, "subscribe", "slack:C1", "--at", "08:00", "--topic", "ports")  # implied: baltic
    assert code == 0 and "baltic · ports" in out
    code, _, err = run(capsys, "subscribe", "slack:C1", "--at", "08:00", "--topic", "nato")
    assert code == 2 and "several stories" in err
    code, _, err = run(capsys, "subscribe", "slack:C1", "--at", "08:00", "--story", "arctic")
    assert code == 2 and "no story “arctic”" in err
    code, out, _ = run(capsys, "subscriptions")
    header, first, second = out.strip().splitlines()
    assert header.split()[:4] == ["ID", "TARGET", "STORY", "TOPIC"]
    assert first.split()[:4] == ["1", "slack:C1", "ukraine", "nato"]
    assert second.split()[:4] == ["2", "slack:C1", "baltic", "ports"]
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    assert [(s.story, s.topic) for s in store.list()] == [("ukraine", "nato"), ("baltic", "ports")]
    store.close()
