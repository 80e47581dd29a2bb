"""Fading a blit leaves the surface as it was: per-pixel alpha stays on."""

from pathlib import Path

import pygame
import pytest

from game.draw.blending import blit_faded

GAME = Path(__file__).resolve().parents[2] / "game"


@pytest.mark.parametrize("opacity", [0.0, 0.3, 0.999, 1.0])
def test_a_faded_transparent_surface_stays_transparent(opacity: float) -> None:
    image = pygame.Surface((8, 8), pygame.SRCALPHA)
    image.fill((200, 0, 0, 0))
    blit_faded(pygame.Surface((8, 8)), image, (0, 0), opacity)
    target = pygame.Surface((8, 8))
    target.fill((240, 240, 240))
    target.blit(image, (0, 0))
    assert target.get_at((0, 0))[:3] == (240, 240, 240)
    assert image.get_alpha() == 255


def test_a_faded_opaque_surface_is_opaque_again() -> None:
    image = pygame.Surface((8, 8))
    image.fill((200, 0, 0))
    target = pygame.Surface((8, 8))
    blit_faded(target, image, (0, 0), 0.5)
    assert 0 < target.get_at((0, 0)).r < 200
    assert image.get_alpha() is None


def test_nothing_in_the_game_switches_per_pixel_alpha_off() -> None:
    # set_alpha(None) turns a per-pixel-alpha surface's transparency off for good (issue 9).
    found = [
        f"{path.relative_to(GAME)}:{number}"
        for path in GAME.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "set_alpha(None)" in line and not line.lstrip().startswith(("#", '"', "``"))
    ]
    assert found == []
