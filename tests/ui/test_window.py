"""The window's scaling: the picture fits any window with its aspect kept, whole multiples
when close to one, and the pointer maps back through it (issue 9, bug 3)."""

import pygame
import pytest

from game.draw.context import UiContext
from game.ui.app import App, ScriptedEvents
from game.ui.screen import Action
from game.ui.testing import FixedClock, click
from game.ui.window import Viewport, first_window_size


@pytest.mark.parametrize(
    ("window", "scale", "rect"),
    [
        ((1280, 720), 1.0, (0, 0, 1280, 720)),
        ((1280, 690), 690 / 720, (27, 0, 1227, 690)),
        ((1024, 600), 0.8, (0, 12, 1024, 576)),
        ((1366, 768), 1.0, (43, 24, 1280, 720)),
        ((1920, 1080), 1.5, (0, 0, 1920, 1080)),
        ((2560, 1440), 2.0, (0, 0, 2560, 1440)),
        ((2560, 1600), 2.0, (0, 80, 2560, 1440)),
        ((3840, 2160), 3.0, (0, 0, 3840, 2160)),
    ],
)
def test_the_picture_fits_the_window_with_its_aspect_kept(
    window: tuple[int, int], scale: float, rect: tuple[int, int, int, int]
) -> None:
    viewport = Viewport.fit(window)
    assert viewport.scale == pytest.approx(scale)
    assert tuple(viewport.rect) == rect
    assert pygame.Rect(0, 0, *window).contains(viewport.rect)


@pytest.mark.parametrize("window", [(1024, 600), (1280, 690), (1920, 1080), (2560, 1440)])
def test_the_pointer_maps_back_through_the_scaling(window: tuple[int, int]) -> None:
    viewport = Viewport.fit(window)
    # Shrunk, a window pixel covers more than one logical pixel: it maps to one of them.
    slack = 0 if viewport.scale >= 1 else 1
    for logical in [(0, 0), (640, 360), (1279, 719), (100, 650)]:
        x, y = viewport.to_logical(viewport.to_window(logical))
        assert abs(x - logical[0]) <= slack
        assert abs(y - logical[1]) <= slack


@pytest.mark.parametrize(
    ("desktop", "size"),
    [
        ((1920, 1080), (1280, 720)),
        ((1366, 768), (1237, 696)),
        ((1280, 720), (1152, 648)),
        ((1024, 600), (939, 528)),
        ((2560, 1440), (1280, 720)),
        ((3840, 2160), (2560, 1440)),
        (None, (1280, 720)),
    ],
)
def test_a_new_window_fits_the_desktop(
    desktop: tuple[int, int] | None, size: tuple[int, int]
) -> None:
    assert first_window_size(desktop) == size


class Pointer:
    """A screen that keeps every position it is given."""

    is_overlay = False

    def __init__(self) -> None:
        self.positions: list[tuple[int, int]] = []

    def on_event(self, event: pygame.event.Event) -> Action | None:
        if hasattr(event, "pos"):
            self.positions.append(tuple(event.pos))
        return None

    def update(self, dt: float) -> bool:
        return False

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((0, 0, 0))


class ScaledDisplay:
    """A display whose window is twice the logical size and offset, as a letterboxed one is."""

    def __init__(self) -> None:
        self.viewport = Viewport.fit((2560, 1600))
        self.surface = pygame.Surface((1280, 720))

    def open(self, size: tuple[int, int], *, fullscreen: bool) -> pygame.Surface:
        return self.surface

    def present(self) -> None:
        pass

    def set_fullscreen(self, fullscreen: bool) -> bool:
        return fullscreen

    def to_logical(self, pos: tuple[int, int]) -> tuple[int, int]:
        return self.viewport.to_logical(pos)

    def expose(self) -> None:
        pass


def test_the_app_hands_screens_logical_positions(ctx: UiContext) -> None:
    display = ScaledDisplay()
    probe = Pointer()
    where = display.viewport.to_window((300, 200))
    app = App(
        ctx,
        probe,
        display=display,
        events=ScriptedEvents([click(where)]),
        clock=FixedClock(),
        persist_settings=False,
    )
    app.run()
    assert probe.positions == [(300, 200)] * 3
