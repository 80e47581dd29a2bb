"""Pictures of the two capitals drawing closer: liaison offices, embassies, and the region's
capitals taking the lead."""

from __future__ import annotations

from game.draw.theme import Colour, Face, Palette
from game.ui.scenes.kit import (
    BRASS,
    LAMP_LIGHT,
    PAPER_WHITE,
    SCENE_HEIGHT,
    SCENE_WIDTH,
    Kit,
    Motion,
    Painter,
    Point,
    Pose,
    Side,
    Wipe,
    mix,
)
from game.ui.scenes.props import backdrop, flagpole, street


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


def _lamp(pt: Painter, p: Palette, x: float, ground: float) -> None:
    post = mix(p.navy_deep, p.slate, 0.4)
    pt.line(post, (x, ground), (x, ground - 170), 4)
    pt.line(post, (x, ground - 170), (x + 18, ground - 176), 3)
    pt.circle(LAMP_LIGHT, x + 22, ground - 170, 8)


def liaison(kit: Kit) -> None:
    """A modest two-storey office with both flags over the door."""
    p, _, bg = backdrop(kit)
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
    street(bg, p, ground)
    _lamp(bg, p, 92, ground)
    kit.add(bg)
    flagpole(kit, p, Side.PLAYER, 252, top - 14, height=156, flag_h=38, delay=0.1)
    flagpole(kit, p, Side.COUNTERPART, 386, top - 14, height=156, flag_h=38, delay=0.3)


def _car(
    pt: Painter, p: Palette, x: float, ground: float, *, facing_right: bool, flag: Side
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


def embassies(kit: Kit) -> None:
    """Two embassies, one for each side, with ambassadors' cars drawing up."""
    p, _, bg = backdrop(kit)
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
    street(bg, p, ground)
    kit.add(bg)
    flagpole(kit, p, Side.PLAYER, (lx0 + lx1) / 2, ltop - 56, height=140, flag_h=36, delay=0.05)
    flagpole(
        kit, p, Side.COUNTERPART, (rx0 + rx1) / 2 - 34, rtop - 12, height=120, flag_h=34, delay=0.2
    )
    # The two ambassadors' cars, each drawing up in front of its embassy.
    road = ground + 112
    left = kit.painter((40, road - 90, 190, 96))
    _car(left, p, 46, road, facing_right=True, flag=Side.PLAYER)
    kit.add(left, Motion(0.2, 0.8, Pose(dx=-260)))
    right = kit.painter((392, road - 90, 190, 96))
    _car(right, p, 398, road, facing_right=False, flag=Side.COUNTERPART)
    kit.add(right, Motion(0.3, 0.9, Pose(dx=260)))


def _place_name(pt: Painter, name: str, colour: Colour, at: Point, anchor: str) -> None:
    """A city's name on the regional map, in capitals beside its dot."""
    pt.text(Face.TEXT_STRONG, 13, name.upper(), colour, at, anchor=anchor, tracking=1)


def regional(kit: Kit) -> None:
    """A map reduced to capitals and ties: the neighbours take the lead, Washington steps back."""
    p, tones, bg = backdrop(kit)
    # A faint graticule: the sense of a map without drawing any coastline.
    for gx in range(10, SCENE_WIDTH + 1, 52):
        bg.line(tones["faint"], (gx, 0), (gx, SCENE_HEIGHT), 1)
    for gy in range(10, SCENE_HEIGHT + 1, 52):
        bg.line(tones["faint"], (0, gy), (SCENE_WIDTH, gy), 1)
    pyongyang = (250.0, 330.0)
    centre = (262.0, 346.0)
    radius = 236.0
    # The neighbours the talks have: no capital the game does not bring to the table (a
    # play-tester found Moscow here, which no move of the game touches).
    neighbours = {
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
        _place_name(nodes, name, p.on_navy, (x, y + 16), "midtop")
    nodes.circle(p.alarm, pyongyang[0], pyongyang[1], 13)
    nodes.circle(PAPER_WHITE, pyongyang[0], pyongyang[1], 5)
    _place_name(nodes, "Pyongyang", p.on_navy, (pyongyang[0] + 20, pyongyang[1] - 4), "midleft")
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
    _place_name(
        node, "Washington", p.on_navy_soft, (washington[0] + 20, washington[1] - 18), "bottomright"
    )
    kit.add(node, Motion(0.1, 0.85, Pose(dx=start[0] - washington[0], dy=start[1] - washington[1])))
    # A small arrow alongside the tie: the direction America is moving.
    arrow = kit.painter((470, 220, 90, 70))
    tail, tip = (489.0, 268.0), (535.0, 252.0)
    arrow.line(p.on_navy_soft, tail, tip, 2.5)
    arrow.polygon(p.on_navy_soft, [(545.0, 248.5), (530.0, 244.0), (535.0, 259.0)])
    kit.add(arrow, Motion(0.7, 1.0, Pose(alpha=0.0)))
