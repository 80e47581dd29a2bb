"""Screens that need no game: title, settings, text pages and dialogs."""
