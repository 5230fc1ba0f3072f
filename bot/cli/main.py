"""`python -m bot ...`: parse the command, set up logging, run it, and map every error to its exit status.

The CLI is a fixed contract (docs/architecture.md, Contracts); that page also shows how the layers fit together.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.app.errors import BriefingError
from bot.cli import brief, chat, run, subscriptions
from bot.cli.logs import configure_logging, redact
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Who holds what, with sources.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def docs_options(p: argparse.ArgumentParser, formats: Sequence[str]) -> None:
        p.add_argument("--docs", type=Path, help="documents folder (default: BRIEFING_DOCUMENTS or seeds/)")
        p.add_argument("--profile", help="profile TOML, or 'auto' to discover parties and topics")
        p.add_argument("--format", choices=formats, default="text")

    p = sub.add_parser("brief", help="each party's position on TOPIC (overview without TOPIC)")
    p.add_argument("topic", nargs="*", metavar="TOPIC", help="topic key or free words")
    docs_options(p, ("text", "markdown", "json"))
    p = sub.add_parser("topics", help="the known parties and topics")
    docs_options(p, ("text", "json"))

    p = sub.add_parser("discord", help="run the Discord bot (gateway)")
    dsub = p.add_subparsers(dest="discord_command", metavar="ACTION")
    sync = dsub.add_parser("sync", help="register /briefing with Discord (globally, or in one guild)")
    sync.add_argument("--guild", type=int, help="guild id: instant, for development")
    sync.add_argument("--clear", action="store_true", help="remove our commands (from --guild, else globally)")
    dsub.add_parser("invite", help="print the invite URL with the scopes and permissions needed")

    p = sub.add_parser("slack", help="run the Slack app (Socket Mode, or HTTP with --http)")
    p.add_argument("--http", action="store_true", help="serve /slack/events over HTTP on --port")
    p.add_argument("--port", type=int, help="HTTP port (default: $PORT, else 3000)")

    sub.add_parser("run", help="run every configured platform and the scheduler in one process")
    sub.add_parser("clock", help="run the daily-post scheduler alone (one per store)")

    p = sub.add_parser("subscribe", help="post a briefing to a channel on a schedule")
    p.add_argument("target", metavar="slack:CHANNEL|discord:CHANNEL")
    p.add_argument("--topic", help="topic (default: the overview)")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--at", metavar="HH:MM", help="local time of the daily post")
    when.add_argument("--cron", metavar="EXPR", help="5-field crontab expression (0 and 7 are Sunday)")
    p.add_argument("--days", default=None, help="day names, e.g. mon-fri (with --at)")
    p.add_argument("--tz", default=None, help="IANA time zone (default: BRIEFING_TIMEZONE)")
    sub.add_parser("subscriptions", help="list subscriptions")
    p = sub.add_parser("unsubscribe", help="delete a subscription")
    p.add_argument("id", type=int)
    p = sub.add_parser("post", help="post a briefing now")
    p.add_argument("topic", nargs="*", metavar="TOPIC")
    p.add_argument("--to", action="append", required=True, metavar="slack:CHANNEL|discord:CHANNEL")
    return parser


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
