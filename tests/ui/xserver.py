"""A real X server for the window tests: what it shows (read back through libX11), real key
presses and clicks (xdotool, through the XTest extension), and whether there is one at all.

The window tests run in a second pass of the UI tests, under ``xvfb-run`` with SDL's x11
driver and ``HANOI_REAL_WINDOW=1`` (``.ci/run`` does this). Anywhere else they skip, saying
why; with ``HANOI_REAL_WINDOW=1`` a missing X server or xdotool fails them instead, so CI
cannot skip them by accident.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import time
from typing import Final

import pygame
import pytest

REAL_WINDOW: Final = "HANOI_REAL_WINDOW"
"""Set to 1 for the pass that runs under a real X server (and must not skip)."""


def require_x_server() -> None:
    """Skip the test unless this is the real-window pass; fail it if that pass lacks what it
    needs."""
    if os.environ.get(REAL_WINDOW) != "1":
        pytest.skip(
            "needs a real X server: .ci/run runs these under xvfb-run with "
            f"SDL_VIDEODRIVER=x11 and {REAL_WINDOW}=1"
        )
    problems = []
    if not os.environ.get("DISPLAY"):
        problems.append("DISPLAY is not set")
    if os.environ.get("SDL_VIDEODRIVER") != "x11":
        problems.append("SDL_VIDEODRIVER is not x11")
    if shutil.which("xdotool") is None:
        problems.append("xdotool is not installed")
    if _xlib() is None:
        problems.append("libX11 cannot be loaded")
    if problems:
        pytest.fail(f"{REAL_WINDOW}=1 but {'; '.join(problems)}")


# --- libX11 --------------------------------------------------------------------------------------


def _ints(*names: str) -> tuple[tuple[str, type[ctypes.c_int]], ...]:
    """Fields of C type ``int``, the most of every Xlib struct read here, in the struct's order."""
    return tuple((name, ctypes.c_int) for name in names)


class _XImage(ctypes.Structure):
    _fields_ = (
        *_ints("width", "height", "xoffset", "format"),
        ("data", ctypes.POINTER(ctypes.c_ubyte)),
        *_ints("byte_order", "bitmap_unit", "bitmap_bit_order", "bitmap_pad", "depth"),
        *_ints("bytes_per_line", "bits_per_pixel"),
        ("red_mask", ctypes.c_ulong),
        ("green_mask", ctypes.c_ulong),
        ("blue_mask", ctypes.c_ulong),
    )


class _XClassHint(ctypes.Structure):
    _fields_ = (("res_name", ctypes.c_char_p), ("res_class", ctypes.c_char_p))


class _XWindowAttributes(ctypes.Structure):
    _fields_ = (
        *_ints("x", "y", "width", "height", "border_width", "depth"),
        ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong),
        ("padding", ctypes.c_byte * 256),
    )


_ZPIXMAP: Final = 2
_ALL_PLANES: Final = 0xFFFFFFFF


def _xlib() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("X11")
    if name is None:
        return None
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = (ctypes.c_char_p,)
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = (ctypes.c_void_p,)
    lib.XGetImage.restype = ctypes.POINTER(_XImage)
    lib.XGetImage.argtypes = (
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_uint,
        ctypes.c_ulong,
        ctypes.c_int,
    )
    lib.XGetWindowAttributes.argtypes = (
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.POINTER(_XWindowAttributes),
    )
    lib.XTranslateCoordinates.argtypes = (
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_ulong),
    )
    lib.XGetClassHint.argtypes = (ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_XClassHint))
    lib.XFree.argtypes = (ctypes.c_void_p,)
    lib.XCloseDisplay.argtypes = (ctypes.c_void_p,)
    lib.XSync.argtypes = (ctypes.c_void_p, ctypes.c_int)
    return lib


class XServer:
    """A connection of our own to the X server, to read back what it shows."""

    def __init__(self) -> None:
        lib = _xlib()
        if lib is None:
            raise RuntimeError("libX11 cannot be loaded")
        self.lib = lib
        self.display = lib.XOpenDisplay(None)
        if not self.display:
            raise RuntimeError(f"cannot open display {os.environ.get('DISPLAY')!r}")

    def close(self) -> None:
        self.lib.XCloseDisplay(self.display)

    @property
    def root(self) -> int:
        return int(self.lib.XDefaultRootWindow(self.display))

    def geometry(self, window: int) -> pygame.Rect:
        """Where ``window`` is on the screen, and its size."""
        attributes = _XWindowAttributes()
        self.lib.XGetWindowAttributes(self.display, window, ctypes.byref(attributes))
        x, y, child = ctypes.c_int(), ctypes.c_int(), ctypes.c_ulong()
        self.lib.XTranslateCoordinates(
            self.display,
            window,
            self.root,
            0,
            0,
            ctypes.byref(x),
            ctypes.byref(y),
            ctypes.byref(child),
        )
        return pygame.Rect(x.value, y.value, attributes.width, attributes.height)

    def capture(self, window: int | None = None) -> pygame.Surface:
        """What the server shows of ``window`` (the whole screen when None)."""
        target = self.root if window is None else window
        self.lib.XSync(self.display, 0)
        size = self.geometry(target).size
        image = self.lib.XGetImage(
            self.display, target, 0, 0, size[0], size[1], _ALL_PLANES, _ZPIXMAP
        )
        if not image:
            raise RuntimeError("XGetImage failed")
        try:
            shown = image.contents
            if shown.bits_per_pixel != 32:
                raise RuntimeError(f"{shown.bits_per_pixel}-bit screens are not read here")
            raw = ctypes.string_at(shown.data, shown.bytes_per_line * shown.height)
            rows = b"".join(
                raw[y * shown.bytes_per_line : y * shown.bytes_per_line + 4 * shown.width]
                for y in range(shown.height)
            )
            return pygame.image.frombuffer(rows, (shown.width, shown.height), "BGRA").copy()
        finally:
            self.lib.XFree(ctypes.cast(image.contents.data, ctypes.c_void_p))
            self.lib.XFree(ctypes.cast(image, ctypes.c_void_p))

    def window_class(self, window: int) -> tuple[str, str]:
        """The window's WM_CLASS: (name, class)."""
        hint = _XClassHint()
        self.lib.XGetClassHint(self.display, window, ctypes.byref(hint))
        name = (hint.res_name or b"").decode()
        kind = (hint.res_class or b"").decode()
        return name, kind


# --- xdotool -------------------------------------------------------------------------------------

_KEY_NAMES: Final = {
    pygame.K_RETURN: "Return",
    pygame.K_ESCAPE: "Escape",
    pygame.K_TAB: "Tab",
    pygame.K_BACKSPACE: "BackSpace",
    pygame.K_F11: "F11",
    pygame.K_SPACE: "space",
}


def key_name(key: int) -> str:
    """The X keysym name xdotool knows a pygame key by."""
    return _KEY_NAMES.get(key, pygame.key.name(key))


def xdotool(*args: str) -> None:
    """Run xdotool (real input, through XTest) and wait for it."""
    subprocess.run(["xdotool", *args], check=True, timeout=30, capture_output=True)


def focus_window(window: int) -> None:
    """Give ``window`` the keyboard (a bare X server has no window manager to do it)."""
    xdotool("windowfocus", "--sync", str(window))


def press(*names: str) -> None:
    """Press and release each key, as a person would."""
    for name in names:
        xdotool("key", "--delay", "30", name)


def click(pos: tuple[int, int]) -> None:
    """Move the pointer to ``pos`` (on the screen) and click."""
    xdotool("mousemove", "--sync", str(pos[0]), str(pos[1]), "click", "1")


def settle(seconds: float = 0.15) -> None:
    """Give the server and SDL a moment."""
    time.sleep(seconds)
