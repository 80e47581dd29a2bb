"""Checking students' transcripts: replay each one and say, in one line, whether it stands.

A transcript is ``ok`` when it reads, replays turn for turn through the engine, is finished,
matches the class code (scenario, seed, mode) and, when the teacher collected them, the
verification code the student wrote down from the debrief screen — which is how a transcript cut
short after the fact is caught.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from game.classroom.classcode import ClassCode, ClassCodeError, decode
from game.engine import Carry, CarryError, GameState, ScenarioError, carry_from
from game.engine.transcript import (
    CODE_ALPHABET,
    Transcript,
    TranscriptError,
    replay,
    verification_code,
)
from game.store.files import describe_os_error
from game.store.mode import Mode
from game.store.scenarios import load_scenario, scenario_for_code
from game.store.transcripts import read_transcript

# A code is four characters, a hyphen and four more; written with a space or run together it
# must hold a digit, so that a name like LOVELACE or LOVE LACE is not taken for a code.
_CODE = re.compile(
    r"(?<![0-9A-Z])(?:([0-9A-Z]{4})-([0-9A-Z]{4})"
    r"|(?=[0-9A-Z ]{0,8}[0-9])([0-9A-Z]{4}) ?([0-9A-Z]{4}))(?![0-9A-Z])"
)
# What students write down is read leniently: O as zero, I and L as one.
_LENIENT = str.maketrans({"O": "0", "I": "1", "L": "1"})


@attrs.frozen
class Verdict:
    """The result of checking one transcript."""

    path: Path
    ok: bool
    message: str
    """``"ok"`` or what is wrong, in one line."""
    transcript: Transcript | None = None
    state: GameState | None = None
    """The replayed game, when the transcript is ok."""

    def line(self) -> str:
        return f"{self.path}: {self.message}"


@attrs.frozen
class HandedIn:
    """Verification codes collected from the students: by name where names were given (a
    student may hand in several, one per game), and those given without a name."""

    by_name: Mapping[str, frozenset[str]]
    anonymous: frozenset[str]


class CodesFileError(ValueError):
    """A verification-codes file that cannot be used."""


def read_codes(path: Path) -> HandedIn:
    """Read verification codes, one per line: ``CODE`` or ``NAME, CODE`` (tab or comma).

    What students wrote down is read leniently: any case, O for zero, I or L for one.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = describe_os_error(error) if isinstance(error, OSError) else "not UTF-8 text"
        raise CodesFileError(f"{path}: cannot read: {reason}") from None
    by_name: dict[str, set[str]] = {}
    anonymous: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        # The code comes last on the line, after any name.
        found = next(reversed(list(_CODE.finditer(line.upper()))), None)
        if found is None:
            raise CodesFileError(
                f"{path}:{number}: expected a verification code like 7F3K-Q2ZD, got {raw!r}"
            )
        halves = [group for group in found.groups() if group]
        code = "-".join(halves).translate(_LENIENT)
        wrong = sorted(set(code.replace("-", "")) - set(CODE_ALPHABET))
        if wrong:
            raise CodesFileError(
                f"{path}:{number}: {code} is not a verification code "
                f"(codes never contain {', '.join(wrong)})"
            )
        name = line[: found.start()].strip(" \t,;:")
        if name:
            by_name.setdefault(_key(name), set()).add(code)
        else:
            anonymous.add(code)
    return HandedIn({k: frozenset(v) for k, v in by_name.items()}, frozenset(anonymous))


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _unreadable(path: Path, problem: str) -> str:
    detail = problem.removeprefix(str(path))
    position = re.match(r":(\d+):(\d+): (.*)", detail)
    if position:
        line, column, message = position.groups()
        return f"not a valid transcript: line {line}, column {column}: {message}"
    return detail.removeprefix(": ")


def _class_mismatch(transcript: Transcript, code: ClassCode, scenario_code: str) -> str:
    if scenario_code != code.prefix and not _same_class(transcript.scenario, code):
        return f'made for scenario "{transcript.scenario}", but class code {code} is for another'
    if transcript.seed != code.seed:
        return f"seed {transcript.seed}, but class code {code} is for seed {code.seed}"
    if transcript.mode and transcript.mode != code.mode:
        return f"played in {transcript.mode} mode, but class code {code} is {code.mode}"
    return ""


def _same_class(scenario_id: str, code: ClassCode) -> bool:
    """True when ``scenario_id`` and the class code's scenario are rounds of one class: one
    continues the other, so the same seed and mode cover both."""
    path = scenario_for_code(code.prefix)
    if path is None:
        return False
    coded = load_scenario(path)
    if coded.carry is not None and scenario_id in coded.carry.sources:
        return True
    try:
        other = load_scenario(scenario_id)
    except ScenarioError:
        return False
    return other.carry is not None and coded.id in other.carry.sources


def verify_file(
    path: Path, expected: ClassCode | None = None, handed_in: HandedIn | None = None
) -> Verdict:
    """Check one transcript file; never raises for bad input."""
    try:
        transcript = read_transcript(path)
    except TranscriptError as error:
        return Verdict(path, False, _unreadable(path, error.problems[0]))
    try:
        scenario = load_scenario(transcript.scenario)
    except ScenarioError:
        return Verdict(
            path, False, f'made for scenario "{transcript.scenario}", which is not installed'
        )
    if expected is not None:
        problem = _class_mismatch(transcript, expected, scenario.code)
        if problem:
            return Verdict(path, False, problem, transcript)
    if transcript.code:
        try:
            own = decode(transcript.code)
        except ClassCodeError as error:
            return Verdict(path, False, f"its class code is unreadable: {error}", transcript)
        problem = _class_mismatch(transcript, own, scenario.code)
        if problem:
            return Verdict(path, False, f"does not match its own class code: {problem}", transcript)
    report = replay(scenario, transcript)
    if not report.ok or report.state is None:
        return Verdict(path, False, report.message, transcript)
    state = report.state
    if not state.is_over:
        return Verdict(
            path,
            False,
            f"unfinished: the summit was still going after turn {len(state.turns)}",
            transcript,
        )
    mode = transcript.mode or (expected.mode if expected else "")
    if mode == Mode.GRADED and transcript.undos:
        times = len(transcript.undos)
        return Verdict(
            path,
            False,
            f"undo used {times} time{'s' if times > 1 else ''} in a graded game",
            transcript,
        )
    if handed_in is not None:
        problem = _handed_in_mismatch(transcript, _code_of(state, transcript), handed_in)
        if problem:
            return Verdict(path, False, problem, transcript)
    return Verdict(path, True, "ok", transcript, state)


def _handed_in_mismatch(transcript: Transcript, code: str, handed_in: HandedIn) -> str:
    if handed_in.by_name:
        wanted = handed_in.by_name.get(_key(transcript.player))
        if wanted is None:
            if code in handed_in.anonymous:
                return ""
            name = transcript.player or "(no name)"
            return f"no verification code was handed in for {name}"
        if code not in wanted:
            listed = ", ".join(sorted(wanted))
            return (
                f"verification code {code} does not match the one handed in ({listed}): "
                "the transcript was cut short or altered"
            )
        return ""
    if code not in handed_in.anonymous:
        return (
            f"verification code {code} is not among those handed in: "
            "the transcript was cut short or altered"
        )
    return ""


@attrs.frozen
class _Earlier:
    """A game another transcript may continue from, as it replayed."""

    state: GameState | None
    """The replayed game, or None when its transcript does not verify."""
    player: str


def verify_files(
    paths: Sequence[Path], expected: ClassCode | None = None, handed_in: HandedIn | None = None
) -> list[Verdict]:
    """Check several transcripts. A game that continues an earlier summit is ok only when the
    earlier game is among them, verifies, was played by the same student, and ended where this
    one starts."""
    verdicts = [verify_file(path, expected, handed_in) for path in paths]
    earlier: dict[str, _Earlier] = {}
    for path, verdict in zip(paths, verdicts, strict=True):
        # Integrity alone decides whether a game can vouch: a Hanoi transcript checked with the
        # next summit's class code still shows where the student left off.
        plain = verdict if verdict.state is not None else verify_file(path)
        if plain.ok and plain.state is not None:
            assert plain.transcript is not None
            code = _code_of(plain.state, plain.transcript)
            player = plain.transcript.player
            earlier[code] = _Earlier(plain.state, player)
        elif plain.transcript is not None and plain.transcript.verification:
            earlier.setdefault(plain.transcript.verification, _Earlier(None, ""))
    return [_check_start(verdict, earlier) for verdict in verdicts]


def _code_of(state: GameState, transcript: Transcript) -> str:
    return verification_code(
        state, player=transcript.player, mode=transcript.mode, code=transcript.code
    )


def _same_player(one: str, other: str) -> bool:
    return not one or not other or _key(one) == _key(other)


def _check_start(verdict: Verdict, earlier: Mapping[str, _Earlier]) -> Verdict:
    state = verdict.state
    if not verdict.ok or state is None or state.carry is None:
        return verdict
    carry = state.carry
    found = earlier.get(carry.verification)
    name = f"an earlier {carry.source} game (code {carry.verification or '?'})"
    message = ""
    if found is None:
        message = (
            f"continues {name} whose transcript was not among those checked, "
            "so its start cannot be vouched for"
        )
    elif found.state is None:
        message = f"continues {name} whose transcript does not verify"
    else:
        player = verdict.transcript.player if verdict.transcript else ""
        if not _same_player(player, found.player):
            message = f"continues {name} played by {found.player}, not by {player}"
        else:
            message = _start_difference(state, found.state, carry)
    if message:
        return attrs.evolve(verdict, ok=False, message=message, state=None)
    return verdict


def _start_difference(state: GameState, before: GameState, carry: Carry) -> str:
    try:
        wanted = carry_from(before, state.scenario, carry.verification)
    except CarryError as error:
        return f"start: {error}"
    if wanted == carry:
        return ""
    written = dict(carry.meters)
    for meter, value in wanted.meters:
        if written.get(meter) != value:
            return f"start: {meter} {written.get(meter)}, but the earlier game ended at {value}"
    return "start: the carried accords differ from the earlier game's record"
