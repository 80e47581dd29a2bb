"""The controls and panels screens are built from, one kind to a module (import from the module:
loading only what a screen needs keeps the title screen quick to open)."""
