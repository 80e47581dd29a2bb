"""Saved games: the autosave (with the previous one kept as a backup), named slots and exports.

A save is a transcript (see :mod:`game.store.transcripts`) with a few extra keys that are not
part of the verified record: when it was saved, the slot's name as the player typed it, and the
scenario file when it is not an installed one. Loading replays the transcript through the
engine, so a corrupt or edited save is caught and named, never half-loaded.

Nothing here raises for a bad, missing or unwritable file: every operation returns a result that
carries one clear message (the file, and what is wrong with it). No pygame.

The engine is imported inside the functions that need it, so that a screen that only lists
saves opens without loading it; the title screen, which only asks whether there are saves, opens
without this module either (it asks :mod:`game.store.save_folder`).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Generic, TypeAlias, TypeVar

import attrs

from game.store.files import describe_os_error, write_text_atomic
from game.store.graded import GAME_ID, WENT_ON, PlayedPast
from game.store.mode import Mode
from game.store.reading import (
    SAVE_KEYS,
    TOML_SUFFIX,
    TRANSCRIPT_LIMIT,
    UnreadableFileError,
    read_toml,
)
from game.store.save_folder import SLOT_PREFIX, SaveFolder, SaveKind, kind_of
from game.store.who import UNNAMED, Who

if TYPE_CHECKING:
    from game.engine import GameState, Scenario
    from game.engine.transcript import Transcript, Undo

UPDATED: Final = (
    "This game was saved with an earlier version of its scenario: its moves were played again "
    "under the current one, so its verification code has changed."
)
"""The notice on loading a save of an earlier version of its scenario (see SaveInfo.updated)."""

MAX_SLOT_NAME: Final = 60
MAX_FILE_STEM: Final = 40
_UNSAFE: Final = re.compile(r"[^a-z0-9]+")
_NUMBERED: Final = re.compile(r" \(\d+\)$")

log = logging.getLogger(__name__)

_Value = TypeVar("_Value")


@attrs.frozen
class SavedGame:
    """Everything a session needs to go on with a game: the state, the way back, and who plays.

    Whether a second player is seated is the state's own ``hotseat``, as the file records it.
    """

    state: GameState
    history: tuple[GameState, ...] = ()
    """The state before each turn, oldest first: what undo steps back through."""
    undos: tuple[Undo, ...] = ()
    """Moves taken back so far (written to the transcript for the teacher)."""
    who: Who = UNNAMED
    """Who plays, in what mode (practice allows undo, graded does not), with what class code."""
    scenario_file: str = ""
    """The scenario file the game was started from, when it is not an installed one."""
    game: str = ""
    """Which game this is: drawn when it starts and kept by all its saves, so that a graded
    game's points played past are its own (:mod:`game.store.graded`); ``""`` for a save
    written before saves kept it."""


@attrs.frozen
class SaveInfo:
    """What the load screen shows about one save file."""

    path: Path
    kind: SaveKind
    name: str
    """The slot's name as typed, or "Autosave" / "Previous autosave"."""
    saved_at: datetime | None = None
    scenario: str = ""
    """The scenario's title (its id if the scenario is not installed)."""
    round_label: str = ""
    trust: int | None = None
    turns: int = 0
    finished: bool = False
    ending: str = ""
    """The ending's title once the game is over."""
    mode: Mode | None = None
    hotseat: bool = False
    player: str = ""
    problem: str = ""
    """Why the save cannot be loaded (``""`` when it can), naming the file."""
    updated: bool = False
    """True when it was saved with an earlier version of its scenario (a game update changed
    the file) and its moves were played again under the installed one."""

    @property
    def is_ok(self) -> bool:
        """True when the save can be loaded."""
        return not self.problem


@attrs.frozen
class LoadResult:
    """A loaded game, or why there is none; ``notice`` explains any fallback to the backup."""

    game: SavedGame | None
    info: SaveInfo | None = None
    problem: str = ""
    """Why the requested save could not be loaded (``""`` if it could)."""
    notice: str = ""
    """Set when an older save was loaded instead of the requested one, saying why."""

    @property
    def is_ok(self) -> bool:
        """True when a game was loaded (possibly from the backup)."""
        return self.game is not None


@attrs.frozen
class Attempt(Generic[_Value]):
    """What something tried gave (where a file went, the move taken back), or why nothing."""

    value: _Value | None
    problem: str = ""
    """Why it gave nothing, in one line (``""`` when it worked)."""

    @property
    def is_ok(self) -> bool:
        """True when it worked."""
        return self.value is not None and not self.problem


WriteResult: TypeAlias = Attempt[Path]
"""Where a file was written, or why it could not be."""


def safe_stem(name: str, fallback: str = "save") -> str:
    """A player's name for something, made into a safe, portable file name stem.

    >>> safe_stem("Before the lunch / v2!")
    'before-the-lunch-v2'
    >>> safe_stem("Ünïcödé")
    'unicode'
    >>> safe_stem("***")
    'save'
    """
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = _UNSAFE.sub("-", ascii_text.lower()).strip("-")
    return stem[:MAX_FILE_STEM].strip("-") or fallback


def describe_time(moment: datetime | None, now: datetime | None = None) -> str:
    """A save's date as a player reads it: ``"today, 14:05"`` or ``"3 Mar 2026, 09:10"``."""
    if moment is None:
        return "date unknown"
    clock = moment.strftime("%H:%M")
    if now is not None and moment.date() == now.date():
        return f"today, {clock}"
    return f"{moment.day} {moment.strftime('%b %Y')}, {clock}"


def _now() -> datetime:
    return datetime.now().astimezone()


def _parse_time(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _rebuild(scenario: Scenario, transcript: Transcript) -> tuple[GameState, ...]:
    """Every state of a verified transcript, from the start to the end.

    In a hot-seat game the second player's choices are replayed too: the reaction they chose
    and, for a counter-offer, the proposal they tabled (recorded as the turn's ``counter``).
    """
    from game.engine import ChosenBy, Move, ReactionKind, apply, new_game

    state = new_game(scenario, transcript.seed, transcript.carry, hotseat=transcript.hotseat)
    states = [state]
    for record in transcript.turns:
        chosen = ReactionKind(record.reaction) if record.chosen_by is ChosenBy.PLAYER else None
        tabled = record.counter or None if chosen is ReactionKind.COUNTER else None
        state = apply(state, Move.parse(record.move), chosen, tabled).state
        states.append(state)
    return tuple(states)


def _info_for(
    path: Path,
    kind: SaveKind,
    name: str,
    saved_at: datetime | None,
    game: SavedGame,
) -> SaveInfo:
    from game.engine import MeterRole
    from game.engine import outcome as engine_outcome

    state = game.state
    scenario = state.scenario
    result = engine_outcome(state)
    trust_index = scenario.role_index(MeterRole.TRUST)
    trust = None if trust_index is None else state.meters[trust_index]
    return SaveInfo(
        path=path,
        kind=kind,
        name=name,
        saved_at=saved_at,
        scenario=scenario.title,
        round_label=scenario.rounds[state.round].label,
        trust=trust,
        turns=len(state.turns),
        finished=state.is_over,
        ending=result.ending.title if result is not None else "",
        mode=Mode.named(game.who.mode),
        hotseat=state.hotseat,
        player=game.who.player,
    )


@attrs.frozen
class _Read:
    """One save file read and checked (cached by the file's size and modification time)."""

    info: SaveInfo
    game: SavedGame | None


def slot_name(name: str, limit: int = MAX_SLOT_NAME) -> str:
    """The name a slot is saved and listed under: ``name`` cleaned as a player's name is (see
    :func:`game.engine.transcript.clean_name`), cut to ``limit`` characters; ``"Saved game"``
    for none."""
    from game.engine.transcript import clean_name

    return clean_name(name)[:limit] or "Saved game"


class SaveStore(SaveFolder):
    """The player's saves in ``<data dir>/saves`` (see :class:`SaveFolder`), read and written,
    and where exports go.

    ``root`` defaults to :func:`game.store.files.data_dir` (looked up on every call, so the
    ``HANOI_SUMMIT_HOME`` override applies); ``clock`` gives the time written into each save.
    """

    def __init__(self, root: Path | None = None, *, clock: Callable[[], datetime] = _now) -> None:
        super().__init__(root)
        self.clock = clock
        self._cache: dict[Path, tuple[tuple[int, int], _Read]] = {}
        self._past: PlayedPast | None = None

    # -- places --

    @property
    def exports(self) -> Path:
        """Where exported transcripts go: ``Hanoi Summit`` in the user's documents folder
        (``exports`` in the store's own folder when it was given one, or when
        ``HANOI_SUMMIT_HOME`` is set)."""
        from game.store.exports import EXPORTS_DIR, exports_dir

        if self._root is not None:
            return self._root / EXPORTS_DIR
        return exports_dir()

    def slot_path(self, name: str) -> Path:
        """The file a slot of this name is saved in."""
        return self.saves / f"{SLOT_PREFIX}{safe_stem(name)}{TOML_SUFFIX}"

    def unused_slot_name(self, name: str, limit: int = MAX_SLOT_NAME) -> str:
        """``name`` as a slot shows it, or else the first of ``name (2)``, ``name (3)``... whose
        file is free: a save beside those there, its name cut to ``limit`` characters and its
        number kept in the file name (which is cut at :data:`MAX_FILE_STEM`).

        A name already numbered is numbered again, not twice: ``name (2)`` leads to ``name (3)``.
        """
        shown = slot_name(name, limit).rstrip()
        unnumbered = _NUMBERED.sub("", shown) or shown
        candidate, number = shown, 2
        while self.slot_path(candidate).exists():
            tag = f" ({number})"
            base = unnumbered[: limit - len(tag)].rstrip()
            while len(safe_stem(base)) > MAX_FILE_STEM - len(tag):
                base = base[:-1].rstrip()
            candidate, number = f"{base}{tag}", number + 1
        return candidate

    # -- writing --

    def autosave(self, game: SavedGame) -> WriteResult:
        """Write the autosave, first moving a good previous autosave aside as the backup."""
        path = self.autosave_path
        try:
            if path.is_file() and self.inspect(path).is_ok:
                # Only a good autosave becomes the backup, so a damaged one never pushes out the
                # last good copy. A crash between the move and the write leaves the backup.
                path.replace(self.backup_path)
                self._cache.pop(path, None)
        except OSError as error:
            return WriteResult(None, f"{path}: cannot keep a backup: {describe_os_error(error)}")
        written = self._write(path, game, SaveKind.AUTOSAVE, "")
        if written.is_ok:
            # A graded game's points before each move are past: its saves there stay unloaded.
            problem = self._played_past().add(game.who, game.game, game.history)
            if problem:
                log.warning("saves: %s", problem)
        return written

    def save_slot(self, name: str, game: SavedGame) -> WriteResult:
        """Save into the slot called ``name`` (replacing a slot of the same file name), under
        :func:`slot_name`."""
        shown = slot_name(name)
        return self._write(self.slot_path(shown), game, SaveKind.SLOT, shown)

    def _write(self, path: Path, game: SavedGame, kind: SaveKind, name: str) -> WriteResult:
        moment = self.clock()
        try:
            text = save_text(game, saved_at=moment, slot=name)
            write_text_atomic(path, text)
            stat = path.stat()
        except OSError as error:
            return WriteResult(None, f"{path}: cannot save: {describe_os_error(error)}")
        # What was just written is known to be good: remember it instead of replaying it later.
        shown = name or _kind_name(kind)
        info = _info_for(path, kind, shown, moment, game)
        self._cache[path] = ((stat.st_mtime_ns, stat.st_size), _Read(info, game))
        return WriteResult(path)

    def export(self, game: SavedGame) -> WriteResult:
        """Write the plain transcript into :attr:`exports`, named after who played, the class
        code and the day (see :mod:`game.store.exports`), never over an earlier export."""
        from game.store.exports import export_game

        try:
            path = export_game(self.exports, game.state, self.clock().date(), game.who, game.undos)
        except OSError as error:
            return WriteResult(None, f"{self.exports}: cannot export: {describe_os_error(error)}")
        return WriteResult(path)

    def delete(self, path: Path) -> WriteResult:
        """Delete a save file; a file already gone is not an error."""
        self._cache.pop(path, None)
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            return WriteResult(None, f"{path}: cannot delete: {describe_os_error(error)}")
        return WriteResult(path)

    # -- reading --

    def listing(self) -> list[SaveInfo]:
        """Every save, newest first (saves whose date is unknown last)."""
        try:
            paths = sorted(self.saves.glob(f"*{TOML_SUFFIX}"))
        except OSError:
            return []
        infos = [self.inspect(path) for path in paths if kind_of(path) is not None]
        dated = sorted(
            (info for info in infos if info.saved_at is not None),
            key=lambda info: (-_sort_key(info.saved_at), info.kind.value),
        )
        return dated + [info for info in infos if info.saved_at is None]

    def inspect(self, path: Path) -> SaveInfo:
        """What the load screen shows about ``path`` (with the problem, if it is broken)."""
        return self._went_on(self._read(path)).info

    def load(self, path: Path) -> LoadResult:
        """Read a save and rebuild its game, or say in one line what is wrong with it."""
        read = self._went_on(self._read(path))
        if read.game is None:
            return LoadResult(None, read.info, read.info.problem)
        return LoadResult(read.game, read.info, notice=UPDATED if read.info.updated else "")

    def load_latest(self) -> LoadResult:
        """The autosave; if it is missing or damaged, the previous one, with a notice."""
        latest = self.load(self.autosave_path)
        if latest.is_ok:
            return latest
        backup = self.load(self.backup_path)
        if not backup.is_ok:
            if not self.autosave_path.exists() and not self.backup_path.exists():
                return LoadResult(None, None, "There is no autosave yet.")
            return LoadResult(None, latest.info, latest.problem or backup.problem)
        when = describe_time(backup.info.saved_at if backup.info else None, self.clock())
        notice = (
            f"{latest.problem}. The previous autosave ({when}) was loaded instead; "
            "the damaged file is kept as it is."
        )
        if not self.autosave_path.exists():
            notice = f"The latest autosave is missing; the previous one ({when}) was loaded."
        return LoadResult(backup.game, backup.info, latest.problem, notice)

    def _went_on(self, read: _Read) -> _Read:
        """``read``, refused when its game is graded and was played on from where it stands
        (see :mod:`game.store.graded`)."""
        game = read.game
        if game is None or not self._played_past().went_on(game.who, game.game, game.state):
            return read
        problem = f"{read.info.path.name}: {WENT_ON}"
        return _Read(attrs.evolve(read.info, problem=problem), None)

    def _played_past(self) -> PlayedPast:
        """The record of graded games' points in this saves folder (one, which remembers what
        it read until the file changes)."""
        if self._past is None or self._past.path.parent != self.saves:
            self._past = PlayedPast(self.saves)
        return self._past

    def _read(self, path: Path) -> _Read:
        kind = kind_of(path) or SaveKind.SLOT
        try:
            stat = path.stat()
        except FileNotFoundError:
            return _Read(_broken(path, kind, "no such file"), None)
        except OSError as error:
            return _Read(_broken(path, kind, describe_os_error(error)), None)
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self._cache.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            read = _read_save(path, kind)
        except Exception:  # a damaged save must never take the window down with it
            log.exception("saves: %s could not be read", path)
            read = _Read(_broken(path, kind, "damaged: it cannot be read"), None)
        self._cache[path] = (stamp, read)
        return read


def save_text(game: SavedGame, *, saved_at: datetime, slot: str = "") -> str:
    """The TOML of a save: the transcript, plus when it was saved and by what name."""
    from game.store.transcripts import dumps, transcript_document

    document = transcript_document(game.state, game.who, game.undos)
    # Outside the verified record: the transcript replays and verifies with or without them.
    # (Whether the game is hot-seat is part of the record: the transcript says so, from the
    # state, because a hot-seat game replays differently.)
    document["saved_at"] = saved_at.isoformat(timespec="seconds")
    if slot:
        document["slot"] = slot
    if game.scenario_file:
        document["scenario_file"] = game.scenario_file
    if game.game:
        document["game_id"] = game.game
    return dumps(document)


def _kind_name(kind: SaveKind) -> str:
    return {
        SaveKind.AUTOSAVE: "Autosave",
        SaveKind.BACKUP: "Previous autosave",
        SaveKind.SLOT: "Saved game",
    }[kind]


def _sort_key(moment: datetime | None) -> float:
    if moment is None:
        return 0.0
    try:
        return moment.timestamp()
    except (OverflowError, OSError, ValueError):
        return 0.0


def _broken(
    path: Path, kind: SaveKind, why: str, data: Mapping[str, Any] | None = None
) -> SaveInfo:
    from game.engine.describe import printable
    from game.engine.transcript import clean_name

    name = _kind_name(kind)
    saved_at = None
    if data is not None:
        slot = data.get("slot")
        if isinstance(slot, str) and clean_name(slot):
            name = clean_name(slot)
        saved_at = _parse_time(data.get("saved_at"))
    elif kind is SaveKind.SLOT:
        name = path.stem.removeprefix(SLOT_PREFIX)
    # Messages from the TOML reader already start with the file and its line and column.
    problem = why if why.startswith(f"{path.name}:") else f"{path.name}: {why}"
    return SaveInfo(path, kind, name, saved_at, problem=printable(problem))


def _read_save(path: Path, kind: SaveKind) -> _Read:
    """Read, check and replay one save file; any problem becomes the info's one-line message."""
    from game.engine import ChosenBy
    from game.engine.replay import replay
    from game.engine.transcript import TranscriptError, clean_name, from_document
    from game.store.scenarios import find_scenario

    try:
        _, data = read_toml(path, what="a save", limit=TRANSCRIPT_LIMIT)
    except UnreadableFileError as problem:
        # Named by the file's name alone, as the load screen shows it.
        why = str(problem).removeprefix(str(path)).removeprefix(": ")
        problem_text = f"{path.name}{why}" if why[:1] == ":" else f"{path.name}: {why}"
        if why[:1] == ":" and "not UTF-8" not in why:
            problem_text += " (the file is damaged)"
        return _Read(_broken(path, kind, problem_text), None)
    try:
        transcript = from_document(data, path.name, also=SAVE_KEYS)
    except TranscriptError as error:
        first = error.problems[0].removeprefix(f"{path.name}: ") if error.problems else "unreadable"
        return _Read(_broken(path, kind, f"damaged: {first}", data), None)
    scenario_file = data.get("scenario_file")
    scenario_file = scenario_file if isinstance(scenario_file, str) else ""
    scenario = find_scenario(transcript.scenario, transcript.scenario_sha256, also=scenario_file)
    if scenario is None:
        why = f'made for scenario "{transcript.scenario}", which is not installed'
        return _Read(_broken(path, kind, why, data), None)
    report = replay(scenario, transcript)
    updated = not report.ok and _made_with_earlier(transcript, scenario)
    if not report.ok and not updated:
        return _Read(_broken(path, kind, f"does not replay: {report.message}", data), None)
    try:
        players = (record.chosen_by is ChosenBy.PLAYER for record in transcript.turns)
        if updated and not transcript.hotseat and any(players):
            raise ValueError("a player chose their answers, but the game is not hot-seat")
        states = _rebuild(scenario, transcript)
    except ValueError as error:  # only a save of an earlier version: the replay vouched
        why = (
            f'saved with an earlier version of scenario "{scenario.id}", and its moves no '
            f"longer play under this one: {error}"
        )
        return _Read(_broken(path, kind, why, data), None)
    who = Who(
        # The verification code is made from the name as cleaned, so cleaning changes nothing
        # but what the window draws.
        clean_name(transcript.player),
        Mode.named(transcript.mode) or Mode.PRACTICE,
        transcript.code,
        transcript.teams,
    )
    ident = data.get("game_id")
    ident = ident if isinstance(ident, str) and GAME_ID.fullmatch(ident) else ""
    game = SavedGame(states[-1], states[:-1], transcript.undos, who, scenario_file, ident)
    slot = data.get("slot")
    name = clean_name(slot) if isinstance(slot, str) else ""
    info = _info_for(path, kind, name or _kind_name(kind), _parse_time(data.get("saved_at")), game)
    return _Read(attrs.evolve(info, updated=updated), game)


def _made_with_earlier(transcript: Transcript, scenario: Scenario) -> bool:
    """True when the save was made with an earlier version of ``scenario`` (its file has
    changed since) by these rules: its moves can be played again under the scenario as it is."""
    from game.engine.transcript import ENGINE

    return (
        transcript.engine == ENGINE
        and transcript.scenario == scenario.id
        and transcript.scenario_sha256 not in ("", scenario.sha256)
    )
