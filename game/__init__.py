"""Hanoi Summit: a turn-based diplomacy game set at the February 2019 Hanoi summit."""

from typing import Final

__version__: Final = "1.0.0"
