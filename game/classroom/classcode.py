"""Class codes: one short code a teacher hands out, naming a scenario, a seed and a mode.

``HNOI-16JJ`` reads as: the scenario whose code is ``HNOI``, then four characters of Crockford
base32 holding the seed (0 to 32767), the mode (practice or graded) and a check digit that
catches most typing mistakes. Letters that are easy to confuse are read leniently: ``O`` as
zero, ``I`` and ``L`` as one, and case does not matter.

>>> code = encode("HNOI", 1234, Mode.GRADED)
>>> decode(code)
ClassCode(prefix='HNOI', seed=1234, mode=<Mode.GRADED: 'graded'>)
>>> decode(code.lower().replace("-", " ")) == decode(code)
True
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from game.escapes import short
from game.store.mode import Mode

ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford's base32, as verification codes use (``CODE_ALPHABET``; written out here, where the
command line reads it without loading the engine): no I, L, O or U, so codes read aloud are hard
to get wrong."""
MODES: Final = tuple(Mode)
"""The modes in the order a code numbers them."""
MAX_SEED: Final = 2**15 - 1
EXAMPLE: Final = "HNOI-16JJ"
"""A real class code (Hanoi, practice), for messages and help to show: one that decodes."""
_PREFIX: Final = re.compile(r"[A-Z]{4}\Z")
LENIENT: Final = str.maketrans({"O": "0", "I": "1", "L": "1"})
"""What students write down is read leniently, codes of both kinds: O as zero, I and L as one."""


class ClassCodeError(ValueError):
    """A class code that cannot be read; the message says why in one line."""


@attrs.frozen
class ClassCode:
    """What a class code says."""

    prefix: str
    """The scenario's four-letter code (``code`` in its file)."""
    seed: int
    mode: Mode

    def __str__(self) -> str:
        return encode(self.prefix, self.seed, self.mode)


def _check(prefix: str, payload: int) -> int:
    total = payload
    for char in prefix:
        total = (total * 31 + ord(char)) % 65_521
    return (total ^ (total >> 4) ^ (total >> 8) ^ (total >> 12)) & 0xF


def encode(prefix: str, seed: int, mode: str) -> str:
    """The class code for a scenario prefix, a seed and a mode (a :class:`Mode`, or its text)."""
    prefix = prefix.upper()
    if not _PREFIX.match(prefix):
        raise ClassCodeError(f"a scenario code is four letters A-Z, got {short(prefix)}")
    if not 0 <= seed <= MAX_SEED:
        raise ClassCodeError(f"class codes hold seeds from 0 to {MAX_SEED}, got {seed}")
    known = Mode.named(mode)
    if known is None:
        raise ClassCodeError(f"the mode is practice or graded, got {short(mode)}")
    payload = seed << 1 | MODES.index(known)
    value = payload << 4 | _check(prefix, payload)
    body = "".join(ALPHABET[(value >> shift) & 31] for shift in (15, 10, 5, 0))
    return f"{prefix}-{body}"


def decode(text: str) -> ClassCode:
    """Read a class code; raise :class:`ClassCodeError` with a one-line reason if it is wrong."""
    cleaned = re.sub(r"[\s\-_.]", "", text.upper())
    if len(cleaned) != 8:
        raise ClassCodeError(f"a class code looks like {EXAMPLE}, got {short(text)}")
    prefix, body = cleaned[:4], cleaned[4:].translate(LENIENT)
    if not _PREFIX.match(prefix):
        raise ClassCodeError(f"a class code starts with four letters, got {short(text)}")
    value = 0
    for char in body:
        index = ALPHABET.find(char)
        if index < 0:
            raise ClassCodeError(f"{char!r} cannot appear in a class code (in {short(text)})")
        value = value << 5 | index
    payload, check = value >> 4, value & 0xF
    if _check(prefix, payload) != check:
        raise ClassCodeError(
            f"{short(text)} is not a valid class code: check it for a typing mistake"
        )
    return ClassCode(prefix, payload >> 1, MODES[payload & 1])


def random_seed() -> int:
    """A fresh seed for a game whose seed was not given: one a class code can hold, so any game
    can be handed to a class."""
    import secrets  # the operating system's randomness, needed only here

    return secrets.randbelow(MAX_SEED + 1)


def next_round_code(code: str, prefix: str) -> str:
    """The class code of a class's next round, in the scenario whose codes start ``prefix``:
    the same seed and mode (``""`` when the first round had no code, or an unreadable one)."""
    if not code:
        return ""
    try:
        first = decode(code)
        return encode(prefix, first.seed, first.mode)
    except ClassCodeError:
        return ""
