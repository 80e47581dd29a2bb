"""Outcome pictures drawn in code: one flat, editorial scene per ending, lightly animated.

A scene is a stack of layers painted once (supersampled, so every edge is antialiased) and then
only moved, faded, wiped in or turned while it enters; at rest it is one cached picture. Scenes
are designed on a board of ``SCENE_WIDTH`` x ``SCENE_HEIGHT`` units and drawn at any size.
The people in them are generic figures seen from above: shoulders and a head, nobody in
particular.

The pictures are painted in the modules of this package (:mod:`~game.ui.scenes.kit` is what they
are made of); this module chooses a picture for an ending and draws it."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Final

import attrs
import pygame

from game.draw.assets import FontBook
from game.draw.theme import Palette
from game.engine.scenario import Ending, Terminal
from game.ui.scenes.capitals import embassies, liaison, regional
from game.ui.scenes.documents import grand, peace, statement
from game.ui.scenes.kit import (
    CACHE_SCENES,
    ENTRY_SECONDS,
    NO_FLAGS,
    SCENE_HEIGHT,
    SCENE_WIDTH,
    Flags,
    Kit,
    Layer,
    Motion,
    Pose,
    Wipe,
    mix,
)
from game.ui.scenes.rooms import no_deal, talks_continue, walked_away, walkout
from game.ui.scenes.sites import freeze, yongbyon


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
        Scene("walkout", "Their chairs empty; their delegation leaving through a door.", walkout),
        Scene(
            "walked_away",
            "Our chairs empty and our papers left at an untouched lunch table.",
            walked_away,
        ),
        Scene("no_deal", "A bare signing table, pens untouched, the clock past the hour.", no_deal),
        Scene(
            "freeze_for_freeze",
            "A quiet test stand; the exercise dates struck from the calendar.",
            freeze,
        ),
        Scene(
            "yongbyon_deal", "The reactor complex going dark behind an inspectors' seal.", yongbyon
        ),
        Scene(
            "peace_declaration", "A declaration signed by both sides, two pens, both flags.", peace
        ),
        Scene(
            "liaison_offices", "A modest office building with both flags over the door.", liaison
        ),
        Scene(
            "embassies",
            "Two embassies with their flags, the ambassadors' cars drawing up.",
            embassies,
        ),
        Scene(
            "regional_handoff",
            "A map of capitals: the neighbours take the lead, Washington steps back.",
            regional,
        ),
        Scene(
            "grand_bargain",
            "A document of everything, every box ticked, under a question mark.",
            grand,
        ),
        Scene(
            "talks_continue",
            "Two chairs and a calendar turned to a meeting still to be dated.",
            talks_continue,
        ),
        Scene("statement", "A signed joint statement under both flags.", statement),
    )
}
"""Every scene by id: one for each of the engine's :data:`~game.engine.scenario.PICTURES`."""

# Without a picture of its own, an ending shows how the summit ended.
_BY_TERMINAL: Final = {
    Terminal.WALKOUT: "walkout",
    Terminal.WALKED_AWAY: "walked_away",
    Terminal.STATEMENT: "statement",
    Terminal.NO_STATEMENT: "no_deal",
}


def scene_for(ending: Ending, terminal: Terminal) -> Scene:
    """The picture for an ending: the one the scenario names for it, else the picture of how the
    summit ended."""
    return SCENES[ending.picture or _BY_TERMINAL[terminal]]


_cache: OrderedDict[tuple[str, tuple[int, int], Palette, Flags], tuple[Layer, ...]] = OrderedDict()


def build_layers(
    scene: Scene,
    size: tuple[int, int],
    palette: Palette,
    fonts: FontBook,
    flags: Flags = NO_FLAGS,
) -> tuple[Layer, ...]:
    """Paint ``scene``'s layers for a picture of ``size`` pixels, with the sides' ``flags``
    (cached for a few scenes)."""
    key = (scene.id, size, palette, flags)
    layers = _cache.get(key)
    if layers is not None:
        _cache.move_to_end(key)
        return layers
    scale = min(size[0] / SCENE_WIDTH, size[1] / SCENE_HEIGHT)
    kit = Kit(palette, fonts, scale, flags)
    scene.build(kit)
    layers = tuple(kit.layers)
    _cache[key] = layers
    while len(_cache) > CACHE_SCENES:
        _cache.popitem(last=False)
    return layers


class ScenePicture:
    """A scene at a fixed size: draws any moment of its entry, and keeps the resting picture."""

    def __init__(self, scene: Scene, size: tuple[int, int], flags: Flags = NO_FLAGS) -> None:
        self.scene = scene
        self.size = size
        self.flags = flags
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
                for layer in build_layers(self.scene, self.size, palette, fonts, self.flags):
                    layer.draw(rest, 1.0)
                self._rest = (palette, rest)
            target.blit(self._rest[1], topleft)
            return
        layers = build_layers(self.scene, self.size, palette, fonts, self.flags)
        previous = target.get_clip()
        target.set_clip(pygame.Rect(topleft, self.size).clip(previous))
        target.fill(palette.navy, pygame.Rect(topleft, self.size))
        for layer in layers:
            layer.draw(target, t, topleft)
        target.set_clip(previous)


def render_scene(
    scene: Scene,
    size: tuple[int, int],
    palette: Palette,
    fonts: FontBook,
    t: float = 1.0,
    *,
    flags: Flags = NO_FLAGS,
) -> pygame.Surface:
    """The scene as a picture of its own (for tests, thumbnails and the class report)."""
    surface = pygame.Surface(size)
    surface.fill(palette.navy)
    ScenePicture(scene, size, flags).draw(surface, (0, 0), palette, fonts, t)
    return surface


__all__ = [
    "ENTRY_SECONDS",
    "SCENES",
    "SCENE_HEIGHT",
    "SCENE_WIDTH",
    "Flags",
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
