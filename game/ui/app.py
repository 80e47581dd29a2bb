"""The window, the screen stack and the main loop; the window-owning parts swap out for tests."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, Protocol

import attrs
import pygame

from game.draw import theme
from game.draw.blending import blit_faded
from game.draw.context import UiContext
from game.store.settings import Settings, load_settings, save_settings
from game.ui.screen import (
    Action,
    Apply,
    Chain,
    ChangeSettings,
    Command,
    Open,
    Place,
    Pop,
    Push,
    Quit,
    Replace,
    Reset,
    Screen,
)
from game.ui.window import WindowDisplay, name_the_window, require_display

if TYPE_CHECKING:
    from game.engine import GameState

ANIMATION_OFF_DT: Final = 1e6
"""Step fed to animations when they are switched off: long enough to finish any of them."""

# Events that change nothing on screen by themselves; they must not wake a redraw.
_QUIET_EVENTS: Final = frozenset(
    {
        pygame.NOEVENT,
        pygame.KEYUP,
        pygame.TEXTEDITING,
        pygame.WINDOWMOVED,
        pygame.AUDIODEVICEADDED,
        pygame.AUDIODEVICEREMOVED,
        pygame.CLIPBOARDUPDATE,
    }
)


# Events after which the window may have lost its picture: it is painted whole again, bars too.
_PICTURE_LOST: Final = frozenset(
    {
        pygame.VIDEOEXPOSE,
        pygame.VIDEORESIZE,
        pygame.WINDOWEXPOSED,
        pygame.WINDOWSHOWN,
        pygame.WINDOWRESTORED,
        pygame.WINDOWMAXIMIZED,
        pygame.WINDOWSIZECHANGED,
        pygame.WINDOWDISPLAYCHANGED,
    }
)

SWITCH_SETTLE_SECONDS: Final = 0.5
"""After a switch to or from full screen, how long the pointer's moves and the key that made the
switch are not taken as input (see :meth:`App._after_switch`): play-testers in real windows."""

REPAINT_SECONDS: Final = 1.0
"""How long the picture is shown again every frame after a switch to or from full screen or an
event that may have lost it: the X server maps a remade window when it is ready, and a picture
presented before then is never seen (a play-tester's screen stayed black after F11)."""

_POINTER_EVENTS: Final = frozenset(
    {pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP}
)
"""Events with a ``pos`` in window coordinates, which screens want on the logical surface."""


class Router(Protocol):
    """Builds the screen for a place and carries out commands (the flow, :mod:`game.ui.flow`)."""

    def open(self, place: Place) -> Screen:
        """The screen for ``place``."""
        ...

    def handle(self, command: Command) -> Action | None:
        """Carry out ``command`` on the game in play; say what the screens do next."""
        ...


# --- Swappable parts ---------------------------------------------------------------------------


class Display(Protocol):
    """Owns the window (or stands in for it)."""

    def open(self, size: tuple[int, int], *, fullscreen: bool) -> pygame.Surface:
        """Create the window and return the logical surface to draw on."""
        ...

    def present(self) -> None:
        """Show what was drawn on the logical surface."""
        ...

    def set_fullscreen(self, fullscreen: bool) -> bool:
        """Switch mode; return the mode actually in force afterwards."""
        ...

    def to_logical(self, pos: tuple[int, int]) -> tuple[int, int]:
        """The point on the logical surface under the window point ``pos``."""
        ...

    def expose(self) -> None:
        """The window may have lost its picture: paint all of it, bars too, at the next
        present."""
        ...


class EventSource(Protocol):
    """Where input comes from."""

    def get(self, timeout_ms: int | None) -> list[pygame.event.Event]:
        """Pending events; with a timeout, block up to that long for the first one."""
        ...


class Clock(Protocol):
    """Measures (and, for real clocks, paces) frames."""

    def tick(self, fps: int) -> float:
        """Seconds since the last tick, first waiting so as not to exceed ``fps`` (0: no cap)."""
        ...


class OffscreenDisplay:
    """A display with no window: draws into a plain surface and counts what it presents."""

    def __init__(self) -> None:
        self.surface = pygame.Surface(theme.LOGICAL_SIZE)
        self.presented = 0
        self.fullscreen = False
        self.exposed = 0
        """How often the app said the window's picture may be lost."""

    def open(self, size: tuple[int, int], *, fullscreen: bool) -> pygame.Surface:
        self.surface = pygame.Surface(size)
        self.fullscreen = fullscreen
        return self.surface

    def present(self) -> None:
        self.presented += 1

    def set_fullscreen(self, fullscreen: bool) -> bool:
        self.fullscreen = fullscreen
        return fullscreen

    def to_logical(self, pos: tuple[int, int]) -> tuple[int, int]:
        return pos

    def expose(self) -> None:
        self.exposed += 1


IDLE_POLL_SECONDS: Final = 0.02
"""How often an idle game looks for input: 50 times a second, quick enough for any click."""


class PygameEvents:
    """Events from SDL's queue; while idle, the process sleeps between short looks at it.

    ``pygame.event.wait`` would be the obvious way to block, but SDL wakes up inside it every
    millisecond or so (2-4% of a core measured here, on X11 and on the dummy driver alike);
    sleeping between polls costs a fifth of that and answers within 20 ms.
    """

    def get(self, timeout_ms: int | None) -> list[pygame.event.Event]:
        events = pygame.event.get()
        if timeout_ms is None or events:
            return events
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            time.sleep(min(IDLE_POLL_SECONDS, remaining))
            events = pygame.event.get()
            if events:
                return events


ScriptStep = pygame.event.Event | Sequence[pygame.event.Event]


class ScriptedEvents:
    """Replays a script, one step per loop iteration, then quits once the app has gone idle.

    A step is an event or a list of events (an empty list is a frame with no input). When the
    script runs out the source keeps answering polls with nothing, so animations finish; the
    first blocking wait after that gets a QUIT, which is what ends a headless run.
    """

    def __init__(self, script: Iterable[ScriptStep] = (), *, quit_when_done: bool = True) -> None:
        self._script = iter(script)
        self.quit_when_done = quit_when_done
        self.delivered = 0
        self.polls = 0
        self.waits: list[int] = []
        self.is_exhausted = False

    def get(self, timeout_ms: int | None) -> list[pygame.event.Event]:
        if timeout_ms is None:
            self.polls += 1
        else:
            self.waits.append(timeout_ms)
        step = next(self._script, None)
        if step is None:
            self.is_exhausted = True
            if timeout_ms is not None and self.quit_when_done:
                return [pygame.event.Event(pygame.QUIT)]
            return []
        events = [step] if isinstance(step, pygame.event.Event) else list(step)
        self.delivered += len(events)
        return events


class PygameClock:
    """Wall-clock frame timing through ``pygame.time.Clock``."""

    def __init__(self) -> None:
        self._clock = pygame.time.Clock()

    def tick(self, fps: int) -> float:
        return self._clock.tick(fps) / 1000.0


# --- The app -----------------------------------------------------------------------------------


class _Nowhere:
    """The router of an app with a single screen and no game (some tests, the benchmarks)."""

    def open(self, place: Place) -> Screen:
        raise LookupError(f"app: no flow is wired to open {place!r}")

    def handle(self, command: Command) -> Action | None:
        import logging  # only for a line to log: a window that opens well logs none

        logging.getLogger(__name__).warning("app: no game is wired to carry out %r", command)
        return None


class App:
    """Owns the screen stack and applies every action in one place.

    Screens only return actions; this class is where the stack and the settings file change,
    and it hands places and commands to the ``router`` (the flow), where screens are built and
    the game state changes.
    """

    def __init__(
        self,
        ctx: UiContext,
        first: Screen,
        *,
        display: Display | None = None,
        events: EventSource | None = None,
        clock: Clock | None = None,
        router: Router | None = None,
        settings_file: Path | None = None,
        persist_settings: bool = True,
    ) -> None:
        self.ctx = ctx
        self.stack: list[Screen] = [first]
        self.display: Display = display if display is not None else WindowDisplay()
        self.events: EventSource = events if events is not None else PygameEvents()
        self.clock: Clock = clock if clock is not None else PygameClock()
        self.router: Router = router if router is not None else _Nowhere()
        self.settings_file = settings_file
        self.persist_settings = persist_settings
        self.running = False
        self.dirty = True
        self.animating = False
        self.frames_drawn = 0
        self.iterations = 0
        self._surface: pygame.Surface | None = None
        self._fade_from: pygame.Surface | None = None
        self._fade_total = 0.0
        self._fade_left = 0.0
        self._swallow_text = ""
        """What the key press that just changed the screen on top types, until it is dropped."""
        self._repaint_left = 0.0
        """Seconds the picture is still presented every frame (see :data:`REPAINT_SECONDS`)."""
        # For _after_switch: the seconds left while the window settles, the key pressed in this
        # step, the key that made the switch (None: a click did), and whether it is held.
        self._settle_left = 0.0
        self._step_key: int | None = None
        self._switch_key: int | None = None
        self._switch_key_held = False

    @property
    def top(self) -> Screen | None:
        """The screen receiving input."""
        return self.stack[-1] if self.stack else None

    @property
    def settled(self) -> bool:
        """True when nothing moves or waits to be drawn or shown again: the loop sleeps."""
        return not (self.animating or self.dirty or self._repaint_left > 0)

    @property
    def surface(self) -> pygame.Surface:
        """The logical surface, opening the display on first use."""
        if self._surface is None:
            self._surface = self.display.open(
                theme.LOGICAL_SIZE, fullscreen=self.ctx.settings.fullscreen
            )
        return self._surface

    # -- loop --

    def run(self, frames: int | None = None) -> None:
        """Run the loop until Quit, an empty stack, or ``frames`` more iterations."""
        self.running = True
        _ = self.surface
        stop_at = None if frames is None else self.iterations + frames
        while self.running and self.stack:
            self.step()
            if stop_at is not None and self.iterations >= stop_at:
                break

    def step(self) -> None:
        """One loop iteration: input, animation, and a redraw only if something changed."""
        busy = not self.settled
        self._step_key = None
        # Block while idle so the process sleeps; poll while something moves.
        events = self.events.get(None if busy else theme.IDLE_TIMEOUT_MS)
        for event in events:
            self.handle_event(event)
            if not self.running:
                return
        # The first frame is drawn at once; pacing to 60 fps starts from the second.
        dt = self.clock.tick(theme.FPS if busy and self.iterations else 0)
        if not busy:
            # Time spent asleep is not animation time: an animation started by the event that
            # woke us must begin from its first frame.
            dt = min(dt, 1.0 / theme.FPS)
        self.animating = self.update(min(dt, theme.MAX_FRAME_SECONDS))
        self._repaint_left = max(0.0, self._repaint_left - dt)
        self._settle_left = max(0.0, self._settle_left - dt)
        # ``busy`` covers the frame on which an animation lands: it moved, so it must be drawn.
        if self.dirty or self.animating or busy:
            self.draw(self.surface)
            self.display.present()
            self.frames_drawn += 1
            self.dirty = False
        self.iterations += 1

    def handle_event(self, event: pygame.event.Event) -> None:
        """Route one event: window-level keys first, then the top screen."""
        if event.type == pygame.QUIT:
            self.apply(Quit())
            return
        if event.type in _POINTER_EVENTS:
            event = self._to_logical(event)
        if event.type not in _QUIET_EVENTS:
            self.dirty = True
        if event.type in _PICTURE_LOST:
            self._repaint()
        if self._after_switch(event):
            return  # the display has just switched: see SWITCH_SETTLE_SECONDS
        if event.type == pygame.KEYDOWN:
            self._step_key = event.key
            # A key's typed text (a TEXTINPUT event) always follows its KEYDOWN.
            self._swallow_text = ""
        elif event.type == pygame.TEXTINPUT and self._swallow_text:
            # The key that opened (or closed) a screen types nothing into the one now on top.
            typed, self._swallow_text = self._swallow_text, ""
            if event.text == typed:
                return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            fullscreen = not self.ctx.settings.fullscreen
            self.apply(ChangeSettings(attrs.evolve(self.ctx.settings, fullscreen=fullscreen)))
            return
        top = self.top
        if top is not None:
            self.apply(top.on_event(event))
            if event.type == pygame.KEYDOWN and self.top is not top:
                self._swallow_text = getattr(event, "unicode", "")

    def _after_switch(self, event: pygame.event.Event) -> bool:
        """True for an event to ignore after a switch to or from full screen: the pointer the
        remade window reports while it settles (focus jumped to the setting under it), and the
        key that made the switch, which SDL presses again when the window gets the focus and
        pygame repeats while its release is lost, until it settles and the key is released (one
        F11 switched two or three times, or on and on; one Enter also changed a setting)."""
        if event.type == pygame.MOUSEMOTION:
            return self._settle_left > 0
        if self._switch_key is None or getattr(event, "key", None) != self._switch_key:
            return False
        if event.type == pygame.KEYUP:
            self._switch_key_held = False
        elif event.type == pygame.KEYDOWN:
            if self._settle_left > 0 or self._switch_key_held:
                self._switch_key_held = True
                return True
            self._switch_key = None  # released, then pressed again: the player's own press
        return False

    def _to_logical(self, event: pygame.event.Event) -> pygame.event.Event:
        """A pointer event with its position on the logical surface, not in the window."""
        pos = self.display.to_logical(event.pos)
        if pos == tuple(event.pos):
            return event
        return pygame.event.Event(event.type, {**event.dict, "pos": pos})

    def update(self, dt: float) -> bool:
        """Advance every screen's animations and the transition; True while anything moves."""
        scale = self.ctx.animation_scale
        anim_dt = dt / scale if scale > 0 else ANIMATION_OFF_DT
        moving = False
        for screen in self.stack:
            moving = screen.update(anim_dt) or moving
        if self._fade_from is not None:
            self._fade_left -= dt
            if self._fade_left <= 0:
                self._fade_from = None
            moving = True
        return moving

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the visible part of the stack and any transition in progress."""
        visible = self.visible_screens()
        if visible and visible[0].is_overlay:
            # Nothing opaque below: clear, or each frame's veil would darken the last one.
            surface.fill(self.ctx.palette.paper)
        for screen in visible:
            screen.draw(surface)
        if self._fade_from is not None and self._fade_total > 0:
            alpha = max(0.0, min(1.0, self._fade_left / self._fade_total))
            blit_faded(surface, self._fade_from, (0, 0), alpha)

    def visible_screens(self) -> list[Screen]:
        """The top screen and, while it is an overlay, those below it, bottom first."""
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].is_overlay:
            first -= 1
        return self.stack[max(first, 0) :]

    # -- actions --

    def apply(self, action: Action | None) -> None:
        """Carry out an action returned by a screen (or by the router)."""
        match action:
            case None:
                return
            case Push(screen=screen):
                self._begin_transition(overlay=screen.is_overlay)
                self.stack.append(screen)
            case Pop():
                if self.stack:
                    self._begin_transition(overlay=self.stack[-1].is_overlay)
                    self.stack.pop()
                if not self.stack:
                    self.running = False
            case Replace(screen=screen):
                self._begin_transition(overlay=False)
                if self.stack:
                    self.stack.pop()
                self.stack.append(screen)
            case Reset(screen=screen):
                self._begin_transition(overlay=False)
                self.stack = [screen]
            case Quit():
                self.running = False
            case ChangeSettings(settings=settings):
                self.change_settings(settings)
            case Open(place=place, replace=replace):
                screen = self.router.open(place)
                self.apply(Replace(screen) if replace else Push(screen))
            case Apply(command=command):
                self.apply(self.router.handle(command))
            case Chain(actions=actions):
                for each in actions:
                    self.apply(each)
        self.dirty = True

    def change_settings(self, settings: Settings) -> None:
        """Make ``settings`` current: window mode, palette, sound; then save them."""
        if settings.fullscreen != self.ctx.settings.fullscreen and self._surface is not None:
            actual = self.display.set_fullscreen(settings.fullscreen)
            settings = attrs.evolve(settings, fullscreen=actual)
            self._switch_key, self._settle_left = self._step_key, SWITCH_SETTLE_SECONDS
            self._switch_key_held = self._step_key is not None
            self._repaint()
        self.ctx.apply_settings(settings)
        if self.persist_settings:
            save_settings(settings, self.settings_file)

    def _repaint(self) -> None:
        """Paint the whole window again, and go on presenting the picture for a moment."""
        self.display.expose()
        self._repaint_left = REPAINT_SECONDS
        self.dirty = True

    def _begin_transition(self, *, overlay: bool) -> None:
        # Dialogs appear in place; only whole-screen changes cross-fade.
        if overlay or self._surface is None or self.frames_drawn == 0:
            return
        if self.ctx.animation_scale <= 0:
            return
        self._fade_from = self._surface.copy()
        self._fade_total = theme.FADE_SECONDS * self.ctx.animation_scale
        self._fade_left = self._fade_total


def run(
    *,
    scenario: str | None = None,
    seed: int | None = None,
    fullscreen: bool = False,
    code: str = "",
    name: str = "",
    autoplay: str = "",
    pace: float | None = None,
) -> int:
    """Open the window on the title screen and run until the player quits.

    ``scenario`` (a name or a path) and ``seed`` are what New game offers; ``fullscreen`` opens
    full screen for this run without changing the saved setting. With a class ``code`` or a
    ``name`` the window opens on New game, filled in, one key press from the briefing. With
    ``autoplay`` (a built-in strategy's name) the window opens on the table of a game that the
    strategy plays by itself, a key every ``pace`` seconds, through to the debrief.
    """
    from game.ui.autoplay import DEFAULT_PACE, Autoplayer, AutoplayEvents
    from game.ui.flow import Flow
    from game.ui.screen import NewGameForm, Title

    name_the_window()
    require_display()
    settings = load_settings()
    ctx = UiContext(attrs.evolve(settings, fullscreen=True) if fullscreen else settings)
    pygame.font.init()
    flow = Flow(ctx, scenario=scenario, seed=seed)
    flow.player, flow.code = name, code
    if autoplay:
        app = App(ctx, flow.watch(autoplay), router=flow)
        session = flow.session
        assert session is not None
        player = Autoplayer(autoplay, session.state.seed)

        def look() -> tuple[Screen | None, GameState | None]:
            return app.top, flow.session.state if flow.session is not None else None

        app.events = AutoplayEvents(app.events, player, look, pace=pace or DEFAULT_PACE)
    else:
        first = NewGameForm(back=Open(Title(), replace=True)) if code or name else Title()
        app = App(ctx, flow.open(first), router=flow)
    try:
        app.run()
    finally:
        pygame.quit()
    return 0
