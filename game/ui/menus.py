"""The entries of the title menu and of the pause menu, as data (the flow builds the screens)."""

from __future__ import annotations

from typing import Final

from game.store.saves import SaveStore, describe_time
from game.store.scenarios import scenario_paths
from game.ui.screen import (
    Apply,
    Chain,
    ContinueGame,
    HowToPlay,
    MenuEntry,
    NewGameForm,
    Open,
    Pop,
    Preferences,
    Saves,
    Scenarios,
    ToTitle,
    confirm_quit,
)
from game.ui.texts import saves_detail
from game.words import counted

SETTINGS_DETAIL: Final = "Text, colours, motion, sound, hints"
"""What Settings holds, as the title menu and the pause menu both say it."""


def title_entries(store: SaveStore) -> tuple[MenuEntry, ...]:
    """The title screen's main menu, each entry saying what it holds or why it is closed."""
    saves = store.counts()
    count = len(scenario_paths())
    return (
        MenuEntry(
            "New game",
            Open(NewGameForm()),
            detail="Your name, the mode, then the briefing",
        ),
        continue_entry(store),
        MenuEntry(
            "Load",
            Open(Saves(saving=False)) if saves.total() else None,
            detail=saves_detail(saves),
            reason="No saved games yet",
        ),
        MenuEntry(
            "Scenario",
            Open(Scenarios()),
            detail=f"{counted(count, 'summit')} to choose from",
        ),
        MenuEntry(
            "Hot-seat",
            Open(NewGameForm(hotseat=True)),
            detail="Two players, one for each delegation",
        ),
        MenuEntry("Settings", Open(Preferences()), detail=SETTINGS_DETAIL),
        MenuEntry("How to play", Open(HowToPlay()), detail="The rules in plain words"),
        MenuEntry("Quit", Open(confirm_quit()), detail="Close the game"),
    )


def continue_entry(store: SaveStore) -> MenuEntry:
    """Continue: the latest autosave, described; unavailable with the reason when none."""
    if not store.has_autosave():
        return MenuEntry("Continue", reason="No autosave yet")
    info = store.inspect(store.autosave_path)
    if not info.is_ok:
        info = store.inspect(store.backup_path)
    if info.is_ok:
        # Inspecting the save has just replayed it, so the engine is loaded already.
        from game.engine.describe import capitalise

        when = describe_time(info.saved_at, store.clock())
        where = f"finished: {info.ending}" if info.finished else info.round_label
        trust = f" \u00b7 trust {info.trust}" if info.trust is not None else ""
        seat = " \u00b7 hot-seat" if info.hotseat else ""
        detail = f"{capitalise(where)}{trust}{seat} \u00b7 {when}"
        if info.updated:
            detail += " \u00b7 scenario updated"
    else:
        detail = "The autosave cannot be continued: see why"
    return MenuEntry("Continue", Apply(ContinueGame()), detail=detail)


def pause_entries() -> tuple[MenuEntry, ...]:
    """Esc on the table: resume, save, load, settings, help, the title, or quit."""
    return (
        MenuEntry("Resume", Pop(), detail="Back to the table"),
        MenuEntry(
            "Save game",
            Chain((Pop(), Open(Saves(saving=True)))),
            detail="Keep this game under a name",
        ),
        # Over the menu, so that Esc comes back to it, as from Settings (a play-tester's
        # Esc went to the table); loading a game replaces the whole stack anyway.
        MenuEntry("Load game", Open(Saves(saving=False)), detail="Open a saved game"),
        MenuEntry("Settings", Open(Preferences()), detail=SETTINGS_DETAIL),
        MenuEntry("How to play", Open(HowToPlay()), detail="The rules in plain words"),
        MenuEntry("Main menu", Apply(ToTitle()), detail="This game is autosaved"),
        MenuEntry("Quit", Open(confirm_quit()), detail="Close the game"),
    )
