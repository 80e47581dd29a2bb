"""The window tests' drivers, set before pygame initialises anything.

Headless by default: SDL's dummy video driver, whatever the environment says, so no test opens
a window on a developer's screen. The real-window pass (``HANOI_REAL_WINDOW=1``, under
``xvfb-run``; ``.ci/run`` runs it) uses SDL's x11 driver instead. Audio is always the dummy.
"""

import os

os.environ["SDL_VIDEODRIVER"] = "x11" if os.environ.get("HANOI_REAL_WINDOW") == "1" else "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every string the game renders while the test runs, in order (the test may clear it)."""
    from game.draw import assets

    seen: list[str] = []
    render = assets.FontBook.render

    def watched(self: assets.FontBook, *args: Any, **kwargs: Any) -> Any:
        if isinstance(args[2], str):
            seen.append(args[2])
        return render(self, *args, **kwargs)

    monkeypatch.setattr(assets.FontBook, "render", watched)
    yield seen
