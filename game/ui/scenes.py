"""Outcome pictures drawn in code: one flat, editorial scene per ending, lightly animated.

A scene is a stack of layers painted once (supersampled, so every edge is antialiased) and then
only moved, faded, wiped in or turned while it enters; at rest it is one cached picture. Scenes
are designed on a board of ``SCENE_WIDTH`` x ``SCENE_HEIGHT`` units and drawn at any size.
The people in them are generic figures seen from above: shoulders and a head, nobody in
particular.
"""

from __future__ import annotations

import enum
import itertools
import math
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Final

import attrs
import pygame

from game.draw.assets import Align, FontBook
from game.draw.theme import Colour, Face, Palette
from game.engine.scenario import Ending, Terminal
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
        if pose.alpha < 0.996:
            image.set_alpha(round(255 * pose.alpha))
            target.blit(image, (x, y), area)
            image.set_alpha(None)
        else:
            target.blit(image, (x, y), area)


# --- Painting ------------------------------------------------------------------------------------


class Painter:
    """Draws in design units onto a supersampled transparent sheet covering ``box``."""

    def __init__(
        self,
        fonts: FontBook,
        scale: float,
        box: tuple[float, float, float, float] = (0, 0, SCENE_WIDTH, SCENE_HEIGHT),
    ) -> None:
        self.fonts = fonts
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

    def flag(self, kind: str, x: float, y: float, height: float, *, edge: Colour | None) -> None:
        """One of the two flags (``"us"`` or ``"dprk"``), its top-left at ``x, y``."""
        px_height = max(2, round(height * self.k))
        image = art.us_flag(px_height) if kind == "us" else art.dprk_flag(px_height)
        px, py = self.p(x, y)
        rect = self.big.blit(image, (round(px), round(py)))
        if edge is not None:
            pygame.draw.rect(self.big, edge, rect.inflate(2, 2), width=max(1, self.n(0.6)))

    def flag_width(self, kind: str, height: float) -> float:
        """Design width of a flag ``height`` units tall."""
        return height * (art.US_FLY if kind == "us" else art.DPRK_FLY)

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
    layers: list[Layer] = attrs.field(factory=list)

    def painter(self, box: tuple[float, float, float, float] | None = None) -> Painter:
        """A fresh sheet covering ``box`` (default: the whole board)."""
        return Painter(self.fonts, self.scale, box or (0, 0, SCENE_WIDTH, SCENE_HEIGHT))

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


# --- Shared pieces -----------------------------------------------------------------------------


def _tones(p: Palette) -> dict[str, Colour]:
    """Tones every scene shares, derived from the palette so the colour-blind one follows."""
    return {
        "night": p.navy,
        "wall": mix(p.navy, p.navy_deep, 0.55),
        "floor": mix(p.navy, p.on_navy_soft, 0.10),
        "line": mix(p.navy, p.on_navy_soft, 0.55),
        "faint": mix(p.navy, p.on_navy_soft, 0.28),
        "chair": mix(p.navy_deep, p.slate, 0.35),
        "body": p.slate,
        "head": p.on_navy_soft,
    }


def _delegate(
    pt: Painter, p: Palette, cx: float, cy: float, *, facing_up: bool, scale: float = 1.0
) -> None:
    """A delegate seen from above: shoulders and a head."""
    tones = _tones(p)
    pt.ellipse(tones["body"], cx - 28 * scale, cy - 13 * scale, 56 * scale, 26 * scale)
    pt.circle(tones["head"], cx, cy + (-3 if facing_up else 3) * scale, 11 * scale)


def _chair(
    pt: Painter,
    p: Palette,
    cx: float,
    cy: float,
    *,
    angle: float = 0.0,
    back_up: bool,
    colour: Colour | None = None,
) -> None:
    """An office chair from above: a seat and a curved back on the far side from the table."""
    tones = _tones(p)
    seat = colour or tones["chair"]
    pt.polygon(seat, rounded_points(cx, cy, 64, 48, 12, angle=angle))
    back_offset = -22 if back_up else 22
    turn = math.radians(angle)
    bx = cx - back_offset * math.sin(turn)
    by = cy + back_offset * math.cos(turn)
    pt.polygon(mix(seat, p.navy_deep, 0.45), rounded_points(bx, by, 60, 12, 6, angle=angle))


def _paper_sheet(
    pt: Painter, p: Palette, cx: float, cy: float, *, size: tuple[float, float], angle: float
) -> None:
    """A sheet of paper with a few lines of text on it, lying at an angle."""
    w, h = size
    pt.polygon(PAPER_WHITE, rounded_points(cx, cy, w, h, 1.5, angle=angle))
    turn = math.radians(angle)
    for i in range(4):
        oy = -h / 2 + 8 + i * 6
        length = w * (0.7 if i < 3 else 0.45)
        x1, x2 = -w / 2 + 6, -w / 2 + 6 + length
        a = (
            cx + x1 * math.cos(turn) - oy * math.sin(turn),
            cy + x1 * math.sin(turn) + oy * math.cos(turn),
        )
        b = (
            cx + x2 * math.cos(turn) - oy * math.sin(turn),
            cy + x2 * math.sin(turn) + oy * math.cos(turn),
        )
        pt.line(p.rule, a, b, 1.4)


def _glass(pt: Painter, p: Palette, cx: float, cy: float) -> None:
    pt.circle(mix(p.table, p.slate, 0.5), cx, cy, 6, width=1.5)


def _room_walls(
    pt: Painter, p: Palette, room: tuple[float, float, float, float], door: tuple[str, float, float]
) -> None:
    """A floor plan's walls with a gap for a door: ``door`` is (wall, from x, to x)."""
    tones = _tones(p)
    x, y, w, h = room
    pt.rect(tones["floor"], x, y, w, h)
    wall, d1, d2 = door
    # The corridor beyond the open door, lit: where whoever leaves is going.
    corridor = mix(p.navy, p.on_navy_soft, 0.2)
    if wall == "top":
        pt.polygon(corridor, [(d1, y), (d2, y), (d2 + 16, 0), (d1 - 16, 0)])
    else:
        pt.polygon(
            corridor, [(d1, y + h), (d2, y + h), (d2 + 16, SCENE_HEIGHT), (d1 - 16, SCENE_HEIGHT)]
        )
    thick = 10
    colour = tones["line"]
    top, bottom = y, y + h
    if wall == "top":
        pt.line(colour, (x, top), (d1, top), thick)
        pt.line(colour, (d2, top), (x + w, top), thick)
        pt.line(colour, (x, bottom), (x + w, bottom), thick)
    else:
        pt.line(colour, (x, top), (x + w, top), thick)
        pt.line(colour, (x, bottom), (d1, bottom), thick)
        pt.line(colour, (d2, bottom), (x + w, bottom), thick)
    pt.line(colour, (x, top), (x, bottom), thick)
    pt.line(colour, (x + w, top), (x + w, bottom), thick)


def _door(
    pt: Painter, colour: Colour, hinge: Point, width: float, *, opens_up: bool, left: bool
) -> None:
    """A door leaf swung open outwards, with its swing drawn as on an architect's plan."""
    hx, hy = hinge
    sign = -1 if opens_up else 1
    direction = -1 if left else 1
    # Closed, the leaf spans the opening; open, it stands square to the wall.
    pt.line(colour, (hx, hy), (hx, hy + sign * width), 4)
    end = 0.0 if direction > 0 else 180.0
    points = arc_points(hx, hy, width, 90.0 * sign, end * (1 if sign > 0 else -1))
    pt.dashed(colour, points, 1.6, 6, 5)


def _desk_flag(pt: Painter, p: Palette, kind: str, x: float, y: float, *, height: float) -> None:
    """A small table flag on a pole, its pole foot at ``x, y``."""
    pole = mix(p.slate, p.on_navy_soft, 0.5)
    pt.line(pole, (x, y), (x, y - height * 2.1), 2)
    pt.circle(pole, x, y, 4)
    pt.flag(kind, x + 1, y - height * 2.1, height, edge=None)


def _table_top(
    pt: Painter, p: Palette, cx: float, cy: float, *, size: tuple[float, float]
) -> tuple[float, float, float, float]:
    """The long summit table from above; returns its box."""
    w, h = size
    x, y = cx - w / 2, cy - h / 2
    pt.rect(p.table, x, y, w, h, radius=h / 2)
    pt.rect(p.rule, x + 7, y + 7, w - 14, h - 14, radius=(h - 14) / 2, width=1.2)
    return (x, y, w, h)


# --- The scenes ----------------------------------------------------------------------------------

SEATS_X: Final = (184.0, 314.0, 444.0)
TABLE_CY: Final = 400.0
TABLE_W: Final = 456.0
TABLE_H: Final = 168.0


def _walkout(kit: Kit) -> None:
    """Their chairs pushed back and empty; the delegation filing out through a door."""
    p = kit.palette
    tones = _tones(p)
    room = (48.0, 168.0, 532.0, 456.0)
    door_from, door_to = 468.0, 544.0
    bg = kit.painter()
    bg.fill(tones["night"])
    _room_walls(bg, p, room, ("top", door_from, door_to))
    _door(bg, p.alarm, (door_to, room[1]), door_to - door_from, opens_up=True, left=True)
    top = TABLE_CY - TABLE_H / 2
    bottom = TABLE_CY + TABLE_H / 2
    # Our side: seated, with folders squared in front of them.
    for i, x in enumerate(SEATS_X):
        _chair(bg, p, x, bottom + 34, back_up=False)
        _delegate(bg, p, x, bottom + 26, facing_up=True, scale=1.08 if i == 1 else 0.96)
    # Their side: chairs pushed back at odd angles.
    empty = mix(p.slate, p.navy, 0.3)
    for x, dx, dy, angle in zip(
        SEATS_X, (-10.0, 6.0, 14.0), (46.0, 58.0, 40.0), (-14.0, 8.0, 22.0), strict=True
    ):
        _chair(bg, p, x + dx, top - dy, angle=angle, back_up=True, colour=empty)
    _table_top(bg, p, 314, TABLE_CY, size=(TABLE_W, TABLE_H))
    for x in SEATS_X:
        bg.rect(p.surface, x - 17, bottom - 40, 34, 22, radius=2)
        bg.rect(p.rule, x - 17, bottom - 40, 34, 22, radius=2, width=1)
        _glass(bg, p, x + 30, bottom - 30)
    # Papers left in a hurry on their side.
    for x, dy, angle in zip(SEATS_X, (30.0, 36.0, 26.0), (-18.0, 9.0, 26.0), strict=True):
        _paper_sheet(bg, p, x + 4, top + dy, size=(30, 38), angle=angle)
    _desk_flag(bg, p, "dprk", 262, TABLE_CY - 8, height=12)
    _desk_flag(bg, p, "us", 352, TABLE_CY + 34, height=12)
    kit.add(bg)
    # Three of them leave for the door; the last is still in the doorway when the scene settles.
    door_x = (door_from + door_to) / 2
    exits = (
        (SEATS_X[2], top - 24, door_x, room[1] - 70, 0.0),
        (SEATS_X[1], top - 24, door_x, room[1] - 40, 0.0),
        (SEATS_X[0], top - 24, door_x - 6, room[1] + 8, 1.0),
    )
    for i, (x0, y0, x1, y1, alpha) in enumerate(exits):
        box = (x1 - 36, y1 - 24, 72, 48)
        sheet = kit.painter(box)
        _delegate(sheet, p, x1, y1, facing_up=True)
        kit.add(
            sheet,
            Motion(
                0.05 + 0.12 * i,
                0.75 + 0.1 * i,
                Pose(dx=x0 - x1, dy=y0 - y1, alpha=1.0),
                Pose(alpha=alpha),
            ),
        )


def _walked_away(kit: Kit) -> None:
    """Our chairs empty and our papers left behind at a lunch table nobody sat down to."""
    p = kit.palette
    tones = _tones(p)
    room = (48.0, 120.0, 532.0, 480.0)
    door_from, door_to = 88.0, 164.0
    bg = kit.painter()
    bg.fill(tones["night"])
    _room_walls(bg, p, room, ("bottom", door_from, door_to))
    _door(
        bg, p.alarm, (door_from, room[1] + room[3]), door_to - door_from, opens_up=False, left=False
    )
    cy = 360.0
    top = cy - TABLE_H / 2
    bottom = cy + TABLE_H / 2
    for i, x in enumerate(SEATS_X):
        _chair(bg, p, x, top - 34, back_up=True)
        _delegate(bg, p, x, top - 26, facing_up=False, scale=1.08 if i == 1 else 0.96)
    empty = mix(p.slate, p.navy, 0.3)
    for x, dx, dy, angle in zip(
        SEATS_X, (8.0, -6.0, -12.0), (52.0, 44.0, 60.0), (12.0, -6.0, -20.0), strict=True
    ):
        _chair(bg, p, x + dx, bottom + dy, angle=angle, back_up=False, colour=empty)
    _table_top(bg, p, 314, cy, size=(TABLE_W, TABLE_H))
    for x in SEATS_X:
        # The working lunch laid out and never served: a plate and a folded napkin at each place.
        for py in (top + 30, bottom - 30):
            bg.circle(PAPER_WHITE, x - 6, py, 13)
            bg.circle(p.rule, x - 6, py, 9, width=1)
            bg.rect(mix(p.table, p.slate, 0.3), x + 12, py - 10, 5, 20, radius=2)
        bg.rect(p.surface, x - 17, top + 8, 30, 10, radius=2)
    # What we left behind: an open folder and loose sheets on our side.
    _paper_sheet(bg, p, SEATS_X[0] + 16, bottom - 44, size=(30, 38), angle=-12)
    _paper_sheet(bg, p, SEATS_X[1] - 22, bottom - 40, size=(30, 38), angle=7)
    _paper_sheet(bg, p, SEATS_X[1] - 2, bottom - 46, size=(30, 38), angle=18)
    bg.rect(p.navy_deep, SEATS_X[2] - 30, bottom - 62, 52, 36, radius=3)
    bg.rect(PAPER_WHITE, SEATS_X[2] - 26, bottom - 58, 44, 28, radius=2)
    _desk_flag(bg, p, "dprk", 262, cy - 8, height=12)
    _desk_flag(bg, p, "us", 352, cy + 34, height=12)
    kit.add(bg)
    door_x = (door_from + door_to) / 2
    floor_y = room[1] + room[3]
    exits = (
        (SEATS_X[0], bottom + 30, door_x, floor_y + 60, 0.0),
        (SEATS_X[1], bottom + 30, door_x, floor_y + 30, 0.0),
        (SEATS_X[2], bottom + 30, door_x + 6, floor_y - 10, 1.0),
    )
    for i, (x0, y0, x1, y1, alpha) in enumerate(exits):
        sheet = kit.painter((x1 - 36, y1 - 24, 72, 48))
        _delegate(sheet, p, x1, y1, facing_up=False)
        kit.add(
            sheet,
            Motion(
                0.05 + 0.12 * i,
                0.75 + 0.1 * i,
                Pose(dx=x0 - x1, dy=y0 - y1),
                Pose(alpha=alpha),
            ),
        )


def _clock(pt: Painter, p: Palette, cx: float, cy: float, radius: float) -> None:
    """A plain wall clock face with hour marks (the hands are separate layers)."""
    pt.circle(mix(p.navy_deep, p.slate, 0.3), cx, cy, radius + 6)
    pt.circle(PAPER_WHITE, cx, cy, radius)
    for hour in range(12):
        a = math.radians(hour * 30)
        inner = radius * (0.78 if hour % 3 == 0 else 0.86)
        pt.line(
            p.ink,
            (cx + inner * math.sin(a), cy - inner * math.cos(a)),
            (cx + radius * 0.92 * math.sin(a), cy - radius * 0.92 * math.cos(a)),
            3 if hour % 3 == 0 else 1.5,
        )


def _hand(
    kit: Kit, cx: float, cy: float, length: float, *, width: float, colour: Colour, motion: Motion
) -> None:
    """A clock hand pointing at twelve on its own square sheet, turned by ``motion``."""
    box = (cx - length - 4, cy - length - 4, 2 * length + 8, 2 * length + 8)
    sheet = kit.painter(box)
    sheet.line(colour, (cx, cy + length * 0.16), (cx, cy - length), width)
    sheet.circle(colour, cx, cy, width * 1.2)
    kit.add(sheet, motion)


def _standing_flag(
    pt: Painter, p: Palette, kind: str, x: float, ground: float, *, height: float
) -> None:
    """A flag on a floor stand, hanging from a crossbar like those behind a signing table."""
    pole = mix(p.slate, BRASS, 0.5)
    top = ground - height
    pt.line(pole, (x, ground), (x, top), 4)
    pt.circle(BRASS, x, top - 6, 6)
    pt.polygon(pole, [(x - 18, ground), (x + 18, ground), (x, ground - 16)])
    flag_h = height * 0.22
    pt.flag(kind, x + 3, top + 6, flag_h, edge=None)


def _no_deal(kit: Kit) -> None:
    """The signing table laid and unused: folders shut, pens untouched, the clock past the hour."""
    p = kit.palette
    tones = _tones(p)
    bg = kit.painter()
    bg.fill(tones["night"])
    floor = 604.0
    bg.rect(tones["wall"], 0, floor, SCENE_WIDTH, SCENE_HEIGHT - floor)
    bg.line(tones["line"], (0, floor), (SCENE_WIDTH, floor), 2)
    # A dado rail gives the wall a little architecture without drawing attention.
    bg.rect(mix(tones["wall"], tones["night"], 0.5), 0, floor - 96, SCENE_WIDTH, 96)
    bg.line(tones["faint"], (0, floor - 96), (SCENE_WIDTH, floor - 96), 3)
    clock = (314.0, 214.0)
    _clock(bg, p, clock[0], clock[1], 66)
    _standing_flag(bg, p, "us", 112, floor - 4, height=270)
    _standing_flag(bg, p, "dprk", 458, floor - 4, height=270)
    # Two chairs behind the table, their backs showing above it.
    chair = mix(p.slate, p.navy, 0.45)
    for x in (226.0, 402.0):
        bg.rect(chair, x - 46, 390, 92, 130, radius=16)
        bg.rect(mix(chair, p.navy_deep, 0.35), x - 36, 400, 72, 104, radius=11)
    # The table: a top seen a little from above, and a cloth falling to the floor.
    top_y = 496.0
    bg.polygon(p.table, [(98, top_y), (530, top_y), (556, top_y + 38), (72, top_y + 38)])
    cloth = mix(p.table, p.navy, 0.16)
    bg.rect(cloth, 72, top_y + 38, 484, floor - top_y - 38 + 20)
    bg.line(mix(p.table, p.navy, 0.3), (72, top_y + 38), (556, top_y + 38), 1.5)
    for x in (160.0, 314.0, 468.0):
        bg.line(mix(cloth, p.navy, 0.12), (x, top_y + 44), (x, floor + 14), 1.2)
    for x in (226.0, 402.0):
        # A closed folder with a pen squared beside it: nothing has been opened.
        bg.polygon(
            p.navy_deep,
            [(x - 46, top_y + 8), (x + 42, top_y + 8), (x + 48, top_y + 30), (x - 52, top_y + 30)],
        )
        bg.line(BRASS, (x - 14, top_y + 19), (x + 10, top_y + 19), 1.4)
        bg.line(p.ink, (x + 62, top_y + 8), (x + 72, top_y + 30), 4.5)
        bg.line(BRASS, (x + 62, top_y + 8), (x + 64, top_y + 12), 4.5)
    kit.add(bg)
    # The clock: the hour hand just past four, the minute hand sweeping past the hour.
    hour = Motion(0.0, 1.0, Pose(angle=114.0), Pose(angle=124.0))
    minute = Motion(0.05, 0.95, Pose(angle=-60.0), Pose(angle=60.0))
    _hand(kit, clock[0], clock[1], 36, width=5, colour=p.ink, motion=hour)
    _hand(kit, clock[0], clock[1], 56, width=3, colour=p.alarm, motion=minute)
    cap = kit.painter((clock[0] - 8, clock[1] - 8, 16, 16))
    cap.circle(p.ink, clock[0], clock[1], 4)
    kit.add(cap)


def _hills(pt: Painter, colour: Colour, base: float, crests: Sequence[Point]) -> None:
    """A band of low hills: a polygon through ``crests`` closed along the bottom."""
    points: list[Point] = [(0, SCENE_HEIGHT), (0, base)]
    points.extend(crests)
    points.extend([(SCENE_WIDTH, base), (SCENE_WIDTH, SCENE_HEIGHT)])
    pt.polygon(colour, points)


def _smooth(points: Sequence[Point], steps: int = 8) -> list[Point]:
    """A Catmull-Rom curve through ``points``: soft horizons without a drawing library."""
    out: list[Point] = []
    padded = [points[0], *points, points[-1]]
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1], padded[i], padded[i + 1], padded[i + 2]
        for s in range(steps):
            t = s / steps
            t2, t3 = t * t, t * t * t
            out.append(
                tuple(  # type: ignore[arg-type]
                    0.5
                    * (
                        2 * p1[k]
                        + (-p0[k] + p2[k]) * t
                        + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2
                        + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3
                    )
                    for k in (0, 1)
                )
            )
    out.append(points[-1])
    return out


def _freeze(kit: Kit) -> None:
    """A quiet test stand under the moon; the exercise dates on the calendar struck through."""
    p = kit.palette
    tones = _tones(p)
    bg = kit.painter()
    bg.fill(tones["night"])
    _stars(bg, p, 26, 40, 290)
    far = mix(p.navy, p.slate, 0.45)
    near = mix(p.navy_deep, p.navy, 0.35)
    _hills(bg, far, 520, _smooth([(0, 500), (140, 452), (300, 488), (460, 446), (628, 478)]))
    # The test stand: an empty lattice tower, no rocket beside it.
    tower_x, ground = 150.0, 470.0
    steel = mix(p.slate, p.on_navy_soft, 0.35)
    for side in (-1, 1):
        bg.line(steel, (tower_x + side * 16, ground), (tower_x + side * 7, ground - 150), 2.5)
    for k in range(7):
        y1 = ground - k * 21
        y2 = ground - (k + 1) * 21
        w1 = 16 - 9 * k / 7
        w2 = 16 - 9 * (k + 1) / 7
        bg.line(steel, (tower_x - w1, y1), (tower_x + w2, y2), 1.3)
        bg.line(steel, (tower_x + w1, y1), (tower_x - w2, y2), 1.3)
        bg.line(steel, (tower_x - w2, y2), (tower_x + w2, y2), 1.3)
    bg.line(steel, (tower_x, ground - 150), (tower_x, ground - 170), 2)
    _hills(bg, near, 600, _smooth([(0, 560), (180, 528), (380, 566), (628, 530)]))
    kit.add(bg)
    moon = kit.painter((440, 60, 120, 120))
    moon.circle(mix(p.on_navy, LAMP_LIGHT, 0.35), 500, 120, 34)
    moon.circle(mix(p.on_navy, LAMP_LIGHT, 0.15), 488, 110, 7)
    moon.circle(mix(p.on_navy, LAMP_LIGHT, 0.15), 512, 132, 4)
    kit.add(moon, Motion(0.0, 0.9, Pose(dy=40, alpha=0.0)))
    # The roundel: a missile in a circle, crossed out.
    roundel = kit.painter((56, 150, 130, 130))
    cx, cy = 121.0, 215.0
    roundel.circle(PAPER_WHITE, cx, cy, 52)
    body = mix(p.slate, p.navy, 0.4)
    roundel.polygon(
        body,
        [(cx - 9, cy + 30), (cx - 9, cy - 18), (cx, cy - 38), (cx + 9, cy - 18), (cx + 9, cy + 30)],
    )
    roundel.polygon(body, [(cx - 9, cy + 14), (cx - 20, cy + 34), (cx - 9, cy + 30)])
    roundel.polygon(body, [(cx + 9, cy + 14), (cx + 20, cy + 34), (cx + 9, cy + 30)])
    roundel.circle(p.alarm, cx, cy, 52, width=7)
    roundel.line(p.alarm, (cx - 36, cy + 36), (cx + 36, cy - 36), 7)
    kit.add(roundel, Motion(0.1, 0.6, Pose(dy=16, alpha=0.0)))
    # A month on a wall calendar; the days of the joint exercise are crossed off.
    card_x, card_y, card_w, card_h = 262.0, 250.0, 300.0, 272.0
    cal = kit.painter((card_x - 8, card_y - 16, card_w + 16, card_h + 28))
    cal.rect(mix(p.navy_deep, p.navy, 0.3), card_x + 6, card_y + 8, card_w, card_h, radius=6)
    cal.rect(PAPER_WHITE, card_x, card_y, card_w, card_h, radius=6)
    cal.rect(p.navy_deep, card_x, card_y, card_w, 54, radius=6)
    cal.rect(p.navy_deep, card_x, card_y + 30, card_w, 24)
    for ring in (card_x + 70, card_x + card_w - 70):
        cal.circle(p.slate, ring, card_y - 2, 7, width=3)
    cal.text(
        Face.TEXT_STRONG,
        15,
        "MARCH",
        p.on_navy,
        (card_x + 20, card_y + 27),
        anchor="midleft",
        tracking=2,
    )
    cal.text(
        Face.TEXT,
        13,
        "joint exercises",
        p.on_navy_soft,
        (card_x + card_w - 20, card_y + 27),
        anchor="midright",
    )
    cell = (card_w - 28) / 7
    grid_top = card_y + 70
    struck = {4, 5, 6, 7, 8, 11, 12, 13, 14, 15}
    for day in range(1, 32):
        slot = day + 3
        col, row = slot % 7, slot // 7
        x = card_x + 14 + col * cell
        y = grid_top + row * 38
        exercise = day in struck
        if exercise:
            cal.rect(mix(PAPER_WHITE, p.slate, 0.16), x + 2, y - 2, cell - 4, 32, radius=3)
        cal.text(
            Face.TEXT_STRONG if exercise else Face.TEXT,
            14,
            str(day),
            p.ink if exercise else p.ink_soft,
            (x + cell / 2, y + 14),
            anchor="center",
        )
    kit.add(cal, Motion(0.0, 0.5, Pose(dy=24, alpha=0.0)))
    strikes = kit.painter((card_x, grid_top - 6, card_w, 120))
    for first, last in ((4, 8), (11, 15)):
        slot_a = first + 3
        slot_b = last + 3
        y = grid_top + (slot_a // 7) * 38 + 14
        xa = card_x + 14 + (slot_a % 7) * cell + 4
        xb = card_x + 14 + (slot_b % 7) * cell + cell - 4
        strikes.line(p.alarm, (xa, y), (xb, y), 3.5)
    kit.add(strikes, Motion(0.45, 0.95, Pose(reveal=0.0)))


def _cooling_tower(pt: Painter, colour: Colour, cx: float, base: float, height: float) -> None:
    """A hyperboloid cooling tower in elevation."""
    w_base, w_waist, w_top = 130.0, 84.0, 96.0
    waist = base - height * 0.68
    top = base - height
    left = _smooth([(cx - w_base / 2, base), (cx - w_waist / 2, waist), (cx - w_top / 2, top)], 10)
    right = _smooth([(cx + w_top / 2, top), (cx + w_waist / 2, waist), (cx + w_base / 2, base)], 10)
    pt.polygon(colour, [*left, *right])


def _stars(pt: Painter, p: Palette, count: int, top: float, bottom: float) -> None:
    """Stars placed by a fixed pattern, so the picture is the same every time."""
    for i in range(count):
        x = (i * 137) % 600 + 14
        y = top + (i * 89) % max(1.0, bottom - top)
        pt.circle(mix(p.navy, p.on_navy, 0.45), x, y, 1.3 if i % 3 else 2.0)


def _yongbyon(kit: Kit) -> None:
    """The reactor complex going dark behind a sealed gate."""
    p = kit.palette
    tones = _tones(p)
    bg = kit.painter()
    bg.fill(tones["night"])
    _stars(bg, p, 18, 40, 220)
    ground = 500.0
    _hills(
        bg, mix(p.navy, p.slate, 0.3), 420, _smooth([(0, 404), (200, 356), (420, 388), (628, 350)])
    )
    building = mix(p.slate, p.navy, 0.25)
    shade = mix(p.slate, p.navy, 0.5)
    dark_window = mix(building, p.navy_deep, 0.5)
    # Cooling tower, the reactor hall and its stack.
    _cooling_tower(bg, building, 150, ground, 250)
    bg.rect(shade, 108, ground - 160, 84, 7)
    bg.rect(building, 246, ground - 180, 214, 180)
    bg.polygon(
        shade, [(236, ground - 180), (470, ground - 180), (428, ground - 222), (278, ground - 222)]
    )
    bg.rect(building, 492, ground - 300, 28, 300)
    for k in range(3):
        bg.rect(p.alarm, 492, ground - 288 + k * 30, 28, 9)
    bg.rect(shade, 420, ground - 104, 150, 104)
    for row in range(3):
        for col in range(5):
            bg.rect(dark_window, 266 + col * 38, ground - 160 + row * 48, 22, 28, radius=2)
    bg.rect(tones["wall"], 0, ground, SCENE_WIDTH, SCENE_HEIGHT - ground)
    bg.line(tones["line"], (0, ground), (SCENE_WIDTH, ground), 2)
    # A perimeter fence in front, with a gate in it.
    fence = mix(p.slate, p.on_navy_soft, 0.25)
    base = ground + 120
    bg.line(fence, (20, base - 70), (608, base - 70), 1.5)
    bg.line(fence, (20, base - 36), (608, base - 36), 2)
    for x in range(20, 610, 28):
        bg.line(fence, (x, base - 80), (x, base), 2)
    kit.add(bg)
    # The lights still on in the hall, going out one by one.
    for i, (row, col) in enumerate(((0, 1), (1, 3), (2, 0), (0, 4), (1, 0), (2, 2))):
        box = (266 + col * 38, ground - 160 + row * 48, 22, 28)
        lit = kit.painter(box)
        lit.rect(LAMP_LIGHT, box[0], box[1], 22, 28, radius=2)
        kit.add(lit, Motion(0.15 + 0.08 * i, 0.3 + 0.08 * i, Pose(), Pose(alpha=0.0)))
    # Steam over the tower, thinning away: the reactor is cooling down.
    steam = kit.painter((40, 60, 240, 236))
    for cx, cy, r in (
        (150, 232, 46),
        (120, 200, 40),
        (182, 190, 48),
        (142, 150, 40),
        (196, 132, 32),
        (122, 116, 28),
    ):
        steam.circle(STEAM, cx, cy, r)
    kit.add(steam, Motion(0.05, 0.8, Pose(dy=10), Pose(dy=-40, alpha=0.0)))
    # The inspectors' seal on the gate: a disc and two ribbons.
    seal = kit.painter((384, 520, 180, 190))
    sx, sy = 474.0, 590.0
    ribbon = p.alarm
    seal.polygon(
        ribbon,
        [
            (sx - 34, sy + 22),
            (sx - 50, sy + 96),
            (sx - 30, sy + 82),
            (sx - 14, sy + 100),
            (sx - 6, sy + 30),
        ],
    )
    seal.polygon(
        ribbon,
        [
            (sx + 34, sy + 22),
            (sx + 50, sy + 96),
            (sx + 30, sy + 82),
            (sx + 14, sy + 100),
            (sx + 6, sy + 30),
        ],
    )
    seal.circle(PAPER_WHITE, sx, sy, 66)
    seal.circle(p.navy, sx, sy, 58, width=3)
    seal.circle(p.navy, sx, sy, 44, width=1.5)
    seal.text(Face.TEXT_STRONG, 15, "SEALED", p.navy, (sx, sy - 8), anchor="center", tracking=2)
    seal.text(Face.TEXT, 12, "verified", p.ink_soft, (sx, sy + 13), anchor="center")
    kit.add(seal, Motion(0.55, 0.85, Pose(dy=-30, alpha=0.0)))


def _flag_pair(
    kit: Kit, p: Palette, cx: float, top: float, *, height: float, motion: Motion | None
) -> None:
    """Both flags on a small stand, as set out at a signing."""
    box = (cx - 200, top - 16, 400, height * 2.2 + 40)
    pt = kit.painter(box)
    pole = mix(p.slate, BRASS, 0.45)
    foot = top + height * 2.2
    pt.rect(mix(p.slate, p.navy, 0.4), cx - 132, foot - 6, 264, 12, radius=6)
    for kind, x in (("us", cx - 116.0), ("dprk", cx + 14.0)):
        pt.line(pole, (x, foot - 4), (x, top), 3)
        pt.circle(BRASS, x, top - 4, 5)
        pt.flag(kind, x + 2, top + 4, height, edge=None)
    kit.add(pt, motion)


def _signature(pt: Painter, x: float, y: float, w: float, seed: int) -> None:
    """A loose, illegible signature: a few loops and a long tail."""
    points: list[Point] = []
    steps = 60
    for i in range(steps + 1):
        t = i / steps
        wobble = math.sin(t * math.pi * (5 + seed)) * (9 - 6 * t)
        loop = math.sin(t * math.pi * 2 * (2 + seed % 2)) * 5
        points.append((x + w * t, y + wobble + loop * (1 - t)))
    pt.polyline(SIGNATURE_INK, points, 2.2)
    pt.line(SIGNATURE_INK, (x + w * 0.15, y + 14), (x + w * 1.02, y + 8), 1.6)


def _document(
    kit: Kit,
    p: Palette,
    heading: str,
    subheading: str,
    *,
    lines: int,
    signatures: bool,
) -> tuple[float, float, float, float]:
    """A formal document on the table, lines of text as grey bars; returns its box."""
    x, y, w, h = 174.0, 250.0, 280.0, 360.0
    pt = kit.painter((x - 12, y - 12, w + 36, h + 36))
    pt.rect(mix(p.table, p.navy, 0.3), x + 8, y + 10, w, h, radius=2)
    pt.rect(PAPER_WHITE, x, y, w, h, radius=2)
    pt.rect(p.rule, x + 14, y + 14, w - 28, h - 28, width=1)
    pt.text(Face.DISPLAY, 21, heading, p.ink, (x + w / 2, y + 48), anchor="center")
    pt.text(Face.DISPLAY_ITALIC, 13, subheading, p.ink_soft, (x + w / 2, y + 72), anchor="center")
    pt.line(p.rule, (x + 90, y + 88), (x + w - 90, y + 88), 1.2)
    for i in range(lines):
        length = (w - 76) * (0.62 if i % 4 == 3 else 1.0)
        pt.line(
            mix(PAPER_WHITE, p.slate, 0.35),
            (x + 38, y + 108 + i * 15),
            (x + 38 + length, y + 108 + i * 15),
            3,
        )
    if signatures:
        for sx in (x + 38, x + w / 2 + 14):
            pt.line(p.ink_soft, (sx, y + h - 52), (sx + 96, y + h - 52), 1.2)
    kit.add(pt)
    return (x, y, w, h)


def _pen(pt: Painter, p: Palette, x: float, y: float, *, angle: float, colour: Colour) -> None:
    """A fountain pen lying at ``angle`` degrees, its nib at ``x, y``."""
    turn = math.radians(angle)
    dx, dy = math.cos(turn), math.sin(turn)
    tail = (x + dx * 120, y + dy * 120)
    pt.line(colour, (x + dx * 18, y + dy * 18), tail, 9)
    pt.line(BRASS, (x + dx * 14, y + dy * 14), (x + dx * 22, y + dy * 22), 9)
    pt.polygon(
        mix(BRASS, p.ink, 0.3),
        [
            (x, y),
            (x + dx * 16 - dy * 4, y + dy * 16 + dx * 4),
            (x + dx * 16 + dy * 4, y + dy * 16 - dx * 4),
        ],
    )
    pt.line(
        BRASS,
        (x + dx * 60 - dy * 6, y + dy * 60 + dx * 6),
        (x + dx * 100 - dy * 6, y + dy * 100 + dx * 6),
        2,
    )


def _signed_text(
    kit: Kit, title: str, subtitle: str, *, lines: int, hands: int, start: float
) -> tuple[float, float, float, float]:
    """A text on the table with both flags above it, signed in turn by the two sides.

    ``hands`` picks the signature shapes; ``start`` is when the first signature is drawn.
    """
    p = kit.palette
    tones = _tones(p)
    bg = kit.painter()
    bg.fill(tones["night"])
    bg.rect(p.table, 40, 216, 548, 444, radius=10)
    bg.rect(p.rule, 52, 228, 524, 420, radius=6, width=1.2)
    kit.add(bg)
    _flag_pair(kit, p, 314, 70, height=52, motion=Motion(0.0, 0.45, Pose(dy=-20, alpha=0.0)))
    x, y, w, h = _document(kit, p, title, subtitle, lines=lines, signatures=True)
    for i, sx in enumerate((x + 38, x + w / 2 + 14)):
        sheet = kit.painter((sx - 4, y + h - 86, 112, 56))
        _signature(sheet, sx + 2, y + h - 66, 92, i + hands)
        kit.add(sheet, Motion(start + 0.25 * i, start + 0.25 + 0.25 * i, Pose(reveal=0.0)))
    return x, y, w, h


def _peace(kit: Kit) -> None:
    """A declaration signed by both sides: two pens, one document, both flags."""
    p = kit.palette
    _signed_text(kit, "Declaration", "on the end of the Korean War", lines=11, hands=0, start=0.35)
    pens = kit.painter((40, 216, 548, 444))
    _pen(pens, p, 126, 560, angle=-64, colour=p.navy_deep)
    _pen(pens, p, 506, 560, angle=-116, colour=mix(p.alarm, p.navy_deep, 0.35))
    kit.add(pens)


def _building_windows(
    pt: Painter,
    x: float,
    y: float,
    *,
    grid: tuple[int, int],
    cell: tuple[float, float],
    gap: tuple[float, float],
    colour: Colour,
) -> None:
    """A grid of windows: ``grid`` columns and rows of ``cell``-sized panes, ``gap`` apart."""
    cols, rows = grid
    w, h = cell
    gap_x, gap_y = gap
    for row in range(rows):
        for col in range(cols):
            pt.rect(colour, x + col * (w + gap_x), y + row * (h + gap_y), w, h, radius=2)


def _flagpole(
    kit: Kit,
    p: Palette,
    kind: str,
    x: float,
    foot: float,
    *,
    height: float,
    flag_h: float,
    delay: float,
) -> None:
    """A flagpole with its flag hoisted to the top as the scene enters."""
    pole = kit.painter((x - 8, foot - height - 12, 16, height + 14))
    pole.line(mix(p.on_navy_soft, p.slate, 0.3), (x, foot), (x, foot - height), 3)
    pole.circle(BRASS, x, foot - height - 4, 5)
    kit.add(pole)
    width = flag_h * (art.US_FLY if kind == "us" else art.DPRK_FLY)
    sheet = kit.painter((x + 1, foot - height + 2, width + 2, flag_h + 2))
    sheet.flag(kind, x + 2, foot - height + 2, flag_h, edge=None)
    kit.add(sheet, Motion(delay, delay + 0.55, Pose(dy=height - flag_h - 30, alpha=0.0)))


def _street(pt: Painter, p: Palette, ground: float) -> None:
    tones = _tones(p)
    pt.rect(tones["wall"], 0, ground, SCENE_WIDTH, SCENE_HEIGHT - ground)
    pt.rect(mix(tones["wall"], p.slate, 0.25), 0, ground, SCENE_WIDTH, 18)
    pt.line(tones["line"], (0, ground), (SCENE_WIDTH, ground), 1.5)
    for x in range(20, SCENE_WIDTH, 90):
        pt.line(tones["faint"], (x, ground + 70), (x + 44, ground + 70), 3)


def _lamp(pt: Painter, p: Palette, x: float, ground: float) -> None:
    post = mix(p.navy_deep, p.slate, 0.4)
    pt.line(post, (x, ground), (x, ground - 170), 4)
    pt.line(post, (x, ground - 170), (x + 18, ground - 176), 3)
    pt.circle(LAMP_LIGHT, x + 22, ground - 170, 8)


def _liaison(kit: Kit) -> None:
    """A modest two-storey office with both flags over the door."""
    p = kit.palette
    tones = _tones(p)
    bg = kit.painter()
    bg.fill(tones["night"])
    ground = 540.0
    # Neighbouring buildings, plainer and darker, set the office in an ordinary street.
    bg.rect(mix(p.navy, p.navy_deep, 0.6), 0, 250, 118, ground - 250)
    bg.rect(mix(p.navy, p.navy_deep, 0.6), 520, 210, 108, ground - 210)
    _building_windows(
        bg, 18, 276, grid=(2, 5), cell=(30, 22), gap=(22, 28), colour=mix(p.navy, p.slate, 0.25)
    )
    _building_windows(
        bg, 540, 236, grid=(2, 6), cell=(26, 22), gap=(20, 26), colour=mix(p.navy, p.slate, 0.25)
    )
    facade = mix(p.paper, p.table, 0.5)
    x0, x1 = 136.0, 502.0
    top = 296.0
    bg.rect(facade, x0, top, x1 - x0, ground - top)
    bg.rect(mix(facade, p.slate, 0.25), x0 - 8, top - 14, x1 - x0 + 16, 16)
    bg.rect(mix(facade, p.slate, 0.18), x0, ground - 20, x1 - x0, 20)
    # Windows, some lit: people are already at work.
    for row in range(2):
        for col in range(4):
            if row == 1 and col in (1, 2):
                continue
            wx = x0 + 30 + col * 84
            wy = top + 36 + row * 100
            lit = (row, col) in ((0, 0), (0, 2), (1, 3))
            bg.rect(mix(facade, p.navy, 0.35), wx - 4, wy - 4, 50, 64, radius=2)
            bg.rect(LAMP_LIGHT if lit else mix(p.navy, p.slate, 0.35), wx, wy, 42, 56, radius=2)
            bg.line(mix(facade, p.slate, 0.3), (wx + 21, wy), (wx + 21, wy + 56), 2)
    # The door under a canopy, and a small brass plate.
    door_x = 319.0
    bg.rect(mix(facade, p.navy, 0.35), door_x - 34, ground - 118, 68, 98, radius=3)
    bg.rect(p.navy_deep, door_x - 28, ground - 112, 56, 92, radius=2)
    bg.line(BRASS, (door_x + 16, ground - 70), (door_x + 16, ground - 56), 3)
    bg.polygon(
        p.navy_deep,
        [
            (door_x - 52, ground - 132),
            (door_x + 52, ground - 132),
            (door_x + 44, ground - 118),
            (door_x - 44, ground - 118),
        ],
    )
    bg.rect(BRASS, door_x + 48, ground - 86, 44, 30, radius=2)
    bg.text(
        Face.TEXT_STRONG, 8, "LIAISON", p.navy_deep, (door_x + 70, ground - 76), anchor="center"
    )
    bg.text(Face.TEXT_STRONG, 8, "OFFICE", p.navy_deep, (door_x + 70, ground - 66), anchor="center")
    _street(bg, p, ground)
    _lamp(bg, p, 92, ground)
    kit.add(bg)
    _flagpole(kit, p, "us", 252, top - 14, height=156, flag_h=38, delay=0.1)
    _flagpole(kit, p, "dprk", 386, top - 14, height=156, flag_h=38, delay=0.3)


def _car(
    pt: Painter, p: Palette, x: float, ground: float, *, facing_right: bool, flag: str
) -> None:
    """A dark saloon in profile with a small flag on the front wing."""
    body = mix(p.navy_deep, (0, 0, 0), 0.25)
    glass = mix(p.slate, p.on_navy_soft, 0.3)
    w = 176.0
    pt.rect(body, x, ground - 46, w, 30, radius=10)
    cabin = [
        (x + 40, ground - 44),
        (x + 58, ground - 74),
        (x + 124, ground - 74),
        (x + 146, ground - 44),
    ]
    if not facing_right:
        cabin = [(2 * x + w - cx, cy) for cx, cy in cabin]
    pt.polygon(body, cabin)
    inset = [
        (cx + (4 if i in (0, 1) else -4), cy + (4 if i in (1, 2) else -2))
        for i, (cx, cy) in enumerate(cabin)
    ]
    pt.polygon(glass, inset)
    mid = (cabin[1][0] + cabin[2][0]) / 2
    pt.line(body, (mid, ground - 74), (mid, ground - 44), 4)
    pt.line(
        mix(p.slate, p.on_navy_soft, 0.2), (x + 10, ground - 38), (x + w - 10, ground - 38), 1.5
    )
    for wx in (x + 36, x + w - 36):
        pt.circle(mix(p.navy_deep, (0, 0, 0), 0.4), wx, ground - 14, 16)
        pt.circle(mix(p.slate, p.on_navy_soft, 0.4), wx, ground - 14, 7)
    front = x + w - 14 if facing_right else x + 14
    staff_top = ground - 78
    pole = mix(p.slate, p.on_navy_soft, 0.5)
    pt.line(pole, (front, ground - 46), (front, staff_top), 1.6)
    fw = pt.flag_width(flag, 12)
    pt.flag(
        flag,
        front - (fw if facing_right else 0) - (1 if facing_right else -1),
        staff_top,
        12,
        edge=None,
    )


def _embassies(kit: Kit) -> None:
    """Two embassies, one for each side, with ambassadors' cars drawing up."""
    p = kit.palette
    tones = _tones(p)
    bg = kit.painter()
    bg.fill(tones["night"])
    ground = 540.0
    stone = mix(p.paper, p.table, 0.55)
    modern = mix(p.paper, p.slate, 0.35)
    # Left: a classical front with a pediment and columns.
    lx0, lx1, ltop = 36.0, 300.0, 300.0
    bg.polygon(stone, [(lx0 - 6, ltop), (lx1 + 6, ltop), ((lx0 + lx1) / 2, ltop - 56)])
    bg.polygon(
        mix(stone, p.slate, 0.2),
        [(lx0 + 20, ltop - 6), (lx1 - 20, ltop - 6), ((lx0 + lx1) / 2, ltop - 46)],
    )
    bg.rect(stone, lx0 - 6, ltop, lx1 - lx0 + 12, 16)
    bg.rect(mix(stone, p.navy, 0.55), lx0 + 8, ltop + 16, lx1 - lx0 - 16, ground - ltop - 40)
    for i in range(5):
        cx = lx0 + 22 + i * ((lx1 - lx0 - 44) / 4)
        bg.rect(stone, cx - 10, ltop + 16, 20, ground - ltop - 40)
        bg.rect(mix(stone, p.slate, 0.2), cx - 13, ltop + 16, 26, 6)
    for k in range(3):
        bg.rect(
            mix(stone, p.slate, 0.12 * k),
            lx0 - 10 - k * 6,
            ground - 24 + k * 8,
            lx1 - lx0 + 20 + k * 12,
            8,
        )
    bg.rect(LAMP_LIGHT, (lx0 + lx1) / 2 - 16, ground - 112, 32, 88, radius=2)
    # Right: a plainer modern front, a grid of windows.
    rx0, rx1, rtop = 340.0, 600.0, 250.0
    bg.rect(modern, rx0, rtop, rx1 - rx0, ground - rtop)
    bg.rect(mix(modern, p.navy, 0.2), rx0 - 6, rtop - 12, rx1 - rx0 + 12, 12)
    for row in range(4):
        for col in range(5):
            lit = (row * 5 + col) % 4 == 1
            bg.rect(
                LAMP_LIGHT if lit else mix(p.navy, p.slate, 0.35),
                rx0 + 20 + col * 46,
                rtop + 24 + row * 44,
                34,
                30,
                radius=1,
            )
    bg.rect(mix(modern, p.navy, 0.5), (rx0 + rx1) / 2 - 34, ground - 70, 68, 70)
    bg.rect(LAMP_LIGHT, (rx0 + rx1) / 2 - 28, ground - 64, 56, 64)
    for x in ((lx0 + lx1) / 2 + 26, (rx0 + rx1) / 2 + 44):
        bg.rect(BRASS, x, ground - 64, 56, 16, radius=2)
        bg.text(
            Face.TEXT_STRONG,
            8,
            "EMBASSY",
            p.navy_deep,
            (x + 28, ground - 56),
            anchor="center",
            tracking=1,
        )
    _street(bg, p, ground)
    kit.add(bg)
    _flagpole(kit, p, "us", (lx0 + lx1) / 2, ltop - 56, height=140, flag_h=36, delay=0.05)
    _flagpole(kit, p, "dprk", (rx0 + rx1) / 2 - 34, rtop - 12, height=120, flag_h=34, delay=0.2)
    # The two ambassadors' cars, each drawing up in front of its embassy.
    road = ground + 112
    left = kit.painter((40, road - 90, 190, 96))
    _car(left, p, 46, road, facing_right=True, flag="us")
    kit.add(left, Motion(0.2, 0.8, Pose(dx=-260)))
    right = kit.painter((392, road - 90, 190, 96))
    _car(right, p, 398, road, facing_right=False, flag="dprk")
    kit.add(right, Motion(0.3, 0.9, Pose(dx=260)))


def _regional(kit: Kit) -> None:
    """A map reduced to capitals and ties: the neighbours take the lead, Washington steps back."""
    p = kit.palette
    tones = _tones(p)
    bg = kit.painter()
    bg.fill(tones["night"])
    # A faint graticule: the sense of a map without drawing any coastline.
    for gx in range(10, SCENE_WIDTH + 1, 52):
        bg.line(tones["faint"], (gx, 0), (gx, SCENE_HEIGHT), 1)
    for gy in range(10, SCENE_HEIGHT + 1, 52):
        bg.line(tones["faint"], (0, gy), (SCENE_WIDTH, gy), 1)
    pyongyang = (250.0, 330.0)
    centre = (262.0, 346.0)
    radius = 236.0
    neighbours = {
        "Moscow": (150.0, 170.0),
        "Beijing": (104.0, 286.0),
        "Seoul": (270.0, 456.0),
        "Tokyo": (410.0, 486.0),
    }
    bg.circle(mix(p.navy, p.on_navy_soft, 0.12), centre[0], centre[1], radius)
    bg.circle(mix(p.navy, p.on_navy_soft, 0.3), centre[0], centre[1], radius, width=1.2)
    bg.text(
        Face.TEXT_STRONG,
        11,
        "THE REGION",
        mix(p.navy, p.on_navy_soft, 0.75),
        (centre[0], centre[1] + radius - 26),
        anchor="center",
        tracking=2,
    )
    kit.add(bg)
    # The neighbours' ties to Pyongyang, drawn in as they take the lead.
    for i, (x, y) in enumerate(neighbours.values()):
        box = (
            min(x, pyongyang[0]) - 8,
            min(y, pyongyang[1]) - 8,
            abs(x - pyongyang[0]) + 16,
            abs(y - pyongyang[1]) + 16,
        )
        tie = kit.painter(box)
        tie.line(p.on_navy_soft, (x, y), pyongyang, 3)
        wipe = Wipe.FROM_TOP if y < pyongyang[1] else Wipe.FROM_BOTTOM
        kit.add(tie, Motion(0.15 + 0.1 * i, 0.55 + 0.1 * i, Pose(reveal=0.0)), wipe)
    nodes = kit.painter()
    for name, (x, y) in neighbours.items():
        nodes.circle(p.on_navy, x, y, 9)
        nodes.circle(p.navy, x, y, 4)
        nodes.text(
            Face.TEXT_STRONG, 13, name.upper(), p.on_navy, (x, y + 16), anchor="midtop", tracking=1
        )
    nodes.circle(p.alarm, pyongyang[0], pyongyang[1], 13)
    nodes.circle(PAPER_WHITE, pyongyang[0], pyongyang[1], 5)
    nodes.text(
        Face.TEXT_STRONG,
        13,
        "PYONGYANG",
        p.on_navy,
        (pyongyang[0] + 20, pyongyang[1] - 4),
        anchor="midleft",
        tracking=1,
    )
    kit.add(nodes)
    # Washington: once close in, now at the edge, its tie thinned to a dotted line.
    washington = (574.0, 214.0)
    start = (452.0, 300.0)
    soft = mix(p.navy, p.on_navy_soft, 0.6)
    dotted = kit.painter(
        (
            pyongyang[0] + 14,
            washington[1] - 10,
            washington[0] - pyongyang[0],
            pyongyang[1] - washington[1] + 20,
        )
    )
    dotted.dashed(
        soft,
        [(pyongyang[0] + 16, pyongyang[1] - 6), (washington[0] - 12, washington[1] + 4)],
        2,
        5,
        7,
    )
    kit.add(dotted, Motion(0.5, 1.0, Pose(alpha=0.0)))
    node = kit.painter((washington[0] - 140, washington[1] - 44, 170, 64))
    node.circle(p.on_navy_soft, washington[0], washington[1], 9, width=3)
    node.text(
        Face.TEXT_STRONG,
        13,
        "WASHINGTON",
        p.on_navy_soft,
        (washington[0] + 20, washington[1] - 18),
        anchor="bottomright",
        tracking=1,
    )
    kit.add(node, Motion(0.1, 0.85, Pose(dx=start[0] - washington[0], dy=start[1] - washington[1])))
    # A small arrow alongside the tie: the direction America is moving.
    arrow = kit.painter((470, 220, 90, 70))
    tail, tip = (489.0, 268.0), (535.0, 252.0)
    arrow.line(p.on_navy_soft, tail, tip, 2.5)
    arrow.polygon(p.on_navy_soft, [(545.0, 248.5), (530.0, 244.0), (535.0, 259.0)])
    kit.add(arrow, Motion(0.7, 1.0, Pose(alpha=0.0)))


def _grand(kit: Kit) -> None:
    """A bound document of everything, every box ticked, under a magnifying glass: verified how?"""
    p = kit.palette
    tones = _tones(p)
    bg = kit.painter()
    bg.fill(tones["night"])
    bg.rect(p.table, 40, 120, 548, 540, radius=10)
    bg.rect(p.rule, 52, 132, 524, 516, radius=6, width=1.2)
    # A thick stack: the pages' edges show under the open book.
    for k in range(5, 0, -1):
        bg.rect(
            mix(PAPER_WHITE, p.slate, 0.12 + 0.05 * k), 92 + k * 3, 176 + k * 4, 444, 420, radius=3
        )
    bg.rect(PAPER_WHITE, 92, 176, 444, 420, radius=3)
    bg.line(mix(PAPER_WHITE, p.slate, 0.4), (314, 180), (314, 592), 2)
    bg.text(Face.DISPLAY, 19, "Everything", p.ink, (204, 214), anchor="center")
    bg.text(Face.DISPLAY, 19, "for everything", p.ink, (424, 214), anchor="center")
    for page_x in (112.0, 334.0):
        for i in range(9):
            y = 256 + i * 36
            bg.rect(p.ink_soft, page_x, y, 16, 16, radius=2, width=1.6)
            bg.line(
                mix(PAPER_WHITE, p.slate, 0.35),
                (page_x + 28, y + 8),
                (page_x + 28 + (150 if i % 3 else 118), y + 8),
                3,
            )
    kit.add(bg)
    ticks = kit.painter((100, 248, 420, 336))
    for page_x in (112.0, 334.0):
        for i in range(9):
            y = 256 + i * 36
            ticks.polyline(
                p.positive, [(page_x + 3, y + 8), (page_x + 7, y + 13), (page_x + 15, y + 1)], 2.6
            )
    kit.add(ticks, Motion(0.05, 0.6, Pose(reveal=0.0)), Wipe.FROM_TOP)
    glass = kit.painter((300, 300, 300, 340))
    gx, gy, gr = 430.0, 420.0, 92.0
    handle = mix(p.navy_deep, p.slate, 0.2)
    glass.line(handle, (gx + gr * 0.7, gy + gr * 0.7), (gx + gr * 1.45, gy + gr * 1.45), 22)
    glass.circle(mix(STEAM, PAPER_WHITE, 0.5), gx, gy, gr)
    glass.circle(handle, gx, gy, gr, width=12)
    glass.text(Face.DISPLAY, 130, "?", p.alarm, (gx, gy + 4), anchor="center")
    kit.add(glass, Motion(0.5, 0.95, Pose(dx=60, dy=60, alpha=0.0)))


def _armchair(pt: Painter, colour: Colour, x: float, ground: float, *, facing_right: bool) -> None:
    """A club chair in profile, ``x`` its back edge, facing the middle of the room."""
    sign = 1 if facing_right else -1
    dark = mix(colour, (0, 0, 0), 0.22)
    light = mix(colour, (255, 255, 255), 0.08)

    def at(dx: float) -> float:
        return x + sign * dx

    # Legs first, then the back leaning away, the seat cushion, and the arm in front.
    for leg in (18.0, 124.0):
        pt.line(dark, (at(leg), ground - 30), (at(leg + sign * 0 - 4), ground), 6)
    pt.polygon(dark, rounded_points(at(22), ground - 96, 40, 150, 16, angle=-8 * sign))
    pt.polygon(colour, rounded_points(at(72), ground - 52, 128, 40, 12))
    pt.polygon(light, rounded_points(at(80), ground - 72, 104, 18, 8))
    pt.polygon(dark, rounded_points(at(112), ground - 70, 46, 56, 14))


def _talks_continue(kit: Kit) -> None:
    """Two chairs, a low table, and a calendar page turning to the date of the next meeting."""
    p = kit.palette
    tones = _tones(p)
    bg = kit.painter()
    bg.fill(tones["night"])
    floor = 590.0
    bg.rect(tones["wall"], 0, floor, SCENE_WIDTH, SCENE_HEIGHT - floor)
    bg.line(tones["line"], (0, floor), (SCENE_WIDTH, floor), 2)
    chair = mix(p.slate, p.navy, 0.15)
    _armchair(bg, chair, 70, floor, facing_right=True)
    _armchair(bg, chair, 558, floor, facing_right=False)
    # A low round table between them with two glasses of water.
    bg.ellipse(p.table, 244, floor - 92, 140, 18)
    bg.line(mix(p.table, p.navy, 0.35), (314, floor - 78), (314, floor), 6)
    bg.line(mix(p.table, p.navy, 0.35), (284, floor), (344, floor), 5)
    for gx in (292.0, 336.0):
        bg.rect(STEAM, gx - 7, floor - 118, 14, 28, radius=2)
        bg.rect(mix(STEAM, p.navy, 0.2), gx - 7, floor - 104, 14, 14, radius=2)
    _desk_flag(bg, p, "us", 262, floor - 84, height=9)
    _desk_flag(bg, p, "dprk", 366, floor - 84, height=9)
    # The calendar on the wall.
    cx, cy, w, h = 214.0, 118.0, 200.0, 236.0
    bg.rect(mix(p.navy_deep, p.navy, 0.3), cx + 6, cy + 8, w, h, radius=6)
    bg.rect(PAPER_WHITE, cx, cy, w, h, radius=6)
    bg.rect(p.navy_deep, cx, cy, w, 56, radius=6)
    bg.rect(p.navy_deep, cx, cy + 30, w, 26)
    bg.text(
        Face.TEXT_STRONG,
        14,
        "NEXT MEETING",
        p.on_navy,
        (cx + w / 2, cy + 28),
        anchor="center",
        tracking=2,
    )
    bg.text(
        Face.DISPLAY,
        96,
        "?",
        mix(PAPER_WHITE, p.slate, 0.25),
        (cx + w / 2, cy + 142),
        anchor="center",
    )
    bg.text(Face.TEXT, 13, "to be agreed", p.ink_soft, (cx + w / 2, cy + h - 26), anchor="center")
    for ring in (cx + 50, cx + w - 50):
        bg.circle(p.slate, ring, cy - 2, 7, width=3)
    kit.add(bg)
    # The old page, 28 February, falls away.
    old = kit.painter((cx - 40, cy + 50, w + 80, h + 160))
    old.rect(PAPER_WHITE, cx, cy + 56, w, h - 56)
    old.rect(p.rule, cx, cy + 56, w, h - 56, width=1)
    old.text(Face.DISPLAY, 96, "28", p.ink, (cx + w / 2, cy + 140), anchor="center")
    old.text(
        Face.TEXT_STRONG,
        13,
        "FEBRUARY",
        p.ink_soft,
        (cx + w / 2, cy + h - 28),
        anchor="center",
        tracking=2,
    )
    kit.add(old, Motion(0.15, 0.7, Pose(), Pose(dy=120, alpha=0.0, angle=-14)))
    circled = kit.painter((cx + 40, cy + 70, w - 80, 130))
    circled.circle(p.alarm, cx + w / 2, cy + 136, 54, width=4)
    kit.add(circled, Motion(0.65, 1.0, Pose(alpha=0.0)))


def _statement(kit: Kit) -> None:
    """Any signed joint statement: a short text, two signatures, both flags."""
    _signed_text(kit, "Joint Statement", "of the two delegations", lines=7, hands=2, start=0.3)


# --- Choosing a scene ----------------------------------------------------------------------------


@attrs.frozen
class Scene:
    """One outcome picture."""

    id: str
    description: str
    """What it shows, in words (also the picture's alternative text)."""
    build: Callable[[Kit], None] = attrs.field(eq=False, repr=False)


SCENES: Final[dict[str, Scene]] = {
    scene.id: scene
    for scene in (
        Scene("walkout", "Their chairs empty; their delegation leaving through a door.", _walkout),
        Scene(
            "walked_away",
            "Our chairs empty and our papers left at an untouched lunch table.",
            _walked_away,
        ),
        Scene(
            "no_deal", "A bare signing table, pens untouched, the clock past the hour.", _no_deal
        ),
        Scene(
            "freeze_for_freeze",
            "A quiet test stand; the exercise dates struck from the calendar.",
            _freeze,
        ),
        Scene(
            "yongbyon_deal", "The reactor complex going dark behind an inspectors' seal.", _yongbyon
        ),
        Scene(
            "peace_declaration", "A declaration signed by both sides, two pens, both flags.", _peace
        ),
        Scene(
            "liaison_offices", "A modest office building with both flags over the door.", _liaison
        ),
        Scene(
            "embassies",
            "Two embassies with their flags, the ambassadors' cars drawing up.",
            _embassies,
        ),
        Scene(
            "regional_handoff",
            "A map of capitals: the neighbours take the lead, Washington steps back.",
            _regional,
        ),
        Scene(
            "grand_bargain",
            "A document of everything, every box ticked, under a question mark.",
            _grand,
        ),
        Scene(
            "talks_continue",
            "Two chairs and a calendar turned to a meeting still to be dated.",
            _talks_continue,
        ),
        Scene("statement", "A signed joint statement under both flags.", _statement),
    )
}
"""Every scene by id; Hanoi's endings use the scene of the same id."""

# An ending of another scenario borrows the picture of the accord it is about ...
_BY_ACCORD: Final = (
    ("demand_cvid", "grand_bargain"),
    ("regional_handoff", "regional_handoff"),
    ("embassies", "embassies"),
    ("liaison_offices", "liaison_offices"),
    ("peace_declaration", "peace_declaration"),
    ("yongbyon_for_relief", "yongbyon_deal"),
    ("mutual_restraint", "freeze_for_freeze"),
)
# ... or, failing that, the generic picture of how the summit ended.
_BY_TERMINAL: Final = {
    Terminal.WALKOUT: "walkout",
    Terminal.WALKED_AWAY: "walked_away",
    Terminal.STATEMENT: "statement",
    Terminal.NO_STATEMENT: "no_deal",
}


def scene_for(ending: Ending, terminal: Terminal) -> Scene:
    """The picture for an ending: by its id, else by the accord it needs, else by how it ended."""
    scene = SCENES.get(ending.id)
    if scene is not None:
        return scene
    for accord, scene_id in _BY_ACCORD:
        if accord in ending.accords:
            return SCENES[scene_id]
    return SCENES[_BY_TERMINAL[terminal]]


# --- Building and drawing ---------------------------------------------------------------------

_cache: OrderedDict[tuple[str, tuple[int, int], Palette], tuple[Layer, ...]] = OrderedDict()


def build_layers(
    scene: Scene, size: tuple[int, int], palette: Palette, fonts: FontBook
) -> tuple[Layer, ...]:
    """Paint ``scene``'s layers for a picture of ``size`` pixels (cached for a few scenes)."""
    key = (scene.id, size, palette)
    layers = _cache.get(key)
    if layers is not None:
        _cache.move_to_end(key)
        return layers
    scale = min(size[0] / SCENE_WIDTH, size[1] / SCENE_HEIGHT)
    kit = Kit(palette, fonts, scale)
    scene.build(kit)
    layers = tuple(kit.layers)
    _cache[key] = layers
    while len(_cache) > CACHE_SCENES:
        _cache.popitem(last=False)
    return layers


class ScenePicture:
    """A scene at a fixed size: draws any moment of its entry, and keeps the resting picture."""

    def __init__(self, scene: Scene, size: tuple[int, int]) -> None:
        self.scene = scene
        self.size = size
        self._rest: tuple[Palette, pygame.Surface] | None = None

    def draw(
        self,
        target: pygame.Surface,
        topleft: tuple[int, int],
        palette: Palette,
        fonts: FontBook,
        t: float,
    ) -> None:
        """Draw the scene as it stands at entry time ``t`` (0-1; 1 is at rest)."""
        if t >= 1.0:
            # The resting picture is composed once: an idle screen redraws with a single blit.
            if self._rest is None or self._rest[0] != palette:
                rest = pygame.Surface(self.size)
                rest.fill(palette.navy)
                for layer in build_layers(self.scene, self.size, palette, fonts):
                    layer.draw(rest, 1.0)
                self._rest = (palette, rest)
            target.blit(self._rest[1], topleft)
            return
        layers = build_layers(self.scene, self.size, palette, fonts)
        previous = target.get_clip()
        target.set_clip(pygame.Rect(topleft, self.size).clip(previous))
        target.fill(palette.navy, pygame.Rect(topleft, self.size))
        for layer in layers:
            layer.draw(target, t, topleft)
        target.set_clip(previous)


def render_scene(
    scene: Scene, size: tuple[int, int], palette: Palette, fonts: FontBook, t: float = 1.0
) -> pygame.Surface:
    """The scene as a picture of its own (for tests, thumbnails and the class report)."""
    surface = pygame.Surface(size)
    surface.fill(palette.navy)
    ScenePicture(scene, size).draw(surface, (0, 0), palette, fonts, t)
    return surface


__all__ = [
    "ENTRY_SECONDS",
    "SCENES",
    "SCENE_HEIGHT",
    "SCENE_WIDTH",
    "Layer",
    "Motion",
    "Pose",
    "Scene",
    "ScenePicture",
    "Wipe",
    "build_layers",
    "mix",
    "render_scene",
    "scene_for",
]
