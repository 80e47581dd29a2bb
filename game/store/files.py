"""Files the game writes: atomic replacement and the user's data folder."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Final

import platformdirs

APP_NAME: Final = "hanoi-summit"
HOME_ENV: Final = "HANOI_SUMMIT_HOME"
"""Environment variable that overrides where saves and settings live (tests use it)."""


def data_dir() -> Path:
    """Where saves live: ``$HANOI_SUMMIT_HOME`` if set, else the platform's user data folder."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home)
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text``: after a crash either the old or the new file is whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # The temp file must sit in the same directory: os.replace is only atomic within one filesystem.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open directories, and needs not.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def describe_os_error(error: BaseException) -> str:
    """A short reason for a failed file operation, without the traceback."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
