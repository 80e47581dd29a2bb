"""Opening a folder in the system's file manager, without ever waiting for it.

The opener (``xdg-open``, ``open``, or Windows' own) runs as a process of its own, in a session
of its own, its output thrown away and never waited on: a file manager slow to start, or one
that asks a question, cannot hang the game.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from game.store.files import describe_os_error


def opener_command(path: Path, platform: str = sys.platform) -> list[str]:
    """The command that opens ``path`` on ``platform`` (not Windows, which has a call of its
    own for it)."""
    if platform == "darwin":
        return ["open", str(path)]
    return ["xdg-open", str(path)]


def open_folder(path: Path) -> str:
    """Open ``path`` (made if missing) in the file manager; return what went wrong, or ``""``."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return f"{path}: {describe_os_error(error)}"
    if sys.platform == "win32":
        try:
            os.startfile(path)
        except OSError as error:
            return f"the file manager could not be started ({describe_os_error(error)})"
        return ""
    command = opener_command(path)
    try:
        subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=True,
            start_new_session=True,
        )
    except OSError as error:
        return f"{command[0]} could not be started ({describe_os_error(error)})"
    return ""
