"""Checking students' transcripts: replay each one and say, in one line, whether it stands.

A transcript is ``ok`` when it reads, replays turn for turn through the engine, is finished,
matches the class code (scenario, seed, mode) and, when the teacher collected them, the
verification code the student wrote down from the debrief screen — which is how a transcript cut
short after the fact is caught. A graded game must be the student's alone (no reaction chosen by
a second player) and, played with a class code, name the student.

Among several transcripts, a file given twice is checked once, and the same game by the same
student under another file name is refused after the first; games that are the same turn for turn
under different names are flagged (:func:`same_games`): a question for the teacher, not proof.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs

from game.classroom.classcode import ClassCode, ClassCodeError, decode
from game.classroom.codes import HandedIn
from game.engine import Carry, CarryError, ChosenBy, GameState, Scenario, carry_from
from game.engine.describe import printable
from game.engine.replay import replay
from game.engine.teams import who_played
from game.engine.transcript import (
    MAX_NAME,
    Transcript,
    TranscriptError,
    clean_name,
)
from game.escapes import short
from game.store.mode import Mode
from game.store.scenarios import find_scenario, load_scenario, scenario_for_code
from game.store.transcripts import read_transcript
from game.words import name_key

log = logging.getLogger(__name__)


@attrs.frozen
class Verdict:
    """The result of checking one transcript."""

    path: Path
    """The transcript's file."""
    ok: bool
    """True when the game stands: it replays, is finished and matches what the class played."""
    message: str
    """``"ok"`` or what is wrong, in one line."""
    transcript: Transcript | None = None
    """The transcript as read (None when it could not be read, its scenario is not installed,
    or checking it failed)."""
    state: GameState | None = None
    """The replayed game, when the transcript is ok."""
    shown: str = ""
    """The file's name as the teacher typed it (``./ada.toml``); ``""`` for the path's."""
    repeated: bool = False
    """True for a file given again: named once, and neither a game nor a failure."""

    @property
    def name(self) -> str:
        """The file's name as the teacher gave it."""
        return self.shown or str(self.path)

    def line(self) -> str:
        """``PATH: message``, with anything a terminal would act on escaped."""
        return printable(f"{self.name}: {self.message}")


def _unreadable(path: Path, problem: str) -> str:
    detail = problem.removeprefix(str(path))
    position = re.match(r":(\d+):(\d+): (.*)", detail)
    if position:
        line, column, message = position.groups()
        return f"not a valid transcript: line {line}, column {column}: {message}"
    return detail.removeprefix(": ")


def _class_mismatch(
    transcript: Transcript, code: ClassCode, scenario_code: str, given: Sequence[Scenario] = ()
) -> str:
    if scenario_code != code.prefix and not _same_class(transcript.scenario, code, given):
        return f'made for scenario "{transcript.scenario}", but class code {code} is for another'
    if transcript.seed != code.seed:
        return f"seed {transcript.seed}, but class code {code} is for seed {code.seed}"
    if transcript.mode and transcript.mode != code.mode:
        return f"played in {transcript.mode} mode, but class code {code} is {code.mode}"
    return ""


def _same_class(scenario_id: str, code: ClassCode, given: Sequence[Scenario] = ()) -> bool:
    """True when ``scenario_id`` and the class code's scenario are rounds of one class: one
    continues the other, so the same seed and mode cover both."""
    path = scenario_for_code(code.prefix)
    if path is None:
        return False
    coded = load_scenario(path)
    if coded.carry is not None and scenario_id in coded.carry.sources:
        return True
    other = find_scenario(scenario_id, "", given)
    return other is not None and other.carry is not None and coded.id in other.carry.sources


@attrs.frozen
class Against:
    """What transcripts are checked against, each optional: the class code, the verification
    codes handed in, and the scenario files the teacher named."""

    expected: ClassCode | None = None
    handed_in: HandedIn | None = None
    scenarios: tuple[Scenario, ...] = ()
    """Where a transcript's scenario is looked up, besides the installed ones."""


NOTHING = Against()
"""No class code, no codes handed in, only the installed scenarios."""


def verify_file(path: Path, against: Against = NOTHING) -> Verdict:
    """Check one transcript file; never raises.

    The transcript's scenario is looked up by the id and digest it records among the installed
    scenarios and ``against.scenarios`` (files the teacher named): never a file the transcript
    names.
    """
    try:
        transcript = read_transcript(path)
    except TranscriptError as error:
        return Verdict(path, False, _unreadable(path, error.problems[0]))
    except Exception as error:  # one file must never stop the others being checked
        return _unchecked(path, error)
    return _checked(path, transcript, against)


def _checked(path: Path, transcript: Transcript, against: Against) -> Verdict:
    """:func:`verify_file` for a transcript already read; never raises."""
    try:
        return _verify(path, transcript, against)
    except Exception as error:  # one file must never stop the others being checked
        return _unchecked(path, error)


def _unchecked(path: Path, error: Exception) -> Verdict:
    log.exception("verify: %s", path)
    return Verdict(path, False, f"{UNCHECKED} ({type(error).__name__}); please report it")


UNCHECKED = "could not be checked: an error in the game itself"
"""The start of the line for a transcript that made the game fail: a bug, never the file's
fault (the fuzz tests look for it)."""


def _verify(path: Path, transcript: Transcript, against: Against) -> Verdict:
    expected, handed_in, given = against.expected, against.handed_in, against.scenarios
    problem = who_problem(transcript)
    if problem:
        return Verdict(path, False, problem, transcript)
    scenario = find_scenario(transcript.scenario, transcript.scenario_sha256, given)
    if scenario is None:
        return Verdict(
            path,
            False,
            f'made for scenario "{transcript.scenario}", which is not installed '
            "(name its file with --scenario)",
        )
    problem = _teams_problem(transcript, scenario)
    if problem:
        return Verdict(path, False, problem, transcript)
    if expected is not None:
        problem = _class_mismatch(transcript, expected, scenario.code, given)
        if problem:
            return Verdict(path, False, problem, transcript)
    if transcript.code:
        try:
            own = decode(transcript.code)
        except ClassCodeError as error:
            unreadable = short(error, quoted=False, limit=200)
            return Verdict(path, False, f"its class code is unreadable: {unreadable}", transcript)
        problem = _class_mismatch(transcript, own, scenario.code, given)
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
    problem = _graded_problem(transcript, expected) if mode == Mode.GRADED else ""
    problem = problem or _nameless(transcript, expected)
    if problem:
        return Verdict(path, False, problem, transcript)
    if handed_in is not None:
        problem = _handed_in_mismatch(transcript, transcript.verification_for(state), handed_in)
        if problem:
            return Verdict(path, False, problem, transcript)
    return Verdict(path, True, "ok", transcript, state)


def who_problem(transcript: Transcript) -> str:
    """What is wrong with who the transcript says played: a name, a mode or teams the game
    never writes can only have been typed into the file."""
    if transcript.player != clean_name(transcript.player):
        return (
            "player: not a name the game writes (control characters, extra spaces or more "
            f"than {MAX_NAME} characters): the file was edited"
        )
    if transcript.mode and Mode.named(transcript.mode) is None:
        return f"mode: expected practice or graded, got {short(transcript.mode)}"
    if transcript.teams is not None and not transcript.hotseat:
        return "teams: only a hot-seat game has teams: the file was edited"
    return ""


def _teams_problem(transcript: Transcript, scenario: Scenario) -> str:
    """What is wrong with the teams of a game of ``scenario``: a name the game never writes, or
    a role the scenario does not give that side."""
    if transcript.teams is None:
        return ""
    problem = transcript.teams.problem(scenario)
    return f"{problem}: the file was edited" if problem else ""


def _graded_problem(transcript: Transcript, expected: ClassCode | None) -> str:
    """Why a graded game cannot be graded: another player chose the counterpart's answers, or
    a game played with a class code does not name its student."""
    chosen = next(
        (record.number for record in transcript.turns if record.chosen_by is ChosenBy.PLAYER),
        None,
    )
    if transcript.hotseat or chosen is not None:
        which = f" (turn {chosen}'s reaction among them)" if chosen is not None else ""
        return (
            "a hot-seat game: a second player chose the other side's answers"
            f"{which}, so it cannot be graded"
        )
    return _nameless(transcript, expected)


def _nameless(transcript: Transcript, expected: ClassCode | None) -> str:
    """Why a game played with a class code cannot be credited to anyone: it names no student
    (nor, in a team game, its teams)."""
    if who_played(transcript.player, transcript.teams):
        return ""
    if transcript.code or expected is not None:
        return "no name: a game played with a class code must name its student"
    return ""


def _handed_in_mismatch(transcript: Transcript, code: str, handed_in: HandedIn) -> str:
    if handed_in.by_name:
        # A team game goes by its player's name, either team's or any of their players'.
        names = [transcript.player]
        if transcript.teams is not None:
            names += transcript.teams.names
        lists = [handed_in.by_name.get(name_key(name)) for name in names if name]
        found = [codes for codes in lists if codes is not None]
        wanted = frozenset().union(*found) if found else None
        if wanted is None:
            if code in handed_in.anonymous:
                return ""
            name = who_played(transcript.player, transcript.teams) or "(no name)"
            return f"no verification code was handed in for {name}"
        if code not in wanted:
            listed = ", ".join(sorted(wanted))
            return _miscopied(code, wanted, "the one handed in") or (
                f"verification code {code} does not match the one handed in ({listed}): "
                "another game, or the transcript was cut short or altered"
            )
        return ""
    if code not in handed_in.anonymous:
        return _miscopied(code, handed_in.anonymous, "one handed in") or (
            f"verification code {code} is not among those handed in: "
            "another game, or the transcript was cut short or altered"
        )
    return ""


def _miscopied(code: str, handed_in: Iterable[str], which: str) -> str:
    """The line for a code handed in that differs from the transcript's in one character or
    by two neighbours swapped: more likely copied wrongly than a game altered (``which`` names
    the code handed in: "the one handed in"). ``""`` otherwise."""
    for other in sorted(handed_in):
        slip = _slip(code, other)
        if slip:
            return (
                f"verification code {code} differs from {which} ({other}) {slip}: the code on "
                "the sheet may have been copied wrongly (check it with the student); not verified"
            )
    return ""


def _slip(code: str, other: str) -> str:
    """How ``other`` is ``code`` with one slip of the pen: one character changed, or two
    neighbours swapped; ``""`` when it is not.

    >>> _slip("91VG-7K2A", "91VG-7K2B"), _slip("91VG-7K2A", "91GV-7K2A")
    ('in one character', 'by two characters swapped')
    >>> _slip("91VG-7K2A", "91VG-7K2A"), _slip("91VG-7K2A", "19VG-7K2B")
    ('', '')
    """
    one, two = code.replace("-", ""), other.replace("-", "")
    if len(one) != len(two):
        return ""
    differ = [index for index, (a, b) in enumerate(zip(one, two, strict=True)) if a != b]
    if len(differ) == 1:
        return "in one character"
    if len(differ) == 2 and differ[1] == differ[0] + 1:
        first, second = differ
        if one[first] == two[second] and one[second] == two[first]:
            return "by two characters swapped"
    return ""


@attrs.frozen
class _Earlier:
    """A game another transcript may continue from, as it replayed."""

    state: GameState | None
    """The replayed game, or None when its transcript does not verify."""
    player: str


def verify_files(
    paths: Sequence[Path], against: Against = NOTHING, shown: Sequence[str] = ()
) -> list[Verdict]:
    """Every verdict of :func:`each_verdict`, in the order of ``paths``."""
    return list(each_verdict(paths, against, shown))


def each_verdict(
    paths: Sequence[Path], against: Against = NOTHING, shown: Sequence[str] = ()
) -> Iterator[Verdict]:
    """Check several transcripts, named in lines as ``shown`` names them (as typed), and yield
    each verdict in their order as soon as it is settled. A game that continues an earlier
    summit is ok only when the earlier game is among them, verifies, was played by the same
    student, and ended where this one starts (until that game is found, it and the files after
    it wait). A file given twice is checked once (the second time is :attr:`Verdict.repeated`);
    the same game by the same student under another file name is refused after the first time.
    Each file is read once, and a refused one keeps no turns."""
    names = list(shown) or [str(path) for path in paths]
    first: dict[tuple[int, int] | Path, str] = {}
    games: dict[str, str] = {}
    earlier: dict[str, _Earlier] = {}
    waiting: list[Verdict] = []
    for path, name in zip(paths, names, strict=True):
        identity = _file_identity(path)
        if identity in first:
            message = f"given twice (the same file as {first[identity]}): checked once"
            waiting.append(Verdict(path, True, message, shown=name, repeated=True))
        else:
            first[identity] = name
            verdict = _verify_among(path, against, earlier)
            waiting.append(_given_twice(attrs.evolve(verdict, shown=name), games))
        while waiting and _is_settled(waiting[0], earlier):
            yield _check_start(waiting.pop(0), earlier)
    for verdict in waiting:
        yield _check_start(verdict, earlier)


def _verify_among(path: Path, against: Against, earlier: dict[str, _Earlier]) -> Verdict:
    """Verify one file of several, recording in ``earlier`` the game it may vouch for."""
    verdict = verify_file(path, against)
    transcript = verdict.transcript
    if transcript is None:
        return verdict
    # Integrity alone decides whether a game can vouch: a Hanoi transcript checked with the
    # next summit's class code still shows where the student left off.
    plain = verdict
    if verdict.state is None:
        plain = _checked(path, transcript, Against(scenarios=against.scenarios))
    if plain.ok and plain.state is not None:
        code = transcript.verification_for(plain.state)
        earlier[code] = _Earlier(plain.state, _played_by(transcript))
    elif transcript.verification:
        earlier.setdefault(transcript.verification, _Earlier(None, ""))
    return verdict if verdict.ok else _without_turns(verdict)


def _without_turns(verdict: Verdict) -> Verdict:
    """A refused verdict with only its transcript's header: who played what, not every turn."""
    if verdict.transcript is None:
        return verdict
    return attrs.evolve(verdict, transcript=attrs.evolve(verdict.transcript, turns=(), undos=()))


def _is_settled(verdict: Verdict, earlier: Mapping[str, _Earlier]) -> bool:
    """True unless the verdict waits for the earlier game it continues."""
    state = verdict.state
    if not verdict.ok or state is None or state.carry is None:
        return True
    found = earlier.get(state.carry.verification)
    return found is not None and found.state is not None


def _given_twice(verdict: Verdict, games: dict[str, str]) -> Verdict:
    """The verdict, refused as given twice when it is a verified game already seen in ``games``
    (verification code: file) under another file name: the same game by the same student."""
    if not verdict.ok or verdict.state is None or verdict.transcript is None:
        return verdict
    game = verdict.transcript.verification_for(verdict.state)
    if game not in games:
        games[game] = verdict.name
        return verdict
    message = f"given twice: the same game by the same student as {games[game]}"
    return _without_turns(attrs.evolve(verdict, ok=False, message=message, state=None))


def _file_identity(path: Path) -> tuple[int, int] | Path:
    """The file itself (device and inode), however it is named; the path when it is gone."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        return path.absolute()
    return (info.st_dev, info.st_ino)


@attrs.frozen
class SameGame:
    """Games that are the same, turn for turn, under different names."""

    paths: tuple[Path, ...]
    names: tuple[str, ...]
    turns: int

    def line(self) -> str:
        """One line for the teacher, with anything a terminal would act on escaped."""
        games = ", ".join(
            f"{path} ({name or 'no name'})"
            for path, name in zip(self.paths, self.names, strict=True)
        )
        return printable(
            f"the same game turn for turn ({self.turns} turns) under different names: {games}"
        )


def same_games(verdicts: Sequence[Verdict]) -> list[SameGame]:
    """Verified games that are the same turn for turn (same scenario, seed and start, every move
    and reaction) under different names, grouped: two students may well play the same short
    game, but a long one may have been copied."""
    groups: dict[str, list[Verdict]] = {}
    for verdict in verdicts:
        if verdict.ok and verdict.state is not None and verdict.transcript is not None:
            groups.setdefault(verdict.state.hash, []).append(verdict)
    found = []
    for group in groups.values():
        shown = [_played_by(v.transcript) for v in group]
        if len({name_key(name) for name in shown}) > 1:
            state = group[0].state
            assert state is not None
            found.append(SameGame(tuple(v.path for v in group), tuple(shown), len(state.turns)))
    return found


def _played_by(transcript: Transcript | None) -> str:
    return who_played(transcript.player, transcript.teams) if transcript is not None else ""


def _same_player(one: str, other: str) -> bool:
    """True when two transcripts name the same student (or the same teams); a transcript
    without a name vouches for no one, and is vouched for by no one."""
    return bool(name_key(one)) and name_key(one) == name_key(other)


def _check_start(verdict: Verdict, earlier: Mapping[str, _Earlier]) -> Verdict:
    state = verdict.state
    if not verdict.ok or state is None or state.carry is None:
        return verdict
    carry = state.carry
    found = earlier.get(carry.verification)
    source, code = short(carry.source, quoted=False), short(carry.verification, quoted=False)
    name = f"an earlier {source} game (code {code or '?'})"
    message = ""
    if found is None:
        message = (
            f"continues {name} whose transcript was not among those checked, "
            "so its start cannot be vouched for"
        )
    elif found.state is None:
        message = f"continues {name} whose transcript does not verify"
    else:
        player = _played_by(verdict.transcript)
        if not name_key(player) or not name_key(found.player):
            # "played by (no name), not by (no name)" puzzled a play-tester.
            named = name_key(player) or name_key(found.player)
            which = "one of the two games does not name" if named else "neither game names"
            message = (
                f"continues {name}, but {which} its player, so the one cannot vouch for the "
                "other (start with your name)"
            )
        elif not _same_player(player, found.player):
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
        return f"start: {short(error, quoted=False, limit=200)}"
    if wanted == carry:
        return ""
    written = dict(carry.meters)
    for meter, value in wanted.meters:
        if written.get(meter) != value:
            return f"start: {meter} {written.get(meter)}, but the earlier game ended at {value}"
    return "start: the carried accords differ from the earlier game's record"
