"""The CLI contract (docs/architecture.md, Contracts): commands, formats, exit codes, clear errors."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_briefing_follows_the_contract(capsys):
    code, out, _ = run(capsys, "brief", "nato", "--docs", str(SEEDS), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["topic"] == "nato" and data["parties"]
    text = (SEEDS / "000_e83a8d69b52f3ee3.txt").read_text(encoding="utf-8")
    for party in data["parties"]:
        assert set(party) >= {"name", "positions"}
        for pos in party["positions"]:
            assert set(pos) >= {"text", "topic", "sources"} and pos["sources"]
            for src in pos["sources"]:
                assert set(src) >= {"document", "url", "quote"}
                assert src["document"].startswith("seeds/") and src["url"] is None
                assert " ".join(src["quote"].split()) in " ".join(text.split())


def test_free_text_topic_and_hyphenated_key_give_the_same_briefing(capsys):
    _, hyphen, _ = run(capsys, "brief", "security-guarantees", "--docs", str(SEEDS), "--format", "json")
    _, words, _ = run(capsys, "brief", "security", "guarantees", "--docs", str(SEEDS), "--format", "json")
    assert json.loads(hyphen)["parties"] == json.loads(words)["parties"]


def test_text_and_markdown_read_well(capsys):
    _, text, _ = run(capsys, "brief", "nato", "--docs", str(SEEDS))
    assert "Sources" in text and "[1]" in text and all(len(line) <= 100 for line in text.splitlines())
    _, md, _ = run(capsys, "brief", "nato", "--docs", str(SEEDS), "--format", "markdown")
    assert md.startswith("# ") and "**Sources**" in md


def test_overview_without_topic_covers_several_topics(capsys):
    code, out, _ = run(capsys, "brief", "--docs", str(SEEDS), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["topic"] is None
    assert len({pos["topic"] for p in data["parties"] for pos in p["positions"]}) >= 3


def test_nothing_found_still_exits_zero_and_lists_known_topics(capsys):
    code, out, _ = run(capsys, "brief", "fisheries", "quotas", "--docs", str(SEEDS))
    assert code == 0 and "No positions found" in out and "nato" in out


def test_topics_lists_topics_and_parties(capsys):
    code, out, _ = run(capsys, "topics", "--docs", str(SEEDS), "--format", "json")
    data = json.loads(out)
    assert code == 0 and "nato" in {t["key"] for t in data["topics"]}
    assert {"Ukraine", "Russia"} <= {p["name"] for p in data["parties"]}


def test_auto_profile_discovers_parties_without_a_profile(capsys, tmp_path):
    (tmp_path / "a.txt").write_text((SEEDS / "000_e83a8d69b52f3ee3.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(capsys, "topics", "--docs", str(tmp_path), "--format", "json")
    parties = {p["name"] for p in json.loads(out)["parties"]}
    assert code == 0 and {"Ukraine", "Russia", "United States", "NATO"} <= parties


def test_missing_folder_is_a_usage_error_naming_it(capsys, tmp_path):
    code, _, err = run(capsys, "brief", "nato", "--docs", str(tmp_path / "nowhere"))
    assert code == 2 and "nowhere" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("body, key", [
    ("[parties.A]\naliases = ['a']\ncolour = 'red'\n", "parties.A.colour"),
    ("[topics.t]\nkeywords = 'not a list'\n", "topics.t.keywords"),
    ("[partys.A]\n", "partys"),
    ("[parties.A\n", "not valid TOML"),
])
def test_malformed_profile_names_the_file_and_key(capsys, tmp_path, body, key):
    profile = tmp_path / "p.toml"
    profile.write_text(body, encoding="utf-8")
    code, _, err = run(capsys, "brief", "x", "--docs", str(SEEDS), "--profile", str(profile))
    assert code == 2 and str(profile) in err and key in err


def test_bad_files_warn_and_the_rest_still_briefs(capsys, tmp_path):
    (tmp_path / "seed.txt").write_text((SEEDS / "000_e83a8d69b52f3ee3.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02")
    code, out, err = run(capsys, "brief", "nato", "--docs", str(tmp_path), "--profile", str(SEEDS / "profile.toml"))
    assert code == 0 and "broken.txt" in err and "Ukraine" in out


def test_module_entry_point_runs_from_the_repository_root():
    proc = subprocess.run([sys.executable, "-m", "bot", "brief", "nato", "--format", "json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["parties"]
