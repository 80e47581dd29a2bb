"""The command line: ``python -m game`` and its subcommands (``hanoi-summit`` when installed).

The top layer of the game: it opens the window, plays without one (a script, the terminal or
the stdio protocol), runs seeded batches and benchmarks, and runs the classroom tools. Nothing
below imports it.
"""

from game.cli.dispatch import main

__all__ = ["main"]
