"""Benchmark: what storing an event costs in a given store (the serving bench's, typically).

Stores --events synthetic events through `Database.save_document`, as ingest does (one
transaction a document of --per-document events: the event rows, their actors and dyads, the
full-text index and whatever triggers the schema has), and prints milliseconds per event. The
events are stored into the store given and stay there: use a copy.

    python bench/storing.py STORE [--events 2000] [--per-document 10]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from sitrep.model import Actor, Document, Event, TextInfo
from sitrep.resources import plover_schema
from sitrep.store.database import Database

# Self-contained (no import of bench/queries.py), so that an older sitrep can run it too:
# bench/serve.py --before-src times storing with the code before a change.
COUNTRIES = ["USA", "RUS", "CHN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "VEN", "IND", "TUR"]
COUNTRY_WEIGHTS = [1 / rank for rank in range(1, len(COUNTRIES) + 1)]


def documents(count: int, per_document: int, seed: int) -> list[Document]:
    """Documents of synthetic events (one actor, one recipient, Zipf-skewed countries)."""
    rng = random.Random(seed)
    types = [(name, info["quad"], info.get("score")) for name, info in
             plover_schema()["event_types"].items()]
    found = []
    for number in range(0, count, per_document):
        doc = Document(id=f"storing-{seed}-{number}", text=f"storing bench {seed} {number}")
        for index in range(min(per_document, count - number)):
            kind, quad, score = rng.choice(types)
            actor, recipient = rng.choices(COUNTRIES, COUNTRY_WEIGHTS, k=2)
            day = f"20{rng.randint(15, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            doc.events.append(Event(
                id=f"{doc.id}-{index}", doc_id=doc.id, event=kind, quad_code=quad,
                event_scale=score, actor=[Actor(entity_text=actor, code=actor)],
                recipient=[Actor(entity_text=recipient, code=recipient)], date=day,
                enddate=day, text_info=TextInfo(sentence=f"{actor} {kind} {recipient}.",
                                                start=0, end=20)))
        found.append(doc)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--per-document", type=int, default=10)
    args = parser.parse_args()
    docs = documents(args.events, args.per_document, int(time.time()))
    with Database(args.store) as db:
        start = time.perf_counter()
        for doc in docs:
            db.save_document(doc)
        elapsed = time.perf_counter() - start
        version = db.schema_version
    print(f"{elapsed * 1000 / args.events:.3f} ms an event ({args.events} events, "
          f"{args.per_document} a document, schema {version})")


if __name__ == "__main__":
    main()
