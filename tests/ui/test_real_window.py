"""The game in a real window, under a real X server (issue 9): real key presses and clicks
(xdotool), and what the server shows read back and compared with the off-screen render.

Run by ``.ci/run`` in a second pass under ``xvfb-run`` with SDL's x11 driver; skipped (with
the reason) anywhere else. Screenshots go to ``$HANOI_WINDOW_SHOTS`` when it is set.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from game.draw import theme
from game.draw.context import UiContext
from game.engine import Scenario
from game.store.scenarios import load_scenario
from game.store.settings import AnimationSpeed, Settings
from game.ui.app import App
from game.ui.autoplay import Autoplayer
from game.ui.flow import Flow
from game.ui.screen import Screen
from game.ui.screens.outcome import OutcomeScreen
from game.ui.screens.settings_screen import SettingsScreen
from game.ui.screens.summit import SummitScreen
from game.ui.shots import mid_game, render_screens, sample_session
from game.ui.testing import golden_difference
from game.ui.window import WINDOW_CLASS, Viewport, WindowDisplay, as_window_shows
from tests.ui import xserver
from tests.ui.test_key_leaks import FIELD_CASES, FieldCase

SCREEN: tuple[int, int] = (2560, 1440)
"""The X screen these tests expect (xvfb-run -s "-screen 0 2560x1440x24")."""


@pytest.fixture
def x_server() -> Iterator[xserver.XServer]:
    xserver.require_x_server()
    server = xserver.XServer()
    yield server
    server.close()
    pygame.display.quit()  # every test opens a window of its own


def _shots_dir(tmp_path: Path) -> Path:
    chosen = os.environ.get("HANOI_WINDOW_SHOTS")
    folder = Path(chosen) if chosen else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _window_app(ctx: UiContext, flow: Flow, first: Screen, size: tuple[int, int]) -> App:
    """The real app (window, SDL's events, the wall clock) on ``first``, its window open, the
    pointer out of the way in the screen's corner (focus follows a pointer over a control)."""
    xserver.xdotool("mousemove", "--sync", "0", "0")
    app = App(ctx, first, display=WindowDisplay(size=size), router=flow, persist_settings=False)
    app.running = True
    _ = app.surface  # opens the window, as the loop does first
    for _ in range(5):
        _step(app)
    xserver.focus_window(_window_id())
    return app


def _step(app: App) -> None:
    """One turn of the loop that does not sit idle waiting for input (it draws a frame)."""
    app.dirty = True
    app.step()


def _window_id() -> int:
    return int(pygame.display.get_wm_info()["window"])


def _run_until(app: App, done: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _step(app)
        if done():
            return
    raise AssertionError(f"not done after {seconds} s; on top: {type(app.top).__name__}")


def _state_of(flow: Flow) -> object:
    return flow.session.state.hash if flow.session is not None else None


def _press_and_wait(app: App, flow: Flow, name: str) -> None:
    """Press a key for real and run the loop until it has changed the screens or the game."""
    before = (list(app.stack), _state_of(flow))
    xserver.press(name)
    _run_until(app, lambda: (list(app.stack), _state_of(flow)) != before, 5.0)


# --- A whole game --------------------------------------------------------------------------------


def test_a_whole_game_in_the_window_ends_on_the_outcome_that_shots_draws(
    x_server: xserver.XServer, tmp_path: Path
) -> None:
    # Bug 1: with Animation at Normal the settled outcome showed black bars for its text.
    ctx = UiContext(Settings(animation_speed=AnimationSpeed.NORMAL, sound=False))
    flow = Flow(ctx, seed=7)
    app = _window_app(ctx, flow, flow.watch("essay"), theme.LOGICAL_SIZE)
    player = Autoplayer("essay", 7)
    deadline = time.monotonic() + 240
    keys = 0
    while time.monotonic() < deadline:
        if not app.settled:
            app.step()
            continue
        top = app.top
        if isinstance(top, OutcomeScreen) and top.progress >= 1.0:
            break
        assert flow.session is not None
        key = player.key(top, flow.session.state)
        if key is None:
            _step(app)
            continue
        _press_and_wait(app, flow, xserver.key_name(key))
        keys += 1
    outcome = app.top
    assert isinstance(outcome, OutcomeScreen), f"the game did not end: {type(outcome).__name__}"
    for _ in range(3):
        _step(app)
    xserver.settle()
    shown = x_server.capture(_window_id())
    pygame.image.save(shown, str(_shots_dir(tmp_path) / "outcome-in-window.png"))
    assert flow.session is not None
    expected = render_screens([OutcomeScreen(UiContext(Settings()), flow.session.state)])
    mean, share = golden_difference(shown, expected)
    assert mean < 1.5, f"{keys} keys; the window's outcome differs from shots: mean {mean:.2f}"
    assert share < 0.01, f"the window's outcome differs from shots: {share:.1%} of pixels"


# --- Sizes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (2560, 1440)])
def test_the_whole_table_shows_in_any_window(
    x_server: xserver.XServer, tmp_path: Path, size: tuple[int, int]
) -> None:
    # Bug 3: below 1280x720 the window was cropped; larger, it stayed 1:1 in black borders.
    ctx = UiContext(Settings(sound=False, hints=False))
    flow = Flow(ctx, seed=7)
    flow.session = sample_session(flow_scenario(), 7, mid_game)
    app = _window_app(ctx, flow, flow.summit(), size)
    xserver.settle()
    _step(app)
    shown = x_server.capture(_window_id())
    pygame.image.save(shown, str(_shots_dir(tmp_path) / f"table-{size[0]}x{size[1]}.png"))
    assert shown.get_size() == size
    table = flow.summit()
    expected = as_window_shows(render_screens([table]), size)
    mean, share = golden_difference(shown, expected, step=3)
    assert mean < 2.0, f"{size}: mean difference {mean:.2f}"
    assert share < 0.02, f"{size}: {share:.1%} of pixels differ"
    viewport = Viewport.fit(size)
    paper = UiContext(Settings()).palette.paper
    # The picture's four corners are in the window: nothing of the table is cut off.
    for corner in (
        viewport.rect.topleft,
        (viewport.rect.right - 1, viewport.rect.top),
        (viewport.rect.left, viewport.rect.bottom - 1),
        (viewport.rect.right - 1, viewport.rect.bottom - 1),
    ):
        assert _near(shown.get_at(corner), paper), corner


def flow_scenario() -> Scenario:
    return load_scenario("hanoi")


def _near(colour: pygame.Color, expected: tuple[int, int, int], tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour[:3], expected, strict=True))


def test_the_mouse_maps_through_the_scaling(x_server: xserver.XServer) -> None:
    ctx = UiContext(Settings(sound=False))
    flow = Flow(ctx)
    title = flow.title()
    app = _window_app(ctx, flow, title, (1024, 600))
    display = app.display
    assert isinstance(display, WindowDisplay)
    item = next(i for i in title.items if i.label == "Settings")
    where = display.viewport.to_window(item.rect.center)
    origin = x_server.geometry(_window_id()).topleft
    xserver.click((origin[0] + where[0], origin[1] + where[1]))
    _run_until(app, lambda: isinstance(app.top, SettingsScreen))


# --- Full screen, the window's name --------------------------------------------------------------


def test_full_screen_on_a_bare_x_server_fills_the_screen_from_its_corner(
    x_server: xserver.XServer, tmp_path: Path
) -> None:
    # Bug 16: F11 without a window manager moved the picture up and cut its top off.
    ctx = UiContext(Settings(sound=False))
    flow = Flow(ctx)
    app = _window_app(ctx, flow, flow.title(), (1280, 720))
    windowed = x_server.geometry(_window_id())
    assert windowed.topleft != (0, 0)
    xserver.press("F11")
    _run_until(app, lambda: ctx.settings.fullscreen)
    for _ in range(20):
        _step(app)
        xserver.settle(0.05)
    screen = x_server.capture()
    pygame.image.save(screen, str(_shots_dir(tmp_path) / "full-screen.png"))
    assert x_server.geometry(_window_id()).topleft == (0, 0)
    navy = UiContext(Settings()).palette.navy
    paper = UiContext(Settings()).palette.paper
    width, height = screen.get_size()
    assert _near(screen.get_at((4, 4)), navy), "the title's navy panel starts at the corner"
    assert _near(screen.get_at((width - 4, height - 4)), paper)
    xserver.press("F11")
    _run_until(app, lambda: not ctx.settings.fullscreen)
    for _ in range(10):
        _step(app)
        xserver.settle(0.05)
    assert x_server.geometry(_window_id()).size == windowed.size


def test_the_window_is_called_by_the_games_name(x_server: xserver.XServer) -> None:
    ctx = UiContext(Settings(sound=False))
    flow = Flow(ctx)
    _window_app(ctx, flow, flow.title(), (1280, 720))
    assert x_server.window_class(_window_id()) == (WINDOW_CLASS, WINDOW_CLASS)
    assert pygame.display.get_caption()[0] == theme.WINDOW_TITLE


# --- No key types itself into a field ------------------------------------------------------------


@pytest.mark.parametrize("case", FIELD_CASES, ids=lambda case: case.name)
def test_the_key_that_opens_a_field_types_nothing_into_it(
    x_server: xserver.XServer, case: FieldCase
) -> None:
    # Bug 2, with real key presses: SDL's TEXTINPUT follows the KEYDOWN that opened the screen.
    ctx = UiContext(Settings(sound=False))
    flow = Flow(ctx, seed=4)
    app = _window_app(ctx, flow, case.start(flow), (1280, 720))
    for name in case.keys:
        _press_and_wait(app, flow, name)
    for _ in range(10):
        _step(app)
        xserver.settle(0.02)
    assert app.top is not None
    field = case.field(app.top)
    assert field.focused
    assert field.text == ""
    xserver.press("k")
    _run_until(app, lambda: field.text == "k", 5.0)


def test_the_table_answers_a_waiting_proposal_by_its_letters(x_server: xserver.XServer) -> None:
    # Bug 9: after "See the table first" (once "Answer later"), A and R did nothing; only
    # Enter opened the proposal again.
    from game.ui.shots import tabled_pending

    ctx = UiContext(Settings(sound=False, hints=False))
    flow = Flow(ctx, seed=7)
    flow.session = sample_session(flow_scenario(), 7, tabled_pending)
    app = _window_app(ctx, flow, flow.summit(), (1280, 720))
    assert isinstance(app.top, SummitScreen)
    state = flow.session.state
    _press_and_wait(app, flow, "r")
    assert flow.session.state is not state
    assert flow.session.state.turns[-1].move.offer == "reject"
