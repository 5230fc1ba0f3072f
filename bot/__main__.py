"""`python -m bot`: the terminal commands take the light entry, so they start without the chat libraries."""
import sys

from bot.cli.terminal import COMMANDS as TERMINAL_COMMANDS

if sys.argv[1:2] and sys.argv[1] in TERMINAL_COMMANDS:
    from bot.cli.terminal import main
else:
    from bot.cli.main import main

raise SystemExit(main())
