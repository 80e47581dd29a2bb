"""Open folder on the debrief (issue 9): the exports folder opens in the system's file manager,
through a process the game never waits for, and its path is shown in full."""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from game.draw.context import UiContext
from game.engine import GameState
from game.ui.flow import Flow
from game.ui.folders import open_folder, opener_command
from game.ui.screen import Dialog, ExportTranscript, Open, OpenExports
from game.ui.session import Session


def test_the_platforms_opener() -> None:
    assert opener_command(Path("/x"), "linux") == ["xdg-open", "/x"]
    assert opener_command(Path("/x"), "darwin") == ["open", "/x"]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows opens folders with os.startfile")
def test_a_slow_file_manager_cannot_hang_the_game(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    opener = bin_dir / "xdg-open"
    marker = tmp_path / "opened"
    opener.write_text(f'#!/bin/sh\necho "$1" > {marker}\nsleep 30\n', encoding="utf-8")
    opener.chmod(opener.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(sys, "platform", "linux")
    folder = tmp_path / "exports"
    started = time.monotonic()
    assert open_folder(folder) == ""
    assert time.monotonic() - started < 2.0
    assert folder.is_dir()
    for _ in range(100):
        if marker.exists() and marker.read_text(encoding="utf-8").strip():
            break
        time.sleep(0.05)
    assert marker.read_text(encoding="utf-8").strip() == str(folder)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows opens folders with os.startfile")
def test_no_opener_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    problem = open_folder(tmp_path / "exports")
    assert "xdg-open could not be started" in problem


def test_the_flow_opens_the_exports_folder_and_names_it_when_it_cannot(
    ctx: UiContext, rich: GameState
) -> None:
    flow = Flow(ctx)
    flow.session = Session(rich, store=flow.store)
    opened: list[Path] = []

    def opener(path: Path) -> str:
        opened.append(path)
        return ""

    flow.opener = opener
    assert flow.handle(OpenExports()) is None
    assert opened == [flow.store.exports]
    flow.opener = lambda path: "xdg-open could not be started (no such file)"
    action = flow.handle(OpenExports())
    assert isinstance(action, Open) and isinstance(action.place, Dialog)
    assert any(str(flow.store.exports) in line for line in action.place.body)


def test_the_export_message_shows_the_path_and_opens_the_folder(
    ctx: UiContext, rich: GameState
) -> None:
    flow = Flow(ctx)
    flow.session = Session(rich, store=flow.store)
    action = flow.handle(ExportTranscript())
    assert isinstance(action, Open) and isinstance(action.place, Dialog)
    exported = next(flow.store.exports.iterdir())
    assert f"Saved to {exported}" in action.place.body
    assert [c.label for c in action.place.choices] == ["Open folder", "OK"]


def test_the_debrief_shows_where_exports_go(ctx: UiContext, rich: GameState) -> None:
    import pygame

    from game.draw import assets

    flow = Flow(ctx)
    flow.session = Session(rich, store=flow.store)
    debrief = flow.debrief(next_summit=False)
    shown: list[str] = []
    render = assets.FontBook.render

    def watched(self: assets.FontBook, *args: Any, **kwargs: Any) -> pygame.Surface:
        shown.append(str(args[2]))
        return render(self, *args, **kwargs)

    debrief.focus.focus(debrief.folder_button)
    ctx.fonts._texts.clear()
    assets.FontBook.render = watched  # type: ignore[method-assign]
    try:
        debrief.draw(pygame.Surface((1280, 720)))
    finally:
        assets.FontBook.render = render  # type: ignore[method-assign]
    assert f"Transcripts are exported to {flow.store.exports}" in shown
