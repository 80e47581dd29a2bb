"""Hanoi games in which the delegation's character shows, or has yet to, when their proposal
waits: the window's and the terminal's tests of what answering it does play the same ones."""

from __future__ import annotations

from typing import Final

from game.engine import GameState, Move, Scenario, apply, new_game

UNSEEN: Final = (11, ("yongbyon_for_relief:partial",))
"""Seed 11 (opportunists) countered with their Yongbyon proposal: no reply has shown yet that
they take a quick yes as weakness (accepting it left trust where it was, not "+4")."""

SHOWN: Final = (
    3,
    (
        "yongbyon_for_relief:partial",
        "accept",
        "mutual_restraint:unwritten",
        "reject",
        "accept_limited_arsenal:private",
        "peace_declaration:declaration",
        "liaison_offices",
    ),
)
"""Seed 3: a proposal waits after a reply has said "they pocket concessions"."""


def played(scenario: Scenario, game: tuple[int, tuple[str, ...]]) -> GameState:
    """The game ``(seed, moves)`` of ``scenario``, played."""
    seed, moves = game
    state = new_game(scenario, seed)
    for move in moves:
        state = apply(state, Move.parse(move)).state
    return state
