"""Command line and composition root: `python -m bot ...` (contract: ARCHITECTURE.md section 3)."""
from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from config.profile import ProfileError
from config.settings import Settings

# Subcommands served by other modules, imported only when used (platform libraries are heavy).
_HANDLERS = {
    "discord": "bot.discord_adapter:cli",
    "slack": "bot.slack_adapter:cli",
    "run": "bot.runner:cli",
    "clock": "bot.scheduling:cli",
    "subscribe": "bot.subscriptions_cli:subscribe",
    "subscriptions": "bot.subscriptions_cli:list_subscriptions",
    "unsubscribe": "bot.subscriptions_cli:unsubscribe",
    "post": "bot.subscriptions_cli:post",
}


class UsageError(Exception):
    """Bad usage or unreadable input: one line on stderr, exit status 2."""


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
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = Settings()
        if args.command in ("brief", "topics"):
            from bot.cli_brief import run_brief, run_topics

            return (run_brief if args.command == "brief" else run_topics)(args, settings)
        module, _, func = _HANDLERS[args.command].partition(":")
        return int(getattr(importlib.import_module(module), func)(args, settings) or 0)
    except (UsageError, ProfileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        first = exc.errors()[0]
        print(f"error: setting {'.'.join(map(str, first['loc']))}: {first['msg']}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
