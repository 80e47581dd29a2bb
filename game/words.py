"""Counted words and compared names, for every layer: below the engine, so that the window's
title, which must open without loading the engine, counts as the class report does, and a team
game's sides are told apart as the class tools match names."""

from __future__ import annotations

import unicodedata
from typing import Final

_APOSTROPHES: Final = str.maketrans(dict.fromkeys("\u2018\u2019\u02bc\u0060\u00b4", "'"))


def counted(count: int, noun: str) -> str:
    """``count`` and ``noun``, plural unless it is one: ``1 move``, ``2 moves``, ``0 offers``.

    >>> counted(1, "move"), counted(2, "saved game"), counted(0, "offer")
    ('1 move', '2 saved games', '0 offers')
    """
    return f"{count} {noun}{'' if count == 1 else 's'}"


def so_far(moves: int) -> str:
    """Where a game stopped, by the moves it made: ``after move 3``, or ``before the first move``
    when it made none (a play-tester read "after move 0" as a move that was played).

    >>> so_far(3), so_far(0)
    ('after move 3', 'before the first move')
    """
    return f"after move {moves}" if moves else "before the first move"


def name_key(name: str) -> str:
    """A name as names are matched: case, spacing, accents and the kind of apostrophe aside.

    >>> name_key("Kai  Müller") == name_key("kai muller"), name_key("Zoë O\\u2019Neil")
    (True, "zoe o'neil")
    >>> name_key("Eve\\u200cZero") == name_key("EveZero")
    True
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    # Nor invisible joiners (a Persian name keeps its own): "Eve\u200cZero" is EveZero.
    bare = "".join(
        char
        for char in decomposed
        if not unicodedata.combining(char) and unicodedata.category(char) != "Cf"
    )
    return " ".join(bare.casefold().split())
