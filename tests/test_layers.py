"""The tree shows its floors: the import graph of ``game/`` has no cycle, and no module imports
from a layer above its own.

Every import counts: at the top of a module, inside a function (the window loads some modules
only when first needed) and under ``TYPE_CHECKING``. The layers, lowest first, are below; a
module may import from its own layer and from those before it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Final

ROOT = Path(__file__).resolve().parents[1]
GAME = ROOT / "game"

LAYERS: Final = (
    ("game", "the package itself: its version"),
    ("game.escapes", "text from a file shown as what it is, escaped: for every layer above"),
    ("game.words", "counted words (1 move, 2 moves): for every layer above"),
    ("game.engine", "the rules: pure, no files, no clock, no pygame"),
    ("game.store", "files on disk: scenarios, transcripts, saves, settings"),
    ("game.draw", "pygame drawing below every screen: theme, fonts, context, charts"),
    ("game.classroom", "class codes, verification, the class report, the debrief's model"),
    ("game.ui", "the window: app, flow, session, widgets, scenes, screens"),
    ("game.cli", "the command line: it starts the window, terminal play and the tools"),
    ("game.__main__", "python -m game"),
)
"""Each layer by the package (or module) that holds it, lowest first."""


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: Final = {module_name(path): path for path in sorted(GAME.rglob("*.py"))}


def layer_of(module: str) -> int:
    """The index of ``module``'s layer (the one whose package is its longest prefix)."""
    best = -1
    for index, (package, _) in enumerate(LAYERS):
        if (module == package or module.startswith(package + ".")) and (
            best < 0 or len(package) >= len(LAYERS[best][0])
        ):
            best = index
    return best


def imports(module: str) -> Iterator[tuple[str, int]]:
    """Every module of ``game`` that ``module`` imports, with the line it does so on."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES:
                    yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                target = f"{base}.{alias.name}"
                if target in MODULES:
                    yield target, node.lineno
                elif base in MODULES:
                    yield base, node.lineno


GRAPH: Final = {module: sorted({target for target, _ in imports(module)}) for module in MODULES}


def _cycles() -> list[list[str]]:
    """The strongly connected components with more than one module (or a module importing
    itself), by Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in GRAPH[node]:
                found.append(sorted(component))

    for node in GRAPH:
        if node not in index:
            visit(node)
    return found


def test_every_module_belongs_to_a_layer() -> None:
    assert [module for module in MODULES if layer_of(module) < 0] == []
    # Nothing else sits loose at the top of the package.
    loose = [m for m in MODULES if m.count(".") == 1 and layer_of(m) == 0]
    assert loose == [], "modules at the top of game/ belong in a layer's package"


def test_the_import_graph_has_no_cycle() -> None:
    assert _cycles() == []


def test_no_module_imports_from_a_layer_above_its_own() -> None:
    upward = [
        f"{module}:{line} imports {target} "
        f"({LAYERS[layer_of(module)][0]} may not import {LAYERS[layer_of(target)][0]})"
        for module in MODULES
        for target, line in imports(module)
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def test_no_screen_imports_another_screen_or_the_game_in_play() -> None:
    # Navigation is data: a screen hands back places and commands, and only the flow (and the
    # tools that go through it) builds screens or touches the session.
    forbidden = ("game.ui.screens.", "game.ui.session", "game.ui.flow", "game.ui.app")
    found = [
        f"{module}:{line} imports {target}"
        for module in MODULES
        if module.startswith("game.ui.screens.")
        for target, line in imports(module)
        if target != module and target.startswith(forbidden)
    ]
    assert found == []


def test_only_the_flow_builds_screens() -> None:
    # Widgets, scenes, the app, the command line and the rest never reach up to a screen.
    found = [
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        if not module.startswith("game.ui.screens") and module != "game.ui.flow"
        for target in targets
        if target.startswith("game.ui.screens.")
    ]
    assert found == []


def test_the_layers_are_what_the_architecture_page_describes() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for package, _ in LAYERS[1:-1]:
        path = package.replace(".", "/")
        assert f"`{path}/`" in page or f"`{path}.py`" in page, f"{package} is not described"


LONGEST: Final = 600
"""No module of the game is longer than this: past it, a file holds more than one thing."""


def test_no_module_is_over_600_lines() -> None:
    long = {
        name: count
        for name, path in MODULES.items()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST
    }
    assert not long, f"over {LONGEST} lines: {long}"
