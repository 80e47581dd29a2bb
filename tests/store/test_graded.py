"""A graded game never goes back: a save at a point its game was played on from is refused (a
play-tester saved a graded game, played a move, loaded the save and played it again, and
nothing showed it)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from game.engine import GameState, Move, apply, new_game
from game.store.graded import GAME_ID, LIMIT, PLAYED_PAST, WENT_ON, PlayedPast, new_game_id, point
from game.store.mode import Mode
from game.store.saves import SavedGame, SaveStore
from game.store.scenarios import load_scenario
from game.store.who import Who

NOW = datetime(2026, 3, 1, 14, 5, tzinfo=UTC)
MOVES = ("mutual_restraint:written", "security_assurances:written", "reject")
GRADED = Who("Ann Lee", Mode.GRADED, "HNOI-EFRJ")
GAME = "0123456789abcdef"


def _states() -> list[GameState]:
    state = new_game(load_scenario("hanoi"), 4)
    states = [state]
    for text in MOVES:
        state = apply(state, Move.parse(text)).state
        states.append(state)
    return states


def _game(states: list[GameState], upto: int, who: Who, game: str = GAME) -> SavedGame:
    return SavedGame(states[upto], tuple(states[:upto]), who=who, game=game)


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
    store = SaveStore(store.root, clock=lambda: NOW)  # read from the files, not remembered
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


def test_a_practice_game_or_another_game_loads_where_it_was_saved(store: SaveStore) -> None:
    slot = _save_then_play_on(store, Who("Ann Lee", Mode.PRACTICE, "HNOI-EFRJ"))
    assert SaveStore(store.root).load(slot).is_ok
    # The same seed replayed from the debrief with the same first moves is another game: its
    # autosave at a point the first game went on from is its own, and loads.
    store.autosave(_game(_states(), 3, GRADED))
    again = new_game_id()
    assert again != GAME and GAME_ID.fullmatch(again)
    store.autosave(_game(_states(), 1, GRADED, again))
    latest = SaveStore(store.root).load_latest()
    assert latest.game is not None and latest.game.game == again
    # A save from before saves kept the game's identity is never refused.
    old = store.save_slot("old", _game(_states(), 0, GRADED, ""))
    assert old.value is not None and store.load(old.value).is_ok


def test_the_game_s_identity_is_kept_by_its_saves_and_a_foreign_one_is_dropped(
    store: SaveStore,
) -> None:
    slot = store.save_slot("kept", _game(_states(), 1, GRADED))
    assert slot.value is not None
    loaded = store.load(slot.value).game
    assert loaded is not None and loaded.game == GAME
    text = slot.value.read_text(encoding="utf-8").replace(GAME, "../../etc")
    slot.value.write_text(text, encoding="utf-8")
    store = SaveStore(store.root, clock=lambda: NOW)
    reread = store.load(slot.value).game
    assert reread is not None and reread.game == ""


def test_only_the_points_before_each_move_are_recorded(store: SaveStore) -> None:
    states = _states()
    store.autosave(_game(states, 3, GRADED))
    record = PlayedPast(store.saves)
    assert record.read() == [point(GAME, state) for state in states[:3]]
    assert not record.went_on(GRADED, GAME, states[3])
    assert record.went_on(GRADED, GAME, states[0])
    assert not record.went_on(Who("Ann Lee", Mode.PRACTICE, "HNOI-EFRJ"), GAME, states[0])
    assert not record.went_on(GRADED, "fedcba9876543210", states[0])
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
    assert PlayedPast(store.saves).went_on(GRADED, GAME, states[0])


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
    assert record.add(GRADED, GAME, states[:2]) == ""
    kept = record.read()
    assert len(kept) == LIMIT
    assert kept[-2:] == [point(GAME, states[0]), point(GAME, states[1])]
    assert kept[0] == old[2]


def test_the_load_screen_reads_the_record_once_for_all_the_saves_it_lists(
    store: SaveStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.store import graded, reading

    slot = _save_then_play_on(store, GRADED)
    for name in ("a", "b", "c"):
        store.save_slot(name, _game(_states(), 1, GRADED))
    reads: list[Path] = []
    real = reading.read_toml

    def counted(path: Path, **kwargs: object) -> object:
        reads.append(path)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(graded, "read_toml", counted)
    store = SaveStore(store.root, clock=lambda: NOW)
    listed = store.listing()
    assert sum(1 for info in listed if not info.is_ok) == 5  # three copies, the slot, the backup
    assert not store.load(slot).is_ok
    assert len(reads) == 1
    # Written again, it is read again.
    store.autosave(_game(_states(), 3, GRADED, new_game_id()))
    assert not store.load(slot).is_ok
    assert len(reads) == 2
