"""Fixtures the documentation tests share: the example scenario of docs/scenarios.md."""

from __future__ import annotations

import pytest

from game.engine import (
    Scenario,
    ScenarioError,
    parse_scenario,
)
from tests.docs.helpers import example_block


@pytest.fixture(scope="module")
def example() -> Scenario:
    block = example_block()
    try:
        return parse_scenario(block.body, f"docs/scenarios.md (example at line {block.line})")
    except ScenarioError as error:
        pytest.fail("the example scenario does not load:\n" + "\n".join(error.problems))
