"""Writing a set of files into a folder all or nothing: the class report and its pages.

Every file is first written whole into a staging folder beside the target (flushed to the disk
and checked for size); only when all of them are written are they moved into place, each by a
rename, the files they replace set aside until the last is in. A failure or an interrupt
(Ctrl-C) at any point puts back what was there and removes the staging folder: the target is
as it was, and the error names the file or folder the caller knows (never a staging name).

Files an earlier set wrote and this one does not (:func:`write_set`'s ``retired``) are taken out
in the same move, so that a set never stands beside what is left of another.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Final

from game.store.files import check_folder, check_writable, fsync_directory

STAGING_MARK: Final = ".staging-"
"""In the name of a staging folder, after the target's own name (hidden, with a dot)."""


def write_set(target: Path, files: Mapping[str, bytes], retired: Collection[str] = ()) -> None:
    """Put ``files`` (paths relative to ``target``, ``/``-separated, one folder deep at most)
    into ``target``, and take ``retired`` out of it, all or nothing; raise :class:`OSError`
    naming the file or folder of ``target`` that failed, with ``target`` as it was."""
    for folder in sorted({(target / name).parent for name in files}, key=_depth):
        check_folder(folder)
    for name in files:
        try:
            check_writable(target / name)
        except OSError as error:
            raise OSError(error.errno, error.strerror, str(target / name)) from None
    made = _make_parents(target)
    done = False
    try:
        staging = _staging(target)
        try:
            for name, data in files.items():
                _write(staging, target, name, data)
            _move_in(staging, target, files, retired)
            done = True
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        if not done:
            for folder in reversed(made):
                with contextlib.suppress(OSError):
                    folder.rmdir()
    _sync(target)


def _make_parents(target: Path) -> list[Path]:
    """Make the folders ``target`` is in, as far as they are missing; return those made."""
    missing = [folder for folder in (*reversed(target.parents),) if not folder.exists()]
    for folder in missing:
        _make(folder)
    return missing


def _staging(target: Path) -> Path:
    """A new, empty staging folder: beside ``target`` where its parent takes one, else inside
    an existing ``target`` (a folder of its own in a parent the user cannot write to)."""
    places = [target.parent / f".{target.name}{STAGING_MARK}"]
    if target.is_dir():
        places.append(target / f".report{STAGING_MARK}")
    error: OSError | None = None
    for place in places:
        try:
            return _new_folder(place)
        except OSError as problem:
            error = error or problem
    assert error is not None
    raise OSError(error.errno, error.strerror, str(target)) from None


def _new_folder(stem: Path) -> Path:
    for _ in range(100):
        folder = stem.with_name(f"{stem.name}{os.urandom(4).hex()}")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder
    raise FileExistsError(errno.EEXIST, "no free name for a staging folder", str(stem.parent))


def _write(staging: Path, target: Path, name: str, data: bytes) -> None:
    """Write one file into the staging folder, whole; an error names its place in ``target``."""
    path = staging / name
    try:
        path.parent.mkdir(exist_ok=True)
        with path.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            written = os.fstat(handle.fileno()).st_size
        if written != len(data):
            raise OSError(errno.EIO, f"wrote {written} bytes of {len(data)}")
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(target / name)) from None


def _move_in(staging: Path, target: Path, files: Collection[str], retired: Collection[str]) -> None:
    """Move the staged files into ``target`` and the retired ones out, or none of it."""
    if not target.exists() and not retired:
        _rename(staging, target, target)  # all at once: nothing to set aside
        return
    aside = staging / ".aside"
    undo: list[tuple[Path, Path]] = []  # renames to reverse, last first
    made: list[Path] = []  # folders made, to remove again
    try:
        for folder in sorted({(target / name).parent for name in files}, key=_depth):
            if not folder.exists():
                _make(folder)
                made.append(folder)
        aside.mkdir()
        for number, name in enumerate([*files, *retired]):
            place = target / name
            if place.exists():
                kept = aside / str(number)
                _rename(place, kept, place)
                undo.append((kept, place))
                if name in files:
                    _keep_permissions(kept, staging / name)
            if name in files:
                _rename(staging / name, place, place)
                undo.append((place, staging / name))
    except BaseException:
        for source, destination in reversed(undo):
            with contextlib.suppress(OSError):
                source.replace(destination)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _depth(path: Path) -> int:
    """How deep ``path`` is: a folder is made before the folders in it."""
    return len(path.parts)


def _make(folder: Path) -> None:
    try:
        folder.mkdir()
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(folder)) from None


def _rename(source: Path, destination: Path, named: Path) -> None:
    try:
        source.replace(destination)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(named)) from None


def _keep_permissions(old: Path, new: Path) -> None:
    """A file replaced keeps its own permissions, as :func:`write_bytes_atomic` keeps them."""
    with contextlib.suppress(OSError):
        new.chmod(old.stat().st_mode & 0o777)


def _sync(target: Path) -> None:
    """Make the renames into ``target`` and the folders in it durable."""
    for folder in (target, *(entry for entry in target.iterdir() if entry.is_dir())):
        fsync_directory(folder)
