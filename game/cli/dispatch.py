"""Run the command line: parse, hand over to a subcommand or open the window, and turn every
bad input into one line on stderr.

Every bad input (a broken scenario, a bad script move, a corrupt transcript, an unknown flag)
ends with one clear line and exit status 2; a failed verification exits 1. This module stays
light so the window opens quickly: the subcommands (:mod:`game.cli.commands`) and the window
(:mod:`game.ui`) are imported only when they run.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from game.cli.parser import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, PROG, UsageError, build_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args)
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); stay quiet, as shell tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except ValueError as error:
        # Scenario and transcript errors carry one line per problem; anything else is a bug.
        problems = getattr(error, "problems", None)
        if not isinstance(problems, list):
            raise
        for problem in problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT


def _dispatch(args: argparse.Namespace) -> int:
    if args.command is None:
        return window(args)
    if args.command == "play" and not args.headless:
        if args.script or args.stdio:
            raise UsageError(f"{PROG} play: --script and --stdio need --headless")
        return window(args)
    from game.cli import commands

    handler = getattr(commands, args.command)
    status: int = handler(args)
    return status


def window(args: argparse.Namespace) -> int:
    """Open the game window (pygame is imported only here)."""
    code = args.code or ""
    autoplay = getattr(args, "autoplay", None) or ""
    if getattr(args, "pace", None) is not None and not autoplay:
        raise UsageError(f"{PROG}: --pace needs --autoplay")
    if autoplay and (code or args.name):
        raise UsageError(
            f"{PROG}: --autoplay plays a game of its own: give --seed, not --code or --name"
        )
    if code:
        from game.classroom.classcode import ClassCodeError, decode
        from game.store.scenarios import scenario_for_code

        try:
            prefix = decode(code).prefix
        except ClassCodeError as error:
            raise UsageError(f"{PROG}: {error}") from None
        if scenario_for_code(prefix) is None:
            raise UsageError(f"{PROG}: class code {code}: no installed scenario uses {prefix}")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.app import NoDisplayError, run

    try:
        return run(
            scenario=args.scenario,
            seed=args.seed,
            fullscreen=args.fullscreen,
            code=code,
            name=args.name or "",
            autoplay=autoplay,
            pace=getattr(args, "pace", None),
        )
    except NoDisplayError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_FAILED
