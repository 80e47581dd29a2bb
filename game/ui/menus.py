"""The entries of the title menu and of the pause menu, as data (the flow builds the screens)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from game.store.save_folder import SaveFolder, SaveKind
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
from game.words import counted

SETTINGS_DETAIL: Final = "Text, colours, motion, sound, hints"
"""What Settings holds, as the title menu and the pause menu both say it."""


def title_entries(store: SaveFolder) -> tuple[MenuEntry, ...]:
    """The title screen's main menu, each entry saying what it holds or why it is closed (the
    saves are counted by name: only an autosave is read, for Continue)."""
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


def continue_entry(store: SaveFolder) -> MenuEntry:
    """Continue: the latest autosave, described; unavailable with the reason when none. The
    autosave is read through ``store`` when it is a whole :class:`SaveStore`, which keeps what
    it read for Continue."""
    if not store.has_autosave():
        return MenuEntry("Continue", reason="No autosave yet")
    from game.store.saves import SaveStore, describe_time

    if not isinstance(store, SaveStore):
        store = SaveStore(store.root)
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


def saves_detail(counts: Mapping[SaveKind, int]) -> str:
    """What Load lists, in the words its list uses: the named saves counted, the autosave and
    the one before it named, so that the two autosaves are not taken for saves of one's own.

    >>> saves_detail({SaveKind.AUTOSAVE: 1, SaveKind.BACKUP: 1})
    'The autosave and the previous one'
    >>> saves_detail({SaveKind.SLOT: 2, SaveKind.AUTOSAVE: 1})
    '2 named saves and the autosave'
    >>> saves_detail({SaveKind.SLOT: 1, SaveKind.AUTOSAVE: 1, SaveKind.BACKUP: 1})
    '1 named save and 2 autosaves'
    >>> saves_detail({SaveKind.BACKUP: 1}), saves_detail({SaveKind.SLOT: 3}), saves_detail({})
    ('The previous autosave', '3 named saves', '')
    """
    named = counts.get(SaveKind.SLOT, 0)
    latest, previous = counts.get(SaveKind.AUTOSAVE, 0), counts.get(SaveKind.BACKUP, 0)
    autosaves = {
        (True, True): "the autosave and the previous one" if not named else "2 autosaves",
        (True, False): "the autosave",
        (False, True): "the previous autosave",
        (False, False): "",
    }[(latest > 0, previous > 0)]
    text = " and ".join(filter(None, (counted(named, "named save") if named else "", autosaves)))
    return text[:1].upper() + text[1:]


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
