"""File names made from what people typed: a student's or a team's name, a class code.

A name becomes a file name every system accepts (Windows, macOS, Linux, a USB stick formatted
FAT32, a learning platform's upload): letters with their accents taken off where they have an
ASCII form, digits and hyphens, no more than 40 characters, never a name Windows keeps for a
device (``CON``, ``NUL``, ``COM1``...). A name written only in another script (Korean, Chinese,
Arabic...) keeps its letters, which every current system stores. Names that differ only in
case are the same file on Windows and macOS, so :func:`unique_stems` tells them apart by
number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final

MAX_STEM: Final = 40
_NOT_ASCII_WORD: Final = re.compile(r"[^A-Za-z0-9]+")
_NOT_WORD: Final = re.compile(r"[\W_]+")
_RESERVED: Final = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])", re.IGNORECASE)
"""Device names Windows will not give to a file, with any extension after them."""


def file_stem(name: str, fallback: str = "game") -> str:
    """``name`` as a portable file name without its extension: case kept, accents dropped,
    every run of other characters one hyphen.

    >>> file_stem("Sam Rivera"), file_stem("Zoë O'Neil-Murphy"), file_stem("  ../../etc ")
    ('Sam-Rivera', 'Zoe-O-Neil-Murphy', 'etc')
    >>> file_stem("김정은"), file_stem("***"), file_stem("con")
    ('김정은', 'game', 'con-')
    >>> file_stem("Zoë O\\u2019Neil")  # the apostrophe a phone or a word processor types
    'Zoe-O-Neil'
    """
    # Punctuation and spaces of any script part words as ASCII's do (O'Neil with a typographic
    # apostrophe as with a straight one, not ONeil); only the accents NFKD splits off go.
    parted = "".join(
        " " if unicodedata.category(char)[0] in "PSZ" else char
        for char in unicodedata.normalize("NFKD", name)
    )
    folded = parted.encode("ascii", "ignore").decode("ascii")
    stem = _NOT_ASCII_WORD.sub("-", folded).strip("-")
    if not stem:
        stem = _NOT_WORD.sub("-", unicodedata.normalize("NFC", name)).strip("-")
    stem = stem[:MAX_STEM].strip("-") or fallback
    return f"{stem}-" if _RESERVED.fullmatch(stem) else stem


def unique_stems(stems: Iterable[str]) -> list[str]:
    """The stems in order, each one that repeats an earlier one (in any case) numbered.

    >>> unique_stems(["Ada", "ADA", "Ben", "Ada", "Ada-2"])
    ['Ada', 'ADA-2', 'Ben', 'Ada-3', 'Ada-2-2']
    """
    taken: set[str] = set()
    result = []
    for stem in stems:
        candidate, number = stem, 2
        while candidate.casefold() in taken:
            candidate = f"{stem}-{number}"
            number += 1
        taken.add(candidate.casefold())
        result.append(candidate)
    return result
