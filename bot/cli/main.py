"""`python -m bot ...`: every command (the terminal ones are also reachable through bot/cli/terminal.py).

The CLI is a fixed contract (docs/architecture.md, Contracts); that page also shows how the layers fit together.
"""
from __future__ import annotations

from collections.abc import Sequence

from bot.cli import chat, run, subscriptions, terminal
from bot.cli.dispatch import Command, dispatch

COMMANDS: dict[str, Command] = {
    **terminal.COMMANDS,
    "discord": chat.discord_command,
    "slack": chat.slack_command,
    "run": run.run_command,
    "clock": run.clock_command,
    "subscribe": subscriptions.subscribe,
    "subscriptions": subscriptions.list_subscriptions,
    "unsubscribe": subscriptions.unsubscribe,
    "post": subscriptions.post,
}


def main(argv: Sequence[str] | None = None) -> int:
    return dispatch(argv, COMMANDS)
