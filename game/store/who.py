"""Who plays a game: the player's name, the mode, the class code and a team game's teams, as
its transcript records them and its verification code covers them.

Light on purpose: a new game's setup holds one from the title screen on, so the engine is
imported only where a verification code is made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from game.store.mode import Mode

if TYPE_CHECKING:
    from game.engine import GameState
    from game.engine.teams import Teams


@attrs.frozen
class Who:
    """Who played a game, and in what mode: part of its transcript and its verification code.

    ``Who()`` names no one and no mode, as a transcript written with nothing more does.
    """

    player: str = ""
    """The player's name, or ``""`` (a team game names its teams instead)."""
    mode: str = ""
    """Practice or graded (a :class:`Mode`), or ``""`` when none is recorded; read back from a
    transcript, whatever text it holds, since its verification code covers that text."""
    code: str = ""
    """The class code the game was started from, or ``""``."""
    teams: Teams | None = None
    """The two teams of a hot-seat team game, when they were given."""

    @property
    def is_graded(self) -> bool:
        """True in graded mode: no move may be taken back."""
        return self.mode == Mode.GRADED

    def verification(self, state: GameState) -> str:
        """The verification code of ``state`` played by whom this names."""
        from game.engine.transcript import verification_code

        return verification_code(
            state, player=self.player, mode=self.mode, code=self.code, teams=self.teams
        )


NOBODY: Final = Who()
"""No one named and no mode: what a transcript records when told nothing more."""
UNNAMED: Final = Who(mode=Mode.PRACTICE)
"""No one named, in practice mode: who plays a new game, a save or a session unless told."""
