"""What the hot-seat screens say from each seat: who the players are called. Pygame-free."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.describe import capitalise, side_called

if TYPE_CHECKING:
    from game.engine.sides import Sides
    from game.engine.teams import Teams


def team_names(sides: Sides, teams: Teams | None) -> tuple[str, str]:
    """What the hand-overs call the first side's players and the other side's: their teams'
    names in a team game."""
    if teams is not None:
        return teams.us.name, teams.north.name
    return capitalise(side_called(sides.player, "player", "first player")), "Second player"
