"""The main loop run headless: action handling, redraw discipline, fullscreen and settings."""

from pathlib import Path
from typing import ClassVar

import attrs
import pygame
import pytest

from game.draw.context import UiContext
from game.draw.theme import COLOUR_BLIND_PALETTE, FPS
from game.store.settings import SETTINGS_FILE, AnimationSpeed, Settings, load_settings
from game.ui import screen
from game.ui.app import (
    REPAINT_SECONDS,
    SWITCH_SETTLE_SECONDS,
    App,
    OffscreenDisplay,
    PygameEvents,
    ScriptedEvents,
    run,
)
from game.ui.flow import Flow
from game.ui.screens.dialog import DialogScreen
from game.ui.testing import FixedClock, headless_app, key, move
from game.ui.widgets.meter import Meter
from game.ui.window import first_window_size


class Probe:
    """A screen that records what it is asked and answers keys with preset actions."""

    is_overlay: ClassVar[bool] = False

    def __init__(self, name: str, actions: dict[int, screen.Action] | None = None) -> None:
        self.name = name
        self.actions = actions or {}
        self.events: list[int] = []
        self.draws = 0
        self.meter = Meter(label="Trust", value=10)

    def on_event(self, event: pygame.event.Event) -> screen.Action | None:
        self.events.append(event.type)
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_m:
                self.meter.set_value(80)
                return None
            return self.actions.get(event.key)
        return None

    def update(self, dt: float) -> bool:
        return self.meter.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.draws += 1
        surface.fill((10, 20, 30))


class OverlayProbe(Probe):
    is_overlay: ClassVar[bool] = True


def test_first_frame_is_drawn_then_the_idle_loop_sleeps(ctx: UiContext) -> None:
    events = ScriptedEvents([[]] * 30)
    clock = FixedClock()
    display = OffscreenDisplay()
    probe = Probe("idle")
    app = App(ctx, probe, display=display, events=events, clock=clock, persist_settings=False)
    app.run()
    assert app.frames_drawn == 1
    assert display.presented == 1
    assert probe.draws == 1
    # Only the very first iteration polled; every later one blocked with a timeout.
    assert events.polls == 1
    assert len(events.waits) == 30
    assert all(fps == 0 for fps in clock.requested[1:])


def test_input_redraws_once_and_key_up_does_not(ctx: UiContext) -> None:
    probe = Probe("input")
    key_up = pygame.event.Event(pygame.KEYUP, key=pygame.K_a, mod=0, unicode="", scancode=0)
    app = headless_app(ctx, probe, [[], [], move((5, 5)), [], [], key_up, [], []])
    app.run()
    assert probe.draws == 2
    assert pygame.MOUSEMOTION in probe.events


def test_animation_runs_at_full_rate_until_it_settles(ctx: UiContext) -> None:
    probe = Probe("anim")
    events = ScriptedEvents([[], key(pygame.K_m)])
    clock = FixedClock()
    app = App(
        ctx, probe, display=OffscreenDisplay(), events=events, clock=clock, persist_settings=False
    )
    app.run()
    assert probe.meter.shown == 80
    # 0.6 s at 60 frames a second, give or take the frames around the start and the end.
    assert 34 <= probe.draws <= 40
    assert 60 in clock.requested
    # Once settled, the loop went back to blocking.
    assert events.waits


def test_animation_off_finishes_at_once(ctx: UiContext) -> None:
    ctx.apply_settings(Settings(animation_speed=AnimationSpeed.OFF))
    probe = Probe("instant")
    app = headless_app(ctx, probe, [[], key(pygame.K_m)])
    app.run()
    assert probe.meter.shown == 80
    assert probe.draws <= 3


def test_run_for_a_number_of_frames(ctx: UiContext) -> None:
    app = headless_app(ctx, Probe("frames"), [[]] * 100)
    app.run(frames=5)
    assert app.iterations == 5
    assert app.running


def test_stack_actions(ctx: UiContext) -> None:
    base = Probe("base")
    second = Probe("second")
    third = Probe("third")
    fresh = Probe("fresh")
    base.actions = {pygame.K_p: screen.Push(second)}
    second.actions = {pygame.K_r: screen.Replace(third)}
    third.actions = {pygame.K_x: screen.Reset(fresh)}
    fresh.actions = {pygame.K_c: screen.Chain((screen.Push(base), screen.Pop(), screen.Pop()))}
    app = headless_app(ctx, base, [key(pygame.K_p), key(pygame.K_r)])
    app.run()
    assert app.stack == [base, third]
    app.apply(third.on_event(key(pygame.K_x)))
    assert app.stack == [fresh]
    app.running = True
    app.apply(fresh.on_event(key(pygame.K_c)))
    assert app.stack == []
    assert not app.running


def test_values_with_no_fields_compare_hash_and_match_by_kind_and_cannot_change() -> None:
    from game.ui.screen import Action, Chain, Open, Pop, Preferences, Push, Quit, TakeBack, Title

    assert Pop() == Pop() and Title() == Title()
    assert Pop() != Quit() and Pop() != Push(Probe("p")) and Pop() != "Pop()"
    assert len({Pop(), Pop(), Quit(), TakeBack()}) == 3
    assert repr(TakeBack()) == "TakeBack()"
    assert Open(Title()) == Open(Title()) and Open(Title()) != Open(Preferences())
    action: Action = Chain((Pop(), Quit()))
    match action:
        case Chain((Pop(), Quit())):
            pass
        case _:
            pytest.fail("a value with no fields matches its class pattern")
    with pytest.raises(AttributeError, match="Pop has no fields to set"):
        Pop().screen = Probe("p")  # type: ignore[attr-defined]


def test_quit_stops_the_loop(ctx: UiContext) -> None:
    probe = Probe("quit", {pygame.K_q: screen.Quit()})
    events = ScriptedEvents([key(pygame.K_q), [], [], []])
    app = App(
        ctx,
        probe,
        display=OffscreenDisplay(),
        events=events,
        clock=FixedClock(),
        persist_settings=False,
    )
    app.run()
    assert not app.running
    assert events.delivered == 1


def test_overlay_draws_over_the_screen_below(ctx: UiContext) -> None:
    base = Probe("base")
    overlay = OverlayProbe("overlay")
    covering = Probe("covering")
    app = headless_app(ctx, base)
    app.stack = [base, overlay]
    assert app.visible_screens() == [base, overlay]
    app.stack = [base, covering, overlay]
    assert app.visible_screens() == [covering, overlay]


def test_screen_change_cross_fades_then_settles(ctx: UiContext) -> None:
    second = Probe("second")
    base = Probe("base", {pygame.K_p: screen.Push(second)})
    app = headless_app(ctx, base, [[], key(pygame.K_p)])
    app.run()
    assert app.top is second
    assert second.draws > 5  # the fade took several frames
    assert app._fade_from is None


class Router:
    """Records commands and places, answering each command with ``answer``."""

    def __init__(self, answer: screen.Action | None, opened: screen.Screen) -> None:
        self.answer = answer
        self.opened = opened
        self.log: list[object] = []

    def handle(self, command: screen.Command) -> screen.Action | None:
        self.log.append(command)
        return self.answer

    def open(self, place: screen.Place) -> screen.Screen:
        self.log.append(place)
        return self.opened


def test_apply_hands_the_command_to_the_router_and_follows_its_answer(ctx: UiContext) -> None:
    after = Probe("after")
    router = Router(screen.Replace(after), Probe("opened"))
    probe = Probe("table", {pygame.K_1: screen.Apply(screen.TakeBack())})
    app = App(
        ctx,
        probe,
        display=OffscreenDisplay(),
        events=ScriptedEvents([key(pygame.K_1)]),
        clock=FixedClock(),
        router=router,
        persist_settings=False,
    )
    app.run()
    assert router.log == [screen.TakeBack()]
    assert app.stack == [after]


def test_open_asks_the_router_for_the_screen_and_pushes_or_replaces(ctx: UiContext) -> None:
    opened = Probe("settings")
    router = Router(None, opened)
    base = Probe(
        "base",
        {
            pygame.K_o: screen.Open(screen.Preferences()),
            pygame.K_r: screen.Open(screen.Title(), replace=True),
        },
    )
    app = headless_app(ctx, base, [key(pygame.K_o)])
    app.router = router
    app.run()
    assert router.log == [screen.Preferences()]
    assert app.stack == [base, opened]
    app.stack = [base]
    app.apply(base.on_event(key(pygame.K_r)))
    assert app.stack == [opened]


def test_f11_toggles_fullscreen_and_saves_it(ctx: UiContext, home: Path) -> None:
    display = OffscreenDisplay()
    events = ScriptedEvents([key(pygame.K_F11)])
    app = App(ctx, Probe("f11"), display=display, events=events, clock=FixedClock())
    app.run()
    assert display.fullscreen
    assert ctx.settings.fullscreen
    assert (home / SETTINGS_FILE).is_file()
    assert load_settings().fullscreen


def _presents_after(events: list[list[pygame.event.Event]], ctx: UiContext) -> OffscreenDisplay:
    display = OffscreenDisplay()
    app = App(
        ctx,
        Probe("window"),
        display=display,
        events=ScriptedEvents(events),
        clock=FixedClock(),
        persist_settings=False,
    )
    app.run()
    return display


def test_the_picture_is_presented_again_for_a_moment_after_f11(ctx: UiContext) -> None:
    # A play-tester's screen stayed black for seconds after F11 (1024x600, no window manager):
    # the one picture presented went to a window the X server had not yet shown.
    quiet = _presents_after([[]] * 10, ctx)
    assert quiet.presented == 1 and quiet.exposed == 0
    switched = _presents_after([[key(pygame.K_F11)]] + [[]] * 9, ctx)
    assert switched.fullscreen and switched.exposed == 1
    assert switched.presented >= REPAINT_SECONDS * FPS


@pytest.mark.parametrize(
    "kind",
    [pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED, pygame.WINDOWSIZECHANGED],
)
def test_a_window_event_that_may_lose_the_picture_paints_it_whole_again(
    ctx: UiContext, kind: int
) -> None:
    display = _presents_after([[]] * 5 + [[pygame.event.Event(kind)]] + [[]] * 5, ctx)
    assert display.exposed == 1
    assert display.presented >= REPAINT_SECONDS * FPS


def test_one_f11_switches_once_though_sdl_presses_it_again_on_refocus(ctx: UiContext) -> None:
    # SDL presses again a key it finds held when the remade window gets the focus: in a real
    # window one F11 switched two or three times over, or went on switching by itself.
    focus = pygame.event.Event(pygame.WINDOWFOCUSGAINED)
    settle = round(SWITCH_SETTLE_SECONDS * FPS)

    def full_screen_after(events: list[list[pygame.event.Event]]) -> bool:
        return _presents_after(
            events, UiContext(attrs.evolve(ctx.settings, fullscreen=False))
        ).fullscreen

    down, up = key(pygame.K_F11), pygame.event.Event(pygame.KEYUP, key=pygame.K_F11)
    assert full_screen_after([[down], [up, focus, down]])
    assert full_screen_after([[down, up]] + [[]] * 3 + [[down]])
    # Its release lost (a key sent to the window that was remade), pygame repeats the press.
    assert full_screen_after([[down]] + [[]] * settle + [[down], [down], [down]])
    later = [[down], [up]] + [[]] * settle + [[down]]
    assert not full_screen_after(later), "released, then pressed once the window has settled"


def test_after_a_switch_the_pointer_and_the_key_that_made_it_wait(ctx: UiContext) -> None:
    # A play-tester pressed Enter on Full screen with the pointer over the settings: the remade
    # window reported the pointer, focus jumped to the palette under it, and Enter again (SDL's
    # or his) turned the palette on. Another key, or a click, is taken at once.
    probe = Probe(
        "settings",
        {pygame.K_RETURN: screen.ChangeSettings(attrs.evolve(ctx.settings, fullscreen=True))},
    )
    motion = pygame.event.Event(pygame.MOUSEMOTION, pos=(640, 300), rel=(0, 0), buttons=(0, 0, 0))
    settle = round(SWITCH_SETTLE_SECONDS * FPS)
    app = App(
        ctx,
        probe,
        display=OffscreenDisplay(),
        events=ScriptedEvents(
            [[key(pygame.K_RETURN)], [motion, key(pygame.K_RETURN)], [key(pygame.K_DOWN)]]
            + [[]] * settle
            + [[motion]]
        ),
        clock=FixedClock(),
        persist_settings=False,
    )
    app.run()
    assert probe.events == [pygame.KEYDOWN, pygame.KEYDOWN, pygame.MOUSEMOTION]


def test_change_settings_applies_sound_and_palette(ctx: UiContext) -> None:
    app = headless_app(ctx, Probe("settings"))
    app.apply(screen.ChangeSettings(attrs.evolve(ctx.settings, sound=False, colour_blind=True)))
    assert not ctx.sounds.enabled
    assert ctx.palette is COLOUR_BLIND_PALETTE


@pytest.mark.filterwarnings("ignore:no fast renderer available")
def test_real_window_opens_on_the_dummy_driver(ctx: UiContext) -> None:
    events = ScriptedEvents([[], key(pygame.K_DOWN)])
    app = App(ctx, Flow(ctx).title(), events=events, clock=FixedClock(), persist_settings=False)
    app.run()
    window = pygame.display.get_surface()
    assert window is not None
    desktop = pygame.display.get_desktop_sizes()[0]
    assert window.get_size() == first_window_size(desktop)
    assert app.surface.get_size() == (1280, 720)
    assert app.frames_drawn >= 2


@pytest.mark.filterwarnings("ignore:no fast renderer available")
def test_pygame_events_block_with_a_timeout_and_poll_without() -> None:
    pygame.display.init()
    source = PygameEvents()
    source.get(None)  # drain whatever the window produced
    assert source.get(5) == []
    pygame.event.post(pygame.event.Event(pygame.USEREVENT, tag="a"))
    pygame.event.post(pygame.event.Event(pygame.USEREVENT, tag="b"))
    got = source.get(1000)
    assert [e.tag for e in got] == ["a", "b"]


@pytest.mark.filterwarnings("ignore:no fast renderer available")
def test_run_opens_the_title_and_returns_when_the_window_closes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[int | None] = []

    def close_window(self: PygameEvents, timeout_ms: int | None) -> list[pygame.event.Event]:
        seen.append(timeout_ms)
        return [pygame.event.Event(pygame.QUIT)] if len(seen) > 2 else []

    monkeypatch.setattr(PygameEvents, "get", close_window)
    try:
        assert run() == 0
    finally:
        pygame.font.init()  # run() shuts pygame down; later tests still need fonts
    assert seen[0] is None
    assert seen[-1] is not None


def test_an_overlay_alone_does_not_darken_frame_after_frame(ctx: UiContext) -> None:
    dialog = DialogScreen(ctx, screen.confirm_quit())
    app = headless_app(ctx, dialog)
    surface = pygame.Surface((1280, 720))
    app.draw(surface)
    first = surface.get_at((5, 5))
    app.draw(surface)
    assert surface.get_at((5, 5)) == first
