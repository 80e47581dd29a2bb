"""The saves folder by its file names alone: where the autosave, its backup and the named slots
are, what kind each file is, and how many there are of each.

What the title screen asks before its first frame (is there an autosave to continue? how many
saves can Load list?), apart from :mod:`game.store.saves`, which reads and writes the saves and
is loaded when one is read or a game starts. Its :class:`~game.store.saves.SaveStore` is a
:class:`SaveFolder` that also reads and writes.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from pathlib import Path
from typing import Final

from game.store.files import data_dir
from game.store.reading import TOML_SUFFIX

SAVES_DIR: Final = "saves"
AUTOSAVE: Final = "autosave.toml"
BACKUP: Final = "autosave.previous.toml"
"""The autosave before the latest one: what Continue falls back to if the latest is damaged."""
SLOT_PREFIX: Final = "slot-"
_UNLISTED: Final = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class SaveKind(enum.Enum):
    """Where a save came from; the value orders saves made at the same second (the autosave
    leads and its backup trails)."""

    AUTOSAVE = 0
    SLOT = 1
    BACKUP = 2


def kind_of(path: Path) -> SaveKind | None:
    """What kind of save a file is by its name; None for a file the game does not list (not a
    save, or a name the game never writes: control characters, bytes that are not UTF-8)."""
    if _UNLISTED.search(path.name):
        return None
    if path.name == AUTOSAVE:
        return SaveKind.AUTOSAVE
    if path.name == BACKUP:
        return SaveKind.BACKUP
    if path.name.startswith(SLOT_PREFIX) and path.suffix == TOML_SUFFIX:
        return SaveKind.SLOT
    return None


class SaveFolder:
    """The player's saves in ``<data dir>/saves``, known by their names, unread.

    ``root`` defaults to :func:`game.store.files.data_dir` (looked up on every call, so the
    ``HANOI_SUMMIT_HOME`` override applies).
    """

    def __init__(self, root: Path | None = None) -> None:
        self._root = root

    @property
    def root(self) -> Path:
        """The folder holding ``saves/``, ``exports/`` and the progress file."""
        return self._root if self._root is not None else data_dir()

    @property
    def saves(self) -> Path:
        """The saves folder."""
        return self.root / SAVES_DIR

    @property
    def autosave_path(self) -> Path:
        """The latest autosave."""
        return self.saves / AUTOSAVE

    @property
    def backup_path(self) -> Path:
        """The autosave before the latest."""
        return self.saves / BACKUP

    def has_autosave(self) -> bool:
        """True when there is an autosave or its backup to continue from."""
        return self.autosave_path.is_file() or self.backup_path.is_file()

    def counts(self) -> Counter[SaveKind]:
        """How many saves of each kind Load lists, without reading them (for the title)."""
        try:
            kinds = [kind_of(path) for path in self.saves.glob(f"*{TOML_SUFFIX}")]
        except OSError:
            return Counter()
        return Counter(kind for kind in kinds if kind is not None)
