"""sitrep: news reporting to source-attributed PLOVER event data, and back into sourced briefs.

    import sitrep
    db = sitrep.Database("sitrep.db")
    sitrep.ingest(db, "examples/", sitrep.Options())
    print(sitrep.write_brief(db, "Venezuela", "Russia").markdown())

    coder = sitrep.Coder()                       # the loaded coder for one Options
    events = coder.code_text("Venezuela asked Russia for missiles.", published="2025-10-31")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sitrep.actors.resolve import resolve
from sitrep.coding.document import main_event
from sitrep.errors import (
    DocumentError,
    EvalError,
    ExportError,
    ModelNotFound,
    ReadError,
    SitrepError,
    StoreError,
)
from sitrep.model import Actor, Document, Entity, Event, Item
from sitrep.options import Options
from sitrep.pipeline import Coder, prepare
from sitrep.text.parsing import load_nlp
from sitrep.text.reading import read_paths

if TYPE_CHECKING:
    from sitrep.analysis.brief import write_brief
    from sitrep.analysis.clusters import build_clusters
    from sitrep.analysis.exports import export_events
    from sitrep.analysis.imports import import_events
    from sitrep.analysis.queries import (
        dyad_series,
        find_events,
        network,
        timeline,
        top_actors,
        top_pairs,
    )
    from sitrep.evaluation.evaluate import evaluate
    from sitrep.runners.local import ingest
    from sitrep.store.database import Database

# The store, analysis and evaluation are imported when first named (PEP 562), so a process that
# only codes (a worker, `sitrep extract`) does not pay a tenth of a second for them.
_LAZY = {
    "write_brief": "sitrep.analysis.brief", "build_clusters": "sitrep.analysis.clusters",
    "export_events": "sitrep.analysis.exports", "import_events": "sitrep.analysis.imports",
    **dict.fromkeys(["dyad_series", "find_events", "network", "timeline", "top_actors",
                     "top_pairs"], "sitrep.analysis.queries"),
    "evaluate": "sitrep.evaluation.evaluate", "ingest": "sitrep.runners.local",
    "Database": "sitrep.store.database",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__version__ = "0.1.0"

__all__ = [
    "Actor", "Coder", "Database", "Document", "DocumentError", "Entity", "EvalError", "Event",
    "ExportError",
    "Item", "ModelNotFound", "Options", "ReadError", "SitrepError", "StoreError",
    "build_clusters", "dyad_series", "evaluate", "export_events", "find_events", "import_events",
    "ingest", "load_nlp", "main_event", "network", "prepare", "read_paths", "resolve",
    "timeline", "top_actors", "top_pairs", "write_brief",
]
