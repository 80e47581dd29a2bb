"""A column of a long page (the debrief's scores, record, reading and comparison): kickers,
paragraphs, charts, scorecards, accords, proposals, the essay's views and the moves, stacked top
to bottom and painted once onto the page's image."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.classroom.debrief import AccordLine, MoveLine, ProposalLine, ScoreLine
from game.draw import theme
from game.draw.charts.parts import Chart
from game.draw.context import UiContext
from game.draw.theme import Colour, TextRole, Tone
from game.ui.tones import decision_tone
from game.ui.widgets.drawing import draw_rule, fit_text


class Column:
    """A column of a page, stacked top to bottom; painted once onto the page's image."""

    def __init__(self, ctx: UiContext, x: int, width: int) -> None:
        self.ctx = ctx
        self.x = x
        self.width = width
        self.bottom = 0
        self.ink_bottom = 0
        """Bottom of the last thing drawn: trailing space does not make a page scroll."""
        self._ops: list[Callable[[pygame.Surface, int], object]] = []

    def _add(self, height: int, paint: Callable[[pygame.Surface, int], object]) -> None:
        top = self.bottom
        self._ops.append(lambda image, dy: paint(image, top + dy))
        self.bottom += height
        self.ink_bottom = self.bottom

    def paint(self, image: pygame.Surface, dy: int) -> None:
        """Draw the column onto ``image``, shifted down by ``dy``."""
        for op in self._ops:
            op(image, dy)

    def gap(self, height: int) -> None:
        """Empty space."""
        self.bottom += height

    def kicker(self, text: str) -> None:
        """A small-capitals heading with a hairline under it."""
        ctx = self.ctx
        palette = ctx.palette
        label = ctx.text(
            TextRole.KICKER,
            fit_text(ctx, TextRole.KICKER, text.upper(), self.width),
            palette.ink_soft,
        )
        x, width = self.x, self.width

        def paint(image: pygame.Surface, y: int) -> None:
            image.blit(label, (x, y))
            draw_rule(image, palette.rule, x, x + width, y + label.get_height() + theme.UNIT // 2)

        self._add(label.get_height() + 2 * theme.UNIT, paint)

    def paragraph(self, text: str, role: TextRole, colour: Colour) -> None:
        """Wrapped text."""
        image_text = self.ctx.text(role, text, colour, wrap=self.width)
        x = self.x
        self._add(image_text.get_height(), lambda image, y: image.blit(image_text, (x, y)))

    def chart(self, chart: Chart, height: int) -> None:
        """A chart ``height`` pixels tall across the column."""
        ctx = self.ctx
        x, width = self.x, self.width

        def paint(image: pygame.Surface, y: int) -> None:
            chart.draw(image, pygame.Rect(x, y, width, height), ctx)

        self._add(height, paint)

    def score(self, score: ScoreLine) -> None:
        """A scorecard: name and value, a bar, and what it counts."""
        ctx = self.ctx
        palette = ctx.palette
        x, width = self.x, self.width
        name = ctx.text(TextRole.BODY_STRONG, score.label, palette.ink)
        value = ctx.text(TextRole.FIGURE_SMALL, str(score.value), palette.ink)
        of = ctx.text(TextRole.CAPTION, "/ 100", palette.ink_soft)
        desc = ctx.text(TextRole.CAPTION, score.description, palette.ink_soft, wrap=width)
        bar_h = 12
        head = max(name.get_height(), value.get_height())

        def paint(image: pygame.Surface, y: int) -> None:
            image.blit(name, (x, y + head - name.get_height()))
            right = x + width
            image.blit(of, of.get_rect(bottomright=(right, y + head - 2)))
            image.blit(value, value.get_rect(bottomright=(right - of.get_width() - 6, y + head)))
            track = pygame.Rect(x, y + head + theme.UNIT, width, bar_h)
            pygame.draw.rect(image, palette.sunk, track, border_radius=bar_h // 2)
            fill = round(width * score.value / 100)
            if fill > 0:
                pygame.draw.rect(
                    image,
                    palette.navy,
                    (x, track.top, max(fill, bar_h), bar_h),
                    border_radius=bar_h // 2,
                )
            image.blit(desc, (x, track.bottom + theme.UNIT))

        self._add(head + theme.UNIT + bar_h + theme.UNIT + desc.get_height(), paint)
        self.gap(3 * theme.UNIT)

    def accord(self, accord: AccordLine) -> None:
        """An accord: a mark that says whether it stands, its name, and when, how and where."""
        ctx = self.ctx
        palette = ctx.palette
        x = self.x
        inner = self.width - 4 * theme.UNIT
        name = ctx.text(TextRole.LABEL, accord.label, palette.ink, wrap=inner)
        detail_text = " \u00b7 ".join(part for part in (accord.when, accord.form) if part)
        tone = palette.positive if accord.stands else palette.alarm
        role = TextRole.CAPTION if accord.stands else TextRole.CAPTION_ITALIC
        # When it fits, the status follows the details on the same line.
        joined = f"{detail_text} \u00b7 "
        same_line = (
            ctx.text_width(TextRole.CAPTION, joined) + ctx.text_width(role, accord.status) <= inner
        )
        detail = ctx.text(
            TextRole.CAPTION, joined if same_line else detail_text, palette.ink_soft, wrap=inner
        )
        status = ctx.text(role, accord.status, tone, wrap=inner)
        mark_y = ctx.line_height(TextRole.LABEL) // 2

        def paint(image: pygame.Surface, y: int) -> None:
            centre = (x + 8, y + mark_y)
            if accord.stands:
                pygame.draw.circle(image, tone, centre, 7)
                tick = [
                    (centre[0] - 4, centre[1]),
                    (centre[0] - 1, centre[1] + 3),
                    (centre[0] + 4, centre[1] - 3),
                ]
                pygame.draw.lines(image, palette.surface, False, tick, 2)
            else:
                pygame.draw.circle(image, tone, centre, 7, width=2)
                for dx in (-3, 3):
                    pygame.draw.line(
                        image,
                        tone,
                        (centre[0] - 3, centre[1] - dx),
                        (centre[0] + 3, centre[1] + dx),
                        2,
                    )
            left = x + 4 * theme.UNIT
            image.blit(name, (left, y))
            line_y = y + name.get_height()
            image.blit(detail, (left, line_y))
            if same_line:
                image.blit(status, (left + detail.get_width(), line_y))
            else:
                image.blit(status, (left, line_y + detail.get_height()))

        lines = detail.get_height() + (0 if same_line else status.get_height())
        self._add(name.get_height() + lines, paint)
        self.gap(theme.UNIT + theme.UNIT // 2)

    def view(self, label: str, view: str) -> None:
        """An offer and what the essay says of it."""
        ctx = self.ctx
        palette = ctx.palette
        x = self.x
        name = ctx.text(TextRole.LABEL, label, palette.ink, wrap=self.width)
        text = ctx.text(TextRole.CAPTION, view, palette.ink_soft, wrap=self.width)

        def paint(image: pygame.Surface, y: int) -> None:
            image.blit(name, (x, y))
            image.blit(text, (x, y + name.get_height()))

        self._add(name.get_height() + text.get_height(), paint)
        self.gap(theme.UNIT)

    def round_rule(self, label: str) -> None:
        """A round's name on a hairline, above its decisions."""
        ctx = self.ctx
        palette = ctx.palette
        text = ctx.text(TextRole.KICKER, label.upper(), palette.ink_soft)
        x, width = self.x, self.width

        def paint(image: pygame.Surface, y: int) -> None:
            mid = y + theme.UNIT // 2 + text.get_height() // 2
            image.blit(text, (x, y + theme.UNIT // 2))
            draw_rule(image, palette.rule, x + text.get_width() + theme.UNIT, x + width, mid)

        self._add(text.get_height() + theme.UNIT, paint)

    def move(self, move: MoveLine) -> None:
        """A decision on one line: number, what it was, and (at the right) how they answered."""
        ctx = self.ctx
        palette = ctx.palette
        x, width = self.x, self.width
        number_w = ctx.text_width(TextRole.CAPTION, "00") + theme.UNIT
        tone = decision_tone(move.reaction)
        colour = palette.tone(tone) if tone is not Tone.NEUTRAL else palette.slate
        verdict = ctx.text(TextRole.CAPTION_ITALIC, move.verdict, colour)
        left = x + number_w + 12
        inner = width - (left - x) - verdict.get_width() - theme.UNIT
        number = ctx.text(TextRole.CAPTION, str(move.number), palette.ink_soft)
        text = ctx.text(TextRole.CAPTION, move.label, palette.ink, wrap=max(inner, 40))

        def paint(image: pygame.Surface, y: int) -> None:
            height = text.get_height()
            pygame.draw.rect(image, colour, (x, y + 3, 3, height - 6), border_radius=1)
            image.blit(number, number.get_rect(topright=(x + number_w + 4, y)))
            image.blit(text, (left, y))
            image.blit(verdict, verdict.get_rect(topright=(x + width, y)))

        self._add(text.get_height() + 2, paint)

    def proposal(self, line: ProposalLine, tone: Tone) -> None:
        """A proposal of theirs: its name (marked when it was the summit's main one), how and
        when it came, and the answer in the colour of how it went."""
        ctx = self.ctx
        palette = ctx.palette
        x, width = self.x, self.width
        name = ctx.text(TextRole.LABEL, line.label, palette.ink, wrap=width - 4 * theme.UNIT)
        main = " \u00b7 the summit's main proposal" if line.main else ""
        how = ctx.text(
            TextRole.CAPTION,
            f"After decision {line.decision}, {line.how}{main}.",
            palette.ink_soft,
            wrap=width - 4 * theme.UNIT,
        )
        colour = palette.tone(tone) if tone is not Tone.NEUTRAL else palette.ink_soft
        answer = ctx.text(
            TextRole.CAPTION_ITALIC,
            line.answer[:1].upper() + line.answer[1:] + ".",
            colour,
            wrap=width - 4 * theme.UNIT,
        )
        height = name.get_height() + how.get_height() + answer.get_height()

        def paint(image: pygame.Surface, y: int) -> None:
            pygame.draw.rect(image, colour, (x, y + 3, 3, height - 6), border_radius=1)
            left = x + 2 * theme.UNIT
            image.blit(name, (left, y))
            image.blit(how, (left, y + name.get_height()))
            image.blit(answer, (left, y + name.get_height() + how.get_height()))

        self._add(height, paint)
        self.gap(theme.UNIT + theme.UNIT // 2)
