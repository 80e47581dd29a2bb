"""Frame benchmark: frame time of the busiest screen, launch time against a bare pygame window,
peak memory of the game process, and CPU used while the game sits idle.

Run: ``python benchmarks/frames.py`` (``--help`` for the knobs). Everything runs headless on
SDL's dummy video driver unless ``--window`` is given. The launch, memory and idle figures come
from fresh subprocesses, so they see what a player's process sees; the frame times are taken
in this process, drawing the whole screen stack the way the main loop does.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    # Only for annotations: pygame must not load before the environment says which driver.
    from game.draw.context import UiContext
    from game.ui.screen import Screen

ScreenFactory = Callable[["UiContext"], "Screen"]

ROOT: Final = Path(__file__).resolve().parents[1]
TARGET_P95_MS: Final = 4.0
TARGET_LAUNCH_RATIO: Final = 2.0
TARGET_RSS_MB: Final = 100.0
TARGET_IDLE_CPU: Final = 2.0
FRAME_MARK: Final = "FIRST-FRAME"


def _environment(window: bool, home: str) -> dict[str, str]:
    env = dict(os.environ)
    if not window:
        env["SDL_VIDEODRIVER"] = "dummy"
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    # Settings and saves go to a scratch directory, never the player's own.
    env["HANOI_SUMMIT_HOME"] = home
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _verdict(ok: bool) -> str:
    return "ok" if ok else "ABOVE TARGET"


# --- Children: each runs in its own process -----------------------------------------------


def _title_screen(ctx: UiContext) -> Screen:
    """The title screen as the game opens it: built by the flow."""
    from game.ui.flow import Flow

    return Flow(ctx).title()


def child_bare() -> None:
    """A bare pygame window, opened the way the game opens its own; report the first frame."""
    import pygame

    pygame.display.init()
    surface = pygame.display.set_mode((1280, 720), pygame.SCALED | pygame.RESIZABLE)
    surface.fill((244, 240, 232))
    pygame.display.flip()
    print(FRAME_MARK, flush=True)
    pygame.quit()


def child_game() -> None:
    """The game as ``python -m game`` starts it, up to its first presented frame."""
    import pygame

    import game.cli  # noqa: F401  (the real launch imports the command line first)
    from game.draw.context import UiContext
    from game.store.settings import load_settings
    from game.ui.app import App

    ctx = UiContext(load_settings())
    pygame.font.init()
    app = App(ctx, _title_screen(ctx))
    app.run(frames=1)
    print(FRAME_MARK, flush=True)
    pygame.quit()


def child_memory() -> None:
    """A long session's worth of screens in one process; report the peak resident set."""
    import pygame

    from game.draw.context import UiContext
    from game.store.scenarios import load_scenario
    from game.store.settings import load_settings
    from game.ui.app import App, OffscreenDisplay
    from game.ui.screen import Replace
    from game.ui.shots import outcome_shots

    ctx = UiContext(load_settings())
    pygame.font.init()
    app = App(ctx, _title_screen(ctx), display=OffscreenDisplay())
    app.update(1.0)
    app.draw(app.surface)
    load_scenario("hanoi")
    app.apply(Replace(_summit(ctx)))
    for _ in range(60):
        app.update(1 / 20)
        app.draw(app.surface)
    # Every outcome scene, entering and at rest, then every page of the debrief: one at a
    # time, as a player meets them (each replaces the last).
    shots = outcome_shots(ctx, 7)
    while shots:
        _, screen = shots.pop(0)
        app.apply(Replace(screen))
        for _ in range(40):
            app.update(1 / 20)
            app.draw(app.surface)
        pages = getattr(screen, "tabs", [])
        for tab in pages:
            tab.activate()
            app.draw(app.surface)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_mb": peak_kb / 1024}), flush=True)
    pygame.quit()


def child_idle(seconds: float, which: str) -> None:
    """The real loop (window, event wait, clock) left alone; report CPU time over wall time."""
    import pygame

    from game.draw.context import UiContext
    from game.store.settings import load_settings
    from game.ui.app import App

    ctx = UiContext(load_settings())
    pygame.font.init()
    first: Screen
    if which == "outcome":
        from game.engine.search import finished_games
        from game.store.scenarios import load_scenario
        from game.ui.screens.outcome import OutcomeScreen

        state = finished_games(load_scenario("hanoi"), 7)["embassies"].state
        first = OutcomeScreen(ctx, state)
    else:
        first = _title_screen(ctx)
    app = App(ctx, first)
    app.running = True
    app.surface.fill((0, 0, 0))  # opens the window, as the loop does first
    # Let every entry animation finish before the clock starts: idle means nothing moves.
    for _ in range(1200):
        app.step()
        if app.settled:
            break
    pygame.time.set_timer(pygame.QUIT, round(seconds * 1000), loops=1)
    cpu0 = time.process_time()
    wall0 = time.perf_counter()
    frames0 = app.frames_drawn
    app.run()
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0
    print(json.dumps({"cpu": cpu, "wall": wall, "frames": app.frames_drawn - frames0}), flush=True)
    pygame.quit()


def child_idle_bare(seconds: float) -> None:
    """A bare pygame window waiting for events the same way, for comparison."""
    import pygame

    pygame.display.init()
    pygame.display.set_mode((1280, 720), pygame.SCALED | pygame.RESIZABLE)
    pygame.display.flip()
    cpu0 = time.process_time()
    wall0 = time.perf_counter()
    while time.perf_counter() - wall0 < seconds:
        pygame.event.wait(1000)
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0
    print(json.dumps({"cpu": cpu, "wall": wall, "frames": 0}), flush=True)
    pygame.quit()


# --- Parent: measurements ----------------------------------------------------------------


def _launch(kind: str, env: dict[str, str]) -> float:
    """Seconds from starting a process to its first frame."""
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, __file__, "--child", kind],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == FRAME_MARK:
                elapsed = time.perf_counter() - start
                process.stdout.read()
                process.wait()
                return elapsed
        process.wait()
    raise RuntimeError(f"the {kind} child never drew a frame")


def _child_json(args: Sequence[str], env: dict[str, str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    last = [line for line in done.stdout.splitlines() if line.startswith("{")][-1]
    result: dict[str, float] = json.loads(last)
    return result


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def _frame_times(build: ScreenFactory, frames: int) -> tuple[list[float], float]:
    """Per-frame milliseconds for ``frames`` frames (and the first frame, reported apart)."""
    from game.draw.context import UiContext
    from game.store.settings import Settings
    from game.ui.app import App, OffscreenDisplay
    from game.ui.testing import move

    ctx = UiContext(Settings(sound=False))
    app = App(ctx, build(ctx), display=OffscreenDisplay(), persist_settings=False)
    surface = app.surface
    times: list[float] = []
    first = 0.0
    for i in range(frames + 1):
        # The pointer sweeps the screen, so hover states change as they would under a hand.
        x = (i * 37) % 1280
        y = 200 + (i * 53) % 500
        start = time.perf_counter()
        app.handle_event(move((x, y)))
        app.update(1 / 60)
        app.draw(surface)
        elapsed = (time.perf_counter() - start) * 1000
        if i == 0:
            first = elapsed
        else:
            times.append(elapsed)
    return times, first


def _summit(ctx: UiContext) -> Screen:
    """The summit table half-way through a game: meters moved, a long log, cards locked and
    open (the essay's line on seed 7)."""
    from game.engine import apply, new_game
    from game.engine.describe import StrategyName
    from game.engine.strategies import STRATEGIES, strategy_rng
    from game.store.scenarios import load_scenario
    from game.ui.screens.summit import SummitScreen
    from game.ui.session import Session

    state = new_game(load_scenario("hanoi"), 7)
    rng = strategy_rng(StrategyName.ESSAY, 7)
    for _ in range(5):
        move, rng = STRATEGIES[StrategyName.ESSAY].choose(state, rng)
        state = apply(state, move).state
    return SummitScreen(ctx, Session(state))


def _candidates() -> list[tuple[str, ScreenFactory]]:
    """Screens to time: the summit table, then the outcome and the debrief."""
    from game.engine.search import finished_games, rich_game
    from game.engine.transcript import verification_code
    from game.store.scenarios import load_scenario
    from game.ui.screens.debrief import DebriefScreen
    from game.ui.screens.outcome import OutcomeScreen

    scenario = load_scenario("hanoi")
    found = finished_games(scenario, 7)
    rich = rich_game(scenario, 7)
    screens: list[tuple[str, ScreenFactory]] = [("summit table (mid-game)", _summit)]

    def outcome(ctx: UiContext) -> Screen:
        return OutcomeScreen(ctx, found["embassies"].state)

    def debrief(ctx: UiContext) -> Screen:
        return DebriefScreen(ctx, rich, verification=verification_code(rich), next_summit=False)

    screens.append(("outcome scene (entering)", outcome))
    screens.append(("debrief (chart drawing in)", debrief))
    return screens


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--frames", type=int, default=360, help="frames timed per screen")
    parser.add_argument("--launches", type=int, default=15, help="launches of each kind")
    parser.add_argument("--idle-seconds", type=float, default=4.0)
    parser.add_argument("--window", action="store_true", help="use a real window, not SDL dummy")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        kind = args.child[0]
        if kind == "bare":
            child_bare()
        elif kind == "game":
            child_game()
        elif kind == "memory":
            child_memory()
        elif kind == "idle":
            child_idle(float(args.child[1]), args.child[2])
        elif kind == "idle-bare":
            child_idle_bare(float(args.child[1]))
        return 0

    # Launches are timed as a player sees them from the second start on: with the game's
    # bytecode cached (a first start also compiles it, or nothing does when
    # PYTHONDONTWRITEBYTECODE is set, as on some machines).
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "game"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="hanoi-bench-") as home:
        env = _environment(args.window, home)
        os.environ.update({k: env[k] for k in ("SDL_AUDIODRIVER", "PYGAME_HIDE_SUPPORT_PROMPT")})
        os.environ["HANOI_SUMMIT_HOME"] = home
        if not args.window:
            os.environ["SDL_VIDEODRIVER"] = "dummy"
        driver = "real window" if args.window else "SDL dummy driver"
        print(f"Frame benchmark ({driver}, 1280x720 logical surface)")

        results = []
        for name, build in _candidates():
            times, first = _frame_times(build, args.frames)
            median = statistics.median(times)
            p95 = _percentile(times, 0.95)
            results.append((p95, name))
            print(
                f"  {name:<28} median {median:6.2f} ms   p95 {p95:6.2f} ms   "
                f"(first frame, building it: {first:6.1f} ms, {len(times)} frames)"
            )
        p95, busiest = max(results)
        print(
            f"  busiest: {busiest:<19} p95 {p95:6.2f} ms   target <= {TARGET_P95_MS:.0f} ms   "
            f"{_verdict(p95 <= TARGET_P95_MS)}"
        )

        bare: list[float] = []
        game: list[float] = []
        for _ in range(args.launches):
            # Interleaved, so a busy moment on the machine costs both alike.
            bare.append(_launch("bare", env))
            game.append(_launch("game", env))
        bare_ms = statistics.median(bare) * 1000
        game_ms = statistics.median(game) * 1000
        ratio = game_ms / bare_ms
        print(
            f"  launch to first frame: game {game_ms:6.0f} ms, bare pygame window {bare_ms:6.0f} ms"
            f" (medians of {args.launches})   ratio {ratio:4.2f}   "
            f"target <= {TARGET_LAUNCH_RATIO:.0f}x   {_verdict(ratio <= TARGET_LAUNCH_RATIO)}"
        )

        memory = _child_json(["memory"], env)["peak_mb"]
        print(
            f"  peak RSS (title, summit table, every outcome scene, every debrief page): "
            f"{memory:6.1f} MB   "
            f"target <= {TARGET_RSS_MB:.0f} MB   {_verdict(memory <= TARGET_RSS_MB)}"
        )

        bare_idle = _child_json(["idle-bare", str(args.idle_seconds)], env)
        bare_share = 100 * bare_idle["cpu"] / bare_idle["wall"]
        for which in ("title", "outcome"):
            idle = _child_json(["idle", str(args.idle_seconds), which], env)
            share = 100 * idle["cpu"] / idle["wall"]
            print(
                f"  idle CPU ({which} screen, {idle['wall']:.1f} s, {idle['frames']:.0f} frames "
                f"drawn): {share:5.2f}% of a core   target <= {TARGET_IDLE_CPU:.0f}%   "
                f"{_verdict(share <= TARGET_IDLE_CPU)}"
            )
        print(
            f"  (a bare pygame window blocked in event.wait uses {bare_share:.2f}% the same way: "
            "what SDL itself costs while waiting on this video driver)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
