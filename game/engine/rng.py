"""A tiny deterministic random number generator carried inside the game state.

The engine never touches the module-level :mod:`random` or the clock: every draw takes the
generator's state and returns the value with the next state (SplitMix64), so a game is a pure
function of its scenario, seed and moves.

>>> value, state = draw(seed_state("hanoi", 7), 1, 6)
>>> 1 <= value <= 6
True
>>> draw(seed_state("hanoi", 7), 1, 6) == draw(seed_state("hanoi", 7), 1, 6)
True
"""

from __future__ import annotations

import hashlib
from typing import Final

_MASK: Final = (1 << 64) - 1
_GOLDEN: Final = 0x9E3779B97F4A7C15


def seed_state(salt: str, seed: int) -> int:
    """Return a generator state derived from a salt (the scenario id) and the game's seed."""
    digest = hashlib.sha256(f"{salt}\x00{seed}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def next_u64(state: int) -> tuple[int, int]:
    """Return a 64-bit value and the next state (one SplitMix64 step)."""
    state = (state + _GOLDEN) & _MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31), state


def draw(state: int, low: int, high: int) -> tuple[int, int]:
    """Return an integer in ``[low, high]`` and the next state."""
    if high <= low:
        return low, state
    # One SplitMix64 step, as in :func:`next_u64` (written out: it runs on every judged move).
    state = (state + _GOLDEN) & _MASK
    z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return low + (z ^ (z >> 31)) % (high - low + 1), state


def pick_weighted(state: int, weights: tuple[int, ...]) -> tuple[int, int]:
    """Return the index of a choice drawn in proportion to ``weights`` and the next state.

    Weights must be non-negative with a positive sum.
    """
    total = sum(weights)
    roll, state = draw(state, 0, total - 1)
    for index, weight in enumerate(weights):
        if roll < weight:
            return index, state
        roll -= weight
    raise ValueError("weights must have a positive sum")
