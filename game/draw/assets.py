"""Find asset files in the package and load fonts and sounds, once, after pygame is up."""

from __future__ import annotations

import enum
import functools
import io
import math
import os
import re
import sys
from array import array
from collections import OrderedDict
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final, TypeAlias

import attrs
import pygame

from game.draw.theme import Colour, Face
from game.escapes import printable
from game.store.files import package_files

TEXT_CACHE_SIZE: Final = 2048
"""Rendered strings kept; enough for every label of the busiest screen several times over."""


@functools.cache
def asset_root() -> Traversable:
    """The assets directory: ``game/_data/assets`` in a wheel, ``assets/`` in a source checkout."""
    try:
        packaged = package_files() / "_data" / "assets"
        if packaged.is_dir():
            return packaged
    except (ModuleNotFoundError, OSError):
        pass
    return Path(__file__).resolve().parents[2] / "assets"


def asset(relative: str) -> Traversable:
    """One asset by its path below the assets directory, e.g. ``"fonts/Inter-Regular.otf"``."""
    node = asset_root()
    for part in relative.split("/"):
        node = node / part
    return node


class Align(enum.IntEnum):
    """Horizontal alignment of wrapped lines."""

    LEFT = pygame.FONT_LEFT
    CENTER = pygame.FONT_CENTER
    RIGHT = pygame.FONT_RIGHT


_TextKey: TypeAlias = tuple[Face, int, str, Colour, int, int, Align, int]
"""A rendered text by what sets it: face, pixels, text, colour, wrap, line pitch, alignment and
tracking. A tuple, hashed and compared in C: looked up for every label every frame, an attrs
key's hash and equality took a tenth of the summit table's frame."""


_HANGUL: Final = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff]")
"""A Hangul letter or syllable: no face but Summit Hangul draws one (the others draw boxes)."""


def face_for(face: Face, text: str) -> Face:
    """The face that sets ``text``: ``face``, or Summit Hangul for a text with any Hangul in it,
    whole, so that a line keeps one face."""
    return Face.HANGUL if _HANGUL.search(text) else face


class FontBook:
    """Fonts by face and pixel size, and an LRU cache of rendered strings."""

    def __init__(self) -> None:
        self._fonts: dict[tuple[Face, int], pygame.font.Font] = {}
        self._texts: OrderedDict[_TextKey, pygame.Surface] = OrderedDict()
        self._widths: dict[tuple[Face, int, str], int] = {}
        # Fonts read from a zipped package keep reading from their buffer, so it must outlive them.
        self._buffers: list[io.BytesIO] = []
        self._missing: set[Face] = set()

    def font(self, face: Face, px: int) -> pygame.font.Font:
        """The font for ``face`` at ``px`` pixels, loading it the first time."""
        key = (face, px)
        cached = self._fonts.get(key)
        if cached is None:
            cached = self._load(face, px)
            self._fonts[key] = cached
        return cached

    def width(self, face: Face, px: int, text: str) -> int:
        """Width of ``text`` set on one line in ``face`` at ``px`` pixels, as :meth:`render`
        draws it (escaped); remembered, as layouts measure the same words every frame."""
        key = (face, px, text)
        known = self._widths.get(key)
        if known is None:
            if len(self._widths) >= TEXT_CACHE_SIZE:
                self._widths.clear()
            font = self.font(face_for(face, text), px)
            known = font.size(printable(text, keep_newlines=True))[0]
            self._widths[key] = known
        return known

    def render(
        self,
        face: Face,
        px: int,
        text: str,
        colour: Colour,
        *,
        wrap: int = 0,
        line_px: int = 0,
        align: Align = Align.LEFT,
        tracking: int = 0,
    ) -> pygame.Surface:
        """``text`` rendered antialiased on a transparent surface, wrapped at ``wrap`` pixels."""
        key: _TextKey = (face, px, text, colour, wrap, line_px, align, tracking)
        surface = self._texts.get(key)
        if surface is not None:
            self._texts.move_to_end(key)
            return surface
        # Looked for only on a miss: every label is drawn every frame, from the cache.
        font = self.font(face_for(face, text), px)
        # Escaped as the terminal prints it (a right-to-left override was dropped), lines kept.
        text = printable(text, keep_newlines=True)
        if tracking and not wrap:
            surface = _render_tracked(font, text, colour, tracking)
        else:
            # Line pitch and alignment are per-font state; set both on every render because the
            # same Font object serves every role that shares its face and size.
            font.set_linesize(line_px or font.get_linesize())
            font.align = int(align)
            try:
                surface = font.render(text, True, colour, None, wrap)
            except pygame.error:
                # Nothing but zero-width characters (a joiner, a variation selector: a name or
                # a scenario's title may hold them) is no text SDL will draw: draw none.
                surface = font.render("", True, colour, None, wrap)
        self._texts[key] = surface
        if len(self._texts) > TEXT_CACHE_SIZE:
            self._texts.popitem(last=False)
        return surface

    def _load(self, face: Face, px: int) -> pygame.font.Font:
        if not pygame.font.get_init():
            pygame.font.init()
        node = asset(face.value)
        try:
            if isinstance(node, Path):
                return pygame.font.Font(node, px)
            buffer = io.BytesIO(node.read_bytes())
            self._buffers.append(buffer)
            return pygame.font.Font(buffer, px)
        except (OSError, pygame.error) as exc:
            if face not in self._missing:
                self._missing.add(face)
                import logging  # only for a line to log: a window that opens well logs none

                logging.getLogger(__name__).warning(
                    "assets: cannot load font %s (%s); using pygame's default", face.value, exc
                )
            return pygame.font.Font(None, px)


def _render_tracked(
    font: pygame.font.Font, text: str, colour: Colour, tracking: int
) -> pygame.Surface:
    # A zero-width character (a joiner in a Persian name, an emoji's variation selector)
    # takes no room, and SDL refuses to draw it alone.
    glyphs = [font.render(char, True, colour) for char in text if font.size(char)[0]]
    width = sum(glyph.get_width() for glyph in glyphs) + tracking * max(len(glyphs) - 1, 0)
    surface = pygame.Surface((max(width, 1), font.get_height()), pygame.SRCALPHA)
    x = 0
    for glyph in glyphs:
        surface.blit(glyph, (x, 0))
        x += glyph.get_width() + tracking
    return surface


# --- Sound -------------------------------------------------------------------------------------


class Cue(enum.Enum):
    """An interface sound."""

    MOVE = "move"
    SELECT = "select"
    DENIED = "denied"
    PAGE = "page"
    ALERT = "alert"


@attrs.frozen
class Chime:
    partials: tuple[tuple[float, float], ...]
    """(frequency in Hz, relative amplitude) pairs."""
    seconds: float
    attack: float = 0.004
    volume: float = 0.25


# Soft, short and low in the mix: these confirm an input, they are not music.
CHIMES: Final = {
    Cue.MOVE: Chime(((1400.0, 1.0),), 0.025, volume=0.08),
    Cue.SELECT: Chime(((660.0, 1.0), (990.0, 0.5)), 0.16, volume=0.16),
    Cue.DENIED: Chime(((196.0, 1.0), (233.0, 0.6)), 0.14, volume=0.18),
    Cue.PAGE: Chime(((880.0, 0.7), (1320.0, 0.3)), 0.06, volume=0.08),
    Cue.ALERT: Chime(((523.0, 1.0), (784.0, 0.7), (1046.0, 0.4)), 0.45, volume=0.18),
}


@functools.cache
def synthesise(tone: Chime, rate: int, channels: int) -> bytes:
    """Signed 16-bit little-endian PCM for ``tone``: summed sines under an attack/decay envelope."""
    count = max(int(tone.seconds * rate), 1)
    total = sum(amplitude for _, amplitude in tone.partials) or 1.0
    peak = 32767 * tone.volume / total
    attack = max(int(tone.attack * rate), 1)
    decay = 5.0 / tone.seconds
    samples = array("h")
    for index in range(count):
        t = index / rate
        envelope = min(index / attack, 1.0) * math.exp(-decay * t)
        value = sum(a * math.sin(2 * math.pi * f * t) for f, a in tone.partials)
        sample = int(peak * envelope * value)
        samples.extend([sample] * channels)
    if samples.itemsize != 2:  # pragma: no cover - 'h' is 16 bits on every platform pygame runs on
        raise RuntimeError("array('h') is not 16-bit here")
    return samples.tobytes()


SOUND_SERVERS: Final = "pipewire,pulseaudio"
"""SDL's audio drivers that talk to a sound server rather than to a sound card."""


def has_sound_card(devices: Path = Path("/dev/snd")) -> bool:
    """True when Linux lists a playback device (a ``pcmC*D*p`` node) under ``devices``."""
    try:
        return any(devices.glob("pcmC*p"))
    except OSError:
        return False


def quiet_audio_driver() -> None:
    """On Linux with no sound card, keep SDL away from ALSA before the mixer starts.

    ALSA's library prints its failure to find a card straight to the terminal, eight lines
    of ``ALSA lib ... cannot find card '0'`` that look like errors to a teacher although the
    game then runs silent as it should. A sound server may still reach a device elsewhere,
    so those are tried; without one the mixer fails quietly. A driver chosen in
    ``SDL_AUDIODRIVER`` is left alone.
    """
    if os.environ.get("SDL_AUDIODRIVER") or not sys.platform.startswith("linux"):
        return
    if not has_sound_card():
        os.environ["SDL_AUDIODRIVER"] = SOUND_SERVERS


class SoundBank:
    """Interface sounds, synthesised on first use; silent when disabled or without audio."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self._sounds: dict[Cue, pygame.mixer.Sound] = {}
        self._unavailable = False

    @property
    def is_available(self) -> bool:
        """False once the mixer has failed to start; the game then stays silent."""
        return not self._unavailable

    def probe(self) -> bool:
        """Start the mixer if it is not started (whether sound is on or not) and say whether
        there is an audio device: the settings screen says so when there is none."""
        return self._ensure_mixer()

    def play(self, cue: Cue) -> None:
        """Play ``cue`` if sound is on and an audio device exists; never raises."""
        if not self.enabled or not self._ensure_mixer():
            return
        try:
            sound = self._sounds.get(cue)
            if sound is None:
                sound = self._make(cue)
                self._sounds[cue] = sound
            sound.play()
        except pygame.error as exc:
            self._give_up(f"cannot play a sound ({exc})")

    def _ensure_mixer(self) -> bool:
        if self._unavailable:
            return False
        if pygame.mixer.get_init() is not None:
            return True
        quiet_audio_driver()
        try:
            pygame.mixer.init(frequency=44100, size=-16, channels=2, buffer=512)
        except pygame.error as exc:
            self._give_up(f"no audio device ({exc})")
            return False
        return pygame.mixer.get_init() is not None

    def _make(self, cue: Cue) -> pygame.mixer.Sound:
        init = pygame.mixer.get_init()
        if init is None:
            raise pygame.error("mixer closed")
        rate, sample_format, channels = init
        if sample_format != -16:
            raise pygame.error(f"mixer format {sample_format} is not signed 16-bit")
        return pygame.mixer.Sound(buffer=synthesise(CHIMES[cue], rate, channels))

    def _give_up(self, why: str) -> None:
        self._unavailable = True
        import logging

        logging.getLogger(__name__).info("sound: %s; the game will run silently", why)
