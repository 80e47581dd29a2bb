"""The examples in the docstrings are run, so that they cannot drift from what the code does."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import game


def _modules() -> list[str]:
    """Every module of the game, but ``game.__main__`` (importing it runs the game)."""
    return sorted(
        info.name
        for info in pkgutil.walk_packages(game.__path__, "game.")
        if not info.name.endswith("__main__")
    )


def _examples(module: ModuleType) -> list[doctest.DocTest]:
    return [test for test in doctest.DocTestFinder().find(module) if test.examples]


_WITH_EXAMPLES = [name for name in _modules() if _examples(importlib.import_module(name))]


def test_the_docstrings_hold_examples() -> None:
    # The run below would pass on a tree with no examples at all; there are dozens.
    count = sum(
        len(test.examples)
        for name in _WITH_EXAMPLES
        for test in _examples(importlib.import_module(name))
    )
    assert count >= 40


@pytest.mark.parametrize("name", _WITH_EXAMPLES)
def test_the_examples_in_a_module_hold(name: str) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in _examples(importlib.import_module(name)):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of the examples in {name} fail (see above)"
