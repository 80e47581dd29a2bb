"""Run the command line: parse, hand over to a subcommand or open the window, and turn every
bad input into one line on stderr.

Every bad input (a broken scenario, a bad script move, a corrupt transcript, an unknown flag)
ends with one clear line and exit status 2, and so does output that cannot be written (a full
disk, a closed or broken pipe); a failed verification exits 1. A line that cannot be written to
standard error is not one more error to report: the command finishes and exits 2. Lines that
repeat what a file or the command line held are shown with control characters escaped. This
module stays light so the window opens quickly: the subcommands (:mod:`game.cli.commands`) and
the window (:mod:`game.ui`) are imported only when they run.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Final

from game.cli.parser import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, PROG, UsageError, build_parser
from game.escapes import JSON_FALLBACK, TEXT_FALLBACK

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


EXIT_TERMINATED: Final = 128 + signal.SIGTERM
"""The status of a command stopped by SIGTERM, as a shell reports a process it killed."""


class _Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, a job scheduler, ``Popen.terminate``), met as Ctrl-C is: a game
    writes its transcript, a batch stops its workers, and the command ends in one line."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    with _whole_writes() as errors, _terminated_as_interrupted():
        status = _main(argv)
    if errors is not None and errors.lost and status in (EXIT_OK, EXIT_FAILED):
        return EXIT_BAD_INPUT  # the only way left to say that a line was lost
    return status


def _main(argv: Sequence[str] | None) -> int:
    try:
        args, unknown = build_parser().parse_known_args(argv)
        if unknown:
            # Named for the command they came with (argparse names the game itself, and its
            # help, where `play --bogus` wants `play --help`).
            where = f"{PROG} {args.command}" if args.command else PROG
            raise UsageError(
                f"{where}: unrecognized arguments: {' '.join(unknown)} (see {where} --help)"
            )
        if args.command is not None and sys.stdout is None:
            raise UsageError(f"{PROG}: standard output is closed: there is nowhere to write")
        _encodable(args)
        status = _dispatch(args)
        if sys.stdout is not None:
            sys.stdout.flush()  # inside the try: a full disk shows here, not at exit
        return status
    except UsageError as error:
        _say(str(error))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt as stop:
        if _by_sigterm(stop):
            _say(f"{PROG}: terminated")
            return EXIT_TERMINATED
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


@contextlib.contextmanager
def _terminated_as_interrupted() -> Iterator[None]:
    """While the command runs, SIGTERM raises :class:`_Terminated` (a KeyboardInterrupt), where
    it killed the command at once: a game over stdio lost its transcript, and a batch's worker
    processes ran on and ended in tracebacks. Left alone where something else set a handler
    (a test's harness), or off the main thread."""
    try:
        installed = signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
        if installed:
            signal.signal(signal.SIGTERM, _raise_terminated)
    except ValueError:  # not the main thread
        installed = False
    try:
        yield
    finally:
        if installed:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _by_sigterm(stop: BaseException) -> bool:
    """True when ``stop`` is SIGTERM's, or was raised while handling it (a game met it and
    raised its own interruption to have its transcript written)."""
    seen: BaseException | None = stop
    while seen is not None:
        if isinstance(seen, _Terminated):
            return True
        seen = seen.__context__
    return False


def _raise_terminated(number: int, frame: object) -> None:
    del number, frame
    raise _Terminated


def _encodable(args: argparse.Namespace) -> None:
    """Let standard output write every character where its encoding lacks some (a Windows pipe
    without ``PYTHONUTF8=1``, ``PYTHONIOENCODING=ascii``), where the first minus sign ended the
    command in a traceback: JSON gets ``\\u`` escapes, which mean the same character to a JSON
    reader; text gets the nearest plain characters (see :mod:`game.escapes`)."""
    stream = sys.stdout
    if not isinstance(stream, io.TextIOWrapper):
        return
    if codecs.lookup(stream.encoding).name == "utf-8":
        return
    json_out = getattr(args, "format", None) == "json" or any(
        getattr(args, flag, False) for flag in ("stdio", "json")
    )
    with contextlib.suppress(OSError, ValueError):
        stream.reconfigure(errors=JSON_FALLBACK if json_out else TEXT_FALLBACK)


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
        self.name = fd
        """As a file opened from its descriptor names itself."""

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


class _Diagnostics(_WholeWrites):
    """Standard error: each write goes out whole, or it and every write after it are dropped
    and counted lost (a full disk, a closed standard error), so that a message that cannot be
    shown neither stops the command nor ends in a traceback; the exit status says it instead."""

    def __init__(self, fd: int) -> None:
        super().__init__(fd)
        self.lost = False
        """True once some text could not be written."""

    def write(self, data: ReadableBuffer) -> int:
        size = len(memoryview(data).cast("B"))
        if size and not self.lost:
            try:
                super().write(data)
            except OSError:  # EBADF where standard error is closed (-1)
                self.lost = True
        return size


@contextlib.contextmanager
def _whole_writes() -> Iterator[_Diagnostics | None]:
    """Standard output that writes all of its text or raises, and standard error that writes
    all of its text or counts it lost (see :class:`_Diagnostics`), while the command runs;
    yields standard error's, when it is the process's own.

    Run unbuffered (``python -u``, ``PYTHONUNBUFFERED``), Python writes both straight to their
    files and drops whatever a short write left over: on a disk with a few kilobytes left
    standard output was cut there and the command still exited 0. Text still goes out at once.
    A closed standard error (``2>&-``) loses every line written to it, where ``print`` would
    have sent them to standard output.
    """
    with _errors_kept() as errors:
        stream = sys.stdout
        raw = getattr(stream, "buffer", None)
        if not isinstance(stream, io.TextIOWrapper) or not isinstance(raw, io.FileIO):
            yield errors  # buffered (the usual case): the buffer writes whole or raises
            return
        sys.stdout = _wrapped(stream, _WholeWrites(raw.fileno()))
        try:
            yield errors
        finally:
            sys.stdout = stream


@contextlib.contextmanager
def _errors_kept() -> Iterator[_Diagnostics | None]:
    """Standard error as :class:`_Diagnostics` while the command runs, when it is the
    process's own (a file, a terminal, a pipe, or closed)."""
    stream = sys.stderr
    if stream is None:
        fd = -1
    else:
        raw = getattr(stream, "buffer", None)
        raw = getattr(raw, "raw", raw)
        if not isinstance(stream, io.TextIOWrapper) or not isinstance(raw, io.FileIO):
            yield None  # not the process's own (a test's capture): left as it is
            return
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
        fd = raw.fileno()
    errors = _Diagnostics(fd)
    sys.stderr = _wrapped(stream, errors)
    try:
        yield errors
    finally:
        sys.stderr = stream


def _wrapped(stream: io.TextIOWrapper | None, raw: _WholeWrites) -> io.TextIOWrapper:
    """Text written through to ``raw``, encoded as ``stream`` encodes it."""
    return io.TextIOWrapper(
        raw,
        encoding=stream.encoding if stream else "utf-8",
        errors=stream.errors if stream else "backslashreplace",
        write_through=True,
    )


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
    if args.scenario:
        # Refused here, with the lines `check` prints and status 2, before a window opens: the
        # window only said so inside its New game panel, and the command went on running.
        from game.store.scenarios import load_scenario, resolve

        load_scenario(resolve(args.scenario))
    name = ""
    if args.name:
        from game.engine.transcript import clean_name  # New game opens, and loads it anyway

        name = clean_name(args.name)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.app import run
    from game.ui.window import NoDisplayError

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
        # Nothing was played: the command could not do what it was asked, as output that
        # cannot be written (status 2), not a game left unfinished (status 1).
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
