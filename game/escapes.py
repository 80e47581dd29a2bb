"""Text that came from a file, shown as what it is: every character a terminal, a spreadsheet
or a font may act on instead of showing, written as an escape; and a value a message quotes,
cut short, so that a file or an option cannot make a message as long as itself.

Below every layer (it imports nothing of the game), so that the engine's words, the terminal
and the window's fonts escape alike, and the title screen can draw a scenario's title escaped
without loading the engine.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from typing import Final

UNPRINTABLE: Final = (
    "\x00-\x1f\x7f-\x9f"  # C0 and C1 controls and DEL: ESC sequences, CR, bells
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # marks and overrides of text direction
    "\u2028\u2029"  # line and paragraph separators
    # Invisible: zero-width spaces, the word joiner, a BOM. (Zero-width joiners and non-joiners
    # stay: a Persian name or an emoji needs them.)
    "\u180e\u200b\u2060-\u2064\ufeff"
    "\ud800-\udfff"  # lone surrogates: bytes of a name that was not UTF-8
)
"""The characters a terminal, a spreadsheet or a font may act on instead of showing: a
character class (between brackets) for regular expressions."""

_UNPRINTABLE: Final = re.compile(f"[{UNPRINTABLE}]")
_NAMED: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(found: re.Match[str]) -> str:
    char = found.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control character, direction override and undecodable byte
    written as an escape, so that text from a file shows as what it is and cannot move the
    cursor, clear the screen or split a line; newlines are kept with ``keep_newlines``.

    >>> printable("Ada\\x1b[2J\\r\\u202eecalevoL")
    'Ada\\\\x1b[2J\\\\r\\\\u202eecalevoL'
    >>> printable("two\\nlines", keep_newlines=True)
    'two\\nlines'
    """
    if _UNPRINTABLE.search(text) is None:
        return text
    if keep_newlines:
        return "\n".join(_UNPRINTABLE.sub(_escaped, line) for line in text.split("\n"))
    return _UNPRINTABLE.sub(_escaped, text)


SHORT: Final = 60


def short(value: object, *, quoted: bool = True, limit: int = SHORT) -> str:
    """A value from a file as a message shows it: its repr (or the text itself, with
    ``quoted=False``), cut to 60 characters, so a file cannot make a message as long as itself.
    The cut falls between words when a space comes near the end (a play-tester read "unless
    trust is alr..."), mid-word only when none does.

    >>> short("Ada"), short("Ada", quoted=False), len(short("x" * 1000))
    ("'Ada'", 'Ada', 60)
    >>> short("embassies come after liaison offices, unless trust is already high", quoted=False)
    'embassies come after liaison offices, unless trust is...'
    """
    text = repr(value) if quoted else str(value)
    if len(text) <= limit:
        return text
    room = max(limit - 3, 0)
    # A space at most a third of the room (and 20 characters) back; the one just past the cut
    # counts too, as the end of a whole word.
    space = text.rfind(" ", room - min(20, room // 3), room + 1)
    head = text[:space].rstrip(" ,;:") if space > 0 else ""
    return (head or text[:room]) + "..."


# --- Standard output that cannot encode every character -----------------------------------------

_PLAIN: Final = {
    "\u2212": "-",  # minus sign
    "\u2010": "-",
    "\u2011": "-",
    "\u2013": "-",
    "\u2014": "--",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2026": "...",
    "\u2022": "*",
    "\u00b7": "-",
    "\u2192": "->",
    "\u2190": "<-",
    "\u2191": "^",
    "\u2193": "v",
    "\u25b2": "^",
    "\u25bc": "v",
    "\u2713": "+",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2039": "<",
    "\u203a": ">",
    "\u00d7": "x",
}
"""The nearest plain characters of the typography the game's text uses."""


def _replacing(each: Callable[[str], str]) -> Callable[[UnicodeError], tuple[str, int]]:
    """An encoding error handler that writes each character the output's encoding lacks as
    ``each`` gives it."""

    def handler(error: UnicodeError) -> tuple[str, int]:
        if not isinstance(error, UnicodeEncodeError):
            raise error
        lacking = error.object[error.start : error.end]
        return "".join(each(char) for char in lacking), error.end

    return handler


def _json_escape(char: str) -> str:
    """``char`` as a JSON ``\\u`` escape (a surrogate pair above the first plane), which a
    JSON reader reads back as the character itself."""
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


TEXT_FALLBACK: Final = "hanoi-summit-plain"
"""The error handler (for :meth:`io.TextIOWrapper.reconfigure`) that writes text the encoding
cannot with its nearest plain characters.

>>> "trust \\u2212 5 \\u00b7 \\u201cYongbyon\\u201d \\u4e00".encode("ascii", TEXT_FALLBACK)
b'trust - 5 - "Yongbyon" \\\\u4e00'
"""
JSON_FALLBACK: Final = "hanoi-summit-json"
"""The error handler that writes JSON text the encoding cannot with ``\\u`` escapes.

>>> import json
>>> written = json.dumps({"say": "\\u2212 5 \\U0001f600"}, ensure_ascii=False)
>>> json.loads(written.encode("cp1252", JSON_FALLBACK))
{'say': '\u2212 5 😀'}
"""
# The nearest plain character (see :data:`_PLAIN`), else an escape; for JSON, the escape.
codecs.register_error(
    TEXT_FALLBACK, _replacing(lambda char: _PLAIN.get(char) or _json_escape(char))
)
codecs.register_error(JSON_FALLBACK, _replacing(_json_escape))
