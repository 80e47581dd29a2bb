"""Run the command line: parse, hand over to a subcommand or open the window, and turn every
bad input into one line on stderr.

Every bad input (a broken scenario, a bad script move, a corrupt transcript, an unknown flag)
ends with one clear line and exit status 2, and so does output that cannot be written (a full
disk, a closed or broken pipe); a failed verification exits 1. Lines that repeat what a file or
the command line held are shown with control characters escaped. This module stays light so the
window opens quickly: the subcommands (:mod:`game.cli.commands`) and the window (:mod:`game.ui`)
are imported only when they run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from game.cli.parser import EXIT_BAD_INPUT, EXIT_FAILED, PROG, UsageError, build_parser

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    with _whole_writes():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command is not None and sys.stdout is None:
            raise UsageError(f"{PROG}: standard output is closed: there is nowhere to write")
        status = _dispatch(args)
        if sys.stdout is not None:
            sys.stdout.flush()  # inside the try: a full disk shows here, not at exit
        return status
    except UsageError as error:
        _say(str(error))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _say(f"{PROG}: interrupted")
        return 130
    except OSError as error:
        # Files the game reads and writes are handled where they are named; what is left is
        # standard output: a full disk, a closed pipe (`| head`).
        _drop_output()
        reason = "broken pipe" if isinstance(error, BrokenPipeError) else error.strerror
        _say(
            f"{PROG}: cannot write to standard output ({reason or error}); the output is cut short"
        )
        return EXIT_BAD_INPUT
    except ValueError as error:
        # Scenario and transcript errors carry one line per problem; anything else is a bug.
        problems = getattr(error, "problems", None)
        if not isinstance(problems, list):
            raise
        for problem in problems:
            _say(str(problem))
        return EXIT_BAD_INPUT


def _say(line: str) -> None:
    """One line on standard error, with control characters escaped; if even that cannot be
    written, the exit status has to say it alone."""
    from game.engine.describe import printable

    with contextlib.suppress(OSError, AttributeError, ValueError):
        print(printable(line), file=sys.stderr, flush=True)


def _drop_output() -> None:
    """Send what is left in standard output's buffer to nowhere, so the interpreter's own flush
    at exit does not fail again with a traceback."""
    with contextlib.suppress(OSError, AttributeError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


class _WholeWrites(io.RawIOBase):
    """A file descriptor that writes all it is given or raises."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self.fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def isatty(self) -> bool:
        return os.isatty(self.fd)

    def write(self, data: ReadableBuffer) -> int:
        view = memoryview(data).cast("B")
        while view:
            view = view[os.write(self.fd, view) :]
        return len(memoryview(data).cast("B"))


@contextlib.contextmanager
def _whole_writes() -> Iterator[None]:
    """Standard output that writes all of its text or raises, while the command runs.

    Run unbuffered (``python -u``, ``PYTHONUNBUFFERED``), Python writes standard output straight
    to its file and drops whatever a short write left over: on a disk with a few kilobytes left
    the output was cut there and the command still exited 0. Text still goes out at once.
    """
    stream = sys.stdout
    raw = getattr(stream, "buffer", None)
    if not isinstance(stream, io.TextIOWrapper) or not isinstance(raw, io.FileIO):
        yield  # buffered (the usual case): the buffer writes whole or raises
        return
    sys.stdout = io.TextIOWrapper(
        _WholeWrites(raw.fileno()),
        encoding=stream.encoding,
        errors=stream.errors,
        write_through=True,
    )
    try:
        yield
    finally:
        sys.stdout = stream


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
    name = ""
    if args.name:
        from game.engine.transcript import clean_name  # New game opens, and loads it anyway

        name = clean_name(args.name)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.app import NoDisplayError, run

    try:
        return run(
            scenario=args.scenario,
            seed=args.seed,
            fullscreen=args.fullscreen,
            code=code,
            name=name,
            autoplay=autoplay,
            pace=getattr(args, "pace", None),
        )
    except NoDisplayError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_FAILED
