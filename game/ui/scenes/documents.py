"""Pictures of what is signed: a peace declaration, a joint statement, the grand bargain."""

from __future__ import annotations

from game.draw.theme import Face
from game.ui.scenes.kit import PAPER_WHITE, STEAM, Kit, Motion, Pose, Wipe, mix
from game.ui.scenes.props import backdrop, pen, signed_text


def peace(kit: Kit) -> None:
    """A declaration signed by both sides: two pens, one document, both flags."""
    p = kit.palette
    signed_text(kit, "Declaration", "on the end of the Korean War", lines=11, hands=0, start=0.35)
    pens = kit.painter((40, 216, 548, 444))
    pen(pens, p, 126, 560, angle=-64, colour=p.navy_deep)
    pen(pens, p, 506, 560, angle=-116, colour=mix(p.alarm, p.navy_deep, 0.35))
    kit.add(pens)


def grand(kit: Kit) -> None:
    """A bound document of everything, every box ticked, under a magnifying glass: verified how?"""
    p, _, bg = backdrop(kit)
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


def statement(kit: Kit) -> None:
    """Any signed joint statement: a short text, two signatures, both flags."""
    signed_text(kit, "Joint Statement", "of the two delegations", lines=7, hands=2, start=0.3)
