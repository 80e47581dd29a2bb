"""The window tests' drivers, set before pygame initialises anything.

Headless by default: SDL's dummy video driver, whatever the environment says, so no test opens
a window on a developer's screen. The real-window pass (``HANOI_REAL_WINDOW=1``, under
``xvfb-run``; ``.ci/run`` runs it) uses SDL's x11 driver instead. Audio is always the dummy.
"""

import os

os.environ["SDL_VIDEODRIVER"] = "x11" if os.environ.get("HANOI_REAL_WINDOW") == "1" else "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
