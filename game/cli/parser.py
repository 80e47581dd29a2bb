"""The command line's arguments: every subcommand and option, and the exit statuses.

Light on purpose: the window's launch parses its arguments here before anything else loads.
"""

from __future__ import annotations

import argparse
import glob
import re
from argparse import SUPPRESS
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn, TypeVar

from game import __version__
from game.classroom.classcode import EXAMPLE, MAX_SEED
from game.escapes import short
from game.store.mode import Mode

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

PROG = "hanoi-summit"
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
"""Bad input, and output that could not be written (a full disk, a closed output)."""
STRATEGY_NAMES: Final = ("historical", "essay", "hawk", "dove", "random", "greedy")
"""The built-in strategies' names, spelt out so that parsing loads no engine (a test keeps them
in step with :class:`game.engine.describe.StrategyName`)."""
TEXT_SIZES: Final = ("small", "normal", "large")
"""The text sizes, spelt out so that parsing loads no settings module (a test keeps them in step
with :class:`game.store.settings.TextSize`)."""
MODES = tuple(mode.value for mode in Mode)


class UsageError(Exception):
    """Bad command-line input: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """``--help`` and ``--version`` written as every command's output is: to a closed or
        full standard output they are an error (status 2), where argparse sent them to
        standard error instead, or dropped them, and exited 0."""
        if not message:
            return
        if file is None:  # what argparse passes for standard output when it is closed
            raise UsageError(f"{PROG}: standard output is closed: there is nowhere to write")
        file.write(message)
        flush = getattr(file, "flush", None)
        if flush is not None:
            flush()  # a full disk shows here, while an error can still say so


MAX_GAMES: Final = 1_000_000
"""The most games a batch plays: about a quarter of an hour on one core."""
MAX_JOBS: Final = 64
LARGEST_SEED: Final = 2**63 - 1
"""The largest seed, as a transcript may hold it (``game.engine.transcript.LARGEST_SEED``, written
out here, where ``--help`` reads it without loading the engine)."""
_WHOLE: Final = re.compile(r"-?[0-9]{1,30}")


def _whole(text: str) -> int:
    """A whole number written in ASCII digits: Python's ``int`` would also read ``'٤'`` as 4,
    and spend seconds on a number of thousands of digits."""
    if not _WHOLE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"expected a whole number, got {short(text)}")
    return int(text)


def _seed(text: str) -> int:
    value = _whole(text)
    if not 0 <= value <= LARGEST_SEED:
        raise argparse.ArgumentTypeError(f"expected a seed from 0 to 2**63-1, got {value}")
    return value


def _counted(high: int, what: str = "") -> Callable[[str], int]:
    """A whole number from 1 to ``high``."""

    def read(text: str) -> int:
        value = _whole(text)
        if value < 1:
            raise argparse.ArgumentTypeError(f"expected at least 1, got {value}")
        if value > high:
            why = f" ({what})" if what else ""
            raise argparse.ArgumentTypeError(f"expected at most {high}{why}, got {value}")
        return value

    return read


def _path(text: str) -> Path:
    """A file or folder named on the command line: an empty name is not the current folder."""
    if not text:
        raise argparse.ArgumentTypeError("expected a file or folder name, got an empty one")
    return Path(text)


_WILDCARDS: Final = frozenset("*?[")


def _file_name(text: str) -> str:
    """A file named on the command line, kept as typed (``./ada.toml`` is echoed so)."""
    _path(text)  # an empty name is refused as any file's is
    return text


def given_files(paths: Sequence[str]) -> list[str]:
    """The transcripts named on the command line, with any name that is a pattern such as
    ``*.toml`` expanded to the files it matches, in order: a Windows prompt hands the pattern
    over as it was typed. A pattern that matches nothing stays as it was, and is reported as a
    file that is not there; a file whose name really has a ``*`` in it is taken as it is."""
    found: list[str] = []
    for text in paths:
        if _WILDCARDS.isdisjoint(text) or Path(text).exists():
            found.append(text)
            continue
        # Path.glob takes no absolute pattern (C:\class\*.toml), glob.glob does.
        matches = sorted(glob.glob(text))  # noqa: PTH207
        found.extend(matches or [text])
    return found


_Read = TypeVar("_Read")


def read_option(
    read: Callable[[Path], _Read], path: Path | None, refused: type[Exception]
) -> _Read | None:
    """What ``read`` makes of a file an option names (None without the option); a file it
    refuses with ``refused`` is one line and status 2."""
    if path is None:
        return None
    try:
        return read(path)
    except refused as error:
        raise UsageError(str(error)) from None


def check_some_file(typed: Sequence[str], names: Sequence[str], command: str = "report") -> None:
    """Raise :class:`UsageError` when not one of ``names`` (``typed`` expanded) is a file: a
    pattern that matched nothing, a folder, a name that is not there. A report of nothing would
    be written all the same, empty, and listed as written; ``verify`` and ``report`` (the
    ``command``) both say so with status 2, as for any input that cannot be used."""
    from game.engine.describe import printable  # the engine only when a report runs

    if any(Path(name).exists() and not Path(name).is_dir() for name in names):
        return
    why = []
    for text in typed:
        path = Path(text)
        if path.is_dir():
            why.append(f"{text} is a folder (give {path / '*.toml'})")
        elif path.exists() or _WILDCARDS.isdisjoint(text):
            why.append(f"{text}: no such file")
        else:
            why.append(f"{text} matches no file")
    raise UsageError(printable(f"{PROG} {command}: no transcripts found: {'; '.join(why)}"))


def _name(text: str) -> str:
    """A player's name as typed: it must be text (a byte that is not UTF-8 would be written
    into the transcript as something else); control characters are dropped later."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        shown = text.encode("utf-8", "surrogateescape")[:60]
        raise argparse.ArgumentTypeError(
            f"expected UTF-8 text, got {shown!r} (check your terminal's encoding)"
        ) from None
    return text


def _player_name(text: str) -> str:
    """A player's or a team's name: text (see :func:`_name`) no longer than a transcript keeps
    (it was cut there without a word)."""
    from game.engine.teams import MAX_NAME  # the engine only when a name is given

    text = _name(text)
    length = len(" ".join(text.split()))  # as stored: runs of spaces as one
    if length > MAX_NAME:
        raise argparse.ArgumentTypeError(
            f"expected a name of at most {MAX_NAME} characters, got {length}"
        )
    return text


WINDOW_SIZES: Final = ((320, 7680), (200, 4320))
"""The widths and heights ``shots --size`` accepts."""


def _window_size(text: str) -> tuple[int, int]:
    """A window size written ``WIDTHxHEIGHT``, such as ``1024x600``."""
    found = re.fullmatch(r"([0-9]+)[x\u00d7]([0-9]+)", text.strip().lower())
    if found is None:
        raise argparse.ArgumentTypeError(f"expected a size such as 1024x600, got {short(text)}")
    for digits, (low, high), what in zip(
        found.groups(), WINDOW_SIZES, ("width", "height"), strict=True
    ):
        # Compared as digits first: a width of thousands of digits is out of range too, and
        # reading it as a number would take long.
        value = digits.lstrip("0") or "0"
        if len(value) > len(str(high)) or not low <= int(value) <= high:
            raise argparse.ArgumentTypeError(
                f"expected a {what} from {low} to {high} pixels, got {short(value, quoted=False)}"
            )
    return int(found.group(1)), int(found.group(2))


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number of seconds, got {short(text)}"
        ) from None
    if not 0 < value <= 600:
        raise argparse.ArgumentTypeError(
            f"expected more than 0 and at most 600, got {short(text, quoted=False)}"
        )
    return value


def _class_code(text: str) -> str:
    """A class code as typed: an empty one (an unset variable in a teacher's script) is refused
    here, where it would otherwise read as no code at all; :func:`decode` checks the rest."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            f"expected a class code such as {EXAMPLE}, got an empty one"
        )
    return text


def _add_class_checks(command: argparse.ArgumentParser) -> None:
    """The options ``verify`` and ``report`` share: what the class's games must match."""
    command.add_argument(
        "--code", dest="class_code", type=_class_code, help="the class code the games must match"
    )
    command.add_argument(
        "--scenario",
        dest="scenario_files",
        type=_path,
        action="append",
        default=[],
        metavar="FILE",
        help="a scenario file the transcripts may be for, besides the installed ones (repeatable)",
    )


def _shared(command: argparse.ArgumentParser, *, seed: str = "", scenario: str = "") -> None:
    """The options a subcommand shares with the top level, each with its help (none: not
    taken). They default to SUPPRESS, so that the top level's value stands unless the
    subcommand's is given: ``--seed 4 play`` works as well as ``play --seed 4``."""
    if seed:
        command.add_argument("--seed", type=_seed, default=SUPPRESS, help=seed)
    if scenario:
        command.add_argument("--scenario", default=SUPPRESS, help=scenario)


def _format(command: argparse.ArgumentParser, *choices: str, help: str | None = None) -> None:
    """``--format``, the first of ``choices`` by default."""
    command.add_argument("--format", choices=choices, default=choices[0], help=help)


def build_parser() -> argparse.ArgumentParser:
    """The parser for every subcommand."""
    parser = _Parser(
        prog=PROG,
        description="Hanoi Summit: negotiate with North Korea at the February 2019 summit.",
        epilog="Without a subcommand the game window opens. "
        "Scenarios are the .toml files of the scenarios folder, named without .toml.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--scenario", default=None, help="scenario name or .toml file")
    parser.add_argument("--seed", type=_seed, help="seed of the game (default: random)")
    parser.add_argument("--fullscreen", action="store_true", help="start in fullscreen")
    parser.add_argument(
        "--code", type=_class_code, help=f"a class code from your teacher, e.g. {EXAMPLE}"
    )
    parser.add_argument(
        "--name", type=_player_name, default="", help="your name, recorded in the transcript"
    )
    parser.add_argument(
        "--autoplay",
        choices=STRATEGY_NAMES,
        metavar="|".join(STRATEGY_NAMES),
        help="the window plays a built-in strategy's game by itself, to the debrief",
    )
    parser.add_argument(
        "--pace",
        type=_seconds,
        help="with --autoplay: seconds between two key presses (default 1.5)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    play = commands.add_parser("play", help="play a game (headless: script, terminal or stdio)")
    play.add_argument("--headless", action="store_true", help="play without a window")
    _shared(play, seed="seed (default: random)", scenario="scenario name or .toml file")
    source = play.add_mutually_exclusive_group()
    source.add_argument("--script", type=_path, help="TOML file with moves = [...]")
    source.add_argument("--stdio", action="store_true", help="JSON lines out, one move per line in")
    play.add_argument("--transcript", type=_path, help="write the game's transcript here")
    play.add_argument(
        "--export",
        action="store_true",
        help="also write the transcript to hand in, named after you, the class code and the "
        "day, into the exports folder (Documents/Hanoi Summit)",
    )
    play.add_argument(
        "--format",
        choices=("text", "json"),
        help="how to print a scripted game (--script): text (default) or json",
    )
    play.add_argument(
        "--name",
        type=_player_name,
        default=SUPPRESS,
        help="player name recorded in the transcript",
    )
    play.add_argument(
        "--code",
        type=_class_code,
        default=SUPPRESS,
        help="class code (sets scenario, seed and mode)",
    )
    play.add_argument("--mode", choices=MODES, default=None, help="recorded in the transcript")
    seats = play.add_argument_group(
        "hot-seat and team games",
        "A second player or team answers for the North: in the terminal, or after -> in a "
        "script's moves. Team names make a team game (a hot-seat one).",
    )
    seats.add_argument(
        "--hotseat", action="store_true", help="a second player answers for the North"
    )
    seats.add_argument("--team-us", type=_player_name, metavar="NAME", help="the U.S. team's name")
    seats.add_argument(
        "--team-north", type=_player_name, metavar="NAME", help="the North Korean team's name"
    )
    seats.add_argument(
        "--player-us",
        type=_name,
        action="append",
        default=[],
        metavar="ROLE:NAME",
        help="a U.S. player and the role they hold (repeatable; a role the scenario gives the "
        "U.S. team: negotiator, security_adviser, treasury, allies_liaison at Hanoi)",
    )
    seats.add_argument(
        "--player-north",
        type=_name,
        action="append",
        default=[],
        metavar="ROLE:NAME",
        help="a North Korean player and the role they hold (repeatable; a role the scenario "
        "gives the North Korean team: head_of_delegation, military, economic_official, "
        "america_hand at Hanoi)",
    )
    play.add_argument(
        "--from",
        dest="previous",
        type=_path,
        metavar="TRANSCRIPT",
        help="start where a finished game of an earlier summit left off",
    )

    code = commands.add_parser("code", help="make a class code for a scenario, seed and mode")
    _shared(
        code, seed=f"0 to {MAX_SEED} (default: random)", scenario="scenario name (default: hanoi)"
    )
    code.add_argument("--mode", choices=MODES, default=Mode.PRACTICE.value)

    verify = commands.add_parser("verify", help="check students' transcripts")
    verify.add_argument("files", nargs="+", type=_file_name, metavar="TRANSCRIPT")
    verify.add_argument(
        "--codes", type=_path, help="verification codes handed in: CODE or NAME, CODE per line"
    )
    _add_class_checks(verify)

    report = commands.add_parser("report", help="a class report from students' transcripts")
    report.add_argument("files", nargs="+", type=_file_name, metavar="TRANSCRIPT")
    report.add_argument(
        "--out", type=_path, required=True, metavar="DIR", help="the folder for the report"
    )
    report.add_argument("--codes", type=_path, help="verification codes handed in")
    _add_class_checks(report)

    check = commands.add_parser("check", help="validate scenario files")
    check.add_argument("files", nargs="+", metavar="FILE", help="scenario files or names")

    replay_cmd = commands.add_parser("replay", help="replay a transcript")
    replay_cmd.add_argument("file", type=_path, metavar="TRANSCRIPT")
    replay_cmd.add_argument(
        "--verify", action="store_true", help="check every turn; exit 1 at the first difference"
    )
    _shared(replay_cmd, scenario="scenario file to replay against")
    _format(replay_cmd, "text", "json", help="how to print the game, or the verdict (default text)")

    batch = commands.add_parser(
        "batch",
        help="play seeded games with a built-in strategy",
        epilog="The strategies are described in docs/scripting.md and the README.",
    )
    batch.add_argument(
        "--strategy", required=True, choices=STRATEGY_NAMES, metavar="|".join(STRATEGY_NAMES)
    )
    batch.add_argument(
        "--games",
        type=_counted(MAX_GAMES, "about a quarter of an hour on one core"),
        default=100,
        help=f"games to play, 1 to {MAX_GAMES:,} (default 100)",
    )
    batch.add_argument(
        "--jobs", type=_counted(MAX_JOBS), default=1, help="processes to use (default 1)"
    )
    _shared(batch, seed="seed of the first game (default 0)", scenario="scenario (default: hanoi)")
    _format(batch, "table", "json", help="a table to read, or JSON (default table)")

    analyze = commands.add_parser(
        "analyze",
        help="search for the best fixed line of play and report the scenario's balance",
        epilog="With the defaults the search takes minutes; docs/scripting.md says how long.",
    )
    analyze.add_argument(
        "target", nargs="?", metavar="SCENARIO", help="scenario name or .toml file (default: hanoi)"
    )
    analyze.add_argument("--json", action="store_true", help="print the report as JSON")
    analyze.add_argument(
        "--budget",
        type=_counted(100_000, "hours of search"),
        default=1200,
        help="line evaluations (default 1200)",
    )
    analyze.add_argument(
        "--train", type=_counted(100_000), default=200, help="training seeds (default 200)"
    )
    analyze.add_argument(
        "--test", type=_counted(1_000_000), default=1000, help="test seeds (default 1000)"
    )

    bench = commands.add_parser("bench", help="measure the engine's speed")
    bench.add_argument("--json", action="store_true", help="print the figures as JSON")
    bench.add_argument(
        "--games",
        type=_counted(100_000),
        default=2000,
        help="games to replay, 1 to 100,000 (default 2,000)",
    )
    bench.add_argument(
        "--negmas-seconds",
        type=_seconds,
        default=5.0,
        metavar="S",
        help="how long to run NegMAS's negotiations for its rate (default 5)",
    )
    bench.add_argument(
        "--no-negmas", action="store_true", help="measure the engine alone, even with NegMAS"
    )

    shots = commands.add_parser("shots", help="render every screen to PNG")
    shots.add_argument(
        "--out", type=_path, required=True, metavar="DIR", help="the folder for the PNG files"
    )
    _shared(shots, seed="seed (default 7)", scenario="scenario name or .toml file (default: hanoi)")
    shots.add_argument(
        "--text-size",
        choices=TEXT_SIZES,
        default="normal",
        help="the text size setting to draw with (default normal)",
    )
    shots.add_argument(
        "--size",
        type=_window_size,
        default=None,
        metavar="WxH",
        help="draw each screen as a window of this size shows it (default 1280x720)",
    )
    return parser
