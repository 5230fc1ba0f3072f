"""`python -m bot ...`: parse the command, set up logging, run it, and map every error to its exit status.

The CLI is a fixed contract (docs/architecture.md, Contracts); that page also shows how the layers fit together.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from bot.app.errors import BriefingError
from bot.cli import brief, chat, run, subscriptions
from bot.cli.logs import configure_logging, redact
from bot.cli.parser import build_parser
from bot.cli.wiring import load_settings
from config.settings import Settings

EXIT_INTERRUPTED = 130  # the shell's convention for SIGINT

COMMANDS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "brief": brief.run_brief,
    "topics": brief.run_topics,
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
    """Run one command; the only place that turns errors into exit statuses."""
    args = build_parser().parse_args(argv)
    configure_logging()
    try:
        settings = load_settings()
        redact(settings.secrets())  # no log line of this process may carry a token, whoever writes it
        return int(COMMANDS[args.command](args, settings) or 0)
    except BriefingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
