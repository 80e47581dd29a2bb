"""Files the game writes: atomic replacement and the user's data folder."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING, Final

import platformdirs

import game

if TYPE_CHECKING:
    from collections.abc import Callable
    from importlib.resources.abc import Traversable

APP_NAME: Final = "hanoi-summit"
HOME_ENV: Final = "HANOI_SUMMIT_HOME"
"""Environment variable that overrides where saves and settings live (tests use it)."""


def data_dir() -> Path:
    """Where saves live: ``$HANOI_SUMMIT_HOME`` if set, else the platform's user data folder."""
    return user_folder(platformdirs.user_data_path)


def user_folder(platform: Callable[..., Path]) -> Path:
    """``$HANOI_SUMMIT_HOME`` if set, else the game's folder of ``platform`` (a
    :mod:`platformdirs` function such as ``user_config_path``): saves and settings move together."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home)
    return platform(APP_NAME, appauthor=False)


def package_files() -> Traversable:
    """The game package's own files (``_data/`` in a wheel), as
    :func:`importlib.resources.files` gives them: the package's folder, taken from the package
    itself when it is one, since that function first imports the readers of every kind of
    package (zip archives among them), which cost the window's first frame a few milliseconds.
    """
    package = Path(game.__file__).parent
    if package.is_dir():
        return package
    from importlib import resources

    return resources.files(game)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words (``""`` for a regular file)."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_writable(path: Path) -> None:
    """Raise :class:`OSError` when something other than a regular file is at ``path`` (a
    folder, a device, a pipe), which writing a file there would replace, or when a file stands
    where one of its folders would be."""
    try:
        kind = file_kind(path.stat().st_mode)
    except NotADirectoryError:
        check_folder(path.parent)
        kind = ""
    except (OSError, ValueError):
        kind = ""  # nothing there yet, or nothing to see: the write itself says what fails
    if kind:
        raise OSError(errno.EINVAL, f"{kind}, not a file: the game writes only files")


def make_folder(folder: Path) -> None:
    """Make ``folder`` and the folders it is in, as far as they are missing; a file where one
    of them would be raises :class:`NotADirectoryError` naming it (``mkdir`` says only "File
    exists" or "Not a directory")."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        check_folder(folder)
        raise


def check_folder(folder: Path) -> None:
    """Raise :class:`NotADirectoryError` naming the first of ``folder`` and the folders it is
    in that is something other than a folder ("afile is a file, not a folder"); a folder that
    is missing, or is in one that is, is no obstacle (it can be made)."""
    for place in (*reversed(folder.parents), folder):
        try:
            mode = place.stat().st_mode
        except (OSError, ValueError):
            return  # missing from here on: nothing is in the way
        if not stat.S_ISDIR(mode):
            kind = file_kind(mode) or "a file"
            raise NotADirectoryError(errno.ENOTDIR, f"{place} is {kind}, not a folder")


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8, ``\\n`` line ends): see :func:`write_bytes_atomic`."""
    write_bytes_atomic(path, text.encode("utf-8"))


STALE_AFTER: Final = 60.0
"""Seconds after which a temporary file of an earlier write is taken to be left by a crash."""


def write_bytes_atomic(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Replace ``path`` with ``data``: after a crash, a full disk or a kill either the old or
    the new file is whole, never a part of one.

    The bytes go to a temporary file in the same folder, are flushed to the disk, checked for
    size, and only then renamed over ``path``; any failure removes the temporary file and
    raises :class:`OSError`. Temporary files an earlier write left behind (killed mid-way) are
    removed first. With ``replace=False`` an existing ``path`` is never replaced: the write
    raises :class:`FileExistsError` instead. Nor is anything at ``path`` that is not a regular
    file (a folder, a device such as ``/dev/null``, a pipe): the rename would put a file in its
    place, so the write raises :class:`OSError` naming what is there. A new file gets the
    permissions ``open()`` would give it (``0o666`` less the umask); a file replaced keeps its
    own.
    """
    check_writable(path)
    make_folder(path.parent)
    _remove_stale(path)
    kept = _permissions(path) if replace else None
    # The temp file must sit in the same directory: os.replace is only atomic within one filesystem.
    fd, tmp = _create_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if kept is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), kept)
            os.fsync(handle.fileno())
            written = os.fstat(handle.fileno()).st_size
        if written != len(data):
            raise OSError(errno.EIO, f"wrote {written} bytes of {len(data)}")
        if replace:
            try:
                tmp.replace(path)
            except OSError as error:
                raise OSError(error.errno, error.strerror, str(path)) from None
        else:
            _place_new(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_directory(path.parent)


def _permissions(path: Path) -> int | None:
    """The permission bits of the regular file at ``path``, which its replacement keeps (None
    when there is none)."""
    try:
        status = path.stat()
    except (OSError, ValueError):
        return None
    return stat.S_IMODE(status.st_mode) & 0o777 if stat.S_ISREG(status.st_mode) else None


_TEMPORARY_FLAGS: Final = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _create_temporary(path: Path) -> tuple[int, Path]:
    """A new temporary file beside ``path``, open for writing, created as ``open()`` creates a
    file: with the permissions the umask (and the folder's defaults) allow. Not
    :func:`tempfile.mkstemp`, whose files are their owner's alone whatever the umask."""
    for _ in range(100):
        tmp = path.parent / f".{path.name}.{os.urandom(4).hex()}.tmp"  # as secrets.token_hex
        try:
            return os.open(tmp, _TEMPORARY_FLAGS, 0o666), tmp
        except FileExistsError:
            continue  # another write's name: draw again
        except OSError as error:
            # Named by the file the user knows, never the temporary one (".x.png.4c75.tmp").
            raise OSError(error.errno, error.strerror, str(path)) from None
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(path.parent))


def _place_new(tmp: Path, path: Path) -> None:
    """Give the written file its name, unless a file already has it: a hard link fails when
    the name is taken, at once (a rename would replace the file)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        # A file system without hard links (a FAT32 stick): look, then rename.
        if path.exists():
            raise FileExistsError(errno.EEXIST, "the file exists", str(path)) from None
        tmp.replace(path)
        return
    tmp.unlink()


def _remove_stale(path: Path) -> None:
    """Remove the temporary files of writes to ``path`` killed before they finished (those
    not touched for :data:`STALE_AFTER` seconds: a write in progress is left alone)."""
    now = time.time()
    with contextlib.suppress(OSError):
        for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                if now - stale.lstat().st_mtime > STALE_AFTER and stale.is_file():
                    stale.unlink()


def fsync_directory(directory: Path) -> None:
    """Make the renames in ``directory`` durable (on POSIX; Windows cannot open folders,
    and needs not)."""
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
