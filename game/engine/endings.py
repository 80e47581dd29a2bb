"""The endings of a scenario: how a summit can end, and the named outcomes the scenario gives for
what it ended with, each with its scene and the picture that shows it.

Part of the scenario model (:mod:`game.engine.scenario`, which names them too), built once by
:mod:`game.engine.parse` and never changed.
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

from game.engine.offers import mid_sentence


class Terminal(enum.Enum):
    """How a summit ended."""

    WALKOUT = "walkout"
    """The counterpart walked out."""
    WALKED_AWAY = "walked_away"
    """The player walked away from the table."""
    STATEMENT = "statement"
    """The summit closed with a joint statement."""
    NO_STATEMENT = "no_statement"
    """The schedule ran out without a joint statement."""


PICTURES: Final = (
    "walkout",
    "walked_away",
    "no_deal",
    "statement",
    "talks_continue",
    "freeze_for_freeze",
    "yongbyon_deal",
    "peace_declaration",
    "liaison_offices",
    "embassies",
    "regional_handoff",
    "grand_bargain",
)
"""The pictures the front ends can draw for an ending, by the id its ``picture`` names."""


@attrs.frozen
class Ending:
    """A named outcome of the summit, with its scene text."""

    id: str
    """Identifier used by transcripts (their outcome's ``ending``), tests and class reports."""
    title: str
    """Its name, e.g. ``"You walk away"``: the heading wherever the outcome is told."""
    text: str
    """The scene: a few sentences of what the room looks like as the summit ends this way, told
    under its title wherever the outcome is."""
    history: str
    """How this ending compares with what happened in history and what the essay advised."""
    terminals: tuple[Terminal, ...]
    """The ways the summit must have ended."""
    accords: tuple[str, ...]
    """Accords that must all be on the record, reached at this summit."""
    tier: int = 0
    """How far it goes, from 0 (nothing on the record) up; the highest tier is the top."""
    picture: str = ""
    """Which of the game's :data:`PICTURES` shows it (e.g. ``"embassies"``); empty: the
    picture of how the summit ended."""
    prior: tuple[str, ...] = ()
    """Accords that must all stand on the record from the earlier summit the game continues
    (see ``[carry]``): an ending for what this summit kept of what was done before."""

    mid_title: str = attrs.field(init=False, eq=False, repr=False)
    """The title as it reads mid-sentence, after a colon that continues one: ``you walk
    away``, but ``Hanoi, twice`` (see :func:`mid_sentence`)."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "mid_title", mid_sentence(self.title, self.text, self.history))
