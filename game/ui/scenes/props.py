"""Pieces several outcome pictures share: the scene's tones, delegates and chairs, papers and
glasses, the room, its door and the table, desk flags, hills under a night sky, a street and its
flagpoles, and a text signed under both flags."""

from __future__ import annotations

import math
from collections.abc import Sequence

from game.draw.theme import Colour, Face, Palette
from game.ui import art
from game.ui.scenes.kit import (
    BRASS,
    PAPER_WHITE,
    SCENE_HEIGHT,
    SCENE_WIDTH,
    SIGNATURE_INK,
    Kit,
    Motion,
    Painter,
    Point,
    Pose,
    Side,
    arc_points,
    mix,
    rounded_points,
)


def backdrop(kit: Kit) -> tuple[Palette, dict[str, Colour], Painter]:
    """A picture's palette, its tones, and the sheet behind everything, filled with night."""
    p = kit.palette
    tones = scene_tones(p)
    bg = kit.painter()
    bg.fill(tones["night"])
    return p, tones, bg


def scene_tones(p: Palette) -> dict[str, Colour]:
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


def delegate(
    pt: Painter, p: Palette, cx: float, cy: float, *, facing_up: bool, scale: float = 1.0
) -> None:
    """A delegate seen from above: shoulders and a head."""
    tones = scene_tones(p)
    pt.ellipse(tones["body"], cx - 28 * scale, cy - 13 * scale, 56 * scale, 26 * scale)
    pt.circle(tones["head"], cx, cy + (-3 if facing_up else 3) * scale, 11 * scale)


def chair(
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
    tones = scene_tones(p)
    seat = colour or tones["chair"]
    pt.polygon(seat, rounded_points(cx, cy, 64, 48, 12, angle=angle))
    back_offset = -22 if back_up else 22
    turn = math.radians(angle)
    bx = cx - back_offset * math.sin(turn)
    by = cy + back_offset * math.cos(turn)
    pt.polygon(mix(seat, p.navy_deep, 0.45), rounded_points(bx, by, 60, 12, 6, angle=angle))


def paper_sheet(
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


def glass(pt: Painter, p: Palette, cx: float, cy: float) -> None:
    pt.circle(mix(p.table, p.slate, 0.5), cx, cy, 6, width=1.5)


def room_walls(
    pt: Painter, p: Palette, room: tuple[float, float, float, float], door: tuple[str, float, float]
) -> None:
    """A floor plan's walls with a gap for a door: ``door`` is (wall, from x, to x)."""
    tones = scene_tones(p)
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


def door(
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


def desk_flag(pt: Painter, p: Palette, side: Side, x: float, y: float, *, height: float) -> None:
    """A small table flag on a pole, its pole foot at ``x, y`` (none for a side without a
    flag)."""
    if not pt.has_flag(side):
        return
    pole = mix(p.slate, p.on_navy_soft, 0.5)
    pt.line(pole, (x, y), (x, y - height * 2.1), 2)
    pt.circle(pole, x, y, 4)
    pt.flag(side, x + 1, y - height * 2.1, height, edge=None)


def table_top(
    pt: Painter, p: Palette, cx: float, cy: float, *, size: tuple[float, float]
) -> tuple[float, float, float, float]:
    """The long summit table from above; returns its box."""
    w, h = size
    x, y = cx - w / 2, cy - h / 2
    pt.rect(p.table, x, y, w, h, radius=h / 2)
    pt.rect(p.rule, x + 7, y + 7, w - 14, h - 14, radius=(h - 14) / 2, width=1.2)
    return (x, y, w, h)


def hills(pt: Painter, colour: Colour, base: float, crests: Sequence[Point]) -> None:
    """A band of low hills: a polygon through ``crests`` closed along the bottom."""
    points: list[Point] = [(0, SCENE_HEIGHT), (0, base)]
    points.extend(crests)
    points.extend([(SCENE_WIDTH, base), (SCENE_WIDTH, SCENE_HEIGHT)])
    pt.polygon(colour, points)


def lay_floor(pt: Painter, tones: dict[str, Colour], top: float) -> None:
    """The floor (or the ground) from ``top`` to the foot of the scene, with a line where it
    meets the wall."""
    pt.rect(tones["wall"], 0, top, SCENE_WIDTH, SCENE_HEIGHT - top)
    pt.line(tones["line"], (0, top), (SCENE_WIDTH, top), 2)


def smooth(points: Sequence[Point], steps: int = 8) -> list[Point]:
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


def stars(pt: Painter, p: Palette, count: int, top: float, bottom: float) -> None:
    """Stars placed by a fixed pattern, so the picture is the same every time."""
    for i in range(count):
        x = (i * 137) % 600 + 14
        y = top + (i * 89) % max(1.0, bottom - top)
        pt.circle(mix(p.navy, p.on_navy, 0.45), x, y, 1.3 if i % 3 else 2.0)


def _flag_pair(
    kit: Kit, p: Palette, cx: float, top: float, *, height: float, motion: Motion | None
) -> None:
    """Both flags on a small stand, as set out at a signing."""
    box = (cx - 200, top - 16, 400, height * 2.2 + 40)
    pt = kit.painter(box)
    pole = mix(p.slate, BRASS, 0.45)
    foot = top + height * 2.2
    pt.rect(mix(p.slate, p.navy, 0.4), cx - 132, foot - 6, 264, 12, radius=6)
    for side, x in ((Side.PLAYER, cx - 116.0), (Side.COUNTERPART, cx + 14.0)):
        if not pt.has_flag(side):
            continue
        pt.line(pole, (x, foot - 4), (x, top), 3)
        pt.circle(BRASS, x, top - 4, 5)
        pt.flag(side, x + 2, top + 4, height, edge=None)
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


def pen(pt: Painter, p: Palette, x: float, y: float, *, angle: float, colour: Colour) -> None:
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


def signed_text(
    kit: Kit, title: str, subtitle: str, *, lines: int, hands: int, start: float
) -> tuple[float, float, float, float]:
    """A text on the table with both flags above it, signed in turn by the two sides.

    ``hands`` picks the signature shapes; ``start`` is when the first signature is drawn.
    """
    p, _, bg = backdrop(kit)
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


def flagpole(
    kit: Kit,
    p: Palette,
    side: Side,
    x: float,
    foot: float,
    *,
    height: float,
    flag_h: float,
    delay: float,
) -> None:
    """A flagpole with its flag hoisted to the top as the scene enters (none for a side
    without a flag)."""
    flag = kit.flags.of(side)
    if art.flag_image(flag, 2) is None:
        return
    pole = kit.painter((x - 8, foot - height - 12, 16, height + 14))
    pole.line(mix(p.on_navy_soft, p.slate, 0.3), (x, foot), (x, foot - height), 3)
    pole.circle(BRASS, x, foot - height - 4, 5)
    kit.add(pole)
    width = flag_h * art.flag_fly(flag)
    sheet = kit.painter((x + 1, foot - height + 2, width + 2, flag_h + 2))
    sheet.flag(side, x + 2, foot - height + 2, flag_h, edge=None)
    kit.add(sheet, Motion(delay, delay + 0.55, Pose(dy=height - flag_h - 30, alpha=0.0)))


def street(pt: Painter, p: Palette, ground: float) -> None:
    tones = scene_tones(p)
    pt.rect(tones["wall"], 0, ground, SCENE_WIDTH, SCENE_HEIGHT - ground)
    pt.rect(mix(tones["wall"], p.slate, 0.25), 0, ground, SCENE_WIDTH, 18)
    pt.line(tones["line"], (0, ground), (SCENE_WIDTH, ground), 1.5)
    for x in range(20, SCENE_WIDTH, 90):
        pt.line(tones["faint"], (x, ground + 70), (x + 44, ground + 70), 3)
