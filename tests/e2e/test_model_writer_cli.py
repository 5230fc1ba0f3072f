"""The model writer through the command line and the chat router, against a fake model server on 127.0.0.1."""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.app.commands import CommandContext
from bot.cli.main import main
from bot.cli.basics import build_service
from bot.cli.dispatch import load_settings
from bot.cli.wiring import build_router
from summarizer import Party
from summarizer.faithfulness import check_line
from tests.fakes.openai_fake import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SECRET = "sk-e2e-SECRET-9876"
FORMATS = ("text", "markdown", "json")


@pytest.fixture
async def llm():
    async with FakeOpenAI() as fake:  # answers each position's offline line, as a cautious model might
        yield fake


@pytest.fixture
def store_env(clean_env, monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEFING_DATABASE_URL", f"sqlite:///{tmp_path / 'store.sqlite3'}")


def _model_env(monkeypatch, llm, timeout: str = "5") -> None:
    monkeypatch.setenv("BRIEFING_LLM_BASE_URL", llm.base_url)
    monkeypatch.setenv("BRIEFING_LLM_MODEL", "fake-model")
    monkeypatch.setenv("BRIEFING_LLM_API_KEY", SECRET)
    monkeypatch.setenv("BRIEFING_LLM_TIMEOUT", timeout)


async def _brief(capsys, *argv: str) -> tuple[int, str, str]:
    code = await asyncio.to_thread(main, ["brief", *argv, "--docs", str(SEEDS)])
    out, err = capsys.readouterr()
    return code, out, err


def test_without_the_settings_brief_loads_no_model_client(clean_env):
    """(SQLAlchemy is loaded: briefings read the index in the store, issue 8; the model client and httpx are not.)"""
    code = ("import runpy, sys\nsys.argv = ['bot', 'brief', 'nato']\ntry:\n    runpy.run_module('bot', run_name='__main__')\n"
            "except SystemExit:\n    pass\nprint(' '.join(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin"})
    loaded = set(proc.stderr.strip().splitlines()[-1].split())
    assert proc.returncode == 0 and "NATO" in proc.stdout and "summarizer" in loaded
    assert not loaded & {"openai", "httpx"}


async def test_a_failing_model_leaves_every_format_byte_for_byte_as_without_one(llm, store_env, monkeypatch, capsys,
                                                                                   caplog):
    without = {fmt: await _brief(capsys, "nato", "--format", fmt) for fmt in FORMATS}
    _model_env(monkeypatch, llm)
    llm.answer = lambda call: (_ for _ in ()).throw(RuntimeError("unused"))
    for fmt in FORMATS:
        llm.script(*[Reply(status=500)] * 10)
        caplog.clear()
        code, out, err = await _brief(capsys, "nato", "--format", fmt)
        assert code == 0 and out == without[fmt][1]
        warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
        assert len(warnings) == 1 and "fake-model" in warnings[0] and "HTTP 500" in warnings[0]
        assert SECRET not in err + out + caplog.text
    assert all(p["writer"] == "offline" for party in json.loads(without["json"][1])["parties"]
               for p in party["positions"])


async def test_json_says_who_wrote_each_line_and_every_model_line_passes_the_guard(llm, store_env, monkeypatch,
                                                                                    capsys, caplog):
    _model_env(monkeypatch, llm)
    llm.answer = lambda call: f"Says {call.draft[:1].lower()}{call.draft[1:]}"
    code, out, err = await _brief(capsys, "nato", "--format", "json")
    data = json.loads(out)
    writers = [p["writer"] for party in data["parties"] for p in party["positions"]]
    assert code == 0 and "model" in writers and set(writers) <= {"model", "offline"}
    for party in data["parties"]:
        for pos in party["positions"]:
            if pos["writer"] == "model":
                assert pos["text"].startswith("Says ")
                assert check_line(pos["text"], [s["sentence"] for s in pos["sources"]], Party(party["name"])).accepted
    assert SECRET not in err + caplog.text


async def test_a_second_briefing_and_a_restart_make_no_new_calls(llm, store_env, monkeypatch, capsys):
    _model_env(monkeypatch, llm)
    first = await _brief(capsys, "nato", "--format", "json")
    calls = len(llm.requests)
    assert calls and json.loads(first[1])["parties"]
    assert await _brief(capsys, "nato", "--format", "json") == first
    restarted = await asyncio.create_subprocess_exec(  # a new process, reading the same store
        sys.executable, "-m", "bot", "brief", "nato", "--docs", str(SEEDS), "--format", "json", cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, _ = await asyncio.wait_for(restarted.communicate(), timeout=120)
    assert restarted.returncode == 0 and out.decode() == first[1]
    assert len(llm.requests) == calls


async def test_a_slash_command_answers_in_time_with_a_slow_model(llm, store_env, monkeypatch):
    _model_env(monkeypatch, llm, timeout="8")
    llm.script(*[Reply(content="Sees NATO membership as crucial for national security", delay=6)] * 10)
    settings = load_settings()
    service = build_service(settings, documents=SEEDS)
    service.analysis()  # read and analyse the documents first: only the model's part is timed here
    router = build_router(settings, service)
    start = time.monotonic()
    reply = await asyncio.to_thread(router.handle, "nato", CommandContext("slack", "C1"))
    assert time.monotonic() - start < 2.5  # Slack drops a command unanswered after 3 s
    assert reply.briefing is not None and not reply.briefing.is_empty
    assert {p.writer for party in reply.briefing.parties for p in party.positions} == {"offline"}
    await asyncio.to_thread(router.service.drain)


async def test_a_base_url_without_a_model_name_is_a_clear_error(clean_env, monkeypatch, capsys):
    monkeypatch.setenv("BRIEFING_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    code, _, err = await _brief(capsys, "nato")
    assert code == 2 and "BRIEFING_LLM_MODEL" in err and len(err.strip().splitlines()) == 1
