"""The pure, deterministic negotiation engine: a trust-and-leverage state machine.

No pygame, no file I/O, no clock and no global random state: the same scenario, seed and moves
always produce the same game.
"""

from game.engine.parse import ScenarioError, parse_scenario, scenario_from_dict
from game.engine.rules import (
    CarryError,
    apply,
    available_moves,
    carry_from,
    check_move,
    holds,
    is_legal,
    judge,
    legal_moves,
    new_game,
    outcome,
    recorded_accords,
    scores,
)
from game.engine.scenario import Ending, Meter, Offer, OfferKind, Scenario, Terminal
from game.engine.state import (
    Accord,
    Carry,
    GameOverError,
    GameState,
    IllegalMoveError,
    Judgement,
    Move,
    MoveOption,
    Outcome,
    Reaction,
    ReactionKind,
    Result,
    Score,
    Turn,
)

__all__ = [
    "Accord",
    "Carry",
    "CarryError",
    "Ending",
    "GameOverError",
    "GameState",
    "IllegalMoveError",
    "Judgement",
    "Meter",
    "Move",
    "MoveOption",
    "Offer",
    "OfferKind",
    "Outcome",
    "Reaction",
    "ReactionKind",
    "Result",
    "Scenario",
    "ScenarioError",
    "Score",
    "Terminal",
    "Turn",
    "apply",
    "available_moves",
    "carry_from",
    "check_move",
    "holds",
    "is_legal",
    "judge",
    "legal_moves",
    "new_game",
    "outcome",
    "parse_scenario",
    "recorded_accords",
    "scenario_from_dict",
    "scores",
]
