"""Running one command: parse, set up logging, load the settings, and map every error to its exit status."""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence

from pydantic import ValidationError

from bot.app.errors import BriefingError, ConfigError
from bot.cli.logs import configure_logging, redact
from bot.cli.parser import build_parser
from config.settings import Settings

EXIT_INTERRUPTED = 130  # the shell's convention for SIGINT
EXIT_BROKEN_PIPE = 141  # the shell's convention for SIGPIPE (`head` closed the pipe)

Command = Callable[[argparse.Namespace, Settings], int]


def load_settings() -> Settings:
    """Settings from the environment and .env; ConfigError naming the first bad variable."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigError(f"setting {'.'.join(map(str, first['loc']))}: {first['msg']}") from None


def dispatch(argv: Sequence[str] | None, commands: Mapping[str, Command]) -> int:
    """Run one command."""
    args = build_parser().parse_args(argv)
    configure_logging()
    return guarded(lambda: _run(args, commands))


def _run(args: argparse.Namespace, commands: Mapping[str, Command]) -> int:
    settings = load_settings()
    redact(settings.secrets())  # no log line of this process may carry a token, whoever writes it
    return int(commands[args.command](args, settings) or 0)


def guarded(body: Callable[[], int | None]) -> int:
    """Run a command's body; the only place that turns errors into exit statuses."""
    try:
        status = int(body() or 0)
        sys.stdout.flush()  # a closed pipe shows here, not as a traceback at exit
        return status
    except BrokenPipeError:  # `brief | head` stopped reading: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except BriefingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
