"""Drawing with pygame, below every screen: the theme (grid, colours, type, timing), fonts and
sounds, the drawing context, and charts. Shared by the window and the class report's charts;
it knows nothing of screens or of the game in play."""

import os

# pygame-ce prints a banner on import; a game and its command line should stay quiet.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
