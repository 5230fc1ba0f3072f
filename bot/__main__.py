"""`python -m bot`: start-up time is a constraint here, so each path imports only what it needs.

`brief` is first answered from the briefing stored for the index's current state (bot/cli/stored.py: no
SQLAlchemy, no analysis); when there is none, `brief` and `topics` take the terminal entry (no chat libraries),
and every other command the full one. The imports sit at module level on purpose, where they can be seen.
"""
import sys

from bot.cli.parser import TERMINAL_COMMANDS
from bot.cli.stored import answer

status = answer(sys.argv[1:])
if status is None:
    if sys.argv[1:2] and sys.argv[1] in TERMINAL_COMMANDS:
        from bot.cli.terminal import main
    else:
        from bot.cli.main import main
    status = main()

raise SystemExit(status)
