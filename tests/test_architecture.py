"""The import graph of ``src/dateline`` follows the pipeline's layers (see docs/architecture.md).

A module imports from its own layer or the layers below, never from above, and no two modules
import each other. Existing exceptions are listed with the reason; the lists may only shrink
(a fixed exception fails the test until its entry is removed).
"""

from __future__ import annotations

import ast
import re
from functools import cache
from itertools import pairwise
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

#: Layers from the bottom up; a module belongs to the layer of its longest matching prefix.
LAYERS: list[tuple[str, list[str]]] = [
    ("base", ["dateline._version", "dateline.errors", "dateline.model", "dateline.settings",
              "dateline.datafiles", "dateline.limits", "dateline.csvcells", "dateline.lifecycle",
              "dateline.data", "dateline.schema", "dateline.samples"]),
    ("lookups", ["dateline.actors.kb", "dateline.actors.dictionaries", "dateline.actors.index",
                 "dateline.events.ontology", "dateline.events.lexicon",
                 "dateline.events.cameo_codes", "dateline.gazetteer"]),
    ("stages", ["dateline.ingest", "dateline.nlp", "dateline.components", "dateline.fast",
                "dateline.ner", "dateline.select", "dateline.recase", "dateline.actors",
                "dateline.events", "dateline.time", "dateline.places", "dateline.quotes"]),
    ("pipeline", ["dateline.pipeline", "dateline.evaluation", "dateline.train"]),
    ("store and runs", ["dateline.store", "dateline.runs", "dateline.watch",
                        "dateline.mapdata"]),
    ("edges", ["dateline", "dateline.__main__", "dateline.cli", "dateline.web"]),
]  # fmt: skip

KNOWN_UPWARD: dict[tuple[str, str], str] = {}
KNOWN_LOOPS: dict[frozenset[str], str] = {}
#: Display libraries belong at the edges (CLI, web).
DISPLAY = ("rich", "matplotlib")
KNOWN_DISPLAY: dict[str, str] = {}
KNOWN_PRIVATE: dict[tuple[str, str], str] = {}


@cache
def modules() -> dict[str, Path]:
    out = {}
    for path in (SRC / "dateline").rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def layer(module: str) -> int:
    best = (-1, -1)
    for i, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best[1]:
                best = (i, len(prefix))
    return best[0]


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    return {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for n in ast.walk(node)
    }


@cache
def imported_names(module: str) -> frozenset[str]:
    """Every ``dateline`` module or name ``module`` imports, at the top or inside functions
    (type-checking imports aside): ``dateline.store.store`` or ``dateline.store.store._ref``."""
    path = modules()[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_nodes(tree)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] in {"dateline", *DISPLAY})
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            if base.split(".")[0] in DISPLAY:
                out.add(base)
            elif base.split(".")[0] == "dateline":
                out.update(f"{base}.{a.name}" for a in node.names)
    return frozenset(out)


@cache
def graph() -> dict[str, set[str]]:
    """Module -> the ``dateline`` modules it imports."""
    mods = modules()
    edges: dict[str, set[str]] = {}
    for module in mods:
        targets = set()
        for name in imported_names(module):
            while name and name not in mods:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        edges[module] = targets
    return edges


def test_every_module_has_a_layer():
    assert [m for m in modules() if layer(m) < 0] == [], "add new modules to LAYERS"


def test_no_upward_imports():
    upward = {
        (m, d): f"{LAYERS[layer(m)][0]} imports {LAYERS[layer(d)][0]}"
        for m, deps in graph().items()
        for d in deps
        if layer(d) > layer(m)
    }
    assert set(upward) == set(KNOWN_UPWARD), upward


def test_no_import_loops():
    loops = {frozenset(c) for c in _strongly_connected(graph()) if len(c) > 1}
    assert loops == set(KNOWN_LOOPS), [sorted(c) for c in loops]


def test_display_libraries_only_at_the_edges():
    edges = len(LAYERS) - 1
    found = {
        m
        for m in modules()
        if layer(m) < edges and any(n.split(".")[0] in DISPLAY for n in imported_names(m))
    }
    assert found == set(KNOWN_DISPLAY)


def test_no_private_names_imported_from_other_modules():
    found = {
        (m, name)
        for m in modules()
        for name in imported_names(m)
        if name.rpartition(".")[2].startswith("_")
        and not name.rpartition(".")[2].startswith("__")
        and name.rpartition(".")[0] != m
    }
    assert found == set(KNOWN_PRIVATE)


def test_nothing_outside_the_store_reaches_into_a_store_object():
    """The Store is a facade: other modules call its public methods (and its ``db`` for the
    store's own parts), never ``store._frame`` or ``Store._event_row``."""
    private = re.compile(r"\b(?:store|Store|db)\._[a-z]\w*")
    found = [
        f"{m}: {hit}"
        for m, path in modules().items()
        if not m.startswith("dateline.store")
        for hit in private.findall(path.read_text(encoding="utf-8"))
    ]
    assert found == []


#: Names the code gives spaCy tokens; ``is`` between two of them (or a ``.head``) is a bug waiting:
#: a Token is a new object on every access, so identity holds only by accident of assignment.
TOKEN_NAMES = {"tok", "token", "t", "node", "head", "root", "be", "clause", "noun", "left", "c"}


def _token_like(node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr == "head"
    return isinstance(node, ast.Name) and node.id in TOKEN_NAMES


def test_tokens_are_compared_by_index_not_identity():
    found = []
    for m, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Compare):
                continue
            sides = [node.left, *node.comparators]
            for op, (a, b) in zip(node.ops, pairwise(sides), strict=True):
                if isinstance(op, ast.Is | ast.IsNot) and _token_like(a) and _token_like(b):
                    found.append(f"{m}:{node.lineno}: {ast.unparse(node)}")
    assert found == []


def _strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative enough for a package of a few hundred modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            out.append(component)

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out
