"""The real window: the game draws at its design size, and the picture is scaled to whatever
size the window has, its aspect kept, with bars on the two sides (or above and below) that it
does not fill.

The scaling is done here rather than by SDL's ``SCALED`` mode, which under X keeps to whole
multiples (a larger window showed the picture 1:1 inside black borders) and could not shrink the
picture below 1280x720 (a smaller screen cropped it). Whole multiples are still used when the
window is close to one, because they keep text as crisp as it was drawn; between them the
picture is resampled smoothly. The mouse is mapped back through the same :class:`Viewport`.
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
from collections.abc import Iterator
from typing import Final

import attrs
import pygame

from game.draw import theme
from game.escapes import printable

WINDOW_CLASS: Final = "hanoi-summit"
"""What window managers and taskbars know the window by (X11's WM_CLASS, Wayland's app id)."""
SNAP: Final = 0.1
"""A window up to this much larger than a whole multiple of the design size shows that multiple
(crisp, with a slightly wider border) rather than a resampled picture."""
DESKTOP_ROOM: Final = (0, 72)
"""Room left on the desktop around a new window: its title bar and a taskbar."""
MINIMUM_WIDTH: Final = 640
"""The narrowest window the game opens (a smaller desktop gets it anyway, to scroll or zoom)."""
LETTERBOX: Final = theme.STANDARD_PALETTE.navy_deep
"""The bars around the picture when the window's shape is not the picture's."""


@attrs.frozen
class Viewport:
    """Where the logical picture sits in a window: how much it is scaled, and its place."""

    scale: float
    rect: pygame.Rect = attrs.field(eq=False)
    """The scaled picture's place in the window."""
    window: tuple[int, int]
    logical: tuple[int, int] = theme.LOGICAL_SIZE

    @classmethod
    def fit(
        cls, window: tuple[int, int], logical: tuple[int, int] = theme.LOGICAL_SIZE
    ) -> Viewport:
        """The largest picture that fits ``window`` with its aspect kept, centred; a whole
        multiple when the window is within :data:`SNAP` of one."""
        width, height = max(window[0], 1), max(window[1], 1)
        scale = min(width / logical[0], height / logical[1])
        whole = math.floor(scale)
        if whole >= 1 and scale - whole <= SNAP:
            scale = float(whole)
        size = (max(1, round(logical[0] * scale)), max(1, round(logical[1] * scale)))
        rect = pygame.Rect((0, 0), size)
        rect.center = (width // 2, height // 2)
        return cls(scale, rect, (width, height), logical)

    @property
    def is_whole(self) -> bool:
        """True when every logical pixel becomes a whole square of window pixels."""
        return self.scale == int(self.scale)

    def to_logical(self, pos: tuple[float, float]) -> tuple[int, int]:
        """The logical point under window point ``pos`` (outside 0..size in the bars)."""
        sx, sy = self._scales()
        return (
            math.floor((pos[0] - self.rect.left) / sx),
            math.floor((pos[1] - self.rect.top) / sy),
        )

    def to_window(self, pos: tuple[float, float]) -> tuple[int, int]:
        """The window point over the middle of logical pixel ``pos``."""
        sx, sy = self._scales()
        return (
            math.floor(self.rect.left + (pos[0] + 0.5) * sx),
            math.floor(self.rect.top + (pos[1] + 0.5) * sy),
        )

    def _scales(self) -> tuple[float, float]:
        # The picture's size is rounded to whole pixels, so each axis has its own exact scale.
        return self.rect.width / self.logical[0], self.rect.height / self.logical[1]


def scale_picture(
    picture: pygame.Surface, viewport: Viewport, into: pygame.Surface | None = None
) -> pygame.Surface:
    """``picture`` scaled to the viewport's size (into ``into``, of that size, when given): a
    whole multiple pixel for pixel, which keeps text crisp; any other scale resampled smoothly."""
    scale = pygame.transform.scale if viewport.is_whole else pygame.transform.smoothscale
    if into is None:
        return scale(picture, viewport.rect.size)
    return scale(picture, viewport.rect.size, into)


def as_window_shows(picture: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    """``picture`` (the design size) as a window of ``size`` shows it: scaled into its
    viewport, with the bars around it."""
    viewport = Viewport.fit(size, picture.get_size())
    framed = pygame.Surface(size)
    framed.fill(LETTERBOX)
    framed.blit(picture if viewport.scale == 1 else scale_picture(picture, viewport), viewport.rect)
    return framed


def first_window_size(
    desktop: tuple[int, int] | None, logical: tuple[int, int] = theme.LOGICAL_SIZE
) -> tuple[int, int]:
    """The size a new window opens at on a desktop of ``desktop``: the largest whole multiple of
    the design size that leaves room for a title bar and a taskbar, or the design size shrunk to
    fit a smaller desktop."""
    if desktop is None or desktop[0] <= 0 or desktop[1] <= 0:
        return logical
    room = (desktop[0] - DESKTOP_ROOM[0], desktop[1] - DESKTOP_ROOM[1])
    scale = min(room[0] / logical[0], room[1] / logical[1])
    if scale >= 1:
        scale = math.floor(scale)
    scale = max(scale, MINIMUM_WIDTH / logical[0])
    return (round(logical[0] * scale), round(logical[1] * scale))


def name_the_window() -> None:
    """Tell SDL the game's name for the window's class, before the display starts.

    pygame sets the X11 class itself when imported, to the name of the script that started
    Python (``__main__.py`` for ``python -m game``), so it is overwritten here, not defaulted.
    """
    os.environ["SDL_VIDEO_X11_WMCLASS"] = WINDOW_CLASS
    os.environ["SDL_VIDEO_WAYLAND_WMCLASS"] = WINDOW_CLASS
    os.environ.setdefault("SDL_APP_NAME", theme.WINDOW_TITLE)


class NoDisplayError(RuntimeError):
    """There is no screen to open the game's window on."""


# SDL falls back to these when it finds no screen; asked for on purpose (tests, benchmarks,
# screenshots), they are fine, but a player would only see a game running invisibly.
_HEADLESS_DRIVERS: Final = ("offscreen", "dummy")


def require_display() -> None:
    """Start SDL's display, or raise :class:`NoDisplayError` when it found no screen; the
    game's line is then all that is said (SDL's own Wayland probe printed one before it)."""
    if os.environ.get("SDL_VIDEODRIVER") == "":
        # Unset to SDL, but pygame-ce reads an empty name as its old alias of "windows", and
        # fails with "windows not available".
        del os.environ["SDL_VIDEODRIVER"]
    try:
        with _wayland_probed_quietly():
            pygame.display.init()
    except pygame.error as error:
        # A driver named in SDL_VIDEODRIVER that cannot start ("x11 not available": no X
        # server at DISPLAY, a play-tester saw the traceback) is no screen either.
        chosen = os.environ.get("SDL_VIDEODRIVER", "")
        named = f"SDL_VIDEODRIVER={chosen}: " if chosen else ""
        raise NoDisplayError(
            f"no screen to open a window on ({printable(f'{named}{error}')}); "
            "play without one: python -m game play --headless"
        ) from None
    driver = pygame.display.get_driver()
    if driver in _HEADLESS_DRIVERS and not os.environ.get("SDL_VIDEODRIVER"):
        pygame.display.quit()
        raise NoDisplayError(
            f'no screen to open a window on (SDL could only offer its "{driver}" driver); '
            "play without one: python -m game play --headless"
        )


@contextlib.contextmanager
def _wayland_probed_quietly() -> Iterator[None]:
    """Where Wayland cannot be reached at all (no ``XDG_RUNTIME_DIR`` to find its socket in,
    nor a socket or path given), give its probe an empty private folder to look in for the
    probe's length: it finds nothing, as it would have, but does not print "error:
    XDG_RUNTIME_DIR is invalid or not set in the environment." (libwayland's own line, on
    standard error, before the game could say there is no screen). Other errors stay visible."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    shown = os.environ.get("WAYLAND_DISPLAY", "")
    if (
        not sys.platform.startswith("linux")
        or runtime.startswith("/")
        or shown.startswith("/")
        or "WAYLAND_SOCKET" in os.environ
    ):
        yield
        return
    import tempfile  # only here: nothing else at launch needs it

    with tempfile.TemporaryDirectory(prefix="hanoi-summit-") as empty:
        os.environ["XDG_RUNTIME_DIR"] = empty
        try:
            yield
        finally:
            if runtime:
                os.environ["XDG_RUNTIME_DIR"] = runtime
            else:
                del os.environ["XDG_RUNTIME_DIR"]


class WindowDisplay:
    """The real window, resizable; the game draws on a logical surface of the design size,
    which :meth:`present` scales into the window."""

    def __init__(
        self, title: str = theme.WINDOW_TITLE, size: tuple[int, int] | None = None
    ) -> None:
        self.title = title
        self.requested = size
        """The window size asked for (None: chosen from the desktop)."""
        self.viewport = Viewport.fit(theme.LOGICAL_SIZE)
        self._canvas: pygame.Surface | None = None
        self._scaled: pygame.Surface | None = None
        self._windowed = theme.LOGICAL_SIZE
        self._windowed_at: tuple[int, int] | None = None
        self._framed: tuple[int, int] | None = None

    def open(self, size: tuple[int, int], *, fullscreen: bool) -> pygame.Surface:
        name_the_window()
        pygame.display.init()
        pygame.display.set_caption(self.title)
        pygame.display.set_icon(window_icon())
        desktops = pygame.display.get_desktop_sizes()
        window = self.requested or first_window_size(desktops[0] if desktops else None, size)
        self._windowed = window
        pygame.display.set_mode(window, pygame.RESIZABLE)
        pygame.key.set_repeat(350, 40)
        self._canvas = pygame.Surface(size).convert()
        if fullscreen:
            self.set_fullscreen(True)
        return self._canvas

    def present(self) -> None:
        window = pygame.display.get_surface()
        canvas = self._canvas
        if window is None or canvas is None:
            return
        viewport = self.viewport
        if viewport.window != window.get_size():
            viewport = self.viewport = Viewport.fit(window.get_size(), canvas.get_size())
            self._scaled = None
            self._framed = None
        if self._framed != viewport.window:
            # The bars change only with the window; everything else is covered every frame.
            window.fill(LETTERBOX)
            self._framed = viewport.window
        if viewport.scale == 1:
            window.blit(canvas, viewport.rect)
        else:
            if self._scaled is None or self._scaled.get_size() != viewport.rect.size:
                self._scaled = pygame.Surface(viewport.rect.size).convert()
            window.blit(scale_picture(canvas, viewport, self._scaled), viewport.rect)
        pygame.display.flip()

    def to_logical(self, pos: tuple[int, int]) -> tuple[int, int]:
        return self.viewport.to_logical(pos)

    def expose(self) -> None:
        self._framed = None

    def set_fullscreen(self, fullscreen: bool) -> bool:
        if pygame.display.is_fullscreen() == fullscreen:
            return fullscreen
        try:
            if fullscreen:
                self._windowed = pygame.display.get_window_size()
                self._windowed_at = pygame.display.get_window_position()
                # Without a window manager (a bare X server) nothing moves a full-screen window
                # to the screen's corner: where the window stood, the picture was cut off.
                pygame.display.set_window_position((0, 0))
                pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            else:
                pygame.display.set_mode(self._windowed, pygame.RESIZABLE)
                if self._windowed_at is not None:
                    pygame.display.set_window_position(self._windowed_at)
        except pygame.error as exc:
            import logging  # only for a line to log: a window that opens well logs none

            logging.getLogger(__name__).warning("display: cannot switch full screen (%s)", exc)
        self._framed = None
        return pygame.display.is_fullscreen()


def window_icon() -> pygame.Surface:
    """A 32x32 icon drawn in code: a table seen from above on navy."""
    palette = theme.STANDARD_PALETTE
    icon = pygame.Surface((32, 32), pygame.SRCALPHA)
    pygame.draw.rect(icon, palette.navy, icon.get_rect(), border_radius=6)
    pygame.draw.rect(icon, palette.table, (6, 12, 20, 8), border_radius=3)
    for x in (9, 15, 21):
        pygame.draw.circle(icon, palette.on_navy_soft, (x + 1, 8), 2)
        pygame.draw.circle(icon, palette.on_navy_soft, (x + 1, 24), 2)
    return icon
