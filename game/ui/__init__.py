"""The pygame front end: window, screens, widgets and assets, layered over the pure engine."""

import os

# pygame-ce prints a banner on import; a game and its command line should stay quiet.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
