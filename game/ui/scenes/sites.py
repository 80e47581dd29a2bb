"""Pictures of the sites a deal reaches: the quiet test stand of a freeze, and Yongbyon going
dark."""

from __future__ import annotations

from game.draw.theme import Colour, Face
from game.ui.scenes.kit import (
    LAMP_LIGHT,
    PAPER_WHITE,
    STEAM,
    Kit,
    Motion,
    Painter,
    Pose,
    mix,
)
from game.ui.scenes.props import backdrop, hills, lay_floor, smooth, stars


def freeze(kit: Kit) -> None:
    """A quiet test stand under the moon; the exercise dates on the calendar struck through."""
    p, _, bg = backdrop(kit)
    stars(bg, p, 26, 40, 290)
    far = mix(p.navy, p.slate, 0.45)
    near = mix(p.navy_deep, p.navy, 0.35)
    hills(bg, far, 520, smooth([(0, 500), (140, 452), (300, 488), (460, 446), (628, 478)]))
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
    hills(bg, near, 600, smooth([(0, 560), (180, 528), (380, 566), (628, 530)]))
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
    left = smooth([(cx - w_base / 2, base), (cx - w_waist / 2, waist), (cx - w_top / 2, top)], 10)
    right = smooth([(cx + w_top / 2, top), (cx + w_waist / 2, waist), (cx + w_base / 2, base)], 10)
    pt.polygon(colour, [*left, *right])


def yongbyon(kit: Kit) -> None:
    """The reactor complex going dark behind a sealed gate."""
    p, tones, bg = backdrop(kit)
    stars(bg, p, 18, 40, 220)
    ground = 500.0
    hills(
        bg, mix(p.navy, p.slate, 0.3), 420, smooth([(0, 404), (200, 356), (420, 388), (628, 350)])
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
    lay_floor(bg, tones, ground)
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
