"""Pictures drawn in code: the two flags to specification and the summit table seen from above."""

from __future__ import annotations

import enum
import functools
import math
from typing import Final

import pygame

from game.draw import theme
from game.draw.theme import Colour, Palette

SUPERSAMPLE: Final = 4
"""Shapes are drawn this many times larger and scaled down, which antialiases every edge."""

# U.S. flag, Executive Order 10834, as fractions of the hoist (height).
US_FLY: Final = 1.9
US_CANTON_FLY: Final = 0.76
US_CANTON_HOIST: Final = 7 / 13
US_STAR_DIAMETER: Final = 0.0616
US_STAR_STEP_X: Final = 0.063
US_STAR_STEP_Y: Final = 0.054

# DPRK flag, flag law of 1992: stripes 6:1:22:1:6 of the hoist, disc centred a third along the
# fly with a diameter of 16/36 hoist, star in a circle of 15.5/36.
DPRK_FLY: Final = 2.0
DPRK_STRIPES: Final = (6, 1, 22, 1, 6)
DPRK_DISC: Final = 16 / 36
DPRK_STAR: Final = 15.5 / 36


def star_points(
    center: tuple[float, float], radius: float, rotation: float = -math.pi / 2
) -> list[tuple[float, float]]:
    """The ten corners of a regular five-pointed star, first point straight up by default."""
    cx, cy = center
    inner = radius * math.sin(math.radians(18)) / math.sin(math.radians(126))
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else inner
        angle = rotation + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


def _finish(big: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    return pygame.transform.smoothscale(big, size)


@functools.cache
def us_flag(height: int) -> pygame.Surface:
    """The U.S. flag, ``height`` pixels tall, in its 10:19 proportions."""
    h = height * SUPERSAMPLE
    w = round(h * US_FLY)
    big = pygame.Surface((w, h), pygame.SRCALPHA)
    big.fill(theme.FLAG_WHITE)
    for stripe in range(0, 13, 2):
        top = round(stripe * h / 13)
        bottom = round((stripe + 1) * h / 13)
        pygame.draw.rect(big, theme.US_RED, (0, top, w, bottom - top))
    canton = pygame.Rect(0, 0, round(h * US_CANTON_FLY), round(h * US_CANTON_HOIST))
    pygame.draw.rect(big, theme.US_BLUE, canton)
    radius = h * US_STAR_DIAMETER / 2
    for row in range(9):
        y = (row + 1) * US_STAR_STEP_Y * h
        columns = range(1, 12, 2) if row % 2 == 0 else range(2, 11, 2)
        for column in columns:
            pygame.draw.polygon(
                big, theme.FLAG_WHITE, star_points((column * US_STAR_STEP_X * h, y), radius)
            )
    return _finish(big, (round(height * US_FLY), height))


@functools.cache
def dprk_flag(height: int) -> pygame.Surface:
    """The flag of the DPRK, ``height`` pixels tall, in its 1:2 proportions."""
    h = height * SUPERSAMPLE
    w = round(h * DPRK_FLY)
    big = pygame.Surface((w, h), pygame.SRCALPHA)
    colours = (theme.DPRK_BLUE, theme.FLAG_WHITE, theme.DPRK_RED, theme.FLAG_WHITE, theme.DPRK_BLUE)
    units = sum(DPRK_STRIPES)
    top = 0
    done = 0
    for part, colour in zip(DPRK_STRIPES, colours, strict=True):
        done += part
        bottom = round(done * h / units)
        pygame.draw.rect(big, colour, (0, top, w, bottom - top))
        top = bottom
    centre = (w / 3, h / 2)
    pygame.draw.circle(big, theme.FLAG_WHITE, centre, h * DPRK_DISC / 2)
    pygame.draw.polygon(big, theme.DPRK_RED, star_points(centre, h * DPRK_STAR / 2))
    return _finish(big, (round(height * DPRK_FLY), height))


def flag_image(kind: str, height: int) -> pygame.Surface | None:
    """The flag a scenario's side names (one of the engine's ``FLAGS``), ``height`` pixels
    tall; None for a side without a flag."""
    if kind == "us":
        return us_flag(height)
    if kind == "dprk":
        return dprk_flag(height)
    return None


def flag_fly(kind: str) -> float:
    """A flag's width as a multiple of its height (0 for no flag)."""
    return {"us": US_FLY, "dprk": DPRK_FLY}.get(kind, 0.0)


def draw_side_flag(
    surface: pygame.Surface, kind: str, height: int, topleft: tuple[int, int], palette: Palette
) -> pygame.Rect:
    """A side's flag (see :func:`flag_image`), drawn as :func:`draw_flag` draws it. A side
    without one draws nothing and gets a rectangle of no width 10 pixels left of ``topleft``,
    so that what is set 10 pixels after it starts at ``topleft``."""
    flag = flag_image(kind, height)
    if flag is None:
        return pygame.Rect(topleft[0] - 10, topleft[1], 0, height)
    return draw_flag(surface, flag, topleft, palette)


def draw_flag(
    surface: pygame.Surface, flag: pygame.Surface, topleft: tuple[int, int], palette: Palette
) -> pygame.Rect:
    """Blit a flag with a hairline edge so its white parts stay visible on pale paper."""
    rect = surface.blit(flag, topleft)
    pygame.draw.rect(surface, palette.rule, rect.inflate(2, 2), width=1)
    return rect


class Pose(enum.Enum):
    """How the delegation across the table sits after its answer: generic figures seen from
    above, whose posture says what the words said."""

    SEATED = "seated"
    """Listening: upright in their chairs."""
    LEANING_IN = "leaning in"
    """They accept: leaning over the table, the heads of delegation shaking hands."""
    CONFERRING = "conferring"
    """Not now: the aides turn to their head of delegation to confer."""
    LEANING_BACK = "leaning back"
    """They refuse: pushed back from the table, arms folded, the folder closed."""
    COUNTERING = "countering"
    """A proposal of their own: a paper slid across the table to the U.S. side."""
    WALKED_OUT = "walked out"
    """They have left: their chairs pushed back, empty."""
    WALKED_AWAY = "walked away"
    """The U.S. side has left: its chairs pushed back, empty."""


def _figure(
    big: pygame.Surface,
    body: Colour,
    head: Colour,
    centre: tuple[float, float],
    scale: float,
    *,
    facing_down: bool,
    turn: float = 0.0,
    folded: Colour | None = None,
) -> None:
    """A seated delegate seen from above: shoulders and a head, nobody in particular. ``turn``
    moves the head sideways (-1 to 1: looking to a neighbour); ``folded`` draws arms crossed
    over the chest in that colour."""
    cx, cy = centre
    shoulders = pygame.Rect(0, 0, round(60 * scale), round(28 * scale))
    shoulders.center = (round(cx), round(cy))
    pygame.draw.ellipse(big, body, shoulders)
    toward = 1 if facing_down else -1
    if folded is not None:
        arms = pygame.Rect(0, 0, round(44 * scale), round(10 * scale))
        arms.center = (round(cx), round(cy + toward * 9 * scale))
        pygame.draw.rect(big, folded, arms, border_radius=round(5 * scale))
    head_dy = -toward * 3 * scale
    pygame.draw.circle(big, head, (cx + turn * 9 * scale, cy + head_dy), 12 * scale)


def _arm(
    big: pygame.Surface,
    colours: tuple[Colour, Colour],
    start: tuple[float, float],
    end: tuple[float, float],
    scale: float,
) -> None:
    """An arm reaching across the table, with the hand at its end (``colours``: the sleeve's
    and the hand's)."""
    sleeve, hand = colours
    pygame.draw.line(big, sleeve, start, end, max(1, round(10 * scale)))
    pygame.draw.circle(big, hand, end, 6 * scale)


PLAN_DESIGN_HEIGHT: Final = 232
"""Height the seating plan's figures are designed at; shorter plans shrink them to fit."""


@functools.cache
def _seating_plan(width: int, height: int, colour_blind: bool, pose: Pose) -> pygame.Surface:
    palette = theme.COLOUR_BLIND_PALETTE if colour_blind else theme.STANDARD_PALETTE
    s = SUPERSAMPLE
    big = pygame.Surface((width * s, height * s), pygame.SRCALPHA)
    w, h = width * s, height * s
    # Figures, chairs and table things keep their proportions as the plan gets shorter.
    k = min(1.0, height / PLAN_DESIGN_HEIGHT)
    table = pygame.Rect(0, 0, round(w * 0.84), round(h * 0.38))
    table.center = (w // 2, h // 2)
    chair_colour = palette.navy_deep
    body_colour = palette.slate
    head_colour = palette.on_navy_soft
    seats = 3
    pitch = table.width / (seats + 1)
    hands: list[tuple[tuple[float, float], tuple[float, float], float]] = []
    for side in (-1, 1):
        theirs = side < 0
        edge_y = table.top if theirs else table.bottom
        gone = pose is (Pose.WALKED_OUT if theirs else Pose.WALKED_AWAY)
        for seat in range(seats):
            x = table.left + pitch * (seat + 1)
            scale = s * k * (1.12 if seat == 1 else 0.96)
            lead = seat == 1
            # How far each figure sits from its place: away from the table (+) or towards it.
            back = 0.0
            turn = 0.0
            dx = 0.0
            folded: Colour | None = None
            if theirs and pose is Pose.LEANING_IN:
                back = -9.0
            elif theirs and pose is Pose.LEANING_BACK:
                back = 12.0
                folded = palette.ink_soft
            elif theirs and pose is Pose.CONFERRING:
                # The aides close in on their head of delegation, who turns to one of them.
                turn = -1.2 if lead else (1.6 if seat == 0 else -1.6)
                dx = 0.0 if lead else (22.0 if seat == 0 else -22.0)
            elif lead and (pose is Pose.LEANING_IN or (theirs and pose is Pose.COUNTERING)):
                back = -6.0
            if gone:
                # Chairs pushed back and left askew.
                back = 16.0
                dx = (-10.0, 4.0, 12.0)[seat]
            chair = pygame.Rect(0, 0, round(76 * scale), round(46 * scale))
            chair.center = (round(x + dx * scale), round(edge_y + side * (30 + back) * scale))
            pygame.draw.rect(big, chair_colour, chair, border_radius=round(12 * scale))
            if gone:
                continue
            centre = (x + dx * scale, edge_y + side * (22 + back) * scale)
            _figure(
                big,
                body_colour,
                head_colour,
                centre,
                scale,
                facing_down=theirs,
                turn=turn,
                folded=folded,
            )
            if lead and pose is Pose.LEANING_IN:
                # The two heads of delegation shake hands over the middle of the table.
                shoulder = (centre[0] + 22 * scale, centre[1] - side * 4 * scale)
                hands.append((shoulder, (x + 34 * s * k, table.centery + side * 5 * s * k), scale))
            if lead and theirs and pose is Pose.COUNTERING:
                shoulder = (centre[0] + 22 * scale, centre[1] + 4 * scale)
                hands.append((shoulder, (x + 30 * s * k, table.centery + 12 * s * k), scale))
    pygame.draw.rect(big, palette.table, table, border_radius=round(table.height * 0.5))
    inner = table.inflate(round(-7 * s * k), round(-7 * s * k))
    pygame.draw.rect(
        big,
        palette.rule,
        inner,
        width=max(1, round(s * k)),
        border_radius=round(inner.height * 0.5),
    )
    for side in (-1, 1):
        for seat in range(seats):
            x = table.left + pitch * (seat + 1)
            folder = pygame.Rect(0, 0, round(34 * s * k), round(20 * s * k))
            shut = side < 0 and seat == 1 and pose is Pose.LEANING_BACK
            if shut:
                # The head of delegation's folder closed and pushed aside.
                folder.width = round(20 * s * k)
                folder.center = (round(x - 26 * s * k), round(table.centery - table.height * 0.3))
            else:
                folder.center = (round(x), round(table.centery + side * table.height * 0.27))
            pygame.draw.rect(big, palette.surface, folder, border_radius=round(2 * s * k))
            pygame.draw.rect(
                big,
                palette.rule,
                folder,
                width=max(1, round(s * k)),
                border_radius=round(2 * s * k),
            )
            glass = (x + 30 * s * k, table.centery + side * table.height * 0.27)
            pygame.draw.circle(big, palette.slate, glass, 5 * s * k, width=max(1, round(s * k)))
    # A low arrangement down the middle of the table, as at most formal talks.
    bed = pygame.Rect(0, 0, round(112 * s * k), round(16 * s * k))
    bed.center = table.center
    pygame.draw.rect(big, theme.FLOWER_LEAF, bed, border_radius=round(8 * s * k))
    for i in range(7):
        bloom = (bed.left + (8 + i * 16) * s * k, bed.centery + (-2 if i % 2 else 2) * s * k)
        pygame.draw.circle(big, theme.FLOWER_BLOOM, bloom, 4 * s * k)
    if pose is Pose.COUNTERING:
        # Their paper, slid across the table towards the U.S. side.
        paper = pygame.Rect(0, 0, round(30 * s * k), round(38 * s * k))
        paper.center = (round(table.centerx + 26 * s * k), round(table.centery + 20 * s * k))
        pygame.draw.rect(big, theme.FLAG_WHITE, paper, border_radius=round(2 * s * k))
        pygame.draw.rect(big, palette.ink_soft, paper, width=max(1, round(s * k)))
        for line in range(4):
            y = paper.top + (9 + line * 7) * s * k
            pygame.draw.line(
                big,
                palette.rule,
                (paper.left + 5 * s * k, y),
                (paper.right - 5 * s * k, y),
                max(1, round(s * k)),
            )
    for start, end, scale in hands:
        _arm(big, (body_colour, head_colour), start, end, scale)
    return _finish(big, (width, height))


def seating_plan(
    width: int, height: int, palette: Palette, pose: Pose = Pose.SEATED
) -> pygame.Surface:
    """The summit table from above: three seats a side, folders, glasses, flowers, and the
    delegation across the table sitting in ``pose``."""
    return _seating_plan(width, height, palette is theme.COLOUR_BLIND_PALETTE, pose)
