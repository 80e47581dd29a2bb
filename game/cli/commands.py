"""The subcommands of the command line, each a thin layer over the engine.

Imported only when a subcommand runs, so opening the game window does not pay for them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

import attrs

from game.classroom.classcode import ClassCode, ClassCodeError, decode, encode, random_seed
from game.cli import checking
from game.cli.checking import clashes, shown_path
from game.cli.outputs import (
    check_export_folder,
    check_transcript_path,
    leave_behind,
    print_game,
    warn,
)
from game.cli.parser import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_OK,
    PROG,
    UsageError,
    check_some_file,
    given_files,
    read_option,
)
from game.engine import (
    Carry,
    CarryError,
    GameState,
    Scenario,
    ScenarioError,
    carry_from,
    new_game,
)
from game.engine.describe import printable
from game.engine.replay import replay as replay_transcript
from game.engine.scenario import Seat
from game.engine.teams import TeamError, Teams, make_team, who_played
from game.engine.transcript import LARGEST_SEED, TranscriptError, clean_name
from game.store.files import describe_os_error
from game.store.mode import Mode
from game.store.scenarios import (
    DEFAULT_SCENARIO,
    find_scenario,
    follow_up,
    load_scenario,
    resolve,
    scenario_dir,
    scenario_for_code,
)
from game.words import counted, so_far

if TYPE_CHECKING:
    import argparse

    from game.classroom.verify import Against


# --- the window ---------------------------------------------------------------------------


def shots(args: argparse.Namespace) -> int:
    from game.store.settings import TextSize
    from game.ui.shots import render_all

    out: Path = args.out
    try:
        written = render_all(
            out,
            seed=7 if args.seed is None else args.seed,
            text_size=TextSize(args.text_size),
            size=args.size,
            scenario=_scenario_ref(args),
            skipped=lambda name, why: warn(f"{PROG} shots: {name}: {why}"),
        )
    except OSError as error:
        raise UsageError(f"{out}: cannot write screenshots: {describe_os_error(error)}") from None
    for path in written:
        print(path)
    return EXIT_OK


# --- play ----------------------------------------------------------------------------------


@attrs.frozen
class Setup:
    """Everything a new game needs, settled from the command line."""

    scenario: Scenario
    seed: int
    mode: Mode
    code: str
    carry: Carry | None
    hotseat: bool = False

    def new_state(self) -> GameState:
        return new_game(self.scenario, self.seed, self.carry, hotseat=self.hotseat)


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
    from game.store.transcripts import read_transcript

    transcript = read_transcript(previous)
    earlier = find_scenario(transcript.scenario, transcript.scenario_sha256)
    if earlier is None:
        raise UsageError(
            f'{previous}: made for scenario "{transcript.scenario}", which is not installed'
        )
    report = replay_transcript(earlier, transcript)
    if not report.ok or report.state is None:
        raise UsageError(f"{previous}: {report.message}")
    state = report.state
    if scenario_ref is None:
        following = follow_up(earlier.id)
        if following is None:
            raise UsageError(f"{previous}: no installed scenario continues {earlier.id!r}")
        scenario = following
    else:
        scenario = load_scenario(scenario_ref)
    try:
        carry = carry_from(state, scenario, transcript.verification_for(state))
    except CarryError as error:
        raise UsageError(f"{previous}: {error}") from None
    return scenario, carry


def settle(
    *,
    scenario_ref: str | None,
    seed: int | None,
    code_text: str | None,
    mode: Mode | None,
    previous: Path | None,
) -> Setup:
    """Settle scenario, seed, mode and carry-over from the options (the script's defaults are
    passed in ``scenario_ref`` and ``seed``)."""
    code = ""
    if code_text:
        decoded, path = _class_code(code_text)
        if seed is not None and seed != decoded.seed:
            raise UsageError(f"{PROG}: --seed {seed} contradicts class code {decoded}")
        if mode is not None and mode != decoded.mode:
            raise UsageError(f"{PROG}: --mode {mode} contradicts class code {decoded}")
        if previous is None:
            scenario_ref = str(path)
        seed, mode, code = decoded.seed, decoded.mode, str(decoded)
    carry = None
    if previous is not None:
        scenario, carry = _carry(previous, scenario_ref)
    else:
        scenario = load_scenario(scenario_ref or DEFAULT_SCENARIO)
    if code and decode(code).prefix != scenario.code:
        raise UsageError(
            f"{PROG}: class code {code} is not for {scenario.id} (its codes start {scenario.code})"
        )
    return Setup(
        scenario=scenario,
        seed=seed if seed is not None else random_seed(),
        mode=mode or Mode.PRACTICE,
        code=code,
        carry=carry,
    )


def play(args: argparse.Namespace) -> int:
    from game.cli.protocol import run_stdio
    from game.cli.terminal import (
        BadMoveError,
        GameInterrupted,
        OutputError,
        ScriptError,
        interactive,
        play_moves,
        read_script,
    )
    from game.store.who import Who

    if args.format is not None and args.script is None:
        # Silently ignored, it left a scripting user wondering (a play-test).
        raise UsageError(
            f"{PROG} play: --format is for --script: over --stdio the game writes JSON lines, "
            "and terminal play is text"
        )
    script = read_option(read_script, args.script, ScriptError)
    check_transcript_path(args.transcript, args.script, args.previous)
    if args.export:
        check_export_folder()
    # A script's own seed and scenario are defaults: a class code or a flag overrides them.
    defaults = script if script is not None and not args.code else None
    try:
        setup = settle(
            scenario_ref=args.scenario or (defaults.scenario if defaults else None),
            seed=args.seed if args.seed is not None else (defaults.seed if defaults else None),
            code_text=args.code,
            mode=None if args.mode is None else Mode(args.mode),
            previous=args.previous,
        )
    except ScenarioError as error:
        if args.scenario or defaults is None or not defaults.scenario:
            raise
        # Named by the script, which the lines did not say (a path there is read from the
        # current folder, not the script's, and a scenario author looked for it there).
        raise ScenarioError(
            [f"{args.script}: scenario: {line}" for line in error.problems]
        ) from None
    # Cleaned as the window cleans it: the transcript records this name, the code covers it.
    name = clean_name(args.name)
    teams = _teams(args, setup.scenario)
    hotseat = args.hotseat or teams is not None
    if hotseat and args.stdio:
        raise UsageError(
            f"{PROG}: --stdio has one player; play a hot-seat game in the terminal, or with "
            "--script and the other side's choices after ->"
        )
    if hotseat and setup.mode is Mode.GRADED:
        raise UsageError(
            f"{PROG}: a hot-seat game cannot be graded (a second player chooses the other "
            "side's answers); play it in practice mode"
        )
    if setup.code and not who_played(name, teams):
        raise UsageError(
            f"{PROG}: class code {setup.code}: give your name with --name (or, in a team game, "
            "the teams' names), so that your teacher knows whose game it is"
        )
    setup = attrs.evolve(setup, hotseat=hotseat)
    who = Who(name, setup.mode, setup.code, teams)
    state = setup.new_state()

    if args.stdio or script is None:
        source = _stdin()
        try:
            if args.stdio:
                state, bad = run_stdio(state, source, sys.stdout, who)
            else:
                state, bad = interactive(state, source, who=who), None
        except OutputError as error:
            leave_behind(error.state, who, args.transcript, export=args.export)
            raise UsageError(
                f"{PROG}: cannot write to standard output ({error}); the game stopped "
                f"{so_far(len(error.state.turns))}"
            ) from None
        except GameInterrupted as stopped:
            leave_behind(stopped.state, who, args.transcript, export=args.export)
            raise KeyboardInterrupt from None  # "interrupted", status 130
        leave_behind(state, who, args.transcript, export=args.export)
        if bad is not None:
            warn(f"stdin: {bad}")
            return EXIT_BAD_INPUT
        if not state.is_over:
            ended = "stdin: input ended" if args.stdio else "stopped"
            warn(_ended(ended, len(state.turns)))
            return EXIT_FAILED
        return EXIT_OK

    try:
        state = play_moves(state, script.moves)
    except BadMoveError as error:
        leave_behind(error.state, who, args.transcript, export=args.export)
        # The game up to the bad move, its ending and verification code too when a move came
        # after the end: the student sees what the transcript holds, then why the script stopped.
        print_game(error.state, args.format or "text", who)
        warn(f"{args.script}: {error}")
        return EXIT_BAD_INPUT
    leave_behind(state, who, args.transcript, export=args.export)
    print_game(state, args.format or "text", who)
    if not state.is_over:
        warn(_ended(f"{args.script}: the script ended", len(state.turns)))
        return EXIT_FAILED
    return EXIT_OK


def _ended(ended: str, moves: int) -> str:
    """The line for a game whose input ``ended`` after ``moves`` moves, before the summit did."""
    return f"{ended} {so_far(moves)}, before the summit did" if moves else f"{ended} {so_far(0)}"


def _teams(args: argparse.Namespace, scenario: Scenario) -> Teams | None:
    """The teams the options name for a game of ``scenario`` (None when they name none); both
    teams need a name, and each player a role the scenario gives their side."""
    us, north = args.team_us, args.team_north
    if us is None and north is None and not args.player_us and not args.player_north:
        return None
    if us is None or north is None:
        raise UsageError(f"{PROG}: a team game needs both --team-us NAME and --team-north NAME")
    try:
        teams = Teams(
            make_team(scenario, Seat.PLAYER, us, args.player_us),
            make_team(scenario, Seat.COUNTERPART, north, args.player_north),
        )
    except TeamError as error:
        raise UsageError(f"{PROG}: {printable(str(error))}") from None
    if clash := teams.clash():
        raise UsageError(f"{PROG}: {printable(clash)}")
    return teams


def _stdin() -> IO[str]:
    """Standard input for a game: empty when it is closed, and with bytes that are not UTF-8
    kept (as surrogates) for the game to refuse in one line, instead of failing to read."""
    import io

    if sys.stdin is None:
        return io.StringIO()
    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="surrogateescape")
    return sys.stdin


def code(args: argparse.Namespace) -> int:
    path = resolve(args.scenario or DEFAULT_SCENARIO)
    scenario = load_scenario(path)
    if scenario_for_code(scenario.code) is None:
        raise UsageError(
            f"{PROG} code: {shown_path(path)} is not installed in {shown_path(scenario_dir())}; "
            "class codes work only for installed scenarios (copy the file there first)"
        )
    # A code must open exactly this scenario: refuse while another installed file shares it.
    sharing = [line for line in clashes(path, scenario) if ": code: " in line]
    if sharing:
        other = sharing[0].rsplit("(also ", 1)[-1].rstrip(")")
        raise UsageError(
            f"{PROG} code: {other} also uses the class code {scenario.code}; "
            f"give one of them a code of its own"
        )
    seed = args.seed if args.seed is not None else random_seed()
    try:
        code = encode(scenario.code, seed, Mode(args.mode))
    except ClassCodeError as error:
        raise UsageError(f"{PROG} code: {error}") from None
    print(code)
    print(
        f"{scenario.title}, seed {seed}, {args.mode} mode. Students enter it on the New game "
        f'form (Class code), or play with: python -m game --code {code} --name "Their Name"',
        file=sys.stderr,
    )
    return EXIT_OK


def _against(args: argparse.Namespace) -> Against:
    """The class code, the codes handed in and the scenario files named, as the class tools
    take them; any of them unusable is one line and status 2."""
    from game.classroom.codes import CodesFileError, read_codes
    from game.classroom.verify import Against

    expected = _class_code(args.class_code)[0] if args.class_code else None
    handed_in = read_option(read_codes, args.codes, CodesFileError)
    # Only files the teacher names are opened: never a path a transcript holds.
    scenarios = tuple(load_scenario(path) for path in args.scenario_files)
    return Against(expected, handed_in, scenarios)


def report(args: argparse.Namespace) -> int:
    from game.classroom.one_class import NotOneClassError
    from game.classroom.report import build
    from game.classroom.report_files import write

    against = _against(args)
    try:
        names = given_files(args.files)
        check_some_file(args.files, names)
        report = build([Path(name) for name in names], against, names)
    except NotOneClassError as error:
        raise UsageError(f"{PROG} report: {error}") from None
    if report is None:
        raise UsageError(f"{PROG} report: no transcripts to report on")
    out: Path = args.out
    try:
        written = write(report, out)
    except OSError as error:
        where = error.filename or out
        raise UsageError(f"{where}: cannot write the report: {describe_os_error(error)}") from None
    # The class's own files one by one; the students' pages as one line, not two per student.
    pages = [path for path in written if path.parent != out]
    for path in written:
        if path.parent == out:
            print(printable(str(path)))
    if pages:
        students = sum(1 for path in pages if path.suffix == ".md")
        folder = printable(str(pages[0].parent))
        plural = "" if students == 1 else "s"
        print(f"{folder}/: {students} student page{plural} (.md and .html, with their charts)")
    for verdict in report.rejected:
        warn(f"left out: {verdict.line()}")
    for verdict in report.repeated:
        warn(verdict.line())
    for line in report.checks:
        warn(line)
    others = f", {len(report.other)} of another summit" if report.other else ""
    games = counted(len(report.rows), "game")
    warn(f"{games} in the report, {len(report.rejected)} left out{others}")
    return EXIT_OK if report.rows else EXIT_FAILED


def verify(args: argparse.Namespace) -> int:
    from game.classroom.to_check import to_check
    from game.classroom.verify import each_verdict

    against = _against(args)
    status = EXIT_OK
    names = given_files(args.files)
    check_some_file(args.files, names, "verify")
    paths = [Path(name) for name in names]
    verdicts = []
    for verdict in each_verdict(paths, against, names):
        verdicts.append(verdict)
        # Each line as its file is done: a slow file must not hide the class's lines.
        print(verdict.line(), flush=True)
        if not verdict.ok:
            status = EXIT_FAILED
        elif verdict.state is not None and verdict.transcript is not None:
            teams = verdict.transcript.teams
            if teams is not None:
                lines = teams.lines(verdict.state.scenario)
                print(printable(f"  teams: {'; '.join(lines)}"))
    for line in to_check(verdicts, against.handed_in):
        print(line)
    return status


# --- check, replay, batch, bench -----------------------------------------------------------


def check(args: argparse.Namespace) -> int:
    """Validate scenario files (:func:`game.cli.checking.check`)."""
    return checking.check(args)


def _verdict(args: argparse.Namespace, ok: bool, message: str, *, finished: bool) -> None:
    """The one line of ``replay --verify``: ``FILE: message``, or its JSON object."""
    path: Path = args.file
    if args.format == "json":
        found = {"file": str(path), "ok": ok, "message": message, "finished": finished}
        print(json.dumps(found))
    else:
        print(printable(f"{path}: {message}"))


def replay(args: argparse.Namespace) -> int:
    from game.store.transcripts import UnreadableTranscriptError, read_transcript
    from game.store.who import Who

    path: Path = args.file
    try:
        transcript = read_transcript(path)
    except TranscriptError as error:
        if not args.verify:
            raise
        # Said as every verdict is, on standard output, so that a script reading it (JSON
        # above all) has a verdict for every file; standard error names what it cannot read.
        if isinstance(error, UnreadableTranscriptError):
            if args.format == "json":
                _verdict(args, False, error.problems[0], finished=False)
            raise
        # A file that reads, but holds what no transcript does (a key added, a value changed
        # in kind): edited, a failed verification as a changed meter is.
        _verdict(args, False, error.problems[0].removeprefix(f"{path}: "), finished=False)
        return EXIT_FAILED
    if args.scenario:
        scenario = load_scenario(args.scenario)
    else:
        # Looked up by the id the transcript records, never opened as a path it holds.
        found = find_scenario(transcript.scenario, transcript.scenario_sha256)
        if found is None:
            raise UsageError(
                f'{path}: made for scenario "{transcript.scenario}", which is not installed '
                "(name its file with --scenario)"
            )
        scenario = found
    report = replay_transcript(scenario, transcript)
    who = Who(transcript.player, transcript.mode, transcript.code, transcript.teams)
    if args.verify:
        from game.classroom.verify import who_problem

        # A name or mode the game never writes is named as verify names it, not as the
        # verification code it breaks.
        problem = who_problem(transcript)
        ok, message = (False, problem) if problem else (report.ok, report.message)
        finished = report.state is not None and report.state.is_over
        if ok and not finished and report.state is not None:
            # A save, or a game whose input ended: it replays as far as it goes, and says so
            # (a play-test took "ok" for a whole game); `verify`, which grades, fails it.
            message = (
                f"ok, unfinished: the summit was still going after turn {len(report.state.turns)}"
            )
        _verdict(args, ok, message, finished=finished)
        return EXIT_OK if ok else EXIT_FAILED
    if report.state is None or not report.ok:
        warn(f"{path}: {report.message}")
        if report.state is not None and report.state.turns:
            print_game(report.state, args.format, who)
        return EXIT_FAILED
    print_game(report.state, args.format, who)
    return EXIT_OK


def _scenario_ref(args: argparse.Namespace) -> str:
    return getattr(args, "scenario", None) or DEFAULT_SCENARIO


def batch(args: argparse.Namespace) -> int:
    from game.cli.batch import run_batch, table
    from game.engine.describe import StrategyName

    first = 0 if args.seed is None else args.seed
    if first + args.games - 1 > LARGEST_SEED:
        raise UsageError(
            f"{PROG} batch: --seed {first} and --games {args.games} would play seeds past "
            "2**63-1, the largest there is"
        )
    path = resolve(_scenario_ref(args))
    scenario = load_scenario(path)
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\rbatch: {done}/{total} games", end="", file=sys.stderr, flush=True)

    result = run_batch(
        path,
        StrategyName(args.strategy),
        args.games,
        first,
        jobs=args.jobs,
        progress=progress,
    )
    if show:
        print(file=sys.stderr)
    if args.format == "json":
        print(json.dumps(result.to_json(), indent=2))
    else:
        print(printable(table(result, scenario), keep_newlines=True))
    return EXIT_OK


def analyze(args: argparse.Namespace) -> int:
    import time

    from game.cli.analyze import analysis_json, analysis_text
    from game.engine.analysis import analyze as search

    scenario = load_scenario(args.target or _scenario_ref(args))
    show = sys.stderr.isatty()
    started = time.monotonic()

    def progress(step: str) -> None:
        if show:
            elapsed = round(time.monotonic() - started)
            print(f"analyze: {step} ({elapsed // 60}:{elapsed % 60:02d})", file=sys.stderr)

    found = search(
        scenario, budget=args.budget, train=args.train, test=args.test, progress=progress
    )
    if args.json:
        print(json.dumps(analysis_json(scenario, found, args.budget), indent=2))
    else:
        print(printable(analysis_text(scenario, found, args.budget), keep_newlines=True))
    return EXIT_OK


def bench(args: argparse.Namespace) -> int:
    from game.cli.bench import NOT_INSTALLED, measure, report

    seconds = None if args.no_negmas else args.negmas_seconds
    figures = measure(games=args.games, negmas_seconds=seconds)
    if seconds is not None and figures["negmas"] is None:
        print(NOT_INSTALLED, file=sys.stderr)
    print(json.dumps(figures, indent=2) if args.json else report(figures))
    return EXIT_OK
