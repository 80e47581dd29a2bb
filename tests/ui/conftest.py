"""Every window test runs headless: the drivers are forced, not merely defaulted."""

import os

# Both must be set before pygame initialises anything; the tests never open a real window or device.
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
