"""Eagles and Cranes: the team game the window's hot-seat tests play (Hanoi, seed 4, practice)."""

from typing import Final

from game.draw.context import UiContext
from game.engine.teams import Team, Teams
from game.store.mode import Mode
from game.store.scenarios import load_scenario
from game.store.who import Who
from game.ui.flow import Flow
from game.ui.in_play import GameSetup, NewGame

TEAMS: Final = Teams(Team("Eagles"), Team("Cranes"))
TEAM_GAME: Final = GameSetup(
    load_scenario("hanoi"), 4, Who(mode=Mode.PRACTICE, teams=TEAMS), hotseat=True
)


def team_flow(ctx: UiContext) -> Flow:
    """A flow with the team game begun, the U.S. team to move."""
    flow = Flow(ctx)
    flow.handle(NewGame(TEAM_GAME))
    return flow
