"""Player preferences: a frozen value, stored as TOML in the user's config directory."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import attrs
import platformdirs

from game.store.files import describe_os_error, user_folder, write_text_atomic
from game.store.reading import SETTINGS_LIMIT, UnreadableFileError, read_toml

SETTINGS_FILE: Final = "settings.toml"
SETTINGS_VERSION: Final = 1


class TextSize(enum.StrEnum):
    """How large body text is drawn; the theme maps each to a scale factor. Each value is the
    member's name in lower case (``enum.auto``), as the settings file spells it."""

    SMALL = enum.auto()
    NORMAL = enum.auto()
    LARGE = enum.auto()


class AnimationSpeed(enum.StrEnum):
    """How fast meters and transitions move; OFF snaps straight to the end."""

    OFF = enum.auto()
    SLOW = enum.auto()
    NORMAL = enum.auto()
    FAST = enum.auto()


@attrs.frozen
class Settings:
    """Everything the player can change on the settings screen."""

    fullscreen: bool = False
    """Fill the whole display instead of a window."""
    text_size: TextSize = TextSize.NORMAL
    """Scale of every text role."""
    colour_blind: bool = False
    """Use the blue/orange palette instead of red/green for good and bad."""
    animation_speed: AnimationSpeed = AnimationSpeed.NORMAL
    """Speed of meters, scrolling and screen transitions."""
    sound: bool = True
    """Play interface sounds (silent anyway when there is no audio device)."""
    hints: bool = True
    """Show the U.S. adviser's short hints."""

    def to_mapping(self) -> dict[str, object]:
        """The TOML table this value is stored as."""
        return {
            "version": SETTINGS_VERSION,
            "fullscreen": self.fullscreen,
            "text_size": self.text_size.value,
            "colour_blind": self.colour_blind,
            "animation_speed": self.animation_speed.value,
            "sound": self.sound,
            "hints": self.hints,
        }


def parse_settings(data: Mapping[str, object]) -> tuple[Settings, tuple[str, ...]]:
    """Settings from a TOML table, plus one message per key that had to fall back to its default.

    Unknown keys are ignored so that a newer game's file still opens in an older one.
    """
    defaults = Settings()
    values: dict[str, Any] = {}
    problems: list[str] = []
    for field in attrs.fields(Settings):
        if field.name not in data:
            continue
        raw = data[field.name]
        default = getattr(defaults, field.name)
        if isinstance(default, enum.Enum):
            choices = [member.value for member in type(default)]
            if isinstance(raw, str) and raw in choices:
                values[field.name] = type(default)(raw)
            else:
                problems.append(f"{field.name} = {_shown(raw)} is not one of {', '.join(choices)}")
        elif isinstance(raw, bool):
            values[field.name] = raw
        else:
            problems.append(f"{field.name} = {_shown(raw)} is not true or false")
    return attrs.evolve(defaults, **values), tuple(problems)


def _shown(value: object) -> str:
    """A value from the file as a log line shows it: at most 40 characters of its repr (as
    ``game.engine.describe.short`` cuts it, written out here: the title screen reads the
    settings before it loads the engine)."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def config_dir() -> Path:
    """Where settings live: $HANOI_SUMMIT_HOME if set, else the platform's user config dir."""
    return user_folder(platformdirs.user_config_path)


def settings_path() -> Path:
    """The settings file in :func:`config_dir`."""
    return config_dir() / SETTINGS_FILE


def _printable(text: str) -> str:
    """``text`` escaped for a log line (:func:`game.engine.describe.printable`). The engine is
    loaded only when a settings file has something wrong with it: the window reads the settings
    before its first frame, which loading the whole engine delayed by a fifth (a benchmark)."""
    from game.engine.describe import printable

    return printable(text)


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; a missing file gives defaults, a bad one (whatever is wrong with it: a
    pipe, a folder, too large, not UTF-8, not TOML, nested too deep, a huge number) gives
    defaults and one log line."""
    path = settings_path() if path is None else path
    try:
        _, data = read_toml(path, what="a settings file", limit=SETTINGS_LIMIT)
    except UnreadableFileError as problem:
        if problem.missing:
            return Settings()
        import logging  # only for a line to log: a window that opens well logs none

        logging.getLogger(__name__).warning(
            "settings: %s; using defaults", _printable(str(problem))
        )
        return Settings()
    settings, problems = parse_settings(data)
    if problems:
        shown = _printable(f"{path}: {'; '.join(problems)}")
        import logging

        logging.getLogger(__name__).warning("settings: %s; using the default there", shown)
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> bool:
    """Write settings atomically; on failure log one line and return False instead of raising."""
    path = settings_path() if path is None else path
    try:
        from game.store.toml_text import dumps  # the writer is needed only when saving

        write_text_atomic(path, dumps(settings.to_mapping()))
    except OSError as exc:
        import logging

        logging.getLogger(__name__).warning(
            "settings: cannot save %s (%s); keeping them for this session",
            path,
            describe_os_error(exc),
        )
        return False
    return True
