"""The role cards of a hot-seat game: who sits on each side, the roles of each team (the
scenario's ``[[roles]]``) and what each stands for, and where its one-page brief is.

Team play (Hanoi's is in ``docs/roles/``) gives every student one role, whose brief pulls the
team apart as real delegations are pulled apart. The cards here are the reminder at the table:
each role in a sentence, and the player holding it when the teams were named with their players.
"""

from __future__ import annotations

from game.engine import Scenario
from game.engine.describe import capitalise
from game.engine.scenario import Seat, TeamRole
from game.engine.teams import Team, Teams, seat_label
from game.ui.texts import Page


def _holders(team: Team | None, role: TeamRole) -> str:
    if team is None:
        return ""
    names = [player.name for player in team.players if role.id in player.roles]
    return f" Held by {' and '.join(names)}." if names else ""


def _card(role: TeamRole, team: Team | None) -> str:
    brief = f" Brief: {role.brief}." if role.brief else ""
    return f"- {capitalise(role.label)}: {role.summary}{_holders(team, role)}{brief}"


def role_pages(scenario: Scenario, teams: Teams | None) -> tuple[Page, ...]:
    """The role cards, a page for each side with roles after a page on how the table works."""
    sides = scenario.sides
    offering = seat_label(scenario, Seat.PLAYER)
    answering = seat_label(scenario, Seat.COUNTERPART)
    who = (
        f"{teams.us.name} play {sides.player.text}; {teams.north.name} play "
        f"{sides.counterpart.text}."
        if teams is not None
        else f"One team plays {sides.player.text}, the other {sides.counterpart.text}."
    )
    table = [
        who,
        f"{capitalise(offering)} makes the offers. After each one {answering} chooses the "
        "answer, with the rules' own answer shown as advice, and may table a proposal of its "
        "own instead.",
    ]
    if scenario.roles:
        table.append(
            "Each of you holds a role, with a one-page brief of its interests and red lines: "
            "read only your own. A team with fewer players than roles gives its head of "
            "delegation a second role as well."
        )
    if any(role.brief for role in scenario.roles):
        table.append(
            "Your teacher hands the briefs out: each card below names its file, in the game's "
            "folder."
        )
    pages = [Page("At the table", tuple(table))]
    for seat in Seat:
        roles = scenario.roles_of(seat)
        if not roles:
            continue
        team = teams.team(seat) if teams is not None else None
        named = f": {team.name}" if team is not None else ""
        cards = tuple(_card(role, team) for role in roles)
        pages.append(Page(f"{capitalise(seat_label(scenario, seat))}{named}", cards))
    return tuple(pages)
