"""The terminal game for everyone: help, the menu with each card's terms and the essay's view,
locked cards with why, info, log and meters, colour only for a terminal; and hot-seat and team
games from the command line, in the terminal and in a script."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import attrs
import pytest

from game.classroom.classcode import encode
from game.cli import main
from game.cli.terminal import (
    Guarded,
    _north_chooses,
    interactive,
    north_choices,
    play_moves,
    use_colour,
)
from game.cli.text import COMMANDS, amend_closed, info_lines, menu_cards, turn_lines
from game.engine import (
    MeterRole,
    Move,
    OfferKind,
    Scenario,
    apply,
    available_moves,
    expected_need_range,
    move_options,
    new_game,
)
from game.engine.describe import bonus_sentence, effect_text, need_sentence
from game.engine.foresight import foreseen
from game.engine.strategies import play_from
from game.store.mode import Mode
from game.store.transcripts import read_transcript
from tests.engine.characters import SHOWN, UNSEEN, played

ESSAY_SEED4 = (
    "mutual_restraint:written",
    "security_assurances:written",
    "reject",
    "mutual_restraint:written",
    "peace_declaration:declaration",
    "liaison_offices",
    "reject",
    "yongbyon_for_relief:partial",
    "consult:allies",
    "regional_handoff",
    "joint_statement",
)


def _terminal(
    hanoi: Scenario, typed: str, *, hotseat: bool = False, colour: bool = False, seed: int = 4
) -> str:
    sink = io.StringIO()
    state = new_game(hanoi, seed, hotseat=hotseat)
    interactive(state, io.StringIO(typed), sink, colour=colour)
    return sink.getvalue()


def test_help_and_question_mark_list_every_command(hanoi: Scenario) -> None:
    text = _terminal(hanoi, "help\n?\nq\n")
    assert text.count("Commands:") == 2
    for typed, does in COMMANDS:
        assert f"  {typed}: {does}" in text
    assert "unknown move" not in text
    assert "Type help or ? for the commands." in text


def test_the_menu_shows_each_cards_terms_and_the_essays_view(hanoi: Scenario) -> None:
    text = _terminal(hanoi, "q\n")
    restraint = hanoi.offers[hanoi.offer_index["mutual_restraint"]]
    written = restraint.variant("written")
    assert written is not None
    lines = text.splitlines()
    first = lines.index("   1. Mutual restraint (unwritten)  [mutual_restraint:unwritten]")
    assert lines[first + 1] == f"      {restraint.summary}"
    # Its view names the essay itself: it is not introduced as the essay's twice.
    assert lines[first + 2] == f"      {restraint.essay}"
    assert "the essay" in restraint.essay
    # The offer's terms and the essay's view are said once for its several forms.
    assert text.count(restraint.essay) == 1
    assert "The essay: The essay" not in text
    assert f"      Written: {written.summary}" in lines
    # Every offer the player can make now is in the menu with its text.
    for option in move_options(new_game(hanoi, 4)):
        if option.available:
            assert f"[{option.move}]" in text


def test_locked_cards_are_listed_with_why(hanoi: Scenario) -> None:
    state = new_game(hanoi, 4)
    text = _terminal(hanoi, "q\n")
    locked = [c for c in menu_cards(state) if not c.available]
    assert locked, "some cards are locked at the start"
    assert "Locked for now:" in text
    for card in locked:
        line = next(line for line in text.splitlines() if f"[{card.option.move.offer}]: " in line)
        assert line.endswith(card.option.reason)
        assert line.lstrip().startswith(f"{card.number}. ")
    embassies = next(c for c in locked if c.option.move.offer == "embassies")
    refused = _terminal(hanoi, f"{embassies.number}\nq\n")
    assert f"  Not possible: Embassies is locked: {embassies.option.reason}" in refused


def test_info_tells_all_about_a_card_by_number_or_id(hanoi: Scenario) -> None:
    state = new_game(hanoi, 4)
    cards = menu_cards(state)
    embassies = next(c for c in cards if c.option.move.offer == "embassies")
    text = _terminal(hanoi, f"info 1\ninfo {embassies.number}\ninfo liaison_offices\ninfo 999\nq\n")
    assert "Mutual restraint  [mutual_restraint]" in text
    assert re.search(r"Unwritten \[mutual_restraint:unwritten\]: .* Proposing it: ", text)
    assert f"  Locked for now: {embassies.option.reason}" in text
    assert "Liaison offices  [liaison_offices]" in text
    assert "  You can put it on the table now." in text
    assert "No card '999': type menu for the cards and their numbers" in text
    assert "Which card?" in _terminal(hanoi, "info\nq\n")
    # A form no delegation accepts says what the refusal costs, not what acceptance brings.
    rights = _terminal(hanoi, "info raise_human_rights\nq\n")
    line = next(x for x in rights.splitlines() if "[raise_human_rights:precondition]: " in x)
    assert line.endswith(
        "No delegation accepts it; when they refuse: trust \u221212, patience \u221229."
    )
    assert "If they accept" not in line


def test_info_on_a_locked_card_shows_every_form_as_its_move_id_does(hanoi: Scenario) -> None:
    # A play-tester: `info 21` on "Step out to consult", locked at dinner, showed only its
    # first form, "Call Washington", where `info consult` showed all three. A locked card
    # stands for its offer in every form.
    state = new_game(hanoi, 4)
    cards = menu_cards(state)
    locked = [c for c in cards if not c.available]
    forms = {
        c.number: hanoi.offers[hanoi.offer_index[c.option.move.offer]].variants for c in locked
    }
    several = [c for c in locked if len(forms[c.number]) > 1]
    assert several, "some locked card has several forms at the start"
    for card in locked:
        offer = card.option.move.offer
        assert info_lines(state, cards, str(card.number)) == info_lines(state, cards, offer)
    card = several[0]
    offer = card.option.move.offer
    text = _terminal(hanoi, f"info {card.number}\nq\n")
    for variant in forms[card.number]:
        assert f" [{offer}:{variant.id}]: " in text
    assert text == _terminal(hanoi, f"info {offer}\nq\n")


def test_info_on_a_recess_says_what_it_changes_not_what_proposing_it_does(
    hanoi: Scenario,
) -> None:
    # Stepping out to consult is not put to them: "Proposing it: ... If they accept: no
    # change" said otherwise (a play-tester, in the window's picker and here).
    recess = next(o for o in hanoi.offers if o.kind is OfferKind.RECESS)
    text = _terminal(hanoi, f"info {recess.id}\nq\n")
    lines = [x for x in text.splitlines() if f"[{recess.id}:" in x]
    assert lines and all(re.search(r"\. It changes [^.]+\.$", x) for x in lines)
    assert not any("Proposing it" in x or "If they accept" in x for x in lines)


def test_info_says_what_a_rejection_costs_where_they_would_turn_it_down(hanoi: Scenario) -> None:
    # As the window's card does: the big deal's rejection took six trust more than its info
    # said (a play-tester).
    text = _terminal(hanoi, "info demand_cvid\ninfo project_exemptions\nq\n")
    (big,) = [x for x in text.splitlines() if "Proposing it:" in x and "turned down" in x]
    assert "As things stand it would be turned down; a rejection changes trust \u22126" in big
    assert sum("turned down" in x for x in text.splitlines()) == 1


def test_info_foresees_what_the_window_does(hanoi: Scenario) -> None:
    # The terminal said "Proposing it: nothing. If they accept: trust +4" where the window
    # said "patience -1 ... trust +5, patience +3", and what happened was the window's (a
    # play-tester); nor did it say what trust a card needs.
    state = new_game(hanoi, 4)
    form = Move.parse("mutual_restraint:unwritten")
    costs, brings = foreseen(state, form)
    text = _terminal(hanoi, f"info {form}\nq\n")
    line = next(x for x in text.splitlines() if "[mutual_restraint:unwritten]: " in x)
    assert f"Proposing it: {effect_text(hanoi, *costs, none='nothing')}." in line
    assert f"If they accept: {effect_text(hanoi, *brings)}." in line
    trust = hanoi.role_index(MeterRole.TRUST)
    assert trust is not None
    low, high = expected_need_range(state, form, trust) or (0, 0)
    need = need_sentence(hanoi.meters[trust], low, high, state.meters[trust])
    # And, while no reply has said what they want first, the reward for serving it.
    assert line.endswith(f"{need} {bonus_sentence(hanoi)}")


def test_meters_and_log(hanoi: Scenario) -> None:
    text = _terminal(hanoi, "log\nmeters\nmutual_restraint:written\nlog\nq\n")
    assert "No moves yet." in text
    for meter in hanoi.meters:
        assert meter.description in text
    assert re.search(r"  Trust \d+ \(from 0 to 100, higher is better\): ", text)
    assert re.search(r"  Domestic pressure \d+ \(from 0 to 100, lower is better\): ", text)
    after = text.split("mutual_restraint")[-1]
    assert "Round 1: dinner" in text
    assert "1. You offer: Mutual restraint (written)" in after


def test_a_full_game_is_played_by_numbers_read_from_the_menu(hanoi: Scenario) -> None:
    """A player who reads only the text: each move is typed as the number the menu shows, and
    an answer to their proposal as its letter (a, r or m, as the window's keys)."""
    state = new_game(hanoi, 4)
    typed = []
    for move in ESSAY_SEED4:
        card = next(c for c in menu_cards(state) if str(c.option.move) == move)
        assert card.key == ({"accept": "a", "reject": "r", "amend": "m"}.get(move) or card.key)
        assert card.key.isdigit() != Move.parse(move).is_answer
        typed.append(card.key)
        state = play_moves(state, [move])
    assert {"a", "r", "m"} & set(typed), "the line answers a proposal of theirs"
    sink = io.StringIO()
    final = interactive(new_game(hanoi, 4), io.StringIO("\n".join(typed) + "\n"), sink)
    assert final.is_over and final.hash == state.hash
    assert "Verification code: " in sink.getvalue()


def test_plain_text_no_box_drawing_and_colour_only_when_asked(hanoi: Scenario) -> None:
    text = _terminal(hanoi, "help\ninfo 1\nmeters\n1\nq\n")
    assert "\x1b" not in text
    assert not re.search("[\u2500-\u257f\u2580-\u259f]", text), "no box drawing"
    coloured = _terminal(hanoi, "zzz\nq\n", colour=True)
    assert "\x1b[1m" in coloured and "\x1b[31m  Not possible: " in coloured
    assert all(line.count("\x1b[") % 2 == 0 for line in coloured.splitlines())


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_needs_a_terminal_and_no_NO_COLOR() -> None:  # noqa: N802
    assert use_colour(_Tty(), {})
    assert not use_colour(_Tty(), {"NO_COLOR": "1"})
    assert use_colour(_Tty(), {"NO_COLOR": ""})  # set but empty: no-color.org says ignore it
    assert not use_colour(io.StringIO(), {})


# --- hot-seat and team games ----------------------------------------------------------------


def test_the_north_chooses_its_answer_in_a_hot_seat_terminal_game(hanoi: Scenario) -> None:
    state = new_game(hanoi, 4, hotseat=True)
    why, choices = north_choices(state, Move.parse("mutual_restraint:written"))
    assert why.startswith("deferred: ")
    accept = 1 + [kind.value for kind, _, _ in choices].index("accept")
    text = _terminal(hanoi, f"mutual_restraint:written\n{accept}\nq\n", hotseat=True)
    # Mid-sentence names read mid-sentence (a play-tester saw "table End the joint exercises").
    assert "For the North Korean team: the U.S. team offers mutual restraint (written)." in text
    assert "  The rules' answer: deferred: " in text
    # Each answer with what it changes, as the window's answer screen shows it.
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  The rules' answer")) + 1
    numbered = [line.split(". ", 1)[1] for line in lines[start : start + len(choices)]]
    assert numbered[accept - 1].startswith("accept (trust +")
    assert any(line.startswith("reject (") and "patience \u2212" in line for line in numbered)
    assert "They accept" in text and "accepted by their choice; the rules would have" in text
    # Enter leaves the answer to the rules.
    ruled = _terminal(hanoi, "mutual_restraint:written\n\nq\n", hotseat=True)
    assert "They defer" in ruled
    # Answers to their proposals and recesses are not theirs to judge.
    assert north_choices(state, Move("reject")) == ("", [])


def test_the_norths_counter_names_its_proposal_as_it_reads_mid_sentence(hanoi: Scenario) -> None:
    # A play-tester read "counter: table End the joint exercises for good"; a name keeps its
    # capital ("table Yongbyon for the 2016-17 sanctions").
    state = new_game(hanoi, 4, hotseat=True)
    labels = {
        label
        for move in available_moves(state)
        for _, proposal, label in north_choices(state, move)[1]
        if proposal is not None
    }
    assert "counter: table end the joint exercises for good" in labels
    assert "counter: table Yongbyon for the 2016-17 sanctions" in labels


def test_the_north_sees_the_offer_an_amendment_answers_its_proposal_with(
    hanoi: Scenario,
) -> None:
    """Amending their proposal puts an offer to them: the North's team reads which."""
    from game.engine import ReactionKind, apply, is_legal, judge, offered
    from game.engine.describe import move_label

    amend = Move("amend")
    start = new_game(hanoi, 4, hotseat=True)
    # The U.S. makes an offer and the North's team counters with a proposal open to amendment.
    state = next(
        after
        for move in available_moves(start)
        for table in judge(start, move).proposals
        if ReactionKind.COUNTER in judge(start, move).allowed
        for after in [apply(start, move, ReactionKind.COUNTER, table).state]
        if is_legal(after, amend)
    )
    sink = io.StringIO()
    assert _north_chooses(state, amend, io.StringIO("\n"), Guarded(sink)) == (None, None)
    label = move_label(hanoi, offered(state, amend), mid=True)
    assert f"the U.S. team answers your proposal with {label}." in sink.getvalue()


def test_a_team_game_from_the_command_line_records_its_teams(
    hanoi: Scenario,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "team.toml"
    # The North's team presses Enter at each of its turns: the rules answer for it.
    played = play_from(new_game(hanoi, 4, hotseat=True), "essay")
    typed, state = [], new_game(hanoi, 4, hotseat=True)
    for turn in played.turns:
        typed.append(str(turn.move))
        if north_choices(state, turn.move)[1]:
            typed.append("")
        state = play_moves(state, [str(turn.move)])
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(typed) + "\n"))
    code = encode("HNOI", 4, Mode.PRACTICE)
    status = main(
        [
            "play",
            "--headless",
            "--code",
            code,
            "--team-us",
            "Eagles",
            "--team-north",
            "Cranes",
            "--player-us",
            "negotiator:Sam Rivera",
            "--player-us",
            "treasury:Ben Carter",
            "--player-north",
            "head_of_delegation:Chloe Martin",
            "--transcript",
            str(out),
        ]
    )
    text = capsys.readouterr().out
    assert status == 0
    assert "  The U.S. team: Eagles (Sam Rivera: the negotiator (head of delegation); " in text
    transcript = read_transcript(out)
    assert transcript.hotseat and transcript.teams is not None
    assert transcript.teams.us.name == "Eagles" and transcript.player == ""
    assert main(["verify", str(out), "--code", code]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{out}: ok",
        "  teams: the U.S. team: Eagles (Sam Rivera: the negotiator (head of delegation); "
        "Ben Carter: Treasury (sanctions and leverage)); the North Korean team: Cranes "
        "(Chloe Martin: the head of delegation)",
    ]
    assert main(["replay", str(out)]) == 0
    replayed = capsys.readouterr().out
    assert f"Verification code: {transcript.verification}" in replayed


def test_a_hot_seat_script_gives_the_norths_choices_after_an_arrow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "hotseat.toml"
    script.write_text(
        'seed = 4\nmoves = ["mutual_restraint:written -> accept", "liaison_offices -> reject"]\n',
        encoding="utf-8",
    )
    out = tmp_path / "t.toml"
    args = ["play", "--headless", "--hotseat", "--script", str(script), "--transcript", str(out)]
    assert main(args) == 1  # the script ends before the summit does
    turns = read_transcript(out).turns
    assert [(t.reaction, t.chosen_by.value) for t in turns] == [
        ("accept", "player"),
        ("reject", "player"),
    ]
    capsys.readouterr()
    assert main(["play", "--headless", "--script", str(script)]) == 2
    err = capsys.readouterr().err
    assert "only a hot-seat game (--hotseat) has the other side's choice after ->" in err
    script.write_text('seed = 4\nmoves = ["mutual_restraint:written -> hug"]\n', encoding="utf-8")
    assert main(["play", "--headless", "--hotseat", "--script", str(script)]) == 2
    assert "after -> expected one of accept, counter, defer, reject, walkout" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--team-us", "Eagles"], "a team game needs both --team-us NAME and --team-north NAME"),
        (
            ["--team-us", "E", "--team-north", "C", "--player-us", "military:Ann"],
            "'military' is not a role of the U.S. team",
        ),
        (["--hotseat", "--stdio"], "--stdio has one player"),
        (["--hotseat", "--mode", "graded"], "a hot-seat game cannot be graded"),
        (["--code", encode("HNOI", 4, Mode.PRACTICE)], "give your name with --name"),
        (["--team-us", " ", "--team-north", "C"], "the U.S. team needs a name"),
        (
            ["--team-us", "Eagles", "--team-north", "eagles "],
            "both teams are called Eagles: give each a name of its own",
        ),
        (
            [
                *("--team-us", "E", "--team-north", "C"),
                *("--player-us", "negotiator:Ada Lovelace"),
                *("--player-north", "military:ada  lovelace"),
            ],
            "Ada Lovelace plays in both teams: a player plays for one side",
        ),
    ],
)
def test_team_options_that_cannot_make_a_game_are_one_line(
    capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert main(["play", "--headless", "--seed", "4", *extra]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert message in line


def test_export_hands_in_a_file_named_after_the_student_and_the_class(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    monkeypatch.setenv("HANOI_SUMMIT_HOME", str(tmp_path / "home"))
    script = tmp_path / "essay.toml"
    script.write_text(f"moves = {list(ESSAY_SEED4)!r}\n".replace("'", '"'), encoding="utf-8")
    code = encode("HNOI", 4, Mode.GRADED)
    args = ["play", "--headless", "--script", str(script), "--code", code]
    assert main([*args, "--name", "Zoë O'Neil", "--export"]) == 0
    assert main([*args, "--name", "Zoë O'Neil", "--export"]) == 0
    day = date.today().isoformat()
    folder = tmp_path / "home" / "exports"
    first = folder / f"Zoe-O-Neil_{code}_{day}.toml"
    second = folder / f"Zoe-O-Neil_{code}_{day}-2.toml"
    assert first.is_file() and second.is_file()
    err = capsys.readouterr().err.splitlines()
    assert err == [f"exported to {first}", f"exported to {second}"]
    assert read_transcript(first).player == "Zoë O'Neil"
    assert main(["verify", str(first), "--code", code]) == 0


def test_a_game_stopped_early_exports_what_its_transcript_holds(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The export follows --transcript however the game stops: a script's bad move wrote the
    # transcript so far and no export, where a bad move over stdio wrote both.
    script = tmp_path / "bad.toml"
    script.write_text('seed = 4\nmoves = ["mutual_restraint:written", "embassies"]\n')
    transcript = tmp_path / "t.toml"
    args = ["play", "--headless", "--script", str(script), "--transcript", str(transcript)]
    assert main([*args, "--export", "--name", "Ada"]) == 2
    (export,) = (home / "exports").iterdir()
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"exported to {export}"
    assert err[1].startswith(f'{script}: move 2 "embassies": ')
    assert export.read_bytes() == transcript.read_bytes()
    assert [str(turn.move) for turn in read_transcript(export).turns] == [ESSAY_SEED4[0]]


def test_the_terminal_says_who_refused_when_it_was_not_them(hanoi: Scenario) -> None:
    # The window's log and heading name a neighbour or the Senate that refused; so does the
    # terminal, instead of "They reject" with no words after it.
    from game.cli.text import turn_lines
    from game.engine import apply

    state = new_game(hanoi, 33)
    for turn in play_from(new_game(hanoi, 33), "random").turns:
        state = apply(state, turn.move).state
        if turn.reaction.kind.value == "reject" and not turn.reaction.say:
            break
    lines = turn_lines(state)
    assert lines[1].strip() == "Refused by the Senate", lines


def test_a_number_that_names_no_card_says_so(hanoi: Scenario) -> None:
    # A play-test typed a 24-digit number: "unknown move", where `info` of it said "No card".
    text = _terminal(hanoi, "999999999999999999999999\n0\nq\n")
    assert text.count("Not possible: no card '") == 2
    assert "the cards are 1 to " in text and "unknown move" not in text


@pytest.mark.parametrize("hotseat", [False, True], ids=["one-player", "hot-seat"])
def test_an_answers_letter_with_no_proposal_waiting_says_so(hanoi: Scenario, hotseat: bool) -> None:
    """A teacher's student typed r with nothing to answer: "unknown move", where the letters
    are documented as the answers, and an answer then has "no proposal of theirs to answer"."""
    text = _terminal(hanoi, "r\nA\nm\nq\n", hotseat=hotseat)
    assert text.count("Not possible: there is no proposal of theirs to answer") == 3
    assert "unknown move" not in text


def test_after_a_move_the_menu_is_a_line_a_card_and_menu_shows_the_terms_again(
    hanoi: Scenario,
) -> None:
    # Sixty lines of terms after every move pushed the reply off the screen (a play-tester).
    text = _terminal(hanoi, "mutual_restraint:unwritten\nmenu\nq\n")
    first, after_move, after_menu = text.split("Your cards:")[1:4]
    terms = hanoi.offer("liaison_offices").summary
    assert terms in first and terms in after_menu
    assert terms not in after_move
    assert "Locked for now: " in after_move and "\n  18. " not in after_move
    assert "Type menu for every card's terms" in after_move
    assert "Locked for now:\n" in after_menu


def test_a_number_never_answers_their_proposal(hanoi: Scenario) -> None:
    # A play-tester typed the number he had used for a card the turn before, and it accepted
    # their proposal, which spent most of his leverage: numbers name cards, letters answer.
    state = play_moves(new_game(hanoi, 5), ["yongbyon_for_relief:partial"])
    assert state.pending is not None
    text = _terminal(hanoi, "yongbyon_for_relief:partial\n1\nq\n", seed=5)
    assert "   a. Accept  [accept]" in text and "   r. Reject  [reject]" in text
    assert "Your answer (a accepts, r rejects, m amends; help, q): " in text
    assert (
        "Not possible: Mutual restraint (unwritten) is locked: answer their proposal first" in text
    )
    assert "You accept their proposal" not in text
    accepted = _terminal(hanoi, "yongbyon_for_relief:partial\nA\nq\n", seed=5)
    assert "You accept their proposal: Yongbyon for the 2016-17 sanctions" in accepted


def test_an_amendment_that_is_not_open_is_not_offered_and_says_why(hanoi: Scenario) -> None:
    """Their Yongbyon proposal is amended with Yongbyon for relief: where that offer cannot be
    made (here, already agreed), the lines say why and the prompt has no "m amends"; where it
    can, both offer it. A proposal without an amendment is never offered one."""
    state = new_game(hanoi, 4)
    for move in ("mutual_restraint:unwritten", "accept_limited_arsenal:private"):
        state = apply(state, Move.parse(move)).state
    assert state.pending is not None
    closed = attrs.evolve(state, agreed=state.agreed | {"yongbyon_for_relief"})
    assert amend_closed(state) == "" and amend_closed(closed)
    open_lines, closed_lines = turn_lines(state), turn_lines(closed)
    assert any("reject, or amend it to Yongbyon for relief" in line for line in open_lines)
    answer = next(line.strip() for line in closed_lines if "Answer:" in line)
    assert answer == (
        "Answer: accept or reject; amending it to Yongbyon for relief (partial relief) is not "
        "open now: already agreed"
    )
    assert info_lines(closed, menu_cards(closed), "amend")[-1].strip() == answer
    prompts = []
    for game in (state, closed):
        sink = io.StringIO()
        interactive(game, io.StringIO("q\n"), sink)
        prompts.append(re.findall(r"Your answer \(([^)]*)\)", sink.getvalue()))
    assert prompts == [
        ["a accepts, r rejects, m amends; help, q"],
        ["a accepts, r rejects; help, q"],
    ]


def test_what_accepting_their_proposal_does_is_told_as_the_window_tells_it(
    hanoi: Scenario,
) -> None:
    """As a rule while their character may change it (seed 11's opportunists: "trust +4" came
    to nothing), counted once a reply has shown it (seed 3, "they pocket concessions")."""
    state = played(hanoi, UNSEEN)
    (accepting,) = [x.strip() for x in turn_lines(state) if x.strip().startswith("Accepting")]
    assert accepting.startswith("Accepting, as a rule: trust +4, patience +3")
    state = played(hanoi, SHOWN)
    (accepting,) = [x.strip() for x in turn_lines(state) if x.strip().startswith("Accepting")]
    assert accepting.startswith("Accepting: ") and "as a rule" not in accepting
