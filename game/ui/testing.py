"""Test helpers: synthetic input events, a headless app, seeded random input for monkey tests."""

from __future__ import annotations

import itertools
import os
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.ui.app import App, OffscreenDisplay, Router, ScriptedEvents, ScriptStep
from game.ui.flow import Flow
from game.ui.screen import Action, Reset, Screen


@attrs.define
class FixedClock:
    """A clock for tests: every tick lasts ``step`` seconds and nothing sleeps."""

    step: float = 1.0 / theme.FPS
    requested: list[int] = attrs.field(factory=list)

    def tick(self, fps: int) -> float:
        self.requested.append(fps)
        return self.step


def key(code: int, mod: int = pygame.KMOD_NONE, unicode: str = "") -> pygame.event.Event:
    """A key press."""
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=unicode, scancode=0)


def move(pos: tuple[int, int]) -> pygame.event.Event:
    """The pointer moving to ``pos`` (logical coordinates)."""
    return pygame.event.Event(
        pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False
    )


def click(pos: tuple[int, int], button: int = 1) -> list[pygame.event.Event]:
    """Move to ``pos``, press and release: what a real click delivers."""
    return [
        move(pos),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button, touch=False),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button, touch=False),
    ]


def wheel(dy: int, dx: int = 0) -> pygame.event.Event:
    """A wheel turn (positive ``dy``: away from the player, i.e. scroll up)."""
    return pygame.event.Event(
        pygame.MOUSEWHEEL,
        x=dx,
        y=dy,
        precise_x=float(dx),
        precise_y=float(dy),
        flipped=False,
        touch=False,
    )


def game_app(
    ctx: UiContext,
    flow: Flow,
    screen: Screen | None = None,
    script: Iterable[ScriptStep] = (),
) -> App:
    """A headless App routed through ``flow``, starting on ``screen`` (the flow's title screen
    by default)."""
    return App(
        ctx,
        screen if screen is not None else flow.title(),
        display=OffscreenDisplay(),
        events=ScriptedEvents(script),
        clock=FixedClock(),
        router=flow,
        persist_settings=False,
    )


def feed(app: App, *script: ScriptStep) -> None:
    """Give a headless ``app`` more input, one step a frame, and run it until it has used it
    all and gone idle."""
    app.events = ScriptedEvents(script)
    app.run()


def text(typed: str) -> pygame.event.Event:
    """Typed text, as SDL delivers it to a focused text field."""
    return pygame.event.Event(pygame.TEXTINPUT, text=typed)


def headless_app(
    ctx: UiContext,
    screen: Screen,
    script: Iterable[ScriptStep] = (),
    *,
    persist_settings: bool = False,
) -> App:
    """An App with no window, a scripted event source and a fixed clock, routed through a
    fresh flow (no game in play); call ``run()`` on it."""
    return App(
        ctx,
        screen,
        display=OffscreenDisplay(),
        events=ScriptedEvents(script),
        clock=FixedClock(),
        router=Flow(ctx),
        persist_settings=persist_settings,
    )


GOLDEN_MEAN: Final = 1.5
"""The mean difference per channel a picture may show from its golden image: loose enough for
antialiasing differences between builds, tight enough to catch a moved panel."""
GOLDEN_SHARE: Final = 0.01
"""The share of pixels that may change markedly."""
GOLDEN_CHANGED: Final = 48
"""A pixel whose channels differ by more than this in all changed markedly."""

MONKEY_KEYS: Final = (
    pygame.K_TAB,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_RETURN,
    pygame.K_KP_ENTER,
    pygame.K_SPACE,
    pygame.K_ESCAPE,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_HOME,
    pygame.K_END,
    pygame.K_F11,
    pygame.K_BACKSPACE,
    pygame.K_1,
    pygame.K_2,
    pygame.K_3,
    pygame.K_4,
    pygame.K_5,
    pygame.K_6,
    pygame.K_7,
    pygame.K_8,
    pygame.K_9,
    pygame.K_0,
    pygame.K_MINUS,
    pygame.K_EQUALS,
    pygame.K_KP1,
    pygame.K_a,
    pygame.K_q,
    pygame.K_z,
)
MONKEY_MODS: Final = (
    pygame.KMOD_NONE,
    pygame.KMOD_NONE,
    pygame.KMOD_NONE,
    pygame.KMOD_LSHIFT,
    pygame.KMOD_LCTRL,
    pygame.KMOD_LALT,
)


def monkey_events(rng: random.Random, count: int) -> Iterator[pygame.event.Event]:
    """``count`` random but well-formed input events: keys, pointer, clicks, wheel, resizes."""
    width, height = theme.LOGICAL_SIZE
    for _ in range(count):
        roll = rng.random()
        # Points slightly outside the surface too: SDL reports those while the pointer leaves.
        pos = (rng.randint(-20, width + 20), rng.randint(-20, height + 20))
        if roll < 0.40:
            yield key(rng.choice(MONKEY_KEYS), rng.choice(MONKEY_MODS))
        elif roll < 0.45:
            yield pygame.event.Event(
                pygame.KEYUP,
                key=rng.choice(MONKEY_KEYS),
                mod=pygame.KMOD_NONE,
                unicode="",
                scancode=0,
            )
        elif roll < 0.65:
            yield move(pos)
        elif roll < 0.80:
            button = rng.choice((1, 1, 1, 2, 3, 4, 5))
            yield pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button, touch=False)
            yield pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button, touch=False)
        elif roll < 0.90:
            yield wheel(rng.choice((-3, -1, 1, 3)))
        elif roll < 0.95:
            size = (rng.randint(320, 3840), rng.randint(200, 2160))
            yield pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])
            yield pygame.event.Event(pygame.WINDOWRESIZED, x=size[0], y=size[1])
        elif roll < 0.98:
            yield pygame.event.Event(pygame.TEXTINPUT, text=rng.choice("aZ1 -"))
        else:
            yield pygame.event.Event(
                rng.choice((pygame.WINDOWEXPOSED, pygame.WINDOWFOCUSLOST, pygame.WINDOWLEAVE))
            )


@attrs.define(eq=False)
class DrawWatcher:
    """Wraps a screen so that every draw is checked not to change it (``snapshot`` says what
    "it" is: the screen's state and the game's), counting the draws."""

    inner: Screen
    snapshot: Callable[[], object]
    draws: int = 0

    @property
    def is_overlay(self) -> bool:
        return self.inner.is_overlay

    def on_event(self, event: pygame.event.Event) -> Action | None:
        return self.inner.on_event(event)

    def update(self, dt: float) -> bool:
        return self.inner.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        before = self.snapshot()
        self.inner.draw(surface)
        assert self.snapshot() == before, "draw changed the screen"
        self.draws += 1


def run_until_exhausted(
    app: App, events: ScriptedEvents, restart: Callable[[], Sequence[Screen]]
) -> int:
    """Run the real loop until the scripted input is used up, putting the screens of
    ``restart()`` back whenever a Quit or a last Pop ends a run; return how often it did."""
    restarts = 0
    while True:
        app.run()
        if events.is_exhausted:
            return restarts
        stack = list(restart())
        app.apply(Reset(stack[0]))
        app.stack = stack
        restarts += 1


def monkey_input(name: str, count: int, batch: int = 1) -> ScriptedEvents:
    """``count`` random events seeded by ``name``, ``batch`` to a step of the loop (each is
    handled, but a frame is drawn per step)."""
    stream = monkey_events(random.Random(name), count)
    if batch == 1:
        return ScriptedEvents(stream)
    return ScriptedEvents(iter(lambda: list(itertools.islice(stream, batch)), []))


def run_monkey(
    ctx: UiContext,
    fresh: Callable[[], Sequence[Screen]],
    events: ScriptedEvents,
    router: Router | None = None,
) -> App:
    """The real loop, headless, on the screens ``fresh()`` gives (bottom first), fed ``events``
    until they are used up; fresh screens go back whenever a Quit or a last Pop ends a run."""
    stack = list(fresh())
    app = App(
        ctx,
        stack[0],
        display=OffscreenDisplay(),
        events=events,
        clock=FixedClock(),
        router=router,
        persist_settings=False,
    )
    app.stack = stack
    run_until_exhausted(app, events, fresh)
    return app


def golden_difference(
    actual: pygame.Surface, expected: pygame.Surface, step: int = 2
) -> tuple[float, float]:
    """How far a picture is from its golden image: the mean absolute difference per channel,
    and the share of pixels that changed markedly, over every ``step``-th pixel each way."""
    width, height = actual.get_size()
    total = changed = samples = 0
    for y in range(0, height, step):
        for x in range(0, width, step):
            a, b = actual.get_at((x, y)), expected.get_at((x, y))
            diff = abs(a.r - b.r) + abs(a.g - b.g) + abs(a.b - b.b)
            total += diff
            changed += diff > GOLDEN_CHANGED
            samples += 1
    return total / (3 * samples), changed / samples


def assert_matches_golden(picture: pygame.Surface, path: Path, step: int = 2) -> None:
    """``picture`` is what the golden image at ``path`` shows (within antialiasing); with
    ``HANOI_UPDATE_GOLDEN=1`` it becomes the golden image instead."""
    if os.environ.get("HANOI_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        pygame.image.save(picture, str(path))
    expected = pygame.image.load(str(path))
    assert expected.get_size() == picture.get_size()
    mean, share = golden_difference(picture, expected, step)
    assert mean <= GOLDEN_MEAN, f"{path.name}: mean difference {mean:.2f}"
    assert share <= GOLDEN_SHARE, f"{path.name}: {share:.1%} of pixels changed"
