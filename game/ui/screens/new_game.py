"""New game: the student's name (optional, but a class code needs one), practice or graded, an
optional class code, and the seed; then the briefing. A hot-seat game asks for the two teams'
names instead of one player's. The screen also shows the class code for the game as set up, so
a teacher can make one here."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pygame

from game.classroom.classcode import EXAMPLE as EXAMPLE_CODE
from game.classroom.classcode import MAX_SEED, MODES, ClassCode, ClassCodeError, decode, encode
from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.engine import Scenario, ScenarioError
from game.engine.describe import capitalise, side_called
from game.engine.scenario import Seat, Sides
from game.engine.teams import Team, Teams, seat_label, who_played
from game.engine.transcript import MAX_NAME, clean_name
from game.store.mode import Mode
from game.store.scenarios import has_class_code, load_scenario, resolve, scenario_for_code
from game.store.who import Who
from game.ui.in_play import Briefing, FormDraft, GameSetup
from game.ui.screen import Action, Open, Pop
from game.ui.widgets.base import BLOCKING_MODS, Control, FocusGroup, does
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.drawing import draw_rule
from game.ui.widgets.options import OptionSelector
from game.ui.widgets.page import PanelPage, PanelScreen, footer_back_rect
from game.ui.widgets.text_field import TextField

FORM_COLUMNS: Final = 7
PANEL_FIRST_COLUMN: Final = 8
PANEL_COLUMNS: Final = 4
FORM_TOP: Final = 21 * theme.UNIT
KEY_HINTS: Final = "Tab move \u00b7 Enter begin \u00b7 Esc back"
MODE_HINTS: Final = "Tab move \u00b7 Space change \u00b7 Enter begin \u00b7 Esc back"
BACK_HINTS: Final = "Tab move \u00b7 Enter go back \u00b7 Esc back"
"""The hints with Back in focus, where Enter goes back (a play-tester, told "Enter begin",
pressed it there and lost what he had typed)."""
FIELD_GAP: Final = 2 * theme.UNIT
MODE_LABELS: Final = ("Practice", "Graded")
MODE_TEXT: Final[dict[str, str]] = {
    Mode.PRACTICE: (
        "Practice: you may take moves back (undo), and the transcript records each time."
    ),
    Mode.GRADED: "Graded: no undo. Every move stands, as it would at a real summit.",
}


SEED_NOTE: Final = "Same seed: same counterpart, same events."
NO_CLASS_CODE: Final = "No class code: class codes work only for installed scenarios."
"""What the panel says for a scenario given by its file, as ``python -m game code`` says it."""

_POP: Final = Pop()


def _code_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "- ")


def _is_graded(code: str) -> bool:
    try:
        return decode(code).mode is Mode.GRADED
    except ClassCodeError:
        return False


class NewGameScreen(PanelScreen):
    """The form before the briefing; Enter (or the button) reads the briefing next."""

    def __init__(
        self,
        ctx: UiContext,
        *,
        scenario: str,
        seed: int,
        hotseat: bool = False,
        player: str = "",
        code: str = "",
        back: Action = _POP,
        draft: FormDraft | None = None,
    ) -> None:
        """``scenario`` (a name or a file), ``seed``, ``player`` and ``code`` fill the form in,
        unless ``draft`` holds what was typed on it before: the form keeps what is typed there;
        a hot-seat form leaves out a graded code, which is for one player."""
        self.ctx = ctx
        self.draft = draft if draft is not None else FormDraft()
        kept = self.draft if self.draft.kept else None
        if kept is not None:
            player, code = kept.player, kept.code
        self.hotseat = hotseat
        self.back_action = back
        self.scenario_ref = scenario
        self.scenario: Scenario | None = None
        self.scenario_problem = ""
        try:
            self.scenario = load_scenario(scenario)
        except ScenarioError as error:
            self.scenario_problem = error.problems[0] if error.problems else str(error)
        self.has_class_code = self.scenario is not None and has_class_code(self.scenario)
        """Whether a class code can open this game's scenario: only an installed one's can."""
        self.mode_index = kept.mode if kept is not None and not hotseat else 0
        self.name = self._name_field(
            "Your name", "Optional", "It goes on your transcript and the debrief.", player
        )
        sides = self.scenario.sides if self.scenario is not None else Sides()
        self.team_us = self._name_field(
            capitalise(side_called(sides.player, "team", "first team")),
            "Optional, e.g. Eagles",
            "Makes the offers.",
            kept.team_us if kept is not None else "",
        )
        self.team_north = self._name_field(
            capitalise(side_called(sides.counterpart, "team", "second team")),
            "Optional, e.g. Cranes",
            "Answers them.",
            kept.team_north if kept is not None else "",
        )
        self.mode = OptionSelector(
            label="Mode",
            description=(
                "A hot-seat game is a practice game: undo allowed."
                if hotseat
                else "Practice allows undo; graded does not."
            ),
            options=MODE_LABELS,
            get=lambda: self.mode_index,
            set=self._set_mode,
        )
        self.code = TextField(
            # The window opened with a graded code blocked every hot-seat game until it was
            # cleared (a play-tester's finding).
            text="" if hotseat and _is_graded(code) else code,
            label="Class code",
            placeholder=f"Optional, e.g. {EXAMPLE_CODE}",
            note="From your teacher: sets summit, seed, mode.",
            max_length=12,
            allowed=_code_char,
            on_activate=self._begin,
        )
        self.seed = TextField(
            label="Seed",
            text=kept.seed if kept is not None else str(seed),
            note=SEED_NOTE,
            max_length=9,
            allowed=str.isdigit,
            on_activate=self._begin,
        )
        self.begin = Button(
            label="Read the briefing",
            kind=ButtonKind.PRIMARY,
            hint="Enter",
            on_activate=self._begin,
        )
        self.back = Button(
            label="Back", kind=ButtonKind.SECONDARY, hint="Esc", on_activate=does(back)
        )
        who: list[Control] = [self.team_us, self.team_north] if hotseat else [self.name]
        controls: list[Control] = [
            *who,
            self.mode,
            self.code,
            self.seed,
            self.back,
            self.begin,
        ]
        self.focus = FocusGroup(controls)
        self._own_seed = self.seed.text
        """The seed typed (or offered) before a class code took its place in the box."""
        self._own_mode = self.mode_index
        """The mode chosen before a class code set it."""
        self._coded = False
        self.layout()
        self.validate()

    # -- the form --

    def _name_field(self, label: str, placeholder: str, note: str, text: str = "") -> TextField:
        """A box for a player's or a team's name: as long as a transcript records, no longer."""
        return TextField(
            text=text,
            label=label,
            placeholder=placeholder,
            note=note,
            max_length=MAX_NAME,
            on_activate=self._begin,
        )

    def _set_mode(self, index: int) -> Action | None:
        self.mode_index = index
        return None

    def teams(self) -> Teams | None:
        """The teams typed on a hot-seat form: None when neither is named (or in a game for
        one); a team named without the other is the form's to refuse."""
        if not self.hotseat:
            return None
        us, north = clean_name(self.team_us.text), clean_name(self.team_north.text)
        if not us and not north:
            return None
        return Teams(Team(us), Team(north))

    def _who_problem(self) -> str:
        """What is missing in who plays (``""`` when nothing): a hot-seat game names both
        teams or neither, and a game with a class code names someone."""
        teams = self.teams()
        if teams is not None and not (teams.us.name and teams.north.name):
            missing = teams.us if not teams.us.name else teams.north
            seat = Seat.PLAYER if missing is teams.us else Seat.COUNTERPART
            team = seat_label(self.scenario, seat) if self.scenario else "the other team"
            return f"Name {team} too, or neither."
        if self.code.text.strip() and not who_played(clean_name(self.name.text), teams):
            return (
                "A class code needs your teams' names."
                if self.hotseat
                else "A class code needs your name."
            )
        return ""

    def setup(self) -> GameSetup | None:
        """The game the form describes, or None while something in it is wrong."""
        if self._who_problem():
            return None
        player = "" if self.hotseat else clean_name(self.name.text)
        teams = self.teams()
        code_text = self.code.text.strip()
        scenario = self.scenario
        # Whole, so that a save made from a file loads from any folder (a relative path was
        # kept as given, and the save read "not installed" started elsewhere).
        scenario_file = str(resolve(self.scenario_ref).absolute())
        if code_text:
            coded = self._code_opens()
            if coded is None or (self.hotseat and coded[0].mode is Mode.GRADED):
                return None
            code, path, scenario = coded
            who = Who(player, code.mode, str(code), teams)
            return GameSetup(scenario, code.seed, who, self.hotseat, str(path))
        if scenario is None or not self.seed.text:
            return None
        who = Who(player, MODES[self.mode_index], "", teams)
        return GameSetup(scenario, int(self.seed.text), who, self.hotseat, scenario_file)

    def validate(self) -> None:
        """Show what is wrong in the form beside the field concerned; enable Begin if nothing."""
        self.code.error = ""
        self.seed.error = ""
        self.name.error = ""
        self.team_us.error = ""
        self.team_north.error = ""
        code_text = self.code.text.strip()
        # A game whose answers a second player chooses is never graded (verify refuses it).
        self.mode.enabled = not code_text and not self.hotseat
        if self.hotseat:
            self.mode_index = MODES.index(Mode.PRACTICE)
        coded: int | None = None
        if code_text and not self._coded:
            self._own_mode = self.mode_index
        if code_text:
            try:
                code = decode(code_text)
            except ClassCodeError as error:
                self.code.error = capitalise(str(error))
            else:
                if scenario_for_code(code.prefix) is None:
                    self.code.error = f"No installed summit has the code {code.prefix}."
                elif self.hotseat and code.mode is Mode.GRADED:
                    self.code.error = "A graded code is for one player: hot-seat is practice."
                else:
                    self.mode_index = MODES.index(code.mode)
                    coded = code.seed
            if coded is None and not self.hotseat:
                # Not one to play: the greyed switch shows the player's own mode, not that of
                # the code typed before (a play-tester read "Graded" beside a broken code).
                self.mode_index = self._own_mode
        problem = self._who_problem()
        if problem:
            if not self.hotseat:
                self.name.error = problem
            elif not clean_name(self.team_us.text):
                self.team_us.error = problem
            else:
                self.team_north.error = problem
        self._show_seed(coded)
        if not code_text and not self.seed.text:
            self.seed.error = "Type a seed (a whole number)."
        setup = self.setup()
        self.begin.enabled = setup is not None
        self.begin.reason = (
            "" if setup is not None else (self.scenario_problem or "Fix the form first.")
        )

    def _show_seed(self, coded: int | None) -> None:
        """The seed box shows the seed a valid class code sets (greyed: the code decides it),
        none while the code typed is not one to play here, and the player's own seed again once
        the code is gone (a play-tester took that seed, shown beside a half-typed code, for one
        read from it)."""
        typed = bool(self.code.text.strip())
        if typed and not self._coded:
            self._own_seed, self._coded = self.seed.text, True
        if coded is not None:
            self.seed.set_text(str(coded))
            self.seed.note = "Set by the class code."
        elif typed:
            self.seed.set_text("")
            self.seed.note = "Set by the class code, once it can be played."
        elif self._coded:
            self._coded = False
            self.seed.set_text(self._own_seed)
            self.seed.note = SEED_NOTE
            if not self.hotseat:  # and the mode chosen before the code set it
                self.mode_index = self._own_mode
        self.seed.enabled = not typed

    def _keep(self) -> None:
        """Write what the form holds to the draft, for the next time it opens."""
        draft = self.draft
        draft.player, draft.code = self.name.text, self.code.text
        draft.seed = self._own_seed if self._coded else self.seed.text
        draft.mode = self._own_mode if self._coded else self.mode_index
        draft.team_us, draft.team_north = self.team_us.text, self.team_north.text
        draft.kept = True

    def _begin(self) -> Action | None:
        self.validate()
        setup = self.setup()
        if setup is None:
            return None
        return Open(Briefing(setup))

    # -- layout --

    def layout(self) -> None:
        ctx = self.ctx
        form = theme.grid_rect(0, FORM_COLUMNS, FORM_TOP, 0)
        y = FORM_TOP
        half = (form.width - theme.GUTTER) // 2
        self.name.rect = pygame.Rect(form.left, y, form.width, self.name.preferred_height(ctx))
        team_h = self.team_us.preferred_height(ctx)
        self.team_us.rect = pygame.Rect(form.left, y, half, team_h)
        self.team_north.rect = pygame.Rect(form.left + half + theme.GUTTER, y, half, team_h)
        y += (team_h if self.hotseat else self.name.rect.height) + FIELD_GAP
        row_h = ctx.line_height(TextRole.LABEL) + ctx.line_height(TextRole.CAPTION) + 3 * theme.UNIT
        self.mode.rect = pygame.Rect(
            form.left - 2 * theme.UNIT, y, form.width + 4 * theme.UNIT, row_h
        )
        y += row_h + FIELD_GAP
        field_h = self.code.preferred_height(ctx)
        self.code.rect = pygame.Rect(form.left, y, half, field_h)
        self.seed.rect = pygame.Rect(form.left + half + theme.GUTTER, y, half, field_h)
        right = theme.column_x(theme.COLUMNS)
        width = max(self.begin.preferred_width(ctx), theme.span(3))
        self.begin.rect = pygame.Rect(
            right - width, theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT, width, theme.CONTROL_HEIGHT
        )
        self.back.rect = footer_back_rect()

    # -- screen protocol --

    def on_event(self, event: pygame.event.Event) -> Action | None:
        self.layout()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self.back_action
        if (
            event.type == pygame.KEYDOWN
            and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
            and not event.mod & BLOCKING_MODS
            and self.focus.focused is self.mode
        ):
            # Enter begins, as the key hint says, from every row; Space or the arrows change
            # the mode (it used to switch practice to graded on the way to the briefing).
            return self._begin()
        handled = self.focus.handle(event, self.ctx)
        self.validate()
        self._keep()
        return None if handled is None else handled.action

    def coded_scenario(self) -> Scenario | None:
        """The scenario the game will be: the installed one a class code typed names (a code
        opens its own summit, whatever the game was started with), else the one given. The
        heading and the panel follow it, where they went on naming a file given by its path
        over a code for Hanoi (a play-tester)."""
        coded = self._code_opens()
        return coded[2] if coded is not None else self.scenario

    def _code_opens(self) -> tuple[ClassCode, Path, Scenario] | None:
        """The class code typed, the installed scenario file it opens and that scenario; None
        when what is typed opens no summit (not a code, or no installed scenario has it)."""
        try:
            code = decode(self.code.text.strip())
        except ClassCodeError:
            return None
        path = scenario_for_code(code.prefix)
        if path is None:
            return None
        try:
            return code, path, load_scenario(path)
        except ScenarioError:
            return None

    def page(self) -> PanelPage:
        scenario = self.coded_scenario()
        kicker = scenario.title if scenario else Path(self.scenario_ref).name
        title = "A new hot-seat game" if self.hotseat else "A new game"
        focused = self.focus.focused
        hints = (
            BACK_HINTS
            if focused is self.back
            else MODE_HINTS
            if focused is self.mode
            else KEY_HINTS
        )
        return PanelPage(kicker, title, hints, (PANEL_FIRST_COLUMN, PANEL_COLUMNS, FORM_TOP))

    def draw_panel(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        ctx = self.ctx
        palette = ctx.palette
        x, y, width = inner.left, inner.top, inner.width
        setup = self.setup()
        scenario = setup.scenario if setup else self.coded_scenario()
        kick = ctx.text(TextRole.KICKER, "THIS GAME", palette.ink_soft)
        surface.blit(kick, (x, y))
        y += kick.get_height() + theme.UNIT
        if scenario is None:
            text = ctx.text(TextRole.CAPTION, self.scenario_problem, palette.alarm, wrap=width)
            surface.blit(text, (x, y))
            return
        head = ctx.text(TextRole.LABEL, scenario.title, palette.ink, wrap=width)
        surface.blit(head, (x, y))
        y += head.get_height() + 2
        sub = ctx.text(TextRole.CAPTION, scenario.subtitle, palette.ink_soft, wrap=width)
        surface.blit(sub, (x, y))
        y += sub.get_height() + theme.UNIT
        draw_rule(surface, palette.rule, x, x + width, y)
        y += 2 * theme.UNIT
        # Each line in its forms, longest first: the first that fits is drawn.
        lines: list[tuple[str, ...]] = []
        mode = setup.who.mode if setup else MODES[self.mode_index]
        lines.append((MODE_TEXT[mode],))
        if self.hotseat:
            lines.append(
                (
                    f"Hot-seat: after each {side_called(scenario.sides.player, 'offer', 'offer')}, "
                    f"a second player answers for {scenario.sides.counterpart.capital}, "
                    "with the rules' own choice shown as advice.",
                )
            )
        if setup is not None:
            if setup.who.code:
                lines.append((f"Class code {setup.who.code}: seed {setup.seed}.",))
            elif not self.has_class_code:
                # A code the form offered for a file given by its path opened nothing.
                lines.append((NO_CLASS_CODE,))
            elif setup.seed <= MAX_SEED:
                code = encode(scenario.code, setup.seed, setup.who.mode)
                lines.append(
                    (
                        f"The class code for this game is {code}. Give it to a class and "
                        "every student meets the same counterpart and the same events.",
                        # Where that does not fit (a hot-seat form at large text), the code.
                        f"The class code for this game is {code}.",
                    )
                )
            else:
                lines.append((f"Seeds above {MAX_SEED} play fine but make no class code.",))
        for forms in lines:
            images = (
                ctx.text(TextRole.CAPTION, form, palette.ink_soft, wrap=width) for form in forms
            )
            image = next((i for i in images if y + i.get_height() <= inner.bottom), None)
            if image is None:
                break
            surface.blit(image, (x, y))
            y += image.get_height() + theme.UNIT
