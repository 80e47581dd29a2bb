"""The adviser's note: its heading and its close button share a line without running together
(a play-tester saw "...THEIR PROPOSALDISMISS" at the large text size)."""

from __future__ import annotations

import pygame
import pytest

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.store.settings import Settings, TextSize
from game.ui.hints import Hint
from game.ui.widgets.adviser import NOTE_PAD, AdviserNote


@pytest.mark.parametrize("size", list(TextSize))
def test_the_heading_and_the_close_button_never_meet(size: TextSize, rendered: list[str]) -> None:

    ctx = UiContext(Settings(text_size=size, sound=False))
    note = AdviserNote(hint=Hint("k", "Read what they say.", topic="answering their proposal"))
    note.rect = pygame.Rect(0, 0, 340, 120)
    note.draw(pygame.Surface((400, 200)), ctx)
    heading = [text for text in rendered if text.startswith("YOUR ADVISER")][-1]
    close = [text for text in rendered if text in ("DISMISS  X", "X")][-1]
    used = ctx.text_width(TextRole.KICKER, heading) + ctx.text_width(TextRole.KICKER, close)
    assert used + 2 * theme.UNIT <= note.rect.width - 2 * NOTE_PAD - 6
