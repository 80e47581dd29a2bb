"""The role cards of a hot-seat game: who sits on each side, the four roles of each team and
what each stands for, and where its one-page brief is.

Team play (``docs/roles/``) gives every student one role, whose brief pulls the team apart as
real delegations are pulled apart. The cards here are the reminder at the table: each role in a
sentence, and the player holding it when the teams were named with their players.
"""

from __future__ import annotations

from game.engine.describe import capitalise
from game.engine.teams import Role, Side, Team, Teams, roles_of
from game.ui.texts import Page

BRIEFS: str = "docs/roles"
"""Where the one-page briefs are, in the game's documentation."""


def _holders(team: Team | None, role: Role) -> str:
    if team is None:
        return ""
    names = [player.name for player in team.players if role.id in player.roles]
    return f" Held by {' and '.join(names)}." if names else ""


def role_pages(teams: Teams | None) -> tuple[Page, ...]:
    """The role cards, a page for each side after a page on how the table works."""
    us = teams.us if teams is not None else None
    north = teams.north if teams is not None else None
    who = (
        f"{teams.us.name} play the American delegation; {teams.north.name} play the North "
        "Korean one."
        if teams is not None
        else "One team plays the American delegation, the other the North Korean one."
    )
    pages = [
        Page(
            "At the table",
            (
                who,
                "The American team makes the offers. After each one the North Korean team "
                "chooses the answer, with the rules' own answer shown as advice, and may table "
                "a proposal of its own instead.",
                "Each of you holds a role, with a one-page brief of its interests and red "
                "lines: read only your own. A team of three gives its head of delegation the "
                "fourth role as well.",
                f"Your teacher hands the briefs out; they are in the game's folder, in {BRIEFS}.",
            ),
        )
    ]
    for side, team in ((Side.US, us), (Side.NORTH, north)):
        named = f": {team.name}" if team is not None else ""
        cards = tuple(
            f"- {capitalise(role.label)}: {role.summary}{_holders(team, role)} "
            f"Brief: {BRIEFS}/{role.brief}."
            for role in roles_of(side)
        )
        pages.append(Page(f"{capitalise(side.label)}{named}", cards))
    return tuple(pages)
