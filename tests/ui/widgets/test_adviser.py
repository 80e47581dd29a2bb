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
    last = max(i for i, text in enumerate(rendered) if text in ("DISMISS  X", "X"))
    # The heading is drawn last before the hint's text (what comes between is measured).
    close = rendered[last]
    heading = rendered[rendered.index("Read what they say.", last) - 1]
    used = ctx.text_width(TextRole.KICKER, heading) + ctx.text_width(TextRole.KICKER, close)
    assert used + 2 * theme.UNIT <= note.rect.width - 2 * NOTE_PAD - 6
    # The topic is whole where it fits alone: "YOUR ADVISER ON DOMESTIC..." hid it (a
    # play-tester); "your adviser on" gives way first.
    topic = "ANSWERING THEIR PROPOSAL"
    room = (
        note.rect.width - 2 * NOTE_PAD - 6 - 2 * theme.UNIT - ctx.text_width(TextRole.KICKER, "X")
    )
    if ctx.text_width(TextRole.KICKER, topic) <= room:
        assert heading.endswith(topic), heading
