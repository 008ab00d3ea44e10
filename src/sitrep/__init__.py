"""sitrep: news reporting to source-attributed PLOVER event data, and back into sourced briefs.

    import sitrep
    db = sitrep.Database("sitrep.db")
    sitrep.ingest(db, "examples/", sitrep.Options())
    print(sitrep.write_brief(db, "Venezuela", "Russia").markdown())

    coder = sitrep.Coder()                       # the loaded coder for one Options
    events = coder.code_text("Venezuela asked Russia for missiles.", published="2025-10-31")
"""

from sitrep.actors.resolve import resolve
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
from sitrep.evaluation.evaluate import evaluate
from sitrep.model import Actor, Document, Entity, Event, Item
from sitrep.options import Options
from sitrep.pipeline import Coder, prepare
from sitrep.runners.local import ingest
from sitrep.store.database import Database
from sitrep.text.parsing import load_nlp
from sitrep.text.reading import read_paths

__version__ = "0.1.0"

__all__ = [
    "Actor", "Coder", "Database", "Document", "DocumentError", "Entity", "EvalError", "Event",
    "ExportError",
    "Item", "ModelNotFound", "Options", "ReadError", "SitrepError", "StoreError",
    "build_clusters", "dyad_series", "evaluate", "export_events", "find_events", "import_events",
    "ingest", "load_nlp", "main_event", "network", "prepare", "read_paths", "resolve",
    "timeline", "top_actors", "top_pairs", "write_brief",
]
