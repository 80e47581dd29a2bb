"""An unfinished game is never lost without a word: loading a save, or starting a new game,
replaces the autosave (after a move or two, its backup too), so when the autosave holds a game
not yet finished the player is asked first, and may keep it as a named save."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import attrs

from game.store.saves import SavedGame, SaveInfo, SaveStore
from game.ui.in_play import Briefing
from game.ui.screen import Action, Chain, Choice, Dialog, Open, Pop
from game.words import counted

KEPT: Final = "Unfinished"
"""How the name of a kept game begins."""


def at_risk(store: SaveStore, replacing: SavedGame | None = None) -> SaveInfo | None:
    """What the autosave holds when it is a game not finished that would be lost: not when it
    is the game about to replace it (``replacing``), or a copy of it, nor a game in which no
    move was made (a play-tester was asked to keep one)."""
    if not store.autosave_path.exists():
        return None
    loaded = store.load(store.autosave_path)
    if loaded.game is None or loaded.info is None:
        return None
    if loaded.game.state.is_over or not loaded.game.state.turns:
        return None
    if replacing is not None and replacing.state.hash == loaded.game.state.hash:
        return None
    return loaded.info


def before_briefing(store: SaveStore, place: Briefing) -> Dialog | None:
    """Before the briefing of a new game, the question whether to keep the unfinished game it
    would replace (a play-tester read six pages before being asked); None: nothing to ask."""
    if place.keep is not None or place.setup.autoplay:
        return None
    info = at_risk(store)
    if info is None:
        return None
    keep, drop = attrs.evolve(place, keep=True), attrs.evolve(place, keep=False)
    return ask(info, "Start a new game", Open(keep), Open(drop))


def ask(info: SaveInfo, doing: str, keep: Action, drop: Action) -> Dialog:
    """ "Keep your unfinished game?" before ``doing`` ("Load “Class 9B”", "Start a new game")."""
    where = info.round_label + (f", trust {info.trust}" if info.trust is not None else "")
    return Dialog(
        f"{doing}?",
        (
            f"Your unfinished game ({where}, {counted(info.turns, 'move')}) is in the autosave, "
            "which this replaces as you play.",
            "Keep it as a named save to go back to it later.",
        ),
        (
            Choice("Cancel", Pop()),
            Choice("Replace it", Chain((Pop(), drop))),
            Choice("Keep it", Chain((Pop(), keep)), primary=True),
        ),
        kicker="Unfinished game",
        default=2,
    )


def keep(store: SaveStore) -> tuple[str, str]:
    """Copy the autosave's game into a named save; return its name, or ``("", problem)``."""
    loaded = store.load(store.autosave_path)
    if loaded.game is None or loaded.info is None:
        return "", loaded.problem or "the autosave could not be read"
    # "1 move", not "1 moves" (a play-tester's finding), numbered beside one of the same name.
    name = store.unused_slot_name(
        f"{KEPT}, {loaded.info.round_label}, {counted(loaded.info.turns, 'move')}"
    )
    written = store.save_slot(name, loaded.game)
    return (name, "") if written.is_ok else ("", written.problem)


def is_autosave(store: SaveStore, path: Path) -> bool:
    """True for the autosave or its backup (loading them loses nothing)."""
    return path in (store.autosave_path, store.backup_path)
