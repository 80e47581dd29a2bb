"""Who plays: a player's name as the game keeps it, and in a hot-seat game the two teams, one
on each side of the table, with their players and the roles they hold.

The roles are the scenario's (``[[roles]]``; Hanoi's are the eight briefs in ``docs/roles/``,
four a side). A team of three gives its head of delegation a second brief, so a player may hold
more than one role. Teams are part of who played a game: a transcript records them and its
verification code covers them, as it covers the player's name.

>>> teams = Teams(Team("Eagles"), Team("Cranes", (Player("Chloe", ("head_of_delegation",)),)))
>>> teams.title, teams.north.players[0].roles
('Eagles and Cranes', ('head_of_delegation',))
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any, Final

import attrs

from game.engine.describe import UNPRINTABLE, side_called
from game.engine.scenario import Scenario, Seat
from game.escapes import short
from game.words import name_key

MAX_NAME: Final = 60
"""The longest name a transcript records, in characters (a player's or a team's)."""

MAX_PLAYERS: Final = 6
"""The most players a team records: teams of three or four, and a spare or two."""

MAX_ROLES: Final = 8
"""The most roles a transcript records for one player."""

# Tabs and newlines become single spaces; every other character a terminal, a spreadsheet or a
# font may act on (see game.engine.describe.UNPRINTABLE) is dropped.
_CONTROL: Final = re.compile(f"(?![\\t\\n])[{UNPRINTABLE}]")


def clean_name(name: str) -> str:
    """A player's or a team's name as stored: no control characters, direction overrides or
    undecodable bytes, single spaces, 60 characters at most.

    >>> clean_name("  Ada\\x1b[2J \\t Lovelace\\u202e ")
    'Ada[2J Lovelace'
    """
    return " ".join(_CONTROL.sub("", name).split())[:MAX_NAME]


def seat_label(scenario: Scenario, seat: Seat) -> str:
    """The team on ``seat`` in words: ``the U.S. team``, or ``the first team`` for a side the
    scenario does not name that way."""
    neutral = "first team" if seat is Seat.PLAYER else "second team"
    return f"the {side_called(scenario.sides.of(seat), 'team', neutral)}"


@attrs.frozen
class Player:
    """A member of a team and the roles they hold (none, when the teacher gave none)."""

    name: str
    roles: tuple[str, ...] = ()
    """Role ids, e.g. ``("negotiator", "allies_liaison")`` for a head of a team of three."""

    def role_labels(self, scenario: Scenario) -> tuple[str, ...]:
        """The roles in words (an id the scenario does not know is shown as it is)."""
        roles = [scenario.team_role(r) for r in self.roles]
        return tuple(role.label if role else r for role, r in zip(roles, self.roles, strict=True))


@attrs.frozen
class Team:
    """One side's team: its name and, optionally, its players."""

    name: str
    players: tuple[Player, ...] = ()

    def members(self, scenario: Scenario) -> str:
        """Its players and their roles in words (``""`` when none were given): ``Sam: the
        negotiator (head of delegation), Treasury (sanctions and leverage); Ben``."""
        return "; ".join(
            f"{p.name}: {', '.join(p.role_labels(scenario))}" if p.roles else p.name
            for p in self.players
        )


@attrs.frozen
class Teams:
    """The two teams of a hot-seat game."""

    us: Team
    north: Team

    def team(self, seat: Seat) -> Team:
        """The team on ``seat``."""
        return self.us if seat is Seat.PLAYER else self.north

    @property
    def title(self) -> str:
        """Both teams by name: ``Eagles and Cranes``."""
        return f"{self.us.name} and {self.north.name}"

    def lines(self, scenario: Scenario) -> tuple[str, ...]:
        """Each team on a line, with its players and their roles:
        ``the U.S. team: Eagles (Sam: the negotiator (head of delegation))``."""
        found = []
        for seat in Seat:
            team = self.team(seat)
            members = team.members(scenario)
            label = seat_label(scenario, seat)
            found.append(f"{label}: {team.name}" + (f" ({members})" if members else ""))
        return tuple(found)

    @property
    def names(self) -> tuple[str, ...]:
        """The names of both teams and of every player, in order (for matching names)."""
        found = [self.us.name, self.north.name]
        found += [p.name for team in (self.us, self.north) for p in team.players]
        return tuple(found)

    def clash(self) -> str:
        """What makes the two teams hard to tell apart (``""`` when nothing): one name for both,
        or a player on both sides; names compared as a teacher reads them, case aside.

        >>> Teams(Team("Eagles"), Team("eagles")).clash()
        'both teams are called Eagles: give each a name of its own'
        >>> ada = (Player("Ada"),)
        >>> Teams(Team("Eagles", ada), Team("Cranes", ada)).clash()
        'Ada plays in both teams: a player plays for one side'

        Names are matched as the class tools match a student's name: accents, spacing and the
        kind of apostrophe aside, so that a report can tell the two sides apart.

        >>> Teams(Team("Zoë O\u2019Neil"), Team("zoe  o'neil")).clash()
        'both teams are called Zoë O\u2019Neil: give each a name of its own'
        """
        if name_key(self.us.name) == name_key(self.north.name):
            return f"both teams are called {self.us.name}: give each a name of its own"
        theirs = {name_key(p.name) for p in self.north.players}
        for player in self.us.players:
            if name_key(player.name) in theirs:
                return f"{player.name} plays in both teams: a player plays for one side"
        return ""

    def signature(self) -> str:
        """The teams as one line of text, for the verification code: any change to a name or a
        role changes it."""
        return json.dumps(
            [
                [clean_name(team.name), [[clean_name(p.name), list(p.roles)] for p in team.players]]
                for team in (self.us, self.north)
            ],
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def document(self) -> dict[str, Any]:
        """The teams as a transcript's ``[teams]`` table."""
        return {
            str(seat): {
                "name": self.team(seat).name,
                "players": [
                    {"name": p.name, "roles": list(p.roles)} for p in self.team(seat).players
                ],
            }
            for seat in Seat
        }

    def problem(self, scenario: Scenario) -> str:
        """What the game would never write in these teams of a game of ``scenario`` (``""``
        when nothing): a name it would have cleaned, a team without a name, a role the scenario
        does not give that side, a role held twice in one team, a player listed twice, too many
        players."""
        for seat in Seat:
            team = self.team(seat)
            where = f"teams.{seat}"
            if not team.name:
                return f"{where}.name: a team needs a name"
            if team.name != clean_name(team.name):
                return f"{where}.name: {_UNCLEAN}"
            if len(team.players) > MAX_PLAYERS:
                return f"{where}.players: at most {MAX_PLAYERS} players, got {len(team.players)}"
            held: set[str] = set()
            named: set[str] = set()
            for index, player in enumerate(team.players):
                at = f"{where}.players[{index}]"
                if not player.name or player.name != clean_name(player.name):
                    return f"{at}.name: {_UNCLEAN}"
                if player.name in named:
                    return f"{at}.name: {short(player.name, limit=40)} is listed twice"
                named.add(player.name)
                for role in player.roles:
                    found = scenario.team_role(role)
                    if found is None or found.seat is not seat:
                        known = _known(scenario, seat)
                        expected = f"one of {known}" if scenario.roles_of(seat) else "no role"
                        return f"{at}.roles: expected {expected}, got {short(role, limit=40)}"
                    if role in held:
                        return f"{at}.roles: {role} is held twice in the team"
                    held.add(role)
        return ""


_UNCLEAN: Final = (
    f"not a name the game writes (empty, control characters, extra spaces or more than "
    f"{MAX_NAME} characters)"
)


def read_teams(value: object, fail: Callable[[str, str], None]) -> Teams | None:
    """The teams of a transcript's ``[teams]`` table as written (None when there is none),
    calling ``fail(key, message)`` for each part of the wrong shape. What the game would never
    write in them (a name it would clean, a role of the other side) is for
    :meth:`Teams.problem` to say: a transcript with such teams still reads."""
    if value is None:
        return None
    if not isinstance(value, dict):
        fail("teams", "expected a table with us and north")
        return None
    for key in value:
        if key not in set(Seat):
            fail(f"teams.{short(key, limit=40)}", "expected us or north")
    found = []
    for seat in Seat:
        table = value.get(str(seat))
        where = f"teams.{seat}"
        if not isinstance(table, dict):
            fail(where, "expected a table with the team's name")
            found.append(Team(""))
            continue
        name = table.get("name")
        if not isinstance(name, str):
            fail(f"{where}.name", f"expected a string, got {short(name, limit=40)}")
            name = ""
        found.append(Team(name, _read_players(table.get("players", []), where, fail)))
    return Teams(*found)


def _read_players(raw: object, where: str, fail: Callable[[str, str], None]) -> tuple[Player, ...]:
    if not isinstance(raw, list) or len(raw) > MAX_PLAYERS:
        fail(f"{where}.players", f"expected an array of at most {MAX_PLAYERS} players")
        return ()
    players = []
    for index, entry in enumerate(raw):
        at = f"{where}.players[{index}]"
        name = entry.get("name") if isinstance(entry, dict) else None
        roles = entry.get("roles", []) if isinstance(entry, dict) else None
        if not isinstance(name, str):
            fail(at, "expected a table with the player's name")
            continue
        if not isinstance(roles, list) or len(roles) > MAX_ROLES:
            fail(f"{at}.roles", "expected an array of role ids")
            continue
        if not all(isinstance(role, str) for role in roles):
            fail(f"{at}.roles", "expected an array of role ids")
            continue
        players.append(Player(name, tuple(roles)))
    return tuple(players)


def who_played(player: str, teams: Teams | None) -> str:
    """The name a game goes by: the player's, else its teams', else ``""``.

    >>> who_played("", Teams(Team("Eagles"), Team("Cranes"))), who_played("Ada", None)
    ('Eagles and Cranes', 'Ada')
    """
    if player:
        return player
    return teams.title if teams is not None else ""


class TeamError(ValueError):
    """Teams given in a form the game cannot record; the message is one line."""


def _known(scenario: Scenario, seat: Seat) -> str:
    """The roles of one side, to name in a message."""
    roles = scenario.roles_of(seat)
    return ", ".join(role.id for role in roles) or "none: the scenario gives this side no roles"


def parse_player(scenario: Scenario, seat: Seat, text: str) -> tuple[str, str]:
    """``ROLE:NAME`` as the command line takes it for a team on ``seat``: (role id, cleaned
    name). For Hanoi, ``"treasury: Ben Carter"`` gives ``("treasury", "Ben Carter")``."""
    role, colon, name = text.partition(":")
    role = role.strip().lower().replace("-", "_").replace(" ", "_")
    label = seat_label(scenario, seat)
    known = _known(scenario, seat)
    if not colon:
        raise TeamError(f"expected ROLE:NAME (a role of {label}: {known}), got {text!r}")
    found = scenario.team_role(role)
    if found is None or found.seat is not seat:
        raise TeamError(f"{role!r} is not a role of {label} (its roles: {known})")
    name = clean_name(name)
    if not name:
        raise TeamError(f"{role}: expected a player's name after the colon")
    return role, name


def make_team(scenario: Scenario, seat: Seat, name: str, players: Sequence[str] = ()) -> Team:
    """A team from what the command line or a form gives: its name and ``ROLE:NAME`` for each
    role held (a player named twice holds both roles)."""
    label = seat_label(scenario, seat)
    cleaned = clean_name(name)
    if not cleaned:
        raise TeamError(f"{label} needs a name")
    held: dict[str, list[str]] = {}
    taken: set[str] = set()
    for text in players:
        role, player = parse_player(scenario, seat, text)
        if role in taken:
            raise TeamError(f"{role}: given twice in {label}")
        taken.add(role)
        held.setdefault(player, []).append(role)
    if len(held) > MAX_PLAYERS:
        raise TeamError(f"{label}: at most {MAX_PLAYERS} players, got {len(held)}")
    return Team(cleaned, tuple(Player(n, tuple(r)) for n, r in held.items()))
