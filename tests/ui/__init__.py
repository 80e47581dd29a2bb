"""Tests of the pygame front end; they run headless."""

GAME_SCREENS = (
    "new-game",
    "hotseat-new",
    "briefing",
    "summit-start",
    "summit",
    "summit-proposal",
    "hints",
    "variant",
    "proposal",
    "counter",
    "event",
    "hotseat",
    "tabling",
    "hand-over",
    "menu",
    "save",
    "load",
    "scenario",
    "title",
)
"""The screenshots (game.ui.shots) of a game's screens, from setting one up to pausing it."""
