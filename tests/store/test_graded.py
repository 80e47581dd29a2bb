"""A graded game never goes back: a save at a point its game was played on from is refused (a
play-tester saved a graded game, played a move, loaded the save and played it again, and
nothing showed it)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from game.engine import GameState, Move, apply, new_game
from game.store.graded import LIMIT, PLAYED_PAST, WENT_ON, PlayedPast, point
from game.store.mode import Mode
from game.store.saves import SavedGame, SaveStore
from game.store.scenarios import load_scenario
from game.store.who import Who

NOW = datetime(2026, 3, 1, 14, 5, tzinfo=UTC)
MOVES = ("mutual_restraint:written", "security_assurances:written", "reject")
GRADED = Who("Ann Lee", Mode.GRADED, "HNOI-EFRJ")


def _states() -> list[GameState]:
    state = new_game(load_scenario("hanoi"), 4)
    states = [state]
    for text in MOVES:
        state = apply(state, Move.parse(text)).state
        states.append(state)
    return states


def _game(states: list[GameState], upto: int, who: Who) -> SavedGame:
    return SavedGame(states[upto], tuple(states[:upto]), who=who)


@pytest.fixture
def store(tmp_path: Path) -> SaveStore:
    return SaveStore(tmp_path, clock=lambda: NOW)


def _save_then_play_on(store: SaveStore, who: Who) -> Path:
    """A named save after the first move, then the game played on, autosaved after each move."""
    states = _states()
    store.autosave(_game(states, 1, who))
    slot = store.save_slot("before the second move", _game(states, 1, who))
    assert slot.value is not None
    for upto in (2, 3):
        store.autosave(_game(states, upto, who))
    return slot.value


def test_a_graded_save_its_game_went_on_from_is_refused_in_one_line(store: SaveStore) -> None:
    slot = _save_then_play_on(store, GRADED)
    loaded = store.load(slot)
    assert loaded.game is None
    assert loaded.problem == f"{slot.name}: {WENT_ON}"
    assert "\n" not in loaded.problem
    # The load screen shows it unloadable before it is picked.
    assert store.inspect(slot).problem == loaded.problem
    # The backup is the game a move before the autosave: gone past too.
    assert not store.load(store.backup_path).is_ok
    # Where the game stands now loads, and goes on.
    latest = store.load_latest()
    assert latest.game is not None and len(latest.game.state.turns) == 3
    assert not latest.notice


def test_a_practice_game_or_another_player_s_game_loads_where_it_was_saved(
    store: SaveStore,
) -> None:
    slot = _save_then_play_on(store, Who("Ann Lee", Mode.PRACTICE, "HNOI-EFRJ"))
    assert store.load(slot).is_ok
    # The same moves by another student on the same code are their own game.
    store.autosave(_game(_states(), 3, GRADED))
    other = Who("Ben Ode", Mode.GRADED, "HNOI-EFRJ")
    states = _states()
    kept = store.save_slot("Ben", _game(states, 2, other))
    assert kept.value is not None and store.load(kept.value).is_ok


def test_only_the_points_before_each_move_are_recorded(store: SaveStore) -> None:
    states = _states()
    store.autosave(_game(states, 3, GRADED))
    record = PlayedPast(store.saves)
    assert record.read() == [point(GRADED, state) for state in states[:3]]
    assert not record.went_on(GRADED, states[3])
    assert record.went_on(GRADED, states[0])
    assert not record.went_on(Who("Ann Lee", Mode.PRACTICE, "HNOI-EFRJ"), states[0])
    # Saved again, nothing is written twice.
    store.autosave(_game(states, 3, GRADED))
    assert len(record.read()) == 3


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe not text",
        b"passed = [",
        b'format = 2\npassed = ["' + b"a" * 32 + b'"]\n',
        b"format = 1\npassed = 7\n",
        b'format = 1\npassed = [1, "short", "' + b"a" * 32 + b'"]\n',
        b"x" * 300_000,
    ],
)
def test_a_damaged_record_reads_as_empty_and_never_stops_a_game(
    store: SaveStore, content: bytes
) -> None:
    store.saves.mkdir(parents=True, exist_ok=True)
    (store.saves / PLAYED_PAST).write_bytes(content)
    states = _states()
    assert store.autosave(_game(states, 1, GRADED)).is_ok
    assert store.load_latest().is_ok
    assert PlayedPast(store.saves).went_on(GRADED, states[0])


def test_a_record_that_cannot_be_written_leaves_the_autosave_good(store: SaveStore) -> None:
    (store.saves / PLAYED_PAST).mkdir(parents=True)
    states = _states()
    assert store.autosave(_game(states, 2, GRADED)).is_ok
    assert store.load_latest().is_ok


def test_the_record_keeps_the_newest_points(store: SaveStore) -> None:
    record = PlayedPast(store.saves)
    store.saves.mkdir(parents=True)
    old = [f"{n:032x}" for n in range(LIMIT)]
    (store.saves / PLAYED_PAST).write_text(
        "format = 1\npassed = [" + ", ".join(f'"{p}"' for p in old) + "]\n", encoding="utf-8"
    )
    states = _states()
    assert record.add(GRADED, states[:2]) == ""
    kept = record.read()
    assert len(kept) == LIMIT
    assert kept[-2:] == [point(GRADED, states[0]), point(GRADED, states[1])]
    assert kept[0] == old[2]
