"""The command line's grammar: `python -m bot COMMAND ...` (a contract: docs/architecture.md)."""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

TARGET = "slack:CHANNEL|discord:CHANNEL"
TERMINAL_COMMANDS = ("brief", "topics")  # started through bot/cli/terminal.py, without the chat libraries


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Who holds what, with sources.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _briefing_commands(sub)
    _platform_commands(sub)
    _subscription_commands(sub)
    _index_commands(sub)
    return parser


def _docs_options(p: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    p.add_argument("--docs", type=Path, help="documents folder (default: BRIEFING_DOCUMENTS or seeds/)")
    p.add_argument("--profile", help="profile TOML, or 'auto' to discover parties and topics")
    p.add_argument("--format", choices=formats, default="text")
    p.add_argument("--story", help="story folder below the documents root (one with its own profile.toml)")


def _briefing_commands(sub) -> None:
    p = sub.add_parser("brief", help="each party's position on TOPIC (overview without TOPIC)")
    p.add_argument("topic", nargs="*", metavar="TOPIC", help="topic key or free words")
    _docs_options(p, ("text", "markdown", "json"))
    p.add_argument("--since", metavar="AGE", help="only statements first seen within AGE (30m, 24h, 7d, yesterday)")
    p = sub.add_parser("topics", help="the known parties and topics")
    _docs_options(p, ("text", "json"))


def _platform_commands(sub) -> None:
    p = sub.add_parser("discord", help="run the Discord bot (gateway)")
    dsub = p.add_subparsers(dest="discord_command", metavar="ACTION")
    sync = dsub.add_parser("sync", help="register /briefing with Discord (globally, or in one guild)")
    sync.add_argument("--guild", type=int, help="guild id: instant, for development")
    sync.add_argument("--clear", action="store_true", help="remove our commands (from --guild, else globally)")
    dsub.add_parser("invite", help="print the invite URL with the scopes and permissions needed")

    p = sub.add_parser("slack", help="run the Slack app (Socket Mode, or HTTP with --http)")
    p.add_argument("--http", action="store_true", help="serve /slack/events over HTTP on --port")
    p.add_argument("--port", type=int, help="HTTP port (default: $PORT, else 3000)")
    p.add_argument("--host", help="HTTP address to listen on (default: 127.0.0.1; 0.0.0.0 when PORT is set, as on a "
                                  "PaaS)")

    sub.add_parser("run", help="run every configured platform and the scheduler in one process")
    sub.add_parser("clock", help="run the daily-post scheduler alone (one per store)")


def _subscription_commands(sub) -> None:
    p = sub.add_parser("subscribe", help="post a briefing to a channel on a schedule")
    p.add_argument("target", metavar=TARGET)
    p.add_argument("--topic", help="topic (default: the overview)")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--at", metavar="HH:MM", help="local time of the daily post")
    when.add_argument("--cron", metavar="EXPR", help="5-field crontab expression (0 and 7 are Sunday)")
    p.add_argument("--days", default=None, help="day names, e.g. mon-fri (with --at)")
    p.add_argument("--tz", default=None, help="IANA time zone (default: BRIEFING_TIMEZONE)")
    p.add_argument("--story", help="story folder below the documents root (default: the only one, or the one "
                                   "whose profile has --topic)")
    p.add_argument("--quiet", action="store_true",
                   help="post nothing when nothing is new since the previous post (default: say so in one line)")
    sub.add_parser("subscriptions", help="list subscriptions")
    p = sub.add_parser("unsubscribe", help="delete a subscription")
    p.add_argument("id", type=int)
    p = sub.add_parser("post", help="post a briefing now")
    p.add_argument("topic", nargs="*", metavar="TOPIC")
    p.add_argument("--to", action="append", required=True, metavar=TARGET)
    p.add_argument("--story", help="story folder below the documents root")


def _index_commands(sub) -> None:
    p = sub.add_parser("ingest", help="update the index (and fetch BRIEFING_FEEDS / BRIEFING_URLS)")
    p.add_argument("--docs", type=Path, help="documents folder (default: BRIEFING_DOCUMENTS or seeds/)")
    p.add_argument("--profile", help="profile TOML, or 'auto'")
    p.add_argument("--story", help="story folder below the documents root")
    p = sub.add_parser("bench", help="print performance figures of the index and briefings as JSON")
    p.add_argument("--documents", type=int, default=1000, help="size of the generated corpus (default 1000)")
    p.add_argument("--corpus", type=Path, help="measure this folder instead of a generated corpus")
    p.add_argument("--topic", default="nato")
