"""Teams in a transcript: recorded as given, covered by the verification code, read back, and
refused by verify when the game would never have written them."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.classroom.codes import HandedIn
from game.classroom.verify import Against, verify_file, verify_files
from game.engine import GameState, Scenario, new_game
from game.engine.scenario import Seat
from game.engine.strategies import play_from
from game.engine.teams import (
    Player,
    Team,
    TeamError,
    Teams,
    make_team,
    parse_player,
    read_teams,
    who_played,
)
from game.engine.transcript import verification_code
from game.store.transcripts import read_transcript, transcript_text, write_transcript
from game.store.who import Who

TEAMS = Teams(
    Team(
        "Eagles",
        (
            Player("Sam Rivera", ("negotiator", "allies_liaison")),
            Player("Ben Carter", ("treasury",)),
        ),
    ),
    Team("Cranes", (Player("Chloe Martin", ("head_of_delegation",)),)),
)


def _hotseat_game(hanoi: Scenario, seed: int = 4) -> GameState:
    return play_from(new_game(hanoi, seed, hotseat=True), "essay")


def test_teams_round_trip_through_a_transcript(tmp_path: Path, hanoi: Scenario) -> None:
    path = tmp_path / "team.toml"
    state = _hotseat_game(hanoi)
    write_transcript(path, state, Who(mode="practice", teams=TEAMS))
    text = path.read_text(encoding="utf-8")
    assert "[teams.us]" in text and 'name = "Cranes"' in text
    transcript = read_transcript(path)
    assert transcript.teams == TEAMS
    assert transcript.verification_for(state) == transcript.verification
    assert verify_file(path).message == "ok"


def test_the_code_covers_the_teams_and_a_game_without_them_keeps_its_code(
    hanoi: Scenario,
) -> None:
    state = _hotseat_game(hanoi)
    plain = verification_code(state, player="Ada")
    assert verification_code(state, player="Ada", teams=None) == plain
    with_teams = verification_code(state, player="Ada", teams=TEAMS)
    assert with_teams != plain
    renamed = Teams(TEAMS.us, Team("Herons", TEAMS.north.players))
    assert verification_code(state, player="Ada", teams=renamed) != with_teams
    other_role = Teams(TEAMS.us, Team("Cranes", (Player("Chloe Martin", ("military",)),)))
    assert verification_code(state, player="Ada", teams=other_role) != with_teams


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('name = "Cranes"', 'name = "Herons"', "verification code"),
        ('"head_of_delegation"', '"negotiator"', "teams.north.players[0].roles: expected one of"),
        ('name = "Cranes"', 'name = ""', "teams.north.name: a team needs a name"),
        ('name = "Cranes"', 'name = "  Cranes"', "teams.north.name: not a name the game writes"),
        ('"treasury"', '"negotiator"', "teams.us.players[1].roles: negotiator is held twice"),
        ('name = "Ben Carter"', 'name = "Sam Rivera"', "teams.us.players[1].name: 'Sam Rivera' is"),
    ],
)
def test_edited_teams_are_refused(
    tmp_path: Path, hanoi: Scenario, old: str, new: str, message: str
) -> None:
    path = tmp_path / "team.toml"
    write_transcript(path, _hotseat_game(hanoi), Who(mode="practice", teams=TEAMS))
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    verdict = verify_file(path)
    assert not verdict.ok
    assert message in verdict.message


def test_teams_in_a_game_that_is_not_hot_seat_are_refused(tmp_path: Path, hanoi: Scenario) -> None:
    state = play_from(new_game(hanoi, 4), "essay")
    path = tmp_path / "solo.toml"
    path.write_text(transcript_text(state, Who("Ada", teams=TEAMS)), encoding="utf-8")
    verdict = verify_file(path)
    assert not verdict.ok
    assert verdict.message == "teams: only a hot-seat game has teams: the file was edited"


def test_teams_of_the_wrong_shape_are_one_line_each() -> None:
    problems: list[str] = []
    found = read_teams({"us": {"name": 3}, "south": {}}, lambda k, m: problems.append(f"{k}: {m}"))
    assert found is not None
    assert problems == [
        "teams.'south': expected us or north",
        "teams.us.name: expected a string, got 3",
        "teams.north: expected a table with the team's name",
    ]
    assert read_teams(None, lambda k, m: problems.append(k)) is None


def test_a_team_game_goes_by_its_teams_names() -> None:
    assert who_played("", TEAMS) == "Eagles and Cranes"
    assert who_played("Ada", TEAMS) == "Ada"
    assert who_played("", None) == ""


def test_codes_handed_in_match_a_team_game_by_team_or_player(
    tmp_path: Path, hanoi: Scenario
) -> None:
    path = tmp_path / "team.toml"
    state = _hotseat_game(hanoi)
    write_transcript(path, state, Who(mode="practice", teams=TEAMS))
    code = read_transcript(path).verification
    for name in ("Cranes", "Eagles", "Ben Carter", "chloe martin"):
        handed = HandedIn({name.casefold(): frozenset({code})}, frozenset())
        assert verify_files([path], Against(handed_in=handed))[0].message == "ok", name
    nobody = HandedIn({"somebody else": frozenset({code})}, frozenset())
    verdict = verify_files([path], Against(handed_in=nobody))[0]
    assert verdict.message == "no verification code was handed in for Eagles and Cranes"


def test_teams_from_the_command_line(hanoi: Scenario) -> None:
    team = make_team(
        hanoi,
        Seat.PLAYER,
        " Eagles ",
        ["negotiator:Sam Rivera", "allies-liaison: Sam Rivera", "treasury:Ben"],
    )
    assert team == Team(
        "Eagles",
        (Player("Sam Rivera", ("negotiator", "allies_liaison")), Player("Ben", ("treasury",))),
    )
    assert parse_player(hanoi, Seat.COUNTERPART, "Military:Chloe") == ("military", "Chloe")
    with pytest.raises(TeamError, match=r"is not a role of the U\.S\. team \(its roles: nego"):
        parse_player(hanoi, Seat.PLAYER, "military:Chloe")
    with pytest.raises(TeamError, match="expected ROLE:NAME"):
        parse_player(hanoi, Seat.PLAYER, "Chloe")
    with pytest.raises(TeamError, match="given twice"):
        make_team(hanoi, Seat.PLAYER, "Eagles", ["treasury:A", "treasury:B"])
    with pytest.raises(TeamError, match="needs a name"):
        make_team(hanoi, Seat.COUNTERPART, "\x1b ")


def test_the_teams_read_out_with_the_scenarios_words_for_sides_and_roles(
    hanoi: Scenario,
) -> None:
    assert TEAMS.lines(hanoi) == (
        "the U.S. team: Eagles (Sam Rivera: the negotiator (head of delegation), the allies' "
        "liaison (Seoul and Tokyo); Ben Carter: Treasury (sanctions and leverage))",
        "the North Korean team: Cranes (Chloe Martin: the head of delegation)",
    )
    assert TEAMS.problem(hanoi) == ""
    # An id the scenario does not know reads as it is (verify refuses it, see above).
    assert Player("Ada", ("diplomat",)).role_labels(hanoi) == ("diplomat",)
