"""Starting quietly without a sound card (issue 9): SDL is kept away from ALSA, whose library
prints eight error lines to the terminal, and the game runs silent, as it should."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.draw import assets
from game.draw.assets import SOUND_SERVERS, has_sound_card, quiet_audio_driver

ROOT = Path(__file__).resolve().parents[2]


def test_a_sound_card_is_a_playback_device_node(tmp_path: Path) -> None:
    assert not has_sound_card(tmp_path)
    (tmp_path / "controlC0").touch()
    (tmp_path / "pcmC0D0c").touch()  # a capture device plays nothing
    assert not has_sound_card(tmp_path)
    (tmp_path / "pcmC0D0p").touch()
    assert has_sound_card(tmp_path)
    assert not has_sound_card(tmp_path / "missing")


def test_without_a_card_only_sound_servers_are_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SDL_AUDIODRIVER", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(assets, "has_sound_card", lambda: False)
    quiet_audio_driver()
    assert os.environ["SDL_AUDIODRIVER"] == SOUND_SERVERS


def test_with_a_card_or_a_chosen_driver_nothing_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("SDL_AUDIODRIVER", raising=False)
    monkeypatch.setattr(assets, "has_sound_card", lambda: True)
    quiet_audio_driver()
    assert "SDL_AUDIODRIVER" not in os.environ
    monkeypatch.setattr(assets, "has_sound_card", lambda: False)
    monkeypatch.setenv("SDL_AUDIODRIVER", "alsa")
    quiet_audio_driver()
    assert os.environ["SDL_AUDIODRIVER"] == "alsa"


PLAY_A_SOUND = """
import pygame
from game.draw.assets import Cue, SoundBank
bank = SoundBank(enabled=True)
bank.play(Cue.SELECT)
print("available" if bank.is_available else "silent")
"""


def test_playing_a_sound_prints_nothing_whatever_the_machine(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SDL_AUDIODRIVER"}
    env.update(
        PYGAME_HIDE_SUPPORT_PROMPT="1", SDL_VIDEODRIVER="dummy", HANOI_SUMMIT_HOME=str(tmp_path)
    )
    done = subprocess.run(
        [sys.executable, "-c", PLAY_A_SOUND],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() in ("available", "silent")
    assert "ALSA" not in done.stderr
    assert done.stderr == ""


def test_settings_say_once_that_there_is_no_audio_device(monkeypatch: pytest.MonkeyPatch) -> None:
    import pygame

    from game.draw.context import UiContext
    from game.store.settings import Settings
    from game.ui.screens.settings_screen import SettingsScreen
    from game.ui.widgets.options import Toggle

    def no_device(*args: object, **kwargs: object) -> None:
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    screen = SettingsScreen(UiContext(Settings()))
    screen.update(0.0)  # before any sound has been played
    sound = next(r for r in screen.rows if isinstance(r, Toggle) and r.label == "Sound")
    assert sound.description.count("No audio device was found") == 1
    screen.update(0.0)
    assert sound.description.count("No audio device was found") == 1
