"""Class report benchmark: time ``report`` on 500 transcripts (target: under 10 s).

Run: ``python benchmarks/report.py [--students N]``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from game.classroom.classcode import encode
from game.classroom.report import build
from game.classroom.report_files import write
from game.engine.strategies import play
from game.store.mode import Mode
from game.store.scenarios import load_scenario
from game.store.transcripts import write_transcript
from game.store.who import Who

STRATEGIES = ("essay", "dove", "random", "hawk", "historical", "greedy")
TARGET_SECONDS = 10.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=500)
    args = parser.parse_args()
    scenario = load_scenario("hanoi")
    code = encode(scenario.code, 2024, Mode.GRADED)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        paths = []
        for number in range(args.students):
            state = play(scenario, STRATEGIES[number % len(STRATEGIES)], 2024)
            path = root / f"student{number:03d}.toml"
            write_transcript(path, state, Who(f"Student {number:03d}", "graded", code))
            paths.append(path)
        start = time.perf_counter()
        report = build(paths)
        assert report is not None
        write(report, root / "report")
        elapsed = time.perf_counter() - start
    verdict = "ok" if elapsed <= TARGET_SECONDS else "ABOVE TARGET"
    print(
        f"class report: {args.students} transcripts verified, summed up and charted in "
        f"{elapsed:.2f} s   target <= {TARGET_SECONDS:.0f} s  {verdict}"
    )


if __name__ == "__main__":
    main()
