"""Pictures of the summit's rooms: they walked out, we walked away, no deal, the talks go on."""

from __future__ import annotations

import math
from typing import Final

from game.draw.theme import Colour, Face, Palette
from game.ui.scenes.kit import (
    BRASS,
    PAPER_WHITE,
    SCENE_WIDTH,
    STEAM,
    Kit,
    Motion,
    Painter,
    Pose,
    Side,
    mix,
    rounded_points,
)
from game.ui.scenes.props import (
    backdrop,
    chair,
    delegate,
    desk_flag,
    door,
    glass,
    lay_floor,
    paper_sheet,
    room_walls,
    table_top,
)

SEATS_X: Final = (184.0, 314.0, 444.0)
"""Where the three delegates sit along each side of the summit table."""
TABLE_CY: Final = 400.0
TABLE_W: Final = 456.0
TABLE_H: Final = 168.0


def walkout(kit: Kit) -> None:
    """Their chairs pushed back and empty; the delegation filing out through a door."""
    p, _, bg = backdrop(kit)
    room = (48.0, 168.0, 532.0, 456.0)
    door_from, door_to = 468.0, 544.0
    room_walls(bg, p, room, ("top", door_from, door_to))
    door(bg, p.alarm, (door_to, room[1]), door_to - door_from, opens_up=True, left=True)
    top = TABLE_CY - TABLE_H / 2
    bottom = TABLE_CY + TABLE_H / 2
    # Our side: seated, with folders squared in front of them.
    for i, x in enumerate(SEATS_X):
        chair(bg, p, x, bottom + 34, back_up=False)
        delegate(bg, p, x, bottom + 26, facing_up=True, scale=1.08 if i == 1 else 0.96)
    # Their side: chairs pushed back at odd angles.
    empty = mix(p.slate, p.navy, 0.3)
    for x, dx, dy, angle in zip(
        SEATS_X, (-10.0, 6.0, 14.0), (46.0, 58.0, 40.0), (-14.0, 8.0, 22.0), strict=True
    ):
        chair(bg, p, x + dx, top - dy, angle=angle, back_up=True, colour=empty)
    table_top(bg, p, 314, TABLE_CY, size=(TABLE_W, TABLE_H))
    for x in SEATS_X:
        bg.rect(p.surface, x - 17, bottom - 40, 34, 22, radius=2)
        bg.rect(p.rule, x - 17, bottom - 40, 34, 22, radius=2, width=1)
        glass(bg, p, x + 30, bottom - 30)
    # Papers left in a hurry on their side.
    for x, dy, angle in zip(SEATS_X, (30.0, 36.0, 26.0), (-18.0, 9.0, 26.0), strict=True):
        paper_sheet(bg, p, x + 4, top + dy, size=(30, 38), angle=angle)
    desk_flag(bg, p, Side.COUNTERPART, 262, TABLE_CY - 8, height=12)
    desk_flag(bg, p, Side.PLAYER, 352, TABLE_CY + 34, height=12)
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
        delegate(sheet, p, x1, y1, facing_up=True)
        kit.add(
            sheet,
            Motion(
                0.05 + 0.12 * i,
                0.75 + 0.1 * i,
                Pose(dx=x0 - x1, dy=y0 - y1, alpha=1.0),
                Pose(alpha=alpha),
            ),
        )


def walked_away(kit: Kit) -> None:
    """Our chairs empty and our papers left behind at a lunch table nobody sat down to."""
    p, _, bg = backdrop(kit)
    room = (48.0, 120.0, 532.0, 480.0)
    door_from, door_to = 88.0, 164.0
    room_walls(bg, p, room, ("bottom", door_from, door_to))
    door(
        bg, p.alarm, (door_from, room[1] + room[3]), door_to - door_from, opens_up=False, left=False
    )
    cy = 360.0
    top = cy - TABLE_H / 2
    bottom = cy + TABLE_H / 2
    for i, x in enumerate(SEATS_X):
        chair(bg, p, x, top - 34, back_up=True)
        delegate(bg, p, x, top - 26, facing_up=False, scale=1.08 if i == 1 else 0.96)
    empty = mix(p.slate, p.navy, 0.3)
    for x, dx, dy, angle in zip(
        SEATS_X, (8.0, -6.0, -12.0), (52.0, 44.0, 60.0), (12.0, -6.0, -20.0), strict=True
    ):
        chair(bg, p, x + dx, bottom + dy, angle=angle, back_up=False, colour=empty)
    table_top(bg, p, 314, cy, size=(TABLE_W, TABLE_H))
    for x in SEATS_X:
        # The working lunch laid out and never served: a plate and a folded napkin at each place.
        for py in (top + 30, bottom - 30):
            bg.circle(PAPER_WHITE, x - 6, py, 13)
            bg.circle(p.rule, x - 6, py, 9, width=1)
            bg.rect(mix(p.table, p.slate, 0.3), x + 12, py - 10, 5, 20, radius=2)
        bg.rect(p.surface, x - 17, top + 8, 30, 10, radius=2)
    # What we left behind: an open folder and loose sheets on our side.
    paper_sheet(bg, p, SEATS_X[0] + 16, bottom - 44, size=(30, 38), angle=-12)
    paper_sheet(bg, p, SEATS_X[1] - 22, bottom - 40, size=(30, 38), angle=7)
    paper_sheet(bg, p, SEATS_X[1] - 2, bottom - 46, size=(30, 38), angle=18)
    bg.rect(p.navy_deep, SEATS_X[2] - 30, bottom - 62, 52, 36, radius=3)
    bg.rect(PAPER_WHITE, SEATS_X[2] - 26, bottom - 58, 44, 28, radius=2)
    desk_flag(bg, p, Side.COUNTERPART, 262, cy - 8, height=12)
    desk_flag(bg, p, Side.PLAYER, 352, cy + 34, height=12)
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
        delegate(sheet, p, x1, y1, facing_up=False)
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
    pt: Painter, p: Palette, side: Side, x: float, ground: float, *, height: float
) -> None:
    """A flag on a floor stand, hanging from a crossbar like those behind a signing table
    (none for a side without a flag)."""
    if not pt.has_flag(side):
        return
    pole = mix(p.slate, BRASS, 0.5)
    top = ground - height
    pt.line(pole, (x, ground), (x, top), 4)
    pt.circle(BRASS, x, top - 6, 6)
    pt.polygon(pole, [(x - 18, ground), (x + 18, ground), (x, ground - 16)])
    flag_h = height * 0.22
    pt.flag(side, x + 3, top + 6, flag_h, edge=None)


def no_deal(kit: Kit) -> None:
    """The signing table laid and unused: folders shut, pens untouched, the clock past the hour."""
    p, tones, bg = backdrop(kit)
    floor = 604.0
    lay_floor(bg, tones, floor)
    # A dado rail gives the wall a little architecture without drawing attention.
    bg.rect(mix(tones["wall"], tones["night"], 0.5), 0, floor - 96, SCENE_WIDTH, 96)
    bg.line(tones["faint"], (0, floor - 96), (SCENE_WIDTH, floor - 96), 3)
    clock = (314.0, 214.0)
    _clock(bg, p, clock[0], clock[1], 66)
    _standing_flag(bg, p, Side.PLAYER, 112, floor - 4, height=270)
    _standing_flag(bg, p, Side.COUNTERPART, 458, floor - 4, height=270)
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


def talks_continue(kit: Kit) -> None:
    """Two chairs, a low table, and a calendar page turning to the date of the next meeting."""
    p, tones, bg = backdrop(kit)
    floor = 590.0
    lay_floor(bg, tones, floor)
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
    desk_flag(bg, p, Side.PLAYER, 262, floor - 84, height=9)
    desk_flag(bg, p, Side.COUNTERPART, 366, floor - 84, height=9)
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
