"""Small drawing helpers the widgets and screens share: focus rings, badges, locks, rules, the
modal frame, fitting text to a width or a height, and paragraphs."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Final

import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import Colour, TextRole

# The same as game.engine.describe.NO_BREAK: the title screen draws without the engine loaded.
NO_BREAK: Final = "\u00a0"
"""A space the window's wrapping never breaks at: it keeps a figure with its words."""
_BREAKS: Final = re.compile(rf"[^\S{NO_BREAK}]+")
"""Where a text may break: any white space but :data:`NO_BREAK` ("decision 12")."""


def words_of(text: str) -> list[str]:
    """``text`` cut where it may break, so that shortening it keeps what must stay together."""
    return [word for word in _BREAKS.split(text) if word]


def draw_focus_ring(surface: pygame.Surface, ctx: UiContext, rect: pygame.Rect) -> None:
    """The keyboard-focus outline, drawn just outside ``rect``."""
    ring = rect.inflate(2 * theme.FOCUS_RING_GAP, 2 * theme.FOCUS_RING_GAP)
    pygame.draw.rect(
        surface,
        ctx.palette.focus,
        ring,
        width=theme.FOCUS_RING_WIDTH,
        border_radius=theme.RADIUS + theme.FOCUS_RING_GAP,
    )


def draw_badge(
    surface: pygame.Surface,
    ctx: UiContext,
    topleft: tuple[int, int],
    label: str,
    *,
    filled: bool = False,
    enabled: bool = True,
) -> pygame.Rect:
    """A small key-cap showing a shortcut; returns the rectangle it took."""
    palette = ctx.palette
    colour = palette.on_navy if filled else (palette.ink if enabled else palette.ink_faint)
    text = ctx.text(TextRole.LABEL, label, colour)
    size = max(28, text.get_width() + 14)
    rect = pygame.Rect(topleft, (size, 28))
    if filled:
        pygame.draw.rect(surface, palette.navy, rect, border_radius=theme.RADIUS_SMALL)
    else:
        pygame.draw.rect(surface, palette.surface, rect, border_radius=theme.RADIUS_SMALL)
        border = palette.ink_soft if enabled else palette.rule
        pygame.draw.rect(surface, border, rect, width=1, border_radius=theme.RADIUS_SMALL)
    surface.blit(text, text.get_rect(center=rect.center))
    return rect


def draw_lock(
    surface: pygame.Surface, colour: Colour, center: tuple[int, int], size: int = 12
) -> None:
    """A padlock glyph drawn from shapes, so it looks the same in any font."""
    x, y = center
    body = pygame.Rect(0, 0, size, round(size * 0.75))
    body.midtop = (x, y - round(size * 0.1))
    pygame.draw.rect(surface, colour, body, border_radius=2)
    shackle = pygame.Rect(0, 0, round(size * 0.7), round(size * 0.8))
    shackle.midbottom = (x, body.top + 2)
    pygame.draw.rect(surface, colour, shackle, width=2, border_radius=round(size * 0.35))


def draw_rule(surface: pygame.Surface, colour: Colour, x1: int, x2: int, y: int) -> None:
    """A one-pixel horizontal hairline."""
    pygame.draw.line(surface, colour, (x1, y), (x2, y), theme.HAIRLINE)


def draw_triangle(
    surface: pygame.Surface, colour: Colour, center: tuple[int, int], *, up: bool
) -> None:
    """A small solid arrowhead (drawn, because arrow glyphs differ between fonts)."""
    x, y = center
    if up:
        points = [(x - 5, y + 3), (x + 5, y + 3), (x, y - 4)]
    else:
        points = [(x - 5, y - 3), (x + 5, y - 3), (x, y + 4)]
    pygame.draw.polygon(surface, colour, points)


def draw_shade(surface: pygame.Surface, ctx: UiContext) -> None:
    """Veil the whole surface, as behind a modal dialog."""
    veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    veil.fill(ctx.palette.shade)
    surface.blit(veil, (0, 0))


def kicker_lines(ctx: UiContext, kicker: str, width: int) -> list[str]:
    """``kicker`` in capitals as a header sets it in ``width``: on one line, or on two, the
    second cut short with an ellipsis where even two are too few (a scenario's title ran
    across the column beside it, and over its "PAGE 1 OF 5")."""
    role = TextRole.KICKER
    text = kicker.upper()
    if ctx.text_width(role, text) <= width:
        return [text]
    words = words_of(text)
    first = _most_fitting(lambda n: ctx.text_width(role, " ".join(words[:n])) <= width, len(words))
    if first:
        head, rest = " ".join(words[:first]), " ".join(words[first:])
    else:  # a first word wider than the line: broken within
        word = words[0]
        cut = _most_fitting(lambda n: ctx.text_width(role, word[:n]) <= width, len(word))
        head, rest = word[:cut], " ".join([word[cut:], *words[1:]])
    return [head, fit_text(ctx, role, rest, width)]


def draw_header(
    surface: pygame.Surface,
    ctx: UiContext,
    kicker: str,
    title: str,
    rect: pygame.Rect,
    *,
    title_role: TextRole = TextRole.TITLE,
    title_gap: int = 2 * theme.UNIT,
    on_navy: bool = False,
) -> int:
    """Kicker, title and a hairline ``title_gap`` under it, at the top of ``rect`` and across
    its width; return the y of the hairline."""
    palette = ctx.palette
    soft: Colour = palette.on_navy_soft if on_navy else palette.ink_soft
    ink: Colour = palette.on_navy if on_navy else palette.ink
    y = rect.top
    if kicker:
        lines = kicker_lines(ctx, kicker, rect.width)
        for number, line in enumerate(lines):
            kick = ctx.text(TextRole.KICKER, line, soft)
            surface.blit(kick, (rect.left, y + number * ctx.line_height(TextRole.KICKER)))
        y += (len(lines) - 1) * ctx.line_height(TextRole.KICKER) + kick.get_height() + theme.UNIT
    heading = ctx.text(title_role, title, ink, wrap=rect.width)
    surface.blit(heading, (rect.left, y))
    y += heading.get_height() + title_gap
    draw_rule(surface, soft if on_navy else palette.rule, rect.left, rect.right, y)
    return y


def draw_modal_frame(
    surface: pygame.Surface, ctx: UiContext, rect: pygame.Rect, title: str, kicker: str = ""
) -> pygame.Rect:
    """Shade the screen, draw a dialog panel with its title, and return the content area."""
    palette = ctx.palette
    draw_shade(surface, ctx)
    pygame.draw.rect(surface, palette.paper, rect, border_radius=theme.RADIUS)
    band = pygame.Rect(rect.left, rect.top, rect.width, theme.UNIT)
    pygame.draw.rect(
        surface,
        palette.navy,
        band,
        border_top_left_radius=theme.RADIUS,
        border_top_right_radius=theme.RADIUS,
    )
    pad = 4 * theme.UNIT
    head = pygame.Rect(rect.left + pad, rect.top + 4 * theme.UNIT, rect.width - 2 * pad, 0)
    y = draw_header(surface, ctx, kicker, title, head, title_role=TextRole.HEADING)
    y += 2 * theme.UNIT
    return pygame.Rect(head.left, y, head.width, rect.bottom - pad - y)


def fit_text(
    ctx: UiContext, role: TextRole, text: str, width: int, *, within_a_word: bool = True
) -> str:
    """``text`` shortened with an ellipsis so that it fits on one line of ``width`` pixels: cut
    at a word, or within the word after the last one kept when that word is wider than the
    line, or when not even the first word fits (unless ``within_a_word`` is False: then the
    ellipsis alone)."""
    if ctx.text_width(role, text) <= width:
        return text
    words = words_of(text)
    kept = len(words)
    while kept and ctx.text_width(role, " ".join(words[:kept]) + "\u2026") > width:
        kept -= 1
    head = " ".join(words[:kept])
    if not within_a_word or kept == len(words):
        return head + "\u2026"
    # A word no line holds whole ("Nuclearfreezeunderinspection...", or a save named with one
    # long word) showed as "..." alone, or not at all: cut it within, at the most characters
    # that fit.
    word = words[kept]
    if kept and ctx.text_width(role, word) <= width:
        return head + "\u2026"
    lead = head + " " if head else ""
    most = _most_kept(ctx, role, width, lambda n: lead + word[:n] + "\u2026", len(word))
    return lead + word[:most] + "\u2026" if most or not kept else head + "\u2026"


def _most_kept(
    ctx: UiContext, role: TextRole, width: int, cut: Callable[[int], str], most: int
) -> int:
    """The most characters, up to ``most``, that ``cut`` may keep of a text for what it makes
    of them to fit on one line of ``width`` pixels (0 when none fits)."""
    return _most_fitting(lambda n: ctx.text_width(role, cut(n)) <= width, most)


def _most_fitting(fits: Callable[[int], bool], most: int) -> int:
    """The largest count, up to ``most``, for which ``fits`` holds (0 when none does); ``fits``
    holds for every count below one it holds for."""
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


def fit_middle(ctx: UiContext, role: TextRole, text: str, width: int) -> str:
    """``text`` cut in the middle with an ellipsis so that it fits on one line of ``width``
    pixels, its start and its end kept (a file name, whose end tells it from its neighbours).

    The start keeps the odd character: ``"slot-before-the-lunch.toml"`` might become
    ``"slot-bef\u2026nch.toml"``."""
    if ctx.text_width(role, text) <= width:
        return text

    def cut(kept: int) -> str:
        tail = kept // 2
        return text[: kept - tail] + "\u2026" + (text[len(text) - tail :] if tail else "")

    return cut(_most_kept(ctx, role, width, cut, len(text) - 1))


def fit_lines(ctx: UiContext, role: TextRole, text: str, width: int, height: int) -> str:
    """``text`` cut at a word, with an ellipsis, so that wrapped at ``width`` it fits ``height``."""

    def fits(candidate: str) -> bool:
        return ctx.text(role, candidate, (0, 0, 0), wrap=max(width, 1)).get_height() <= height

    if fits(text):
        return text
    words = words_of(text)
    # Binary search on the word count: rendered heights are cached, so repeat draws cost lookups.
    low = _most_fitting(lambda n: fits(" ".join(words[:n]) + "\u2026"), len(words))
    head = " ".join(words[:low])
    if low < len(words) and ctx.text_width(role, words[low]) > width:
        # A word wider than the lines is broken across them: as much of it as fits, where it
        # left a card with its number alone (a one-word label wider than the card).
        word, lead = words[low], head + " " if head else ""
        most = _most_fitting(lambda n: fits(lead + word[:n] + "\u2026"), len(word))
        if most:
            return lead + word[:most] + "\u2026"
    return head.rstrip(",;:") + "\u2026" if low else ""


class Snapshot:
    """A widget's last drawing, kept while what it shows is unchanged: a widget that draws
    many texts (an offer card) repaints only when its key changes, not every frame."""

    __slots__ = ("image", "key")

    def __init__(self) -> None:
        self.key: object = None
        self.image: pygame.Surface | None = None

    def blit(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        key: object,
        paint: Callable[[pygame.Surface], None],
    ) -> None:
        """Blit the drawing of ``key`` at ``rect``, painting it afresh (on a transparent
        surface of ``rect``'s size, with its own top left at 0, 0) when the key or size
        changed."""
        image = self.image
        if image is None or key != self.key or image.get_size() != rect.size:
            image = pygame.Surface(rect.size, pygame.SRCALPHA)
            paint(image)
            self.key, self.image = key, image
        surface.blit(image, rect.topleft)


def blit_clipped(
    surface: pygame.Surface, image: pygame.Surface, pos: tuple[int, int], clip: pygame.Rect
) -> None:
    """Blit ``image`` at ``pos`` showing only the part inside ``clip``."""
    previous = surface.get_clip()
    surface.set_clip(clip.clip(previous))
    surface.blit(image, pos)
    surface.set_clip(previous)


def paragraph_height(ctx: UiContext, text: str, width: int, role: TextRole = TextRole.BODY) -> int:
    """Height :func:`draw_paragraph` will take for ``text`` at ``width``."""
    return _paragraph_surface(ctx, text, width, role, ctx.palette.ink).get_height()


def draw_paragraph(
    surface: pygame.Surface,
    ctx: UiContext,
    text: str,
    topleft: tuple[int, int],
    width: int,
    *,
    role: TextRole = TextRole.BODY,
    colour: Colour | None = None,
) -> int:
    """Draw one paragraph (a leading '- ' makes it a bullet); return its height."""
    image = _paragraph_surface(ctx, text, width, role, colour or ctx.palette.ink)
    x, y = topleft
    if text.startswith("- "):
        dot_y = y + ctx.line_height(role) // 2
        pygame.draw.aacircle(surface, ctx.palette.ink_soft, (x + 5, dot_y), 3)
        x += 3 * theme.UNIT
    surface.blit(image, (x, y))
    return image.get_height()


def _paragraph_surface(
    ctx: UiContext, text: str, width: int, role: TextRole, colour: Colour
) -> pygame.Surface:
    if text.startswith("- "):
        width = max(width - 3 * theme.UNIT, 1)
        return ctx.text(role, break_paths(ctx, role, text[2:], width), colour, wrap=width)
    width = max(width, 1)
    return ctx.text(role, break_paths(ctx, role, text, width), colour, wrap=width)


_AFTER_SEPARATOR: Final = re.compile(r"(?<=[/\\])")
"""Just after a path separator: where a file's path may break."""
_IN_A_NAME: Final = re.compile(r"(?<=[-_])")
"""Just after a hyphen or an underscore: where a file's name too long for a line may break."""


def break_paths(ctx: UiContext, role: TextRole, text: str, width: int) -> str:
    """``text`` with each path too wide for a line of ``width`` put on lines of its own, broken
    after its separators (and a name still too wide after its hyphens and underscores): the
    wrapping breaks such a word anywhere, and a file's path came out as ``...2026-12-02.t`` /
    ``oml`` (a play-tester)."""

    def packed(pieces: list[str]) -> list[str]:
        lines = [""]
        for piece in pieces:
            if lines[-1] and ctx.text_width(role, lines[-1] + piece) > width:
                lines.append("")
            lines[-1] += piece
        return lines

    if "/" not in text and "\\" not in text:
        return text  # the common case, every frame: nothing to measure
    words = text.split(" ")
    for i, word in enumerate(words):
        if not _AFTER_SEPARATOR.search(word[:-1]) or ctx.text_width(role, word) <= width:
            continue
        lines = []
        for line in packed(_AFTER_SEPARATOR.split(word)):
            wide = ctx.text_width(role, line) > width
            lines += packed(_IN_A_NAME.split(line)) if wide else [line]
        words[i] = "\n".join(lines)
    return " ".join(words)


@functools.cache
def fade(colour: Colour, width: int, height: int) -> pygame.Surface:
    """A strip going from clear to ``colour``, top to bottom."""
    strip = pygame.Surface((width, height), pygame.SRCALPHA)
    for y in range(height):
        alpha = round(255 * (y + 1) / height)
        strip.fill((*colour, alpha), pygame.Rect(0, y, width, 1))
    return strip


def draw_row_card(
    surface: pygame.Surface, ctx: UiContext, rect: pygame.Rect, *, active: bool
) -> None:
    """The card under a row of a list: lighter, with a darker edge, while pointed at or in
    focus."""
    palette = ctx.palette
    fill = palette.surface_hover if active else palette.surface
    pygame.draw.rect(surface, fill, rect, border_radius=theme.RADIUS)
    edge = palette.ink_soft if active else palette.rule
    pygame.draw.rect(surface, edge, rect, width=1, border_radius=theme.RADIUS)


def draw_row_text(
    surface: pygame.Surface,
    ctx: UiContext,
    rect: pygame.Rect,
    lines: tuple[str, str],
    *,
    left: int,
    room: int,
    ok: bool,
) -> None:
    """A row's two lines, centred on ``rect`` from ``left`` and fitted to ``room``: a title and,
    under it, a detail; when not ``ok``, the title is soft and the detail is a problem, in
    italics beside a lock."""
    palette = ctx.palette
    title_text, detail = lines
    title = ctx.text(
        TextRole.LABEL,
        fit_text(ctx, TextRole.LABEL, title_text, room),
        palette.ink if ok else palette.ink_soft,
    )
    top = rect.centery - (title.get_height() + ctx.line_height(TextRole.CAPTION)) // 2
    surface.blit(title, (left, top))
    y = top + title.get_height()
    role = TextRole.CAPTION if ok else TextRole.CAPTION_ITALIC
    x = left
    if not ok:
        draw_lock(surface, palette.alarm, (left + 6, y + 9), 11)
        x += 18
    text = ctx.text(
        role,
        fit_text(ctx, role, detail, room - (x - left)),
        palette.ink_soft if ok else palette.alarm,
    )
    blit_clipped(surface, text, (x, y), rect)
