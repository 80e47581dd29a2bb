"""The verification codes a teacher collected: a file of lines typed from a sheet, or a form's
or a spreadsheet's export saved as text.

Plain lines are ``CODE`` or ``NAME, CODE`` (a comma, semicolon, colon, tab or space before the
code). An export is read as the table it is (:mod:`csv`: a comma, a semicolon or a tab between
fields, fields in quotes): a first line without a code-shaped field is its header, the field
that holds a code is the code, and the name is the other text (a column headed "name" if there
is one; never a timestamp or an e-mail address). Codes are read leniently (any case, O for
zero, I or L for one); names are matched without regard to case, spacing, accents or the kind
of apostrophe (:func:`name_key`), and shown as written.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

import attrs

from game.classroom.classcode import LENIENT
from game.engine.describe import printable
from game.engine.transcript import CODE_ALPHABET
from game.escapes import short
from game.store.reading import CODES_LIMIT, UnreadableFileError, read_text
from game.words import name_key

# A code is four characters, a hyphen and four more; written with a space or run together it
# must hold a digit, so that a name like LOVELACE or LOVE LACE is not taken for a code.
# Nor is a code part of a longer word: "MÜLLER 6F40" is no code.
CODE: Final = re.compile(
    r"(?<!\w)(?:([0-9A-Z]{4})-([0-9A-Z]{4})"
    r"|(?=[0-9A-Z ]{0,8}[0-9])([0-9A-Z]{4}) ?([0-9A-Z]{4}))(?!\w)"
)
_DELIMITERS: Final = ("\t", ";", ",")
"""What separates the fields of an export, the likeliest first when lines hold several."""
_TIMESTAMP: Final = re.compile(
    r"[0-9][0-9 /.:T+-]*(?:\s*[AP]\.?M\.?)?(?:\s*(?:GMT|UTC|Z)[0-9:+-]*)?", re.IGNORECASE
)


class CodesFileError(ValueError):
    """A verification-codes file that cannot be used."""


@attrs.frozen
class Shared:
    """One code handed in under more than one name."""

    code: str
    names: tuple[str, ...]
    """The names, as first written."""

    def line(self) -> str:
        """One line for the teacher, with anything a terminal would act on escaped."""
        names = ", ".join(self.names[:-1]) + " and " + self.names[-1]
        return printable(
            f"verification code {self.code} was handed in under {len(self.names)} names: {names}"
        )


@attrs.frozen
class HandedIn:
    """Verification codes collected from the students: by name where names were given (a
    student may hand in several, one per game), and those given without a name."""

    by_name: Mapping[str, frozenset[str]]
    """The codes under each name, by :func:`name_key`."""
    anonymous: frozenset[str]
    shared: tuple[Shared, ...] = ()
    """Codes handed in under more than one name: a question for the teacher."""
    names: Mapping[str, str] = attrs.field(factory=dict)
    """Each name of :attr:`by_name` (its key) as first written, to name a student whose
    transcript is missing."""


def read_codes(path: Path) -> HandedIn:
    """Read the verification codes of ``path`` (see the module's docstring); raise
    :class:`CodesFileError` naming the file and line of anything that cannot be read."""
    try:
        text = read_text(path, what="a codes file", limit=CODES_LIMIT)
    except UnreadableFileError as error:
        raise CodesFileError(str(error)) from None
    lines = [
        (number, raw.strip())
        for number, raw in enumerate(text.splitlines(), start=1)
        if raw.strip() and not raw.strip().startswith("#")
    ]
    delimiter = _delimiter([line for _, line in lines])
    header: Sequence[str] = ()
    by_name: dict[str, set[str]] = {}
    shown: dict[str, str] = {}
    anonymous: set[str] = set()
    for index, (number, line) in enumerate(lines):
        fields = _fields(line, delimiter)
        if index == 0 and _is_header(fields):
            header = [field.casefold() for field in fields]
            continue
        name, code = _entry(f"{path}:{number}", line, fields, header)
        if name:
            key = name_key(name)
            by_name.setdefault(key, set()).add(code)
            shown.setdefault(key, name)
        else:
            anonymous.add(code)
    if not by_name and not anonymous:
        raise CodesFileError(
            f"{path}: no verification codes in it (one a line: CODE, or NAME, CODE)"
        )
    return HandedIn(
        {key: frozenset(codes) for key, codes in by_name.items()},
        frozenset(anonymous),
        _shared(by_name, shown),
        shown,
    )


def _delimiter(lines: Sequence[str]) -> str:
    """The field separator most lines hold (a tab before a semicolon before a comma); ``""``
    when none does."""
    counts = {mark: sum(1 for line in lines if mark in line) for mark in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda mark: counts[mark])
    return best if counts[best] else ""


def _fields(line: str, delimiter: str) -> list[str]:
    if not delimiter:
        return [line]
    try:
        row = next(csv.reader([line], delimiter=delimiter, skipinitialspace=True), [])
    except csv.Error:
        return [line]
    return [field.strip() for field in row]


def _is_code(field: str) -> bool:
    return CODE.fullmatch(field.upper()) is not None


def _is_header(fields: Sequence[str]) -> bool:
    """True for the first line of an export: two fields or more, none empty, none a code."""
    return len(fields) > 1 and all(fields) and not any(CODE.search(f.upper()) for f in fields)


def _entry(where: str, line: str, fields: Sequence[str], header: Sequence[str]) -> tuple[str, str]:
    """The name (``""`` for none) and the code of one line."""
    coded = [index for index, field in enumerate(fields) if _is_code(field)]
    if len(fields) < 2 or len(coded) != 1:
        return _plain(where, line)
    code = _checked(where, _code_of(CODE.fullmatch(fields[coded[0]].upper())))
    others = [index for index in range(len(fields)) if index != coded[0] and fields[index]]
    named = [index for index in others if index < len(header) and "name" in header[index]]
    texts = named or [index for index in others if _is_text(fields[index])]
    return " ".join(fields[index] for index in texts), code


def _is_text(field: str) -> bool:
    """True for a field that can be a name: it has a letter, and is no timestamp or address."""
    return (
        any(char.isalpha() for char in field)
        and "@" not in field
        and _TIMESTAMP.fullmatch(field) is None
    )


def _plain(where: str, line: str) -> tuple[str, str]:
    """A line typed by hand: the code comes last, after any name."""
    upper = line.upper()
    # The code that starts last: in "ADA LOVE 6F40-NA0Z", not LOVE 6F40.
    starts = range(len(upper) - 1, -1, -1)
    found = next((match for at in starts if (match := CODE.match(upper, at))), None)
    if found is None:
        raise CodesFileError(
            f"{where}: expected a verification code like 7F3K-Q2ZD, got {short(line)}"
        )
    code = _checked(where, _code_of(found))
    name = line[: found.start()].strip(" \t,;:\"'")
    other = CODE.search(name.upper())
    if other is not None:
        raise CodesFileError(
            f"{where}: two verification codes on one line "
            f"({_code_of(other)} and {code}): give each a line of its own"
        )
    return name, code


def _checked(where: str, code: str) -> str:
    wrong = sorted(set(code.replace("-", "")) - set(CODE_ALPHABET))
    if wrong:
        raise CodesFileError(
            f"{where}: {code} is not a verification code (codes never contain {', '.join(wrong)})"
        )
    return code


def _code_of(found: re.Match[str] | None) -> str:
    """The code a match of :data:`CODE` holds, written as codes are (read leniently)."""
    assert found is not None
    return "-".join(group for group in found.groups() if group).translate(LENIENT)


def _shared(by_name: Mapping[str, set[str]], shown: Mapping[str, str]) -> tuple[Shared, ...]:
    names: dict[str, list[str]] = {}
    for key, codes in by_name.items():
        for code in codes:
            names.setdefault(code, []).append(shown[key])
    found = [Shared(code, tuple(who)) for code, who in names.items() if len(who) > 1]
    return tuple(sorted(found, key=lambda shared: (shared.names, shared.code)))
