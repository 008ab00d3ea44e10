"""sitrep: news reporting to source-attributed PLOVER event data, and back into sourced briefs.

    import sitrep
    db = sitrep.Database("sitrep.db")
    sitrep.ingest(db, ["examples/"], code_events=True)
    print(sitrep.write_brief(db, "Venezuela", "Russia").markdown())
"""

from .actors import resolve
from .analysis import dyad_series, find_events, network, timeline, top_actors, top_pairs
from .brief import write_brief
from .clusters import build_clusters
from .errors import EvalError, ModelNotFound, ReadError, SitrepError, StoreError
from .evaluate import evaluate
from .events import code_document, code_documents, code_text
from .exports import export_events, import_events
from .ingest import ingest
from .model import Actor, Document, Entity, Event, Item
from .parsing import load_nlp
from .pipeline import prepare
from .reading import read_paths
from .store import Database

__version__ = "0.1.0"

__all__ = [
    "Actor", "Database", "Document", "Entity", "EvalError", "Event", "Item", "ModelNotFound",
    "ReadError", "SitrepError", "StoreError", "build_clusters", "code_document",
    "code_documents", "code_text", "dyad_series", "evaluate", "export_events", "find_events",
    "import_events", "ingest", "load_nlp", "network", "prepare", "read_paths", "resolve",
    "timeline", "top_actors", "top_pairs", "write_brief",
]
