"""Run the game or one of its subcommands: ``python -m game``."""

from game.cli import main

raise SystemExit(main())
