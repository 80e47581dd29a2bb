"""Counted words, for every layer: below the engine, so that the window's title, which must open
without loading the engine, counts as the class report does."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """``count`` and ``noun``, plural unless it is one: ``1 move``, ``2 moves``, ``0 offers``.

    >>> counted(1, "move"), counted(2, "saved game"), counted(0, "offer")
    ('1 move', '2 saved games', '0 offers')
    """
    return f"{count} {noun}{'' if count == 1 else 's'}"
