"""What is drawn across the summit table rather than played: the schedule along the top, their
stance, the table between the two delegations with the accords on it, the meters down the
left with the limits they carry, the details line under the tray, and the panel that takes the
tray's place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.engine import GameState, Scenario
from game.engine.describe import NO_BREAK, capitalise
from game.engine.scenario import Round
from game.ui import art
from game.ui.table import delegation_pose, statement_limits
from game.ui.widgets.drawing import draw_rule, fit_lines, fit_text
from game.ui.widgets.meter import Meter
from game.ui.widgets.table import draw_check
from game.words import counted


def draw_schedule(
    surface: pygame.Surface,
    ctx: UiContext,
    rounds: Sequence[Round],
    state: GameState,
    bar: pygame.Rect,
) -> None:
    """The schedule across ``bar``: a box per round, the current one in navy, with a dot per
    offer the round allows (filled for those made) and how many are left."""
    palette = ctx.palette
    gap = theme.UNIT
    x = float(bar.left)
    for i, (held, width) in enumerate(zip(rounds, schedule_widths(ctx, rounds, bar), strict=True)):
        rect = pygame.Rect(round(x), bar.top, round(x + width) - round(x), bar.height)
        x += width + gap
        current = i == state.round and not state.is_over
        past = i < state.round or (state.is_over and i <= state.round)
        if current:
            pygame.draw.rect(surface, palette.navy, rect, border_radius=theme.RADIUS)
            ink, soft = palette.on_navy, palette.on_navy_soft
        elif past:
            pygame.draw.rect(surface, palette.sunk, rect, border_radius=theme.RADIUS)
            ink, soft = palette.ink_soft, palette.ink_soft
        else:
            pygame.draw.rect(surface, palette.rule, rect, width=1, border_radius=theme.RADIUS)
            ink, soft = palette.ink, palette.ink_soft
        pad = theme.UNIT
        number = ctx.text(TextRole.KICKER, f"{i + 1}", soft)
        surface.blit(number, (rect.left + pad, rect.top + 4))
        name_x = rect.left + pad + number.get_width() + 6
        room = rect.right - pad - name_x
        label = fit_text(ctx, TextRole.CAPTION, capitalise(held.label), room)
        surface.blit(ctx.text(TextRole.CAPTION, label, ink), (name_x, rect.top + 2))
        # One dot per offer the round allows: filled for those already made.
        used = offers_made(state, i)
        dy = rect.bottom - 10
        for dot in range(held.turns):
            cx = rect.left + pad + 4 + dot * 12
            if dot < used:
                pygame.draw.circle(surface, ink, (cx, dy), 4)
            else:
                pygame.draw.circle(surface, soft, (cx, dy), 4, width=1)
        if current:
            left_now = held.turns - state.turn_in_round
            note = f"{counted(left_now, 'offer')} left"
            text = ctx.text(TextRole.CAPTION, note, soft)
            note_x = rect.left + pad + held.turns * 12 + 4
            if note_x + text.get_width() <= rect.right - pad:
                surface.blit(text, text.get_rect(midleft=(note_x, dy)))


def offers_made(state: GameState, index: int) -> int:
    """How many of round ``index``'s offers have been made: all of a round gone by; in the
    round on now, or the one the summit ended in, those made so far (a play-tester saw a
    round's three dots filled when the summit had ended after one)."""
    if index == state.round:
        return state.turn_in_round
    return state.scenario.rounds[index].turns if index < state.round else 0


def _tab_need(ctx: UiContext, index: int, held: Round) -> int:
    """The width a round's tab needs for its number and its whole name."""
    number = ctx.text_width(TextRole.KICKER, f"{index + 1}")
    return 2 * theme.UNIT + number + 6 + ctx.text_width(TextRole.CAPTION, capitalise(held.label))


def schedule_widths(ctx: UiContext, rounds: Sequence[Round], bar: pygame.Rect) -> list[float]:
    """Each round's tab width: as wide as its name needs, the bar's spare room shared out
    evenly, so a long name at a large text size is not cut while a short one has room to
    spare; names are cut only when together they do not fit."""
    gap = theme.UNIT
    room = bar.width - gap * (len(rounds) - 1)
    needs = [_tab_need(ctx, i, held) for i, held in enumerate(rounds)]
    spare = room - sum(needs)
    if spare >= 0:
        return [need + spare / len(rounds) for need in needs]
    return [room / len(rounds)] * len(rounds)


def accords_height(ctx: UiContext) -> int:
    """Height of the accords' line on the table."""
    return max(ctx.line_height(TextRole.KICKER), ctx.line_height(TextRole.CAPTION))


def draw_accords(
    surface: pygame.Surface, ctx: UiContext, state: GameState, area: pygame.Rect
) -> None:
    """The accords that stand on one line, after a kicker that counts them, and how many a
    test has broken after them: a broken one is off the record (a play-tester read a broken
    restraint, its "(broken)" cut off, among the accords with a check)."""
    palette = ctx.palette
    scenario = state.scenario
    standing = [a for a in state.accords if not a.broken]
    broken = len(state.accords) - len(standing)
    kicker = ctx.text(TextRole.KICKER, f"ACCORDS \u00b7 {len(standing)}", palette.ink_soft)
    mid = area.top + accords_height(ctx) // 2
    surface.blit(kicker, kicker.get_rect(midleft=(area.left, mid)))
    x = area.left + kicker.get_width() + 2 * theme.UNIT
    right = area.right
    if broken:
        note = ctx.text(TextRole.CAPTION_ITALIC, f"{broken} broken", palette.alarm)
        surface.blit(note, note.get_rect(midright=(right, mid)))
        right -= note.get_width() + 2 * theme.UNIT
    if not standing:
        text = ctx.text(
            TextRole.CAPTION_ITALIC, "None yet." if not broken else "None stand.", palette.ink_soft
        )
        surface.blit(text, text.get_rect(midleft=(x, mid)))
        return
    draw_check(surface, palette.positive, (x + 6, mid))
    names = [scenario.offer(a.id).label if a.id in scenario.offer_index else a.id for a in standing]
    text = ctx.text(TextRole.CAPTION, names_that_fit(ctx, names, right - x - 18), palette.ink)
    surface.blit(text, text.get_rect(midleft=(x + 18, mid)))


def names_that_fit(ctx: UiContext, names: Sequence[str], width: int) -> str:
    """As many of ``names`` as fit on one line of ``width``, in order, with how many more
    there are, in words: ``Mutual restraint, Liaison offices and 2 more``."""
    shown: list[str] = []
    for name in names:
        more = len(names) - len(shown) - 1
        candidate = ", ".join([*shown, name]) + _more(more)
        if shown and ctx.text_width(TextRole.CAPTION, candidate) > width:
            break
        shown.append(name)
    suffix = _more(len(names) - len(shown))
    line = ", ".join(shown) + suffix
    if ctx.text_width(TextRole.CAPTION, line) > width:
        # Even the first name does not fit with the count: cut the name, never the count; and
        # with no room for the count either, the names cut short (the kicker counts them).
        room = width - ctx.text_width(TextRole.CAPTION, suffix + "\u2026")
        if room <= 0:
            return fit_text(ctx, TextRole.CAPTION, ", ".join(names), width)
        line = fit_text(ctx, TextRole.CAPTION, line[: len(line) - len(suffix)], room) + suffix
    return line


def _more(count: int) -> str:
    """How many names are left out, after those shown: `` and 2 more`` (``""`` for none)."""
    return f" and {count}{NO_BREAK}more" if count else ""


@attrs.frozen
class _StanceStyle:
    """How their stance is drawn: its steps' size and pitch, and its name's type."""

    step: tuple[int, int]
    pitch: int
    role: TextRole


_STANCE_STYLE: Final = {
    False: _StanceStyle((10, 8), 12, TextRole.LABEL),
    True: _StanceStyle((6, 6), 8, TextRole.FINE_PRINT),
}
"""By ``compact``: the usual stance, and the smaller one (fine print does not grow with the text
size)."""


def stance_width(ctx: UiContext, scenario: Scenario, *, compact: bool = False) -> int:
    """How wide :func:`draw_stance` draws the widest of the scenario's stances, without the word
    "stance": what the table keeps for their stance all game."""
    style = _STANCE_STYLE[compact]
    widest = max(ctx.text_width(style.role, stance.label) for stance in scenario.stances)
    return style.pitch * len(scenario.stances) + 4 + widest


def draw_stance(
    surface: pygame.Surface,
    ctx: UiContext,
    state: GameState,
    row: pygame.Rect,
    room: int,
    *,
    compact: bool = False,
) -> int:
    """Their stance at the right end of ``row``: its name and a step scale, smaller when
    ``compact`` (in fine print, which does not grow with the text size), and the word "stance"
    too when ``room`` allows. Returns where the drawing starts on the left."""
    palette = ctx.palette
    stances = state.scenario.stances
    stance = state.stance
    x = row.right
    style = _STANCE_STYLE[compact]
    width, height = style.step
    for i in reversed(range(len(stances))):
        colour = palette.navy if i <= stance else palette.rule
        step = (x - width, row.centery - height // 2, width, height)
        pygame.draw.rect(surface, colour, step, border_radius=3)
        x -= style.pitch
    label = ctx.text(style.role, stances[stance].label, palette.ink)
    spot = label.get_rect(midright=(x - 4, row.centery))
    surface.blit(label, spot)
    kicker = ctx.text(TextRole.KICKER, "STANCE", palette.ink_soft)
    if row.right - spot.left + 10 + kicker.get_width() <= room:
        place = kicker.get_rect(midright=(spot.left - 10, row.centery))
        surface.blit(kicker, place)
        return place.left
    return spot.left


def draw_details(
    surface: pygame.Surface, ctx: UiContext, title: str, body: str, area: pygame.Rect
) -> None:
    """The details line under the tray: a hairline, a title, and as much of ``body`` as fits."""
    palette = ctx.palette
    draw_rule(surface, palette.rule, area.left, area.right, area.top - theme.UNIT)
    head = ctx.text(TextRole.LABEL, fit_text(ctx, TextRole.LABEL, title, area.width), palette.ink)
    surface.blit(head, area.topleft)
    top = area.top + ctx.line_height(TextRole.LABEL)
    text = fit_lines(ctx, TextRole.CAPTION, body, area.width, area.bottom - top)
    if text:
        surface.blit(
            ctx.text(TextRole.CAPTION, text, palette.ink_soft, wrap=area.width), (area.left, top)
        )


def draw_tray_panel(
    surface: pygame.Surface,
    ctx: UiContext,
    panel: pygame.Rect,
    text: tuple[str, str, str],
    button: pygame.Rect,
) -> list[pygame.Rect]:
    """A panel in the tray's place, with a kicker, a title and a body (``text``), kept clear
    of the panel's ``button``: beside it when the panel is wide enough or too short, else above
    it. Returns where the three texts went."""
    palette = ctx.palette
    kicker, title, body = text
    pygame.draw.rect(surface, palette.surface, panel, border_radius=theme.RADIUS)
    pygame.draw.rect(surface, palette.rule, panel, width=1, border_radius=theme.RADIUS)
    pad = 4 * theme.UNIT if panel.height > 112 else 3 * theme.UNIT
    # A panel too short for a title line above its button (large text, a crowded tray) keeps
    # its text beside the button however narrow that leaves it, in type as small as it must.
    above = button.top - theme.UNIT - (panel.top + pad + ctx.line_height(TextRole.KICKER))
    short = above - theme.UNIT < ctx.line_height(TextRole.BODY_STRONG)
    if short:
        pad = 2 * theme.UNIT
    x, y = panel.left + pad, panel.top + pad
    width = min(theme.span(8), panel.width - 2 * pad)
    beside = button.left - 2 * theme.UNIT - x
    if beside >= theme.span(6) or short:
        width = min(width, beside)
    kick_room = width if short else panel.width - 2 * pad
    kick = ctx.text(
        TextRole.KICKER, fit_text(ctx, TextRole.KICKER, kicker, kick_room), palette.ink_soft
    )
    drawn = [surface.blit(kick, (x, y))]
    y += kick.get_height() + theme.UNIT
    bottom = panel.bottom - pad if x + width <= button.left else button.top - theme.UNIT
    # The body gives way last: smaller type, then a smaller title, before it is cut.
    plans = [
        (TextRole.HEADING, TextRole.BODY),
        (TextRole.HEADING, TextRole.CAPTION),
        (TextRole.BODY_STRONG, TextRole.CAPTION),
        (TextRole.BODY_STRONG, TextRole.FINE_PRINT),
    ]
    # The largest type the room takes, in lines as long as the room beside the button allows
    # (at large text a wide panel's words were set in fine print, smaller than at normal text:
    # a play-tester).
    # And down to a narrower margin under the words, where they stand beside the button.
    fits = [(width, bottom)]
    if x + width <= button.left:
        fits += [(max(width, beside), bottom), (max(width, beside), panel.bottom - 2 * theme.UNIT)]
    for title_role, role in plans:
        for width, bottom in fits:
            title_h = ctx.text(title_role, title, palette.ink, wrap=width).get_height()
            gap = 2 * theme.UNIT if title_role is TextRole.HEADING else theme.UNIT
            room = bottom - y - title_h - gap
            if ctx.text(role, body, palette.ink, wrap=width).get_height() <= room:
                break
        else:
            continue
        break
    shown = fit_lines(ctx, title_role, title, width, bottom - y)
    heading = ctx.text(title_role, shown, palette.ink, wrap=width)
    drawn.append(surface.blit(heading, (x, y)))
    y += heading.get_height() + gap
    text_fit = fit_lines(ctx, role, body, width, bottom - y)
    drawn.append(surface.blit(ctx.text(role, text_fit, palette.ink, wrap=width), (x, y)))
    return drawn


FLAG_HEIGHT: Final = 16
"""Height of the flags beside each delegation's name."""


def seating_area(centre: pygame.Rect, footer: int) -> pygame.Rect:
    """Where :func:`draw_delegations` draws the table from above inside ``centre``: under their
    name and stance, over the ``footer`` strip kept free above our delegation."""
    top = centre.top + FLAG_HEIGHT + theme.UNIT
    strip_top = centre.bottom - 2 * theme.UNIT - FLAG_HEIGHT - theme.UNIT - footer
    bottom = strip_top - (theme.UNIT if footer else 0)
    return pygame.Rect(centre.left, top, centre.width, bottom - top)


def draw_delegations(
    surface: pygame.Surface,
    ctx: UiContext,
    state: GameState,
    centre: pygame.Rect,
    names: tuple[Sequence[str], Sequence[str], str],
    *,
    footer: int = 0,
) -> pygame.Rect:
    """The table from above between the two delegations, down to ``centre``'s bottom (where
    the trust gauge goes): their flag, name and stance along the top; ours and the game's mode
    along the bottom. ``names`` are theirs and ours (each the first that fits, else the last
    cut to fit) and the tag after ours (mode and seed).

    Returns a strip ``footer`` pixels high kept free under the table, above our delegation
    (for the accords)."""
    palette = ctx.palette
    them_name, us_name, tag_text = names
    sides = state.scenario.sides
    flag_h = FLAG_HEIGHT
    # Their side: flag, name and stance.
    flag_rect = art.draw_side_flag(surface, sides.counterpart.flag, flag_h, centre.topleft, palette)
    row = pygame.Rect(centre.left, centre.top, centre.width, flag_h)
    # Their stance and name keep one size and one form all game, whatever the stance: the
    # first form of the name that fits beside the widest stance; the stance smaller only if
    # none does (a play-tester saw "cooperative" shrink where "engaged" had not, and play-test
    # B "cooperative" leave only "DPRK" of "DPRK delegation").
    left = flag_rect.right + 10
    gap = 3 * theme.UNIT // 2
    room = centre.right - gap - left
    shortest = min(ctx.text_width(TextRole.KICKER, name) for name in them_name)
    width = stance_width(ctx, state.scenario)
    compact = shortest + width > room
    if compact:
        width = stance_width(ctx, state.scenario, compact=True)
    named = _first_fitting(ctx, them_name, room - width)
    # The word "stance" goes in only where, beside the widest stance too, it leaves the name
    # room: it stays or goes all game.
    stance_room = centre.right - left - ctx.text_width(TextRole.KICKER, named) - gap
    if width + 10 + ctx.text_width(TextRole.KICKER, "STANCE") > stance_room:
        stance_room = 0
    draw_stance(surface, ctx, state, row, stance_room, compact=compact)
    name = ctx.text(TextRole.KICKER, named, palette.ink_soft)
    surface.blit(name, name.get_rect(midleft=(flag_rect.right + 10, flag_rect.centery)))
    seats = seating_area(centre, footer)
    us_y = centre.bottom - 2 * theme.UNIT - flag_h
    strip = pygame.Rect(centre.left, us_y - theme.UNIT - footer, centre.width, footer)
    plan = art.seating_plan(seats.width, seats.height, palette, delegation_pose(state))
    surface.blit(plan, seats.topleft)
    flag_rect = art.draw_side_flag(surface, sides.player.flag, flag_h, (centre.left, us_y), palette)
    # The tag gives way before our name does: "hot-seat · practice · seed 4" loses its seed,
    # then its first parts, one at a time, until the shortest form of the name fits beside it;
    # the mode stays whatever the name's length, the name cut beside it (play-testers, the tag
    # cut to the seed or to nothing, could not tell a graded game from practice).
    parts = tag_text.split(" \u00b7 ")
    whole = len(parts)
    left = flag_rect.right + 10
    while True:
        shown = " \u00b7 ".join(parts)
        room = centre.right - ctx.text_width(TextRole.CAPTION, shown) - 2 * theme.UNIT - left
        if len(parts) <= 1 or ctx.text_width(TextRole.KICKER, us_name[-1]) <= room:
            break
        parts = parts[:-1] if len(parts) == whole and whole > 1 else parts[1:]
    tag = ctx.text(TextRole.CAPTION, shown, palette.ink_soft)
    label = ctx.text(TextRole.KICKER, _first_fitting(ctx, us_name, room), palette.ink_soft)
    surface.blit(label, label.get_rect(midleft=(flag_rect.right + 10, flag_rect.centery)))
    surface.blit(tag, tag.get_rect(midright=(centre.right, flag_rect.centery)))
    draw_rule(surface, palette.rule, centre.left, centre.right, centre.bottom - theme.UNIT)
    return strip


def _first_fitting(ctx: UiContext, names: Sequence[str], room: int) -> str:
    """The first of ``names`` that fits ``room``, else the last cut to fit."""
    fits = [name for name in names if ctx.text_width(TextRole.KICKER, name) <= room]
    return fits[0] if fits else fit_text(ctx, TextRole.KICKER, names[-1], room)


def draw_meters(
    surface: pygame.Surface,
    ctx: UiContext,
    scenario: Scenario,
    meters: Sequence[tuple[int, Meter]],
    right: int,
) -> None:
    """The meters, each that a joint statement limits marked where the limit is and saying so,
    the note ending at ``right``."""
    palette = ctx.palette
    limits = statement_limits(scenario)
    for index, meter in meters:
        meter.draw(surface, ctx)
        limit = limits.get(index)
        if limit is None:
            continue
        bar_bottom = meter.rect.bottom
        mx = meter.rect.left + round(meter.rect.width * meter.fraction(limit))
        pygame.draw.line(surface, palette.ink, (mx, bar_bottom), (mx, bar_bottom + 6), 2)
        note = ctx.text(TextRole.CAPTION, f"above {limit}: no statement", palette.ink_soft)
        spot = note.get_rect(topright=(right, bar_bottom + 2))
        if spot.left < mx + 6 <= spot.right:
            spot.right = mx - 6
        surface.blit(note, spot)
