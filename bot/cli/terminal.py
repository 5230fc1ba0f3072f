"""The terminal commands, `brief` and `topics`: an entry that loads no platform, store or scheduler library.

`python -m bot brief` starts through here (bot/__main__.py), so a briefing in the terminal does not pay for
importing discord.py, slack-bolt, SQLAlchemy and APScheduler; every other command goes through bot/cli/main.py.
"""
from __future__ import annotations

from collections.abc import Sequence

from bot.cli import brief
from bot.cli.dispatch import Command, dispatch

COMMANDS: dict[str, Command] = {"brief": brief.run_brief, "topics": brief.run_topics}  # = parser.TERMINAL_COMMANDS


def main(argv: Sequence[str] | None = None) -> int:
    return dispatch(argv, COMMANDS)
