"""The two sides of the table as a scenario names them (``[sides]``), and the roles of team
play its teams hold (``[[roles]]``): words and data for the front ends, never read by the rules."""

from __future__ import annotations

import enum
from typing import Final

import attrs

FLAGS: Final = ("us", "dprk")
"""The flags the front ends can draw, by the id a scenario's ``[sides]`` names them with."""


@attrs.frozen
class Side:
    """One side of the table as the front ends name it (``[sides]``; neutral words without)."""

    name: str
    """As a heading: ``"U.S. delegation"``."""
    text: str
    """In running text, lower case: ``"the North Korean delegation"``."""
    short: str
    """Before a noun, ``"U.S."`` in ``"U.S. team"`` (``""``: the front ends say it another way)."""
    capital: str
    """The government as a speaker: ``"Washington"`` in ``"How Washington puts it"``."""
    flag: str
    """One of :data:`FLAGS`, or ``""`` for none."""
    role: str = ""
    """The player's part in running text: ``"the U.S. negotiator"`` (the player's side only)."""


NEUTRAL_PLAYER: Final = Side(
    "Your delegation", "your delegation", "", "your government", "", "the negotiator"
)
"""The player's side of a scenario without ``[sides]``."""
NEUTRAL_COUNTERPART: Final = Side(
    "Their delegation", "their delegation", "", "their government", ""
)
"""The other side of a scenario without ``[sides]``."""


@attrs.frozen
class Sides:
    """The two sides of the table: who the player is, and who sits across."""

    player: Side = NEUTRAL_PLAYER
    counterpart: Side = NEUTRAL_COUNTERPART

    def of(self, seat: Seat) -> Side:
        """The side that sits in ``seat``."""
        return self.player if seat is Seat.PLAYER else self.counterpart


class Seat(enum.StrEnum):
    """A side of the table as a team plays it in a hot-seat game, by the key transcripts and
    the command line give it (``[teams.us]``, ``--team-north``): the keys of the first
    scenario, kept for every one so that a transcript always reads."""

    PLAYER = "us"
    """The player's side: its team makes the offers."""
    COUNTERPART = "north"
    """The side across the table: its team answers the offers and tables proposals."""


@attrs.frozen
class TeamRole:
    """One role of team play (``[[roles]]``): a part a student holds in a hot-seat game, with
    a one-page brief of its interests and red lines."""

    id: str
    """What transcripts and ``--player-us ROLE:NAME`` call it, e.g. ``negotiator``."""
    seat: Seat
    """The side whose team holds it."""
    label: str
    """The role in words, to read mid-sentence: ``the national security adviser``."""
    summary: str
    """What the role stands for at the table, in one sentence (for a role card)."""
    brief: str = ""
    """Where its brief is, from the game's folder: ``docs/roles/us-treasury.md`` (``""``: none)."""
