"""What the hot-seat screens say from each seat: who the players are called, and a proposal of
the other side's told from the seat that tables it (the scenario's texts are written for the
player's side). Pygame-free."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine import ACCEPT
from game.engine.describe import answer_effects, capitalise, changes, side_called

if TYPE_CHECKING:
    from game.engine.scenario import Proposal, Scenario
    from game.engine.sides import Sides
    from game.engine.teams import Teams


def team_names(sides: Sides, teams: Teams | None) -> tuple[str, str]:
    """What the hand-overs call the first side's players and the other side's: their teams'
    names in a team game."""
    if teams is not None:
        return teams.us.name, teams.north.name
    return capitalise(side_called(sides.player, "player", "first player")), "Second player"


def views_from_their_seat(sides: Sides, proposal: Proposal) -> tuple[tuple[str, str], ...]:
    """How each side puts a proposal of theirs, as kickers and texts for the side that tables
    it: their own view is theirs ("how you put it"), the other's is its capital's."""
    player = sides.player
    other = f"How {player.capital} puts it" if player.short else "How the other side puts it"
    return (("How you put it".upper(), proposal.their_view), (other.upper(), proposal.our_view))


def acceptance_line(scenario: Scenario, proposal: Proposal) -> str:
    """What the other side's acceptance of a proposal would change, for the side that tables
    it: first what it would cost the other side (its losses on the meters), then the rest."""
    player = scenario.sides.player
    who = player.capital if player.short else "the other side"
    found = changes(scenario, *answer_effects(scenario, proposal, ACCEPT))
    costs = ", ".join(change.text for change in found if not change.good)
    gains = ", ".join(change.text for change in found if change.good)
    cost = f"{who}: {costs}" if costs else f"{who} nothing on the meters"
    rest = f"; it would {'also ' if costs else ''}bring {gains}" if gains else ""
    return f"Accepting would cost {cost}{rest}."
