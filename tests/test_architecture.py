"""The tree tells the pipeline: no import cycles, and data flows one way between the packages."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sitrep"
# Each package may import from packages listed before it (and from itself), never after.
ORDER = ["cache", "collector", "resources", "spans", "errors", "model", "options", "text", "actors", "entities", "coding",
         "pipeline", "store", "analysis", "evaluation", "runners", "interfaces"]


def imports() -> nx.DiGraph:
    graph = nx.DiGraph()
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(("sitrep", *path.relative_to(PACKAGE).with_suffix("").parts))
        module = module.removesuffix(".__init__")
        graph.add_node(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module != "sitrep" \
                    and node.module.startswith("sitrep."):
                graph.add_edge(module, node.module)
    return graph


def layer(module: str) -> int:
    return ORDER.index(module.split(".")[1])


def test_no_import_cycles():
    assert list(nx.simple_cycles(imports())) == []


def test_data_flows_one_way():
    backwards = [(a, b) for a, b in imports().edges
                 if a != "sitrep" and layer(b) > layer(a)]
    assert backwards == [], f"imports against the pipeline's direction: {backwards}"


def test_start_up_leaves_dates_for_the_first_date():
    """Importing the pipeline neither imports dateparser nor compiles the date expressions (a
    few hundred milliseconds of each process's start-up); reading a date does both."""
    import os
    import subprocess
    import sys

    script = (
        "import sys; import sitrep.pipeline; from sitrep.coding import dates; "
        "print('dateparser' in sys.modules, dates._phrases.cache_info().currsize, "
        "dates._compiled.cache_info().currsize); "
        "import datetime; found = dates.find_dates('They met on 3 May 2024.', "
        "datetime.date(2024, 6, 1)); "
        "print('dateparser' in sys.modules, dates._phrases.cache_info().currsize > 0, found[0][2].start)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(PACKAGE.parent)})
    assert result.stdout.split("\n")[:2] == ["False 0 0", "True True 2024-05-03"]
