"""The operator CLI against hostile input: duplicates, oversized values, absurd ids, unreadable folders and a
closed pipe each get one clear line and the right exit status, never a traceback."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot.app.commands import CommandContext
from bot.app.service import BriefingService
from bot.chat.slack import start_http
from bot.cli.main import main as cli_main
from bot.cli.wiring import build_router
from bot.infra.documents import DocumentFolder
from bot.infra.store import Store
from config.settings import REPO_ROOT, Settings
from tests.app.test_subscriptions import SECRET, slack_command
from tests.fakes.slack_fake import FakeSlack

SEEDS = REPO_ROOT / "seeds"
pytestmark = pytest.mark.usefixtures("clean_env")


@pytest.fixture
def database(url, monkeypatch, tmp_path) -> str:
    """The CLI's store (SQLite, and PostgreSQL when configured) with the seeds as documents."""
    monkeypatch.setenv("BRIEFING_DATABASE_URL", url)
    monkeypatch.setenv("BRIEFING_DOCUMENTS", str(SEEDS))
    monkeypatch.chdir(tmp_path)  # no stray .env
    return url


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli_main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("first, second", [("nato", "nato"), ("nato", "NATO membership")])
def test_the_cli_refuses_a_second_identical_subscription(database, capsys, first, second):
    assert run(capsys, "subscribe", "slack:C1", "--topic", first, "--at", "08:00")[0] == 0
    code, _, err = run(capsys, "subscribe", "slack:C1", "--topic", second, "--at", "8:00")
    assert code == 2 and err == "error: slack:C1 already has the nato briefing 08:00 daily (UTC): subscription 1\n"
    assert run(capsys, "subscribe", "slack:C1", "--topic", second, "--at", "09:00")[0] == 0  # another time is fine
    store = Store(database)
    assert [(s.topic, s.schedule.at) for s in store.list()] == [("nato", "08:00"), ("nato", "09:00")]
    store.close()


async def test_chat_and_cli_share_one_refusal(database, tmp_path, capsys):
    """Subscribed from the CLI, the same subscription asked for over the real Slack slash path is refused, and the
    other way round; the store holds one of each."""
    settings = Settings(_env_file=None, database_url=database, documents=SEEDS)
    router = build_router(settings, BriefingService(DocumentFolder(SEEDS)))
    assert run(capsys, "subscribe", "slack:C77", "--topic", "nato", "--at", "07:30")[0] == 0
    async with FakeSlack() as slack:
        app = Settings(_env_file=None, database_url=database, documents=SEEDS, slack_api_url=slack.api_url,
                       slack_bot_token="xoxb-sub", slack_signing_secret=SECRET)
        runner, port = await start_http(app.slack, router, 0, host="127.0.0.1")
        try:
            for text, expected in (("subscribe NATO membership at 07:30", "already has that daily briefing: #1"),
                                   ("subscribe at 06:00", "Subscribed #2")):
                fields = slack.slash_command(text, channel_id="C77")
                assert await slack_command(f"http://127.0.0.1:{port}", fields) == 200
                [answer] = await slack.wait_responses(fields["response_url"], 1, timeout=15)
                assert expected in str(answer)
        finally:
            await runner.cleanup()
    code, _, err = run(capsys, "subscribe", "slack:C77", "--at", "06:00")
    assert code == 2 and "already has the overview briefing" in err and "subscription 2" in err
    reply = router.handle("subscribe nato at 07:30", CommandContext("slack", "C77", "U1", "T1"))
    assert "already has that daily briefing: #1" in reply.message


@pytest.mark.parametrize("argv, message", [
    (["subscribe", "slack:C1", "--cron", "0 7 * * " + "1," * 5000 + "1"], "at most 120"),
    (["subscribe", "slack:C1", "--at", "07:00", "--topic", "nato " * 2000], "at most 200"),
    (["subscribe", "slack:" + "C" * 10_240, "--at", "07:00"], "at most 64"),
])
def test_values_longer_than_their_columns_are_refused_clearly(database, capsys, argv, message):
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err and err.count("\n") == 1 and len(err) < 300


def test_unsubscribe_of_an_absurd_id_says_there_is_none(database, capsys):
    code, _, err = run(capsys, "unsubscribe", "99999999999999999999999")
    assert code == 1 and err == "error: no subscription 99999999999999999999999 (see: python -m bot subscriptions)\n"
    reply = build_router(Settings(_env_file=None, database_url=database, documents=SEEDS), None).handle(
        "unsubscribe " + "9" * 5000, CommandContext("slack", "C1", "U1", "T1"))
    assert reply.message.startswith("This channel has no daily briefings") or "No subscription" in reply.message


def test_an_unreadable_documents_folder_is_one_line_and_exit_2(capsys, tmp_path, monkeypatch):
    folder = tmp_path / "docs"
    folder.mkdir()
    real = os.scandir

    def refuse(path=".", *args):
        if os.fspath(path) == os.fspath(folder):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, *args)

    monkeypatch.setattr(os, "scandir", refuse)  # the operating system's refusal (root reads every folder)
    code, out, err = run(capsys, "brief", "nato", "--docs", str(folder))
    assert code == 2 and out == ""
    assert err == f"error: {folder}: documents folder cannot be read (Permission denied)\n"


def test_brief_into_a_closed_pipe_is_quiet(tmp_path):
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `brief | head` after head has exited
    try:
        done = subprocess.run([sys.executable, "-m", "bot", "brief", "--docs", str(SEEDS)], cwd=REPO_ROOT,
                              stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert done.stderr == "" and done.returncode == 141
