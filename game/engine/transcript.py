"""Transcripts: the save file, the replay and the grading record of a game, as plain data.

A transcript names the scenario (id and digest), the seed and, for every turn, the move, the
counterpart's reaction with its explanation, the meters after it, the events that followed and
the hash of the game so far; then the outcome. Replaying it through the engine reproduces every
turn exactly, so a transcript edited by hand is caught at the first turn that differs.

This module only converts between game states and plain dictionaries; reading and writing TOML
files is done at the edge (:mod:`game.store.transcripts`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from game.engine import teams as teams_module
from game.engine.parse import _SCENARIO_KEYS, _TRANSCRIPT_KEYS
from game.engine.rules import outcome
from game.engine.scenario import Scenario
from game.engine.state import (
    Carry,
    ChosenBy,
    GameState,
    Outcome,
    Turn,
)
from game.engine.teams import Teams, read_teams
from game.escapes import short

FORMAT: Final = 1
"""Version of the transcript layout."""
LARGEST_SEED: Final = 2**63 - 1
"""The largest seed a transcript may hold, as on the command line (the smallest is 0)."""

ENGINE: Final = 5
"""Version of the rules: a transcript made under other rules cannot be replayed. Version 2 is
the negotiation in which the delegation has an agenda of its own, tables proposals, remembers,
and the neighbours have a say; version 3 words two of its reasons more plainly (an amendment
names both offers whole and quoted, and a refused offer of what they want first says "they do
want ... first") and closes a round in which the player has no move left; version 4 says in
a reason that the move leaves a grievance ("; they will remember it"); version 5 never judges
an amendment of their proposal as pressed on them out of turn (they raised its subject)."""

GAME: Final = "hanoi-summit"

MAX_TURNS: Final = 1000
"""More turns than any game has: a round holds at most 20 offers, Hanoi's whole schedule 13, and
the built-in strategies stop a game that has not ended after 500 decisions. A file with more is
refused before its turns are read (a few MB of empty ``[[turns]]`` tables took seconds)."""

MAX_NAME: Final = teams_module.MAX_NAME
"""The longest name a transcript records, in characters."""
clean_name = teams_module.clean_name
"""Names are cleaned by :func:`game.engine.teams.clean_name` (found here too)."""

CODE_ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford's base32 for verification codes: no I, L, O or U to misread when copying."""


class TranscriptError(ValueError):
    """A transcript could not be read; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@attrs.frozen
class TurnRecord:
    """One turn as written in a transcript."""

    number: int
    round: str
    move: str
    reaction: str
    chosen_by: ChosenBy
    say: str
    why: str
    meters: tuple[tuple[str, int], ...]
    stance: str
    events: tuple[str, ...]
    accord: str
    counter: str
    hash: str
    tabled: str = ""
    """The proposal they tabled at the start of the next round, if any."""
    written: Mapping[str, Any] = attrs.field(factory=dict, eq=False, repr=False)
    """The turn's table as written, every key of it, for the replay to compare with the turn
    it replays (see :func:`turn_document`)."""


TURN_KEYS: Final = (
    "n",
    "round",
    "move",
    "reaction",
    "chosen_by",
    "say",
    "why",
    "meters",
    "stance",
    "events",
    "accord",
    "counter",
    "focus",
    "asides",
    "drifts",
    "tests",
    "tabled",
    "hash",
)
"""Every key a turn's table may hold, in the order :func:`turn_document` writes those that
apply."""


@attrs.frozen
class Undo:
    """A move the player took back (recorded for the teacher; not replayed)."""

    after_turn: int
    """Number of turns that stood once the move was taken back."""
    move: str
    reaction: str


@attrs.frozen
class Transcript:
    """A transcript read back from its document."""

    format: int
    """Version of the transcript layout (:data:`FORMAT`; a file that leaves it out reads as
    this one)."""
    game_version: str
    """The version of the game that wrote it (``""`` if absent), named when its rules are not
    this game's."""
    engine: int
    """Version of the rules it was played under; the replay refuses any but :data:`ENGINE`."""
    scenario: str
    """Id of the scenario it was played in."""
    scenario_sha256: str
    """Digest of that scenario's text when it was played (``""`` if absent): it finds the
    scenario among those installed, and tells one edited since from the one played."""
    seed: int
    """The game's seed."""
    player: str
    """The player's name, as they gave it (``""``: none)."""
    mode: str
    """The mode it was played in, as written (``"practice"`` or ``"graded"``; ``""``: none);
    part of the verification code."""
    code: str
    """The class code it was played under (``""``: none); part of the verification code."""
    turns: tuple[TurnRecord, ...]
    """Every turn that stands, in order."""
    undos: tuple[Undo, ...]
    """The moves the player took back, in the order they were taken back."""
    outcome: Mapping[str, Any] | None
    """The outcome table as written, or None for an unfinished game."""
    verification: str
    """The verification code as written (``""`` if absent)."""
    carry: Carry | None = None
    """Where the game started from, when it continued an earlier summit."""
    hotseat: bool = False
    """True when a second player chose the counterpart's side of the game."""
    teams: Teams | None = None
    """The two teams of a hot-seat game, when they were given."""

    def verification_for(self, state: GameState) -> str:
        """The verification code ``state`` has when played by whom this transcript names: with
        its player, mode, class code and teams (``state`` is the game replayed from it)."""
        return verification_code(
            state, player=self.player, mode=self.mode, code=self.code, teams=self.teams
        )


def verification_code(
    state: GameState,
    *,
    player: str = "",
    mode: str = "",
    code: str = "",
    teams: Teams | None = None,
) -> str:
    """A short code derived from the whole game and who played it, to write down or read out:
    ``"7F3K-Q2ZD"``.

    Any change to any turn changes it, and so does dropping turns from the end or changing the
    player's name, the mode, the class code or the teams recorded with the game. (A game
    without teams has the code it had before teams could be recorded.)
    """
    return _code(state, outcome(state), player=player, mode=mode, code=code, teams=teams)


def _code(
    state: GameState,
    result: Outcome | None,
    *,
    player: str,
    mode: str,
    code: str,
    teams: Teams | None,
) -> str:
    """:func:`verification_code` for a game whose outcome is already worked out."""
    ending = result.ending.id if result is not None else ""
    who = f"{clean_name(player)}|{mode}|{code}"
    if teams is not None:
        who += f"|teams:{teams.signature()}"
    digest = hashlib.sha256(f"{state.hash}|{len(state.turns)}|{ending}|{who}".encode()).digest()
    value = int.from_bytes(digest[:5], "big")  # 40 bits: eight characters of base32
    text = "".join(CODE_ALPHABET[(value >> shift) & 31] for shift in range(35, -5, -5))
    return f"{text[:4]}-{text[4:]}"


def to_document(
    state: GameState,
    *,
    game_version: str,
    player: str = "",
    mode: str = "",
    code: str = "",
    undos: Sequence[Undo] = (),
    teams: Teams | None = None,
) -> dict[str, Any]:
    """The transcript of a game (finished or not) as a plain dictionary, ready for TOML."""
    scenario = state.scenario
    turns = [turn_document(scenario, turn) for turn in state.turns]
    document: dict[str, Any] = {
        "format": FORMAT,
        "game": GAME,
        "game_version": game_version,
        "engine": ENGINE,
        "scenario": scenario.id,
        "scenario_sha256": scenario.sha256,
        "seed": state.seed,
        "player": player,
        "mode": mode,
        "code": code,
        "hotseat": state.hotseat,
    }
    if teams is not None:
        document["teams"] = teams.document()
    document["turns"] = turns
    if state.carry is not None:
        document["start"] = state.carry.document()
    if undos:
        document["undos"] = [
            {"after_turn": u.after_turn, "move": u.move, "reaction": u.reaction} for u in undos
        ]
    result = outcome(state)
    if result is not None:
        document["outcome"] = {
            "ending": result.ending.id,
            "title": result.ending.title,
            "terminal": result.terminal.value,
            "accords": [accord.id for accord in result.accords],
            "scores": {score.id: score.value for score in result.scores},
            "meters": dict(zip(scenario.meter_ids, state.meters, strict=True)),
            "profile": state.profile_info.id,
            "turns": result.turns,
        }
    document["verification"] = _code(
        state, result, player=player, mode=mode, code=code, teams=teams
    )
    return document


def turn_document(scenario: Scenario, turn: Turn) -> dict[str, Any]:
    """A turn of a game of ``scenario`` as its transcript writes it: the keys that apply, of
    :data:`TURN_KEYS`, in this order."""
    reaction = turn.reaction
    record: dict[str, Any] = {
        "n": turn.number,
        "round": scenario.rounds[turn.round].id,
        "move": turn.move.text,
        # An enum's _value_ is its value without the descriptor's cost (on every turn).
        "reaction": reaction.kind._value_,
        "chosen_by": reaction.chosen_by._value_,
        "say": reaction.say,
        "why": reaction.why,
        "meters": dict(zip(scenario.meter_ids, turn.meters, strict=True)),
        "stance": scenario.stances[turn.stance].id,
        "events": list(turn.events),
    }
    if reaction.accord:
        record["accord"] = reaction.accord
    if reaction.counter:
        record["counter"] = reaction.counter
    if reaction.focus:
        record["focus"] = reaction.focus
    if reaction.asides:
        record["asides"] = list(reaction.asides)
    if turn.drifts:
        record["drifts"] = list(turn.drifts)
    if turn.tests:
        record["tests"] = [{"accord": accord, "held": held} for accord, held in turn.tests]
    if turn.tabled:
        record["tabled"] = turn.tabled
    record["hash"] = turn.hash
    return record


# --- reading a document back ------------------------------------------------------------


_SCENARIO_ID: Final = re.compile(r"[a-z][a-z0-9_]{0,63}\Z")
"""What a scenario id looks like: a transcript names its scenario by id, never by a file."""


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(f"{self.source}: {path}: {message}")

    def get(
        self, table: Mapping[str, Any], key: str, path: str, kind: type, default: Any = None
    ) -> Any:
        where = f"{path}.{key}" if path else key
        if key not in table:
            if default is None:
                self.fail(where, "expected a value, got nothing (the key is missing)")
            return default
        value = table[key]
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            self.fail(where, f"expected an integer, got {short(value)}")
            return default
        if not isinstance(value, kind):
            names: dict[type, str] = {str: "a string", list: "an array", dict: "a table"}
            self.fail(where, f"expected {names.get(kind, kind.__name__)}, got {short(value)}")
            return default
        return value


DOCUMENT_KEYS: Final = frozenset(
    {
        "format",
        "game",
        "game_version",
        "engine",
        "scenario",
        "scenario_sha256",
        "seed",
        "player",
        "mode",
        "code",
        "hotseat",
        "teams",
        "turns",
        "start",
        "undos",
        "outcome",
        "verification",
    }
)
"""The keys at the top of a transcript: :func:`to_document` writes no others."""


def from_document(
    data: Mapping[str, Any], source: str = "<transcript>", *, also: frozenset[str] = frozenset()
) -> Transcript:
    """Check the shape of a transcript document; raise :class:`TranscriptError` on problems.
    A key at its top that no transcript holds (nor one of ``also``, those a file that keeps a
    transcript adds, such as a save's) is one: only an edit puts it there."""
    if not data.keys() & _TRANSCRIPT_KEYS and data.keys() & _SCENARIO_KEYS:
        # A scenario has a format too, and was told "seed: expected a value".
        raise TranscriptError(
            [
                f"{source}: a scenario file, not a transcript (a scenario of your own is "
                "given with --scenario)"
            ]
        )
    if not data.keys() & {"format", "game", "engine", "turns"}:
        # None of the keys a transcript starts with: an empty file, or some other TOML.
        what = "a script of moves" if "moves" in data else "empty" if not data else "other TOML"
        raise TranscriptError(
            [f'{source}: not a transcript ({what}: a transcript has game = "{GAME}" and engine)']
        )
    reader = _Reader(source)
    get = reader.get
    version = get(data, "format", "", int, 0)
    if version not in (0, FORMAT):
        raise TranscriptError(
            [f"{source}: format: expected {FORMAT} (the format this game reads), got {version}"]
        )
    game = get(data, "game", "", str, "")
    if game and game != GAME:
        reader.fail("game", f'expected "{GAME}", got {short(game)}')
    turns = []
    raw_turns = data.get("turns", [])
    if isinstance(raw_turns, list) and len(raw_turns) > MAX_TURNS:
        raise TranscriptError(
            [f"{source}: turns: {len(raw_turns)} turns, more than any game has ({MAX_TURNS})"]
        )
    if not isinstance(raw_turns, list) or not all(isinstance(t, dict) for t in raw_turns):
        reader.fail("turns", "expected an array of tables")
        raw_turns = []
    for index, raw in enumerate(raw_turns):
        path = f"turns[{index}]"
        if not raw:
            reader.fail(
                path, "an empty turn: a [[turns]] line with no keys under it (no n, move ...)"
            )
            continue
        meters = get(raw, "meters", path, dict, {})
        bad = [k for k, v in meters.items() if isinstance(v, bool) or not isinstance(v, int)]
        for key in bad:
            reader.fail(
                f"{path}.meters.{short(key, quoted=False)}",
                f"expected an integer, got {short(meters[key])}",
            )
        events = get(raw, "events", path, list, [])
        chosen_text = get(raw, "chosen_by", path, str, ChosenBy.ENGINE.value)
        chosen_by = ChosenBy.ENGINE
        try:
            chosen_by = ChosenBy(chosen_text)
        except ValueError:
            names = " or ".join(f'"{c.value}"' for c in ChosenBy)
            reader.fail(f"{path}.chosen_by", f"expected {names}, got {short(chosen_text)}")
        turns.append(
            TurnRecord(
                number=get(raw, "n", path, int, None) or 0,
                round=get(raw, "round", path, str, ""),
                move=get(raw, "move", path, str, ""),
                reaction=get(raw, "reaction", path, str, ""),
                chosen_by=chosen_by,
                say=get(raw, "say", path, str, ""),
                why=get(raw, "why", path, str, ""),
                meters=tuple((str(k), v) for k, v in meters.items() if k not in bad),
                stance=get(raw, "stance", path, str, ""),
                events=tuple(str(e) for e in events),
                accord=get(raw, "accord", path, str, ""),
                counter=get(raw, "counter", path, str, ""),
                hash=get(raw, "hash", path, str, ""),
                tabled=get(raw, "tabled", path, str, ""),
                written=raw,
            )
        )
    undos = []
    raw_undos = data.get("undos", [])
    if not isinstance(raw_undos, list):
        reader.fail("undos", "expected an array of tables")
        raw_undos = []
    for index, raw in enumerate(raw_undos):
        if isinstance(raw, dict):
            path = f"undos[{index}]"
            undos.append(
                Undo(
                    get(raw, "after_turn", path, int, 0),
                    get(raw, "move", path, str, ""),
                    get(raw, "reaction", path, str, ""),
                )
            )
    result = data.get("outcome")
    if result is not None and not isinstance(result, dict):
        reader.fail("outcome", "expected a table")
        result = None
    carry = None
    start = data.get("start")
    if start is not None:
        if not isinstance(start, dict):
            reader.fail("start", "expected a table")
        else:
            meters = get(start, "meters", "start", dict, {})
            accords = get(start, "accords", "start", list, [])
            carry = Carry(
                source=get(start, "from", "start", str, ""),
                meters=tuple(
                    (str(k), v)
                    for k, v in meters.items()
                    if isinstance(v, int) and not isinstance(v, bool)
                ),
                accords=tuple(str(a) for a in accords),
                verification=get(start, "verification", "start", str, ""),
            )
    seed = get(data, "seed", "", int, None)
    if seed is not None and not 0 <= seed <= LARGEST_SEED:
        reader.fail("seed", f"expected a seed from 0 to 2**63-1, got {seed}")
    transcript = Transcript(
        format=version or FORMAT,
        game_version=get(data, "game_version", "", str, ""),
        engine=get(data, "engine", "", int, None),
        scenario=_scenario_id(reader, get(data, "scenario", "", str, None)),
        scenario_sha256=get(data, "scenario_sha256", "", str, ""),
        seed=seed,
        player=get(data, "player", "", str, ""),
        mode=get(data, "mode", "", str, ""),
        code=get(data, "code", "", str, ""),
        turns=tuple(turns),
        undos=tuple(undos),
        outcome=result,
        verification=get(data, "verification", "", str, ""),
        carry=carry,
        hotseat=get(data, "hotseat", "", bool, False),
        teams=read_teams(data.get("teams"), reader.fail),
    )
    for key in sorted(str(key) for key in data.keys() - DOCUMENT_KEYS - also):
        reader.fail(
            short(key, quoted=False), "unknown key: no transcript holds it (the file was edited)"
        )
    if reader.problems:
        raise TranscriptError(reader.problems)
    return transcript


def _scenario_id(reader: _Reader, value: str | None) -> str:
    """The scenario's id as written, if it is one (a path or anything else is a problem)."""
    if value is not None and not _SCENARIO_ID.match(value):
        reader.fail("scenario", f'expected a scenario id like "hanoi", got {short(value)}')
    return value or ""
