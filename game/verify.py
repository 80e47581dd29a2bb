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

from game.classcode import ClassCode, ClassCodeError, decode
from game.engine import CarryError, GameState, ScenarioError, carry_from
from game.engine.transcript import Transcript, TranscriptError, replay, verification_code
from game.files import describe_os_error
from game.scenarios import load_scenario
from game.transcripts import read_transcript

_CODE = re.compile(r"\b([0-9A-Z]{4})[- ]?([0-9A-Z]{4})\b")
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
    """Verification codes collected from the students: by name where names were given."""

    by_name: Mapping[str, str]
    anonymous: frozenset[str]


class CodesFileError(ValueError):
    """A verification-codes file that cannot be used."""


def read_codes(path: Path) -> HandedIn:
    """Read verification codes, one per line: ``CODE`` or ``NAME, CODE`` (tab or comma)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = describe_os_error(error) if isinstance(error, OSError) else "not UTF-8 text"
        raise CodesFileError(f"{path}: cannot read: {reason}") from None
    by_name: dict[str, str] = {}
    anonymous: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        # The code comes last on the line, after any name (a name can look like a code).
        found = next(reversed(list(_CODE.finditer(line.upper()))), None)
        if found is None:
            raise CodesFileError(
                f"{path}:{number}: expected a verification code like 7F3K-Q2ZD, got {raw!r}"
            )
        name = line[: found.start()].strip(" \t,;:")
        code = f"{found.group(1)}-{found.group(2)}".translate(_LENIENT)
        if name:
            by_name[_key(name)] = code
        else:
            anonymous.add(code)
    return HandedIn(by_name, frozenset(anonymous))


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
    if scenario_code != code.prefix:
        return f'made for scenario "{transcript.scenario}", but class code {code} is for another'
    if transcript.seed != code.seed:
        return f"seed {transcript.seed}, but class code {code} is for seed {code.seed}"
    if transcript.mode and transcript.mode != code.mode:
        return f"played in {transcript.mode} mode, but class code {code} is {code.mode}"
    return ""


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
    if mode == "graded" and transcript.undos:
        times = len(transcript.undos)
        return Verdict(
            path,
            False,
            f"undo used {times} time{'s' if times > 1 else ''} in a graded game",
            transcript,
        )
    if handed_in is not None:
        problem = _handed_in_mismatch(transcript, verification_code(state), handed_in)
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
        if wanted != code:
            return (
                f"verification code {code} does not match the one handed in ({wanted}): "
                "the transcript was cut short or altered"
            )
        return ""
    if code not in handed_in.anonymous:
        return (
            f"verification code {code} is not among those handed in: "
            "the transcript was cut short or altered"
        )
    return ""


def verify_files(
    paths: Sequence[Path], expected: ClassCode | None = None, handed_in: HandedIn | None = None
) -> list[Verdict]:
    """Check several transcripts; a game that continues an earlier summit is ok only when that
    earlier game is among them and its end matches this game's start."""
    verdicts = [verify_file(path, expected, handed_in) for path in paths]
    earlier = {
        verification_code(v.state): v.state for v in verdicts if v.ok and v.state is not None
    }
    return [_check_start(verdict, earlier) for verdict in verdicts]


def _check_start(verdict: Verdict, earlier: Mapping[str, GameState]) -> Verdict:
    state = verdict.state
    if not verdict.ok or state is None or state.carry is None:
        return verdict
    carry = state.carry
    before = earlier.get(carry.verification)
    if before is None:
        return attrs.evolve(
            verdict,
            ok=False,
            message=(
                f"continues an earlier {carry.source} game (code {carry.verification or '?'}) "
                "whose transcript was not among those checked, so its start cannot be vouched for"
            ),
            state=None,
        )
    try:
        wanted = carry_from(before, state.scenario, carry.verification)
    except CarryError as error:
        return attrs.evolve(verdict, ok=False, message=f"start: {error}", state=None)
    if wanted != carry:
        written = dict(carry.meters)
        for meter, value in wanted.meters:
            if written.get(meter) != value:
                message = (
                    f"start: {meter} {written.get(meter)}, but the earlier game ended at {value}"
                )
                break
        else:
            message = "start: the carried accords differ from the earlier game's record"
        return attrs.evolve(verdict, ok=False, message=message, state=None)
    return verdict
