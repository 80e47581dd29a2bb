"""The one way the game reads a file: scenarios, scripts, transcripts, saves, settings and codes
all come through here.

A file is read only if it is a regular file (never a pipe, a device or a folder: those are
refused before they are opened, so a FIFO cannot hang the game and ``/dev/zero`` cannot fill
its memory), no larger than a cap for its kind, and UTF-8 text (a byte-order mark is dropped;
a bad byte is named by line and column). A TOML document must also parse, nest no deeper than
:data:`MAX_DEPTH` and hold no integer outside 64 bits, as TOML itself says integers are.
Everything else ends in :class:`UnreadableFileError`: one line that names the file.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from game.store.files import describe_os_error, file_kind

KB: Final = 1000
MB: Final = 1000 * KB

SCENARIO_LIMIT: Final = 2 * MB
"""A scenario file: Hanoi is 55 kB."""
SAVE_KEYS: Final = frozenset({"saved_at", "slot", "scenario_file", "game_id"})
"""What a save adds to the transcript it keeps (:mod:`game.store.saves` writes them): a save
handed in is read as the transcript it is (:func:`game.store.transcripts.read_transcript`)."""

TRANSCRIPT_LIMIT: Final = 4 * MB
"""A transcript or a save: the longest game a scenario allows writes well under 1 MB."""
SCRIPT_LIMIT: Final = 1 * MB
CODES_LIMIT: Final = 1 * MB
"""A teacher's file of verification codes: a class of thirty writes under 1 kB."""
SETTINGS_LIMIT: Final = 64 * KB
"""The settings file: a few lines."""

TOML_SUFFIX: Final = ".toml"
"""The ending of every file the game keeps as TOML: scenarios, transcripts, saves, exports."""

MAX_DEPTH: Final = 32
"""How deeply arrays and tables may nest: the game's own files nest five levels at most."""
INT_MIN: Final = -(2**63)
INT_MAX: Final = 2**63 - 1

_NONBLOCK: Final = getattr(os, "O_NONBLOCK", 0)
_NOCTTY: Final = getattr(os, "O_NOCTTY", 0)
_BINARY: Final = getattr(os, "O_BINARY", 0)
_CHUNK: Final = 1 << 20


class UnreadableFileError(ValueError):
    """A file the game will not read; the message is one line that names the file."""

    def __init__(self, message: str, *, missing: bool = False) -> None:
        super().__init__(message)
        self.missing = missing
        """True when there is no file at all (callers word that in their own way)."""


def _size(count: int) -> str:
    if count >= MB:
        return f"{count / MB:.1f} MB".replace(".0 MB", " MB")
    return f"{count / KB:.1f} kB".replace(".0 kB", " kB")


def read_bytes(path: Path, *, what: str, limit: int, missing: str = "no such file") -> bytes:
    """The bytes of a regular file no larger than ``limit``; raise :class:`UnreadableFileError`.

    ``what`` names the kind of file in messages ("a transcript"); ``missing`` is the message
    when there is no such file.
    """
    shown = str(path)
    too_large = f"{shown}: too large for {what} (more than {_size(limit)})"
    try:
        # Look before opening: opening a FIFO waits for a writer, and some devices act on open.
        info = path.stat()
    except FileNotFoundError:
        raise UnreadableFileError(f"{shown}: {missing}", missing=True) from None
    except (OSError, ValueError) as error:
        raise UnreadableFileError(f"{shown}: cannot read: {_reason(error)}") from None
    kind = file_kind(info.st_mode)
    if kind:
        # A folder of transcripts is given by a pattern (a teacher gave the folder).
        folder = stat.S_ISDIR(info.st_mode) and what == "a transcript"
        within = f" (for the transcripts in it: {path / '*.toml'})" if folder else ""
        raise UnreadableFileError(f"{shown}: {kind}, not a file: the game reads only files{within}")
    if info.st_size > limit:
        raise UnreadableFileError(too_large)
    try:
        # Non-blocking, so that a file swapped for a FIFO since the look cannot hang the open.
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY | _BINARY)
    except (OSError, ValueError) as error:
        raise UnreadableFileError(f"{shown}: cannot read: {_reason(error)}") from None
    try:
        kind = file_kind(os.fstat(fd).st_mode)
        if kind:
            raise UnreadableFileError(f"{shown}: {kind}, not a file: the game reads only files")
        chunks = []
        size = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise UnreadableFileError(too_large)
    except OSError as error:
        raise UnreadableFileError(f"{shown}: cannot read: {_reason(error)}") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _reason(error: BaseException) -> str:
    if isinstance(error, ValueError):
        return "the name holds a NUL character"
    return describe_os_error(error)


def decode(data: bytes, source: str) -> str:
    """UTF-8 text without a byte-order mark; a bad byte is one line naming its line and column.

    >>> try:
    ...     decode(b"a = 1\\nb = 'caf\\xe9'\\n", "x.toml")
    ... except UnreadableFileError as problem:
    ...     print(problem)
    x.toml:2:9: not UTF-8 text (byte 0xe9)

    A zip archive or UTF-16 text (Notepad's "Unicode") is named for what it is, with what to do:

    >>> try:
    ...     decode("a = 1\\n".encode("utf-16"), "x.toml")
    ... except UnreadableFileError as problem:
    ...     print(problem)
    x.toml: UTF-16 text: save it as UTF-8
    """
    foreign = _foreign(data)
    if foreign:
        raise UnreadableFileError(f"{source}: {foreign}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        bad = f"not UTF-8 text (byte 0x{data[error.start]:02x})"
        raise UnreadableFileError(f"{source}:{line}:{column}: {bad}") from None
    return text.removeprefix("\ufeff")


_ZIP: Final = (b"PK\x03\x04", b"PK\x05\x06")
"""How a zip archive starts (one with files in it, an empty one): what a learning platform
hands out when a teacher downloads every submission at once."""


def _foreign(data: bytes) -> str:
    """What a file that is no UTF-8 text is, and what to do, when the game can tell: a zip
    archive, or UTF-16 text (its byte-order mark, and then text that reads as UTF-16)."""
    if data.startswith(_ZIP):
        return "a zip archive: unpack it first"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            data.decode("utf-16")
        except UnicodeDecodeError:
            return ""
        return "UTF-16 text: save it as UTF-8"
    return ""


def read_text(path: Path, *, what: str, limit: int, missing: str = "no such file") -> str:
    """The UTF-8 text of a regular file no larger than ``limit``; raise
    :class:`UnreadableFileError`."""
    return decode(read_bytes(path, what=what, limit=limit, missing=missing), str(path))


def read_toml(
    path: Path, *, what: str, limit: int, missing: str = "no such file"
) -> tuple[str, dict[str, Any]]:
    """The text of a TOML file and the document it holds; raise :class:`UnreadableFileError`."""
    text = read_text(path, what=what, limit=limit, missing=missing)
    return text, parse_toml(text, str(path))


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """A TOML document, checked for depth and integer size; raise :class:`UnreadableFileError`.

    >>> try:
    ...     parse_toml("seed = " + "9" * 40, "x.toml")
    ... except UnreadableFileError as problem:
    ...     print(problem)
    x.toml: seed: expected an integer of at most 64 bits, got one of 40 digits
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # Only a file that does not parse needs the engine's wording of the error.
        from game.engine.parse import syntax_problem

        raise UnreadableFileError(syntax_problem(source, error, text)) from None
    except RecursionError:
        where = _position(source, text, _too_deep(text))
        raise UnreadableFileError(f"{where}: nested deeper than {MAX_DEPTH} levels") from None
    except ValueError:
        # Python refuses to read integers of thousands of digits (it would take too long).
        found = _LONG_NUMBER.search(text)
        where = _position(source, text, found.start() if found else None)
        raise UnreadableFileError(f"{where}: an integer of thousands of digits") from None
    _check_values(data, source)
    return data


_LONG_NUMBER: Final = re.compile(r"[0-9][0-9_]{999,}")
_SPECIAL: Final = re.compile(r"""[\[\]{}"'#]""")
_STRINGS: Final = {
    '"""': re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"{3,5}', re.DOTALL),
    "'''": re.compile(r"'''(?:[^']|'(?!''))*'{3,5}"),
    '"': re.compile(r'"(?:[^"\\\n]|\\.)*"'),
    "'": re.compile(r"'[^'\n]*'"),
}


def _too_deep(text: str) -> int | None:
    """Where arrays and tables first nest deeper than :data:`MAX_DEPTH` (strings and comments
    skipped), or None; read once from the start, so it takes time in proportion to the text."""
    depth = 0
    position = 0
    while (found := _SPECIAL.search(text, position)) is not None:
        char, start = found.group(), found.start()
        if char == "#":
            end = text.find("\n", start)
            if end < 0:
                return None
            position = end + 1
        elif char in "\"'":
            opening = char * 3 if text.startswith(char * 3, start) else char
            string = _STRINGS[opening].match(text, start)
            if string is None:
                return None
            position = string.end()
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return start
            position = start + 1
        else:
            depth -= 1
            position = start + 1
    return None


def _position(source: str, text: str, offset: int | None) -> str:
    """``FILE:LINE:COLUMN`` for an offset into the text, or ``FILE`` without one."""
    if offset is None:
        return source
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{source}:{line}:{column}"


def _check_values(data: Mapping[str, Any], source: str) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH` and integers outside 64 bits (a walk
    without recursion, naming the key of the first offending value)."""
    stack: list[tuple[object, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        value, where = stack.pop()
        if isinstance(value, dict | list):
            if len(where) >= MAX_DEPTH:
                deep = f"nested deeper than {MAX_DEPTH} levels"
                raise UnreadableFileError(f"{source}: {_key_path(where)}: {deep}")
            items = value.items() if isinstance(value, dict) else enumerate(value)
            stack.extend((item, (*where, key)) for key, item in items)
        elif isinstance(value, int) and not INT_MIN <= value <= INT_MAX:
            # Python will not even write out an integer of more than 4,300 digits.
            digits = len(str(abs(value))) if value.bit_length() < 14_000 else 0
            got = str(value) if 0 < digits <= 30 else f"one of {digits or 'thousands of'} digits"
            raise UnreadableFileError(
                f"{source}: {_key_path(where)}: expected an integer of at most 64 bits, got {got}"
            )


def _key_path(where: tuple[str | int, ...]) -> str:
    """``turns[3].meters.trust`` for the keys and indexes leading to a value (the middle of a
    long path left out)."""
    text = ""
    for index, part in enumerate(where):
        if len(where) > 8 and index == 4:
            text += "..."
        if len(where) > 8 and 4 <= index < len(where) - 3:
            continue
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(the document)"
