"""Blitting with a fade, without losing what makes a surface transparent.

``Surface.set_alpha(None)`` on a surface with per-pixel alpha does not only undo a fade: it
switches blending off, so every later blit copies the transparent pixels as black. A cached
text or picture faded once would then draw as black boxes for the rest of the run, which is
how the outcome scene's text column was garbled. Fades go through :func:`blit_faded`, which
puts back exactly the alpha the surface had.
"""

from __future__ import annotations

import pygame


def blit_faded(
    target: pygame.Surface,
    image: pygame.Surface,
    pos: tuple[int, int] | pygame.Rect,
    opacity: float,
    area: pygame.Rect | None = None,
) -> None:
    """Blit ``image`` at ``opacity`` (0-1) and leave ``image`` as it was."""
    if opacity <= 0:
        return
    if opacity >= 1:
        target.blit(image, pos, area)
        return
    before = image.get_alpha()
    image.set_alpha(round(255 * opacity))
    try:
        target.blit(image, pos, area)
    finally:
        # A per-pixel-alpha surface reports 255 and must get 255 back, never None.
        image.set_alpha(before)
