"""The mode a game is played in, as transcripts, saves and class codes record it."""

from __future__ import annotations

import enum


class Mode(enum.StrEnum):
    """Practice allows taking moves back; graded does not.

    A ``StrEnum``: it is written to transcripts and compared with what they hold as its text.
    """

    PRACTICE = "practice"
    """Moves may be taken back (undo); the transcript records each time."""
    GRADED = "graded"
    """No undo: every move stands, as it would at a real summit."""

    @classmethod
    def named(cls, text: str) -> Mode | None:
        """The mode called ``text``, or None when no mode is.

        >>> Mode.named("graded"), Mode.named("exam")
        (<Mode.GRADED: 'graded'>, None)
        """
        return cls._value2member_map_.get(text)  # type: ignore[return-value]
