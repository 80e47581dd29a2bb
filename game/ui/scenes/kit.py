"""What outcome pictures are made of: the design board and its timing, layers that move, fade,
wipe in or turn while a scene enters, and the painter and kit every picture draws with."""

from __future__ import annotations

import enum
import itertools
import math
from collections.abc import Sequence
from typing import Final

import attrs
import pygame

from game.draw.assets import Align, FontBook
from game.draw.blending import blit_faded
from game.draw.theme import Colour, Face, Palette
from game.ui import art

SCENE_WIDTH: Final = 628
"""Design width of every scene: the outcome screen's picture panel at 1280x720."""
SCENE_HEIGHT: Final = 720
SUPERSAMPLE: Final = 2
"""Layers are painted this many times larger and scaled down, which antialiases every edge."""
ENTRY_SECONDS: Final = 2.0
"""How long a scene takes to settle at normal animation speed."""
CACHE_SCENES: Final = 4
"""Built scenes kept in memory: enough for a screen and the one before it, not for all."""

Point = tuple[float, float]

# Illustration colours that carry no meaning, so they stay the same in every palette.
LAMP_LIGHT: Final[Colour] = (240, 214, 150)
"""Lit windows and street lamps."""
STEAM: Final[Colour] = (214, 220, 230)
SIGNATURE_INK: Final[Colour] = (24, 46, 110)
BRASS: Final[Colour] = (196, 160, 92)
PAPER_WHITE: Final[Colour] = (250, 248, 242)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """The colour ``t`` of the way from ``a`` to ``b`` (palette tones derive from it)."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


# --- Motion --------------------------------------------------------------------------------------


class Wipe(enum.Enum):
    """The edge a layer is revealed from while its ``reveal`` grows from 0 to 1."""

    FROM_LEFT = "from_left"
    FROM_TOP = "from_top"
    FROM_BOTTOM = "from_bottom"


@attrs.frozen
class Pose:
    """Where a layer is, relative to where it rests, at one moment."""

    dx: float = 0.0
    """Offset in design units."""
    dy: float = 0.0
    alpha: float = 1.0
    """Opacity, 0-1."""
    reveal: float = 1.0
    """Share of the layer shown, wiped in from its ``wipe`` edge."""
    angle: float = 0.0
    """Turn in degrees, clockwise, about the centre of the layer's box."""


REST: Final = Pose()


def ease_in_out(t: float) -> float:
    """Slow start, slow landing: how calm things move."""
    t = max(0.0, min(1.0, t))
    return t * t * (3.0 - 2.0 * t)


@attrs.frozen
class Motion:
    """A layer going from ``start_pose`` to ``end_pose`` between two moments of the entry."""

    start: float
    """When it begins, as a share of the entry (0-1)."""
    end: float
    """When it lands."""
    start_pose: Pose
    end_pose: Pose = REST

    def pose(self, t: float) -> Pose:
        """The pose at entry time ``t`` (0-1)."""
        span = max(self.end - self.start, 1e-6)
        k = ease_in_out((t - self.start) / span)
        a, b = self.start_pose, self.end_pose
        return Pose(
            a.dx + (b.dx - a.dx) * k,
            a.dy + (b.dy - a.dy) * k,
            a.alpha + (b.alpha - a.alpha) * k,
            a.reveal + (b.reveal - a.reveal) * k,
            a.angle + (b.angle - a.angle) * k,
        )


@attrs.define(eq=False)
class Layer:
    """One painted sheet of a scene and how it enters."""

    image: pygame.Surface
    pos: tuple[int, int]
    """Top-left of the image on the scene's surface, in pixels."""
    motion: Motion | None = None
    wipe: Wipe = Wipe.FROM_LEFT
    scale: float = 1.0
    """Pixels per design unit, to turn a pose's offsets into pixels."""

    def draw(self, target: pygame.Surface, t: float, origin: tuple[int, int] = (0, 0)) -> None:
        """Blit the layer as it stands at entry time ``t``, the scene's corner at ``origin``."""
        pose = REST if self.motion is None else self.motion.pose(t)
        if pose.alpha <= 0.004 or pose.reveal <= 0.0:
            return
        image = self.image
        x = origin[0] + self.pos[0] + round(pose.dx * self.scale)
        y = origin[1] + self.pos[1] + round(pose.dy * self.scale)
        if pose.angle:
            centre = (x + image.get_width() / 2, y + image.get_height() / 2)
            image = pygame.transform.rotozoom(image, -pose.angle, 1.0)
            x = round(centre[0] - image.get_width() / 2)
            y = round(centre[1] - image.get_height() / 2)
        area: pygame.Rect | None = None
        if pose.reveal < 1.0:
            w, h = image.get_size()
            if self.wipe is Wipe.FROM_LEFT:
                area = pygame.Rect(0, 0, round(w * pose.reveal), h)
            elif self.wipe is Wipe.FROM_TOP:
                area = pygame.Rect(0, 0, w, round(h * pose.reveal))
            else:
                shown = round(h * pose.reveal)
                area = pygame.Rect(0, h - shown, w, shown)
                y += h - shown
        blit_faded(target, image, (x, y), 1.0 if pose.alpha >= 0.996 else pose.alpha, area)


# --- Painting ------------------------------------------------------------------------------------


class Side(enum.Enum):
    """Whose flag a scene shows: the scenario's ``[sides]`` says which country each side is."""

    PLAYER = "player"
    """The player's side."""
    COUNTERPART = "counterpart"
    """The other side."""


@attrs.frozen
class Flags:
    """The flag of each side (ids the engine's ``FLAGS`` names; ``""`` for none)."""

    player: str = ""
    counterpart: str = ""

    def of(self, side: Side) -> str:
        """The flag id of ``side``."""
        return self.player if side is Side.PLAYER else self.counterpart


NO_FLAGS: Final = Flags()
"""Both sides without a flag, as in a scenario without ``[sides]``."""


class Painter:
    """Draws in design units onto a supersampled transparent sheet covering ``box``."""

    def __init__(
        self,
        fonts: FontBook,
        scale: float,
        box: tuple[float, float, float, float] = (0, 0, SCENE_WIDTH, SCENE_HEIGHT),
        flags: Flags = NO_FLAGS,
    ) -> None:
        self.fonts = fonts
        self.flags = flags
        self.scale = scale
        self.box = box
        self.k = scale * SUPERSAMPLE
        """Big-sheet pixels per design unit."""
        _, _, w, h = box
        self.big = pygame.Surface(
            (max(1, math.ceil(w * self.k)), max(1, math.ceil(h * self.k))), pygame.SRCALPHA
        )
        self._texts: list[tuple[pygame.Surface, Point, str]] = []

    # Coordinates

    def p(self, x: float, y: float) -> tuple[float, float]:
        """A design point on the big sheet."""
        return ((x - self.box[0]) * self.k, (y - self.box[1]) * self.k)

    def n(self, value: float) -> int:
        """A design length in big-sheet pixels (at least one)."""
        return max(1, round(value * self.k))

    def r(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        """A design rectangle on the big sheet."""
        px, py = self.p(x, y)
        return pygame.Rect(round(px), round(py), round(w * self.k), round(h * self.k))

    # Shapes

    def fill(self, colour: Colour) -> None:
        """Cover the whole sheet."""
        self.big.fill(colour)

    def rect(
        self,
        colour: Colour,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        radius: float = 0,
        width: float = 0,
    ) -> None:
        """A rectangle, optionally rounded or outlined."""
        pygame.draw.rect(
            self.big,
            colour,
            self.r(x, y, w, h),
            width=self.n(width) if width else 0,
            border_radius=round(radius * self.k),
        )

    def circle(
        self, colour: Colour, cx: float, cy: float, radius: float, *, width: float = 0
    ) -> None:
        """A disc, or a ring when ``width`` is given."""
        pygame.draw.circle(
            self.big, colour, self.p(cx, cy), radius * self.k, width=self.n(width) if width else 0
        )

    def ellipse(self, colour: Colour, x: float, y: float, w: float, h: float) -> None:
        """A filled ellipse in the box ``x, y, w, h``."""
        pygame.draw.ellipse(self.big, colour, self.r(x, y, w, h))

    def polygon(self, colour: Colour, points: Sequence[Point], *, width: float = 0) -> None:
        """A filled (or outlined) polygon."""
        pygame.draw.polygon(
            self.big, colour, [self.p(*pt) for pt in points], width=self.n(width) if width else 0
        )

    def line(self, colour: Colour, a: Point, b: Point, width: float = 2) -> None:
        """A straight line with round ends."""
        self.polyline(colour, [a, b], width)

    def polyline(self, colour: Colour, points: Sequence[Point], width: float = 2) -> None:
        """Connected segments with round joints, so thick strokes look drawn with a pen."""
        big_points = [self.p(*pt) for pt in points]
        w = self.n(width)
        if len(big_points) > 1:
            pygame.draw.lines(self.big, colour, False, big_points, w)
        if w > 2:
            for pt in big_points:
                pygame.draw.circle(self.big, colour, pt, w / 2)

    def dashed(
        self, colour: Colour, points: Sequence[Point], width: float, dash: float, gap: float
    ) -> None:
        """A dashed polyline: ``dash`` on, ``gap`` off, in design units along the path."""
        on = True
        left = dash
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            length = math.hypot(x2 - x1, y2 - y1)
            done = 0.0
            while done < length - 1e-9:
                step = min(left, length - done)
                a = done / length
                b = (done + step) / length
                if on:
                    self.line(
                        colour,
                        (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                        (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b),
                        width,
                    )
                done += step
                left -= step
                if left <= 1e-9:
                    on = not on
                    left = dash if on else gap

    def has_flag(self, side: Side) -> bool:
        """True when ``side`` has a flag to show."""
        return art.flag_image(self.flags.of(side), 2) is not None

    def flag(self, side: Side, x: float, y: float, height: float, *, edge: Colour | None) -> None:
        """The flag of ``side``, its top-left at ``x, y``; nothing for a side without one."""
        px_height = max(2, round(height * self.k))
        image = art.flag_image(self.flags.of(side), px_height)
        if image is None:
            return
        px, py = self.p(x, y)
        rect = self.big.blit(image, (round(px), round(py)))
        if edge is not None:
            pygame.draw.rect(self.big, edge, rect.inflate(2, 2), width=max(1, self.n(0.6)))

    def flag_width(self, side: Side, height: float) -> float:
        """Design width of a side's flag ``height`` units tall (0 without one)."""
        return height * art.flag_fly(self.flags.of(side))

    def text(
        self,
        face: Face,
        size: float,
        text: str,
        colour: Colour,
        at: Point,
        *,
        anchor: str = "topleft",
        tracking: int = 0,
    ) -> None:
        """Text set after scaling down (so it stays crisp), anchored like a pygame Rect."""
        px = max(6, round(size * self.scale))
        image = self.fonts.render(face, px, text, colour, align=Align.LEFT, tracking=tracking)
        self._texts.append((image, at, anchor))

    # Output

    def finish(self) -> pygame.Surface:
        """The sheet at its final size, with the text on top."""
        w = max(1, math.ceil(self.box[2] * self.scale))
        h = max(1, math.ceil(self.box[3] * self.scale))
        small = pygame.transform.smoothscale(self.big, (w, h))
        # The big sheet is many megabytes; let it go now rather than when the scene is built.
        self.big = pygame.Surface((1, 1), pygame.SRCALPHA)
        for image, (x, y), anchor in self._texts:
            spot = ((x - self.box[0]) * self.scale, (y - self.box[1]) * self.scale)
            rect = image.get_rect(**{anchor: (round(spot[0]), round(spot[1]))})
            small.blit(image, rect)
        return small


def rounded_points(
    cx: float, cy: float, w: float, h: float, radius: float, *, angle: float = 0.0
) -> list[Point]:
    """A rounded rectangle as a polygon, turned ``angle`` degrees clockwise about its centre."""
    radius = max(0.0, min(radius, w / 2, h / 2))
    corners = (
        (w / 2 - radius, -h / 2 + radius, -90.0),
        (w / 2 - radius, h / 2 - radius, 0.0),
        (-w / 2 + radius, h / 2 - radius, 90.0),
        (-w / 2 + radius, -h / 2 + radius, 180.0),
    )
    points: list[Point] = []
    for ox, oy, start in corners:
        for step in range(7):
            a = math.radians(start + step * 15)
            points.append((ox + radius * math.cos(a), oy + radius * math.sin(a)))
    turn = math.radians(angle)
    cos, sin = math.cos(turn), math.sin(turn)
    return [(cx + x * cos - y * sin, cy + x * sin + y * cos) for x, y in points]


def arc_points(
    cx: float, cy: float, radius: float, start: float, end: float, *, steps: int = 24
) -> list[Point]:
    """Points along a circular arc from ``start`` to ``end`` degrees (clockwise on screen)."""
    return [
        (
            cx + radius * math.cos(math.radians(start + (end - start) * i / steps)),
            cy + radius * math.sin(math.radians(start + (end - start) * i / steps)),
        )
        for i in range(steps + 1)
    ]


@attrs.define(eq=False)
class Kit:
    """What a scene builder paints with: palette, fonts, scale, and the layers made so far."""

    palette: Palette
    fonts: FontBook
    scale: float
    flags: Flags = NO_FLAGS
    layers: list[Layer] = attrs.field(factory=list)

    def painter(self, box: tuple[float, float, float, float] | None = None) -> Painter:
        """A fresh sheet covering ``box`` (default: the whole board)."""
        return Painter(self.fonts, self.scale, box or (0, 0, SCENE_WIDTH, SCENE_HEIGHT), self.flags)

    def add(
        self, painter: Painter, motion: Motion | None = None, wipe: Wipe = Wipe.FROM_LEFT
    ) -> None:
        """Finish ``painter``'s sheet and stack it on the scene."""
        pos = (round(painter.box[0] * self.scale), round(painter.box[1] * self.scale))
        image = painter.finish()
        used = image.get_bounding_rect()
        if motion is not None and (
            motion.start_pose.reveal < 1.0 or motion.start_pose.angle or motion.end_pose.angle
        ):
            # A wipe is measured across the whole sheet, and a turn is about its centre.
            used = image.get_rect()
        if used.size != image.get_size() and used.width and used.height:
            # Keep only the painted part: most sheets are a few shapes on a large clear board.
            image = image.subsurface(used).copy()
            pos = (pos[0] + used.left, pos[1] + used.top)
        self.layers.append(Layer(image, pos, motion, wipe, self.scale))
