"""Tests of the pygame front end; they run headless."""

TABLE_DIALOGS = ("variant", "proposal", "counter", "event", "hotseat", "tabling", "hand-over")
"""The screenshots of the dialogs that open over the summit table."""

GAME_SCREENS = (
    "new-game",
    "hotseat-new",
    "briefing",
    "summit-start",
    "summit",
    "summit-proposal",
    "hints",
    *TABLE_DIALOGS,
    "menu",
    "save",
    "load",
    "scenario",
    "title",
)
"""The screenshots (game.ui.shots) of a game's screens, from setting one up to pausing it."""
