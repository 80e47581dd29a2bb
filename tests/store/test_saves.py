"""Saves: the autosave and its backup, named slots, the listing, loading, damage and exports."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from game.engine import GameState, Move, ReactionKind, apply, new_game
from game.engine.replay import replay
from game.engine.teams import Player, Team, Teams
from game.engine.transcript import TranscriptError, Undo, from_document
from game.store.mode import Mode
from game.store.reading import SAVE_KEYS
from game.store.save_folder import AUTOSAVE, BACKUP, SaveKind
from game.store.saves import UPDATED, SavedGame, SaveStore, describe_time, safe_stem, save_text
from game.store.scenarios import load_scenario
from game.store.transcripts import read_transcript
from game.store.who import UNNAMED, Who

NOW = datetime(2026, 3, 1, 14, 5, tzinfo=UTC)
MOVES = ("mutual_restraint:written", "security_assurances:written", "reject")
"""Seed 4: deferred, accepted, then their Yongbyon proposal (tabled between rounds) refused."""


def _states(seed: int = 4) -> list[GameState]:
    state = new_game(load_scenario("hanoi"), seed)
    states = [state]
    for text in MOVES:
        state = apply(state, Move.parse(text)).state
        states.append(state)
    return states


def _hotseat_states() -> list[GameState]:
    """A hot-seat game on seed 4: the second player answers written restraint by tabling their
    proposal to end the exercises for good; the American amends it back to written restraint,
    which the second player defers; then the rules judge written assurances."""
    state = new_game(load_scenario("hanoi"), 4, hotseat=True)
    states = [state]
    plays = [
        (Move("mutual_restraint", "written"), ReactionKind.COUNTER, "end_exercises"),
        (Move("amend"), ReactionKind.DEFER, None),
        (Move("security_assurances", "written"), None, None),
    ]
    for move, reaction, proposal in plays:
        state = apply(state, move, reaction, proposal).state
        states.append(state)
    return states


def _game(states: list[GameState], upto: int, who: Who = UNNAMED) -> SavedGame:
    return SavedGame(states[upto], tuple(states[:upto]), who=who)


@pytest.fixture
def store(tmp_path: Path) -> SaveStore:
    return SaveStore(tmp_path, clock=lambda: NOW)


def test_autosave_keeps_the_previous_one_as_a_backup(store: SaveStore) -> None:
    states = _states()
    assert not store.has_autosave()
    assert store.autosave(_game(states, 1)).is_ok
    assert not store.backup_path.exists()
    assert store.autosave(_game(states, 2)).is_ok
    assert store.has_autosave()
    latest = SaveStore(store.root).load(store.autosave_path)
    backup = SaveStore(store.root).load(store.backup_path)
    assert latest.game is not None and backup.game is not None
    assert latest.game.state.hash == states[2].hash
    assert backup.game.state.hash == states[1].hash
    # Undo history comes back with the game.
    assert [s.hash for s in latest.game.history] == [s.hash for s in states[:2]]


def test_a_save_is_a_transcript_that_replays_and_carries_its_extras(store: SaveStore) -> None:
    states = _states()
    undo = Undo(1, "peace_declaration:declaration", "accept")
    game = SavedGame(states[3], tuple(states[:3]), (undo,), Who("Ann Lee", Mode.GRADED))
    store.autosave(game)
    transcript = read_transcript(store.autosave_path)
    assert replay(load_scenario("hanoi"), transcript).ok
    assert (transcript.player, transcript.mode, transcript.undos) == ("Ann Lee", "graded", (undo,))
    loaded = SaveStore(store.root).load(store.autosave_path)
    assert loaded.game is not None
    assert not loaded.game.state.hotseat and loaded.game.who.mode == "graded"
    assert loaded.info is not None and loaded.info.saved_at == NOW


def test_a_hot_seat_save_replays_the_proposal_the_second_player_tabled(store: SaveStore) -> None:
    states = _hotseat_states()
    assert states[1].turns[-1].reaction.counter == "end_exercises"
    store.save_slot("Hot seat", SavedGame(states[-1], tuple(states[:-1])))
    text = store.slot_path("Hot seat").read_text(encoding="utf-8")
    assert "\nhotseat = true\n" in text and '\ncounter = "end_exercises"\n' in text
    loaded = SaveStore(store.root).load(store.slot_path("Hot seat"))
    assert loaded.game is not None, loaded.problem
    assert loaded.game.state.hotseat
    assert loaded.game.state == states[-1]
    assert [s.hash for s in loaded.game.history] == [s.hash for s in states[:-1]]
    # The load screen names it a hot-seat game ("practice" alone read as a one-player game's).
    assert SaveStore(store.root).inspect(store.slot_path("Hot seat")).hotseat
    store.save_slot("Alone", SavedGame(new_game(states[-1].scenario, 3), ()))
    assert not SaveStore(store.root).inspect(store.slot_path("Alone")).hotseat
    tabled = text.replace('counter = "end_exercises"', 'counter = "written_guarantee"', 1)
    store.slot_path("Hot seat").write_text(tabled, encoding="utf-8")
    problem = SaveStore(store.root).load(store.slot_path("Hot seat")).problem
    assert problem.startswith("slot-hot-seat.toml: does not replay: turn 1: ")
    assert "they cannot table written_guarantee now" in problem


def test_slots_have_safe_file_names_and_a_listing(store: SaveStore) -> None:
    states = _states()
    result = store.save_slot("Before lunch / v2: ÉTÉ!", _game(states, 3))
    assert result.value == store.saves / "slot-before-lunch-v2-ete.toml"
    store.autosave(_game(states, 2))
    listing = SaveStore(store.root, clock=lambda: NOW).listing()
    assert [info.kind for info in listing] == [SaveKind.AUTOSAVE, SaveKind.SLOT]
    slot = listing[1]
    assert slot.name == "Before lunch / v2: ÉTÉ!"
    assert (slot.round_label, slot.turns, slot.finished) == ("one-on-one", 3, False)
    assert slot.trust == states[3].meter("trust")
    assert describe_time(slot.saved_at, NOW) == "today, 14:05"
    assert store.delete(slot.path).is_ok
    assert not slot.path.exists()


def test_an_unused_slot_name_is_numbered_and_its_number_reaches_the_file(
    store: SaveStore,
) -> None:
    game = _game(_states(), 1)
    assert store.unused_slot_name("  Lunch ") == "Lunch"
    store.save_slot("Lunch", game)
    assert store.unused_slot_name("lunch!") == "lunch! (2)"
    store.save_slot("Lunch (2)", game)
    assert store.unused_slot_name("Lunch (2)") == "Lunch (3)"
    long = "A" * 40
    store.save_slot(long, game)
    beside = store.unused_slot_name(long, 40)
    assert beside == "A" * 36 + " (2)"
    assert store.slot_path(beside) != store.slot_path(long)


def test_safe_stem_never_gives_an_empty_or_unsafe_name() -> None:
    assert safe_stem("") == "save"
    assert safe_stem("../../etc/passwd") == "etc-passwd"
    assert safe_stem("CON") == "con"  # the slot- prefix keeps it clear of Windows device names
    assert len(safe_stem("x" * 500)) <= 40


def test_a_damaged_autosave_falls_back_to_the_backup_with_a_message(store: SaveStore) -> None:
    states = _states()
    store.autosave(_game(states, 2))
    store.autosave(_game(states, 3))
    path = store.autosave_path
    path.write_text(path.read_text(encoding="utf-8")[:200], encoding="utf-8")
    result = SaveStore(store.root, clock=lambda: NOW).load_latest()
    assert result.game is not None
    assert result.game.state.hash == states[2].hash
    assert AUTOSAVE in result.problem
    assert BACKUP not in result.problem
    assert "previous autosave" in result.notice
    # The damaged file is kept for inspection, and it never pushes the backup out.
    assert path.exists()
    fresh = SaveStore(store.root, clock=lambda: NOW)
    fresh.autosave(_game(states, 3))
    assert fresh.load(fresh.backup_path).game is not None


def test_a_tampered_save_is_named_with_what_is_wrong(store: SaveStore) -> None:
    states = _states()
    store.save_slot("edited", _game(states, 3))
    path = store.slot_path("edited")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("trust = ", "trust = 9", 1), encoding="utf-8")
    info = SaveStore(store.root).inspect(path)
    assert not info.is_ok
    assert info.problem.startswith(f"{path.name}: does not replay: turn 1")
    assert info.name == "edited"


def _as_if_saved_with_an_earlier_scenario(path: Path, *edits: tuple[str, str]) -> None:
    """Rewrite a save as a game update would find it: made with an earlier version of its
    scenario (another digest, other words in its reasons), by the same rules."""
    text = path.read_text(encoding="utf-8")
    digest = read_transcript(path).scenario_sha256
    text = text.replace(digest, "0" * 64).replace("They accept", "They agree")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def test_a_save_of_an_earlier_scenario_is_played_again_under_the_current_one(
    store: SaveStore,
) -> None:
    """A game update that edits a scenario's words must not strand a game in progress: its
    moves are played again under the scenario as installed, and the player is told."""
    states = _states()
    store.autosave(_game(states, 3, Who("Ann Lee", Mode.GRADED)))
    _as_if_saved_with_an_earlier_scenario(store.autosave_path)
    info = SaveStore(store.root).inspect(store.autosave_path)
    assert info.is_ok and info.updated
    loaded = SaveStore(store.root).load_latest()
    assert loaded.game is not None and loaded.notice == UPDATED and loaded.problem == ""
    assert loaded.game.state.hash == states[3].hash
    assert [s.hash for s in loaded.game.history] == [s.hash for s in states[:3]]
    assert loaded.game.who == Who("Ann Lee", Mode.GRADED)
    # A save that replays as it is was not updated.
    store.save_slot("as saved", _game(states, 3))
    assert not SaveStore(store.root).inspect(store.slot_path("as saved")).updated


def test_a_save_whose_moves_no_longer_play_says_so(store: SaveStore) -> None:
    states = _states()
    store.save_slot("old", _game(states, 3))
    path = store.slot_path("old")
    _as_if_saved_with_an_earlier_scenario(
        path, ('move = "security_assurances:written"', 'move = "security_assurances:sealed"')
    )
    info = SaveStore(store.root).inspect(path)
    assert not info.is_ok and not info.updated
    assert info.problem.startswith(
        f'{path.name}: saved with an earlier version of scenario "hanoi", and its moves no '
        'longer play under this one: "security_assurances:sealed": unknown variant'
    )


def test_every_kind_of_bad_file_gets_one_line_and_no_exception(store: SaveStore) -> None:
    store.saves.mkdir(parents=True)
    cases: dict[str, str | bytes] = {
        "slot-syntax.toml": "format = [",
        "slot-binary.toml": b"\xff\xfe\x00",
        "slot-shape.toml": "format = 1\nturns = 3\n",
        "slot-scenario.toml": save_text(_game(_states(), 1), saved_at=NOW).replace(
            'scenario = "hanoi"', 'scenario = "atlantis"'
        ),
    }
    for name, content in cases.items():
        path = store.saves / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    problems = {info.path.name: info.problem for info in store.listing()}
    assert problems["slot-syntax.toml"].startswith("slot-syntax.toml:1:")
    assert "not UTF-8" in problems["slot-binary.toml"]
    assert "turns" in problems["slot-shape.toml"]
    assert "atlantis" in problems["slot-scenario.toml"]
    for problem in problems.values():
        assert "\n" not in problem
    missing = store.load(store.saves / "slot-gone.toml")
    assert missing.game is None and "no such file" in missing.problem


def test_no_autosave_at_all_says_so(store: SaveStore) -> None:
    result = store.load_latest()
    assert result.game is None
    assert result.problem == "There is no autosave yet."


def test_writing_where_a_file_blocks_the_folder_fails_softly(tmp_path: Path) -> None:
    (tmp_path / "saves").write_text("not a folder", encoding="utf-8")
    (tmp_path / "exports").write_text("not a folder", encoding="utf-8")
    store = SaveStore(tmp_path, clock=lambda: NOW)
    game = _game(_states(), 1)
    assert "cannot" in store.autosave(game).problem
    assert "cannot" in store.save_slot("x", game).problem
    assert "cannot export" in store.export(game).problem


def test_export_names_the_file_after_the_student_the_class_and_the_day(store: SaveStore) -> None:
    code = "HNOI-004Q"
    game = _game(_states(), 3, Who("Sam Rivera", Mode.GRADED, code))
    first = store.export(game)
    second = store.export(game)
    assert first.value == store.exports / "Sam-Rivera_HNOI-004Q_2026-03-01.toml"
    assert second.value == store.exports / "Sam-Rivera_HNOI-004Q_2026-03-01-2.toml"
    transcript = read_transcript(first.value)
    assert transcript.player == "Sam Rivera"
    assert replay(load_scenario("hanoi"), transcript).ok
    anonymous = store.export(_game(_states(), 1))
    assert anonymous.value == store.exports / "anonymous_hanoi-4_2026-03-01.toml"
    odd = store.export(_game(_states(), 1, Who("CON", Mode.PRACTICE)))
    assert odd.value is not None and odd.value.name == "CON-_hanoi-4_2026-03-01.toml"


def test_an_export_never_replaces_an_earlier_one_in_any_case(store: SaveStore) -> None:
    """On Windows and macOS a name in other case is the same file: it is taken too."""
    store.exports.mkdir(parents=True)
    earlier = store.exports / "sam-rivera_hanoi-4_2026-03-01.toml"
    earlier.write_text("an earlier export", encoding="utf-8")
    result = store.export(_game(_states(), 3, Who("Sam Rivera", Mode.PRACTICE)))
    assert result.value == store.exports / "Sam-Rivera_hanoi-4_2026-03-01-2.toml"
    assert earlier.read_text(encoding="utf-8") == "an earlier export"


def test_a_team_game_is_exported_under_its_teams(store: SaveStore) -> None:
    teams = Teams(Team("Eagles"), Team("Cranes", (Player("Chloe Martin", ("military",)),)))
    game = _game(_hotseat_states(), 3, Who(mode=Mode.PRACTICE, teams=teams))
    result = store.export(game)
    assert result.value == store.exports / "Eagles-and-Cranes_hanoi-4_2026-03-01.toml"
    assert read_transcript(result.value).teams == teams


def test_exports_go_to_the_documents_folder_unless_the_game_has_a_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("HANOI_SUMMIT_HOME", raising=False)
    monkeypatch.setattr("platformdirs.user_documents_path", lambda: tmp_path / "Documents")
    assert SaveStore().exports == tmp_path / "Documents" / "Hanoi Summit"
    monkeypatch.setenv("HANOI_SUMMIT_HOME", str(tmp_path / "stick"))
    assert SaveStore().exports == tmp_path / "stick" / "exports"


def test_the_save_document_keeps_the_transcript_fields(store: SaveStore) -> None:
    import tomllib

    text = save_text(_game(_states(), 2, Who("Ann", Mode.PRACTICE)), saved_at=NOW, slot="My slot")
    data = tomllib.loads(text)
    assert data["saved_at"] == "2026-03-01T14:05:00+00:00"
    assert data["slot"] == "My slot"
    assert from_document(data, also=SAVE_KEYS).player == "Ann"
    # The keys a save adds are a save's: in a transcript they are an edit.
    with pytest.raises(TranscriptError) as refused:
        from_document(data)
    assert refused.value.problems == [
        f"<transcript>: {key}: unknown key: no transcript holds it (the file was edited)"
        for key in ("saved_at", "slot")
    ]


def test_an_earlier_scenario_s_save_cannot_carry_answers_a_player_chose(
    store: SaveStore,
) -> None:
    """Played again under the current scenario, a save is still held to what the replay would
    have checked: a game for one whose answers say a player chose them is refused, in a line,
    and so is an answer that is no reaction at all."""
    states = _states()
    store.save_slot("forged", _game(states, 3))
    path = store.slot_path("forged")
    _as_if_saved_with_an_earlier_scenario(path, ('chosen_by = "engine"', 'chosen_by = "player"'))
    info = SaveStore(store.root).inspect(path)
    assert not info.is_ok
    assert info.problem.endswith("a player chose their answers, but the game is not hot-seat")
    store.save_slot("seated", SavedGame(_hotseat_states()[-1], tuple(_hotseat_states()[:-1])))
    seated = store.slot_path("seated")
    _as_if_saved_with_an_earlier_scenario(seated, ('reaction = "counter"', 'reaction = "cheer"'))
    info = SaveStore(store.root).inspect(seated)
    assert not info.is_ok and "earlier version" in info.problem
