"""The questions ``verify`` and ``report`` put to the teacher as ``to check:`` lines: games that
are the same turn for turn under different names, a code handed in under more than one name, a
student's different graded games, and students on the codes sheet whose transcript is missing.
None of them fails a file: they are questions, not proof."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from game.classroom.codes import HandedIn
from game.classroom.verify import SameGame, Verdict, same_games
from game.engine.describe import printable
from game.engine.teams import who_played
from game.engine.transcript import Transcript
from game.store.mode import Mode
from game.words import counted, name_key


def _played_by(transcript: Transcript | None) -> str:
    return who_played(transcript.player, transcript.teams) if transcript is not None else ""


@attrs.frozen
class SameStudent:
    """Different graded games of one summit handed in by one student (or the same teams)."""

    name: str
    files: tuple[str, ...]
    """The files, as the teacher named them, in the order given: a report counts the first."""

    def line(self) -> str:
        """One line for the teacher, with anything a terminal would act on escaped."""
        files = ", ".join(self.files)
        return printable(
            f"{self.name} handed in {len(self.files)} different graded games: {files} "
            f"(a report counts the first, {self.files[0]})"
        )


def same_students(verdicts: Iterable[Verdict]) -> list[SameStudent]:
    """Verified graded games of one summit by one student (by name, as codes are matched),
    when there are several: a graded game replayed, or a classmate's under the same name."""
    groups: dict[tuple[str, str], list[Verdict]] = {}
    for verdict in verdicts:
        transcript, state = verdict.transcript, verdict.state
        if not verdict.ok or state is None or transcript is None:
            continue
        key = name_key(_played_by(transcript))
        if key and transcript.mode == Mode.GRADED:
            groups.setdefault((state.scenario.id, key), []).append(verdict)
    return [
        SameStudent(_played_by(group[0].transcript), tuple(v.name for v in group))
        for group in groups.values()
        if len(group) > 1
    ]


def counted_once(verdicts: Sequence[Verdict]) -> tuple[list[Verdict], list[Verdict]]:
    """The verdicts a report counts, and those it leaves out: of a student's different graded
    games (:func:`same_students`), only the first given counts in the class's figures."""
    later = {name: group.files[0] for group in same_students(verdicts) for name in group.files[1:]}
    kept = [v for v in verdicts if v.name not in later]
    left = [
        attrs.evolve(
            v,
            ok=False,
            state=None,
            message=f"another graded game by {_played_by(v.transcript)}: the report counts "
            f"the first, {later[v.name]} (to check with the student)",
        )
        for v in verdicts
        if v.name in later
    ]
    return kept, left


def missing(verdicts: Sequence[Verdict], handed_in: HandedIn | None) -> str:
    """The students on the codes sheet (by name) that no transcript names, in one line; ``""``
    when every one handed one in."""
    if handed_in is None:
        return ""
    found = set()
    for verdict in verdicts:
        transcript = verdict.transcript
        if transcript is not None:
            names = [transcript.player, *(transcript.teams.names if transcript.teams else ())]
            found |= {name_key(name) for name in names}
    absent = [handed_in.names.get(key, key) for key in handed_in.by_name if key not in found]
    if not absent:
        return ""
    unread = any(v.transcript is None and not v.repeated for v in verdicts)
    why = " (or their file could not be read)" if unread else ""
    count = counted(len(absent), "student")
    return printable(f"no transcript for {count} on the codes sheet{why}: {', '.join(absent)}")


def to_check(
    verdicts: Sequence[Verdict], handed_in: HandedIn | None, same: Sequence[SameGame] | None = None
) -> list[str]:
    """The questions for the teacher that verify and report both ask, as ``to check:`` lines:
    games that are the same turn for turn under different names (``same``, else found among
    ``verdicts``), a code handed in under more than one name, a student's different graded
    games, and the students on the codes sheet whose transcript is missing."""
    games = same_games(verdicts) if same is None else same
    shared = handed_in.shared if handed_in is not None else ()
    lines = [game.line() for game in games] + [code.line() for code in shared]
    lines += [student.line() for student in same_students(verdicts)]
    lines += [line for line in [missing(verdicts, handed_in)] if line]
    return [f"to check: {line}" for line in lines]
