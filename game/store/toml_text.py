r"""TOML as the game writes it: the ``toml`` package's writer, with strings written so that
:mod:`tomllib` reads back exactly what was written.

The package spells a string through Python's ``repr`` and then rewrites the ``\x`` escapes,
which mangles a backslash followed by ``x`` (a name like ``C:\xampp``) and every character
``repr`` escapes (a soft hyphen, a no-break space): the file is then unreadable, or reads back
as other text, and an honest transcript fails its own verification. Every string the game
writes goes through :func:`toml_string` instead.

>>> print(toml_string('C:\\xampp "quoted"\ttab'))
"C:\\xampp \"quoted\"\ttab"
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import toml

_ESCAPES: Final = {
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
    '"': '\\"',
    "\\": "\\\\",
}


def _escaped(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if code < 0x20 or code == 0x7F:
        return f"\\u{code:04X}"  # a control character TOML allows only escaped
    return char


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quotes, backslashes and control characters escaped,
    every other character as it is."""
    return '"' + "".join(_escaped(char) for char in text) + '"'


if TYPE_CHECKING:  # generic in its type stubs only
    _Base = toml.TomlPreserveInlineDictEncoder[dict[str, Any]]
else:
    _Base = toml.TomlPreserveInlineDictEncoder


class _Encoder(_Base):
    """The package's encoder (inline tables kept on one line) with our strings."""

    def __init__(self) -> None:
        super().__init__()
        self.dump_funcs[str] = toml_string


class InlineTable(dict[str, Any], toml.decoder.InlineTableDict):
    """A table :func:`dumps` keeps on one line (a transcript's meters and scores)."""


def dumps(document: dict[str, Any]) -> str:
    """``document`` as TOML text that reads back as ``document``."""
    text: str = toml.dumps(document, encoder=_Encoder())
    return text
