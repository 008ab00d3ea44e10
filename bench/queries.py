"""Benchmark: analysis queries on synthetic stores of 10k, 100k and 1M events.

Each store is a temp file with sitrep's schema, filled directly through executemany (one
placeholder document; skewed country codes, 16 PLOVER types, dates 2015-2026, 1-2 actors and 0-1
recipient per event), so the figures isolate the SQL and its indexes from the NLP pipeline.
Each query is timed as the median of --runs runs after one warm-up.

    python bench/queries.py [--sizes 10000,100000,1000000] [--runs 7]
                            [--extra-index "CREATE INDEX ..."]...

--extra-index runs a statement (CREATE INDEX ..., or ANALYZE) in each store after building it, to
measure what an index would buy before it goes into store.py. A query whose warm-up takes more
than --budget seconds is interrupted and shown as "> budget" (a bad plan at 1M events can take
many minutes).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from sitrep.analysis import queries as analysis
from sitrep.store.database import Database
from sitrep.store.migrations import COUNTS_FROM_ROWS, DYADS_FROM_EVENT_ACTORS, statements

SEED = 20260101
DOC_HASH = "bench:placeholder"
FIRST_DAY, DAYS = date(2015, 1, 1), (date(2026, 12, 31) - date(2015, 1, 1)).days + 1

# (type, quad class, PLOVER score): the values only need to be plausible, queries ignore them.
PLOVER_TYPES = [
    ("AGREE", 1, 4.0), ("CONSULT", 1, 1.0), ("SUPPORT", 1, 3.0), ("CONCEDE", 2, 5.0),
    ("COOPERATE", 2, 6.0), ("AID", 2, 7.0), ("RETREAT", 2, 5.0), ("REQUEST", 1, 3.0),
    ("ACCUSE", 3, -2.0), ("REJECT", 3, -4.0), ("THREATEN", 3, -6.0), ("PROTEST", 3, -5.0),
    ("SANCTION", 4, -8.0), ("MOBILIZE", 4, -6.0), ("COERCE", 4, -7.0), ("ASSAULT", 4, -10.0),
]  # fmt: skip
TYPE_WEIGHTS = [8, 14, 6, 2, 6, 4, 2, 6, 10, 5, 5, 4, 6, 4, 6, 12]

# 40 codes, most active first: weights fall off as 1/rank (Zipf), as news coverage does.
COUNTRIES = [
    "USA", "RUS", "CHN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "VEN", "IND", "TUR", "PAK",
    "SYR", "PRK", "KOR", "JPN", "SAU", "EGY", "COL", "BRA", "MEX", "CUB", "NGA", "ZAF", "ETH",
    "SDN", "AFG", "IRQ", "LBN", "POL", "BLR", "QAT", "ARE", "KEN", "MLI", "NIC", "BOL", "YEM", "ESP",
]  # fmt: skip
COUNTRY_WEIGHTS = [1 / rank for rank in range(1, len(COUNTRIES) + 1)]
SECTORS = ["GOV", "MIL", "GOV", "BUS", None]

QUERIES: dict[str, Callable[[Database], object]] = {
    "timeline VEN": lambda db: analysis.timeline(db, "VEN"),
    "timeline VEN-RUS": lambda db: analysis.timeline(db, "VEN", "RUS"),
    "dyad VEN-RUS": lambda db: analysis.dyad_series(db, "VEN", "RUS"),
    "find VEN REQUEST 2025": lambda db: analysis.find_events(
        db, actor="VEN", event_type="REQUEST", since="2025-01-01"
    ),
}


def synthetic_events(count: int, seed: int) -> Iterator[tuple[tuple, list[tuple]]]:
    """(events row, event_actors rows) per event: random, but the same for the same seed."""
    rng = random.Random(seed)
    for _ in range(count):
        event_id = f"{rng.getrandbits(64):016x}"  # real ids are hashes: no insertion order
        kind, quad, score = rng.choices(PLOVER_TYPES, TYPE_WEIGHTS)[0]
        codes = rng.choices(COUNTRIES, COUNTRY_WEIGHTS, k=3)
        actors = codes[: rng.choice((1, 1, 1, 2))]
        recipients = [c for c in codes[2:] if c not in actors and rng.random() < 0.75]
        start = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        day = None if rng.random() < 0.02 else start.isoformat()  # open start, as some are
        end = (start + timedelta(days=rng.choice((0, 0, 0, 0, 30)))).isoformat()
        data = {
            "id": event_id, "doc_id": "bench", "event": kind, "mode": None, "context": [],
            "quad_code": quad, "event_scale": score,
            "actor": [{"entity_text": c, "code": c} for c in actors],
            "recipient": [{"entity_text": c, "code": c} for c in recipients],
            "date": day, "enddate": end, "modality": "asserted",
            "text_info": {"sentence": f"{' and '.join(actors)} {kind.lower()} {recipients}.",
                          "start": 0, "end": 40},
            "confidence": 0.8,
        }  # fmt: skip
        row = (event_id, DOC_HASH, "bench", kind, None, quad, score, day, end, "asserted",
               codes[0], 0.8, 0, 40, json.dumps(data))  # fmt: skip
        roles = [("actor", c) for c in actors] + [("recipient", c) for c in recipients]
        yield row, [(event_id, role, c, rng.choice(SECTORS), c, day) for role, c in roles]


def _batches(count: int, seed: int, size: int = 50_000) -> Iterator[tuple[list, list]]:
    events, actors = [], []
    for row, actor_rows in synthetic_events(count, seed):
        events.append(row)
        actors.extend(actor_rows)
        if len(events) >= size:
            yield events, actors
            events, actors = [], []
    if events:
        yield events, actors


def build(path: Path, count: int, seed: int) -> Database:
    """A store of `count` synthetic events, with exactly the schema's indexes (no ANALYZE).

    The event indexes are dropped while loading and recreated from their own SQL afterwards:
    one sort per index instead of a million random B-tree inserts. So are the triggers that keep
    the count tables (each would look the event's rows up without those indexes); the tables
    are then filled from the rows, as the migration that adds them does.
    """
    db = Database(path)
    conn = db.conn
    conn.execute("PRAGMA foreign_keys = OFF")  # consistent by construction; checks cost time
    conn.execute("PRAGMA synchronous = OFF")
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('events', 'event_actors')"
    ).fetchall()
    counting = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'counts_%'"
    ).fetchall()
    conn.execute("BEGIN")
    for name, _sql in indexes:
        conn.execute(f"DROP INDEX {name}")
    for name, _sql in counting:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute(
        "INSERT INTO documents (content_hash, id, text, ingested_at) "
        "VALUES (?, 'bench', '', '2026-01-01T00:00:00')",
        (DOC_HASH,),
    )
    for events, actors in _batches(count, seed):
        conn.executemany(
            "INSERT INTO events (id, doc_hash, doc_id, event, mode, quad_code, event_scale, date, "
            "enddate, modality, country_code, confidence, evidence_start, evidence_end, data) "
            f"VALUES ({', '.join('?' * 15)})",
            events,
        )
        conn.executemany(
            "INSERT INTO event_actors (event_id, role, code, sector, name, date) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            actors,
        )
    for _name, sql in indexes:
        conn.execute(sql)
    conn.execute(DYADS_FROM_EVENT_ACTORS)  # the derived pair rows the store keeps per event
    for statement in statements(COUNTS_FROM_ROWS):
        conn.execute(statement)
    for _name, sql in counting:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def median_ms(
    query: Callable[[Database], object], db: Database, runs: int, budget: float
) -> float | None:
    """Median milliseconds of `runs` runs after one warm-up; None if the warm-up overran `budget`.

    A query with a bad plan can take many minutes on 1M events; SQLite's progress handler
    interrupts it so that one bad plan cannot hold up the whole benchmark.
    """
    deadline = time.perf_counter() + budget
    db.conn.set_progress_handler(lambda: time.perf_counter() > deadline, 100_000)
    try:
        query(db)  # warm-up: page cache and statement cache
    except sqlite3.OperationalError as error:
        if "interrupted" not in str(error):
            raise
        return None
    finally:
        db.conn.set_progress_handler(None, 0)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        query(db)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def run_size(workdir: Path, count: int, args: argparse.Namespace) -> dict[str, float]:
    path = workdir / f"bench-{count}.db"
    start = time.perf_counter()
    db = build(path, count, args.seed)
    figures = {"build s": time.perf_counter() - start}
    for sql in args.extra_index:
        start = time.perf_counter()
        db.conn.execute(sql)
        figures["index s"] = figures.get("index s", 0.0) + time.perf_counter() - start
    for name, query in QUERIES.items():
        figures[name] = median_ms(query, db, args.runs, args.budget)
    db.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return figures


def _cell(ms: float | None, budget: float) -> str:
    return f"{ms:>19.2f} ms" if ms is not None else f"{'> ' + format(budget, 'g') + ' s':>22}"


def _ratio(high: float | None, low: float | None) -> str:
    return f"{high / low:>21.1f}x" if high is not None and low else f"{'-':>22}"


def print_table(results: dict[int, dict[str, float | None]], budget: float) -> None:
    names = list(QUERIES)
    header = f"{'events':>9} {'build s':>8} " + " ".join(f"{n:>22}" for n in names)
    print(header)
    print("-" * len(header))
    for count, figures in results.items():
        cells = " ".join(_cell(figures[n], budget) for n in names)
        print(f"{count:>9,} {figures['build s']:>8.1f} {cells}")
    sizes = sorted(results)
    if len(sizes) > 1:
        low, high = results[sizes[0]], results[sizes[-1]]
        label = f"{sizes[-1] // 1000}k/{sizes[0] // 1000}k"
        cells = " ".join(_ratio(high[n], low[n]) for n in names)
        print(f"{label:>9} {high['build s'] / low['build s']:>7.1f}x {cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="comma-separated event counts")  # fmt: skip
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--budget",
        type=float,
        default=10.0,
        help="seconds a query's warm-up may take before it is reported as slow",
    )
    parser.add_argument(
        "--extra-index",
        action="append",
        default=[],
        metavar="SQL",
        help="CREATE INDEX ... to add to each store before timing (repeatable)",
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in sizes:
            results[count] = run_size(Path(tmp), count, args)
            print(f"  built and timed {count:,} events ({results[count]['build s']:.1f} s build)",
                  flush=True)  # fmt: skip
    for sql in args.extra_index:
        print(f"extra index: {sql}")
    print_table(results, args.budget)


if __name__ == "__main__":
    main()
