"""The command line: ``python -m game`` and its subcommands, a thin layer over the engine.

Every bad input (a broken scenario, a bad script move, a corrupt transcript, an unknown flag)
ends with one clear line on stderr and exit status 2; a failed verification exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from argparse import SUPPRESS
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

import attrs

from game import __version__
from game.classcode import MAX_SEED, ClassCode, ClassCodeError, decode, encode
from game.engine import (
    Carry,
    CarryError,
    GameState,
    Scenario,
    ScenarioError,
    carry_from,
    new_game,
)
from game.engine.strategies import STRATEGIES
from game.engine.transcript import TranscriptError, replay
from game.files import describe_os_error
from game.scenarios import (
    load_scenario,
    resolve,
    scenario_dir,
    scenario_for_code,
    scenario_names,
)

if TYPE_CHECKING:
    from game.verify import HandedIn

PROG = "hanoi-summit"
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad command-line input: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"expected a seed from 0 to 2**63-1, got {value}")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {value}")
    return value


def _random_seed() -> int:
    return secrets.randbelow(1_000_000)


def build_parser() -> argparse.ArgumentParser:
    """The parser for every subcommand."""
    parser = _Parser(
        prog=PROG,
        description="Hanoi Summit: negotiate with North Korea at the February 2019 summit.",
        epilog="Without a subcommand the game window opens. "
        f"Scenarios bundled: {', '.join(scenario_names())}.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--scenario", default=None, help="scenario name or .toml file")
    parser.add_argument("--seed", type=_seed, help="seed of the game (default: random)")
    parser.add_argument("--fullscreen", action="store_true", help="start in fullscreen")
    parser.add_argument("--code", help="a class code from your teacher, e.g. HNOI-7F3K")
    parser.add_argument("--name", default="", help="your name, recorded in the transcript")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    play = commands.add_parser("play", help="play a game (headless: script, terminal or stdio)")
    play.add_argument("--headless", action="store_true", help="play without a window")
    # Options shared with the top level default to SUPPRESS, so `--seed 4 play` works too.
    play.add_argument("--seed", type=_seed, default=SUPPRESS, help="seed (default: random)")
    play.add_argument("--scenario", default=SUPPRESS, help="scenario name or .toml file")
    source = play.add_mutually_exclusive_group()
    source.add_argument("--script", type=Path, help="TOML file with moves = [...]")
    source.add_argument("--stdio", action="store_true", help="JSON lines out, one move per line in")
    play.add_argument("--transcript", type=Path, help="write the game's transcript here")
    play.add_argument(
        "--format", choices=("text", "json"), default="text", help="how to print the game"
    )
    play.add_argument("--name", default=SUPPRESS, help="player name recorded in the transcript")
    play.add_argument("--code", default=SUPPRESS, help="class code (sets scenario, seed and mode)")
    play.add_argument(
        "--mode", choices=("practice", "graded"), default=None, help="recorded in the transcript"
    )
    play.add_argument(
        "--from",
        dest="previous",
        type=Path,
        metavar="TRANSCRIPT",
        help="start where a finished game of an earlier summit left off",
    )

    code = commands.add_parser("code", help="make a class code for a scenario, seed and mode")
    code.add_argument("--scenario", default=SUPPRESS, help="scenario name (default: hanoi)")
    code.add_argument(
        "--seed", type=_seed, default=SUPPRESS, help=f"0 to {MAX_SEED} (default: random)"
    )
    code.add_argument("--mode", choices=("practice", "graded"), default="practice")

    verify = commands.add_parser("verify", help="check students' transcripts")
    verify.add_argument("files", nargs="+", type=Path, metavar="TRANSCRIPT")
    verify.add_argument(
        "--codes", type=Path, help="verification codes handed in: CODE or NAME, CODE per line"
    )
    verify.add_argument("--code", dest="class_code", help="the class code the games must match")

    report = commands.add_parser("report", help="a class report from students' transcripts")
    report.add_argument("files", nargs="+", type=Path, metavar="TRANSCRIPT")
    report.add_argument("--out", type=Path, required=True, metavar="DIR")
    report.add_argument("--codes", type=Path, help="verification codes handed in")
    report.add_argument("--code", dest="class_code", help="the class code the games must match")

    check = commands.add_parser("check", help="validate scenario files")
    check.add_argument("files", nargs="+", metavar="FILE", help="scenario files or names")

    replay_cmd = commands.add_parser("replay", help="replay a transcript")
    replay_cmd.add_argument("file", type=Path, metavar="TRANSCRIPT")
    replay_cmd.add_argument(
        "--verify", action="store_true", help="check every turn; exit 1 at the first difference"
    )
    replay_cmd.add_argument("--scenario", default=SUPPRESS, help="scenario file to replay against")
    replay_cmd.add_argument("--format", choices=("text", "json"), default="text")

    names = ", ".join(STRATEGIES)
    strategy_help = "; ".join(
        f"{info.name}: {info.description.splitlines()[0]}" for info in STRATEGIES.values()
    )
    batch = commands.add_parser(
        "batch", help="play seeded games with a built-in strategy", epilog=strategy_help
    )
    batch.add_argument("--strategy", required=True, choices=list(STRATEGIES), metavar=names)
    batch.add_argument("--games", type=_positive, default=100)
    batch.add_argument(
        "--seed", type=_seed, default=SUPPRESS, help="seed of the first game (default 0)"
    )
    batch.add_argument("--jobs", type=_positive, default=1, help="processes to use (default 1)")
    batch.add_argument("--scenario", default=SUPPRESS, help="scenario (default: hanoi)")
    batch.add_argument("--format", choices=("table", "json"), default="table")

    bench = commands.add_parser("bench", help="measure the engine's speed")
    bench.add_argument("--json", action="store_true", help="print the figures as JSON")
    bench.add_argument("--games", type=_positive, default=2000)

    shots = commands.add_parser("shots", help="render every screen to PNG")
    shots.add_argument("--out", type=Path, required=True, metavar="DIR")
    shots.add_argument("--seed", type=_seed, default=SUPPRESS, help="seed (default 7)")
    return parser


def _scenario_ref(args: argparse.Namespace) -> str:
    return getattr(args, "scenario", None) or "hanoi"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args)
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    except ScenarioError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except TranscriptError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); stay quiet, as shell tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command is None:
        return _window(args)
    if command == "play":
        return _play(args)
    if command == "check":
        return _check(args.files)
    if command == "code":
        return _code(args)
    if command == "verify":
        return _verify(args)
    if command == "report":
        return _report(args)
    if command == "replay":
        return _replay(args)
    if command == "batch":
        return _batch(args)
    if command == "bench":
        return _bench(args)
    if command == "shots":
        return _shots(args)
    raise UsageError(f"{PROG}: unknown command {command!r}")


# --- the window ---------------------------------------------------------------------------


def _window(args: argparse.Namespace) -> int:
    from game.ui.app import run  # imported here: the headless commands never load pygame

    return run()


def _shots(args: argparse.Namespace) -> int:
    from game.ui.shots import render_all

    out: Path = args.out
    try:
        written = render_all(out, seed=7 if args.seed is None else args.seed)
    except OSError as error:
        raise UsageError(f"{out}: cannot write screenshots: {describe_os_error(error)}") from None
    for path in written:
        print(path)
    return EXIT_OK


# --- play ----------------------------------------------------------------------------------


def _write_transcript(
    path: Path | None, state: GameState, *, name: str, mode: str, code: str
) -> None:
    if path is None:
        return
    from game.transcripts import write_transcript

    try:
        write_transcript(path, state, player=name, mode=mode, code=code)
    except OSError as error:
        raise UsageError(
            f"{path}: cannot write the transcript: {describe_os_error(error)}"
        ) from None


def _print_game(state: GameState, form: str, stream: IO[str] | None = None) -> None:
    from game.headless import game_json, game_text

    stream = stream or sys.stdout
    if form == "json":
        stream.write(json.dumps(game_json(state), ensure_ascii=False, indent=2) + "\n")
    else:
        stream.write(game_text(state) + "\n")


@attrs.frozen
class Setup:
    """Everything a new game needs, settled from the command line."""

    scenario: Scenario
    seed: int
    mode: str
    code: str
    carry: Carry | None

    def new_state(self) -> GameState:
        return new_game(self.scenario, self.seed, self.carry)


def _class_code(text: str) -> tuple[ClassCode, Path]:
    try:
        code = decode(text)
    except ClassCodeError as error:
        raise UsageError(f"{PROG}: {error}") from None
    path = scenario_for_code(code.prefix)
    if path is None:
        raise UsageError(f"{PROG}: class code {text}: no installed scenario uses {code.prefix}")
    return code, path


def _carry(previous: Path, scenario_ref: str | None) -> tuple[Scenario, Carry]:
    from game.engine.transcript import verification_code
    from game.transcripts import read_transcript

    transcript = read_transcript(previous)
    earlier = load_scenario(transcript.scenario)
    report = replay(earlier, transcript)
    if not report.ok or report.state is None:
        raise UsageError(f"{previous}: {report.message}")
    state = report.state
    if scenario_ref is None:
        following = [
            path
            for path in (resolve(name) for name in scenario_names())
            if (spec := load_scenario(path).carry) is not None and earlier.id in spec.sources
        ]
        if not following:
            raise UsageError(f"{previous}: no installed scenario continues {earlier.id!r}")
        scenario_ref = str(following[0])
    scenario = load_scenario(scenario_ref)
    try:
        carry = carry_from(state, scenario, verification_code(state))
    except CarryError as error:
        raise UsageError(f"{previous}: {error}") from None
    return scenario, carry


def settle(
    *,
    scenario_ref: str | None,
    seed: int | None,
    code_text: str | None,
    mode: str | None,
    previous: Path | None,
) -> Setup:
    """Settle scenario, seed, mode and carry-over from the options (the script's defaults are
    passed in ``scenario_ref`` and ``seed``)."""
    code = ""
    if code_text:
        decoded, path = _class_code(code_text)
        if seed is not None and seed != decoded.seed:
            raise UsageError(f"{PROG}: --seed {seed} contradicts class code {code_text}")
        if mode is not None and mode != decoded.mode:
            raise UsageError(f"{PROG}: --mode {mode} contradicts class code {code_text}")
        if previous is None:
            scenario_ref = str(path)
        seed, mode, code = decoded.seed, decoded.mode, str(decoded)
    carry = None
    if previous is not None:
        scenario, carry = _carry(previous, scenario_ref)
    else:
        scenario = load_scenario(scenario_ref or "hanoi")
    if code and decode(code).prefix != scenario.code:
        raise UsageError(
            f"{PROG}: class code {code} is not for {scenario.id} (its codes start {scenario.code})"
        )
    return Setup(
        scenario=scenario,
        seed=seed if seed is not None else _random_seed(),
        mode=mode or "practice",
        code=code,
        carry=carry,
    )


def _play(args: argparse.Namespace) -> int:
    from game.headless import (
        BadMoveError,
        ScriptError,
        interactive,
        play_moves,
        read_script,
        run_stdio,
    )

    if not args.headless:
        if args.script or args.stdio:
            raise UsageError(f"{PROG} play: --script and --stdio need --headless")
        return _window(args)

    script = None
    if args.script is not None:
        try:
            script = read_script(args.script)
        except ScriptError as error:
            raise UsageError(str(error)) from None
    # A script's own seed and scenario are defaults: a class code or a flag overrides them.
    defaults = script if script is not None and not args.code else None
    setup = settle(
        scenario_ref=args.scenario or (defaults.scenario if defaults else None),
        seed=args.seed if args.seed is not None else (defaults.seed if defaults else None),
        code_text=args.code,
        mode=args.mode,
        previous=args.previous,
    )
    meta = {"name": args.name, "mode": setup.mode, "code": setup.code}
    state = setup.new_state()

    if args.stdio:
        state, bad = run_stdio(state, sys.stdin, sys.stdout)
        _write_transcript(args.transcript, state, **meta)
        if bad is not None:
            print(f"stdin: {bad}", file=sys.stderr)
            return EXIT_BAD_INPUT
        if not state.is_over:
            print(
                f"stdin: input ended after move {len(state.turns)}, before the summit did",
                file=sys.stderr,
            )
            return EXIT_FAILED
        return EXIT_OK

    if script is None:
        state = interactive(state)
        _write_transcript(args.transcript, state, **meta)
        return EXIT_OK

    try:
        state = play_moves(state, script.moves)
    except BadMoveError as error:
        _write_transcript(args.transcript, error.state, **meta)
        print(f"{args.script}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    _write_transcript(args.transcript, state, **meta)
    _print_game(state, args.format)
    if not state.is_over:
        print(
            f"{args.script}: the script ended after move {len(state.turns)}, before the summit did",
            file=sys.stderr,
        )
        return EXIT_FAILED
    return EXIT_OK


def _code(args: argparse.Namespace) -> int:
    path = resolve(args.scenario or "hanoi")
    scenario = load_scenario(path)
    if scenario_for_code(scenario.code) is None:
        raise UsageError(
            f"{PROG} code: {path} is not installed in {scenario_dir()}; class codes work only "
            "for installed scenarios (copy the file there first)"
        )
    seed = args.seed if args.seed is not None else secrets.randbelow(MAX_SEED + 1)
    try:
        code = encode(scenario.code, seed, args.mode)
    except ClassCodeError as error:
        raise UsageError(f"{PROG} code: {error}") from None
    print(code)
    print(
        f"{scenario.title}, seed {seed}, {args.mode} mode. Students enter it on the title "
        f'screen, or play with: python -m game --code {code} --name "Their Name"',
        file=sys.stderr,
    )
    return EXIT_OK


def _checks(args: argparse.Namespace) -> tuple[ClassCode | None, HandedIn | None]:
    from game.verify import CodesFileError, read_codes

    expected = _class_code(args.class_code)[0] if args.class_code else None
    handed_in = None
    if args.codes is not None:
        try:
            handed_in = read_codes(args.codes)
        except CodesFileError as error:
            raise UsageError(str(error)) from None
    return expected, handed_in


def _report(args: argparse.Namespace) -> int:
    from game.report import build, write

    expected, handed_in = _checks(args)
    report = build(args.files, expected, handed_in)
    if report is None:
        raise UsageError(f"{PROG} report: no transcripts to report on")
    out: Path = args.out
    try:
        written = write(report, out)
    except OSError as error:
        raise UsageError(f"{out}: cannot write the report: {describe_os_error(error)}") from None
    for path in written:
        print(path)
    for verdict in report.rejected:
        print(f"left out: {verdict.line()}", file=sys.stderr)
    print(
        f"{len(report.rows)} game(s) in the report, {len(report.rejected)} left out",
        file=sys.stderr,
    )
    return EXIT_OK if report.rows else EXIT_FAILED


def _verify(args: argparse.Namespace) -> int:
    from game.verify import verify_files

    expected, handed_in = _checks(args)
    status = EXIT_OK
    for verdict in verify_files(args.files, expected, handed_in):
        print(verdict.line())
        if not verdict.ok:
            status = EXIT_FAILED
    return status


# --- check, replay, batch, bench -----------------------------------------------------------


def _check(files: Sequence[str]) -> int:
    status = EXIT_OK
    for name in files:
        path = resolve(name)
        try:
            load_scenario(path)
        except ScenarioError as error:
            for problem in error.problems:
                print(problem)
            status = EXIT_BAD_INPUT
        else:
            print(f"{path}: ok")
    return status


def _replay(args: argparse.Namespace) -> int:
    from game.transcripts import read_transcript

    path: Path = args.file
    transcript = read_transcript(path)
    scenario = load_scenario(args.scenario or transcript.scenario)
    report = replay(scenario, transcript)
    if args.verify:
        print(f"{path}: {report.message}")
        return EXIT_OK if report.ok else EXIT_FAILED
    if report.state is None or not report.ok:
        print(f"{path}: {report.message}", file=sys.stderr)
        if report.state is not None and report.state.turns:
            _print_game(report.state, args.format)
        return EXIT_FAILED
    _print_game(report.state, args.format)
    return EXIT_OK


def _batch(args: argparse.Namespace) -> int:
    from game.batch import run_batch, table

    path = resolve(_scenario_ref(args))
    scenario = load_scenario(path)
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\rbatch: {done}/{total} games", end="", file=sys.stderr, flush=True)

    result = run_batch(
        path,
        args.strategy,
        args.games,
        0 if args.seed is None else args.seed,
        jobs=args.jobs,
        progress=progress,
    )
    if show:
        print(file=sys.stderr)
    if args.format == "json":
        print(json.dumps(result.to_json(), indent=2))
    else:
        print(table(result, scenario))
    return EXIT_OK


def _bench(args: argparse.Namespace) -> int:
    from game.bench import measure, report

    figures = measure(games=args.games)
    print(json.dumps(figures, indent=2) if args.json else report(figures))
    return EXIT_OK
