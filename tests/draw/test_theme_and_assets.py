"""The theme's grid and colours, and the shipped assets (fonts, licences, sounds)."""

import itertools
import re
from collections.abc import Sequence

import pygame
import pytest

from game.draw import theme
from game.draw.assets import CHIMES, Cue, FontBook, SoundBank, asset, asset_root, synthesise
from game.draw.theme import COLOUR_BLIND_PALETTE, STANDARD_PALETTE, Colour, Face, Palette, TextRole


def _luminance(colour: Colour) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    """WCAG contrast ratio."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_grid_spans_the_content_width() -> None:
    assert theme.column_x(0) == theme.MARGIN_X
    assert theme.column_x(11) + theme.COLUMN == theme.LOGICAL_WIDTH - theme.MARGIN_X
    assert theme.span(theme.COLUMNS) == theme.CONTENT_WIDTH
    assert theme.column_x(theme.COLUMNS) == theme.LOGICAL_WIDTH - theme.MARGIN_X
    assert theme.grid_rect(2, 3, 10, 20) == pygame.Rect(theme.column_x(2), 10, theme.span(3), 20)


@pytest.mark.parametrize("palette", [STANDARD_PALETTE, COLOUR_BLIND_PALETTE])
def test_text_colours_are_readable(palette: Palette) -> None:
    for ink in (palette.ink, palette.ink_soft):
        for ground in (palette.paper, palette.surface, palette.surface_hover):
            assert contrast(ink, ground) >= 4.5
    assert contrast(palette.on_navy, palette.navy) >= 7
    assert contrast(palette.on_navy_soft, palette.navy) >= 4.5
    for signal in (palette.alarm, palette.positive, palette.focus):
        assert contrast(signal, palette.paper) >= 3


def test_colour_blind_palette_replaces_red_and_green() -> None:
    assert COLOUR_BLIND_PALETTE.alarm != STANDARD_PALETTE.alarm
    assert COLOUR_BLIND_PALETTE.positive != STANDARD_PALETTE.positive
    # Blue for good news: the blue channel dominates.
    r, g, b = COLOUR_BLIND_PALETTE.positive
    assert b > r
    assert b > g


def test_every_font_face_ships_with_its_licence() -> None:
    root = asset_root()
    assert root.is_dir()
    for face in Face:
        assert asset(face.value).is_file(), face
    names = {entry.name for entry in asset("fonts").iterdir()}
    assert "OFL-Inter.txt" in names
    assert "OFL-Vollkorn.txt" in names
    assert "OFL-SummitHangul.txt" in names
    assert asset("README.md").is_file()


def test_fonts_load_from_the_assets_not_the_fallback() -> None:
    book = FontBook()
    assert book.font(Face.TEXT, 18).name == "Inter"
    assert book.font(Face.DISPLAY, 40).name == "Vollkorn"
    assert book.font(Face.TEXT, 18) is book.font(Face.TEXT, 18)


def test_rendered_text_is_cached() -> None:
    book = FontBook()
    first = book.render(Face.TEXT, 18, "Trust", (0, 0, 0))
    assert book.render(Face.TEXT, 18, "Trust", (0, 0, 0)) is first
    wrapped = book.render(Face.TEXT, 18, "word " * 40, (0, 0, 0), wrap=200, line_px=27)
    assert wrapped.get_width() <= 200
    assert wrapped.get_height() >= 27 * 5


def test_measured_widths_are_remembered_and_match_the_rendered_text() -> None:
    book = FontBook()
    for text in ("Trust", "Yongbyon \u2192 sanctions", "\u202eevil", "Team 독수리"):
        width = book.width(Face.TEXT, 18, text)
        assert width == book.render(Face.TEXT, 18, text, (0, 0, 0)).get_width()
        assert book.width(Face.TEXT, 18, text) == width
    assert book.width(Face.TEXT, 24, "Trust") > book.width(Face.TEXT, 18, "Trust")


def test_synthesised_sound_has_the_right_length() -> None:
    chime = CHIMES[Cue.SELECT]
    data = synthesise(chime, 22050, 2)
    assert len(data) == int(chime.seconds * 22050) * 2 * 2


def test_sound_is_silent_without_an_audio_device(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_device(*args: object, **kwargs: object) -> None:
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    sounds = SoundBank(enabled=True)
    for cue in Cue:
        sounds.play(cue)
    assert not sounds.is_available


def test_sound_plays_on_the_dummy_driver() -> None:
    sounds = SoundBank(enabled=True)
    for cue in Cue:
        sounds.play(cue)
    pygame.mixer.quit()


def test_disabled_sound_never_touches_the_mixer(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise AssertionError("mixer used while sound is off")

    monkeypatch.setattr(pygame.mixer, "init", explode)
    SoundBank(enabled=False).play(Cue.ALERT)


# Machado, Oliveira and Fernandes (2009), full severity, on linear RGB.
_SIMULATIONS = {
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(rgb: Sequence[float]) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))


def _seen(colour: tuple[int, int, int], matrix: tuple[tuple[float, ...], ...]) -> tuple[float, ...]:
    linear = [_linear(c) for c in colour]
    out = []
    for row in matrix:
        value = max(0.0, min(1.0, sum(m * v for m, v in zip(row, linear, strict=True))))
        out.append(
            255 * (12.92 * value if value <= 0.0031308 else 1.055 * value ** (1 / 2.4) - 0.055)
        )
    return tuple(out)


@pytest.mark.parametrize("vision", sorted(_SIMULATIONS))
def test_the_colour_blind_palettes_tones_stay_apart(vision: str) -> None:
    # Issue 9, bug 18: Caution and Alarm were both orange-brown to the colour-blind.
    import math

    palette = theme.COLOUR_BLIND_PALETTE
    tones = {"positive": palette.positive, "caution": palette.caution, "alarm": palette.alarm}
    seen = {name: _lab(_seen(colour, _SIMULATIONS[vision])) for name, colour in tones.items()}
    for a, b in itertools.combinations(seen, 2):
        assert math.dist(seen[a], seen[b]) > 15, f"{a} and {b} look alike with {vision}"


@pytest.mark.parametrize(
    "text",
    ["Mohammad\u200cReza", "\u200c", "\ufe0f", "a\u200d", "\u200d\ufe0f"],
    ids=["persian-zwnj", "only-a-joiner", "variation-selector", "zwj", "joiner-and-selector"],
)
@pytest.mark.parametrize("tracking", [0, 2])
def test_zero_width_characters_are_drawn_as_nothing(text: str, tracking: int) -> None:
    # A play-tester's Persian name (with a zero-width non-joiner) crashed the window at the
    # table: SDL refuses to draw a character that takes no room, and names on the table are
    # drawn letter by letter (tracked).
    book = FontBook()
    drawn = book.render(Face.TEXT, 18, text, (0, 0, 0), tracking=tracking)
    visible = text.strip("\u200c\u200d\ufe0f")
    assert (drawn.get_width() > 1) == bool(visible)


@pytest.mark.parametrize(
    "text",
    ["\u202eevil\u202c", "\u202e", "\u200f", "Ada\x1b[2J\r", "two\u2028lines", "\udcff"],
    ids=["direction-override", "override-alone", "direction-mark", "escape", "separator", "byte"],
)
@pytest.mark.parametrize("tracking", [0, 2])
def test_control_and_direction_characters_are_drawn_escaped_as_the_terminal_shows_them(
    text: str, tracking: int
) -> None:
    # A right-to-left override in a play-tester's offer label was dropped in the window, where
    # the terminal showed it as \u202e: whatever came from a file shows what it is.
    from game.draw.context import UiContext
    from game.engine.describe import printable
    from game.store.settings import Settings

    book = FontBook()
    ink = (0, 0, 0)
    drawn = book.render(Face.TEXT, 18, text, ink, tracking=tracking)
    escaped = book.render(Face.TEXT, 18, printable(text), ink, tracking=tracking)
    assert printable(text) != text
    assert pygame.image.tobytes(drawn, "RGBA") == pygame.image.tobytes(escaped, "RGBA")
    ctx = UiContext(Settings())
    for role in (TextRole.BODY, TextRole.KICKER):
        assert ctx.text_width(role, text) == ctx.text(role, text, ink).get_width()


def test_the_window_draws_escaped_what_the_terminal_escapes_but_a_newline() -> None:
    import pygame

    from game.engine.describe import UNPRINTABLE, printable

    everything = "".join(
        chr(code) for code in range(0x10000) if re.fullmatch(f"[{UNPRINTABLE}]", chr(code))
    )
    book, ink = FontBook(), (0, 0, 0)
    for text in (everything, "two\nlines \u202eecalevoL"):
        drawn = book.render(Face.TEXT, 18, text, ink, wrap=2000)
        escaped = book.render(Face.TEXT, 18, printable(text, keep_newlines=True), ink, wrap=2000)
        assert pygame.image.tobytes(drawn, "RGBA") == pygame.image.tobytes(escaped, "RGBA")


def test_a_korean_name_is_drawn_in_hangul_not_boxes() -> None:
    # A play-tester typed 김정은 as a player's name and saw empty boxes, in a game about Korea.
    import pygame

    from game.draw.assets import face_for

    book = FontBook()
    name = "김정은 (Kim)"
    assert face_for(Face.TEXT_STRONG, name) is Face.HANGUL
    assert face_for(Face.TEXT_STRONG, "Ada Lovelace") is Face.TEXT_STRONG
    assert book.font(Face.HANGUL, 20).name == "Summit Hangul"
    ink = (0, 0, 0)
    drawn = book.render(Face.TEXT, 20, name, ink)
    boxes = book.font(Face.TEXT, 20).render(name, True, ink)
    hangul = book.font(Face.HANGUL, 20).render(name, True, ink)
    assert pygame.image.tobytes(drawn, "RGBA") == pygame.image.tobytes(hangul, "RGBA")
    assert pygame.image.tobytes(drawn, "RGBA") != pygame.image.tobytes(boxes, "RGBA")


def test_text_with_hangul_is_measured_in_the_face_that_draws_it() -> None:
    from game.draw.context import UiContext
    from game.draw.theme import TextRole
    from game.store.settings import Settings

    ctx = UiContext(Settings())
    for role in (TextRole.BODY, TextRole.LABEL, TextRole.CAPTION):
        text = "Team 독수리 · 김정은"
        assert ctx.text_width(role, text) == ctx.text(role, text, (0, 0, 0)).get_width()
